"""Source pages -> FlowLines: each line's text and page with the layout facts joining needs
(does it run to the right margin? is it indented or centred?), from positions for PDFs and from
character widths for text that was extracted from a PDF earlier."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.types import Page

FULL_SLACK = 1.5          # a line ending within this many characters of the margin is full
TEXT_SLACK = 3.0          # the same for text (wider: first-line indents were lost in extraction)
INDENT_MIN = 1.2          # a line starting this many characters right of the margin is indented
WRAP_SHARE = 0.3          # share of lines at the modal width for a text to count as wrapped
OVER_SHARE = 0.1          # at most this share of lines may run past a wrap width (typed web text does)
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 14, 60


@dataclass
class FlowLine:
    """One line on its way to paragraphs."""
    text: str
    page: int | None = None
    full: bool = False          # runs to the right margin: the paragraph may go on
    indent: bool = False        # starts right of the margin: a paragraph starts here
    centred: bool = False       # a title-block line: a paragraph of its own
    para_start: bool = False    # forced paragraph start (blank line, repaired order)
    table: bool = False         # a table's row (cells parted by ' | '): a paragraph of its own, kept as written

    def moved(self, **kw) -> "FlowLine":
        return replace(self, **kw)


class _WideOnly(dict):
    """str.translate table keeping the wide characters (east Asian width W, F, A) and dropping the rest,
    filled as characters turn up (each looked up once, in C after that)."""

    def __missing__(self, code: int) -> int | None:
        if len(self) > 65536:                    # a text of every code point does not fill memory
            self.clear()
        out = self[code] = code if unicodedata.east_asian_width(chr(code)) in "WFA" else None
        return out


_WIDE_ONLY = _WideOnly()


def text_width(text: str) -> float:
    """Display width in CJK characters: wide characters 1, others 0.5."""
    return 0.5 * len(text) + 0.5 * len(text.translate(_WIDE_ONLY))


def wrap_width(texts: list[str]) -> float | None:
    """The modal line width where the text is an earlier PDF extraction wrapped at a fixed width.

    Lines of a wrapped text stop at that width; a text with many longer lines was typed, and
    lines of similar length in it are a coincidence."""
    widths = [round(text_width(t.strip())) for t in texts if t.strip()]
    if len(widths) < 8:
        return None
    mode, _ = Counter(widths).most_common(1)[0]
    near = sum(1 for w in widths if abs(w - mode) <= 1)
    over = sum(1 for w in widths if w > mode + TEXT_SLACK)
    if MIN_WRAP_WIDTH <= mode <= MAX_WRAP_WIDTH and near >= WRAP_SHARE * len(widths) \
            and over <= OVER_SHARE * len(widths):
        return float(mode)
    return None


_LETTER_SPACED = re.compile(r"(?:\S[ \u3000]){3,}\S")


def is_letter_spaced(text: str) -> bool:
    """True for a display line set with a space after every character (江 西 省 人 民 政 府 文 件):
    an issuer mark, doc number or title that an extractor spaced out; never a wrapped body line."""
    return bool(_LETTER_SPACED.fullmatch(text.strip()))


def _leading_width(text: str) -> float:
    lead = text[: len(text) - len(text.lstrip())]
    return sum(1.0 if c == "\u3000" else 0.5 if c == " " else 2.0 if c == "\t" else 0.0 for c in lead)


# Question marks a copy printed for white space it could not encode: '??上海市静安区人民政府办公室' (an
# indent, perhaps with a space it kept: '???? ?2015年11月3日', or after the spaces it did keep: '      ???202261日'),
# '2024年1月21日??' (a line's trailing spaces); a line never opens with a question mark.
_LEAD_LOST = re.compile(r"^[ \t\u3000]*(?:\?+\s?)+(?=[^\s?]|\s*$)")
_TRAIL_LOST = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\?{2,}\s*$")
# ... and inside a line: after an article's or chapter's label ('第一章?总则???第一条?招商引资是…'), and a run
# of three or more between wide characters (a lost character is one question mark: '建?号线').
_LABEL_LOST = re.compile(r"(第[一二三四五六七八九十百零〇\d]{1,5}[条章节條節])\?+")
_RUN_LOST = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\?{3,}(?=[\u3000-\u9fff\uff00-\uffef\s]|$)")


def _lost_spaces(text: str) -> str:
    """A line with the question marks that stand for lost white space at its ends read as that space."""
    if "?" not in text:
        return text
    text = _LEAD_LOST.sub(lambda m: "\u3000" * len(m.group()), text)
    text = _TRAIL_LOST.sub("", text)
    return _RUN_LOST.sub("\u3000", _LABEL_LOST.sub("\\1\u3000", text))


def text_flow(pages: list[Page]) -> list[FlowLine]:
    """FlowLines of a page-less text: fullness from the modal width, blank lines as breaks
    unless the text is double-spaced (every line followed by a blank one)."""
    source = [line for p in pages for line in p.lines]
    raw = [line.text for line in source]
    width = wrap_width([line.text for line in source if not line.table])
    filled = [i for i, t in enumerate(raw) if t.strip()]
    followed = sum(1 for i in filled if i + 1 < len(raw) and not raw[i + 1].strip())
    double_spaced = bool(filled) and followed >= 0.8 * len(filled)
    out: list[FlowLine] = []
    blank_before = False
    for line, t in zip(source, raw):
        t = _lost_spaces(t)
        if not t.strip():
            blank_before = True
            continue
        if line.table:                         # a table's row: a paragraph of its own, as written
            out.append(FlowLine(text=t.strip(), para_start=True, table=True))
            blank_before = False
            continue
        stripped = t.strip()
        spaced = is_letter_spaced(stripped)
        out.append(FlowLine(
            text=stripped, page=None,
            full=width is not None and not spaced and text_width(stripped) >= width - TEXT_SLACK,
            indent=_leading_width(t) >= 1.0, centred=spaced,
            para_start=blank_before and not double_spaced))
        blank_before = False
    return out


def _column_edges(xs: list[float], size: float) -> list[float]:
    counts = Counter(round(x) for x in xs)
    floor = max(3, 0.05 * len(xs))
    edges: list[float] = []
    for x in sorted(k for k, n in counts.items() if n >= floor):
        if not edges or x - edges[-1] > 4 * size:
            edges.append(x)
    return edges or [min(xs)]


def pdf_flow(pages: list[Page]) -> list[FlowLine]:
    """FlowLines of a PDF: margins per column from the positions of all lines."""
    lines = [(p.number, ln) for p in pages for ln in p.lines if ln.text.strip() and ln.x0 is not None]
    if not lines:
        return []
    text_lines = [ln for _, ln in lines if not ln.table] or [ln for _, ln in lines]
    sizes = sorted(ln.size or 10.0 for ln in text_lines)
    size = sizes[len(sizes) // 2]
    edges = _column_edges([ln.x0 for ln in text_lines], size)

    def column(x0: float) -> int:
        return max((i for i, e in enumerate(edges) if e <= x0 + 1.0), default=0)

    rights: dict[int, list[float]] = {}
    for ln in text_lines:
        rights.setdefault(column(ln.x0), []).append(ln.x1)
    for _, ln in lines:
        rights.setdefault(column(ln.x0), [ln.x1])
    right = {c: sorted(v)[int(0.9 * (len(v) - 1))] for c, v in rights.items()}
    out = []
    for number, ln in lines:
        if ln.table:                           # a table's row: a paragraph of its own, as written
            out.append(FlowLine(text=ln.text.strip(), page=number, para_start=True, table=True))
            continue
        c = column(ln.x0)
        s = ln.size or size
        left, r = edges[c], right[c]
        gap_left, gap_right = ln.x0 - left, r - ln.x1
        centred = gap_left > 2.5 * s and gap_right > s and abs(gap_left - gap_right) < 1.5 * s
        out.append(FlowLine(
            text=ln.text.strip(), page=number,
            full=not centred and r - ln.x1 <= FULL_SLACK * s,
            indent=ln.x0 - left >= INDENT_MIN * s, centred=centred))
    return out
