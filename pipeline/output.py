"""What the commands print: JSON, newline-delimited JSON, CSV for programs; tables for people.

Pure functions from plain data (dicts, lists, scalars) to text; the command line picks one.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from typing import Any, Iterable

FORMATS = ("table", "json", "nl", "csv")
WIDE = 1_000_000          # a console this wide never cuts a cell


def as_json(data: Any) -> str:
    """The whole result as indented JSON, Chinese kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def as_nl(rows: Iterable[dict]) -> str:
    """One compact JSON object per line (newline-delimited JSON), nested values kept as JSON."""
    return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in rows)


def columns_of(rows: Iterable[dict]) -> list[str]:
    """Every key of the rows, in the order first seen."""
    return list(dict.fromkeys(k for r in rows for k in r))


def csv_cell(value: Any) -> Any:
    """A CSV cell: lists and dicts as JSON, None empty, whole floats as integers."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value


def as_csv(rows: list[dict]) -> str:
    """A header of every key, then one line per row (RFC 4180 quoting)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = columns_of(rows)
    writer.writerow(columns)
    writer.writerows([csv_cell(r.get(c)) for c in columns] for r in rows)
    return out.getvalue().rstrip("\n")


def cell_text(value: Any) -> str:
    """A table cell for people: lists joined with 、, dicts as JSON, whole floats as integers."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (list, tuple)):
        return "、".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value).replace("\n", " ")


def terminal_width() -> int:
    """Columns of the terminal (or $COLUMNS), 100 where there is none."""
    return shutil.get_terminal_size((100, 24)).columns


def table(rows: list[dict], columns: list[str] | None = None, width: int | None = None, wide: bool = False,
          title: str | None = None) -> str:
    """Rows as a table that fits `width` (default: the terminal); long text cut with …, short cells kept whole.

    `wide` shows every cell whole however wide the table gets.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table

    if not rows:
        return "(none)"
    columns = columns or columns_of(rows)
    cells = [[cell_text(r.get(c)) for c in columns] for r in rows]
    console = Console(file=io.StringIO(), width=WIDE if wide else (width or terminal_width()),
                      color_system=None, highlight=False, emoji=False, markup=False, soft_wrap=False)
    t = Table(box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, show_edge=False,
              collapse_padding=True)
    for i, name in enumerate(columns):
        longest = max([console.measure(name).maximum, *(console.measure(row[i]).maximum for row in cells)])
        # short columns (numbers, dates, ids) are never cut; long text gives way first, cut with an ellipsis
        t.add_column(name, no_wrap=wide or longest <= 16, overflow="fold" if wide else "ellipsis",
                     min_width=min(longest, 6),
                     justify="right" if _numeric([r.get(name) for r in rows]) else "left")
    for row in cells:
        t.add_row(*row)
    console.print(t)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())


def _numeric(values: list) -> bool:
    """True where every value given is a number (and one is given): the column aligns right."""
    given = [v for v in values if v is not None]
    return bool(given) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in given)
