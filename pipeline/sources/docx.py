"""A .docx file -> lines: body paragraphs and table rows in document order (python-docx).

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
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == W_NS + "p":
            lines.append(Paragraph(child, document).text)
        elif child.tag == W_NS + "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return [Page(number=0, lines=[Line(text=t) for t in lines])]
