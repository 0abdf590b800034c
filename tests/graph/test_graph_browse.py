"""What the web pages ask of the store beyond the command line: a document's measures with units and amounts,
documents in force on a day, versions measure by measure, the overview with the latest ingest, caps filtered
by document type and year, sorted and paged."""
from __future__ import annotations

from pipeline.graph import browse, queries
from pipeline.graph.store import open_store
from tests.graph.fakes import ingest_fake, measures_record, small_store, write_record_file


def test_a_document_s_measures_carry_their_units_and_amounts(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        first, second = browse.document_measures(s, "measures01")
    assert (first["measure_id"], first["label"], first["title"]) == ("measures01/m1", "一", "加快开拓国际市场")
    assert first["responsible"] == [{"agency": "中山市商务局", "role": "lead"},
                                    {"agency": "中山市工业和信息化局", "role": None}]
    [cap] = first["amounts"]
    assert (cap["amount"], cap["role"], cap["rate"], cap["scope"]) == (500000, "cap", 0.5, "每家企业")
    assert [(a["amount"], a["role"], a["page"]) for a in second["amounts"]] == [(150000, "grant", 2)]


def test_documents_in_force_on_a_day(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        both = ["measures01", "reply133089"]          # the reply: from its date, with no end
        assert browse.in_force(s, both, "2025-06-30") == {"measures01", "reply133089"}
        assert browse.in_force(s, both, "2026-01-01") == {"reply133089"}       # the measures end 2025-12-31
        assert browse.in_force(s, both, "2024-01-01") == set()
        assert browse.in_force(s, [], "2025-06-30") == set()


def test_versions_come_with_what_changed_measure_by_measure(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "old.txt", measures_record("old01", cap=500000))
    new = measures_record("new01", cap=800000)
    new.meta.date, new.meta.effective_from, new.meta.doc_number = "2026-01-05", "2026-01-05", "中府办〔2026〕1号"
    write_record_file(docs / "new.txt", new)
    db = tmp_path / "kg.db"
    ingest_fake([docs], db, link=True)
    with open_store(db) as s:
        if not s.sql("SELECT 1 FROM supersessions"):            # the versions must be linked for this test
            raise AssertionError("linking did not join the two versions")
        [older] = browse.version_diffs(s, "new01")
        [newer] = browse.version_diffs(s, "old01")
    assert (older["relation"], older["doc_id"], newer["relation"], newer["doc_id"]) == (
        "supersedes", "old01", "superseded_by", "new01")
    assert older["diff"] == newer["diff"] and older["diff"]["old_id"] == "old01"
    [changed] = older["diff"]["measures"]
    assert changed["kind"] == "changed" and {"field": "caps", "old": [500000], "new": [800000]} in changed["changes"]


def test_the_overview_counts_documents_and_keeps_the_latest_ingest(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "measures.txt", measures_record())
    (docs / "broken.txt").write_text("not a record", encoding="utf-8")
    db = tmp_path / "kg.db"
    ingest_fake([docs], db)
    with open_store(db) as s:
        o = browse.overview(s)
    assert o["documents"] == 1 and o["documents_by_year"] == {2025: 1} and o["documents_by_type"] == {"措施": 1}
    assert o["documents_by_issuer"] == {"中山市人民政府办公室": 1}
    last = o["last_ingest"]
    assert (last["added"], last["failed"]) == (1, 1) and list(last["failures"]) == [str(docs / "broken.txt")]
    assert last["finished_at"] >= last["started_at"]
    assert [f["path"] for f in o["failures"]] == [str(docs / "broken.txt")] and "E103" in o["failures"][0]["reason"]


def _two_notices(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "a.txt", measures_record("a01", cap=500000))
    later = measures_record("b01", cap=300000, title="中山市支持跨境电商若干措施")
    later.meta.date, later.meta.doc_type, later.meta.doc_number = "2024-03-01", "通知", "中府〔2024〕9号"
    write_record_file(docs / "b.txt", later)
    db = tmp_path / "kg.db"
    ingest_fake([docs], db)
    return db


def test_caps_filter_by_document_type_and_year(tmp_path):
    with open_store(_two_notices(tmp_path)) as s:
        assert [c["doc_id"] for c in queries.caps(s, doc_type="通知")] == ["b01"]
        assert [c["doc_id"] for c in queries.caps(s, year=2025)] == ["a01"]
        assert queries.caps(s, year=2023) == [] and queries.count_caps(s, year=2023) == 0
        assert queries.count_caps(s) == 2 and queries.count_caps(s, doc_type="措施", min_amount=400000) == 1


def test_caps_sort_by_a_column_either_way_and_page(tmp_path):
    with open_store(_two_notices(tmp_path)) as s:
        assert [c["amount"] for c in queries.caps(s)] == [500000, 300000]
        assert [c["date"] for c in queries.caps(s, sort="date")] == ["2024-03-01", "2025-01-02"]
        assert [c["date"] for c in queries.caps(s, sort="date", descending=True)] == ["2025-01-02", "2024-03-01"]
        assert [c["amount"] for c in queries.caps(s, limit=1, offset=1)] == [300000]
        [cap] = queries.caps(s, limit=1)
        assert (cap["measure_id"], cap["doc_type"], cap["effective_to"]) == ("a01/m1", "措施", "2025-12-31")
        try:
            queries.caps(s, sort="colour")
        except ValueError as exc:
            assert "amount" in str(exc)
        else:
            raise AssertionError("an unknown sort column must be refused")


def test_a_proposal_is_found_by_its_id_as_well_as_its_number(tmp_path):
    with open_store(small_store(tmp_path, link=True)) as s:
        [by_number] = queries.proposal(s, "133089")
        assert queries.proposal(s, by_number["id"]) == [by_number] and by_number["id"].endswith("#133089")
        from pipeline.graph import linked_queries
        assert linked_queries.followup(s, by_number["id"]) == linked_queries.followup(s, "133089")
