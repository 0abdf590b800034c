"""Render a text document into a PDF laid out like a Chinese official document (GB/T 9704-like).

Test and benchmark input: A4, a 156 x 225 mm text area, ~28 characters a line, 22 lines a page,
centred title block, '— 2 —' page numbers at the foot, an optional red issuer header on page 1,
optional running header/footer and two-column pages. Uses reportlab's built-in CID font
STSong-Light, so nothing is downloaded. Generated PDFs are made where needed, never committed.

    python corpora/render_pdf.py IN.txt OUT.pdf [--columns 2] [--header TEXT] [--footer TEXT]
        [--issuer-header TEXT] [--preformatted]

Each non-blank input line is a paragraph, wrapped and indented by two characters; with
`preformatted=True` each input line is drawn as one line as it stands (like an earlier PDF
extraction), wrapping only where it is too long. Lines before the salutation (the first line
ending in '：') that fit on one line are centred as the title block.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
RED = Color(0.85, 0.0, 0.0)
TEXT_LEFT = 28 * mm
TEXT_TOP = 37 * mm
TEXT_WIDTH = 156 * mm
TEXT_HEIGHT = 225 * mm
GUTTER_CHARS = 2
ISSUER_LINES = 4          # body lines the red issuer header takes on page 1


@dataclass
class RenderResult:
    """What was drawn: page count, the page of each input line, and every drawn line with its page."""
    pages: int
    line_pages: list[int | None] = field(default_factory=list)   # page of each input line's first char
    fragments: list[tuple[str, int]] = field(default_factory=list)


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _wrap(text: str, width: float, size: float, first_indent: float) -> list[str]:
    """Break text into lines that fit `width`; ASCII words up to 8 characters are not split."""
    lines, cur, avail = [], "", width - first_indent
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and text[i].isalnum():
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] in ".%") \
                    and j - i < 8:
                j += 1
        piece = text[i:j]
        if cur and pdfmetrics.stringWidth(cur + piece, FONT, size) > avail + 0.01:
            lines.append(cur)
            cur, avail = "", width
            piece = piece.lstrip(" ")
        cur += piece
        i = j
    if cur or not lines:
        lines.append(cur)
    return lines


def render(text: str, out_path, *, columns: int = 1, header: str | None = None,
           footer: str | None = None, issuer_header: str | None = None, chars_per_line: int = 28,
           lines_per_page: int = 22, preformatted: bool = False) -> RenderResult:
    """Draw `text` into a PDF at `out_path`; returns the page of every input line and drawn line.

    `chars_per_line` and `lines_per_page` count per column: two-column pages use a smaller font.
    """
    font = _font()
    page_w, page_h = A4
    col_gap = 0.0 if columns == 1 else TEXT_WIDTH / (columns * chars_per_line + GUTTER_CHARS) * GUTTER_CHARS
    col_w = (TEXT_WIDTH - col_gap * (columns - 1)) / columns
    size = col_w / chars_per_line
    pitch = TEXT_HEIGHT / lines_per_page
    c = canvas.Canvas(str(out_path), pagesize=A4)
    c.setTitle(Path(str(out_path)).stem)

    src = text.splitlines()
    salutation = next((i for i, s in enumerate(src) if s.strip().endswith(("：", ":"))), 0)
    result = RenderResult(pages=0, line_pages=[None] * len(src))
    state = {"page": 0, "slot": 0}

    def start_page() -> None:
        state["page"] += 1
        state["slot"] = 0
        n = state["page"]
        if n > 1:
            c.showPage()
        c.setFillColor(black)
        if header:
            c.setFont(font, 10.5)
            c.drawCentredString(page_w / 2, page_h - TEXT_TOP + 10 * mm, header)
        if footer:
            c.setFont(font, 10.5)
            c.drawCentredString(page_w / 2, page_h - TEXT_TOP - TEXT_HEIGHT - 16 * mm, footer)
        c.setFont(font, 14)
        c.drawCentredString(page_w / 2, page_h - TEXT_TOP - TEXT_HEIGHT - 9 * mm, f"— {n} —")
        if n == 1 and issuer_header:
            c.setFillColor(RED)
            c.setFont(font, 30)
            base = page_h - TEXT_TOP - 2 * pitch
            c.drawCentredString(page_w / 2, base, issuer_header)
            c.setStrokeColor(RED)
            c.setLineWidth(1.5)
            c.line(TEXT_LEFT, base - pitch, TEXT_LEFT + TEXT_WIDTH, base - pitch)
            c.setFillColor(black)
            state["slot"] = ISSUER_LINES
        result.pages = n

    def draw(line: str, indent: float = 0.0, centred: bool = False, justify: bool = False) -> int:
        if state["page"] == 0 or state["slot"] >= lines_per_page * columns:
            start_page()
        col, row = divmod(state["slot"], lines_per_page)
        x = TEXT_LEFT + col * (col_w + col_gap)
        y = page_h - TEXT_TOP - (row + 1) * pitch + (pitch - size) / 2
        c.setFont(font, size)
        if not line.strip():
            pass                                  # an empty text object would read as dropped text
        elif centred:
            c.drawCentredString(x + col_w / 2, y, line)
        else:
            natural = pdfmetrics.stringWidth(line, font, size)
            room = col_w - indent
            space = 0.0
            if len(line) > 1 and (justify or natural > room):
                space = (room - natural) / (len(line) - 1)   # justified or squeezed to the margin
            c.drawString(x + indent, y, line, charSpace=space)
        state["slot"] += 1
        if line.strip():
            result.fragments.append((line, state["page"]))
        return state["page"]

    for i, raw in enumerate(src):
        para = raw.strip()
        if not para:
            continue
        fits = pdfmetrics.stringWidth(para, font, size) <= col_w
        if i < salutation and fits:
            result.line_pages[i] = draw(para, centred=True)
            continue
        natural = pdfmetrics.stringWidth(para, font, size)
        if preformatted and natural <= col_w * 1.08:
            # near-full lines are justified to the margin, as the original typesetting had them
            result.line_pages[i] = draw(para, justify=natural >= col_w - 3.5 * size)
            continue
        indent = 0.0 if preformatted else 2 * size
        pieces = _wrap(para, col_w, size, indent)
        for k, piece in enumerate(pieces):
            page = draw(piece, indent=indent if k == 0 else 0.0, justify=k < len(pieces) - 1)
            if k == 0:
                result.line_pages[i] = page
    if state["page"] == 0:
        start_page()
    c.save()
    return result


def main(argv: list[str] | None = None) -> int:
    """CLI: render IN.txt into OUT.pdf."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--columns", type=int, default=1)
    ap.add_argument("--header")
    ap.add_argument("--footer")
    ap.add_argument("--issuer-header")
    ap.add_argument("--chars-per-line", type=int, default=28)
    ap.add_argument("--lines-per-page", type=int, default=22)
    ap.add_argument("--preformatted", action="store_true")
    a = ap.parse_args(argv)
    text = Path(a.input).read_text(encoding="utf-8-sig")
    r = render(text, a.output, columns=a.columns, header=a.header, footer=a.footer,
               issuer_header=a.issuer_header, chars_per_line=a.chars_per_line,
               lines_per_page=a.lines_per_page, preformatted=a.preformatted)
    print(f"{a.output}: {r.pages} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
