"""An existing store is upgraded in place: schema 1 (node/edge tables keyed by path) -> fact tables."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.graph import queries
from pipeline.graph.linked import relink
from pipeline.graph.migrations import schema_version
from pipeline.graph.schema import SCHEMA_VERSION
from pipeline.graph.store import open_store

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "stores" / "v1-small.db"


@pytest.fixture
def old_store(tmp_path) -> Path:
    db = tmp_path / "kg.db"
    shutil.copy(V1, db)
    model = tmp_path / "kg.db.linking" / "followup.joblib"
    model.parent.mkdir()
    model.write_bytes(b"not to be loaded")
    return db


def test_a_schema_1_store_is_upgraded_with_its_facts_paths_and_failures(old_store):
    with open_store(old_store) as s:
        assert schema_version(s.conn) == SCHEMA_VERSION and s.info("migrated_from") == "1"
        assert [d["doc_id"] for d in s.documents()] == ["reply133089", "measures01"]
        assert [p["path"] for p in s.sources("reply133089")] == ["/tmp/v1docs/a/reply.txt",
                                                                 "/tmp/v1docs/b/reply-copy.txt"]
        assert list(s.failures()) == ["/tmp/v1docs/b/broken.txt"]
        assert s.source_state("/tmp/v1docs/a/measures.txt")[1] == "test-1"      # unchanged files stay unchanged
        [cap] = queries.caps(s)
        assert (cap["amount"], cap["responsible"]) == (500000, ["中山市商务局", "中山市工业和信息化局"])
        assert s.linking_pending and s.integrity() == "ok"


def test_the_old_pickled_model_is_removed_and_linking_is_redone(old_store):
    with open_store(old_store) as s:
        assert not (old_store.parent / "kg.db.linking" / "followup.joblib").exists()
        report = relink(s)
        assert report.edges["FOLLOWED_UP_BY"] >= 2 and not s.linking_pending
        [reply] = queries.proposal(s, "133089")
        assert [r["status"] for r in reply["replies"][0]["responses"]] == ["吸收采纳", "留作参考"]


def test_an_upgraded_store_opens_again_without_change(old_store):
    open_store(old_store).close()
    before = old_store.read_bytes()
    with open_store(old_store) as s:
        assert s.info("migrated_from") == "1"
    assert len(old_store.read_bytes()) == len(before)


def test_a_schema_2_store_gets_the_queries_of_its_replies(tmp_path):
    import sqlite3

    from tests.graph.fakes import small_store

    db = small_store(tmp_path, link=True)
    with open_store(db) as s:
        queries_before = s.sql("SELECT * FROM reply_queries ORDER BY document_id, seq")
        followups = s.sql("SELECT * FROM followups ORDER BY reply_id, response_id, rank")
    assert [q["label"] for q in queries_before] == [None, "一", "二"] and followups
    with sqlite3.connect(db) as conn:                  # the store as schema 2 had it
        conn.execute("DROP TABLE reply_queries")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with open_store(db) as s:
        assert schema_version(s.conn) == SCHEMA_VERSION and not s.linking_pending
        assert s.sql("SELECT * FROM reply_queries ORDER BY document_id, seq") == queries_before
        relink(s, full=True)
        assert s.sql("SELECT * FROM followups ORDER BY reply_id, response_id, rank") == followups


def test_a_schema_5_store_gains_the_index_the_caps_question_reads_alone(tmp_path):
    import sqlite3

    from tests.graph.fakes import small_store

    db = small_store(tmp_path, link=False)
    with open_store(db) as s:
        before = queries.caps(s)
    with sqlite3.connect(db) as conn:                  # the store as schema 5 had it
        conn.execute("DROP INDEX amounts_caps")
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with open_store(db) as s:
        assert schema_version(s.conn) == SCHEMA_VERSION
        assert s.sql("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'amounts_caps'")
        assert queries.caps(s) == before
