"""The SQLite store: per-document replacement, identity by bytes, shared rows kept while referred to,
snapshot reads, the graph view over the tables."""
from __future__ import annotations

import pytest

from pipeline.graph.build import build_rows
from pipeline.graph.store import open_store
from tests.graph.fakes import measures_record, reply_record
from tests.graph.stores import new_store

pytestmark = pytest.mark.usefixtures("backend")


def _put(store, record, path):
    store.replace_document(build_rows(record, "sha-" + record.id, "v1"), record.to_dict(), path)


def _count(store, table):
    return store.sql(f"SELECT count(*) AS n FROM {table}")[0]["n"]


def test_replace_is_idempotent(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        _put(s, measures_record(), "/m.txt")
        first = s.counts()
        _put(s, measures_record(), "/m.txt")
        assert s.counts() == first
        assert first["nodes"]["Agency"] == 4 and first["edges"]["RESPONSIBLE"] == 3
        assert s.source_state("/m.txt") == ("sha-measures01", "v1")


def test_shared_agency_stays_while_any_document_refers_to_it(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        _put(s, measures_record(), "/m.txt")
        _put(s, reply_record(), "/r.txt")
        assert s.remove_source("/m.txt") == "measures01"
        # the reply still names the bureau of industry (co-handler) and the finance bureau
        assert s.node("Agency:中山市工业和信息化局") is not None
        assert s.node("Agency:中山市人民政府办公室") is None          # only the measures named it
        assert s.node("Document:measures01") is None
        assert _count(s, "measures") == 0 and _count(s, "amounts") == 0
        assert s.aliases("中山市工业和信息化局") == ["市工信局"]
        s.remove_source("/r.txt")
        assert s.counts()["nodes"] == {} and s.counts()["edges"] == {}
        assert _count(s, "agencies") == 0 and _count(s, "proposals") == 0


def test_changed_document_replaces_only_its_own_rows(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        _put(s, measures_record(), "/m.txt")
        _put(s, reply_record(), "/r.txt")
        reply_edges = s.edges(src=["Document:reply133089"])
        _put(s, measures_record("measures02", cap=300000), "/m.txt")     # new bytes, new record id
        caps = s.sql("SELECT id, amount_fen FROM caps")
        assert caps == [{"id": "measures02/a1", "amount_fen": 30000000}]
        assert s.node("Document:measures01") is None
        assert s.edges(src=["Document:reply133089"]) == reply_edges and len(reply_edges) == 7


def test_same_bytes_at_two_paths_share_the_document(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        _put(s, reply_record(), "/a/r.txt")
        s.add_source("/b/r.txt", "reply133089")
        assert [p["path"] for p in s.sources("reply133089")] == ["/a/r.txt", "/b/r.txt"]
        assert s.remove_source("/a/r.txt") == "reply133089"
        assert s.node("Document:reply133089") is not None
        assert len(s.edges(src=["Document:reply133089"], types=["HAS_RESPONSE"])) == 2


def test_reader_snapshot_does_not_see_a_concurrent_write(tmp_path):
    path = new_store(tmp_path, "g.db")
    with open_store(path) as writer, open_store(path) as reader:
        _put(writer, reply_record(), "/r.txt")
        with reader.read():
            before = reader.counts()
            _put(writer, measures_record(), "/m.txt")
            assert reader.counts() == before                           # still the old snapshot
        assert reader.counts()["documents"] == 2


def test_failure_is_remembered_until_the_file_is_stored(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        s.record_failure("/m.txt", "abc", "v1", "E111 PDF is corrupt or unreadable")
        assert s.failures() == {"/m.txt": "E111 PDF is corrupt or unreadable"}
        _put(s, measures_record(), "/m.txt")
        assert s.failures() == {}
        assert s.integrity() == "ok"


def test_a_byte_identical_copy_is_one_document(tmp_path):
    from pipeline.graph.ingest import ingest
    from tests.corpus import RAW
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    data = (RAW / "panshan-2017-notice.txt").read_bytes()
    (tmp_path / "a" / "notice.txt").write_bytes(data)
    (tmp_path / "b" / "notice.txt").write_bytes(data)
    store_path = new_store(tmp_path, "kg.db")
    ingest([tmp_path / "a", tmp_path / "b"], store_path, workers=1, progress=False)
    from pipeline.graph.store import open_store
    with open_store(store_path) as store:
        counts = store.counts()
    assert counts["sources"] == 2
    assert counts["documents"] == 1


def test_graph_view_reads_the_tables_with_typed_keys(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        _put(s, measures_record(), "/m.txt")
        cap = s.node("Amount:measures01/a1")
        assert (cap["value"], cap["amount_fen"], cap["role"]) == (500000, 50000000, "cap")
        offers = s.edges(dst=["Amount:measures01/a1"])
        assert [(e["type"], e["src"]) for e in offers] == [("OFFERS", "Measure:measures01/m1")]
        nodes, edges = list(s.iter_nodes()), list(s.iter_edges())
        assert len({n["key"] for n in nodes}) == len(nodes) == sum(s.counts()["nodes"].values())
        assert {e["src"] for e in edges} | {e["dst"] for e in edges} <= {n["key"] for n in nodes}


def test_readable_tables_and_views_are_there(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        names = s.tables()
    assert {"documents", "sources", "measures", "responsible_units", "amounts", "caps", "agencies", "aliases",
            "proposals", "responses", "followups", "citations", "graph_nodes", "graph_edges"} <= names


def test_literal_percent_and_underscore_match_only_themselves(tmp_path):
    with open_store(new_store(tmp_path, "g.db")) as s:
        _put(s, measures_record(), "/m.txt")
        assert s.search_nodes("%", "Agency") == [] and s.search_nodes("_", "Agency") == []
        assert [n["label"] for n in s.search_nodes("工业和信息化", "Agency")] == ["中山市工业和信息化局"]


def test_a_newer_schema_is_refused(tmp_path):
    import pytest

    from pipeline.graph.store import StoreVersionError
    with open_store(new_store(tmp_path, "g.db")) as s:
        s.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreVersionError, match="schema 99"):
        open_store(new_store(tmp_path, "g.db"))
