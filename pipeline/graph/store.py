"""The embedded graph store (SQLite, WAL): the one module that speaks SQL, behind a narrow interface.

Writers replace one document's rows in one transaction; readers take a snapshot (`with store.read():`)
so they see a document either before or after its replacement, never a mix.
"""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any, Iterable, Iterator

from .build import DocumentRow, GraphRows

SCHEMA_VERSION = "1"
_DOC_COLUMNS = [f.name for f in fields(DocumentRow)]
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents({", ".join(c + (" TEXT PRIMARY KEY" if c == "path" else "")
                                                   for c in _DOC_COLUMNS)}, ingested_at REAL, record TEXT);
CREATE INDEX IF NOT EXISTS documents_id ON documents(doc_id);
CREATE INDEX IF NOT EXISTS documents_title ON documents(title_key);
CREATE INDEX IF NOT EXISTS documents_number ON documents(number_key);
CREATE TABLE IF NOT EXISTS nodes(key TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT, value REAL,
                                 props TEXT NOT NULL DEFAULT '{{}}');
CREATE INDEX IF NOT EXISTS nodes_type_value ON nodes(type, value);
CREATE INDEX IF NOT EXISTS nodes_type_label ON nodes(type, label);
CREATE TABLE IF NOT EXISTS edges(id INTEGER PRIMARY KEY, owner TEXT NOT NULL, type TEXT NOT NULL,
                                 src TEXT NOT NULL, dst TEXT NOT NULL, doc_id TEXT, page INTEGER,
                                 start INTEGER, "end" INTEGER, props TEXT NOT NULL DEFAULT '{{}}');
CREATE INDEX IF NOT EXISTS edges_owner ON edges(owner);
CREATE INDEX IF NOT EXISTS edges_src ON edges(src, type);
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, type);
CREATE TABLE IF NOT EXISTS mentions(owner TEXT NOT NULL, node TEXT NOT NULL, text TEXT NOT NULL,
                                    norm TEXT NOT NULL, doc_id TEXT, page INTEGER, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS mentions_owner ON mentions(owner);
CREATE INDEX IF NOT EXISTS mentions_norm ON mentions(norm);
CREATE INDEX IF NOT EXISTS mentions_node ON mentions(node);
CREATE TABLE IF NOT EXISTS failures(path TEXT PRIMARY KEY, sha256 TEXT, pipeline_version TEXT,
                                    reason TEXT, at REAL);
"""
# Reposts: a document that carries the same notice as an earlier one -> that one (written by linking).
_NOTICES = "CREATE TABLE IF NOT EXISTS notices(doc_id TEXT PRIMARY KEY, notice_id TEXT NOT NULL);"
LINKING_OWNER = "@linking"            # edges owned by the cross-document linking run, not by one document
FOLLOWUP_OWNER = "@followup:"         # + reply doc id: the FOLLOWED_UP_BY edges of one reply
_CHUNK = 500


def _props(text: str) -> dict:
    return json.loads(text) if text != "{}" else {}


def _node(row: sqlite3.Row) -> dict:
    return {**_props(row["props"]), "key": row["key"], "type": row["type"], "label": row["label"],
            "value": row["value"]}


def _edge(row: sqlite3.Row) -> dict:
    return {**_props(row["props"]), "type": row["type"], "src": row["src"], "dst": row["dst"],
            "doc_id": row["doc_id"], "page": row["page"], "start": row["start"], "end": row["end"]}


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


class Store:
    """A graph store file: documents (with their records), nodes, edges, agency mentions, failures."""

    def __init__(self, path: str | Path, normalise=None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self._depth = 0
        self._normalise = normalise or (lambda s: s)
        if self.conn.execute("SELECT count(*) FROM sqlite_master WHERE name='edges'").fetchone()[0] == 0:
            self.conn.executescript(_SCHEMA)
            self.conn.execute("INSERT OR IGNORE INTO info VALUES('schema', ?)", (SCHEMA_VERSION,))
        self.conn.execute(_NOTICES)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ transactions
    @contextmanager
    def _transaction(self, begin: str):
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.conn.execute(begin)
        self._depth = 1
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def read(self):
        """A consistent snapshot for several reads (one read transaction)."""
        return self._transaction("BEGIN")

    def write(self):
        """One write transaction: all of it is stored, or none of it."""
        return self._transaction("BEGIN IMMEDIATE")

    # ------------------------------------------------------------ writes
    def document_state(self, path: str) -> tuple[str, str] | None:
        """(sha256, pipeline version) stored for a file path, None if the path is not stored."""
        row = self.conn.execute("SELECT sha256, pipeline_version FROM documents WHERE path=?", (path,)).fetchone()
        return (row[0], row[1]) if row else None

    def replace_document(self, rows: GraphRows, record: dict | None = None) -> None:
        """Stores a document's rows in place of whatever its path held before, in one transaction."""
        doc = rows.document
        with self.write():
            self._delete_owner(doc.path)
            self.conn.execute(
                f"INSERT INTO documents({', '.join(_DOC_COLUMNS)}, ingested_at, record) "
                f"VALUES({', '.join('?' * (len(_DOC_COLUMNS) + 2))})",
                [*asdict(doc).values(), time.time(), json.dumps(record, ensure_ascii=False) if record else None])
            self.conn.executemany(
                "INSERT INTO nodes(key, type, label, value, props) VALUES(?,?,?,?,?) ON CONFLICT(key) DO UPDATE "
                "SET props=json_patch(nodes.props, excluded.props), value=coalesce(excluded.value, nodes.value)",
                [(n.key, n.type, n.label, n.value, json.dumps(n.props, ensure_ascii=False)) for n in rows.nodes])
            self.conn.executemany(
                'INSERT INTO edges(owner, type, src, dst, doc_id, page, start, "end", props) VALUES(?,?,?,?,?,?,?,?,?)',
                [(doc.path, e.type, e.src, e.dst, e.doc_id, e.page, e.start, e.end,
                  json.dumps(e.props, ensure_ascii=False)) for e in rows.edges])
            self.conn.executemany(
                'INSERT INTO mentions(owner, node, text, norm, doc_id, page, start, "end") VALUES(?,?,?,?,?,?,?,?)',
                [(doc.path, m.node, m.text, self._normalise(m.text), m.doc_id, m.page, m.start, m.end)
                 for m in rows.mentions])
            self.conn.execute("DELETE FROM failures WHERE path=?", (doc.path,))
            self._collect_garbage()

    def remove_document(self, path: str) -> bool:
        """Removes a document and the nodes no other document refers to; True if it was stored."""
        with self.write():
            found = self._delete_owner(path)
            self.conn.execute("DELETE FROM failures WHERE path=?", (path,))
            self._collect_garbage()
        return found

    def record_failure(self, path: str, sha256: str, pipeline_version: str, reason: str) -> None:
        """Remembers that a file could not be processed (its stored version, if any, stays)."""
        with self.write():
            self.conn.execute("INSERT OR REPLACE INTO failures VALUES(?,?,?,?,?)",
                              (path, sha256, pipeline_version, reason, time.time()))

    def _delete_owner(self, path: str) -> bool:
        c = self.conn
        c.execute("CREATE TEMP TABLE IF NOT EXISTS candidates(key TEXT PRIMARY KEY)")
        c.execute("INSERT OR IGNORE INTO candidates SELECT src FROM edges WHERE owner=? "
                  "UNION SELECT dst FROM edges WHERE owner=? UNION SELECT node FROM mentions WHERE owner=? "
                  "UNION SELECT 'Document:' || doc_id FROM documents WHERE path=?", (path,) * 4)
        c.execute("DELETE FROM edges WHERE owner=?", (path,))
        c.execute("DELETE FROM mentions WHERE owner=?", (path,))
        return c.execute("DELETE FROM documents WHERE path=?", (path,)).rowcount > 0

    def _collect_garbage(self) -> None:
        """Deletes candidate nodes that no edge, mention or stored document refers to any more."""
        self.conn.execute(
            "DELETE FROM nodes WHERE key IN (SELECT key FROM candidates) "
            "AND NOT EXISTS (SELECT 1 FROM edges WHERE src=nodes.key) "
            "AND NOT EXISTS (SELECT 1 FROM edges WHERE dst=nodes.key) "
            "AND NOT EXISTS (SELECT 1 FROM mentions WHERE node=nodes.key) "
            "AND NOT (nodes.type='Document' AND EXISTS "
            "(SELECT 1 FROM documents WHERE doc_id=substr(nodes.key, 10)))")
        self.conn.execute("DELETE FROM candidates")

    def replace_linked(self, owners: dict[str, list], nodes: list, notices: dict[str, str] | None = None,
                       info: dict[str, str] | None = None, drop_owners: Iterable[str] = ()) -> None:
        """Replaces the edges of linking owners (and the repost table) in one transaction.

        `owners` maps an owner (LINKING_OWNER, FOLLOWUP_OWNER + reply id) to its new edges; `drop_owners`
        are removed; nodes are added where missing (a stored document's node is never changed).
        """
        c = self.conn
        with self.write():
            c.execute("CREATE TEMP TABLE IF NOT EXISTS candidates(key TEXT PRIMARY KEY)")
            for owner in [*owners, *drop_owners]:
                c.execute("INSERT OR IGNORE INTO candidates SELECT src FROM edges WHERE owner=? "
                          "UNION SELECT dst FROM edges WHERE owner=?", (owner, owner))
                c.execute("DELETE FROM edges WHERE owner=?", (owner,))
            c.executemany("INSERT OR IGNORE INTO nodes(key, type, label, value, props) VALUES(?,?,?,?,?)",
                          [(n.key, n.type, n.label, n.value, json.dumps(n.props, ensure_ascii=False)) for n in nodes])
            c.execute("INSERT OR IGNORE INTO candidates SELECT key FROM nodes WHERE type='Alias'")
            c.executemany(
                'INSERT INTO edges(owner, type, src, dst, doc_id, page, start, "end", props) VALUES(?,?,?,?,?,?,?,?,?)',
                [(owner, e.type, e.src, e.dst, e.doc_id, e.page, e.start, e.end,
                  json.dumps(e.props, ensure_ascii=False)) for owner, edges in owners.items() for e in edges])
            if notices is not None:
                c.execute("DELETE FROM notices")
                c.executemany("INSERT INTO notices VALUES(?,?)", sorted(notices.items()))
            for key, value in (info or {}).items():
                c.execute("INSERT OR REPLACE INTO info VALUES(?,?)", (key, value))
            self._collect_garbage()

    def info(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM info WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def owners(self, prefix: str) -> list[str]:
        """The edge owners starting with `prefix` (e.g. the replies with follow-up edges)."""
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT owner FROM edges WHERE owner >= ? AND owner < ?", (prefix, prefix + "\uffff"))]

    def notices(self) -> dict[str, str]:
        """Repost doc id -> the doc id of the first copy of its notice (only documents that are reposts)."""
        return dict(self.conn.execute("SELECT doc_id, notice_id FROM notices").fetchall())

    def sources(self, doc_id: str) -> list[dict]:
        """Every stored document carrying the same notice as `doc_id` (itself included), first copy first."""
        notice = self.notices_of([doc_id]).get(doc_id, doc_id)
        return [dict(r) for r in self.conn.execute(
            "SELECT doc_id, path, date FROM documents WHERE doc_id=? OR doc_id IN "
            "(SELECT doc_id FROM notices WHERE notice_id=?) ORDER BY doc_id != ?, ingested_at, path",
            (notice, notice, notice))]

    def notices_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """For the given doc ids that are reposts: doc id -> the first copy's doc id."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(doc_ids))):
            out.update(self.conn.execute(
                f"SELECT doc_id, notice_id FROM notices WHERE doc_id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return out

    # ------------------------------------------------------------ reads
    def stored_paths(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT path FROM documents ORDER BY path")]

    def failures(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT path, reason FROM failures ORDER BY path")}

    def documents(self, **where: Any) -> list[dict]:
        """Document rows (without the record) matching column=value conditions."""
        cols = ", ".join(_DOC_COLUMNS)
        cond = " AND ".join(f"{k}=?" for k in where) or "1"
        return [dict(r) for r in self.conn.execute(
            f"SELECT {cols} FROM documents WHERE {cond} ORDER BY date, path", list(where.values()))]

    def iter_documents(self) -> Iterator[dict]:
        yield from (dict(r) for r in self.conn.execute(
            f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents ORDER BY path"))

    def iter_records(self, replies_only: bool = False, by_ingest: bool = False) -> Iterator[dict]:
        """The stored records, one at a time (only those answering a proposal; in ingest order).

        Row ids are listed first and each record read on its own, so no sort ever holds the record texts.
        """
        cond = " AND json_extract(record, '$.proposal.number') IS NOT NULL" if replies_only else ""
        order = "ingested_at, path" if by_ingest else "path"
        rowids = [r[0] for r in self.conn.execute(
            f"SELECT rowid FROM documents WHERE record IS NOT NULL{cond} ORDER BY {order}")]
        for rowid in rowids:
            row = self.conn.execute("SELECT record FROM documents WHERE rowid=?", (rowid,)).fetchone()
            if row:
                yield json.loads(row[0])

    def reply_ids(self) -> list[str]:
        """Doc ids of the stored records that answer a proposal."""
        return [r[0] for r in self.conn.execute(
            "SELECT doc_id FROM documents WHERE json_extract(record, '$.proposal.number') IS NOT NULL "
            "ORDER BY ingested_at, path")]

    def record(self, doc_id: str) -> dict | None:
        row = self.conn.execute("SELECT record FROM documents WHERE doc_id=? AND record IS NOT NULL",
                                (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def node(self, key: str) -> dict | None:
        row = self.conn.execute("SELECT * FROM nodes WHERE key=?", (key,)).fetchone()
        return _node(row) if row else None

    def nodes(self, keys: Iterable[str]) -> dict[str, dict]:
        """The nodes of some keys, by key (missing keys are left out)."""
        out: dict[str, dict] = {}
        for chunk in _chunks(list(dict.fromkeys(keys))):
            for row in self.conn.execute(f"SELECT * FROM nodes WHERE key IN ({','.join('?' * len(chunk))})", chunk):
                out[row["key"]] = _node(row)
        return out

    def find_nodes(self, node_type: str, label: str | None = None, min_value: float | None = None,
                   prop: tuple[str, Any] | None = None, largest_first: bool = False,
                   limit: int | None = None, offset: int = 0) -> list[dict]:
        """Nodes of a type, optionally with a label, a value at least `min_value`, a property value; a page of them."""
        sql, args = "SELECT * FROM nodes WHERE type=?", [node_type]
        if label is not None:
            sql, args = sql + " AND label=?", args + [label]
        if min_value is not None:
            sql, args = sql + " AND value>=?", args + [min_value]
        if prop is not None:
            sql, args = sql + " AND json_extract(props, ?)=?", args + [f"$.{prop[0]}", prop[1]]
        sql += " ORDER BY value DESC, key" if largest_first else " ORDER BY key"
        if limit is not None:
            sql, args = sql + " LIMIT ? OFFSET ?", args + [limit, offset]
        return [_node(r) for r in self.conn.execute(sql, args)]

    def search_nodes(self, text: str, node_type: str | None = None, limit: int = 20) -> list[dict]:
        """Nodes (of a type) whose label contains `text`, shortest labels first."""
        sql, args = "SELECT * FROM nodes WHERE label LIKE ?", [f"%{text}%"]
        if node_type:
            sql, args = sql + " AND type=?", args + [node_type]
        return [_node(r) for r in self.conn.execute(sql + " ORDER BY length(label), key LIMIT ?", args + [limit])]

    def nodes_by_alias(self, text: str) -> list[str]:
        """Keys of the nodes mentioned with this written form (normalised as the mentions were)."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT node FROM mentions WHERE norm=? ORDER BY node",
                                                (self._normalise(text),))]

    def aliases(self, key: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT text FROM mentions WHERE node=? ORDER BY text",
                                                (key,))]

    def edges(self, src: Iterable[str] | None = None, dst: Iterable[str] | None = None,
              types: Iterable[str] | None = None) -> list[dict]:
        """Edges leaving any of `src` or entering any of `dst`, of the given types (all if None)."""
        assert (src is None) != (dst is None), "give src or dst"
        column, keys = ("src", list(src)) if src is not None else ("dst", list(dst))
        type_list = list(types) if types is not None else None
        out: list[dict] = []
        for chunk in _chunks(list(dict.fromkeys(keys))):
            sql = f"SELECT * FROM edges WHERE {column} IN ({','.join('?' * len(chunk))})"
            args = list(chunk)
            if type_list is not None:
                sql += f" AND type IN ({','.join('?' * len(type_list))})"
                args += type_list
            out += [_edge(r) for r in self.conn.execute(sql + " ORDER BY id", args)]
        return out

    def linking_edges(self, edge_type: str) -> list[dict]:
        """All linking edges of one type (SUPERSEDES, SAME_NOTICE, ...), read through the owner index."""
        return [_edge(r) for r in self.conn.execute("SELECT * FROM edges WHERE owner=? AND type=? ORDER BY id",
                                                    (LINKING_OWNER, edge_type))]

    def cited_documents(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        """CitedDocument key -> id of the stored document it names (same title key, else same doc number)."""
        out: dict[str, str] = {}
        for column in ("number_key", "title_key"):   # a title match overrides a number match
            sql = (f"SELECT n.key, d.doc_id FROM nodes n JOIN documents d "
                   f"ON d.{column} = json_extract(n.props, '$.{column}') "
                   f"WHERE n.type='CitedDocument' AND d.{column} != ''")
            if keys is None:
                out.update(self.conn.execute(sql + " ORDER BY d.date").fetchall())
                continue
            for chunk in _chunks(list(keys)):
                out.update(self.conn.execute(
                    sql + f" AND n.key IN ({','.join('?' * len(chunk))}) ORDER BY d.date", chunk).fetchall())
        return out

    def iter_nodes(self) -> Iterator[dict]:
        yield from (_node(r) for r in self.conn.execute("SELECT * FROM nodes ORDER BY key"))

    def iter_edges(self) -> Iterator[dict]:
        yield from (_edge(r) for r in self.conn.execute("SELECT * FROM edges ORDER BY id"))

    def counts(self) -> dict[str, dict]:
        """Counts of nodes by type, edges by type, documents by type and by year, failures."""
        q = self.conn.execute
        first = "FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM notices)"   # reposts counted once
        return {
            "nodes": dict(q("SELECT type, count(*) FROM nodes GROUP BY type ORDER BY type").fetchall()),
            "edges": dict(q("SELECT type, count(*) FROM edges GROUP BY type ORDER BY type").fetchall()),
            "documents_by_type": dict(q(f"SELECT coalesce(doc_type, '?'), count(DISTINCT doc_id) {first} "
                                        "GROUP BY 1 ORDER BY 1").fetchall()),
            "documents_by_year": dict(q(f"SELECT coalesce(year, '?'), count(DISTINCT doc_id) {first} "
                                        "GROUP BY 1 ORDER BY 1").fetchall()),
            "documents": q(f"SELECT count(DISTINCT doc_id) {first}").fetchone()[0],   # a byte copy is one
            "sources": q("SELECT count(*) FROM documents").fetchone()[0],
            "failures": q("SELECT count(*) FROM failures").fetchone()[0],
        }

    def integrity(self) -> str:
        """SQLite's own integrity check ('ok' when the file is sound)."""
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


def open_store(path: str | Path | None = None) -> Store:
    """The store at `path` (default outputs/policykg.db), created if missing; agency aliases looked up simplified."""
    from ..clean.script import to_simplified
    from ..settings import default_store
    return Store(path or default_store(), normalise=lambda s: to_simplified(s.strip()))
