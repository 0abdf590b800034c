"""Store schema versions and the upgrades between them: an existing store is upgraded in place, not rebuilt.

Version 1 (policykg 0.1) kept generic node and edge tables keyed by path; version 2 keeps one table per
kind of fact. The upgrade re-derives every fact from the records version 1 stored (no re-extraction),
keeps every path as a source of its document, keeps failures, and marks linking as pending. Version 3
adds the follow-up queries of each reply with their words (`reply_queries`), derived from the stored
records (what linking found stays: the queries are those it ranked). Version 4 adds the full-text search
tables (schema.SEARCH), filled from the stored records and the fact tables. Version 5 adds the change log
(schema.CHANGE_LOG: runs, their changes, the linking facts last reported), empty of runs: earlier runs
simply have no records, and the linking facts stored are taken as reported.
"""
from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from . import schema

if TYPE_CHECKING:
    from .store import Store

_V1_TABLES = ("nodes", "edges", "mentions", "notices", "documents", "failures", "info")


def table_names(conn) -> set[str]:
    """The tables and views of a store (on PostgreSQL: of its schema)."""
    if isinstance(conn, sqlite3.Connection):
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    return {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                       "WHERE table_schema = current_schema()")}


def schema_version(conn) -> int:
    """0 for an empty file (or database schema), 1 for the node/edge layout, else the version the store records."""
    names = table_names(conn)
    if "meta" in names:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0
    if "nodes" in names and "edges" in names:
        return 1
    return 0


def create(conn) -> None:
    """The current tables and views, in an empty store (statement by statement: we are in a transaction)."""
    if not isinstance(conn, sqlite3.Connection):
        _create_on_server(conn)
        return
    for statement in _statements(schema.TABLES + schema.SEARCH + schema.CHANGE_LOG + schema.VIEWS + schema.graph_views()):
        conn.execute(statement)
    _set_version(conn)


def _create_on_server(conn) -> None:
    """The current tables and views in an empty PostgreSQL schema: the same tables in PostgreSQL's types, the
    search tables as tsvector columns (schema.SEARCH_PG); no upgrade path is needed there (stores start at 5)."""
    from .backend import schema_ddl
    for statement in _statements(schema.TABLES + schema.SEARCH_PG + schema.CHANGE_LOG + schema.VIEWS_PG):
        conn.execute(schema_ddl(statement))
    for statement in _statements(schema.graph_views()):
        conn.execute(statement)
    _set_version(conn)


def _set_version(conn) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES('schema_version', ?) ON CONFLICT(key) DO UPDATE SET "
                 "value = excluded.value", (str(schema.SCHEMA_VERSION),))


def _statements(script: str) -> list[str]:
    """The statements of a script (our DDL: no string in it holds '--' or ';'), comments dropped."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def migrate(store: "Store", found: int) -> None:
    """Brings a store from schema `found` to the current one, inside the caller's write transaction."""
    conn = store.conn
    if found == 0:
        create(conn)
        from .runs import mark_links_reported
        mark_links_reported(store)           # an empty store: nothing linked, nothing to report
        return
    if found == 1:
        _from_v1(store)                      # straight to the current tables
        return
    for version in range(found, schema.SCHEMA_VERSION):
        UPGRADES[version](store)
    _set_version(conn)


def _from_v2(store: "Store") -> None:
    """Adds reply_queries, filled from the stored records of the replies."""
    from ..types import Record
    from .build import reply_query_rows
    from .store import _insert

    conn = store.conn
    for statement in _statements(schema.TABLES):        # IF NOT EXISTS: only what version 2 lacks
        conn.execute(statement)
    for (text,) in conn.execute("SELECT d.record FROM documents d JOIN replies r ON r.document_id = d.id "
                                "ORDER BY d.id").fetchall():
        _insert(conn, "reply_queries", reply_query_rows(Record.from_dict(json.loads(text))))


def _from_v3(store: "Store") -> None:
    """Adds the full-text search tables, filled from every stored record (one at a time) and the facts, and
    the indexes on document type and year."""
    from ..types import Record
    from . import search_index
    from .build import search_rows

    conn = store.conn
    for statement in _statements(schema.TABLES + schema.SEARCH):      # IF NOT EXISTS: what version 3 lacks
        conn.execute(statement)

    def documents():
        for data in store.iter_records():
            record = Record.from_dict(data)
            if not record.error:
                document, measures = search_rows(record)
                yield record.id, document, measures

    search_index.rebuild(conn, documents())


def _add_change_log(store: "Store") -> None:
    """Adds the change log (runs, run_changes, reported_links): no runs, and the supersessions and
    follow-up links stored now taken as reported (the first run reports only what it changes)."""
    from .runs import mark_links_reported

    for statement in _statements(schema.CHANGE_LOG):
        store.conn.execute(statement)
    mark_links_reported(store)


def _add_caps_index(store: "Store") -> None:
    """Adds the index the caps question reads alone (on either backend)."""
    from .backend import schema_ddl

    for statement in _statements(schema.TABLES):
        if "amounts_caps" in statement:
            store.conn.execute(schema_ddl(statement))


# The upgrade from each schema version to the next (version 1 goes straight to the current one).
UPGRADES = {2: _from_v2, 3: _from_v3, 4: _add_change_log, 5: _add_caps_index}


def _from_v1(store: "Store") -> None:
    """Node/edge layout -> fact tables: facts rebuilt from the stored records, paths and failures kept."""
    from ..types import Record
    from .build import build_rows

    conn = store.conn
    conn.execute("ALTER TABLE documents RENAME TO v1_documents")
    conn.execute("ALTER TABLE failures RENAME TO v1_failures")
    for table in ("nodes", "edges", "mentions", "notices", "info"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    create(conn)
    rows = conn.execute("SELECT path, sha256, pipeline_version, ingested_at, record FROM v1_documents "
                        "ORDER BY ingested_at, path").fetchall()
    for path, sha256, version, ingested_at, text in rows:
        held = store.document_of_bytes(sha256)
        if held:
            store.add_source(path, held[0])
            continue
        if not text:
            store.record_failure(path, sha256, version, "E199: stored by policykg 0.1 without its record: "
                                                        "extracted again at the next ingest")
            continue
        record = Record.from_dict(json.loads(text))
        store.replace_document(build_rows(record, sha256, version), record.to_dict(), path)
        conn.execute("UPDATE documents SET ingested_at = ? WHERE id = ?", (ingested_at, record.id))
    conn.execute("INSERT OR IGNORE INTO failures SELECT path, sha256, pipeline_version, reason, at FROM v1_failures")
    conn.execute("DROP TABLE v1_documents")
    conn.execute("DROP TABLE v1_failures")
    store.set_info("migrated_from", "1")
    old_model = store.path.with_name(store.path.name + ".linking") / "followup.joblib"
    if old_model.is_file():         # a pickle is never loaded again: nothing left to run code from
        old_model.unlink()
