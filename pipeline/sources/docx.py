"""A .docx file -> lines: body paragraphs and table rows in document order (python-docx)."""
from __future__ import annotations

from io import BytesIO

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from pipeline.types import Line, Page

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _table_lines(table: Table) -> list[str]:
    """One line per row: the row's distinct cell texts separated by a space (merged cells repeat)."""
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text:
                cells.append(text)
        if cells:
            out.append(" ".join(cells))
    return out


def docx_pages(data: bytes) -> list[Page]:
    """One page-less Page 0 (Word files carry no fixed pages) with paragraphs and table rows."""
    document = docx.Document(BytesIO(data))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == W_NS + "p":
            lines.append(Paragraph(child, document).text)
        elif child.tag == W_NS + "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return [Page(number=0, lines=[Line(text=t) for t in lines])]
