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
    """True where a text (its view) holds a table with a column of units, on one line, cell by cell
    (序号 / 民生实事 / 责任单位 / 完成时限) or run together with its rows: the table assigns its rows to units."""
    lines = view_text.splitlines()
    return names_unit_column_vertically(view_text) or any(map(names_unit_column, lines)) \
        or any(names_unit_column(header) for ln in lines if (header := _run_on_header(ln)))


def split_table_runs(lines: list[TextLine]) -> list[TextLine]:
    """The lines with a task table run together on one line (…分工表序号工作内容…责任单位备注1将…。市城管委…2完善…)
    parted into the text before its header, the header and each row, view offsets kept; others as they are."""
    out: list[TextLine] = []
    for ln in lines:
        cuts = _run_on_cuts(ln.text)
        for a, b in zip([0, *cuts], [*cuts, len(ln.text)]):
            piece = ln.text[a:b].strip()
            if piece:
                start = ln.start + a + ln.text[a:b].index(piece)
                out.append(TextLine(len(out), start, start + len(piece), piece))
    return out


def _run_on_table(line: str) -> tuple[str, int, int] | None:
    """(header word, header start, row 1 start) of a table run together on the line, else None."""
    for word in data("outline")["table_rows"]["header_words"]:
        for m in re.finditer(re.escape(word), line):
            if (row := _run_on_header_end(line, m.start())) is not None:
                return word, m.start(), row
    return None


def _run_on_header(line: str) -> str | None:
    """The header of a table run together on the line (序号工作内容目标任务责任单位备注), else None."""
    table = _run_on_table(line)
    return line[table[1]:table[2]] if table else None


def _run_on_cuts(line: str) -> list[int]:
    """Offsets where a table run together on the line opens its header and each row, a header printed
    again too (outline.json table_rows.run_on); [] where the line holds no such table."""
    if (table := _run_on_table(line)) is None:
        return []
    word, start, row = table
    cuts, number, pos = [start, row] if start else [row], 1, row
    while (found := _next_run_on_row(line, pos + len(str(number)), number + 1, word)) is not None:
        header, pos = found
        cuts += [header, pos] if header is not None else [pos]
        number += 1
    return cuts


def _run_on_header_end(line: str, start: int, number: int = 1) -> int | None:
    """Where row `number` opens right after a run-on header starting at `start` (序号工作内容…备注|1将…), else None."""
    spec = data("outline")["table_rows"]["run_on"]
    m = rx(f"{spec['header_chars']}{{2,{spec['max_header_chars']}}}(?={number}(?!\\d))").match(line, start)
    if not m or not is_table_header(m.group()) or not _opens_row(line, m.end() + len(str(number))):
        return None
    return m.end()


def _next_run_on_row(line: str, start: int, number: int, header_word: str) -> tuple[int | None, int] | None:
    """(offset of a header printed again before it or None, offset) of row `number` in a run-on table:
    the number after a cell's end or a header, a word after it; None where no row follows."""
    cell_end = data("outline")["table_rows"]["run_on"]["cell_end"]
    for m in rx(f"(?<![\\d.．]){number}(?![\\d.．])").finditer(line, start):
        if not _opens_row(line, m.end()):
            continue
        if line[m.start() - 1] in cell_end:
            return None, m.start()
        again = line.rfind(header_word, start, m.start())
        if again >= 0 and _run_on_header_end(line, again, number) == m.start():
            return again, m.start()
    return None


def _opens_row(line: str, k: int) -> bool:
    """True where a row's text may start at k: a Chinese word, not a measure word (3个, 2年)."""
    return k < len(line) and "\u4e00" <= line[k] <= "\u9fff" \
        and line[k] not in data("outline")["table_rows"]["run_on"]["not_row_start"]


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


def vertical_cell(line: str) -> str:
    """A cell of a table copied one cell a line, without the bar a copy closes it with or its spaces (分 管 县领导 |)."""
    return "".join(line.strip(" |｜\t").split())


def vertical_header(lines: list[TextLine], k: int) -> tuple[int, tuple[int, int]] | None:
    """(index of the last header cell, (title cell's offset after the id, cells after the id)) where a
    table copied cell by cell starts its header at lines[k] (序号 / 重点任务 / 改革措施 / 牵头单位 / 责任单位)."""
    spec = data("outline")["table_rows"]["vertical"]
    cells = []
    for ln in lines[k:k + 12]:
        cell = vertical_cell(ln.text)             # a bar on a line of its own stays a cell (| / 序号 / | / 工作任务)
        if cell and (len(cell) > spec["max_cell_chars"] or _CELL_PUNCT.search(cell) or rx(spec["row_id"]).match(cell)):
            break                                  # a row's id (A01) ends the header
        cells.append(cell or ln.text)
    ids = [i for i, c in enumerate(cells) if c in spec["id_columns"]]
    if len(cells) < spec["min_cells"] or not ids or any(w in c for c in cells for w in spec["project_columns"]):
        return None
    after = cells[ids[0] + 1:]
    for word in spec["title_columns"]:
        hit = next((i for i, c in enumerate(after) if word in c), None)
        if hit is not None:
            return k + len(cells) - 1, (hit, len(after))
    return None
