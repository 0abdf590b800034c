"""Long texts tagged in pieces (issue 11: no length limit that fails).

A text longer than CHUNK_CHARS (spaCy's `max_length`) is not refused: its structure, jurisdiction,
measures and reply parts are read from the whole text once (line by line, linear), and the span
taggers (agencies, citations, money), which hold several copies of their text and its offsets, read it
in chunks. A chunk is cut after a blank line where there is one near its end, else after a line break,
else after a sentence or clause mark, else where it is full (a 10 MB line). Each chunk is tagged with
MARGIN characters of context on either side, and keeps the spans that start inside it: a span across
a cut is found whole, by the chunk it starts in, and once. Only a span whose wording depends on text
further than MARGIN away (a list of amounts running on for pages) could be read otherwise than in one
piece. The worker's time and memory limits (pipeline.workers.Limits) are the only bound on length.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..types import Entity, Structure

CHUNK_CHARS = 1_000_000          # spaCy's default max_length; nlp.py keeps it
MARGIN = 20_000                  # context tagged on each side of a chunk, never kept
_LOOK = 0.2                      # a chunk's cut is sought in its last fifth
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CLAUSE_END = re.compile(r"[，,、：:\s]")


def _cut(text: str, start: int, end: int) -> int:
    """Where a chunk that may run from `start` to `end` ends: after the last blank line, line break,
    sentence or clause mark of its last fifth, else at `end`."""
    if end >= len(text):
        return len(text)
    lo = max(start + 1, end - int((end - start) * _LOOK))
    for mark in ("\n\n", "\n"):
        k = text.rfind(mark, lo, end)
        if k >= 0:
            return k + len(mark)
    for mark in (_SENTENCE_END, _CLAUSE_END):
        last = None
        for last in mark.finditer(text, lo, end):
            pass
        if last:
            return last.end()
    return end


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces covering `text`, none longer than `size`."""
    out, start = [], 0
    while start < len(text):
        end = _cut(text, start, start + size)
        out.append((start, end))
        start = end
    return out


def windows(text: str, size: int = CHUNK_CHARS, margin: int = MARGIN) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, lo, hi) per chunk: the chunk [start, end) and the piece [lo, hi) tagged for it, with
    about `margin` characters of context each side, widened to whole lines where a line ends near."""
    for start, end in chunk_bounds(text, size):
        lo = max(0, start - margin)
        if lo > 0:
            k = text.rfind("\n", max(0, lo - margin), lo)
            lo = k + 1 if k >= 0 else lo
        hi = min(len(text), end + margin)
        if hi < len(text):
            k = text.find("\n", hi, hi + margin)
            hi = k if k >= 0 else hi
        yield start, end, lo, hi


def _shifted(e: Entity, by: int) -> Entity:
    e.start += by
    e.end += by
    return e


def tag_spans(text: str, structure: Structure, jurisdiction, size: int = CHUNK_CHARS,
              margin: int = MARGIN) -> list[Entity]:
    """AGENCY, CITATION, MONEY and RATE spans of the whole text, tagged chunk by chunk."""
    from ..clean.script import is_traditional
    from .agencies import tag_agencies
    from .citations import tag_citations
    from .flow import money_policy
    from .money import tag_money

    traditional, policy = is_traditional(text), money_policy(structure)
    out: list[Entity] = []
    for start, end, lo, hi in windows(text, size, margin):
        piece = text[lo:hi]
        found = tag_agencies(piece, jurisdiction, traditional=traditional) + tag_citations(piece) \
            + tag_money(piece, policy=policy)
        out += [_shifted(e, lo) for e in found if start <= e.start + lo < end]
    return out
