"""Document structure (GB/T 9704 elements, numbered sections, measures, replies) of a clean text.

`parse_structure` reads the simplified analysis view (make_view) and maps every span and value
back to the document's own characters and offsets.
"""
from __future__ import annotations

from collections import Counter

from ..clean.script import make_view, to_simplified, view_text
from ..errors import W_NO_DATE, W_NO_ISSUER, W_NO_STRUCTURE
from ..types import Meta, Structure
from .chrome import find_bounds, numbered_site_rows
from .dates import is_date_line
from .kinds import (announced_type, consults_on_draft, document_kind, issues_attached, self_named_type,
                    untitled_doc_type)
from .layout import Reader, TextLine, split_lines
from .lexicon import data, pattern, rx
from .measures import is_support_content, measure_truncated, select_measures
from .meta import is_cover_text, is_dated_signature, read_header
from .titles import is_unit_line
from .replies import Mention, ReplyParts, parse_reply
from .sections import find_sections, match_heading
from .tables import names_unit_table, split_table_runs

__all__ = ["parse_structure", "select_measures", "measure_truncated", "parse_reply", "ReplyParts",
           "Mention"]


def _closing_offset(lines: list[TextLine], first: int, last: int, chrome: frozenset[int]) -> int:
    """View offset where the body's last section must end: a closing formula, signature or 版记."""
    closings = [rx(p) for p in data("elements")["closing_formulas"]["patterns"]]
    body = [ln for ln in lines[first:last + 1] if ln.index not in chrome]
    for k, ln in enumerate(body):
        t = ln.text
        nxt = body[k + 1].text if k + 1 < len(body) else ""
        if any(p.search(t) for p in closings) or is_date_line(t) or pattern("cc").match(t) \
                or pattern("printer").match(t) or (is_unit_line(t) and is_date_line(nxt)):
            return ln.start
    return lines[last].end if last >= 0 else 0


def _signature_line(lines: list[TextLine], first: int, last: int, chrome: frozenset[int]) -> int | None:
    """Index of the 成文日期 line under a signature (unit line, then date), where the letter ends."""
    prev = None
    for ln in lines[first:last + 1]:
        if ln.index in chrome:
            continue
        if (is_date_line(ln.text) and prev is not None and is_unit_line(prev.text)) or is_dated_signature(ln.text):
            return ln.index
        prev = ln
    return None


def parse_structure(text: str) -> Structure:
    """Meta, numbered sections, body bounds and kind of a clean document text."""
    view = make_view(text)
    reader = Reader(text, view)
    lines = split_table_runs(split_lines(view.text))
    if not lines:
        return Structure(meta=Meta(), body_start=0, body_end=len(text), warnings=[W_NO_STRUCTURE])
    bounds = find_bounds(lines)
    head = read_header(reader, lines, bounds.first, bounds.last, bounds.chrome)
    meta = head.meta
    anchors = [i for i in (head.title_lines and head.title_lines[1], head.recipients_line,
                           head.doc_number_line) if i is not None and i < head.limit]
    start_line = max(anchors) + 1 if anchors else bounds.first
    last = bounds.last
    signed = _signature_line(lines, start_line, last, bounds.chrome)
    listed = _attachment_list(lines, start_line, signed) if signed else set()
    cover = view.text[lines[start_line].start:lines[signed].start] if signed is not None else ""
    cover_issues = head.cover_issues or (meta.title is None and signed is not None and is_cover_text(cover))
    attached = signed is not None and (issues_attached(meta.title, cover_issues) or consults_on_draft(cover))
    if signed and not attached and any(
            match_heading(ln.text) for ln in lines[start_line:signed]
            if ln.index not in bounds.chrome and ln.index not in listed):
        last = signed                    # the letter has its own items: a 附件's items are not sections
    skip = bounds.chrome | numbered_site_rows(lines)      # 1. [索引号]…: a catalogue's rows are no items
    headings = [ln.index for ln in lines[start_line:last + 1]
                if ln.index not in skip and match_heading(ln.text)]
    end = _closing_offset(lines, (headings[-1] if headings else start_line) + 1, last, bounds.chrome)
    sections = find_sections(reader, lines, start_line, last, end, skip)
    body_start, body_end = reader.span(lines[bounds.first].start, lines[bounds.last].end)
    opening = view.text[lines[bounds.first].start:lines[min(bounds.last, bounds.first + 12)].end]
    if (meta.title is None or head.headline) and meta.doc_type is None:
        first_section = next((ln.start for ln in lines if ln.index in headings), lines[bounds.last].end)
        preamble = view.text[lines[bounds.first].start:first_section]
        meta.doc_type = untitled_doc_type(meta.doc_number, preamble) \
            or self_named_type(view.text[lines[bounds.first].start:lines[bounds.last].end]) or announced_type(preamble)
    kind = document_kind(meta.title, meta.doc_type, cover_issues, opening)
    if kind == "reply" and not sections:         # answers numbered 一是, 二是 at paragraph starts
        sections = find_sections(reader, lines, start_line, last, end, skip, ordinals=True)
    elif kind in ("measures", "other") and not sections:    # a policy whose only numbering opens its paragraphs
        para_starts = {reader.span(ln.start, ln.end)[0] for ln in lines}          # 一是, 二是
        points = find_sections(reader, lines, start_line, last, end, skip, ordinals=True)
        if points and all(p.start in para_starts for p in points) \
                and (kind == "measures" or _reads_as_policy(points, text, view.text)):
            sections = points
    if kind != "reply" and not sections:           # a digest whose items run together on one line
        sections = _digest_sections(reader, lines, min(start_line, last), last, end, skip)   # title and body on one line
    if kind == "other" and _reads_as_policy(sections, text, view.text):
        kind = "measures"                # a task list or support policy without a title
    cover_end = None
    if attached:
        cover_end = reader.span(lines[signed].start, lines[signed].end)[1]
    warnings = []
    if meta.title is None and meta.doc_number is None and not sections:
        warnings.append(W_NO_STRUCTURE)
    if meta.issuer is None:
        warnings.append(W_NO_ISSUER)
    if meta.date is None:
        warnings.append(W_NO_DATE)
    return Structure(meta=meta, sections=sections, body_start=body_start, body_end=body_end,
                     kind=kind, warnings=warnings, cover_end=cover_end)


def _digest_sections(reader, lines: list[TextLine], first: int, last: int, end: int,
                     chrome: frozenset[int]) -> list:
    """The items of a digest that runs them together inside its lines, where enough of its labels stand
    inside a line (outline.json glued.min_inline); [] otherwise."""
    glued = find_sections(reader, lines, first, last, end, chrome, glued=True)
    line_starts = {reader.span(ln.start, ln.end)[0] for ln in lines}
    inside = sum(s.start not in line_starts for s in glued)
    return glued if inside >= data("outline")["glued"]["min_inline"] else []


def _attachment_list(lines: list[TextLine], first: int, last: int) -> set[int]:
    """Indices of the lines naming a letter's attachments (附件:1.…实施细则 / 2.…实施细则): no items of its own."""
    inline = rx(data("elements")["attachment_mark"]["inline"])
    out: set[int] = set()
    for ln in lines[first:last]:
        if inline.match(ln.text) or (out and ln.index - 1 in out and match_heading(ln.text)):
            out.add(ln.index)
    return out


def _reads_as_policy(sections, text: str, view: str) -> bool:
    """True where at least two numbered items name their responsible units (a task list, or a table
    with a 责任单位 column, its header read in the simplified view: 序號 牽頭責任單位), or at least two
    give support (给予…奖励, 安排…资金, items headed 安家费 or 补贴标准), or a heading of tasks or measures (三、主要任务)
    holds two items or more: a policy without a title."""
    d = data("measures")
    cue, support = rx(d["lead_unit_cues"]["item_clause"]), rx(d["articles"]["support_pattern"])
    heading = rx(d["support_heading"]["pattern"])
    flat = not any(c.parent is not None for c in sections)
    bodies = [view_text(text[s.start:s.end]) for s in sections]
    units = sum(bool(cue.search(b)) for s, b in zip(sections, bodies) if s.level > 1 or flat)
    gives = sum(bool(support.search(b) or heading.search(view_text(s.title)) or is_support_content(s.title))
                for s, b in zip(sections, bodies))
    kids = Counter(s.parent for s in sections)
    tasks = any(kids[i] >= 2 and to_simplified(s.title).strip("。：: ") in d["group_headings"]
                for i, s in enumerate(sections))
    column = len(sections) >= 2 and names_unit_table(view)
    return units >= 2 or gives >= 2 or tasks or column
