"""The SQLite store: per-document replacement, shared nodes kept while referred to, snapshot reads."""
from __future__ import annotations

from pipeline.graph.build import build_rows
from pipeline.graph.store import open_store
from tests.graph.fakes import measures_record, reply_record


def _put(store, record, path):
    store.replace_document(build_rows(record, path, "sha-" + record.id, "v1"), record.to_dict())


def test_replace_is_idempotent(tmp_path):
    with open_store(tmp_path / "g.db") as s:
        _put(s, measures_record(), "/m.txt")
        first = s.counts()
        _put(s, measures_record(), "/m.txt")
        assert s.counts() == first
        assert first["nodes"]["Agency"] == 4 and first["edges"]["RESPONSIBLE"] == 3
        assert s.document_state("/m.txt") == ("sha-measures01", "v1")


def test_shared_agency_stays_while_any_document_refers_to_it(tmp_path):
    with open_store(tmp_path / "g.db") as s:
        _put(s, measures_record(), "/m.txt")
        _put(s, reply_record(), "/r.txt")
        assert s.remove_document("/m.txt")
        # the reply still names the bureau of industry (co-handler) and the finance bureau
        assert s.node("Agency:中山市工业和信息化局") is not None
        assert s.node("Agency:中山市人民政府办公室") is None          # only the measures named it
        assert s.node("Document:measures01") is None
        assert s.find_nodes("Measure") == [] and s.find_nodes("Amount") == []
        assert s.aliases("Agency:中山市工业和信息化局") == ["市工信局"]
        s.remove_document("/r.txt")
        assert s.counts()["nodes"] == {} and s.counts()["edges"] == {}


def test_changed_document_replaces_only_its_own_rows(tmp_path):
    with open_store(tmp_path / "g.db") as s:
        _put(s, measures_record(), "/m.txt")
        _put(s, reply_record(), "/r.txt")
        reply_edges = s.edges(src=["Document:reply133089"])
        _put(s, measures_record("measures02", cap=300000), "/m.txt")     # new bytes, new record id
        caps = s.find_nodes("Amount", prop=("role", "cap"))
        assert [(c["key"], c["value"]) for c in caps] == [("Amount:measures02:37", 300000)]
        assert s.node("Document:measures01") is None
        assert s.edges(src=["Document:reply133089"]) == reply_edges and len(reply_edges) == 7


def test_same_bytes_at_two_paths_share_the_document_node(tmp_path):
    with open_store(tmp_path / "g.db") as s:
        _put(s, reply_record(), "/a/r.txt")
        _put(s, reply_record(), "/b/r.txt")
        s.remove_document("/a/r.txt")
        assert s.node("Document:reply133089") is not None
        assert len(s.edges(src=["Document:reply133089"], types=["HAS_RESPONSE"])) == 2


def test_reader_snapshot_does_not_see_a_concurrent_write(tmp_path):
    path = tmp_path / "g.db"
    with open_store(path) as writer, open_store(path) as reader:
        _put(writer, reply_record(), "/r.txt")
        with reader.read():
            before = reader.counts()
            _put(writer, measures_record(), "/m.txt")
            assert reader.counts() == before                           # still the old snapshot
        assert reader.counts()["documents"] == 2


def test_failure_is_remembered_until_the_file_is_stored(tmp_path):
    with open_store(tmp_path / "g.db") as s:
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
    store_path = tmp_path / "kg.db"
    ingest([tmp_path / "a", tmp_path / "b"], store_path, workers=1, progress=False)
    from pipeline.graph.store import open_store
    with open_store(store_path) as store:
        counts = store.counts()
    assert counts["sources"] == 2
    assert counts["documents"] == 1
