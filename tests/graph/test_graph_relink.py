"""When linking runs and what it redoes: only what a change touches, exactly as linking everything again."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.graph import queries
from pipeline.graph.linked import LinkUpdate, relink
from pipeline.graph.store import open_store
from pipeline.types import Entity, Meta, Record
from tests.graph.fakes import ingest_fake, linking_state, measures_record, reply_record, write_record_file


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
    assert first.linking["changed"] == 2 and first.linking["edges"]["FOLLOWED_UP_BY"] >= 2
    assert _ingest([folder], db).linking is None                          # unchanged: no linking at all
    again = relink(open_store(db))
    assert again.changed == again.replies_ranked == again.pairs_redone == 0   # nothing changed: nothing redone
    with open_store(db) as s:
        before = s.counts()
        relink(s)
        assert s.counts() == before                                      # replaced, not added to
        assert s.sql("SELECT DISTINCT reply_id FROM followups") == [{"reply_id": "reply133089"}]


def test_a_change_redoes_only_what_it_touches(tmp_path, folder):
    db = tmp_path / "g.db"
    _ingest([folder], db)
    reply = reply_record()
    reply.responses[0].suggestion = "创新为本，开拓国际市场"
    write_record_file(folder / "reply.txt", reply)
    edited = _ingest([folder], db)                    # the old reply goes, the new one comes: two changes
    assert edited.linking["changed"] == 2 and edited.linking["replies_ranked"] == 1
    write_record_file(folder / "more.txt", measures_record("measures02", cap=800000, title="中山市促进消费若干措施"))
    added = _ingest([folder], db)                     # later measures of the reply's city: the reply again
    assert added.linking["changed"] == 1 and added.linking["replies_ranked"] == 1
    elsewhere = measures_record("jm01", cap=900000, title="江门市促进消费若干措施")
    elsewhere.meta.issuer, elsewhere.meta.doc_number = "江门市人民政府办公室", "江府办〔2025〕3号"
    for e in elsewhere.entities:
        if e.label == "AGENCY":
            e.attrs["canonical"] = e.attrs["canonical"].replace("中山市", "江门市")
    write_record_file(folder / "jm.txt", elsewhere)
    other_city = _ingest([folder], db)                # another city's measures: no reply of Zhongshan redone
    assert other_city.linking["replies_ranked"] == 0


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
        broken = LinkUpdate(reposts=[{"document_id": "reply133089", "original_id": "no-such-document"}])
        with pytest.raises(sqlite3.IntegrityError):      # a broken row half-way: the old rows stay, whole
            s.apply_linking(broken)
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


@pytest.mark.slow
@pytest.mark.parametrize("in_memory_from", [50, 0])      # bands read from SQL, or all into memory
def test_linking_one_document_at_a_time_equals_linking_all_at_once(tmp_path, monkeypatch, in_memory_from):
    from pipeline.graph import linked
    monkeypatch.setattr(linked, "IN_MEMORY_FROM", in_memory_from)
    import random
    import shutil
    import sys

    from pipeline.graph.ingest import ingest
    from tests.corpus import RAW
    sys.path.insert(0, str(RAW.parent))
    from make_variants import repost, revise  # noqa: E402

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("zs-2024-reply-133089", "zs-2025-wenwaimao-measures", "henan-2023-chain-measures",
                 "jiangmen-manufacturing-measures", "panshan-2017-notice"):
        shutil.copy(RAW / f"{name}.txt", folder)
    for name in ("zs-2025-wenwaimao-measures", "henan-2023-chain-measures"):
        text = (RAW / f"{name}.txt").read_text(encoding="utf-8")
        rng = random.Random(3)
        (folder / f"{name}~repost.txt").write_text(repost(name, text, None, 0, rng).text, encoding="utf-8")
        (folder / f"{name}~revision.txt").write_text(revise(name, text, None, 0, rng).text, encoding="utf-8")
    (folder / "citing.txt").write_text(
        "河南省人民政府关于进一步推动产业链发展的通知\n豫政〔2024〕5号\n各市人民政府：\n"
        "为贯彻《支持重点产业链高端化智能化绿色化全链式改造提升若干政策措施》，现就有关事项通知如下。\n"
        "一、各地要参照《中山市稳外贸促增长若干措施》的做法，加快推进。\n"
        "二、本通知自印发之日起施行，豫政〔2023〕33号同时废止。\n河南省人民政府\n2024年3月1日\n",
        encoding="utf-8")
    files = sorted(folder.iterdir())
    one_by_one, all_at_once = tmp_path / "a.db", tmp_path / "b.db"
    for f in random.Random(7).sample(files, len(files)):                 # any order, one run per file
        ingest([f], one_by_one, workers=1, progress=False, limits=None)
    ingest(files, all_at_once, workers=1, progress=False, limits=None)
    state = linking_state(all_at_once)
    assert all(state[t] for t in ("similar_pairs", "reposts", "supersessions", "agency_aliases", "followups"))
    assert any(c["target_id"] for c in state["citations"])
    assert linking_state(one_by_one) == state
    gone = folder / "zs-2025-wenwaimao-measures.txt"                     # the first copy of a reposted notice
    gone.unlink()
    for db in (one_by_one, all_at_once):
        ingest([folder], db, workers=1, progress=False, limits=None, prune=True)
    state = linking_state(one_by_one)
    assert state == linking_state(all_at_once)
    with open_store(one_by_one) as s:
        relink(s, full=True)                                             # everything again, from scratch
    assert linking_state(one_by_one) == state
