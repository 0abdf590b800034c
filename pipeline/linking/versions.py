"""Which notice replaces which: revised texts, title series, explicit repeal clauses; and what is in force."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..types import Record
from .citations import Citation
from .diff import SAME_MEASURE_MIN_SIMILARITY, title_similarity
from .duplicates import DuplicateGroup, SimilarPair
from .edges import Edge, Provenance
from .summary import DocSummary


def _representatives(groups: Iterable[DuplicateGroup]) -> dict[str, str]:
    return {m: g.document_id for g in groups for m in g.members}


def _compatible(a: DocSummary, b: DocSummary) -> bool:
    return a.jurisdiction is None or b.jurisdiction is None or a.jurisdiction == b.jurisdiction


def _same_policy_title(a: DocSummary, b: DocSummary) -> bool:
    """Titles of one policy's versions (or a title missing): two policies sharing boilerplate are no versions."""
    if not a.title_key or not b.title_key:
        return True
    return a.series_key == b.series_key or title_similarity(a.title_key, b.title_key) >= SAME_MEASURE_MIN_SIMILARITY


def find_supersessions(summaries: list[DocSummary], groups: list[DuplicateGroup],
                       pairs: list[SimilarPair], citations: Iterable[Citation] = ()) -> list[Edge]:
    """SUPERSEDES edges newer -> older between notices (group representatives), one per pair, rules merged."""
    rep = _representatives(groups)
    by_id = {s.id: s for s in summaries}
    found: dict[tuple[str, str], Edge] = {}

    def link(new: DocSummary, old: DocSummary, rule: str, attrs: dict, prov: list[Provenance] = ()) -> None:
        src, dst = rep.get(new.id, new.id), rep.get(old.id, old.id)
        if src == dst:
            return
        edge = found.setdefault((src, dst), Edge("SUPERSEDES", src, dst, {"rules": []}, rule=rule))
        if rule not in edge.attrs["rules"]:
            edge.attrs["rules"].append(rule)
        edge.attrs.update(attrs)
        edge.provenance += list(prov)

    # A revision: most of the text shared, but a new date, number or figures.
    for p in pairs:
        a, b = by_id.get(p.a), by_id.get(p.b)
        if p.same_notice or not a or not b or not (a.date and b.date) or a.date == b.date \
                or not _compatible(a, b) or not _same_policy_title(a, b):
            continue
        new, old = (a, b) if a.date > b.date else (b, a)
        link(new, old, "revised-text", {"jaccard": round(p.jaccard, 3)})
    # A title series: the same title up to edition markers (年份, 修订, 试行), in one jurisdiction.
    series: dict[tuple, dict[str, DocSummary]] = defaultdict(dict)
    for s in summaries:
        if s.series_key and s.date:
            series[(s.jurisdiction, s.series_key)].setdefault(rep.get(s.id, s.id), s)
    for members in series.values():
        ordered = sorted(members.values(), key=lambda s: s.date)
        for older, newer in zip(ordered, ordered[1:]):
            if newer.date > older.date:
                link(newer, older, "title-series", {})
    # An explicit clause: 《X》同时废止 / 代替《X》 in the newer document.
    for c in citations:
        if c.cue and c.target_id and c.doc_id in by_id and c.target_id in by_id:
            link(by_id[c.doc_id], by_id[c.target_id], f"explicit-{c.cue}", {},
                 [Provenance(c.doc_id, c.start, c.end, c.page)])
    return list(found.values())


def in_force(summaries: Iterable[DocSummary], supersedes: Iterable[Edge], on: str) -> set[str]:
    """Ids of the documents in force on ISO date `on`: issued, not expired, not replaced by then."""
    docs = {s.id: s for s in summaries}
    replaced = set()
    for e in supersedes:
        newer = docs.get(e.source)
        if e.type == "SUPERSEDES" and newer and (newer.effective_from or newer.date or "9999") <= on:
            replaced.add(e.target)
    out = set()
    for s in docs.values():
        start = s.effective_from or s.date
        if start and start > on:
            continue
        if s.effective_to and s.effective_to < on:
            continue
        if s.id not in replaced:
            out.add(s.id)
    return out


@dataclass
class CapInForce:
    """A monetary cap of a measure of a document in force on the asked date."""
    doc_id: str
    doc_title: str | None
    measure: str | None
    amount: float
    text: str
    effective_to: str | None


def caps_in_force(records: Iterable[Record], summaries: Iterable[DocSummary], supersedes: Iterable[Edge],
                  on: str) -> list[CapInForce]:
    """The caps (MONEY role cap) of the documents in force on `on`, by document and measure."""
    live = in_force(summaries, supersedes, on)
    return [CapInForce(r.id, r.meta.title, e.attrs.get("measure"), e.attrs["amount"], e.text, r.meta.effective_to)
            for r in records if r.id in live for e in r.entities
            if e.label == "MONEY" and e.attrs.get("role") == "cap" and e.attrs.get("amount") is not None]
