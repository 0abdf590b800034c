"""Cross-document linking persisted in the store, incrementally: only what the stored changes touch is redone.

Every linking fact is defined so that it depends on a few documents only, never on the corpus as a whole:
- a document's look-alike pairs on the earlier documents it shares an LSH band with (content order:
  date, then id), so a change redoes its own pairs, adds itself to those of the later documents it is
  similar enough to, and redoes those of the later documents a removed one was paired with;
- reposts on the same-notice pairs (the earliest copy leads; redone from those pairs on every run);
- versions of two notices on their copies' pairs, title series and repeal clauses, so a change redoes
  those of the notices it touches (see _version_scope);
- an agency's aliases on the documents naming it (the first mention of an alias gives its reason);
- a citation's target on the documents with its key, or a subject scoring above the threshold on its
  own (no corpus weighting);
- a reply's follow-through on the later measures of its place, scored by a model fitted on the measures
  of that place alone (a change of a place's measures ranks that place's replies again).
So linking after one new document equals linking the whole corpus again (`relink(store, full=True)`),
and the same files give the same graph in any order. The changes since the last run are what the store
noted in `link_changes` with each stored or removed document; they are cleared with the results.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np

from ..linking.duplicates import SimilarPair, pairs_with_earlier
from ..linking.normalise import load_json
from ..linking.summary import DocSummary
from .build import measure_id
from .store import Store

ORDER = "coalesce(d.date, '9999'), d.id"          # the content order of documents (store.CONTENT_ORDER)
IN_MEMORY_FROM = 50         # documents whose pairs are redone from which all bands are read into memory at once


@dataclass
class LinkUpdate:
    """What one linking run stores: pairs by their later document, reposts whole, the version edges of
    some documents (all with `supersessions_of` None), aliases by agency, new citation targets,
    follow-through by reply."""
    pairs: dict[str, list[dict]] = field(default_factory=dict)
    reposts: list[dict] = field(default_factory=list)
    supersessions: list[dict] = field(default_factory=list)
    supersessions_of: set[str] | None = None    # the documents whose version edges these replace (None: all)
    agency_aliases: dict[str, list[dict]] = field(default_factory=dict)
    citations: list[dict] = field(default_factory=list)
    followups: dict[str, list[dict]] = field(default_factory=dict)
    info: dict[str, str | None] = field(default_factory=dict)


@dataclass
class LinkReport:
    """What a linking run redid: documents changed, pairs, agencies, citations and replies recomputed, and
    the rows it wrote by edge type (reposts: all of them; the others: those redone)."""
    changed: int = 0
    full: bool = False
    pairs_redone: int = 0
    agencies_redone: int = 0
    citations_redone: int = 0
    replies_ranked: int = 0
    reposts: int = 0
    edges: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)      # seconds per step

    def to_dict(self) -> dict:
        return {"changed": self.changed, "full": self.full, "pairs_redone": self.pairs_redone,
                "agencies_redone": self.agencies_redone, "citations_redone": self.citations_redone,
                "replies_ranked": self.replies_ranked, "reposts": self.reposts, "edges": self.edges,
                "seconds": round(self.seconds, 3), "phases": {k: round(v, 3) for k, v in self.phases.items()}}


def relink(store: Store, changed: Iterable[str] = (), full: bool = False) -> LinkReport:
    """Links what the stored changes touch (everything with `full`) and stores it in one transaction.

    `changed` is accepted for callers that know which documents they stored; the store's own record of
    changes is what counts (it also survives a run killed before linking).
    """
    started = time.perf_counter()
    report = LinkReport(full=full)
    update = LinkUpdate()
    with store.read():
        ctx = _Context(store, full)
        report.changed = len(ctx.present) + len(ctx.removed)
        old_reposts = {r["document_id"]: r["original_id"] for r in store.sql("SELECT * FROM reposts")}
        for name, step in (("pairs", lambda: _pairs(ctx, update, report)), ("reposts", lambda: _reposts(ctx, update)),
                           ("agencies", lambda: _agencies(ctx, update, report)),
                           ("citations", lambda: _citations(ctx, update, report)),
                           ("versions", lambda: _supersessions(ctx, update, old_reposts)),
                           ("follow-through", lambda: _followups(ctx, update, report, old_reposts))):
            at = time.perf_counter()
            step()
            report.phases[name] = time.perf_counter() - at
        report.reposts = len(update.reposts)
    at = time.perf_counter()
    store.apply_linking(update)
    report.phases["store"] = time.perf_counter() - at
    written = {"SAME_NOTICE": len(update.reposts), "SUPERSEDES": len(update.supersessions),
               "CITES": sum(1 for c in update.citations if c["target_id"]),
               "ALIAS_OF": sum(len(rows) for rows in update.agency_aliases.values()),
               "FOLLOWED_UP_BY": sum(len(rows) for rows in update.followups.values())}
    report.edges = {k: v for k, v in written.items() if v}
    report.seconds = time.perf_counter() - started
    return report


class _Context:
    """The documents in content order, and what changed since the last run."""

    def __init__(self, store: Store, full: bool):
        self.store, self.full = store, full
        self.order = {r["id"]: i for i, r in enumerate(store.sql(f"SELECT d.id FROM documents d ORDER BY {ORDER}"))}
        changes = store.link_changes()
        self.present = set(self.order) if full else {c["document_id"] for c in changes
                                                     if c["present"] and c["document_id"] in self.order}
        self.removed = [c["touches"] for c in changes if c["touches"]]      # a replaced version counts too
        self._summaries: dict[str, DocSummary] = {}
        self.signatures: dict[str, np.ndarray] = {}
        self.matrix: np.ndarray | None = None
        self.buckets: dict[tuple, list[str]] | None = None
        self.bands_of: dict[str, list[tuple]] = defaultdict(list)
        self.mates: dict[str, list[str]] = {}
        self.series: dict[tuple, list[str]] = {}
        self.pairs_whole = False                # every document's pairs redone (update.pairs holds them all)
        self.old_pairs: dict[str, list[dict]] = {}      # the stored pairs of the documents whose pairs were redone

    def signature_rows(self, ids) -> np.ndarray:
        """The MinHash signatures of some documents as the rows of one matrix."""
        if self.matrix is not None:
            if isinstance(ids, _Ids):
                return self.matrix[ids.positions]
            return self.matrix[[self.order[i] for i in ids]]
        sigs = _signatures(self, ids)
        return np.stack([sigs[i] for i in ids])

    def index_bands(self) -> None:
        """All LSH bands and signatures in memory: for runs that redo the pairs of many documents."""
        sigs = _signatures(self, list(self.order))
        self.matrix = np.stack([sigs[i] for i in sorted(self.order, key=self.order.__getitem__)])
        self.buckets = defaultdict(list)
        for r in self.sql("SELECT band, bucket, document_id FROM lsh_bands"):
            key = (r["band"], r["bucket"])
            self.buckets[key].append(r["document_id"])
            self.bands_of[r["document_id"]].append(key)
        self.ids_by_order = sorted(self.order, key=self.order.__getitem__)
        self.bucket_positions = {k: np.array(sorted(self.order[i] for i in v), dtype=np.int64)
                                 for k, v in self.buckets.items()}

    def sql(self, query: str, args=()) -> list[dict]:
        return self.store.sql(query, args)

    def summaries(self, ids: Iterable[str]) -> dict[str, DocSummary]:
        """DocSummary (without text) of stored documents, from their link inputs."""
        want = [i for i in dict.fromkeys(ids) if i not in self._summaries]
        for chunk in range(0, len(want), 500):
            part = want[chunk:chunk + 500]
            for r in self.sql("SELECT document_id, date, jurisdiction, title, title_key, series_key, number_key, kind, "
                              f"figures, effective_from, effective_to FROM link_inputs WHERE document_id IN "
                              f"({','.join('?' * len(part))})", part):
                self._summaries[r["document_id"]] = DocSummary(
                    r["document_id"], r["date"], r["jurisdiction"], r["title"], r["title_key"], r["series_key"],
                    r["number_key"], r["kind"], "", tuple(json.loads(r["figures"] or "[]")), None,
                    r["effective_from"], r["effective_to"])
        return {i: self._summaries[i] for i in ids if i in self._summaries}

    def all_summaries(self) -> list[DocSummary]:
        by_id = self.summaries(self.order)
        return [by_id[i] for i in sorted(by_id, key=self.order.__getitem__)]


def _band_mates(ctx: _Context, doc_id: str) -> list[str]:
    """The documents sharing an LSH band with one (from an index of all bands when many are asked)."""
    if ctx.buckets is not None:
        return sorted({m for key in ctx.bands_of[doc_id] for m in ctx.buckets[key]} - {doc_id})
    if doc_id not in ctx.mates:
        ctx.mates[doc_id] = [r["id"] for r in ctx.sql(
            "SELECT DISTINCT o.document_id AS id FROM lsh_bands l JOIN lsh_bands o ON o.band = l.band "
            "AND o.bucket = l.bucket WHERE l.document_id = ? AND o.document_id != ?", (doc_id, doc_id))]
    return ctx.mates[doc_id]


class _Ids:
    """Document ids by content-order position, read lazily (a document may share bands with thousands)."""

    def __init__(self, ids: list[str], positions: np.ndarray):
        self.ids, self.positions = ids, positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, k: int) -> str:
        return self.ids[self.positions[k]]

    def __iter__(self):
        return (self.ids[p] for p in self.positions)


def _earlier_mates(ctx: _Context, doc_id: str):
    """The earlier documents sharing an LSH band with one, in content order."""
    if ctx.buckets is None:
        return sorted((m for m in _band_mates(ctx, doc_id) if ctx.order[m] < ctx.order[doc_id]),
                      key=ctx.order.__getitem__)
    own = ctx.order[doc_id]
    positions = np.unique(np.concatenate([ctx.bucket_positions[key] for key in ctx.bands_of[doc_id]]))
    return _Ids(ctx.ids_by_order, positions[positions < own])


def _signatures(ctx: _Context, ids: list[str]) -> dict[str, np.ndarray]:
    want = [i for i in ids if i not in ctx.signatures]
    for chunk in range(0, len(want), 500):
        part = want[chunk:chunk + 500]
        for r in ctx.sql(f"SELECT document_id, signature FROM link_inputs WHERE document_id IN "
                         f"({','.join('?' * len(part))})", part):
            ctx.signatures[r["document_id"]] = np.frombuffer(r["signature"], dtype=np.uint64)
    return {i: ctx.signatures[i] for i in ids if i in ctx.signatures}


def _pairs(ctx: _Context, update: LinkUpdate, report: LinkReport) -> None:
    """Look-alike pairs of the changed documents and of the later documents sharing a band with them
    (of every document, in one pass, when most changed).

    A later document that only gains changed documents as candidates keeps its stored pairs and adds
    those it now forms: its pairs are every same notice and the first MAX_RELATED_PER_DOCUMENT others
    (by Jaccard, then content order), so the first of the stored others and the new ones are the first of
    all. A document that lost a paired one (removed) or changed itself is paired again from its bands."""
    if ctx.full or len(ctx.present) > len(ctx.order) // 2:
        from ..linking.duplicates import similar_pairs
        by_b: dict[str, list[dict]] = {d: [] for d in ctx.order}
        for p in similar_pairs(ctx.all_summaries(), signatures=_signatures(ctx, list(ctx.order))):
            by_b[p.b].append(_pair_row(p))
        update.pairs = by_b
        ctx.pairs_whole = True
        report.pairs_redone = len(by_b)
        return
    # A later document's pairs change only if the changed one scores above the related threshold with it
    # (a candidate below it is never chosen), or if a removed one was among its pairs.
    related_min = load_json("matching.json")["related_min_jaccard"]
    redo = set(ctx.present)
    for touched in ctx.removed:
        redo |= {m for m in touched.get("paired", []) if m in ctx.order}
    gains: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for doc_id in sorted(ctx.present, key=ctx.order.__getitem__):
        later = sorted(m for m in _band_mates(ctx, doc_id) if ctx.order[m] > ctx.order[doc_id])
        if later:
            scores = (ctx.signature_rows(later) == ctx.signature_rows([doc_id])[0]).mean(axis=1)
            for m, j in zip(later, scores):
                if j >= related_min:
                    gains[m].append((doc_id, float(j)))
    grown = sorted(set(gains) - redo, key=ctx.order.__getitem__)
    ctx.old_pairs = _stored_pairs(ctx, sorted(redo) + grown)
    if len(redo) > IN_MEMORY_FROM:
        ctx.index_bands()
        ctx.summaries(ctx.order)
    for doc_id in sorted(redo, key=ctx.order.__getitem__):
        earlier = _earlier_mates(ctx, doc_id)
        pairs: list[SimilarPair] = []
        if len(earlier):
            scores = (ctx.signature_rows(earlier) == ctx.signature_rows([doc_id])[0]).mean(axis=1)
            summary = ctx.summaries([doc_id])[doc_id]
            pairs = pairs_with_earlier(summary, earlier, scores, lambda m: ctx.summaries([m])[m])
        update.pairs[doc_id] = [_pair_row(p) for p in pairs]
    for doc_id in grown:
        rows = _grown_pairs(ctx, doc_id, ctx.old_pairs.get(doc_id, []), gains[doc_id])
        if _row_set(rows) != _row_set(ctx.old_pairs.get(doc_id, [])):
            update.pairs[doc_id] = rows
    report.pairs_redone = len(redo) + len(grown)


def _stored_pairs(ctx: _Context, docs: list[str]) -> dict[str, list[dict]]:
    """The stored pairs of some documents, by their later document."""
    out: dict[str, list[dict]] = defaultdict(list)
    for chunk in range(0, len(docs), 500):
        part = docs[chunk:chunk + 500]
        for r in ctx.sql(f"SELECT a, b, jaccard, same_notice, conflict FROM similar_pairs WHERE b IN "
                         f"({','.join('?' * len(part))})", part):
            out[r["b"]].append(r)
    return out


def _row_set(rows: list[dict]) -> set[tuple]:
    return {(r["a"], r["b"], r["jaccard"], r["same_notice"], r["conflict"]) for r in rows}


def _grown_pairs(ctx: _Context, doc_id: str, stored: list[dict], gained: list[tuple[str, float]]) -> list[dict]:
    """The pairs of a document whose candidates grew by some changed earlier documents (see _pairs)."""
    from ..linking.duplicates import MAX_RELATED_PER_DOCUMENT, _conflict

    same_min = load_json("matching.json")["same_notice_min_jaccard"]
    summary = ctx.summaries([doc_id])[doc_id]
    same = [r for r in stored if r["same_notice"]]
    others = [r for r in stored if not r["same_notice"]]
    for other_id, j in gained:
        conflict = _conflict(ctx.summaries([other_id])[other_id], summary)
        if j >= same_min and conflict is None:
            same.append(_pair_row(SimilarPair(other_id, doc_id, j, True)))
        else:
            others.append(_pair_row(SimilarPair(other_id, doc_id, j, False, conflict)))
    others.sort(key=lambda r: (-r["jaccard"], ctx.order[r["a"]]))
    return same + others[:MAX_RELATED_PER_DOCUMENT]


def _pair_row(p: SimilarPair) -> dict:
    return {"a": p.a, "b": p.b, "jaccard": p.jaccard, "same_notice": int(p.same_notice), "conflict": p.conflict}


def _pairs_after(ctx: _Context, update: LinkUpdate, where: str = "", keep=lambda r: True,
                 among: set[str] | None = None) -> list[SimilarPair]:
    """The pairs after this run: the stored ones (those matching `where`, or with an end `among` some
    documents) of documents not redone, and the redone ones `keep` accepts; in content order of their
    later, then earlier document."""
    stored: list[dict] = []
    if among is not None:
        ids = sorted(among)
        found = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            marks = ",".join("?" * len(part))
            for r in ctx.sql(f"SELECT a, b, jaccard, same_notice, conflict FROM similar_pairs WHERE a IN ({marks}) "
                             f"UNION SELECT a, b, jaccard, same_notice, conflict FROM similar_pairs "
                             f"WHERE b IN ({marks})", part * 2):
                found[(r["a"], r["b"])] = r
        stored = list(found.values())
    elif not ctx.pairs_whole:
        stored = ctx.sql("SELECT a, b, jaccard, same_notice, conflict FROM similar_pairs"
                         + (f" WHERE {where}" if where else ""))
    rows = [r for r in stored if r["b"] not in update.pairs]
    rows += [r for rows in update.pairs.values() for r in rows if keep(r)]
    rows.sort(key=lambda r: (ctx.order[r["b"]], ctx.order[r["a"]]))
    return [SimilarPair(r["a"], r["b"], r["jaccard"], bool(r["same_notice"]), r["conflict"]) for r in rows]


def _reposts(ctx: _Context, update: LinkUpdate) -> None:
    """Copies of one notice: connected by same-notice pairs; the earliest copy leads."""
    pairs = _pairs_after(ctx, update, "same_notice = 1", keep=lambda r: r["same_notice"])
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[str, float] = {}
    for p in pairs:
        ra, rb = find(p.a), find(p.b)
        if ra != rb:
            first, second = sorted((ra, rb), key=ctx.order.__getitem__)
            parent[second] = first
        best[p.b] = max(best.get(p.b, 0.0), p.jaccard)
        best[p.a] = max(best.get(p.a, 0.0), p.jaccard)
    update.reposts = [{"document_id": d, "original_id": find(d), "rule": "minhash-lsh", "jaccard": round(best[d], 3)}
                      for d in sorted(parent, key=ctx.order.__getitem__) if find(d) != d]


def _agencies(ctx: _Context, update: LinkUpdate, report: LinkReport) -> None:
    """The aliases of each agency a change touches, each with the reason of its first mention."""
    if ctx.full:
        agencies = [r["agency"] for r in ctx.sql("SELECT DISTINCT agency FROM agency_names")]
        agencies += [r["agency"] for r in ctx.sql("SELECT DISTINCT agency FROM agency_aliases")]
    else:
        agencies = [r["agency"] for d in ctx.present for r in ctx.sql(
            "SELECT DISTINCT agency FROM agency_names WHERE document_id = ?", (d,))]
        agencies += [a for touched in ctx.removed for a in touched.get("agencies", [])]
    for agency in sorted(set(agencies)):
        rows = ctx.sql(
            f"SELECT n.alias, n.place, n.rule, n.detail, n.document_id FROM agency_names n "
            f"JOIN documents d ON d.id = n.document_id WHERE n.agency = ? AND n.alias != n.agency "
            f"ORDER BY {ORDER}, n.seq", (agency,))
        first: dict[str, dict] = {}
        for r in rows:
            first.setdefault(r["alias"], r)
        update.agency_aliases[agency] = [
            {"alias": alias, "jurisdiction": r["place"], "agency": agency, "rule": r["rule"], "detail": r["detail"],
             "document_id": r["document_id"]} for alias, r in first.items()]
    report.agencies_redone = len(set(agencies))


def _citations(ctx: _Context, update: LinkUpdate, report: LinkReport) -> None:
    """Targets of the citations a change touches: those of changed documents, those naming a changed
    document's key or subject, those whose target went."""
    from ..linking.citations import subject_vectors, title_match_min

    if ctx.full:
        todo = ctx.sql("SELECT * FROM found_citations")
    else:
        todo = [r for d in ctx.present for r in ctx.sql("SELECT * FROM found_citations WHERE document_id = ?", (d,))]
        keys = ctx.summaries(ctx.present).values()
        for s in keys:
            for kind, key in (("doc_number", s.doc_number), ("title", s.title_key)):
                if key:
                    todo += ctx.sql("SELECT * FROM found_citations WHERE kind = ? AND key = ?", (kind, key))
        todo += ctx.sql("SELECT * FROM found_citations WHERE target_id IS NULL AND resolution IS NOT NULL")
        subjects = [r["subject"] for d in ctx.present
                    for r in ctx.sql("SELECT subject FROM link_inputs WHERE document_id = ?", (d,)) if r["subject"]]
        if subjects:
            open_titles = ctx.sql("SELECT * FROM found_citations WHERE kind = 'title' AND subject IS NOT NULL "
                                  "AND (resolution IS NULL OR resolution = 'similar-title')")
            if open_titles:
                sims = (subject_vectors([r["subject"] for r in open_titles]) @ subject_vectors(subjects).T)
                hit = np.asarray(sims.max(axis=1).todense()).ravel() >= title_match_min()
                todo += [r for r, h in zip(open_titles, hit) if h]
    todo = list({(r["document_id"], r["seq"]): r for r in todo if r["document_id"] in ctx.order}.values())
    resolver = _Resolver(ctx)
    for r in sorted(todo, key=lambda r: (ctx.order[r["document_id"]], r["seq"])):
        target, resolution, score = resolver.resolve(r)
        update.citations.append({"document_id": r["document_id"], "seq": r["seq"], "target_id": target,
                                 "resolution": resolution, "score": score})
    report.citations_redone = len(todo)


class _Resolver:
    """A citation's target: the document with its doc number or title key, else the most similar subject
    of a compatible genre above the threshold; among several, the latest issued no later than the citing."""

    def __init__(self, ctx: _Context):
        self.ctx = ctx
        self._subjects: tuple[list[str], object, dict[str, list[tuple[str, str]]]] | None = None

    def _pick(self, ids: list[str], citing: str) -> str:
        summaries = self.ctx.summaries(ids + [citing])
        date = summaries[citing].date if citing in summaries else None
        dated = sorted(ids, key=lambda i: (summaries[i].date or "", self.ctx.order[i]))
        earlier = [i for i in dated if not date or (summaries[i].date or "") <= date]
        return (earlier or dated)[-1]

    def _subject_index(self):
        if self._subjects is None:
            from ..linking.citations import subject_vectors
            by_subject: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for r in self.ctx.sql(f"SELECT l.document_id, l.subject, l.genre FROM link_inputs l JOIN documents d "
                                  f"ON d.id = l.document_id WHERE l.subject IS NOT NULL AND l.subject != '' "
                                  f"AND l.title_key != '' ORDER BY {ORDER}"):
                by_subject[r["subject"]].append((r["genre"], r["document_id"]))
            subjects = list(by_subject)
            self._subjects = (subjects, subject_vectors(subjects) if subjects else None, by_subject)
        return self._subjects

    def resolve(self, c: dict) -> tuple[str | None, str | None, float | None]:
        from ..linking.citations import _genre_compatible, subject_vectors, title_match_min

        column = "number_key" if c["kind"] == "doc_number" else "title_key"
        ids = [r["document_id"] for r in self.ctx.sql(
            f"SELECT document_id FROM link_inputs WHERE {column} = ? AND document_id != ?",
            (c["key"], c["document_id"]))]
        if ids:
            return self._pick(ids, c["document_id"]), c["kind"], 1.0
        if c["kind"] != "title" or not c["subject"]:
            return None, None, None
        subjects, matrix, by_subject = self._subject_index()
        if matrix is None:
            return None, None, None
        sims = (subject_vectors([c["subject"]]) @ matrix.T).tocsr()
        scores = np.round(sims.data, 6)
        near = sorted(zip(scores, (subjects[i] for i in sims.indices)), key=lambda x: (-x[0], x[1]))[:5]
        for score, subject in near:
            if score < title_match_min():
                break
            ids = [i for g, i in by_subject[subject]
                   if i != c["document_id"] and _genre_compatible(g, c["genre"] or "")]
            if ids:
                return self._pick(ids, c["document_id"]), "similar-title", round(float(score), 3)
        return None, None, None


def _supersessions(ctx: _Context, update: LinkUpdate, old_reposts: dict[str, str]) -> None:
    """Versions of the notices a change touches (of all, when most changed): revised texts, title series,
    explicit repeal clauses, from the link inputs.

    A version edge joins two notices (their leading copies) and depends only on their copies' pairs, link
    inputs and cue citations, and on the title series they are in. So the edges of the notices in scope
    (see _version_scope) are found again from the pairs, series and citations touching them, and the
    stored edges of every other notice stay as they are."""
    from ..linking.citations import Citation
    from ..linking.duplicates import DuplicateGroup
    from ..linking.versions import find_supersessions

    leaders = {r["document_id"]: r["original_id"] for r in update.reposts}
    cited = {(c["document_id"], c["seq"]): c for c in update.citations}
    cues = {(r["document_id"], r["seq"]): r for r in ctx.sql(
        "SELECT * FROM found_citations WHERE cue IS NOT NULL ORDER BY document_id, seq")}
    scope = None if ctx.full or ctx.pairs_whole else _version_scope(ctx, update, old_reposts, leaders, cues)
    if scope is not None and len(scope) > len(ctx.order) // 2:
        scope = None
    citations = []
    for key, r in cues.items():
        r = {**r, **cited.get(key, {})}
        if scope is None or r["document_id"] in scope or r["target_id"] in scope:
            citations.append(Citation(r["document_id"], r["text"], r["kind"], r["key"], r["start"], r["end"],
                                      r["page"], r["cue"], r["target_id"], r["resolution"], r["score"]))
    if scope is None:
        summaries = ctx.all_summaries()
        pairs = _pairs_after(ctx, update)
    else:
        pairs = _pairs_after(ctx, update, keep=lambda r: r["a"] in scope or r["b"] in scope, among=scope)
        wanted = set(scope) | {d for p in pairs for d in (p.a, p.b)}
        wanted |= {d for c in citations for d in (c.doc_id, c.target_id) if d in ctx.order}
        for s in list(ctx.summaries(scope).values()):        # every member of a series in scope
            if s.series_key:
                wanted |= set(_series_members(ctx, s.jurisdiction, s.series_key))
        summaries = sorted(ctx.summaries(wanted).values(), key=lambda s: ctx.order[s.id])
    groups: dict[str, DuplicateGroup] = {}
    for s in summaries:
        lead = leaders.get(s.id, s.id)
        groups.setdefault(lead, DuplicateGroup(lead)).members.append(s.id)
    rows = {}
    for e in find_supersessions(summaries, list(groups.values()), pairs, citations):
        if scope is not None and e.source not in scope and e.target not in scope:
            continue
        first = e.provenance[0] if e.provenance else None
        details = {k: v for k, v in e.attrs.items() if k != "rules"}
        rows[(e.source, e.target)] = {
            "newer_id": e.source, "older_id": e.target, "rules": json.dumps(e.attrs.get("rules") or [e.rule]),
            "details": json.dumps(details, ensure_ascii=False) if details else None,
            "page": first.page if first else None, "start": first.start if first else None,
            "end": first.end if first else None}
    update.supersessions = [rows[k] for k in sorted(rows)]
    update.supersessions_of = scope


def _series_members(ctx: _Context, place: str | None, series_key: str) -> list[str]:
    """The documents of a title series (one place, one series key)."""
    if (place, series_key) not in ctx.series:
        ctx.series[(place, series_key)] = [r["document_id"] for r in ctx.sql(
            "SELECT document_id FROM link_inputs WHERE jurisdiction IS ? AND series_key = ?", (place, series_key))]
    return ctx.series[(place, series_key)]


def _version_scope(ctx: _Context, update: LinkUpdate, old_reposts: dict[str, str], leaders: dict[str, str],
                   cues: dict[tuple, dict]) -> set[str] | None:
    """The documents whose notices' version edges may change (None: all of them): the changed ones, the
    ends of pairs that changed, the copies, old and new leaders of notices whose copies changed, the
    citing and cited ends of cue citations that changed, what removed documents were paired or one notice
    with, every document of a title series one of those is or was in; and the other copies of their notices."""
    if any("linked" not in t or "series" not in t for t in ctx.removed):
        return None                 # noted by an older version: what a removal touched is not known
    seeds = set(ctx.present)
    for d, rows in update.pairs.items():
        for r in _row_set(rows) ^ _row_set(ctx.old_pairs.get(d, [])):
            seeds |= {r[0], r[1]}
    moved = {d for d in set(old_reposts) | set(leaders) if old_reposts.get(d) != leaders.get(d)}
    seeds |= moved | {old_reposts[d] for d in moved if d in old_reposts} | {leaders[d] for d in moved if d in leaders}
    for c in update.citations:
        old = cues.get((c["document_id"], c["seq"]))
        if old and old["target_id"] != c["target_id"]:
            seeds |= {c["document_id"], old["target_id"], c["target_id"]}
    series = set()
    for touched in ctx.removed:
        seeds |= set(touched["linked"])
        series |= {tuple(s) for s in touched["series"]}
    seeds &= set(ctx.order)
    series |= {(s.jurisdiction, s.series_key) for s in ctx.summaries(seeds).values() if s.series_key}
    for place, key in series:
        seeds |= set(_series_members(ctx, place, key))
    members: dict[str, list[str]] = defaultdict(list)
    for d, lead in leaders.items():
        members[lead].append(d)
    scope = set()
    for d in seeds:
        lead = leaders.get(d, d)
        scope |= {lead, *members[lead]}
    return scope


def _followups(ctx: _Context, update: LinkUpdate, report: LinkReport, old_reposts: dict[str, str]) -> None:
    """Follow-through of the replies a change touches: changed replies, and every reply of a place whose
    measures changed (the place's model is fitted on its measures, so all its rankings may move)."""
    reposts = {r["document_id"] for r in update.reposts}
    replies = {r["id"]: r for r in ctx.sql(
        "SELECT d.id, l.jurisdiction, l.date FROM documents d JOIN replies r ON r.document_id = d.id "
        "JOIN link_inputs l ON l.document_id = d.id")}
    # The copies a removed document led were reposts before (their rows went with it).
    lost = None if any("copies" not in t for t in ctx.removed) else {d for t in ctx.removed for d in t["copies"]}
    flipped = (set(old_reposts) | (lost or set())) ^ reposts
    places = {p[0] for t in ctx.removed for p in t.get("places", []) if p and p[0]}
    for d in (ctx.present | flipped) & set(ctx.order):
        places |= {r["jurisdiction"] for r in ctx.sql(
            "SELECT l.jurisdiction FROM link_inputs l WHERE l.document_id = ? AND l.jurisdiction IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM measures m WHERE m.document_id = l.document_id)", (d,))}
    dirty = set(replies) if ctx.full or lost is None else {d for d in ctx.present | flipped if d in replies}
    dirty |= {i for i, r in replies.items() if r["jurisdiction"] in places}
    by_place: dict[str | None, list[str]] = defaultdict(list)
    for reply in sorted(dirty, key=ctx.order.__getitem__):
        if reply in reposts:
            update.followups[reply] = []
        else:
            by_place[replies[reply]["jurisdiction"]].append(reply)
    for place, ids in sorted(by_place.items(), key=lambda kv: kv[0] or ""):
        model = _place_model(ctx, place, reposts) if place else None
        ranked = _rank(ctx, model, ids) if model else {}
        for reply in ids:
            update.followups[reply] = ranked.get(reply, [])
    report.replies_ranked = len(dirty)


def _place_model(ctx: _Context, place: str, reposts: set[str]):
    """The follow-up model of a place: fitted on the measures of its documents (reposts left out)."""
    from ..linking.followup import FollowupModel, MeasureItem

    rows = [r for r in ctx.sql(
        f"SELECT m.id, m.document_id, m.seq, m.label, m.title, m.page, m.start, m.\"end\", t.text, t.words, "
        f"l.date, l.jurisdiction, l.title AS doc_title FROM measures m JOIN measure_texts t ON t.measure_id = m.id "
        f"JOIN link_inputs l ON l.document_id = m.document_id JOIN documents d ON d.id = m.document_id "
        f"WHERE l.jurisdiction = ? ORDER BY {ORDER}, m.seq", (place,)) if r["document_id"] not in reposts]
    if not rows:
        return None
    items = [MeasureItem(r["id"], r["document_id"], r["label"], r["title"], r["date"], r["jurisdiction"],
                         r["doc_title"], start=r["start"] or 0, end=r["end"] or 0, page=r["page"], seq=r["seq"])
             for r in rows]
    return FollowupModel.from_items(items, [r["text"] for r in rows], words_of=[r["words"].split() for r in rows])


def _rank(ctx: _Context, model, replies: list[str]) -> dict[str, list[dict]]:
    """The follow-through of some replies of one place: each one's proposal and responses against the
    later measures of the place (their stored queries, all ranked together)."""
    from ..linking.followup import FollowupQuery

    rows = []
    for chunk in range(0, len(replies), 500):
        part = replies[chunk:chunk + 500]
        rows += ctx.sql(f"SELECT q.document_id, q.seq, q.label, q.response_id, q.text, q.words, l.date, l.jurisdiction "
                        f"FROM reply_queries q JOIN link_inputs l ON l.document_id = q.document_id "
                        f"WHERE q.document_id IN ({','.join('?' * len(part))})", part)
    rows.sort(key=lambda r: (ctx.order[r["document_id"]], r["seq"]))
    queries = [FollowupQuery("", r["document_id"], r["label"], r["text"], r["date"], r["jurisdiction"],
                             words=tuple(r["words"].split())) for r in rows]
    out: dict[str, list[dict]] = {reply: [] for reply in replies}
    for query, row, ranked in zip(queries, rows, model.rank_many(queries)):
        response = row["response_id"]
        if query.label is not None and response is None:
            continue
        for r in ranked:
            out[query.doc_id].append({"reply_id": query.doc_id, "response_id": response,
                                      "measure_id": measure_id(r.measure.doc_id, r.measure.seq), "rank": r.rank,
                                      "score": r.score, "evidence": json.dumps(r.evidence, ensure_ascii=False),
                                      "rule": "tfidf-cosine"})
    return out
