"""When linking runs and what it replaces: refit only on a changed corpus, one reply re-ranked, merges stored."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.graph import queries
from pipeline.graph.linked import relink
from pipeline.graph.store import open_store
from pipeline.types import Entity, Meta, Record
from tests.graph.fakes import ingest_fake, measures_record, reply_record, write_record_file


def _ingest(paths, db):
    return ingest_fake(paths, db, link=True)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    write_record_file(d / "reply.txt", reply_record())
    write_record_file(d / "measures.txt", measures_record())
    return d


def _notice(doc_id: str, issuer: str, date: str, mentions: list[tuple[str, str]]) -> Record:
    """A notice naming agencies (written form, canonical) issued by `issuer`."""
    text, entities = f"{issuer}关于开展专项工作的通知\n", []
    for written, canonical in mentions:
        entities.append(Entity("AGENCY", written, len(text), len(text) + len(written), 1, {"canonical": canonical}))
        text += written + "负责。\n"
    entities.append(Entity("AGENCY", issuer, len(text), len(text) + len(issuer), 1, {"canonical": issuer}))
    text += issuer + "\n"
    return Record(id=doc_id, source={"path": f"{doc_id}.txt"}, text=text, kind="notice", entities=entities,
                  meta=Meta(title=f"{issuer}关于开展专项工作的通知", issuer=issuer, date=date))


def test_linking_runs_after_a_change_and_replaces_its_edges(tmp_path, folder):
    db = tmp_path / "g.db"
    first = _ingest([folder], db)
    assert first.linking["refit"] and first.linking["edges"]["FOLLOWED_UP_BY"] >= 2
    assert _ingest([folder], db).linking is None                          # unchanged: no linking at all
    again = relink(open_store(db))
    assert not again.refit and again.replies_ranked == 0                  # nothing changed: nothing re-ranked
    with open_store(db) as s:
        before = s.counts()
        relink(s)
        assert s.counts() == before                                      # replaced, not added to
        assert s.sql("SELECT DISTINCT reply_id FROM followups") == [{"reply_id": "reply133089"}]


def test_a_changed_reply_is_re_ranked_without_refit_and_new_measures_refit(tmp_path, folder):
    db = tmp_path / "g.db"
    _ingest([folder], db)
    reply = reply_record()
    reply.responses[0].suggestion = "创新为本，开拓国际市场"
    write_record_file(folder / "reply.txt", reply)
    edited = _ingest([folder], db)
    assert edited.linking["refit"] is False and edited.linking["replies_ranked"] == 1
    write_record_file(folder / "more.txt", measures_record("measures02", cap=800000, title="中山市促进消费若干措施"))
    added = _ingest([folder], db)
    assert added.linking["refit"] is True


def test_pruned_document_loses_its_linking_edges(tmp_path, folder):
    db = tmp_path / "g.db"
    _ingest([folder], db)
    (folder / "measures.txt").unlink()
    report = ingest_fake([folder], db, link=True, prune=True)
    assert len(report.pruned) == 1
    with open_store(db) as s:
        assert s.counts()["edges"].get("FOLLOWED_UP_BY", 0) == 0
        assert s.node("Measure:measures01/m1") is None
        linked = [e for e in s.iter_edges() if e["dst"] == "Document:measures01" or e["src"] == "Document:measures01"]
        assert linked == []


def test_renamed_agency_is_one_agency_with_the_reorganisation_as_reason(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    write_record_file(d / "old.txt", _notice("old", "中山市经济和信息化局", "2018-06-01",
                                             [("市经信局", "中山市经济和信息化局")]))
    write_record_file(d / "new.txt", _notice("new", "中山市工业和信息化局", "2025-04-15",
                                             [("市工信局", "中山市工业和信息化局")]))
    db = tmp_path / "g.db"
    _ingest([d], db)
    with open_store(db) as s:
        for name in ("市工信局", "中山市经济和信息化局", "市经信局"):
            [agency] = queries.agency(s, name)
            assert agency["canonical"] == "中山市工业和信息化局", name
            assert {x["doc_id"] for x in agency["documents_issued"]} == {"old", "new"}
            rename = next(m for m in agency["merged"] if m["alias"] == "中山市经济和信息化局")
            assert rename["rule"] == "reorganisation" and "机构改革" in rename["detail"]
            assert {"市工信局", "市经信局", "中山市经济和信息化局"} <= set(agency["aliases"])


def test_same_short_name_in_two_cities_stays_two_agencies(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    write_record_file(d / "a.txt", _notice("jm", "江门市人民政府办公室", "2024-03-01", [("市商务局", "江门市商务局")]))
    write_record_file(d / "b.txt", _notice("sz", "苏州市人民政府办公室", "2024-05-01", [("市商务局", "苏州市商务局")]))
    db = tmp_path / "g.db"
    _ingest([d], db)
    with open_store(db) as s:
        found = queries.agency(s, "市商务局")
        assert sorted(a["canonical"] for a in found) == ["江门市商务局", "苏州市商务局"]
        assert {e["src"] for e in s.iter_edges() if e["type"] == "ALIAS_OF"} == {
            "Alias:市商务局@江门市", "Alias:市商务局@苏州市"}
        assert {(r["alias"], r["agency"]) for r in s.sql("SELECT alias, agency FROM agency_aliases")} == {
            ("市商务局", "江门市商务局"), ("市商务局", "苏州市商务局")}


def test_a_reply_without_later_measures_is_not_re_ranked_each_run(tmp_path, folder):
    late = reply_record()
    late.meta.date = "2026-03-01"                      # after every stored measure: nothing to rank
    write_record_file(folder / "reply.txt", late)
    db = tmp_path / "g.db"
    first = _ingest([folder], db)
    assert first.linking["replies_ranked"] == 1 and "FOLLOWED_UP_BY" not in first.linking["edges"]
    with open_store(db) as s:
        assert relink(s).replies_ranked == 0


def test_linking_edges_are_replaced_all_or_nothing(tmp_path, folder):
    db = tmp_path / "g.db"
    _ingest([folder], db)
    with open_store(db) as s:
        before = s.counts()
        broken = {"reposts": [{"document_id": "reply133089", "original_id": "no-such-document"}]}
        with pytest.raises(sqlite3.IntegrityError):      # a broken row half-way: the old rows stay, whole
            s.replace_linked(broken)
        assert s.counts() == before


def test_the_graph_does_not_depend_on_the_order_documents_arrive_in(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    write_record_file(d / "measures.txt", measures_record())
    write_record_file(d / "reply.txt", reply_record())
    copy = reply_record("repost01")                       # the same letter reposted by another site
    write_record_file(d / "repost.txt", copy)
    files = sorted(d.iterdir())
    graphs = []
    for name, order in (("a.db", files), ("b.db", files[::-1])):
        ingest_fake(order, tmp_path / name, link=True)
        with open_store(tmp_path / name) as s:
            graphs.append((list(s.iter_nodes()), list(s.iter_edges()), s.notices_of(["repost01", "reply133089"])))
    assert graphs[0] == graphs[1]
    assert graphs[0][2] == {"repost01": "reply133089"}    # one copy leads, whichever came first
