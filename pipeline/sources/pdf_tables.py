"""Tables on PDF pages -> Table rows, and the page's lines inside a table replaced by a line a row.

Two kinds (measured on tests/fixtures/real-pdfs/tables/, bench/bench_pdf_tables.py):
- ruled tables (a rule round every cell): pdfplumber's table finder with the lines strategy gives
  the grid; merged cells are the grid cells spanning several columns or rows;
- three-line tables (三线表: rules over the header, under it and under the last row, none between
  columns), and tables ruled only between rows: the rules bound the table and its header, the
  columns are the x bands that no body text crosses (a header name standing over an empty band
  is a column of its own), and rows come from the space between them (cells in the middle of a
  row) or, set close, from where a figure or the id column starts a cell (a wrapped cell's further
  lines go on with its row); a table whose foot is on the next page goes on there.
Only pages whose drawing holds rules are read this way (`has_rules`, from PDFium's path objects,
costs well under a millisecond a page). The characters are those the page's lines were made of, the
rules are PDFium's path objects read as the edges pdfplumber would find (`page_edges`), and
pdfplumber's table finder works on those: pdfplumber never parses the page (bench/bench_pdf_speed.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from pipeline.sources.grid import is_figure as _is_figure, table_from_grid
from pipeline.sources.layout import Char
from pipeline.types import Line, Page, Table, row_line

RULE_SHARE = 0.15         # a rule spans at least this share of the page's width (a narrow table's too)
THIN = 3.0                # a path object at most this thick (points) is a rule
MAX_PATHS = 5000          # a page drawing more paths than this is a map or chart, not read for tables
SNAP = 2.0                # rule ends and grid lines within this many points are one
ROW_TOLERANCE = 0.45      # share of the font size two characters' centres may differ by within a line
CELL_GAP = 0.9            # a horizontal gap of this many font sizes parts two cells of a three-line table
TABLE_MIN_COLUMNS = 2
SHORT_CELL = 8            # an id or name column's cells are at most this long (where rows stand close)
UNIT_LINE = re.compile(r"(?:^|\s)[（(]?单位[：:]\s*(?P<unit>[^\s）)]{1,8})[）)]?\s*$")
WHITE = 250               # a fill colour channel at least this high (of 255) is white
MAX_CAPTION = 60          # a caption is a short line
SENTENCE_END = re.compile(r"[。；;！？!?]$")


# ---------------------------------------------------------------- which pages to read

def has_rules(page, width: float) -> bool:
    """True where a PDFium page draws at least two long horizontal rules at different heights (a
    table's or a colophon's), or a box: the pages worth a look for tables. Reads the page's path
    objects through PDFium's C API (tens of microseconds a page; pypdfium2's object wrappers cost
    milliseconds on a text-heavy page)."""
    import ctypes

    import pypdfium2.raw as raw

    levels: dict[int, float] = {}
    box = [ctypes.c_float() for _ in range(4)]
    paths = [0]

    def visit(count: int, get) -> bool:
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                if visit(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k)):
                    return True
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(obj, *map(ctypes.byref, box)):
                continue
            paths[0] += 1
            left, bottom, right, top = (b.value for b in box)
            w, h = right - left, top - bottom
            if h <= THIN and w > THIN:
                key = round(bottom / SNAP)
                levels[key] = levels.get(key, 0.0) + w      # a rule drawn a cell at a time adds up
            elif w >= RULE_SHARE * width and h > 4 * THIN and _stroked_box(obj):
                return True                                  # a grid drawn as one path
        return False

    found = visit(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k))
    if paths[0] > MAX_PATHS:
        return False                         # a map or chart: its strokes are no table, and reading them is slow
    return found or sum(1 for w in levels.values() if w >= RULE_SHARE * width) >= 2


def _stroked_box(obj) -> bool:
    """True for a path drawn as lines (not a filled shape such as a background or a seal)."""
    import ctypes

    import pypdfium2.raw as raw

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and not fill.value


# ---------------------------------------------------------------- a page's drawing

@dataclass
class Drawing:
    """What the table reader needs of a page: its characters and its ruling edges in pdfplumber's form
    (dicts with x0, x1, top, bottom, width, height, orientation), both in the page's points from the
    top, and pdfplumber's table finder over those edges."""
    page_number: int
    width: float
    height: float
    chars: list[Char]
    edges: list[dict]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

    def find_tables(self, settings: dict):
        from pdfplumber.table import TableFinder, TableSettings

        return TableFinder(self, TableSettings.resolve(settings)).tables


def table_chars(chars: list[Char]) -> list[Char]:
    """The table reader's characters: the text's, with the font size drawn (size * scale)."""
    return [Char(c.text, c.x0, c.top, c.x1, c.bottom, (c.size * c.scale) or (c.bottom - c.top))
            for c in chars if c.text]


def page_edges(page, height: float) -> list[dict]:
    """The edges pdfplumber finds on a PDFium page, read from its path objects through PDFium's C API
    (milliseconds, where pdfplumber parses the whole page first: a tenth of a second and more on a
    Chromium page). As pdfminer does: every filled or stroked subpath is a line (one segment), a
    rectangle (four sides, closed, axis-aligned: four edges) or a curve (an edge between each two
    points it passes through; a Bézier segment counts by its end point); edges neither horizontal nor
    vertical have no orientation. A form's objects are placed by the form's matrix. A page drawing more
    than MAX_PATHS paths (a map) gives none."""
    import ctypes

    import pypdfium2.raw as raw

    out: list[dict] = []
    paths = [0]
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    rgba = [ctypes.c_uint() for _ in range(4)]

    def white_fill(obj) -> bool:
        """True for a path filled in opaque white: on a white page it draws nothing a reader sees."""
        return bool(raw.FPDFPageObj_GetFillColor(obj, *map(ctypes.byref, rgba))) \
            and all(v.value >= WHITE for v in rgba[:3])

    def visit(count: int, get, outer: tuple) -> None:
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind not in (raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH):
                continue
            m = outer
            if raw.FPDFPageObj_GetMatrix(obj, matrix):
                m = _times((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                visit(raw.FPDFFormObj_CountObjects(obj), lambda k, o=obj: raw.FPDFFormObj_GetObject(o, k), m)
                continue
            paths[0] += 1
            if paths[0] > MAX_PATHS:
                return
            if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) \
                    or not (fill.value or stroke.value):
                continue                      # a path only clipping draws nothing
            if not stroke.value and white_fill(obj):
                continue                      # nor one only painting white (WPS backs every paragraph so)
            a, b, c, d, e, f = m
            ops: list[tuple[str, tuple[float, float]]] = []
            curve_points = 0
            for k in range(raw.FPDFPath_CountSegments(obj)):
                seg = raw.FPDFPath_GetPathSegment(obj, k)
                raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
                point = (round(a * x.value + c * y.value + e, 3), round(b * x.value + d * y.value + f, 3))
                step = raw.FPDFPathSegment_GetType(seg)
                if step == raw.FPDF_SEGMENT_MOVETO:
                    out.extend(_subpath_edges(ops, height))
                    ops, curve_points = [("m", point)], 0
                elif step == raw.FPDF_SEGMENT_LINETO:
                    ops.append(("l", point))
                elif step == raw.FPDF_SEGMENT_BEZIERTO:
                    curve_points += 1
                    if curve_points % 3:
                        continue                  # a control point
                    ops.append(("c", point))
                if ops and raw.FPDFPathSegment_GetClose(seg):
                    ops.append(("h", ops[0][1]))
            out.extend(_subpath_edges(ops, height))

    visit(raw.FPDFPage_CountObjects(page.raw), lambda k: raw.FPDFPage_GetObject(page.raw, k), (1, 0, 0, 1, 0, 0))
    return out if paths[0] <= MAX_PATHS else []


def _times(m: tuple, n: tuple) -> tuple:
    """The matrix m followed by n (PDF matrices [a b c d e f], points as row vectors)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _subpath_edges(ops: list[tuple[str, tuple[float, float]]], height: float) -> list[dict]:
    """A subpath's edges as pdfplumber makes them of pdfminer's line, rect and curve objects."""
    if not ops or ops[0][0] != "m":
        return []
    shape = "".join(op for op, _ in ops)
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape.endswith("lh") and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"              # a closed path's last side drawn out and closed as well
        del pts[-2]
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        top, bottom = height - max(y0, y1), height - min(y0, y1)
        return [edge(min(x0, x1), max(x0, x1), top, bottom, "h" if top == bottom else "v")]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = height - max(y0, y2), height - min(y0, y2)
            return [edge(left, right, top, top, "h"), edge(left, right, bottom, bottom, "h"),
                    edge(left, left, top, bottom, "v"), edge(right, right, top, bottom, "v")]
    return [edge(min(x0, x1), max(x0, x1), height - max(y0, y1), height - min(y0, y1),
                  "v" if x0 == x1 else ("h" if y0 == y1 else None)) for (x0, y0), (x1, y1) in zip(pts, pts[1:])]


def edge(x0: float, x1: float, top: float, bottom: float, orientation: str | None) -> dict:
    """An edge as pdfplumber's table finder takes it (points from the page's top)."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "edge"}


# ---------------------------------------------------------------- reading a page

def read_tables(drawings: dict[int, Drawing], numbers: list[int]) -> dict[int, list[tuple[Table, tuple]]]:
    """{page number: [(table, bbox)]} for the 1-based pages `numbers` (of those `drawings` holds), and
    for the page after one whose three-line table runs on past its foot."""
    out: dict[int, list[tuple[Table, tuple]]] = {}
    todo = sorted(set(numbers))
    open_bands = None                      # the columns of a three-line table running on to the next page
    k = 0
    while k < len(todo):
        number = todo[k]
        k += 1
        p = drawings.get(number)
        if p is None:
            continue
        found = _ruled(p, p.chars)
        more, open_bands = _three_line(p, [c for c in p.chars if c.text.strip()], [bbox for _, bbox in found],
                                       open_bands if number - 1 in out else None)
        found += more
        out[number] = [(t, bbox) for t, bbox in found if t.rows]
        if open_bands is not None and number + 1 not in todo:
            todo.insert(k, number + 1)
    return out


def _open_ends(p) -> list[float]:
    """Heights where two or more column rules stop with no rule across them: a table broken by the
    page (the row the break cuts has no rule under it on this page, nor over it on the next)."""
    runs: list[list[float]] = []           # column rules joined where one segment goes on from another: x, top, bottom
    for e in sorted((e for e in p.edges if e["orientation"] == "v"), key=lambda e: (round(e["x0"]), e["top"])):
        last = runs[-1] if runs else None
        if last and abs(last[0] - e["x0"]) <= SNAP and e["top"] <= last[2] + SNAP:
            last[2] = max(last[2], e["bottom"])
        else:
            runs.append([e["x0"], e["top"], e["bottom"]])
    runs = [r for r in runs if r[2] - r[1] > 5]
    horizontals = [e for e in p.edges if e["orientation"] == "h"]
    out = []
    for y in sorted({round(r[k]) for r in runs for k in (1, 2)}):
        ending = [r for r in runs if abs(r[2] - y) <= SNAP or abs(r[1] - y) <= SNAP]
        if len(ending) < 2:
            continue
        x0, x1 = min(r[0] for r in ending), max(r[0] for r in ending)
        if not any(abs(h["top"] - y) <= SNAP and h["x0"] <= x0 + SNAP and h["x1"] >= x1 - SNAP for h in horizontals):
            out.append(float(y))
    return out


def _ruled(p, chars: list[Char]) -> list[tuple[Table, tuple]]:
    out = []
    settings = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    ends = _open_ends(p)
    if ends:                               # close a table the page breaks, as the page shows it
        settings |= {"explicit_horizontal_lines": ends}
    for t in p.find_tables(settings):
        xs = _snap(sorted({v for c in t.cells for v in (c[0], c[2])}))
        ys = _snap(sorted({v for c in t.cells for v in (c[1], c[3])}))
        if len(xs) - 1 < TABLE_MIN_COLUMNS or len(ys) < 3:
            continue
        cells = []                                   # (row, col, rowspan, colspan, text)
        for x0, top, x1, bottom in t.cells:
            c0, c1, r0, r1 = _index(xs, x0), _index(xs, x1), _index(ys, top), _index(ys, bottom)
            if c1 <= c0 or r1 <= r0:
                continue
            inside = [ch for ch in chars if x0 <= (ch.x0 + ch.x1) / 2 <= x1 and top <= ch.mid <= bottom]
            cells.append((r0, c0, r1 - r0, c1 - c0, _cell_text(inside)))
        table = table_from_grid(cells, len(ys) - 1, len(xs) - 1, p.page_number, "ruled")
        if table:
            out.append((table, t.bbox))
    return out


def _snap(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _index(grid: list[float], v: float) -> int:
    return min(range(len(grid)), key=lambda i: abs(grid[i] - v))


def _cell_text(chars: list[Char]) -> str:
    """A cell's characters as text: its lines top to bottom, a wrapped line joined without a break
    (a space only between two Latin words)."""
    if not any(c.text.strip() for c in chars):
        return ""
    out = ""
    for ln in _lines(chars):
        t = re.sub(r"\s+", " ", _line_text(ln)).strip()
        if out and out[-1].isascii() and out[-1].isalpha() and t[:1].isascii() and t[:1].isalpha():
            out += " "
        out += t
    return out.strip()


def _lines(chars: list[Char]) -> list[list[Char]]:
    rows: list[list[Char]] = []
    centre = None
    for ch in sorted(chars, key=lambda c: (c.mid, c.x0)):
        if rows and abs(ch.mid - centre) <= ROW_TOLERANCE * max(ch.size, 1.0):
            rows[-1].append(ch)
        else:
            rows.append([ch])
            centre = ch.mid
    return [sorted(r, key=lambda c: c.x0) for r in rows]


def _line_text(chars: list[Char]) -> str:
    parts, prev = [], None
    for ch in chars:
        if prev is not None and ch.text.isascii() and prev.text.isascii() \
                and ch.x0 - prev.x1 > 0.3 * max(ch.size, prev.size):
            parts.append(" ")
        parts.append(ch.text)
        prev = ch
    return "".join(parts)


# ---------------------------------------------------------------- three-line tables

def _rules(p) -> list[tuple[float, float, float]]:
    """Long horizontal rules of a page as (y, x0, x1), a thick rule (two edges of a filled box) once."""
    edges = sorted(((e["top"], e["x0"], e["x1"]) for e in p.edges if e["orientation"] == "h"),
                   key=lambda e: (round(e[0]), e[1]))
    merged: list[list[float]] = []
    for y, x0, x1 in edges:
        for m in merged:
            if abs(m[0] - y) <= THIN and x0 <= m[2] + SNAP and x1 >= m[1] - SNAP:
                m[1], m[2] = min(m[1], x0), max(m[2], x1)
                break
        else:
            merged.append([y, x0, x1])
    return sorted((m[0], m[1], m[2]) for m in merged if m[2] - m[1] >= RULE_SHARE * p.width)


def _verticals(p, top: float, bottom: float, x0: float, x1: float) -> bool:
    """True where rules run down between the columns inside a region (a ruled table's, read already)."""
    return any(e["orientation"] == "v" and e["bottom"] - e["top"] > 8 and top - 1 <= e["top"] and e["bottom"] <= bottom + 1
               and x0 + SNAP < e["x0"] < x1 - SNAP for e in p.edges)


def _three_line(p, chars: list[Char], taken: list[tuple], carried: list | None
                ) -> tuple[list[tuple[Table, tuple]], list | None]:
    """Tables bounded by long rules with none between the columns, and the column bands of one that
    runs on past the page's foot (None where none does). `carried`: such bands from the page before,
    whose table goes on above this page's first rule."""
    rules = _rules(p)
    groups: list[list[tuple[float, float, float]]] = []
    for r in rules:
        if any(b[1] - 1 <= r[0] <= b[3] + 1 for b in taken):
            continue
        g = groups[-1] if groups else None
        if g and abs(g[0][1] - r[1]) <= 3 * SNAP and abs(g[0][2] - r[2]) <= 3 * SNAP:
            g.append(r)
        elif g and g[0][1] - SNAP <= r[1] and r[2] <= g[0][2] + SNAP:
            continue                       # a rule under some columns only (under a merged header name)
        else:
            groups.append([r])
    out, running = [], None
    for k, g in enumerate(groups):
        top, bottom, x0, x1 = g[0][0], g[-1][0], min(r[1] for r in g), max(r[2] for r in g)
        within = [c for c in chars if x0 - SNAP <= (c.x0 + c.x1) / 2 <= x1 + SNAP]
        if k == 0 and carried is not None:             # the rows above the first rule go on from the page before
            above = _run([c for c in within if c.mid < top], upward=True)
            if above:
                table = _body_table(above, carried, [], p.page_number)
                if table:
                    out.append((table, (x0, min(c.top for c in above) - 1, x1, top)))
        if len(g) < 2 or _verticals(p, top, bottom, x0, x1):
            continue
        inside = [c for c in within if top < c.mid < bottom]
        last = k == len(groups) - 1
        below = _run([c for c in within if c.mid > bottom]) if last and _header_only(inside, g) else []
        table, bands = _read_three_line(inside + below, [r[0] for r in g], p.page_number, open_end=bool(below))
        if table:
            bottom = max([bottom] + [c.bottom for c in below])
            out.append((table, (x0, top, x1, bottom)))
            if below:
                running = bands
    return out, running


def _header_only(inside: list[Char], group: list) -> bool:
    """True where a table's rules enclose only its header (a top rule and the rule under the header,
    the bottom rule on a later page)."""
    return len(group) == 2 and 0 < len(_lines(inside)) <= 3


def _run(chars: list[Char], upward: bool = False) -> list[Char]:
    """The lines of `chars` next to a rule (below it, or above it where `upward`) up to the first gap
    wider than two and a half lines (where a page number or a paragraph stands apart)."""
    lines = _lines(chars)
    if upward:
        lines = lines[::-1]
    out: list[Char] = []
    prev = None
    for ln in lines:
        size = median(c.size for c in ln)
        if prev is not None:
            gap = (prev[0].top - max(c.bottom for c in ln)) if upward else (ln[0].top - max(c.bottom for c in prev))
            if gap > 2.5 * size:
                break
        out += ln
        prev = ln
    return out


def _segments(line: list[Char]) -> list[list[Char]]:
    segs = [[line[0]]]
    for ch in line[1:]:
        prev = segs[-1][-1]
        if ch.x0 - prev.x1 > CELL_GAP * max(ch.size, prev.size):
            segs.append([ch])
        else:
            segs[-1].append(ch)
    return segs


def _columns(body: list[list[Char]], header: list[list[Char]]) -> list[tuple[float, float]]:
    """Column bands: runs of x that body text covers, parted where no body line has text; a header
    name standing over a band no body text reaches (an empty column) makes a band of its own."""
    spans = sorted((s[0].x0, s[-1].x1) for ln in body for s in _segments(ln))
    bands: list[list[float]] = []
    for a, b in spans:
        if bands and a <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], b)
        else:
            bands.append([a, b])
    for ln in header:
        for s in _segments(ln):
            a, b = s[0].x0, s[-1].x1
            if not any(a < y and b > x for x, y in bands):
                bands.append([a, b])
    return sorted((a, b) for a, b in bands)


def _column_of(bands: list[tuple[float, float]], a: float, b: float) -> list[int]:
    """The bands a piece of text from a to b stands over (the nearest one where it overlaps none)."""
    hit = [i for i, (x, y) in enumerate(bands) if a < y and b > x]
    if hit:
        return hit
    mid = (a + b) / 2
    return [min(range(len(bands)), key=lambda i: abs((bands[i][0] + bands[i][1]) / 2 - mid))]


def _read_three_line(chars: list[Char], rule_ys: list[float], page: int, open_end: bool = False):
    """(Table or None, column bands) of the characters between a three-line table's rules."""
    lines = _lines(chars)
    if len(lines) < 2:
        return None, None
    head_end = rule_ys[1] if len(rule_ys) >= 3 or open_end else None
    if head_end is not None:
        header = [ln for ln in lines if ln[0].mid < head_end]
        body = [ln for ln in lines if ln[0].mid > head_end]
    else:
        header, body = lines[:1], lines[1:]
    if not header or not body:
        return None, None
    bands = _columns(body, header)
    if len(bands) < TABLE_MIN_COLUMNS:
        return None, None
    header_grid, header_lines = _three_line_header(header, bands)
    if header_grid is None:
        return None, None
    between = rule_ys[1:-1] if len(rule_ys) > 3 else []
    table = _body_table([c for ln in body for c in ln], bands, between, page)
    if table is None or (len(table.rows) < 2 and not any(_is_figure(c) for c in table.rows[0])):
        return None, None
    table.header, table.header_lines = header_grid, header_lines
    return table, bands


def _body_table(chars: list[Char], bands: list[tuple[float, float]], rules: list[float], page: int) -> Table | None:
    """A Table without header from a three-line table's body, its text cut into columns by `bands`.
    Where rows stand apart (cell padding: a column's lines are closer within a cell than between
    cells) rows are read from that space, cells set in the middle of their rows too; where rows are
    set close (cells at the top), a row starts where a figure stands (a figure never wraps), else
    where the id or name column starts a cell; and at rules between rows."""
    n = len(bands)
    frags: list[list[tuple[float, float, str]]] = [[] for _ in range(n)]      # per column: (top, bottom, text)
    for ln in _lines(chars):
        for s in _segments(ln):
            col = _column_of(bands, s[0].x0, s[-1].x1)[0]
            top, bottom, text = min(c.top for c in s), max(c.bottom for c in s), _line_text(s)
            if frags[col] and abs(frags[col][-1][0] - top) < 0.5 * s[0].size:
                t0, b0, x = frags[col][-1]
                frags[col][-1] = (min(t0, top), max(b0, bottom), x + " " + text)
            else:
                frags[col].append((top, bottom, text))
    if not any(frags):
        return None
    size = median(c.size for c in chars)
    lines = [(min(c.top for c in ln), max(c.bottom for c in ln)) for ln in _lines(chars)]
    # gaps between a column's lines with no other line standing wholly between them
    gaps = [b[0] - a[1] for col in frags for a, b in zip(col, col[1:])
            if not any(a[1] <= top and bottom <= b[0] for top, bottom in lines)]
    if gaps and max(gaps) > min(gaps) + 0.5 * size:   # rows stand apart (cell padding): cells may sit mid-row
        cuts = _cuts_by_space(frags, min(gaps) + 0.3 * size, rules)
    else:                                  # rows set close, cells at the top
        first = min(f[0] for col in frags for f in col)
        figures = [c for c in range(n) if frags[c] and all(len(f[2]) <= SHORT_CELL for f in frags[c])
                   and sum(_is_figure(f[2]) for f in frags[c]) >= 0.8 * len(frags[c])]
        if figures:                        # a figure never wraps: each one starts its row
            starts = {f[0] for c in figures for f in frags[c]}
        else:                              # else the id or name column: the leftmost short one starting the first row
            lead = [c for c in range(n) if frags[c] and abs(frags[c][0][0] - first) < _tol(size)
                    and all(len(f[2]) <= SHORT_CELL for f in frags[c])]
            most = max((len(frags[c]) for c in lead), default=0)
            anchor = next((c for c in lead if 2 * len(frags[c]) >= most), 0)
            starts = {f[0] for f in frags[anchor]}
        cuts = _split_at_rules(_merge_close(sorted(starts | {first}), _tol(size)), rules)
    rows = [[""] * n for _ in cuts]
    tol = 0.3 * size
    for c, col in enumerate(frags):
        for top, bottom, text in col:
            r = max([i for i, y in enumerate(cuts) if y <= top + tol] or [0])
            rows[r][c] = _glue(rows[r][c], text)
    rows = _merged_labels([r for r in rows if any(r)])
    if not rows:
        return None
    return Table(page=page, kind="three-line", header=[], rows=rows, header_lines=[],
                 pieces=[[row] for row in rows], piece_pages=[[page] for _ in rows])


def _merged_labels(rows: list[list[str]]) -> list[list[str]]:
    """Rows with a short label centred over empty first cells (合 计 over five columns) moved to the
    first of them, where that column holds text in most rows: without rules, a merged cell shows
    only where its text stands."""
    used = sum(1 for r in rows if r[0])
    out = []
    for r in rows:
        k = next((i for i, x in enumerate(r) if x), None)
        if k and 2 * used >= len(rows) and len(r[k]) <= SHORT_CELL and not _is_figure(r[k]) \
                and any(_is_figure(x) for x in r[k + 1:]):
            r = [r[k]] + r[1:k] + [""] + r[k + 1:]
        out.append(r)
    return out


def _tol(size: float) -> float:
    """How far apart two tops may be and still stand on one line."""
    return 0.5 * size


def _cuts_by_space(frags: list[list[tuple[float, float, str]]], threshold: float, rules: list[float]) -> list[float]:
    """Row tops where rows stand apart: each column's lines closer than `threshold` are one cell; a row
    is a band of height no cell crosses (cells set in the middle of their row), cut again where the
    column with the most cells starts another one inside it, and at rules between rows."""
    n = len(frags)
    blocks: list[list[tuple[float, float]]] = [[] for _ in range(n)]
    for c, col in enumerate(frags):
        for top, bottom, _ in col:
            if blocks[c] and top - blocks[c][-1][1] <= threshold:
                blocks[c][-1] = (blocks[c][-1][0], bottom)
            else:
                blocks[c].append((top, bottom))
    bands: list[list[float]] = []
    for top, bottom in sorted(b for col in blocks for b in col):
        if bands and top < bands[-1][1] and not any(bands[-1][1] - 1 < y < top + 1 for y in rules):
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    anchor = max(range(n), key=lambda c: (len(blocks[c]), -c))
    cuts: list[float] = []
    for top, bottom in bands:
        starts = sorted(b[0] for b in blocks[anchor] if top - 1 <= b[0] <= bottom)
        cuts += [top] + starts[1:]
    return _split_at_rules(sorted(set(cuts)), rules)


def _merge_close(tops: list[float], tol: float) -> list[float]:
    """Row tops with those on one line (within `tol`) counted once."""
    out: list[float] = []
    for t in tops:
        if not out or t - out[-1] > tol:
            out.append(t)
    return out


def _split_at_rules(cuts: list[float], rules: list[float]) -> list[float]:
    """Row tops with a row started under every rule between rows too."""
    return sorted(set(cuts) | {y for y in rules if cuts and y > cuts[0]})


def _glue(a: str, b: str) -> str:
    if not b:
        return a
    if a and a[-1].isascii() and a[-1].isalpha() and b[0].isascii() and b[0].isalpha():
        return a + " " + b
    return a + b


def _three_line_header(header: list[list[Char]], bands: list[tuple[float, float]]):
    """(spread header rows, header lines as written) from the header's lines: a name over several
    bands spans them and starts a level; a name under a one-band name of the line above continues it
    (a wrapped name: 水稻保险 / 费)."""
    n = len(bands)
    levels: list[list[tuple[str, list[int]]]] = [[] for _ in range(n)]   # per column: (text, columns) per level
    for ln in header:
        for s in _segments(ln):
            cols = _column_of(bands, s[0].x0, s[-1].x1)
            text = _line_text(s)
            col = levels[cols[0]]
            if col and len(col[-1][1]) == 1 and len(cols) == 1:
                col[-1] = (col[-1][0] + text, cols)
            else:
                for c in cols:
                    levels[c].append((text, cols))
    if sum(1 for c in levels if c) < TABLE_MIN_COLUMNS:
        return None, None
    depth = max(len(c) for c in levels)
    grid, written = [], []
    for k in range(depth):
        row, line = [], [""] * n
        for c in range(n):
            col = levels[c]
            if not col:
                row.append("")
                continue
            text, cols = col[k] if k < len(col) else col[-1]
            row.append(text)
            if k < len(col) and cols[0] == c:
                line[c] = text
        grid.append(row)
        written.append(line)
    return grid, written


# ---------------------------------------------------------------- the page's lines

def caption_above(page: Page, bbox: tuple) -> tuple[str | None, str | None]:
    """(caption, unit line) of a table: the nearest short lines above it, a 单位：万元 line apart (or at
    the end of the row nearest the table, read as a line of its own: 编制部门：… 单位：万元)."""
    top = bbox[1]
    above = sorted((ln for ln in page.lines if not ln.table and ln.bottom is not None and ln.bottom <= top + 1
                    and ln.text.strip()), key=lambda ln: ln.bottom, reverse=True)
    caption = unit = None
    size = median([ln.size for ln in page.lines if ln.size] or [12.0])
    limit = top - 4 * size
    row = [ln for ln in above if above[0].bottom - ln.bottom <= 0.5 * size and ln.x0 is not None] if above else []
    if len(row) > 1:                       # the nearest row in pieces: its pieces left to right, one line
        row.sort(key=lambda ln: ln.x0)
        joined = Line(text=" ".join(ln.text.strip() for ln in row), x0=row[0].x0, top=min(ln.top for ln in row),
                      x1=row[-1].x1, bottom=max(ln.bottom for ln in row), size=row[0].size)
        above = [joined] + [ln for ln in above if all(ln is not r for r in row)]
    for ln in above[:3]:
        if ln.bottom < limit:
            break
        text = ln.text.strip()
        m = UNIT_LINE.search(text)
        if m and unit is None:
            unit = text[m.start():].strip()
            text = text[:m.start()].strip()
            limit = ln.top - 3 * size
            if not text:
                continue
        if caption is None and len(text) <= MAX_CAPTION and not SENTENCE_END.search(text):
            caption = text
        break
    return caption, unit


def place_tables(page: Page, found: list[tuple[Table, tuple]]) -> Page:
    """The page with the lines inside each table replaced by its header and row lines (marked
    `table`), each table's caption and unit line noted, and the tables kept on the page.

    A table's cells can make a page look two-column to the line reader; where the page has no
    gutter once its tables are out, its lines are put back in top-to-bottom order."""
    from pipeline.sources.layout import _gutter

    lines = list(page.lines)
    blocks: list[tuple[float, list[Line]]] = []
    tables = []
    for table, bbox in found:
        x0, top, x1, bottom = bbox
        inside = [i for i, ln in enumerate(lines) if ln.top is not None and not ln.table
                  and top - 1 <= (ln.top + ln.bottom) / 2 <= bottom + 1 and ln.x1 > x0 and ln.x0 < x1]
        if not inside:
            continue
        sizes = [lines[i].size for i in inside if lines[i].size]
        size = median(sizes) if sizes else None
        for i in reversed(inside):
            del lines[i]
        table.caption, table.unit_line = caption_above(Page(page.number, lines), bbox)
        new = []
        pieces = [cells for cells in table.header_lines] + [p for row in table.pieces for p in row]
        step = (bottom - top) / max(1, len(pieces))
        for k, cells in enumerate(pieces):
            text, _ = row_line(cells)
            if text:
                new.append(Line(text=text, x0=x0, top=top + k * step, x1=x1, bottom=top + (k + 1) * step,
                                size=size, table=True))
        blocks.append((top, new))
        tables.append(table)
    if not blocks:
        return page
    if _gutter([ln for ln in lines if ln.x0 is not None], page.width or 0) is None:
        lines.sort(key=lambda ln: (ln.top if ln.top is not None else 0.0))
    for top, new in sorted(blocks, key=lambda b: b[0], reverse=True):
        at = next((i for i, ln in enumerate(lines) if ln.top is not None and ln.top >= top), len(lines))
        lines[at:at] = new
    return Page(page.number, lines, page.width, page.height, tables=page.tables + tables)


def add_tables(pages: list[Page], drawings: dict[int, Drawing], numbers: list[int]) -> list[Page]:
    """The pages with the tables on pages `numbers` read and placed, a table going on over a page
    break joined to its start."""
    found = read_tables(drawings, numbers)
    out = [place_tables(p, found[p.number]) if found.get(p.number) else p for p in pages]
    join_continued(out)
    return out


def tables_or_warning(pages: list[Page], drawings: dict[int, Drawing], numbers: list[int]
                      ) -> tuple[list[Page], list[str]]:
    """add_tables, or the pages as they were and a W503 warning where reading them fails (a damaged
    drawing must not cost the document its text)."""
    from pipeline import errors

    try:
        return add_tables(pages, drawings, numbers), []
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - a drawing no reader foresaw
        return pages, [errors.W_TABLES_UNREAD.format(pages=",".join(map(str, numbers)), why=f"{type(e).__name__}: {e}"[:120])]


def join_continued(pages: list[Page]) -> None:
    """A table going on at the top of the next page (the same columns, the header repeated or none)
    becomes part of the table before it: its rows are added, and a first row with an empty first
    cell (a row the page break cut) is glued to the last row, unless both hold figures in one column."""
    last: Table | None = None          # the table that ends the page before, if one does
    for page in pages:
        keep = []
        for k, t in enumerate(page.tables):
            if k == 0 and last is not None and _starts_page(page) and _same_columns(last, t) \
                    and (not t.header or t.header == last.header):
                _append(last, t)
                continue
            keep.append(t)
        merged = len(keep) < len(page.tables)
        page.tables = keep
        if keep:
            last = keep[-1] if _ends_page(page) else None
        elif not merged or not _ends_page(page):
            last = None


def _starts_page(page: Page) -> bool:
    """True where nothing but running lines (the top eighth of the page) stands before the first table row."""
    for ln in page.lines:
        if ln.table:
            return True
        if ln.text.strip() and page.height and ln.bottom is not None and ln.bottom > page.height / 8:
            return False
    return False


def _ends_page(page: Page) -> bool:
    """True where nothing but running lines (the bottom eighth) stands after the last table row."""
    for ln in reversed(page.lines):
        if ln.table:
            return True
        if ln.text.strip() and page.height and ln.top is not None and ln.top < page.height * 7 / 8:
            return False
    return False


def _same_columns(a: Table, b: Table) -> bool:
    width = len(a.header[0]) if a.header else len(a.rows[0])
    return all(len(r) == width for r in b.rows)


def _append(prev: Table, t: Table) -> None:
    rows, pieces, pages = list(t.rows), list(t.pieces), list(t.piece_pages)
    # a first cell left empty by a cell merged down from the page before is no cut row where a figure
    # stands under a figure (a number is not broken over a page)
    if rows and not rows[0][0].strip() and prev.rows \
            and not any(_is_figure(a) and _is_figure(b) for a, b in zip(prev.rows[-1], rows[0])):
        prev.rows[-1] = [_glue(a, b) for a, b in zip(prev.rows[-1], rows[0])]
        prev.pieces[-1] = prev.pieces[-1] + pieces[0]
        prev.piece_pages[-1] = prev.piece_pages[-1] + pages[0]
        rows, pieces, pages = rows[1:], pieces[1:], pages[1:]
    prev.rows += rows
    prev.pieces += pieces
    prev.piece_pages += pages
    prev.warnings += t.warnings
