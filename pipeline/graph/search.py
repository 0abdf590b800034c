"""One search box over the store: agencies, documents, measures and proposals, grouped by kind, best first.

Exact hits lead (a doc number, a proposal number, an agency's name or alias as written), then names that
contain the query (any part of an alias: 工信 finds 市工信局), then full-text hits ranked by BM25 over
the jieba terms of the FTS5 index (pipeline/graph/fulltext.py), a title weighing more than a text (on
PostgreSQL the same terms in a tsvector, ranked by the same BM25: search_index.ranked).
"""
from __future__ import annotations

import sqlite3

from ..clean.script import to_simplified
from ..linking.normalise import normalise_doc_number
from .fulltext import match_expression, query_words
from .search_index import ranked
from .store import Store

KINDS = ("agency", "document", "measure", "proposal")
EXCERPT = 36                  # characters of context on either side of the first hit
_FIRST_COPY = "d.id NOT IN (SELECT document_id FROM reposts)"


def search(store: Store, text: str, limit: int = 10, kinds: tuple[str, ...] = KINDS) -> list[dict]:
    """Up to `limit` results of each kind, kinds in KINDS order, each best first: {kind, key, name, detail,
    excerpt, doc_id}. `key` names the thing (canonical agency name, doc id, measure id, proposal id)."""
    text = " ".join((text or "").split())
    if not text:
        return []
    expr = match_expression(text)
    find = {"agency": _agencies, "document": _documents, "measure": _measures, "proposal": _proposals}
    out: list[dict] = []
    with store.read():
        for kind in KINDS:
            if kind in kinds:
                out += [{"kind": kind, **hit} for hit in find[kind](store, text, expr, limit)]
    return out


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _fts(store: Store, table: str, text: str, expr: str, weights: tuple[float, float],
         limit: int) -> list[tuple[int, float]]:
    """(rowid, score) of the full-text hits in a search table, best first; an expression FTS5 cannot read
    finds nothing rather than failing."""
    try:
        return ranked(store.conn, table, text, expr, weights, limit)
    except sqlite3.OperationalError:
        return []


def _rows_by_rowid(store: Store, sql: str, hits: list[tuple[int, float]]) -> list[dict]:
    """The rows `sql` (which names `rowid` and a `{rowids}` list) selects for some hits, in the hits' order,
    each with its score."""
    if not hits:
        return []
    score = dict(hits)
    rows = store.sql(sql.format(rowids=",".join("?" * len(hits))), [h[0] for h in hits])
    out = [{**r, "score": score[r["rowid"]]} for r in rows]
    order = {rowid: i for i, (rowid, _) in enumerate(hits)}
    return sorted(out, key=lambda r: order[r["rowid"]])


def _agencies(store: Store, text: str, expr: str | None, limit: int) -> list[dict]:
    simple = to_simplified(text)
    found: dict[int, tuple[int, str]] = {}
    for r in store.sql("SELECT rowid, names FROM search_agencies WHERE names LIKE ? ESCAPE '\\' "
                       "OR names LIKE ? ESCAPE '\\'", [_like(text), _like(simple)]):
        names = r["names"].split("\n")
        exact = any(n in (text, simple) or to_simplified(n) == simple for n in names)
        found[r["rowid"]] = (0 if exact else 1, r["names"])
    if expr:
        for r in _rows_by_rowid(store, "SELECT rowid, names FROM search_agencies WHERE rowid IN ({rowids})",
                                _fts(store, "search_agencies", text, expr, (10.0, 1.0), limit * 5)):
            found.setdefault(r["rowid"], (2, r["names"]))
    hits = []
    for rowid, (tier, names) in found.items():
        canonical, *aliases = names.split("\n")
        facts = store.sql("SELECT (SELECT count(*) FROM mentions WHERE agency = ?1) "
                          "+ (SELECT count(*) FROM responsible_units WHERE agency = ?1) AS n", [canonical])[0]["n"]
        matched = [a for a in aliases if simple in to_simplified(a)]
        hits.append(((tier, -facts, len(canonical), canonical),
                     {"key": canonical, "name": canonical, "detail": "、".join(matched[:5]) or None,
                      "excerpt": None, "doc_id": None}))
    return [h for _, h in sorted(hits, key=lambda x: x[0])[:limit]]


def _excerpt(text: str | None, words: list[str]) -> str | None:
    """The text around the first place any query word occurs (compared in simplified script)."""
    if not text:
        return None
    simple = to_simplified(text)
    places = [i for i in (simple.find(w) for w in words) if i >= 0]
    if not places:
        return None
    at = min(places)
    start, end = max(0, at - EXCERPT), min(len(text), at + EXCERPT * 2)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def _documents(store: Store, text: str, expr: str | None, limit: int) -> list[dict]:
    simple = to_simplified(text)
    hits: dict[str, tuple] = {}
    key = normalise_doc_number(text)
    exact = store.sql(f"SELECT d.id FROM documents d WHERE (d.id = ?1 OR (d.number_key = ?2 AND ?2 != '')) "
                      f"AND {_FIRST_COPY} ORDER BY d.date, d.id LIMIT ?3", [text, key, limit])
    for i, r in enumerate(exact):
        hits[r["id"]] = (0, i)
    if expr:
        for r in _rows_by_rowid(store, f"SELECT d.rowid AS rowid, d.id, d.title FROM documents d WHERE d.rowid IN ({{rowids}}) "
                                       f"AND {_FIRST_COPY}",
                                _fts(store, "search_documents", text, expr, (10.0, 1.0), limit * 3)):
            titled = simple in to_simplified(r["title"] or "")
            hits.setdefault(r["id"], (1 if titled else 2, r["score"]))
    chosen = sorted(hits, key=lambda d: hits[d])[:limit]
    if not chosen:
        return []
    rows = {r["id"]: r for r in store.sql(
        f"SELECT id, title, doc_number, date, issuer, json_extract(record, '$.text') AS text FROM documents "
        f"WHERE id IN ({','.join('?' * len(chosen))})", chosen)}
    words = query_words(text)
    out = []
    for doc_id in chosen:
        r = rows[doc_id]
        out.append({"key": doc_id, "name": r["title"] or r["doc_number"] or doc_id,
                    "detail": " · ".join(x for x in (r["doc_number"], r["issuer"], r["date"]) if x) or None,
                    "excerpt": None if hits[doc_id][0] < 2 else _excerpt(r["text"], [simple, *words]),
                    "doc_id": doc_id})
    return out


def _measures(store: Store, text: str, expr: str | None, limit: int) -> list[dict]:
    if not expr:
        return []
    simple = to_simplified(text)
    rows = _rows_by_rowid(store, "SELECT m.rowid AS rowid, m.id, m.label, m.title, m.document_id, d.title AS document, "
                                 "d.date, t.text FROM measures m JOIN documents d ON d.id = m.document_id "
                                 "LEFT JOIN measure_texts t ON t.measure_id = m.id "
                                 f"WHERE m.rowid IN ({{rowids}}) AND {_FIRST_COPY}",
                          _fts(store, "search_measures", text, expr, (5.0, 1.0), limit * 3))
    rows.sort(key=lambda r: (simple not in to_simplified(r["title"] or ""), r["score"]))
    words = query_words(text)
    return [{"key": r["id"], "name": f"{r['label']}、{r['title'] or ''}".rstrip("、"),
             "detail": " · ".join(x for x in (r["document"], r["date"]) if x) or None,
             "excerpt": _excerpt(r["text"], [simple, *words]), "doc_id": r["document_id"]} for r in rows[:limit]]


def _proposals(store: Store, text: str, expr: str | None, limit: int) -> list[dict]:
    hits: dict[str, tuple] = {}
    for i, r in enumerate(store.sql("SELECT id FROM proposals WHERE number = ? OR id = ? ORDER BY id LIMIT ?",
                                    [text, text, limit])):
        hits[r["id"]] = (0, i)
    if expr:
        for r in _rows_by_rowid(store, "SELECT rowid, id FROM proposals WHERE rowid IN ({rowids})",
                                _fts(store, "search_proposals", text, expr, (10.0, 1.0), limit * 3)):
            hits.setdefault(r["id"], (1, r["score"]))
    chosen = sorted(hits, key=lambda p: hits[p])[:limit]
    if not chosen:
        return []
    rows = {r["id"]: r for r in store.sql(
        f"SELECT id, number, title, session FROM proposals WHERE id IN ({','.join('?' * len(chosen))})", chosen)}
    return [{"key": pid, "name": " ".join(x for x in (rows[pid]["number"], rows[pid]["title"]) if x) or pid,
             "detail": rows[pid]["session"], "excerpt": None, "doc_id": None} for pid in chosen]
