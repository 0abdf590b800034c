"""Keeps the full-text search tables (schema.SEARCH) in step with the facts, inside the store's transactions.

A document's and its measures' terms are cut in the worker that built its rows (build.py); an agency's
names and a proposal's text gather facts from several documents, so their rows are made again here, from
the tables, whenever a document that touches them is stored or removed, or linking merges names.

On PostgreSQL the rows carry their terms as a tsvector too (schema.SEARCH_PG), and `ranked` ranks matches
by BM25 computed as FTS5's bm25() computes it, so both backends give the same hits in the same order.
"""
from __future__ import annotations

import math
from typing import Iterable

from .backend import Connection, PgConnection
from .fulltext import indexed, phrases, tsquery, tsvector

_WEIGHT = {"name": "A", "body": "D"}       # the column a term came from, as a tsvector weight

# What each kind's row is made from, and the rows that go with a document.
_AGENCIES_OF = ("SELECT agency FROM mentions WHERE document_id = ?1 "
                "UNION SELECT agency FROM document_agencies WHERE document_id = ?1 "
                "UNION SELECT ru.agency FROM responsible_units ru JOIN measures m ON m.id = ru.measure_id "
                "WHERE m.document_id = ?1")
_PROPOSALS_OF = ("SELECT proposal_id FROM replies WHERE document_id = ?1 "
                 "UNION SELECT proposal_id FROM proposers WHERE document_id = ?1")


class Touched:
    """Agencies and proposals whose search rows are to be made again once a write is done."""

    def __init__(self):
        self.agencies: set[str] = set()
        self.proposals: set[str] = set()

    def note_document(self, conn: Connection, doc_id: str) -> None:
        """The agencies and proposals a stored document gives facts to."""
        self.agencies |= {r[0] for r in conn.execute(_AGENCIES_OF, (doc_id,))}
        self.proposals |= {r[0] for r in conn.execute(_PROPOSALS_OF, (doc_id,))}

    def flush(self, conn: Connection) -> None:
        refresh_agencies(conn, sorted(self.agencies))
        refresh_proposals(conn, sorted(self.proposals))
        self.agencies.clear()
        self.proposals.clear()


def forget_document(conn: Connection, doc_id: str) -> None:
    """Removes a document's and its measures' rows (before the document's rows are deleted)."""
    conn.execute("DELETE FROM search_documents WHERE rowid IN (SELECT rowid FROM documents WHERE id = ?)", (doc_id,))
    conn.execute("DELETE FROM search_measures WHERE rowid IN (SELECT rowid FROM measures WHERE document_id = ?)",
                 (doc_id,))


def add_document(conn: Connection, doc_id: str, document: dict | None, measures: list[dict]) -> None:
    """Adds a stored document's row ({"name", "body"}) and its measures' rows ({"measure_id", "name", "body"})."""
    if isinstance(conn, PgConnection):
        if document:
            conn.execute("INSERT INTO search_documents(rowid, name, body, terms, size) SELECT rowid, ?, ?, "
                         "CAST(? AS tsvector), ? FROM documents WHERE id = ?",
                         (document["name"], document["body"], *_terms(document), doc_id))
        conn.executemany("INSERT INTO search_measures(rowid, name, body, terms, size) SELECT rowid, ?, ?, "
                         "CAST(? AS tsvector), ? FROM measures WHERE id = ?",
                         [(m["name"], m["body"], *_terms(m), m["measure_id"]) for m in measures])
        return
    if document:
        conn.execute("INSERT INTO search_documents(rowid, name, body) SELECT rowid, ?, ? FROM documents WHERE id = ?",
                     (document["name"], document["body"], doc_id))
    conn.executemany("INSERT INTO search_measures(rowid, name, body) SELECT rowid, ?, ? FROM measures WHERE id = ?",
                     [(m["name"], m["body"], m["measure_id"]) for m in measures])


def _terms(row: dict) -> tuple[str, int]:
    """A search row's tsvector (as text) and its size in tokens, from its name and body."""
    return tsvector([(row.get("name"), "A"), (row.get("body"), "D")])


def _insert_row(conn, table: str, rowid: int, values: dict) -> None:
    """One search row (on PostgreSQL with its tsvector and size)."""
    cols = list(values)
    if isinstance(conn, PgConnection):
        terms, size = _terms(values)
        conn.execute(f"INSERT INTO {table}(rowid, {', '.join(cols)}, terms, size) "
                     f"VALUES(?, {', '.join('?' * len(cols))}, CAST(? AS tsvector), ?)",
                     (rowid, *values.values(), terms, size))
    else:
        conn.execute(f"INSERT INTO {table}(rowid, {', '.join(cols)}) VALUES(?, {', '.join('?' * len(cols))})",
                     (rowid, *values.values()))


def forget_garbage(conn: Connection, agencies_where: str, proposals_where: str) -> None:
    """Removes the rows of the agencies and proposals garbage collection is about to delete."""
    conn.execute(f"DELETE FROM search_agencies WHERE rowid IN (SELECT rowid FROM agencies WHERE {agencies_where})")
    conn.execute(f"DELETE FROM search_proposals WHERE rowid IN (SELECT rowid FROM proposals WHERE {proposals_where})")


def agency_names(conn: Connection, name: str) -> list[str]:
    """An agency's canonical name, then every written form and merged alias of it."""
    others = [r[0] for r in conn.execute(
        "SELECT text FROM mentions WHERE agency = ?1 UNION SELECT alias FROM agency_aliases WHERE agency = ?1 "
        "ORDER BY 1", (name,))]
    return [name] + [o for o in others if o != name]


def refresh_agencies(conn: Connection, names: Iterable[str]) -> None:
    """Makes the rows of these agencies again from the tables (an agency no longer stored has none)."""
    for name in names:
        row = conn.execute("SELECT rowid FROM agencies WHERE name = ?", (name,)).fetchone()
        if row is None:
            continue
        conn.execute("DELETE FROM search_agencies WHERE rowid = ?", (row[0],))
        names_of = agency_names(conn, name)
        _insert_row(conn, "search_agencies", row[0], {"names": "\n".join(names_of), "name": indexed(name),
                                                      "body": indexed(" ".join(names_of[1:]))})


def refresh_proposals(conn: Connection, ids: Iterable[str]) -> None:
    """Makes the rows of these proposals again: number and title; session, proposers and the suggestions
    their replies answer."""
    for pid in ids:
        row = conn.execute("SELECT rowid, number, title, session FROM proposals WHERE id = ?", (pid,)).fetchone()
        if row is None:
            continue
        conn.execute("DELETE FROM search_proposals WHERE rowid = ?", (row[0],))
        people = [r[0] for r in conn.execute("SELECT DISTINCT name FROM proposers WHERE proposal_id = ?", (pid,))]
        said = [r[0] for r in conn.execute(
            "SELECT s.suggestion FROM responses s JOIN replies r ON r.document_id = s.document_id "
            "WHERE r.proposal_id = ? AND s.suggestion IS NOT NULL ORDER BY s.document_id, s.seq", (pid,))]
        name = " ".join(x for x in (row[1], row[2]) if x)
        _insert_row(conn, "search_proposals", row[0], {"name": indexed(name),
                                                       "body": indexed(" ".join([row[3] or "", *people, *said]))})


def rebuild(conn: Connection, documents: Iterable[tuple[str, dict, list[dict]]]) -> None:
    """Fills the search tables anew: the documents' rows given (doc id, document row, measure rows), then
    every agency and proposal from the tables."""
    for table in ("search_documents", "search_measures", "search_proposals", "search_agencies"):
        conn.execute(f"DELETE FROM {table}")
    for doc_id, document, measures in documents:
        add_document(conn, doc_id, document, measures)
    refresh_agencies(conn, [r[0] for r in conn.execute("SELECT name FROM agencies ORDER BY name").fetchall()])
    refresh_proposals(conn, [r[0] for r in conn.execute("SELECT id FROM proposals ORDER BY id").fetchall()])


# BM25 as FTS5's bm25() computes it (sqlite/ext/fts5/fts5_aux.c): k1 1.2, b 0.75; a phrase's IDF from the rows
# it occurs in, at least 1e-6; its frequency in a row the weighted sum of its hits per column.
_K1, _B = 1.2, 0.75
_RANKED_PG = """
SELECT h.rowid, -sum(q.idf * (f.freq * (1 + ?1)) / (f.freq + ?1 * (1 - ?2 + ?2 * h.size / ?3))) AS score
FROM (SELECT rowid, size, terms FROM {table} WHERE terms @@ CAST(?4 AS tsquery)) h
CROSS JOIN LATERAL (
  SELECT q.i, sum(CASE w WHEN 'A' THEN ?5 ELSE ?6 END) AS freq
  FROM unnest(h.terms) u
  JOIN unnest(CAST(?7 AS int[]), CAST(?8 AS text[]), CAST(?9 AS boolean[])) AS q(i, token, prefix)
    ON u.lexeme = q.token OR (q.prefix AND starts_with(u.lexeme, q.token))
  CROSS JOIN LATERAL unnest(u.weights) w
  GROUP BY q.i) f
JOIN unnest(CAST(?7 AS int[]), CAST(?10 AS double precision[])) AS q(i, idf) ON q.i = f.i
GROUP BY h.rowid ORDER BY score, h.rowid LIMIT ?11"""


def ranked(conn, table: str, query: str, fts5_expression: str, weights: tuple[float, float],
           limit: int) -> list[tuple[int, float]]:
    """(rowid, score) of the rows of a search table matching every word of a query, best (lowest) score first:
    FTS5's MATCH and bm25() over `name` and `body` with these weights; the same on PostgreSQL's tsvector."""
    if not isinstance(conn, PgConnection):
        extra = "0, " if table == "search_agencies" else ""          # `names` is not indexed
        return [(r[0], r[1]) for r in conn.execute(
            f"SELECT rowid, bm25({table}, {extra}{weights[0]}, {weights[1]}) AS score FROM {table} "
            f"WHERE {table} MATCH ? ORDER BY score LIMIT ?", (fts5_expression, limit))]
    parts = phrases(query)
    if not parts:
        return []
    rows, total = conn.execute(f"SELECT count(*), coalesce(sum(size), 0) FROM {table}").fetchone()
    if not rows:
        return []
    idf = []
    for toks, prefix in parts:
        hits = conn.execute(f"SELECT count(*) FROM {table} WHERE terms @@ CAST(? AS tsquery)",
                            (tsquery([(toks, prefix)]),)).fetchone()[0]
        idf.append(max(math.log((rows - hits + 0.5) / (hits + 0.5)), 1e-6))
    # a phrase of several tokens is counted by its last token's hits (FTS5 counts the phrase's)
    index = list(range(len(parts)))
    return [(r[0], r[1]) for r in conn.execute(_RANKED_PG.format(table=table), (
        _K1, _B, total / rows, tsquery(parts), weights[0], weights[1], index, [t[-1] for t, _ in parts],
        [p for _, p in parts], idf, limit))]
