"""Running headers/footers and page numbers out: by position on PDF pages (top and bottom rows,
the same text at the same place on most pages), by textual cues in text extracted earlier."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from pipeline.clean.lines import TEXT_SLACK, text_width, wrap_width
from pipeline.clean.rules import layout_data, layout_rules
from pipeline.types import Line, Page

EDGE_ROWS = 2             # rows at the top and at the bottom of a page that may be furniture
REPEAT_SHARE = 0.5        # share of pages a running line must appear on
MAX_RUNNING_LEN = 40
SMALL_TYPE = 0.8          # an edge line set this much smaller than the body text is a running line
SET_APART = 1.5           # ... where this many body font sizes of space part it from the body
LONE_NUMBER = re.compile(r"^\d{1,4}$")
# a line of nothing but markup tags (a list mark before them at most): a copied page's leftover HTML
MARKUP_ONLY = re.compile(r"^(?:[•·*-]|\d{1,2}[.、])?\s*(?:</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>\s*)+$")


def _shape(text: str) -> str:
    """A line's text with numbers masked and spaces dropped: 'XX 第3页' ~ 'XX 第4页'."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def strip_pdf_furniture(pages: list[Page]) -> list[Page]:
    """New pages without page numbers and running lines in their top and bottom rows."""
    rules = layout_rules()
    edge: list[set[int]] = []
    seen: Counter = Counter()
    for p in pages:
        order = sorted((i for i, ln in enumerate(p.lines) if ln.text.strip()),
                       key=lambda i: p.lines[i].top or 0.0)
        edge.append(order)
        for zone, i in _zones(order):
            seen[(zone, _shape(p.lines[i].text))] += 1
    need = max(2, REPEAT_SHARE * len(pages))
    sizes = sorted(ln.size for p in pages for ln in p.lines if ln.size and ln.text.strip())
    body = sizes[len(sizes) // 2] if sizes else None
    out = []
    for p, order in zip(pages, edge):
        drop = set()
        for zone, i in _zones(order):
            if p.lines[i].table:                 # a table's row at the page edge is no running line
                continue
            text = p.lines[i].text.strip()
            small = _small(p.lines[i], body)
            repeated = len(pages) >= 2 and seen[(zone, _shape(text))] >= need
            # a long line repeating at the page edge is furniture too where it is set small
            # (a browser's print header: date and page title; its footer: address and 1/4)
            if rules.is_page_number(text) or (repeated and (len(text) <= MAX_RUNNING_LEN or small)) or (
                    small and len(text) <= MAX_RUNNING_LEN and not rules.ends_sentence(text)
                    and _set_apart(p, order, i, zone, body)):
                drop.add(i)
        out.append(Page(p.number, [ln for i, ln in enumerate(p.lines) if i not in drop], p.width, p.height))
    return out


def _small(line: Line, body: float | None) -> bool:
    return bool(body and line.size and line.size <= SMALL_TYPE * body)


def _set_apart(page: Page, order: list[int], i: int, zone: str, body: float) -> bool:
    """True where the small lines at this page edge (line `i` among them) stand apart from the
    first line of body-size text inward: a running head or foot, also on a page of its own.
    A page number between them is furniture too and is passed over."""
    rules = layout_rules()
    inward = order[order.index(i):] if zone == "top" else order[:order.index(i) + 1][::-1]
    block = []
    for k in inward:
        line = page.lines[k]
        if rules.is_page_number(line.text.strip()):
            continue
        if not _small(line, body):
            if not block or line.top is None or any(b.top is None for b in block):
                return False
            if zone == "top":
                gap = line.top - max(b.bottom for b in block)
            else:
                gap = min(b.top for b in block) - line.bottom
            return gap >= SET_APART * body
        block.append(line)
    return False


def _zones(order: list[int]):
    """(zone, index) of a page's edge rows, `order` being its line indices from top to bottom."""
    top = order[:EDGE_ROWS]
    for i in top:
        yield "top", i
    for i in order[-EDGE_ROWS:]:
        if i not in top:
            yield "bottom", i


def _page_sequence(texts: list[str]) -> set[int]:
    """Indexes of lone-number lines that read as successive page numbers (1 or 2, then +1 each)."""
    found, last = set(), None
    for i, t in enumerate(texts):
        t = t.replace("\f", "").strip()
        if LONE_NUMBER.match(t):
            n = int(t)
            if (last is None and n in (1, 2)) or (last is not None and n == last + 1):
                found.add(i)
                last = n
    return found


def strip_text_furniture(pages: list[Page]) -> list[Page]:
    """New pages without page-number lines and running lines in text extracted from a PDF earlier,
    without lines of leftover markup tags, and without a site's page tools glued after a date.

    Form feeds split the text into its original pages where present. Lone numbers and
    repeated short lines only count in wrapped text (a PDF extraction), not in web copies.
    """
    rules = layout_rules()
    texts = [ln.text for p in pages for ln in p.lines]
    width = wrap_width(texts)
    wrapped = width is not None
    pieces = sum(t.count("\f") for t in texts) + 1
    counts = Counter(_shape(t) for t in texts if t.strip())
    page_lines = _page_sequence(texts) if pieces == 1 else None
    out, k = [], -1
    for p in pages:
        kept = []
        for ln in p.lines:
            k += 1
            if ln.table:
                kept.append(ln)
                continue
            if (unjammed := without_jammer(ln.text)) != ln.text:
                ln = replace(ln, text=unjammed)
            t = ln.text.replace("\f", "").strip()
            if MARKUP_ONLY.match(t) or is_spam_line(t):
                continue
            if t and rules.is_page_number(t) and (wrapped or pieces > 1 or not LONE_NUMBER.match(t)):
                # a lone number in wrapped text is a page number only where it continues the page
                # sequence: 60 in "近60\n亿元" wrapped onto its own line is a figure
                if not (page_lines is not None and LONE_NUMBER.match(t) and k not in page_lines):
                    continue
            # a running line is short: a full wrapped body line repeating is body text
            if t and (wrapped or pieces > 2) and len(t) <= MAX_RUNNING_LEN and not LONE_NUMBER.match(t) \
                    and (width is None or text_width(t) < width - TEXT_SLACK) \
                    and counts[_shape(ln.text)] >= max(3, REPEAT_SHARE * pieces) \
                    and not rules.ends_sentence(t) and rules.heading_level(t) is None:
                continue
            if glued := rules.glued_site_tail.match(ln.text.replace("\f", "")):
                kept.append(Line(text=glued.group("keep")))      # 2021年4月12日扫一扫…: the date, not the tools
                continue
            kept.append(Line(text=ln.text.replace("\f", "")) if "\f" in ln.text else ln)
        out.append(Page(p.number, kept, p.width, p.height))
    return out


@cache
def _spam() -> tuple[tuple[str, ...], int, re.Pattern, int, float, int]:
    spec = layout_data()["spam_line"]
    return (tuple(spec["words"]), spec["min_words"], re.compile(spec["separators"]), spec["min_phrases"],
            spec["min_share"], spec["max_phrase"])


def is_spam_line(text: str) -> bool:
    """True for a hijacked page's line of porn or gambling search phrases (亚洲AV无码一区二区,
    大发体育投注-彩票平台): several of its words, in a list of short phrases that make most of the line, and no
    。: a title where spam replaced a name (360足球比分直播_365体育投注促进…的实施意见) stays."""
    words, least, separators, listed, share, longest = _spam()
    if sum(w in text for w in words) < least or "。" in text:
        return False
    phrases = [p for p in separators.split(text) if p]
    if len(phrases) < listed:
        return False
    spam = sum(len(p) for p in phrases if len(p) <= longest and any(w in p for w in words))
    return spam >= share * sum(map(len, phrases))


@cache
def _jammer() -> tuple[re.Pattern, str, int]:
    spec = layout_data()["forum_jammer"]
    return re.compile(spec["pattern"]), spec["marks"], spec["min_mixed"]


def without_jammer(text: str) -> str:
    """The line without a forum's anti-copying filler (…的通知3 l' R0 Q! D; x$ Z): runs of short tokens
    holding letters and digits, several of them a letter beside a digit or a mark."""
    pattern, marks, least = _jammer()
    return pattern.sub(lambda m: "" if _is_filler(m.group(), marks, least) else m.group(), text)


def _is_filler(run: str, marks: str, least: int) -> bool:
    """A run of short tokens with letters and digits, at least `least` of them mixing a letter with a digit
    or a mark (R0, Q!, x$): filler, not a date, a code or English words."""
    def mixed(token: str) -> bool:
        letter, digit, mark = (any(c.isalpha() for c in token), any(c.isdigit() for c in token),
                               any(c in marks for c in token))
        return letter + digit + mark >= 2 and (letter or mark)
    return bool(re.search("[A-Za-z]", run) and re.search("[0-9]", run)) and sum(map(mixed, run.split())) >= least
