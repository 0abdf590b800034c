"""Cross-document linking persisted in the store: reposts, versions, citations, agency merges, follow-through.

`relink(store)` runs after an ingest run that changed anything (or one that stopped before linking): it
reads the stored records one at a time, links them (pipeline.linking) and replaces what linking found in
one transaction. The follow-up model is fitted in memory when a reply needs ranking; nothing of it is
saved but its fingerprint, so nothing is ever unpickled.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..linking import FollowupModel, LinkResult, link_records
from ..linking.followup import fingerprint_key, fingerprint_of, followup_queries
from ..types import Record
from .build import measure_id, response_id
from .store import Store

FINGERPRINT_KEY = "followup_fingerprint"
EDGE_OF_TABLE = {"reposts": "SAME_NOTICE", "supersessions": "SUPERSEDES", "citation_links": "CITES",
                 "agency_aliases": "ALIAS_OF"}


@dataclass
class LinkReport:
    """What a linking run stored: rows by edge type, reposts, whether every reply was ranked again
    (the measures of the corpus changed: `refit`) and how many replies were ranked."""
    edges: dict[str, int] = field(default_factory=dict)
    reposts: int = 0
    refit: bool = False
    replies_ranked: int = 0
    fingerprint: str = ""
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"edges": self.edges, "reposts": self.reposts, "refit": self.refit,
                "replies_ranked": self.replies_ranked, "fingerprint": self.fingerprint,
                "seconds": round(self.seconds, 3)}


def _cited_key(target: str, kind: str | None) -> str:
    """The key of a cited document not stored (t: title key, n: doc number key), as citations have it."""
    return f"{'t' if kind == 'title' else 'n'}:{target[len('cited:'):]}"


def linking_tables(result: LinkResult) -> dict[str, list[dict]]:
    """The rows of the linking tables for a linking result."""
    out: dict[str, list[dict]] = {"reposts": [], "supersessions": [], "citation_links": [], "agency_aliases": []}
    for e in result.edges:
        first = e.provenance[0] if e.provenance else None
        span = {"page": first.page, "start": first.start, "end": first.end} if first else \
            {"page": None, "start": None, "end": None}
        if e.type == "SAME_NOTICE":
            out["reposts"].append({"document_id": e.source, "original_id": e.target, "rule": e.rule,
                                   "jaccard": e.attrs.get("jaccard")})
        elif e.type == "SUPERSEDES":
            details = {k: v for k, v in e.attrs.items() if k != "rules"}
            out["supersessions"].append({
                "newer_id": e.source, "older_id": e.target, "rules": json.dumps(e.attrs.get("rules") or [e.rule]),
                "details": json.dumps(details, ensure_ascii=False) if details else None, **span})
        elif e.type == "CITES":
            stored = not e.target.startswith("cited:")
            out["citation_links"].append({
                "document_id": e.source, "target_id": e.target if stored else None,
                "cited_key": None if stored else _cited_key(e.target, e.attrs.get("kind")),
                "text": e.attrs.get("text"), "kind": e.attrs.get("kind"), "resolution": e.attrs.get("resolution"),
                "score": e.attrs.get("score"), "cue": e.attrs.get("cue"),
                "spans": json.dumps([[p.start, p.end] for p in e.provenance]), **span})
        elif e.type == "ALIAS_OF":
            alias, place = e.source[len("alias:"):].rsplit("@", 1)
            out["agency_aliases"].append({"alias": alias, "jurisdiction": place, "agency": e.target,
                                          "rule": e.rule, "detail": e.attrs.get("detail"),
                                          "document_id": first.doc_id if first else None})
    keyed = {t: list({json.dumps(r, sort_keys=True, ensure_ascii=False): r for r in rows}.values())
             for t, rows in out.items()}
    keyed["agency_aliases"] = list({(r["alias"], r["jurisdiction"], r["agency"]): r
                                    for r in keyed["agency_aliases"]}.values())
    keyed["supersessions"] = list({(r["newer_id"], r["older_id"]): r for r in keyed["supersessions"]}.values())
    keyed["reposts"] = list({r["document_id"]: r for r in keyed["reposts"]}.values())
    return {t: sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))
            for t, rows in keyed.items()}


def followup_rows(model: FollowupModel, record: Record) -> list[dict]:
    """`followups` rows of one reply: its proposal (response NULL) and each response -> the ranked measures."""
    responses: dict[str, str] = {}
    for seq, r in enumerate(record.responses, 1):
        responses.setdefault(r.label, response_id(record.id, seq))
    out = []
    queries = followup_queries(record)
    for query, ranked in zip(queries, model.rank_many(queries)):
        response = responses.get(query.label) if query.label is not None else None
        if query.label is not None and response is None:
            continue
        for r in ranked:
            out.append({"reply_id": record.id, "response_id": response,
                        "measure_id": measure_id(r.measure.doc_id, r.measure.seq), "rank": r.rank,
                        "score": r.score, "evidence": json.dumps(r.evidence, ensure_ascii=False),
                        "rule": "tfidf-cosine"})
    return out


def _records(store: Store) -> Iterator[Record]:
    for data in store.iter_records(by_date=True):
        yield Record.from_dict(data)


def relink(store: Store, changed: Iterable[str] = (), refit: bool = False) -> LinkReport:
    """Links the stored corpus and replaces what linking found; `changed` are doc ids added or updated.

    Every reply is ranked again when the follow-up fingerprint (the measures of the corpus) changed, or
    with `refit`; otherwise only replies that changed or were never ranked.
    """
    started = time.perf_counter()
    report = LinkReport()
    keys: dict[str, str] = {}

    def tapped() -> Iterator[Record]:
        for r in _records(store):
            key = fingerprint_key(r)
            if key:
                keys[r.id] = key
            yield r

    with store.read():
        result = link_records(tapped())
        last_runs = store.followup_runs()
        replies = store.reply_ids()
    tables = linking_tables(result)
    reposts = {r["document_id"] for r in tables["reposts"]}
    report.reposts = len(reposts)
    report.fingerprint = fingerprint_of(k for doc_id, k in keys.items() if doc_id not in reposts)
    report.refit = refit or report.fingerprint != store.info(FINGERPRINT_KEY)
    changed = set(changed)
    live = [d for d in replies if d not in reposts]
    todo = [d for d in live if report.refit or d in changed or d not in last_runs]
    followups: dict[str, list[dict]] = {d: [] for d in replies if d in reposts}
    if todo:
        with store.read():
            model = FollowupModel.fit(r for r in _records(store) if r.id not in reposts)
            for doc_id in todo:
                followups[doc_id] = followup_rows(model, Record.from_dict(store.record(doc_id)))
        report.replies_ranked = len(todo)
    store.replace_linked(tables, followups, {d: report.fingerprint for d in live},
                         {FINGERPRINT_KEY: report.fingerprint})
    counts = {**{EDGE_OF_TABLE[t]: len(rows) for t, rows in tables.items()},
              "FOLLOWED_UP_BY": sum(len(rows) for rows in followups.values())}
    report.edges = {k: v for k, v in counts.items() if v}
    report.seconds = time.perf_counter() - started
    return report
