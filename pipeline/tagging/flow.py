"""Tagging as plain functions: what extraction calls (tag_text), and what the spaCy components (nlp.py)
wrap. No component reads jieba's words (they work on characters), so extraction goes without the Doc and
its segmentation (a third of tagging's time); the spaCy pipeline gives the same findings, with tokens,
to whoever wants a Doc.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..structure.lexicon import data
from ..types import Entity, Measure, Proposal, Response, Structure
from .agencies import short_names
from .chunks import tag_spans
from .issuer_mentions import issuer_mentions

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Tagged:
    """What the taggers found in a clean text (offsets into it)."""
    text: str
    structure: Structure
    jurisdiction: object
    entities: list[Entity] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    proposal: Proposal | None = None
    responses: list[Response] = field(default_factory=list)


def jurisdiction_of(text: str, structure) -> object:
    """The document's jurisdiction, from its header's issuer, title and doc number, else its text."""
    from .jurisdiction import infer_jurisdiction
    meta = structure.meta
    return infer_jurisdiction(text, meta.issuer, meta.title, meta.doc_number)


def money_policy(structure) -> bool:
    """True where the document prescribes (measures, notices, an untitled text whose preamble announces a
    notice: 具体事项通知如下): tag_money's `policy`."""
    if structure is None:
        return False
    return structure.kind in ("measures", "notice") \
        or structure.meta.doc_type in data("doc_types")["kinds"]["notice_types"]


def without_surrogates(text: str) -> str:
    """A lone surrogate (no UTF-8 form, which spaCy's string store needs) read as U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", text)


def tag_text(text: str) -> Tagged:
    """The findings of the spaCy pipeline's components, in their order, for a text of any length: the span
    taggers read a text longer than CHUNK_CHARS in chunks (chunks.py)."""
    from ..structure import parse_structure
    from .measures import find_measures, link_to_measures
    from .replies import find_reply

    text = without_surrogates(text)
    structure = parse_structure(text)
    jurisdiction = jurisdiction_of(text, structure)
    entities = issuer_mentions(text, structure.meta.issuer, tag_spans(text, structure, jurisdiction), jurisdiction)
    jurisdiction = replace(jurisdiction, short_names=short_names(entities))   # 办公室: the office it defines
    measures = find_measures(text, structure, jurisdiction)
    entities = link_to_measures(entities, measures)
    proposal, responses = find_reply(text, structure, jurisdiction)
    return Tagged(text, structure, jurisdiction, entities, measures, proposal, responses)
