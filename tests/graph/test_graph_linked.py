"""Linking wired into the store and CLI: corpora/ plus generated reposts and revisions, real extractor."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.graph import linked_queries, queries
from pipeline.graph.ingest import ingest
from pipeline.graph.store import open_store
from tests.corpus import DOC_IDS, RAW

sys.path.insert(0, str(RAW.parent))
from make_variants import repost, revise  # noqa: E402

runner = CliRunner()
MEASURES = "zs-2025-wenwaimao-measures"      # revised: a cap, a responsible unit, dates (seed 3)
PROVINCIAL = "henan-2023-chain-measures"     # revised: a cap, a measure removed, the date (seed 3)


@pytest.fixture(scope="module")
def linked(tmp_path_factory):
    """corpora/raw, a repost and a revision of two measures notices, ingested and linked."""
    folder = tmp_path_factory.mktemp("variants")
    made = {}
    for name in (MEASURES, PROVINCIAL):
        text = (RAW / f"{name}.txt").read_text(encoding="utf-8")
        rng = random.Random(3)
        made[name] = (repost(name, text, None, 0, rng), revise(name, text, None, 0, rng))
        (folder / f"{name}~repost.txt").write_text(made[name][0].text, encoding="utf-8")
        (folder / f"{name}~revision.txt").write_text(made[name][1].text, encoding="utf-8")
    db = tmp_path_factory.mktemp("store") / "kg.db"
    report = ingest([RAW, folder], db, workers=1, progress=False)
    assert not report.failed and report.linking is not None
    with open_store(db) as s:
        ids = {Path(d["path"]).stem: d["doc_id"] for d in s.documents()}
    return db, folder, made, ids, report


def _store(linked):
    return open_store(linked[0])


def test_followup_133089_ranks_measures_for_each_of_the_four_responses(linked):
    with _store(linked) as s:
        [reply] = linked_queries.followup(s, "133089")
    assert [r["response"] for r in reply["responses"]] == ["一", "二", "三", "四"]
    for r in reply["responses"]:
        ranked = r["measures"]
        assert ranked and [m["rank"] for m in ranked] == list(range(1, len(ranked) + 1))
        assert all(m["evidence"] for m in ranked[:2]) and ranked[0]["score"] >= ranked[-1]["score"]
        assert all(m["date"] > reply["date"] for m in ranked)           # only measures issued after the reply
    by_label = {r["response"]: [m["title"] for m in r["measures"][:3]] for r in reply["responses"]}
    assert "加大出口信用保险惠企额度" in by_label["二"] and "促进跨境电商发展" in by_label["三"]
    top = reply["responses"][1]["measures"][0]
    assert top["caps"] == [500000] and "中国出口信用保险公司广东分公司中山营业部" in top["responsible"]


def test_followup_through_the_cli_as_table_and_json(linked):
    human = runner.invoke(app, ["query", "followup", "133089", "--store", str(linked[0])])
    assert human.exit_code == 0 and "evidence:" in human.output and "加大出口信用保险惠企额度" in human.output
    data = json.loads(runner.invoke(app, ["query", "followup", "133089", "--store", str(linked[0]), "--json"]).output)
    assert len(data[0]["responses"]) == 4
    missing = runner.invoke(app, ["query", "followup", "999999", "--store", str(linked[0])])
    assert missing.exit_code == 1


def test_linking_state_lives_in_the_store_and_nothing_is_pickled(linked):
    with _store(linked) as s:
        assert not s.linking_pending and s.sql("SELECT count(*) AS n FROM link_changes") == [{"n": 0}]
        assert not any(p.suffix in (".joblib", ".pkl") for p in s.path.parent.rglob("*"))


def test_repost_is_one_document_with_two_sources(linked):
    db, folder, _, ids, _ = linked
    with open_store(db) as s:
        for name in (MEASURES, PROVINCIAL):
            [doc] = queries.document(s, ids[f"{name}~repost"])           # asked by the repost: the first copy
            assert doc["doc_id"] == ids[name]
            assert sorted(Path(p).name for p in doc["sources"]) == [f"{name}.txt", f"{name}~repost.txt"]
        counts = s.counts()
        assert counts["sources"] == counts["documents"] + 2
        cap_docs = {c["doc_id"] for c in queries.caps(s)}
        assert ids[MEASURES] in cap_docs and ids[f"{MEASURES}~repost"] not in cap_docs


def test_revision_supersedes_and_the_cli_diff_reports_the_generated_changes(linked):
    db, folder, made, ids, _ = linked
    for name in (MEASURES, PROVINCIAL):
        with open_store(db) as s:
            [doc] = queries.document(s, ids[f"{name}~revision"])
        assert [v["doc_id"] for v in doc["supersedes"]] == [ids[name]]
        out = runner.invoke(app, ["diff", ids[name], str(folder / f"{name}~revision.txt"), "--store", str(db),
                                  "--json"])
        assert out.exit_code == 0, out.output
        result = json.loads(out.output)
        changes = made[name][1].changes
        measures = {c["measure"] for c in changes if c["kind"] != "dates"}
        assert {m["title"] for m in result["measures"]} == measures
        by_title = {m["title"]: m for m in result["measures"]}
        for c in changes:
            if c["kind"] == "dates":
                date = next(f for f in result["meta"] if f["field"] == "date")
                assert int(date["new"][:4]) - int(date["old"][:4]) == c["shift_years"]
                continue
            m = by_title[c["measure"]]
            if c["kind"] == "removed":
                assert m["kind"] == "removed"
                continue
            fields = {f["field"]: f for f in m["changes"]}
            assert m["kind"] == "changed" and set(fields) <= {"caps", "responsible"}
            if c["kind"] == "cap":
                assert c["old"] in fields["caps"]["old"] and c["new"] in fields["caps"]["new"]
            else:
                gone = set(fields["responsible"]["old"]) - set(fields["responsible"]["new"])
                came = set(fields["responsible"]["new"]) - set(fields["responsible"]["old"])
                assert len(gone) == len(came) == 1 and gone.pop().endswith(c["removed"])
    text = runner.invoke(app, ["diff", ids[MEASURES], ids[f"{MEASURES}~revision"], "--store", str(db)]).output
    assert "caps: [1000000, 2000000] -> [1000000, 4000000]" in text


def test_caps_in_force_exclude_a_superseded_version(linked):
    db, _, _, ids, _ = linked
    with open_store(db) as s:
        docs_2025 = {c["doc_id"] for c in queries.caps(s, in_force_on="2025-06-30")}
        docs_2027 = {c["doc_id"] for c in queries.caps(s, in_force_on="2027-06-30")}
    assert ids[MEASURES] in docs_2025 and ids[f"{MEASURES}~revision"] not in docs_2025   # not yet issued
    assert ids[PROVINCIAL] in docs_2025
    assert ids[PROVINCIAL] not in docs_2027 and ids[f"{PROVINCIAL}~revision"] in docs_2027  # superseded
    assert ids[f"{MEASURES}~revision"] in docs_2027
    out = runner.invoke(app, ["query", "caps", "--in-force", "2027-06-30", "--store", str(db), "--json"])
    assert ids[PROVINCIAL] not in {c["doc_id"] for c in json.loads(out.output)}


def test_query_doc_lists_what_a_reply_cites_and_agency_marks_supersession(linked):
    db, _, _, ids, _ = linked
    with open_store(db) as s:
        [reply] = queries.document(s, "中山商务贸函〔2024〕8号")
        assert reply["cites"] and all(c["cited"] for c in reply["cites"])
        [issuer] = [e["dst"][len("Agency:"):] for e in s.edges(src=[f"Document:{ids[PROVINCIAL]}"],
                                                                  types=["ISSUED_BY"])]
        [by_issuer] = queries.agency(s, issuer)
        [agency] = queries.agency(s, "河南省工业和信息化厅")
        [later] = queries.agency(s, "河南省工业和信息化厅", in_force_on="2027-06-30")
    issued = {d["doc_id"]: d["superseded_by"] for d in by_issuer["documents_issued"]}
    assert issued[ids[PROVINCIAL]] == ids[f"{PROVINCIAL}~revision"] and ids[f"{PROVINCIAL}~repost"] not in issued
    assert any(m["doc_id"] == ids[PROVINCIAL] for m in agency["measures"])
    assert all(m["doc_id"] != ids[PROVINCIAL] for m in later["measures"])
    assert any(m["doc_id"] == ids[f"{PROVINCIAL}~revision"] for m in later["measures"])
    assert all(m["doc_id"] != ids[f"{PROVINCIAL}~repost"] for m in agency["measures"])


def test_unchanged_reingest_does_not_relink(linked):
    db, folder, *_ = linked
    again = ingest([RAW, folder], db, workers=1, progress=False)
    assert again.unchanged == len(DOC_IDS) + 4 and again.linking is None
