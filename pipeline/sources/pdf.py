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
refuses (pdfminer is more lenient with some damaged files). Tables are read from the same
characters and from the page's path objects (pipeline.sources.pdf_tables): pdfplumber parsing a
page for its rules cost as much as its own extract_text() of it (bench/bench_pdf_speed.py).
"""
from __future__ import annotations

import ctypes
import json
import math
import unicodedata
from functools import cache

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.settings import MODELS
from pipeline.sources.layout import Char, chars_to_lines
from pipeline.sources.pdf_tables import Drawing, has_rules, page_edges, table_chars, tables_or_warning
from pipeline.types import Page

SKIP = {"\r", "\n", "\x02", "\x00", "\ufffe", "\uffff"}
COLOR_EVERY = 8           # re-read the fill colour at least every this many characters
LOOSE_MAX = 4.0           # a loose glyph box wider or taller than this many sizes drawn is no glyph's
MIN_SCALE = 0.5           # a size drawn at less than this share of the size set was set in other units
SPACE_GAP = 0.15          # a gap of this many font sizes (drawn) holding a generated space is a space


@cache
def _glyph_text() -> dict[int, str]:
    """str.translate table: radical code points and drawn soft hyphens as the character seen
    (models/clean/glyph_text.json)."""
    data = json.loads((MODELS / "clean" / "glyph_text.json").read_text(encoding="utf-8"))
    return {ord(k): v for k, v in data["map"].items()}


def _page_chars(textpage, height: float, spaces: list[Char] | None = None) -> list[Char]:
    """Every real (not generated) character of a page with its box, font size and fill colour.

    PDFium reports a space Chromium draws as a generated one, like those it makes up where a word
    ends. Into `spaces` go the generated spaces that stand in a visible gap (SPACE_GAP) between two
    characters of one line, both wide (CJK) or both narrow: a table's cell keeps 县教体局 各相关乡镇政府
    apart as written (a gap between Chinese and a figure is LibreOffice's spacing, no space)."""
    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:                       # surrogate pairs: fall back to one call a character
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
    text = text.translate(_glyph_text())
    rect = raw.FS_RECTF()
    box = [ctypes.c_double() for _ in range(4)]       # left, right, bottom, top
    matrix = raw.FS_MATRIX()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    out = []
    color, last_size, last_bottom = None, None, None
    gap = False                              # a generated space since the last character of this line
    for i, ch in enumerate(text):
        if ch in SKIP:
            gap = False
            continue
        if ch == " " and raw.FPDFText_IsGenerated(tp, i) == 1:
            gap = bool(out)
            continue
        # the loose box spans the font's ascent to descent: uniform for quotes and full stops
        if not raw.FPDFText_GetLooseCharBox(tp, i, rect):
            continue
        size = raw.FPDFText_GetFontSize(tp, i) or (rect.top - rect.bottom)
        # PDFium's font size is the size set, before the text and page matrices scale it (Chromium sets
        # 14 and draws it at 0.75: 10.5 points, as pdfplumber says); lines are read with the size set,
        # unless it is set in units far smaller than a point (WPS Office sets 319 and draws it at 0.05:
        # a row tolerance of 319 points would run a page's lines together), where the size drawn is used
        scale = math.hypot(matrix.c, matrix.d) if raw.FPDFText_GetMatrix(tp, i, matrix) else 1.0
        if 0 < scale < MIN_SCALE:
            size, scale = size * scale, 1.0
        drawn = size * (scale or 1.0)
        if max(rect.right - rect.left, rect.top - rect.bottom) > LOOSE_MAX * drawn \
                and raw.FPDFText_GetCharBox(tp, i, *map(ctypes.byref, box)):
            # PDFium's loose box of a glyph set in vertical writing (WPS's 三、本年度办理结果 down a merged
            # cell) spans 20 sizes and more, the glyph's neighbours included: its tight box is where it is
            rect.left, rect.right, rect.bottom, rect.top = (v.value for v in box)
        if size != last_size or rect.bottom != last_bottom or i % COLOR_EVERY == 0:
            # colour changes come with a new run (size or line); sampling the rest saves a call each
            color = None
            if raw.FPDFText_GetFillColor(tp, i, r, g, b, a):
                color = (round(r.value / 255, 3), round(g.value / 255, 3), round(b.value / 255, 3))
            last_size, last_bottom = size, rect.bottom
        x0, x1 = rect.left, rect.right
        if ch == " " and x1 <= x0:
            x1 = x0 + size * 0.25
        char = Char(ch, x0, height - rect.top, max(x1, x0 + 0.01), height - rect.bottom, size, color, scale or 1.0)
        if gap and spaces is not None:
            _gap_space(out[-1], char, spaces)
        gap = False
        out.append(char)
    return out


def _gap_space(prev: Char, char: Char, spaces: list[Char]) -> None:
    """A space Char over the gap between two characters of one line where it is wide enough to read
    as a space and both are wide characters or both narrow."""
    size = max(prev.size * prev.scale, char.size * char.scale)
    same_line = abs((prev.top + prev.bottom) - (char.top + char.bottom)) / 2 <= 0.5 * size
    if same_line and char.x0 - prev.x1 >= SPACE_GAP * size and char.text.strip() and prev.text.strip() \
            and _wide(prev.text) == _wide(char.text):
        spaces.append(Char(" ", prev.x1, min(prev.top, char.top), char.x0, max(prev.bottom, char.bottom),
                           char.size, None, char.scale))


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch[:1]) in "WF"


def _drops_text(page, textpage) -> bool:
    """True where PDFium leaves a text object on the page (or in a form on it) without text (its glyphs
    were dropped). Read through PDFium's C API (pypdfium2's object wrappers cost a millisecond a page).

    An object without extent draws nothing (Chromium writes one for a zero-width glyph), so
    nothing of it can have been dropped, unless its font is not embedded: without an installed font
    to lay it out PDFium gives such an object neither text nor extent."""
    box = [ctypes.c_float() for _ in range(4)]

    def dropped(count: int, get, level: int) -> bool:
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and level == 0:
                if dropped(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), 1):
                    return True
            elif kind == raw.FPDF_PAGEOBJ_TEXT and raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0) <= 2:
                font = raw.FPDFTextObj_GetFont(obj)
                if font and not raw.FPDFFont_GetIsEmbedded(font):
                    return True            # a font left to the reader (STSong-Light) and no CJK font installed
                if raw.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, box)):
                    left, bottom, right, top = (b.value for b in box)
                    if right > left or top > bottom:
                        return True
        return False

    return dropped(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k), 0)


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
    drawings: dict[int, Drawing] = {}      # ruled pages and the page after each (where a table may go on)
    try:
        pages: list[Page] = []
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            width, height = page.get_size()
            textpage = page.get_textpage()
            if _drops_text(page, textpage):
                redo.append(number)
            spaces: list[Char] = []
            chars = _page_chars(textpage, height, spaces)
            if has_rules(page, width):
                ruled.append(number)
            if ruled and ruled[-1] >= number - 1:
                drawings[number] = Drawing(number, width, height, table_chars(chars + spaces),
                                           page_edges(page, height))
            pages.append(Page(number=number, lines=chars_to_lines(chars, width), width=width, height=height))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if redo:
        better = {}
        for p, chars in _plumber_pages(path, redo):
            better[p.number] = p
            if p.number in drawings:           # the table's cells from the characters the lines were made of
                drawings[p.number].chars = table_chars(chars)
        pages = [better.get(p.number, p) for p in pages]
    table_warnings: list[str] = []
    if ruled:
        pages, table_warnings = tables_or_warning(pages, drawings, ruled)
    return pages, table_warnings


def _parse_with_pdfplumber(path: str) -> tuple[list[Page], list[str]]:
    """Fallback for files PDFium refuses: pdfminer is more lenient with some damaged files."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pages = [p for p, _ in _plumber_pages(path)]
    except PDFPasswordIncorrect:
        raise PolicyKGError(errors.E_PDF_ENCRYPTED) from None
    except Exception as e:  # noqa: BLE001 - pdfminer raises many types for damaged files
        raise PolicyKGError(errors.E_PDF_CORRUPT, f"{type(e).__name__}: {e}"[:200]) from None
    if not pages:
        raise PolicyKGError(errors.E_PDF_CORRUPT, "no pages")
    return pages, []


def _plumber_pages(path: str, numbers: list[int] | None = None) -> list[tuple[Page, list[Char]]]:
    """Pages (all, or the 1-based `numbers`) read with pdfplumber's chars, each with its chars."""
    import pdfplumber

    out = []
    with pdfplumber.open(path, pages=numbers) as pdf:
        for p in pdf.pages:
            chars = [Char(c["text"].translate(_glyph_text()), c["x0"], c["top"], c["x1"], c["bottom"], c["size"],
                          _rgb(c.get("non_stroking_color"))) for c in p.chars]
            out.append((Page(number=p.page_number, lines=chars_to_lines(chars, p.width),
                             width=p.width, height=p.height), chars))
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
