"""Cross-document linking persisted in the store: reposts, versions, citations, agency merges, follow-through.

`relink(store)` runs after an ingest run that changed anything: it reads the stored records one at a
time, links them (pipeline.linking) and replaces the linking edges in one transaction. The follow-up
model is refit only when the corpus fingerprint changes; it is saved beside the store file.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..linking import FollowupModel, LinkResult, link_records
from ..linking.followup import fingerprint_key, fingerprint_of, followup_queries
from ..types import Record
from .build import Edge, Node, node_key
from .store import FOLLOWUP_OWNER, LINKING_OWNER, Store

FINGERPRINT_KEY = "followup_fingerprint"
UNMATCHED_KEY = "followup_unmatched"         # replies ranked with no later measure of their jurisdiction


@dataclass
class LinkReport:
    """What a linking run stored: edge counts by type, reposts, whether the follow-up model was refit."""
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


def model_path(store: Store) -> Path:
    """Where the follow-up model of a store lives: <store>.linking/followup.joblib."""
    return store.path.with_name(store.path.name + ".linking") / "followup.joblib"


def _doc(doc_id: str) -> str:
    return node_key("Document", doc_id)


def _cited_key(target: str, kind: str | None) -> str:
    """The CitedDocument key build.py gives the same citation (t: title key, n: doc number)."""
    key = target[len("cited:"):]
    return node_key("CitedDocument", f"{'t' if kind == 'title' else 'n'}:{key}")


def linking_rows(result: LinkResult) -> tuple[list[Node], list[Edge]]:
    """The store nodes and edges of a linking result (documents as Document:<id>)."""
    nodes: list[Node] = []
    edges: list[Edge] = []
    for e in result.edges:
        first = e.provenance[0] if e.provenance else None
        span = (first.page, first.start, first.end) if first else (None, None, None)
        props = {**e.attrs, "rule": e.rule}
        if e.type in ("SAME_NOTICE", "SUPERSEDES"):
            edges.append(Edge(e.type, _doc(e.source), _doc(e.target), e.source, *span, props))
        elif e.type == "CITES":
            if e.target.startswith("cited:"):
                dst = _cited_key(e.target, e.attrs.get("kind"))
                is_title = e.attrs.get("kind") == "title"
                nodes.append(Node(dst, "CitedDocument", e.attrs.get("text") or e.target, None, {
                    "title": e.attrs.get("text") if is_title else None,
                    "doc_number": None if is_title else e.attrs.get("text"),
                    "title_key": dst.split(":", 2)[2] if is_title else "",
                    "number_key": "" if is_title else dst.split(":", 2)[2]}))
            else:
                dst = _doc(e.target)
            props["spans"] = [[p.start, p.end] for p in e.provenance]
            edges.append(Edge("CITES", _doc(e.source), dst, e.source, *span, props))
        elif e.type == "ALIAS_OF":
            alias, place = e.source[len("alias:"):].rsplit("@", 1)
            src = node_key("Alias", e.source[len("alias:"):])
            nodes.append(Node(src, "Alias", alias, None, {"jurisdiction": place or None}))
            nodes.append(Node(node_key("Agency", e.target), "Agency", e.target, None, {"linked": True}))
            edges.append(Edge("ALIAS_OF", src, node_key("Agency", e.target), first.doc_id if first else "",
                              None, None, None, props))
    return nodes, edges


def followup_rows(model: FollowupModel, record: Record, proposal_key: str | None) -> list[Edge]:
    """FOLLOWED_UP_BY edges of one reply: its proposal and each response -> the ranked measures."""
    responses = {}
    for r in record.responses:
        responses.setdefault(r.label, node_key("Response", f"{record.id}:{r.start}:{r.label}"))
    out = []
    queries = followup_queries(record)
    for query, ranked in zip(queries, model.rank_many(queries)):
        src = responses.get(query.label) if query.label is not None else proposal_key
        if src is None:
            continue
        for r in ranked:
            m = r.measure
            out.append(Edge("FOLLOWED_UP_BY", src, node_key("Measure", f"{m.doc_id}:{m.start}:{m.label}"),
                            m.doc_id, m.page, m.start, m.end,
                            {"score": r.score, "rank": r.rank, "evidence": r.evidence, "reply": record.id,
                             "response": query.label, "rule": "tfidf-cosine"}))
    return out


def _records(store: Store) -> Iterator[Record]:
    for data in store.iter_records(by_ingest=True):
        yield Record.from_dict(data)


def relink(store: Store, changed: Iterable[str] = (), refit: bool = False) -> LinkReport:
    """Links the stored corpus and replaces the linking edges; `changed` are doc ids added or updated.

    Follow-up edges are recomputed for every reply when the model is refit, else only for changed replies.
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
    notices = {m: g.document_id for g in result.groups for m in g.members if m != g.document_id}
    nodes, edges = linking_rows(result)
    report.reposts = len(notices)
    report.fingerprint = fingerprint_of(k for doc_id, k in keys.items() if doc_id not in notices)
    path = model_path(store)
    refit = refit or report.fingerprint != store.info(FINGERPRINT_KEY) or not path.exists()
    if refit:
        with store.read():
            model = FollowupModel.fit(r for r in _records(store) if r.id not in notices)
        model.save(path)
    else:
        model = FollowupModel.load(path)
    report.refit = refit
    changed = set(changed)
    stored = set(store.owners(FOLLOWUP_OWNER))
    # Replies ranked before without any later measure: no edges to show it, so their ids are kept.
    unmatched = set() if refit else set(json.loads(store.info(UNMATCHED_KEY) or "[]"))
    owners: dict[str, list] = {LINKING_OWNER: edges}
    live: set[str] = set()
    with store.read():
        for doc_id in store.reply_ids():
            if doc_id in notices:
                continue
            owner = FOLLOWUP_OWNER + doc_id
            live.add(owner)
            if refit or doc_id in changed or (owner not in stored and doc_id not in unmatched):
                record = Record.from_dict(store.record(doc_id))
                proposal = store.edges(src=[_doc(doc_id)], types=["REPLIES_TO"])
                owners[owner] = followup_rows(model, record, proposal[0]["dst"] if proposal else None)
                report.replies_ranked += 1
                (unmatched.discard if owners[owner] else unmatched.add)(doc_id)
    unmatched &= {o[len(FOLLOWUP_OWNER):] for o in live}
    store.replace_linked(owners, nodes, notices, {FINGERPRINT_KEY: report.fingerprint,
                                                  UNMATCHED_KEY: json.dumps(sorted(unmatched))},
                         drop_owners=sorted(stored - live))
    for owner_edges in owners.values():
        for e in owner_edges:
            report.edges[e.type] = report.edges.get(e.type, 0) + 1
    report.seconds = time.perf_counter() - started
    return report

