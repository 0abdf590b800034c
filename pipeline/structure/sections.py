"""The body's numbered hierarchy: 一、 / （一） / 1. / （1） headings as Sections with spans and parents."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Section
from .layout import Reader, TextLine
from .lexicon import data, rx
from ..numerals import cn_int

_SENTENCE_END = re.compile(r"[。！？!?]")
_COLON = re.compile(r"[：:]")
_BRACKET_HEADING = re.compile(r"[【\[〔]\s*([^【】\[\]〔〕。，,]{2,20}?)\s*[】\]〕]")   # an article's own heading
MAX_COLON_HEADING = 30          # a colon this early ends a heading (指导思想：…); later ones are prose


@dataclass(frozen=True)
class Heading:
    """A numbering label at the start of a line: level, number, label as written, end of the label."""
    level: int
    number: int
    label: str
    label_end: int          # offset in the line after the label and its punctuation
    series: int = 0         # which numbering pattern matched: 一、 and 第一条 share a level, not a count


def match_heading(line: str) -> Heading | None:
    """The numbering label a line starts with, or None (第一章 -> level 0, 一、 or 第一条 -> 1, （一） -> 2,
    1. -> 3, （1） -> 4)."""
    for series, spec in enumerate(data("patterns")["numbering"]["levels"]):
        m = rx(spec["pattern"]).match(line)
        if m:
            n = cn_int(m.group("num"))
            if n is None or len(line) == m.end():
                return None
            return Heading(spec["level"], n, m.group("label"), m.end(), series)
    return None


def heading_title(rest: str) -> tuple[str, int]:
    """The heading sentence after a label (to the first 。, a colon after a short heading, or the
    line end) and its length as written: 指导思想：以… -> 指导思想."""
    m = _SENTENCE_END.search(rest)
    sentence = rest[:m.start()] if m else rest
    colon = _COLON.search(sentence)
    if colon and 0 < colon.start() <= MAX_COLON_HEADING and sentence.count("“", 0, colon.start()) \
            == sentence.count("”", 0, colon.start()):
        sentence = sentence[:colon.start()]
    return sentence.rstrip("：:；; "), len(sentence)


def strip_lead_unit(title: str) -> str:
    """A heading title without its trailing lead-unit clause: 强化科技创新(区科技局牵头) -> 强化科技创新."""
    return rx(data("measures")["lead_unit_cues"]["pattern"]).sub("", title).strip()


def find_sections(reader: Reader, lines: list[TextLine], first: int, last: int,
                  end_offset: int, skip: frozenset[int] = frozenset()) -> list[Section]:
    """Sections of lines [first, last] whose numbering runs in sequence, with parents and spans.

    `end_offset` (view) closes the last sections: the letter's closing formula or signature.
    """
    found: list[tuple[TextLine, Heading]] = []
    last_number: dict[int, int] = {}
    for ln in lines[first:last + 1]:
        if ln.index in skip:
            continue
        h = match_heading(ln.text)
        if h is None:
            continue
        if h.number != 1 and h.number != last_number.get(h.series, 0) + 1:
            continue
        last_number[h.series] = h.number
        found.append((ln, h))
    sections: list[Section] = []
    view_ends: list[int] = []
    for i, (ln, h) in enumerate(found):
        end = end_offset
        for later, lh in found[i + 1:]:
            if lh.level <= h.level:
                end = later.start
                break
        end = max(end, ln.end) if end >= ln.start else ln.end
        rest = ln.text[h.label_end:]
        pad = len(rest) - len(rest.lstrip())
        tag = _BRACKET_HEADING.match(rest, pad)       # 第二条【落户奖励】对新引进的…
        if tag:
            title, length = tag.group(1).strip(), tag.end(1) - tag.start(1)
            pad = tag.start(1)
        else:
            title, length = heading_title(rest[pad:])
        title = strip_lead_unit(title)
        t_start = ln.start + h.label_end + pad
        t_end = t_start + length
        parent = None
        for j in range(len(sections) - 1, -1, -1):
            if found[j][1].level < h.level and view_ends[j] > ln.start:
                parent = j
                break
        s, e = reader.span(ln.start, _trim_end(reader, ln.start, end))
        ts, te = reader.span(t_start, t_end)
        label_s, label_e = reader.span(ln.start, ln.start + len(h.label))
        sections.append(Section(
            label=reader.text[label_s:label_e], level=h.level,
            title=reader.value(t_start, t_start + len(title)) if title else "",
            start=s, end=e, title_start=ts, title_end=te, parent=parent))
        view_ends.append(end)
    return sections


def _trim_end(reader: Reader, start: int, end: int) -> int:
    """A view end moved back over trailing white space."""
    text = reader.view.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
