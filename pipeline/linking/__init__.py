"""Linking across documents: reposts, versions, citations, agencies and follow-through, as pure functions.

`link_records(records)` runs everything but follow-through after an ingest batch; follow-through needs
a fitted `FollowupModel` (fitted in memory when replies need ranking; never saved).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from ..types import Record

if TYPE_CHECKING:
    from .agencies import Agency
    from .citations import Citation
    from .duplicates import DuplicateGroup, SimilarPair
    from .edges import Edge
    from .summary import DocSummary

# Public names and the submodule each lives in, imported on first use: a query that needs only a diff
# or a normalised doc number does not load scikit-learn.
_WHERE = {
    "agencies": ["Agency", "agency_edges", "resolve_agencies"],
    "citations": ["Citation", "CitationIndex", "citation_edges", "citation_listing", "find_citations",
                  "resolve_citations"],
    "diff": ["PolicyDiff", "diff_records", "format_diff"],
    "duplicates": ["DuplicateGroup", "LSHIndex", "SimilarPair", "group_duplicates", "signature", "similar_pairs"],
    "edges": ["Edge", "Provenance"],
    "followup": ["FollowupModel", "corpus_fingerprint", "followup_edges", "format_followup"],
    "keys": ["citations_of", "keys_of", "link_keys"],
    "summary": ["DocSummary"],
    "versions": ["caps_in_force", "find_supersessions", "in_force"],
}
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = ["Agency", "Citation", "CitationIndex", "DocSummary", "caps_in_force", "citation_listing", "DuplicateGroup", "Edge", "FollowupModel",
           "LSHIndex", "LinkResult", "PolicyDiff", "Provenance", "SimilarPair", "corpus_fingerprint",
           "diff_records", "find_citations", "followup_edges", "format_diff", "format_followup", "in_force",
           "keys_of", "link_keys", "link_records", "resolve_agencies", "signature"]


def __getattr__(name: str):
    """A public name of a submodule, imported the first time it is asked for."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULE_OF[name]}", __name__), name)
    globals()[name] = value
    return value


@dataclass
class LinkResult:
    """Everything the store persists after linking a corpus (edges carry their rule and provenance)."""
    summaries: list[DocSummary]
    groups: list[DuplicateGroup]
    pairs: list[SimilarPair]
    supersedes: list[Edge]
    citations: list[Citation]
    agencies: list[Agency]
    edges: list[Edge] = field(default_factory=list)


def link_records(records: Iterable[Record]) -> LinkResult:
    """Reposts grouped, citations resolved, versions and agencies linked, for all readable records.

    Records are read once, one at a time (a generator from the store keeps memory flat): only their
    summaries, citations and agency mentions are kept.
    """
    from .agencies import agency_edges, resolve_agencies
    from .citations import CitationIndex, citation_edges, resolve_citations
    from .duplicates import group_duplicates, similar_pairs
    from .keys import citations_of
    from .summary import DocSummary
    from .versions import find_supersessions

    summaries: list[DocSummary] = []
    found: list[Citation] = []

    def readable() -> Iterable[Record]:
        for r in records:
            if r.error:
                continue
            summaries.append(DocSummary.from_record(r))
            found.extend(citations_of(r))
            yield r

    agencies = resolve_agencies(readable())
    pairs = similar_pairs(summaries)
    groups = group_duplicates(summaries, pairs)
    citations = resolve_citations(found, CitationIndex.build(summaries))
    supersedes = find_supersessions(summaries, groups, pairs, citations)
    edges = [e for g in groups for e in g.edges] + supersedes + citation_edges(citations) + agency_edges(agencies)
    return LinkResult(summaries, groups, pairs, supersedes, citations, agencies, edges)
