"""The source's tables as the record gives them: every cell found in the clean text (page and span),
the table's caption and unit, the unit each column's header states, and the rows checked against a
合计 row (the contract's `tables`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import errors
from ..numerals import HALF_WIDTH
from ..types import CleanText, Source, Table, row_line
from .lexicon import data, rx


CAPTION_MAX = 60            # a caption is a short line


@dataclass
class Cell:
    text: str
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass
class RecordTable:
    """A table of the record: header rows (merged cells spread), body rows of located cells, the
    table's unit (from the 单位 line above it, else the one unit its headers state) and each column's."""
    index: int
    page: int | None
    kind: str
    caption: str | None
    unit: str | None
    header: list[list[str]]
    rows: list[list[Cell]]
    column_units: list[str | None] = field(default_factory=list)
    total_rows: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"page": self.page, "kind": self.kind, "caption": self.caption, "unit": self.unit,
                "column_units": self.column_units, "header": self.header,
                "rows": [[{"text": c.text, "start": c.start, "end": c.end, "page": c.page} for c in row]
                         for row in self.rows],
                "warnings": self.warnings}


def record_tables(source: Source, clean: CleanText) -> tuple[list[RecordTable], list[str]]:
    """The source's tables with located cells, and the warnings they give the record."""
    out: list[RecordTable] = []
    warnings: list[str] = []
    cursor = 0
    for table in (t for p in source.pages for t in p.tables):
        k = len(out)
        first = None
        for cells in table.header_lines:
            line, _ = row_line(cells)
            at = _find_line(clean.text, line, cursor)
            if at is not None:
                first = at if first is None else first
                cursor = at + len(line)
        rows: list[list[Cell]] = []
        rt = RecordTable(k, table.page, table.kind, table.caption, None, [list(r) for r in table.header], rows)
        for r, (row, pieces) in enumerate(zip(table.rows, table.pieces)):
            cells = [Cell(text) for text in row]
            found = False
            for piece in pieces:
                line, spans = row_line(piece)
                at = _find_line(clean.text, line, cursor) if line else None
                if at is None:
                    continue
                found = True
                first = at if first is None else first
                cursor = at + len(line)
                for cell, span in zip(cells, spans):
                    if span is None:
                        continue
                    s, e = at + span[0], at + span[1]
                    cell.start = s if cell.start is None else cell.start
                    cell.end = e
                    cell.page = cell.page if cell.page is not None else clean.page_at(s)
            if not found and any(row):
                rt.warnings.append(errors.W_TABLE_ROW_LOST.format(table=k + 1, row=r + 1))
            rows.append(cells)
        unit_line = table.unit_line
        if table.caption is None and unit_line is None and first is not None:
            rt.caption, unit_line = lines_above(clean.text, first)     # sources without positions: the lines before it
        rt.unit, rt.column_units = table_units(table, unit_line)
        rt.total_rows = total_rows(rt)
        rt.warnings += check_totals(rt)
        warnings += rt.warnings
        out.append(rt)
    return out, warnings


def _find_line(text: str, line: str, start: int) -> int | None:
    """Offset of `line` standing as a line of its own in `text` at or after `start`."""
    at = text.find(line, start)
    while at >= 0:
        end = at + len(line)
        if (at == 0 or text[at - 1] == "\n") and (end == len(text) or text[end] == "\n"):
            return at
        at = text.find(line, at + 1)
    return None


def lines_above(text: str, at: int) -> tuple[str | None, str | None]:
    """(caption, unit line) from the lines right before offset `at`: a 单位：万元 line, and a short
    line that ends no sentence before it."""
    before = text[:at].rstrip("\n").split("\n")[-2:]
    caption = unit = None
    if before and unit_of_line(before[-1]):
        unit = before.pop().strip()
    if before:
        last = before[-1].strip()
        if 0 < len(last) <= CAPTION_MAX and not re.search(r"[。；;！？!?：:]$", last) and " | " not in last:
            caption = last
    return caption, unit


def unit_of_line(line: str | None) -> str | None:
    """The unit a 单位：万元 line states."""
    if not line:
        return None
    m = rx(data("tables")["unit_line"]).search(line.strip())
    return m.group("unit") if m else None


def unit_of_header(text: str) -> str | None:
    """The unit a column header states in brackets: 资金（万元）, 本年收费金额（单位：万元）."""
    m = rx(data("tables")["header_unit"]).search(text.strip())
    return m.group("unit") if m else None


def table_units(table: Table, unit_line: str | None) -> tuple[str | None, list[str | None]]:
    """(the table's unit, each column's unit): the 单位 line above the table, then what each column's
    header states (a merged header cell states it for every column it spans)."""
    line_unit = unit_of_line(unit_line)
    width = len(table.header[0]) if table.header else (len(table.rows[0]) if table.rows else 0)
    columns: list[str | None] = []
    for c in range(width):
        unit = None
        for row in reversed(table.header):
            unit = unit_of_header(row[c])
            if unit:
                break
        columns.append(unit or line_unit)
    stated = {u for u in columns if u}
    return line_unit or (stated.pop() if len(stated) == 1 else None), columns


def figure(text: str) -> float | None:
    """The number a cell holds alone (7545, 1,234.5, －12), else None."""
    t = re.sub(r"[,，\s]", "", text.translate(HALF_WIDTH)).replace("－", "-")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", t):
        return None
    return float(t)


def row_label(row: list[Cell]) -> str:
    """A row's first written cell that is no figure (its label: 合计, 大埝, a project's name)."""
    return next((c.text for c in row if c.text.strip() and figure(c.text) is None), "")


def total_rows(table: RecordTable) -> list[int]:
    """Indices of the rows labelled 合计, 总计 ... (in their first written cell)."""
    labels = {re.sub(r"\s+", "", w) for w in data("tables")["total_labels"]}
    out = []
    for r, row in enumerate(table.rows):
        first = next((c.text for c in row if c.text.strip()), "")
        if re.sub(r"\s+", "", first) in labels:
            out.append(r)
    return out


def check_totals(table: RecordTable) -> list[str]:
    """A warning for each column whose figures above a 合计 row do not add up to it (rows labelled
    小计 or 其中 left out of the sum)."""
    subtotals = tuple(data("tables")["subtotal_labels"])
    out = []
    start = 0
    for t in table.total_rows:
        total_row = table.rows[t]
        above = [row for row in table.rows[start:t] if not row_label(row).startswith(subtotals)]
        for c, cell in enumerate(total_row):
            total = figure(cell.text)
            values = [figure(row[c].text) for row in above if c < len(row)]
            if total is None or not any(v is not None for v in values):
                continue
            s = sum(v for v in values if v is not None)
            # each figure may be rounded to the places it shows: half a unit of the last place each
            places = max(_places(x.text) for x in [cell] + [row[c] for row in above if c < len(row)])
            slack = 0.5 * 10 ** -places * (sum(v is not None for v in values) + 1)
            if abs(s - total) > slack + 1e-9:
                name = next((h[c] for h in reversed(table.header) if h[c].strip()), f"column {c + 1}")
                out.append(errors.W_TABLE_TOTAL.format(table=table.index + 1, column=name, sum=_num(s),
                                                       label=row_label(total_row), total=_num(total)))
        start = t + 1
    return out


def _places(text: str) -> int:
    m = re.search(r"\.(\d+)\s*$", text.translate(HALF_WIDTH))
    return len(m.group(1)) if m else 0


def _num(x: float) -> str:
    return str(int(x)) if abs(x - round(x)) < 1e-9 else f"{x:.4f}".rstrip("0")
