"""FlowLines -> clean text and page map: wrapped lines joined (no break inside a word or number),
paragraph breaks kept, spaces that extraction put between Chinese characters removed."""
from __future__ import annotations

import re

from pipeline.clean.lines import FlowLine
from pipeline.clean.rules import layout_rules
from pipeline.types import PageRun

# One or two spaces touching a CJK character or full-width punctuation on either side (wider gaps
# separate fields and stay); spaces between Latin words are not touched.
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’…—"
_INNER_SPACE = re.compile(rf"(?<=[{_CJK}])[ \u00a0\t]{{1,2}}(?=\S)|(?<=\S)[ \u00a0\t]{{1,2}}(?=[{_CJK}])")


# A figure an extractor wrapped onto a line of its own (近 / 60 / 亿元): it goes on with the sentence
# where the next line starts with its unit (a bare 2017919 under a signature is a date, not a figure).
_FIGURE_LINE = re.compile(r"\d+(?:\.\d+)?")
_FIGURE_UNIT = re.compile(r"[万亿千百元%％个家项人倍余多]")
# A date an extractor broke at its units (2012 / 年11 / 月13 / 日): its pieces are one date.
_DATE_BREAK = re.compile(r"(?:(?<!\d)(?:19|20)\d{2}\n年|年\d{1,2}\n月|月\d{1,2}\n[日号])")


def continues(prev: FlowLine, nxt: FlowLine, indented_paragraphs: bool = False) -> bool:
    """True where `nxt` goes on with the paragraph of `prev` (a wrapped line).

    A full line ending a sentence ends the paragraph, unless the document marks paragraph
    starts by indenting them and `nxt` is not indented.
    """
    if prev.table or nxt.table:
        return False
    if _date_broken(prev.text, nxt.text):
        return True
    rules = layout_rules()
    figure = _FIGURE_LINE.fullmatch(prev.text.strip()) is not None and _FIGURE_UNIT.match(nxt.text.strip()) is not None
    return ((prev.full or figure) and not prev.centred
            and (indented_paragraphs or not rules.ends_sentence(prev.text) or _open_bracket(prev.text))
            and not (nxt.indent or nxt.centred or nxt.para_start)
            and rules.heading_level(nxt.text) is None
            and not rules.ends_title(prev.text, nxt.text))


def _date_broken(prev: str, nxt: str) -> bool:
    """True where a date runs on from `prev` into `nxt`, broken at a unit (2012 / 年11)."""
    seam = prev.strip()[-5:] + "\n" + nxt.strip()[:1]
    return any(m.end() == len(seam) for m in _DATE_BREAK.finditer(seam))


def _open_bracket(text: str) -> bool:
    """True where the line leaves a bracket open: '（责任单位：' goes on after its colon."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def indents_paragraphs(lines: list[FlowLine]) -> bool:
    """True where lines after a paragraph's short last line are mostly indented: indentation
    marks paragraph starts, so a full line ending a sentence followed by an unindented line
    is a sentence end inside a paragraph."""
    rules = layout_rules()
    after = [b for a, b in zip(lines, lines[1:])
             if rules.ends_sentence(a.text) and not a.full and not a.centred and not b.centred]
    return len(after) >= 3 and sum(b.indent for b in after) >= 0.8 * len(after)


def tidy_spaces(text: str) -> str:
    """Text without the spaces extraction inserted next to Chinese characters."""
    return _INNER_SPACE.sub("", text)


def join_lines(lines: list[FlowLine], tidy: bool = True) -> tuple[str, list[PageRun]]:
    """(clean text, page runs): one paragraph per line of output, runs empty for page-less text.

    `tidy` removes spaces next to Chinese characters: right for text a PDF extractor spaced
    out, wrong for text people typed (web copies keep their spaces).
    """
    pieces: list[tuple[str, int | None]] = []
    kept: list[tuple[int, int]] = []            # spans of table rows, which keep their spaces
    indented = indents_paragraphs(lines)
    for k, line in enumerate(lines):
        if k:
            prev = lines[k - 1]
            if not continues(prev, line, indented):
                pieces.append(("\n", prev.page))
            elif prev.text[-1:].isascii() and prev.text[-1:].isalpha() \
                    and line.text[:1].isascii() and line.text[:1].isalpha():
                pieces.append((" ", prev.page))
        if line.table:
            at = sum(len(t) for t, _ in pieces)
            kept.append((at, at + len(line.text)))
        pieces.append((line.text, line.page))
    return _tidy_with_pages(pieces, tidy, kept)


def _tidy_with_pages(pieces: list[tuple[str, int | None]], tidy: bool,
                     kept: list[tuple[int, int]] = ()) -> tuple[str, list[PageRun]]:
    """Remove inner spaces over the joined text (not inside the `kept` spans) while keeping each
    character's page."""
    raw = "".join(t for t, _ in pieces)
    dropped = [m.span() for m in _INNER_SPACE.finditer(raw)] if tidy else []
    if kept:
        dropped = [d for d in dropped if not any(a <= d[0] < b for a, b in kept)]
    parts, pos = [], 0
    for start, end in dropped:
        parts.append(raw[pos:start])
        pos = end
    parts.append(raw[pos:])
    text = "".join(parts)
    runs: list[PageRun] = []
    k, removed, offset = 0, 0, 0

    def kept(x: int) -> int:
        """Characters of raw[:x] that stay (x never decreases between calls)."""
        nonlocal k, removed
        while k < len(dropped) and dropped[k][1] <= x:
            removed += dropped[k][1] - dropped[k][0]
            k += 1
        inside = max(0, x - dropped[k][0]) if k < len(dropped) else 0
        return x - removed - inside

    start = kept(0)
    for t, p in pieces:                   # each piece's kept characters are one block of the text
        offset += len(t)
        end = kept(offset)
        if p is not None and end > start:
            if runs and runs[-1].page == p and runs[-1].end == start:
                runs[-1].end = end
            else:
                runs.append(PageRun(start, end, p))
        start = end
    return text, runs
