"""Positioned characters -> text lines in reading order: rows by baseline, segments split at wide gaps,
two-column pages read column by column (full-width lines such as titles and running heads stay put)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from statistics import median

from pipeline.types import Line

ROW_TOLERANCE = 0.45      # share of the font size two baselines may differ by within one row
SEGMENT_GAP = 1.6         # a horizontal gap wider than this many font sizes splits a row
SPACE_GAP = 0.3           # a gap wider than this many font sizes between glyphs reads as a space
COLUMN_MIN_LINES = 3      # lines each side of a gutter (on average) before a page counts as two-column
COLUMN_MIN_SIDE = 2       # ... and at least this many on the shorter side (a section's last lines)


@dataclass
class Char:
    """One glyph in page coordinates measured from the top (like pdfplumber's `top`)."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    color: tuple | None = None
    scale: float = 1.0        # how much the page's matrices scale `size` (the size drawn: size * scale)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


def _segment_line(chars: list[Char]) -> Line:
    parts, prev = [], None
    for ch in chars:
        # glyph boxes of CJK punctuation are narrower than their advance: spaces only between Latin
        if prev is not None and ch.text.isascii() and prev.text.isascii() and ch.text != " " \
                and prev.text != " " and ch.x0 - prev.x1 > SPACE_GAP * max(ch.size, prev.size):
            parts.append(" ")
        parts.append(ch.text)
        prev = ch
    colors = Counter(c.color for c in chars if c.text.strip())
    return Line(text="".join(parts).strip(), x0=chars[0].x0, top=min(c.top for c in chars),
                x1=chars[-1].x1, bottom=max(c.bottom for c in chars),
                size=round(median(c.size for c in chars), 2),
                color=colors.most_common(1)[0][0] if colors else None)


def _rows(chars: list[Char]) -> list[list[Char]]:
    rows: list[list[Char]] = []
    centre = None
    for ch in sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        mid = (ch.top + ch.bottom) / 2
        if rows and abs(mid - centre) <= ROW_TOLERANCE * max(ch.size, 1.0):
            rows[-1].append(ch)
        else:
            rows.append([ch])
            centre = mid
    return [sorted(r, key=lambda c: c.x0) for r in rows]


def _segments(row: list[Char]) -> list[list[Char]]:
    segs = [[row[0]]]
    for ch in row[1:]:
        prev = segs[-1][-1]
        if ch.x0 - prev.x1 > SEGMENT_GAP * max(ch.size, prev.size, 1.0):
            segs.append([ch])
        else:
            segs[-1].append(ch)
    return [s for s in segs if any(c.text.strip() for c in s)]


def _gutter(segments: list[Line], width: float) -> float | None:
    """The x of an empty vertical band in the middle of the page with text on both sides, if any.

    Only places with enough lines wholly on each side count: where one column holds a few lines
    (the last lines of a section), the thinly covered middle of that column is no gutter."""
    if width <= 0 or len(segments) < 2 * COLUMN_MIN_LINES:
        return None
    lo, hi = int(width * 0.3), int(width * 0.7)
    n = hi - lo + 1
    cover = [0] * n
    for s in segments:
        for x in range(max(lo, int(s.x0) + 1), min(hi, int(s.x1) - 1) + 1):
            cover[x - lo] += 1
    x1s, x0s = sorted(s.x1 for s in segments), sorted(s.x0 for s in segments)

    def sides(i: int) -> bool:
        x = lo + i
        return _two_sided(bisect_right(x1s, x), len(x0s) - bisect_left(x0s, x))

    places = [i for i in range(n) if sides(i)]
    if not places:
        return None
    best = min(places, key=lambda i: (cover[i], abs(i - n / 2)))
    if cover[best] > 0.25 * len(segments):
        return None
    # the middle of the empty band: a short centred line (a title's last character) inside it
    # must not push the gutter to one side of itself
    a = b = best
    while a > 0 and cover[a - 1] <= cover[best] + 1 and sides(a - 1):
        a -= 1
    while b < n - 1 and cover[b + 1] <= cover[best] + 1 and sides(b + 1):
        b += 1
    x = lo + (a + b) / 2
    left_n = sum(1 for s in segments if s.x1 <= x)
    right_n = sum(1 for s in segments if s.x0 >= x)
    return float(x) if _two_sided(left_n, right_n) else None


def _two_sided(left: int, right: int) -> bool:
    """Enough lines on both sides of a gutter: a few on the shorter side, more in all."""
    return min(left, right) >= COLUMN_MIN_SIDE and left + right >= 2 * COLUMN_MIN_LINES


def _split_at(seg: list[Char], x: float) -> list[list[Char]]:
    """A segment cut at the gutter `x` where no glyph covers it: two pieces, or the segment whole."""
    ink = [i for i, c in enumerate(seg) if c.text.strip()]
    for a, b in zip(ink, ink[1:]):
        if seg[a].x1 <= x <= seg[b].x0 and seg[b].x0 - seg[a].x1 >= 0.5 * min(seg[a].size, seg[b].size):
            return [seg[:a + 1], seg[b:]]
    return [seg]


def segment_rows(chars: list[Char]) -> list[list[list[Char]]]:
    """The page's rows by baseline, top to bottom, each cut at wide gaps into segments left to right."""
    chars = [c for c in chars if c.text not in ("\r", "\n", "")]
    return [r for r in (_segments(r) for r in _rows(chars)) if r] if chars else []


def chars_to_lines(chars: list[Char], width: float, columns: bool = True) -> list[Line]:
    """Reading-order lines of one page; `columns=False` reads every row whole (a table's rows)."""
    char_rows = segment_rows(chars)
    if not char_rows:
        return []
    rows = [[_segment_line(s) for s in r] for r in char_rows]
    gutter = _gutter([s for r in rows for s in r], width) if columns else None
    if gutter is None:
        return [_merge_row(r) for r in rows]
    # a row whose pieces came too close to split (a large-type heading at the end of the left
    # column beside a line of the right one) is cut where its glyphs leave the gutter empty
    rows = [[_segment_line(p) for s in r for p in _split_at(s, gutter)] for r in char_rows]
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for row in rows:
        if any(s.x0 < gutter < s.x1 for s in row):          # full-width: ends the column block
            out += left + right + [_merge_row(row)]
            left, right = [], []
            continue
        ls = [s for s in row if s.x1 <= gutter]
        rs = [s for s in row if s.x0 >= gutter]
        if ls:
            left.append(_merge_row(ls))
        if rs:
            right.append(_merge_row(rs))
    return out + left + right


def _merge_row(segs: list[Line]) -> Line:
    if len(segs) == 1:
        return segs[0]
    first, last = segs[0], segs[-1]
    sizes = [s.size for s in segs if s.size]
    return Line(text=" ".join(s.text for s in segs), x0=first.x0, top=min(s.top for s in segs),
                x1=last.x1, bottom=max(s.bottom for s in segs),
                size=median(sizes) if sizes else None, color=first.color)
