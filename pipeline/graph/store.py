"""The store (an SQLite file in WAL mode, or a PostgreSQL database): the one module that writes SQL, behind a
narrow interface (pipeline/graph/backend.py speaks SQLite's SQL to PostgreSQL).

Facts live in tables named for what they hold (pipeline/graph/schema.py); a document is identified by
its bytes, and every path it was found at is kept as a source. Writers replace one document's rows in
one transaction; readers take a snapshot (`with store.read():`) so they never see half a document.
"""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from . import backend, schema, search_index
from .build import DocumentRows

if TYPE_CHECKING:
    from .linked import LinkUpdate

_CHUNK = 500
# Insert order: a row's foreign keys point at rows inserted before it.
_TABLE_ORDER = ("agencies", "proposals", "measures", "responses", "mentions", "document_agencies",
                "responsible_units", "amounts", "replies", "proposers", "citations", "link_inputs", "lsh_bands",
                "agency_names", "found_citations", "measure_texts", "reply_queries")
_UPSERT = {
    "agencies": "ON CONFLICT(name) DO UPDATE SET tagged = max(agencies.tagged, excluded.tagged)",   # GREATEST on PostgreSQL
    "proposals": ("ON CONFLICT(id) DO UPDATE SET number = coalesce(proposals.number, excluded.number), "
                  "session = coalesce(proposals.session, excluded.session), "
                  "title = coalesce(proposals.title, excluded.title), "
                  "category = coalesce(proposals.category, excluded.category)"),
}
# What garbage collection deletes: agencies and proposals no fact refers to any more.
_AGENCY_GARBAGE = ("NOT EXISTS (SELECT 1 FROM mentions WHERE agency = name) "
                   "AND NOT EXISTS (SELECT 1 FROM document_agencies WHERE agency = name) "
                   "AND NOT EXISTS (SELECT 1 FROM responsible_units WHERE agency = name) "
                   "AND NOT EXISTS (SELECT 1 FROM agency_aliases WHERE agency = name)")
_PROPOSAL_GARBAGE = ("NOT EXISTS (SELECT 1 FROM replies WHERE proposal_id = id) "
                     "AND NOT EXISTS (SELECT 1 FROM proposers WHERE proposal_id = id)")
LINKING_PENDING = "linking_pending"
LAST_INGEST = "last_ingest"          # the latest ingest run's summary (JSON), for readers of the store
VIEWS_DIGEST = "graph_views_digest"
# Documents in an order that depends on their content only (never on when a worker finished them): the
# earliest copy of a notice leads its reposts, ties broken by the content hash.
CONTENT_ORDER = "coalesce(date, '9999'), id"
_DOC_COLUMNS = ("id", "sha256", "pipeline_version", "kind", "doc_type", "doc_number", "title", "issuer", "date",
                "year", "effective_from", "effective_to", "jurisdiction", "recipients", "cc", "title_key",
                "number_key")


class StoreVersionError(RuntimeError):
    """The store was written by a newer policykg (its schema version is above this one's)."""


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _clean(props: str | None) -> dict:
    return {k: v for k, v in json.loads(props).items() if v is not None} if props and props != "{}" else {}


def _node(row: sqlite3.Row) -> dict:
    return {**_clean(row["props"]), "key": row["key"], "type": row["type"], "label": row["label"],
            "value": row["value"]}


def _edge(row: sqlite3.Row) -> dict:
    return {**_clean(row["props"]), "type": row["type"], "src": row["src"], "dst": row["dst"],
            "doc_id": row["doc_id"], "page": row["page"], "start": row["start"], "end": row["end"]}


def _insert(conn: sqlite3.Connection | backend.PgConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Inserts column dicts into a table (rows grouped by their columns; COPY on PostgreSQL where no row can
    clash with one stored)."""
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(tuple(row.values()))
    for cols, values in groups.items():
        if isinstance(conn, backend.PgConnection) and table not in _UPSERT:
            conn.copy(table, cols, values)
            continue
        names = ", ".join(f'"{c}"' for c in cols)
        conn.executemany(f"INSERT INTO {table}({names}) VALUES({_marks(len(cols))}) {_UPSERT.get(table, '')}",
                         values)


class Store:
    """A store: documents and their sources, the facts of each, what linking found, failures. `path` is an
    SQLite file or a PostgreSQL URL (`server` is then True)."""

    def __init__(self, path: str | Path | None = None, normalise: Callable[[str], str] | None = None,
                 read_only: bool = False):
        self.path = store_file(path)
        self.read_only = read_only
        self.server = backend.is_server(self.path)
        if self.server:                   # read-only: PostgreSQL refuses every write in this session
            self.conn = backend.PgConnection(str(self.path), read_only=read_only)
            self._write_key = self.conn.lock_key("write")
        elif read_only:                   # SQLite itself refuses every write on this connection
            self.conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=60,
                                        isolation_level=None)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        if not self.server:
            self.conn.row_factory = sqlite3.Row
            if not read_only:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
        self._depth = 0
        self._normalise = normalise or (lambda s: s.strip())
        self._touched = search_index.Touched()
        self._prepare()

    def _prepare(self) -> None:
        """Creates the schema in a new file, upgrades an older one, refuses a newer one (a read-only store
        refuses an older one too: open it once for writing to upgrade it)."""
        from .migrations import migrate, schema_version
        found = schema_version(self.conn)
        if found > schema.SCHEMA_VERSION:
            self.conn.close()
            raise StoreVersionError(f"{self.path} has store schema {found}; this policykg reads up to "
                                    f"{schema.SCHEMA_VERSION}: upgrade policykg")
        if self.read_only:
            if found < schema.SCHEMA_VERSION or self.info(VIEWS_DIGEST) != schema.views_digest():
                self.conn.close()
                raise StoreVersionError(f"{self.path} has store schema {found} and is opened read-only: open it "
                                        f"once for writing (any policykg command) to upgrade it")
            return
        if found < schema.SCHEMA_VERSION:
            with self.write():
                if schema_version(self.conn) < schema.SCHEMA_VERSION:     # not upgraded by another client meanwhile
                    migrate(self, schema_version(self.conn))
        if self.info(VIEWS_DIGEST) != schema.views_digest():
            with self.write():
                for statement in schema.graph_views().split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.set_info(VIEWS_DIGEST, schema.views_digest())

    def close(self) -> None:
        try:
            if not self.read_only and not self.server:
                self.conn.execute("PRAGMA optimize")  # keeps the planner's statistics fresh (cheap)
        except sqlite3.OperationalError:              # another process is writing: next time
            pass
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
        return self._transaction("BEGIN ISOLATION LEVEL REPEATABLE READ" if self.server else "BEGIN")

    def write(self):
        """One write transaction: all of it is stored, or none of it. Writers take turns, as SQLite's
        BEGIN IMMEDIATE makes them (on PostgreSQL: an advisory lock held until the transaction ends)."""
        return self._transaction(f"BEGIN; SELECT pg_advisory_xact_lock({self._write_key})" if self.server
                                 else "BEGIN IMMEDIATE")

    def tables(self) -> set[str]:
        """The names of the store's tables and views (what `sql` can read)."""
        from .migrations import table_names
        return table_names(self.conn)

    def sql(self, query: str, args: Iterable[Any] | dict[str, Any] = ()) -> list[dict]:
        """Rows of an SQL query over the tables and views (positional or named arguments), as dicts."""
        if self.server:
            return self.conn.dicts(query, args if isinstance(args, dict) else list(args))
        return [dict(r) for r in self.conn.execute(query, args if isinstance(args, dict) else list(args))]

    # ------------------------------------------------------------ documents and their sources
    def source_state(self, path: str) -> tuple[str, str] | None:
        """(sha256, pipeline version) of the document stored for a path, None if the path is not stored."""
        row = self.conn.execute("SELECT d.sha256, d.pipeline_version FROM sources s JOIN documents d "
                                "ON d.id = s.document_id WHERE s.path = ?", (path,)).fetchone()
        return (row[0], row[1]) if row else None

    def document_of_bytes(self, sha256: str) -> tuple[str, str] | None:
        """(document id, pipeline version) of the stored document with these bytes, if any."""
        row = self.conn.execute("SELECT id, pipeline_version FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return (row[0], row[1]) if row else None

    def add_source(self, path: str, doc_id: str) -> str | None:
        """Records that a stored document's bytes were also found at `path`; returns the document the path
        held before if that one is now without sources and was removed."""
        with self.write():
            before = self._point(path, doc_id)
            self._mark_linking()
            self._touched.flush(self.conn)
            return before

    def replace_document(self, rows: DocumentRows, record: dict, path: str | None = None) -> str | None:
        """Stores a document's rows in place of its earlier rows, and `path` as one of its sources, in one
        transaction; returns the id of the document the path held before if it was removed with it."""
        doc = rows.document
        with self.write():
            self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS kept_sources(path TEXT, added_at DOUBLE PRECISION)")
            self.conn.execute("DELETE FROM kept_sources")
            self.conn.execute("INSERT INTO kept_sources SELECT path, added_at FROM sources WHERE document_id = ?",
                              (doc["id"],))
            for (old,) in self.conn.execute("SELECT id FROM documents WHERE id = ? OR sha256 = ?",
                                            (doc["id"], doc["sha256"])).fetchall():
                self._forget(old)
            values = [doc.get(c) for c in _DOC_COLUMNS] + [time.time(), json.dumps(record, ensure_ascii=False)]
            self.conn.execute(f"INSERT INTO documents({', '.join(_DOC_COLUMNS)}, ingested_at, record) "
                              f"VALUES({_marks(len(values))})", values)
            self.conn.execute("INSERT INTO sources(path, document_id, added_at) "
                              "SELECT path, ?, added_at FROM kept_sources", (doc["id"],))
            for table in _TABLE_ORDER:
                if rows.rows(table):
                    _insert(self.conn, table, rows.rows(table))
            search_index.add_document(self.conn, doc["id"], (rows.rows("search_documents") or [None])[0],
                                      rows.rows("search_measures"))
            self._touched.note_document(self.conn, doc["id"])
            before = self._point(path, doc["id"]) if path else None
            self._collect_garbage()
            self.conn.execute("INSERT INTO link_changes(document_id, present) VALUES(?, 1) "
                              "ON CONFLICT(document_id) DO UPDATE SET present = 1", (doc["id"],))
            self._mark_linking()
            self._touched.flush(self.conn)
        return before

    def _point(self, path: str, doc_id: str) -> str | None:
        """Points a path at a document; the document it pointed at goes when no source is left."""
        row = self.conn.execute("SELECT document_id FROM sources WHERE path = ?", (path,)).fetchone()
        self.conn.execute("INSERT INTO sources(path, document_id, added_at) VALUES(?,?,?) ON CONFLICT(path) "
                          "DO UPDATE SET document_id = excluded.document_id", (path, doc_id, time.time()))
        self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))
        before = row[0] if row and row[0] != doc_id else None
        if before and not self.conn.execute("SELECT 1 FROM sources WHERE document_id = ?", (before,)).fetchone():
            self._forget(before)
            self._collect_garbage()
            return before
        return None

    def remove_source(self, path: str) -> str | None:
        """Forgets a path; its document goes with its last source. Returns the document id it pointed at."""
        with self.write():
            row = self.conn.execute("SELECT document_id FROM sources WHERE path = ?", (path,)).fetchone()
            self.conn.execute("DELETE FROM sources WHERE path = ?", (path,))
            self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))
            if row is None:
                return None
            if not self.conn.execute("SELECT 1 FROM sources WHERE document_id = ?", (row[0],)).fetchone():
                self._forget(row[0])
                self._collect_garbage()
            self._mark_linking()
            self._touched.flush(self.conn)
            return row[0]

    def _forget(self, doc_id: str) -> None:
        """Deletes a document (its facts go with it), noting for linking what its going touches: the later
        documents paired with it, its agencies, its place and date if it had measures, the documents it was
        paired with or one notice with (`linked`), its title series (`series`: place and series key) and
        the copies it led (`copies`: their repost rows go with it)."""
        c = self.conn
        paired = [r[0] for r in c.execute("SELECT b FROM similar_pairs WHERE a = ? ORDER BY b", (doc_id,))]
        agencies = [r[0] for r in c.execute("SELECT DISTINCT agency FROM agency_names WHERE document_id = ?",
                                            (doc_id,))]
        row = c.execute("SELECT jurisdiction, date, EXISTS (SELECT 1 FROM measures WHERE document_id = ?), "
                        "series_key FROM link_inputs WHERE document_id = ?", (doc_id, doc_id)).fetchone()
        linked = [r[0] for r in c.execute(
            "SELECT a FROM similar_pairs WHERE b = ?1 UNION SELECT b FROM similar_pairs WHERE a = ?1 "
            "UNION SELECT original_id FROM reposts WHERE document_id = ?1 "
            "UNION SELECT document_id FROM reposts WHERE original_id = ?1 ORDER BY 1", (doc_id,))]
        copies = [r[0] for r in c.execute("SELECT document_id FROM reposts WHERE original_id = ? ORDER BY 1",
                                          (doc_id,))]
        touches = {"paired": paired, "agencies": agencies, "places": [[row[0], row[1]]] if row and row[2] else [],
                   "linked": linked, "series": [[row[0], row[3]]] if row and row[3] else [], "copies": copies}
        previous = c.execute("SELECT touches FROM link_changes WHERE document_id = ?", (doc_id,)).fetchone()
        if previous and previous[0]:               # removed before, since linking last ran: both count
            old = json.loads(previous[0])          # (a key an older version did not note stays out)
            touches = {k: sorted({json.dumps(x) for x in old[k] + touches[k]}) for k in touches if k in old}
            touches = {k: [json.loads(x) for x in v] for k, v in touches.items()}
        c.execute("INSERT INTO link_changes(document_id, present, touches) VALUES(?, 0, ?) ON CONFLICT(document_id) "
                  "DO UPDATE SET present = 0, touches = excluded.touches",
                  (doc_id, json.dumps(touches, ensure_ascii=False)))
        self._touched.note_document(c, doc_id)
        search_index.forget_document(c, doc_id)
        c.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def link_changes(self) -> list[dict]:
        """The documents stored or removed since linking last completed, with what a removal touches."""
        return [{"document_id": r[0], "present": bool(r[1]), "touches": json.loads(r[2]) if r[2] else None}
                for r in self.conn.execute("SELECT document_id, present, touches FROM link_changes "
                                           "ORDER BY document_id")]

    def record_failure(self, path: str, sha256: str, pipeline_version: str, reason: str) -> None:
        """Remembers that a file could not be processed (its stored version, if any, stays)."""
        with self.write():
            self.conn.execute("INSERT INTO failures(path, sha256, pipeline_version, reason, at) VALUES(?,?,?,?,?) "
                              "ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, "
                              "pipeline_version = excluded.pipeline_version, reason = excluded.reason, at = excluded.at",
                              (path, sha256, pipeline_version, reason, time.time()))

    def _collect_garbage(self) -> None:
        """Deletes agencies and proposals no fact refers to any more (and their search rows)."""
        search_index.forget_garbage(self.conn, _AGENCY_GARBAGE, _PROPOSAL_GARBAGE)
        self.conn.execute(f"DELETE FROM agencies WHERE {_AGENCY_GARBAGE}")
        self.conn.execute(f"DELETE FROM proposals WHERE {_PROPOSAL_GARBAGE}")

    # ------------------------------------------------------------ linking state
    def _mark_linking(self) -> None:
        """Committed with every change of documents: the next run links again if this one does not."""
        self.set_info(LINKING_PENDING, "1")

    def set_info(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                              "excluded.value", (key, value))

    def info(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @property
    def linking_pending(self) -> bool:
        """True when documents changed since linking last completed."""
        return self.info(LINKING_PENDING) == "1" or bool(
            self.conn.execute("SELECT 1 FROM link_changes LIMIT 1").fetchone())

    def apply_linking(self, update: "LinkUpdate") -> None:
        """Stores what a linking run found and clears the changes it linked, in one transaction."""
        c = self.conn
        with self.write():
            for b, rows in update.pairs.items():
                c.execute("DELETE FROM similar_pairs WHERE b = ?", (b,))
                _insert(c, "similar_pairs", rows)
            c.execute("DELETE FROM reposts")
            _insert(c, "reposts", update.reposts)
            if update.supersessions_of is None:
                c.execute("DELETE FROM supersessions")
            else:
                for part in _chunks(sorted(update.supersessions_of)):
                    c.execute(f"DELETE FROM supersessions WHERE newer_id IN ({_marks(len(part))})", part)
                    c.execute(f"DELETE FROM supersessions WHERE older_id IN ({_marks(len(part))})", part)
            _insert(c, "supersessions", update.supersessions)
            for agency, rows in update.agency_aliases.items():
                c.execute("DELETE FROM agency_aliases WHERE agency = ?", (agency,))
                _insert(c, "agencies", [{"name": agency, "tagged": 0}] if rows else [])
                _insert(c, "agency_aliases", rows)
                self._touched.agencies.add(agency)
            c.executemany("UPDATE found_citations SET target_id = ?, resolution = ?, score = ?, linked = 1 "
                          "WHERE document_id = ? AND seq = ?",
                          [(r["target_id"], r["resolution"], r["score"], r["document_id"], r["seq"])
                           for r in update.citations])
            for reply, rows in update.followups.items():
                c.execute("DELETE FROM followups WHERE reply_id = ?", (reply,))
                _insert(c, "followups", rows)
            c.execute("DELETE FROM link_changes")
            for key, value in update.info.items():
                self.set_info(key, value)
            self._collect_garbage()
            self._touched.flush(c)
            self.set_info(LINKING_PENDING, None)

    # ------------------------------------------------------------ reads: documents
    def notices_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """For the given doc ids that are reposts: doc id -> the first copy's doc id."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(doc_ids))):
            out.update(self.conn.execute(
                f"SELECT document_id, original_id FROM reposts WHERE document_id IN ({_marks(len(chunk))})",
                chunk).fetchall())
        return out

    def sources(self, doc_id: str) -> list[dict]:
        """Every path of every stored document carrying the same notice as `doc_id`, first copy first."""
        notice = self.notices_of([doc_id]).get(doc_id, doc_id)
        return self.sql(
            "SELECT d.id AS doc_id, s.path, d.date FROM documents d JOIN sources s ON s.document_id = d.id "
            "WHERE d.id = ? OR d.id IN (SELECT document_id FROM reposts WHERE original_id = ?) "
            "ORDER BY d.id != ?, coalesce(d.date, '9999'), d.id, s.path", (notice, notice, notice))

    def stored_paths(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT path FROM sources ORDER BY path")]

    def failures(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT path, reason FROM failures ORDER BY path")}

    def documents(self, **where: Any) -> list[dict]:
        """Document rows (without the record) matching column=value conditions; `path` matches a source."""
        cols = ", ".join(f"d.{c}" for c in _DOC_COLUMNS)
        conds, args = [], []
        for k, v in where.items():
            if k == "path":
                conds.append("d.id IN (SELECT document_id FROM sources WHERE path = ?)")
            elif k == "doc_id":
                conds.append("d.id = ?")
            elif k in _DOC_COLUMNS:
                conds.append(f"d.{k} = ?")
            else:
                raise ValueError(f"no document column {k!r}")
            args.append(v)
        rows = self.sql(f"SELECT {cols}, (SELECT min(path) FROM sources WHERE document_id = d.id) AS path "
                        f"FROM documents d WHERE {' AND '.join(conds) or 'TRUE'} ORDER BY d.date, d.id", args)
        for r in rows:
            r["doc_id"] = r["id"]
        return rows

    def iter_documents(self) -> Iterator[dict]:
        """Document rows (without the record), each with its first path, by id."""
        cols = ", ".join(f"d.{c}" for c in _DOC_COLUMNS)
        for row in self.conn.execute(f"SELECT {cols}, d.id AS doc_id, (SELECT min(path) FROM sources "
                                     f"WHERE document_id = d.id) AS path FROM documents d ORDER BY d.id"):
            yield dict(row)

    def iter_records(self, replies_only: bool = False, by_date: bool = False) -> Iterator[dict]:
        """The stored records, one at a time (only replies to a proposal; earliest first, else by id).

        Ids are listed first and each record read on its own, so no sort ever holds the record texts.
        """
        cond = " AND id IN (SELECT document_id FROM replies)" if replies_only else ""
        order = CONTENT_ORDER if by_date else "id"
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM documents WHERE TRUE{cond} ORDER BY {order}")]
        for doc_id in ids:
            record = self.record(doc_id)
            if record:
                yield record

    def reply_ids(self) -> list[str]:
        """Ids of the stored documents that answer a proposal, earliest first."""
        return [r[0] for r in self.conn.execute(
            f"SELECT id FROM documents WHERE id IN (SELECT document_id FROM replies) ORDER BY {CONTENT_ORDER}")]

    def record(self, doc_id: str) -> dict | None:
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    # ------------------------------------------------------------ reads: the graph view
    def _by_type(self, keys: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key in dict.fromkeys(keys):
            node_type, _, ident = key.partition(":")
            out.setdefault(node_type, []).append(ident)
        return out

    def nodes(self, keys: Iterable[str]) -> dict[str, dict]:
        """The nodes of some keys, by key (missing keys are left out)."""
        out: dict[str, dict] = {}
        for node_type, idents in self._by_type(keys).items():
            for spec in (s for s in schema.NODES if s.type == node_type):
                for chunk in _chunks(idents):
                    for row in self.conn.execute(schema.node_select(spec, f"{spec.key} IN ({_marks(len(chunk))})"),
                                                 chunk):
                        out[row["key"]] = _node(row)
        return out

    def node(self, key: str) -> dict | None:
        return self.nodes([key]).get(key)

    def edges(self, src: Iterable[str] | None = None, dst: Iterable[str] | None = None,
              types: Iterable[str] | None = None) -> list[dict]:
        """Edges leaving any of `src` or entering any of `dst`, of the given types (all if None)."""
        if (src is None) == (dst is None):
            raise ValueError("give src or dst")
        outgoing = src is not None
        wanted = set(types) if types is not None else None
        out: list[dict] = []
        for node_type, idents in self._by_type(src if outgoing else dst).items():
            for spec in schema.EDGES:
                end_type, expr = spec.src if outgoing else spec.dst
                if end_type != node_type or (wanted is not None and spec.type not in wanted):
                    continue
                for chunk in _chunks(idents):
                    out += [_edge(r) for r in self.conn.execute(
                        schema.edge_select(spec, f"{expr} IN ({_marks(len(chunk))})"), chunk)]
        out.sort(key=lambda e: (e["type"], e["src"], e["dst"], e["start"] is None, e["start"] or 0, e["doc_id"] or ""))
        return out

    def cited_documents(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        """CitedDocument key -> id of the stored document it names (same title key, else same doc number)."""
        spec = next(s for s in schema.NODES if s.type == "CitedDocument")
        wanted = None if keys is None else [k.partition(":")[2] for k in keys if k.startswith("CitedDocument:")]
        if wanted is not None:
            return self._cited_documents(wanted)
        out: dict[str, str] = {}
        chunks = [None] if wanted is None else list(_chunks(wanted))
        for column in ("number_key", "title_key"):            # a title match overrides a number match
            for chunk in chunks:
                cond = "" if chunk is None else f"{spec.key} IN ({_marks(len(chunk))})"
                out.update(self.conn.execute(
                    f"SELECT c.key, d.id FROM ({schema.node_select(spec, cond)}) c JOIN documents d "
                    f"ON d.{column} = json_extract(c.props, '$.{column}') AND d.{column} != '' "
                    f"ORDER BY d.date, d.id", chunk or []).fetchall())
        return out

    def _cited_documents(self, wanted: list[str]) -> dict[str, str]:
        """cited_documents for some keys (t:<title key>, n:<number key>) by indexed lookups: the node's keys
        are the title key and the least doc number key cited with it (the number key alone for n:), the
        document the latest stored with the title key, else with the number key."""
        out: dict[str, str] = {}
        for key in dict.fromkeys(wanted):
            kind, _, value = key.partition(":")
            if kind == "t":
                number = self.conn.execute("SELECT min(number_key) FROM citations WHERE title_key = ? AND "
                                           "title_key != ''", (value,)).fetchone()[0] or ""
                pairs = (("title_key", value), ("number_key", number))
            else:
                pairs = (("number_key", value),)
            for column, wanted_value in pairs:
                row = self.conn.execute(f"SELECT id FROM documents WHERE {column} = ? AND {column} != '' "
                                        f"ORDER BY date DESC, id DESC LIMIT 1", (wanted_value,)).fetchone()
                if row:
                    out[f"CitedDocument:{key}"] = row[0]
                    break
        return out

    def iter_nodes(self) -> Iterator[dict]:
        yield from (_node(r) for r in self.conn.execute(f"SELECT * FROM ({schema.all_nodes()}) ORDER BY key"))

    def iter_edges(self) -> Iterator[dict]:
        yield from (_edge(r) for r in self.conn.execute(
            f"SELECT * FROM ({schema.all_edges()}) ORDER BY type, src, dst, start IS NULL, start, doc_id, props"))

    def search_nodes(self, text: str, node_type: str | None = None, limit: int = 20) -> list[dict]:
        """Nodes (of a type) whose label contains `text` literally (% and _ are no wildcards), shortest first."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        out: list[dict] = []
        for spec in schema.NODES:
            if node_type and spec.type != node_type:
                continue
            out += [_node(r) for r in self.conn.execute(
                schema.node_select(spec, f"{spec.label} LIKE ? ESCAPE '\\'") + " LIMIT ?", (pattern, limit))]
        out.sort(key=lambda n: (len(n["label"] or ""), n["key"]))
        return out[:limit]

    def nodes_by_alias(self, text: str) -> list[str]:
        """Agency keys mentioned with this written form (normalised as the mentions were)."""
        return ["Agency:" + r[0] for r in self.conn.execute(
            "SELECT DISTINCT agency FROM mentions WHERE norm = ? ORDER BY agency", (self._normalise(text),))]

    def aliases(self, agency: str) -> list[str]:
        """The written forms of an agency (its canonical name without `Agency:`)."""
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT text FROM mentions WHERE agency = ? ORDER BY text", (agency,))]

    def counts(self) -> dict[str, Any]:
        """Counts of nodes by type, edges by type, documents by type and by year, sources, failures."""
        q = self.conn.execute
        return {
            "nodes": dict(q(f"SELECT type, count(*) FROM ({schema.all_nodes()}) GROUP BY 1 ORDER BY 1").fetchall()),
            "edges": dict(q(f"SELECT type, count(*) FROM ({schema.all_edges()}) GROUP BY 1 ORDER BY 1").fetchall()),
            "documents_by_type": dict(q("SELECT coalesce(doc_type, '?'), count(*) FROM notices "
                                        "GROUP BY 1 ORDER BY 1").fetchall()),
            "documents_by_year": {"?" if y is None else y: n for y, n in q(
                "SELECT year, count(*) FROM notices GROUP BY 1 ORDER BY year IS NULL, year").fetchall()},
            "documents": q("SELECT count(*) FROM notices").fetchone()[0],          # reposts counted once
            "copies": q("SELECT count(*) FROM documents").fetchone()[0],
            "sources": q("SELECT count(*) FROM sources").fetchone()[0],
            "failures": q("SELECT count(*) FROM failures").fetchone()[0],
            "linking_pending": self.linking_pending,
        }

    def integrity(self) -> str:
        """SQLite's own integrity check ('ok' when the file is sound), then the foreign keys' (PostgreSQL checks
        both as it writes: 'ok' once the server answers)."""
        if self.server:
            return "ok" if self.conn.execute("SELECT 1").fetchone()[0] == 1 else "no answer"
        ok = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        return ok if not broken else f"{len(broken)} rows break foreign keys"


def store_file(path: str | Path | None = None) -> Path | str:
    """The store a path names (a file, or a PostgreSQL URL as a string); the default store when None."""
    if path is not None:
        return backend.store_target(path)
    from ..settings import default_store
    return backend.store_target(default_store())


def open_store(path: str | Path | None = None, read_only: bool = False) -> Store:
    """The store at `path` (default outputs/policykg.db; or a postgresql:// URL), created if missing (unless `read_only`: then it must
    exist at the current schema, and nothing can write through it); agency aliases looked up simplified."""
    from ..clean.script import to_simplified
    return Store(path, normalise=lambda s: to_simplified(s.strip()), read_only=read_only)
