"""Tables copied into text: a task or policy table's header (序号, 重点任务, 责任单位) written on one line
or one cell a line, which opens table rows in the outline (sections.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from .layout import TextLine
from .lexicon import data, rx

_CELL_PUNCT = re.compile(r"[。，,；;：:、！？!?]")


def is_table_header(line: str) -> bool:
    """A task or policy table's header copied as text: 序号 and enough column names (任务, 责任单位)."""
    spec = data("outline")["table_rows"]
    if not any(w in line for w in spec["header_words"]) or "。" in line:
        return False
    found = [w for w in spec["column_words"] if w in line]
    return len({w for w in found if not any(w != o and w in o for o in found)}) >= spec["min_columns"]


def names_unit_column(line: str) -> bool:
    """A table header with a column of responsible units (责任单位, 实施部门): the table assigns tasks."""
    return is_table_header(line) and any(w in line for w in data("outline")["table_rows"]["unit_columns"])


@lru_cache(maxsize=8)                       # asked by the kind, the rules and the chooser of one document
def names_unit_table(view_text: str) -> bool:
    """True where a text (its view) holds a table with a column of units, on one line or cell by cell
    (序号 / 民生实事 / 责任单位 / 完成时限): the table assigns its rows to units."""
    return names_unit_column_vertically(view_text) or any(map(names_unit_column, view_text.splitlines()))


def names_unit_column_vertically(view_text: str) -> bool:
    """True where a table copied cell by cell has a header naming a unit column (序号 / 工作任务 / 负责部门):
    its id column and the unit column within a few cells of each other."""
    spec = data("outline")["table_rows"]
    cells = [c for c in (ln.strip(" |｜\t") for ln in view_text.splitlines()) if c]
    for i, cell in enumerate(cells):
        if cell in spec["vertical"]["id_columns"] \
                and any(c in spec["unit_columns"] for c in cells[i + 1:i + spec["vertical"]["min_cells"] + 4]):
            return True
    return False


def vertical_header(lines: list[TextLine], k: int) -> tuple[int, tuple[int, int]] | None:
    """(index of the last header cell, (title cell's offset after the id, cells after the id)) where a
    table copied cell by cell starts its header at lines[k] (序号 / 重点任务 / 改革措施 / 牵头单位 / 责任单位)."""
    spec = data("outline")["table_rows"]["vertical"]
    cells = []
    for ln in lines[k:k + 12]:
        if len(ln.text) > spec["max_cell_chars"] or _CELL_PUNCT.search(ln.text) \
                or rx(spec["row_id"]).match(ln.text):
            break                                  # a row's id (A01) ends the header
        cells.append(ln.text)
    ids = [i for i, c in enumerate(cells) if c in spec["id_columns"]]
    if len(cells) < spec["min_cells"] or not ids or any(w in c for c in cells for w in spec["project_columns"]):
        return None
    after = cells[ids[0] + 1:]
    for word in spec["title_columns"]:
        hit = next((i for i, c in enumerate(after) if word in c), None)
        if hit is not None:
            return k + len(cells) - 1, (hit, len(after))
    return None
