"""A .docx file -> lines: body paragraphs and table rows in document order (python-docx), and the
tables read cell by cell (pipeline.sources.grid).

The container is checked before python-docx inflates it (zipguard); python-docx's XML parser
resolves no entities, and libxml2 refuses entity amplification, so an entity bomb is an error.
"""
from __future__ import annotations

from io import BytesIO

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.sources.zipguard import checked_zip
from pipeline.sources.grid import MAX_COLUMNS, table_from_grid
from pipeline.types import Line, Page, Table as PTable, row_line

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _grid(table: Table) -> tuple[list[tuple], int, int]:
    """(grid cells (row, col, rowspan, colspan, text), rows, columns) of a Word table: gridSpan
    spans columns, vMerge continues the cell above."""
    cells: list[list] = []
    open_at: dict[int, list] = {}            # column -> the cell a vMerge continues
    width = 0
    trs = table._tbl.tr_lst
    for r, tr in enumerate(trs):
        col = 0
        before = tr.trPr.find(W_NS + "gridBefore") if tr.trPr is not None else None
        if before is not None:
            col += int(before.get(W_NS + "val", "0"))
        for tc in tr.tc_lst:
            span = min(tc.grid_span, MAX_COLUMNS)
            if tc.vMerge == "continue" and col in open_at:
                open_at[col][2] += 1
            else:
                text = " ".join(p.text.strip() for p in _paragraphs(tc, table) if p.text.strip())
                cell = [r, col, 1, span, text]
                cells.append(cell)
                open_at[col] = cell
            col += span
        width = max(width, col)
    return [tuple(c) for c in cells], len(trs), width


def _paragraphs(tc, parent) -> list[Paragraph]:
    """The paragraphs of a table cell (its nested tables left out)."""
    return [Paragraph(p, parent) for p in tc.iterchildren(W_NS + "p")]


def _table_lines(table: Table) -> tuple[list[Line], PTable | None]:
    """A Word table as lines, one a row with its cells parted by ' | ' (a merged cell written once),
    and as a Table where it has a header and rows."""
    cells, n_rows, n_cols = _grid(table)
    read = table_from_grid(cells, n_rows, n_cols, None, "docx") if n_cols >= 2 else None
    if read is None:
        rows: dict[int, list[str]] = {}
        for r, c, _, _, text in cells:
            rows.setdefault(r, []).append(text)
        return [Line(text=t) for t in (row_line(v)[0] for _, v in sorted(rows.items())) if t], None
    lines = [row_line(cells)[0] for cells in read.header_lines] + [row_line(p)[0] for row in read.pieces for p in row]
    return [Line(text=t, table=True) for t in lines if t], read


def docx_pages(data: bytes) -> list[Page]:
    """One page-less Page 0 (Word files carry no fixed pages) with paragraphs and table rows;
    PolicyKGError E124 for a zip bomb, E131 for a file python-docx cannot read."""
    if checked_zip(data) is None:
        raise PolicyKGError(errors.E_DOCX, "not a zip archive")
    try:
        return _pages(docx.Document(BytesIO(data)))
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises KeyError, XML errors ...
        raise PolicyKGError(errors.E_DOCX, f"{type(e).__name__}: {e}"[:200]) from None


def _pages(document) -> list[Page]:
    lines: list[Line] = []
    tables: list[PTable] = []
    for child in document.element.body.iterchildren():
        if child.tag == W_NS + "p":
            lines.append(Line(text=Paragraph(child, document).text))
        elif child.tag == W_NS + "tbl":
            rows, read = _table_lines(Table(child, document))
            lines += rows
            if read is not None:
                tables.append(read)
    return [Page(number=0, lines=lines, tables=tables)]
