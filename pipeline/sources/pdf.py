"""PDF -> pages of positioned lines: PDFium (pypdfium2) for most pages, pdfplumber where it pays.

Measured on this machine (bench/bench_extract.py, 52-page rendered official document, one run):
pdfplumber's own extract_text() ~34 pages/s; this module's load + clean ~146 pages/s in-process
(x4.2) and ~107 pages/s with the worker process (x3.1), PDFium reading each page in ~3 ms
with the same per-character detail pdfplumber gives (unicode, box, font size, fill colour).
Cleaning needs exactly that detail (positions for running heads, page numbers, indents, right
margins and columns; colour for the red issuer header), so PDFium reads every page, and
pdfplumber re-reads only the pages PDFium reads incompletely: PDFium drops single-glyph text
objects of fonts without glyph heights (a line holding only '。' or a paragraph's last character,
drawn with a non-embedded CID font) and shows them as text objects with empty text, which is
cheap to detect. pdfplumber also opens files PDFium
refuses (pdfminer is more lenient with some damaged files).
"""
from __future__ import annotations

import ctypes
import json
from functools import cache

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.settings import MODELS
from pipeline.sources.layout import Char, chars_to_lines
from pipeline.sources.pdf_tables import has_rules, tables_or_warning
from pipeline.types import Page

SKIP = {"\r", "\n", "\x02", "\x00", "\ufffe", "\uffff"}
COLOR_EVERY = 8           # re-read the fill colour at least every this many characters


@cache
def _glyph_text() -> dict[int, str]:
    """str.translate table: radical code points and drawn soft hyphens as the character seen
    (models/clean/glyph_text.json)."""
    data = json.loads((MODELS / "clean" / "glyph_text.json").read_text(encoding="utf-8"))
    return {ord(k): v for k, v in data["map"].items()}


def _page_chars(textpage, height: float) -> list[Char]:
    """Every real (not generated) character of a page with its box, font size and fill colour."""
    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:                       # surrogate pairs: fall back to one call a character
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
    text = text.translate(_glyph_text())
    rect = raw.FS_RECTF()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    out = []
    color, last_size, last_bottom = None, None, None
    for i, ch in enumerate(text):
        if ch in SKIP or (ch == " " and raw.FPDFText_IsGenerated(tp, i) == 1):
            continue
        # the loose box spans the font's ascent to descent: uniform for quotes and full stops
        if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
            continue
        size = raw.FPDFText_GetFontSize(tp, i) or (rect.top - rect.bottom)
        if size != last_size or rect.bottom != last_bottom or i % COLOR_EVERY == 0:
            # colour changes come with a new run (size or line); sampling the rest saves a call each
            color = None
            if raw.FPDFText_GetFillColor(tp, i, r, g, b, a):
                color = (round(r.value / 255, 3), round(g.value / 255, 3), round(b.value / 255, 3))
            last_size, last_bottom = size, rect.bottom
        x0, x1 = rect.left, rect.right
        if ch == " " and x1 <= x0:
            x1 = x0 + size * 0.25
        out.append(Char(ch, x0, height - rect.top, max(x1, x0 + 0.01), height - rect.bottom, size, color))
    return out


def _drops_text(page, textpage) -> bool:
    """True where PDFium leaves a text object on the page without text (its glyphs were dropped).

    An object without extent draws nothing (Chromium writes one for a zero-width glyph), so
    nothing of it can have been dropped."""
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=2):
        if raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0) <= 2:
            left, bottom, right, top = obj.get_bounds()
            if right > left or top > bottom:
                return True
    return False


def parse_pdf(path: str) -> tuple[list[Page], list[str]]:
    """(pages of lines, warnings) for a PDF; raises PolicyKGError E110/E111. Pages without a text layer
    come back without lines (the loader has them read by OCR: pipeline.sources.ocr)."""
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg or "security" in msg:
            raise PolicyKGError(errors.E_PDF_ENCRYPTED) from None
        return _parse_with_pdfplumber(path)
    redo: list[int] = []
    ruled: list[int] = []
    try:
        pages: list[Page] = []
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            width, height = page.get_size()
            textpage = page.get_textpage()
            if _drops_text(page, textpage):
                redo.append(number)
            if has_rules(page, width):
                ruled.append(number)
            lines = chars_to_lines(_page_chars(textpage, height), width)
            pages.append(Page(number=number, lines=lines, width=width, height=height))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if redo:
        better = {p.number: p for p in _plumber_pages(path, redo)}
        pages = [better.get(p.number, p) for p in pages]
    table_warnings: list[str] = []
    if ruled:
        pages, table_warnings = tables_or_warning(path, pages, ruled, _glyph_text())
    return pages, table_warnings


def _parse_with_pdfplumber(path: str) -> tuple[list[Page], list[str]]:
    """Fallback for files PDFium refuses: pdfminer is more lenient with some damaged files."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pages = _plumber_pages(path)
    except PDFPasswordIncorrect:
        raise PolicyKGError(errors.E_PDF_ENCRYPTED) from None
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types for damaged files
        raise PolicyKGError(errors.E_PDF_CORRUPT, f"{type(e).__name__}: {e}"[:200]) from None
    if not pages:
        raise PolicyKGError(errors.E_PDF_CORRUPT, "no pages")
    return pages, []


def _plumber_pages(path: str, numbers: list[int] | None = None) -> list[Page]:
    """Pages (all, or the 1-based `numbers`) read with pdfplumber's chars."""
    import pdfplumber

    out = []
    with pdfplumber.open(path, pages=numbers) as pdf:
        for p in pdf.pages:
            chars = [Char(c["text"].translate(_glyph_text()), c["x0"], c["top"], c["x1"], c["bottom"], c["size"],
                          _rgb(c.get("non_stroking_color"))) for c in p.chars]
            out.append(Page(number=p.page_number, lines=chars_to_lines(chars, p.width),
                            width=p.width, height=p.height))
            p.close()
    return out


def _rgb(color) -> tuple | None:
    if not color:
        return None
    if isinstance(color, (int, float)):
        color = (color,)
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 3:
        return tuple(round(float(c), 3) for c in color)
    if len(color) == 4:                                   # CMYK
        c, m, y, k = (float(v) for v in color)
        return tuple(round((1 - v) * (1 - k), 3) for v in (c, m, y))
    return None
