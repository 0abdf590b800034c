"""Tables on scanned pages: the rules drawn in the page image and the OCR'd text -> the PDF table reader.

The page image is turned back by the page's skew (the turn that sets its OCR boxes upright), cut to
ink and paper (Otsu's threshold) and opened with a long thin stroke each way: what is left are the
rules, longer than any stroke of a character (RULE_HEIGHTS text heights across, VERTICAL_HEIGHTS
down). Each rule becomes an edge as pdfplumber gives them, in page points from the top; each box's
text becomes one character a glyph, spread over the box by width (a CJK character one unit, others
half), and two boxes of one line parted by a gap are parted by a space. pipeline.sources.pdf_tables
then reads ruled and three-line tables from these as it does from a text PDF's drawing, and places
them on the page: a row a line, cells parted by ' | ', kept whole by cleaning.
"""
from __future__ import annotations

import math
import unicodedata
from statistics import median

from pipeline.sources.layout import Char
from pipeline.sources.pdf_tables import Drawing, edge, read_tables
from pipeline.types import Table

RULE_HEIGHTS = 2.5        # a horizontal rule is longer than this many text heights (a dash —— is two)
VERTICAL_HEIGHTS = 1.3    # a vertical rule is longer than this many (a character's stroke is one at most)
RULE_THICKNESS = 0.5      # ... and thinner than this many (a filled block is no rule)
BOX_GAP = 0.3             # two boxes of a line this many font sizes apart are parted by a space


def image_edges(grey, angle: float, scale: float, text_height: float) -> list[dict]:
    """The rules of a page image (greys, height x width) as edges in page points: the image turned by
    -`angle` (radians) about its centre, `scale` pixels a point, `text_height` pixels a text box."""
    import cv2
    import numpy as np

    height, width = grey.shape
    grey = np.ascontiguousarray(grey, dtype=np.uint8)
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), math.degrees(angle), 1.0)
    ink = cv2.warpAffine(ink, turn, (width, height), flags=cv2.INTER_NEAREST, borderValue=0)
    out = []
    for orientation, size in (("h", (max(3, round(RULE_HEIGHTS * text_height)), 1)),
                              ("v", (1, max(3, round(VERTICAL_HEIGHTS * text_height))))):
        rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        found, _ = cv2.findContours(rules, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for x, y, w, h in sorted(cv2.boundingRect(c) for c in found):
            thick = h if orientation == "h" else w
            if thick > RULE_THICKNESS * text_height:
                continue
            if orientation == "h":
                mid = (y + h / 2) / scale
                out.append(edge(x / scale, (x + w) / scale, mid, mid, "h"))
            else:
                mid = (x + w / 2) / scale
                out.append(edge(mid, mid, y / scale, (y + h) / scale, "v"))
    return out


def _units(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


def glyph_chars(boxes: list[Char]) -> list[Char]:
    """One character a glyph of each box (boxes as upright layout Chars in points), spread over the box
    by width, and a space over the gap between two boxes of one line BOX_GAP font sizes wide or more."""
    out: list[Char] = []
    for c in boxes:
        units = [_units(ch) for ch in c.text]
        step = (c.x1 - c.x0) / (sum(units) or 1.0)
        x = c.x0
        for ch, u in zip(c.text, units):
            out.append(Char(ch, x, c.top, x + u * step, c.bottom, c.size))
            x += u * step
    ordered = sorted(boxes, key=lambda c: c.x0)
    for a in ordered:
        mid = (a.top + a.bottom) / 2
        b = next((b for b in ordered if b.x0 >= a.x1 and abs((b.top + b.bottom) / 2 - mid) <= 0.5 * a.size), None)
        if b is not None and b.x0 - a.x1 >= BOX_GAP * max(a.size, b.size):
            out.append(Char(" ", a.x1, min(a.top, b.top), b.x0, max(a.bottom, b.bottom), a.size))
    return out


def scanned_tables(number: int, grey, chars: list[Char], angle: float, scale: float,
                   page_size: tuple[float, float]) -> list[tuple[Table, tuple]]:
    """(table, bbox) of the tables on a scanned page: its image (greys, height x width), its OCR boxes
    as upright layout Chars in points, its skew (radians), pixels a point, and its size in points."""
    if not chars:
        return []
    text_height = median(c.bottom - c.top for c in chars) * scale
    edges = image_edges(grey, angle, scale, text_height)
    if not edges:
        return []
    drawing = Drawing(number, page_size[0], page_size[1], glyph_chars(chars), edges)
    return read_tables({number: drawing}, [number]).get(number, [])
