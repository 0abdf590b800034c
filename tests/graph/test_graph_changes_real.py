"""Change reports of ingest runs over real documents (corpora/raw), through the real extractor: a revised copy of
a notice, unchanged files, a superseding notice, a repost, a pruned notice; the reports as JSON, CSV and text."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.graph.commands import render
from pipeline.graph.ingest import ingest
from pipeline.graph.runs import changes, latest_changes, list_runs
from pipeline.graph.store import open_store
from tests.corpus import RAW

runner = CliRunner()
MEASURES = "zs-2025-wenwaimao-measures"           # measure 七: 重点企业最高奖补200万元 (责任单位:市工业和信息化局、财政局)
REPLY = "zs-2024-reply-133089"                    # a reply of the same city: follow-up links to the measures
NOTICE = "xiamen-2009-notice"
CAP_OLD, CAP_NEW = "重点企业最高奖补200万元", "重点企业最高奖补300万元"
UNITS_OLD, UNITS_NEW = "(责任单位:市工业和信息化局、财政局)\n八", "(责任单位:市工业和信息化局、财政局、科技局)\n八"


def _ingest(folder: Path, db: Path, **options):
    report = ingest([folder], db, workers=1, progress=False, limits=None, **options)
    assert not report.failed, report.failed
    return report


def _report(db: Path, run: int) -> dict:
    with open_store(db) as s:
        [report] = changes(s, run=run)["runs"]
    return report


def _documents(db: Path) -> list[dict]:
    with open_store(db) as s:
        return s.documents()


def _facts(report: dict) -> list[tuple]:
    return [(d["document_id"], c["kind"], c["measure"], c["field"], c["old"], c["new"])
            for d in report["documents"] for c in d["changes"]]


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    """Three runs: three real documents; the same files again; the notice's file replaced by a revised copy
    (one cap 200万元 -> 300万元, one responsible unit added to the same measure)."""
    tmp = tmp_path_factory.mktemp("revised")
    docs = tmp / "docs"
    docs.mkdir()
    for name in (MEASURES, REPLY, NOTICE):
        shutil.copy(RAW / f"{name}.txt", docs)
    db = tmp / "kg.db"
    first, second = _ingest(docs, db), _ingest(docs, db)
    notice = docs / f"{MEASURES}.txt"
    text = notice.read_text(encoding="utf-8")
    assert text.count(CAP_OLD) == 1 and text.count(UNITS_OLD) == 1
    notice.write_text(text.replace(CAP_OLD, CAP_NEW).replace(UNITS_OLD, UNITS_NEW), encoding="utf-8")
    third = _ingest(docs, db)
    return db, docs, (first, second, third)


def test_a_revised_copy_reports_exactly_the_changed_cap_and_the_added_unit(revised):
    db, docs, (_, _, third) = revised
    report = _report(db, third.run)
    [doc] = report["documents"]
    [updated, cap, unit] = doc["changes"]
    assert updated["kind"] == "document_updated" and updated["detail"]["path"] == str(docs / f"{MEASURES}.txt")
    assert updated["old"] != updated["new"] == doc["document_id"] and updated["old"] not in \
        [d["doc_id"] for d in _documents(db)]                      # the old version went with its only file
    assert (cap["kind"], cap["measure"], cap["measure_title"], cap["field"], cap["old"], cap["new"]) == \
        ("amount_changed", "七", "推动全链条数字化协同转型", "amount", 2000000, 3000000)
    assert cap["detail"]["role"] == "cap" and cap["detail"]["text"] == ["最高奖补200万元", "最高奖补300万元"]
    assert (unit["kind"], unit["measure"], unit["old"], unit["new"]) == ("unit_added", "七", None, "中山市科学技术局")
    assert report["counts"] == {"document_updated": 1, "amount_changed": 1, "unit_added": 1}
    with open_store(db) as s:
        text = s.record(doc["document_id"])["text"]
    for change, written in ((cap, "最高奖补300万元"), (unit, "科技局")):
        where = change["provenance"]
        assert where["document_id"] == doc["document_id"] and text[where["start"]:where["end"]] == written


def test_reingesting_unchanged_files_reports_nothing(revised):
    db, _, (first, second, _) = revised
    assert second.unchanged == 3 and second.changes == {}
    report = _report(db, second.run)
    assert report["status"] == "complete" and report["documents"] == [] and report["changes"] == 0
    assert _report(db, first.run)["counts"]["document_added"] == 3


def test_the_first_run_reports_each_document_its_measures_its_reply_and_follow_up_links(revised):
    db, _, (first, _, _) = revised
    report = _report(db, first.run)
    by_kind = {}
    for d in report["documents"]:
        for c in d["changes"]:
            by_kind.setdefault(c["kind"], []).append((d, c))
    assert len(by_kind["measure_added"]) == 15
    [(reply_doc, reply)] = by_kind["reply_added"]
    assert reply["detail"]["number"] == "133089" and reply["new"] == reply["detail"]["proposal_id"]
    seven = next(c for _, c in by_kind["measure_added"] if c["measure"] == "七")
    assert seven["detail"]["units"] == ["中山市工业和信息化局", "中山市财政局"]
    assert [a["amount"] for a in seven["detail"]["amounts"] if a["role"] == "cap"] == [2000000, 1000000]
    links = by_kind["followup_added"]
    assert links and all(c["detail"]["reply_id"] == reply_doc["document_id"] and c["measure_id"] for _, c in links)
    with open_store(db) as s:
        stored = s.sql("SELECT count(*) AS n FROM followups")[0]["n"]
    assert len(links) == stored


def test_the_run_records_say_when_what_and_how_many(revised):
    db, docs, (first, second, third) = revised
    with open_store(db) as s:
        rows = list_runs(s)
    assert [r["run"] for r in rows] == [first.run, second.run, third.run] == [1, 2, 3]
    assert all(r["status"] == "complete" and r["inputs"] == [str(docs)] and r["pipeline_version"] for r in rows)
    assert [(r["added"], r["updated"], r["unchanged"], r["failed"]) for r in rows] == \
        [(3, 0, 0, 0), (0, 0, 3, 0), (0, 1, 2, 0)]
    assert rows[0]["started"] <= rows[0]["finished"] <= rows[1]["started"]
    assert [r["changes"] for r in rows][1:] == [0, 3]


def test_ingest_ends_with_a_line_of_what_changed(revised):
    _, _, (_, second, third) = revised
    text = render(third)
    assert "run: 3" in text
    assert ("changes: documents updated 1 · caps, grants or rates changed 1 · units added 1   "
            "(report: policykg changes --run 3)") in text
    assert "changes: none" in render(second)
    assert third.to_dict()["changes"] == {"document_updated": 1, "amount_changed": 1, "unit_added": 1}


def test_changes_as_json_csv_and_text(revised):
    db, _, (_, _, third) = revised
    out = runner.invoke(app, ["changes", "--store", str(db), "--json"])      # the latest complete run
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert [r["run"] for r in data["runs"]] == [third.run]
    assert data == json.loads(json.dumps(_report_wrapped(db, third.run)))
    csv = runner.invoke(app, ["changes", "--store", str(db), "--run", "3", "--csv"]).output.splitlines()
    assert csv[0].split(",")[:4] == ["run", "document_id", "document", "kind"] and len(csv) == 4
    assert any(",amount,2000000,3000000," in line for line in csv)
    text = runner.invoke(app, ["changes", "--store", str(db), "--run", "3"]).output
    assert "~ 七 推动全链条数字化协同转型  cap amount: 2000000 -> 3000000  (最高奖补200万元 -> 最高奖补300万元)" in text
    assert "+ 七 推动全链条数字化协同转型  unit added: 中山市科学技术局" in text
    quiet = runner.invoke(app, ["changes", "--store", str(db), "--run", "2", "--json"])
    assert quiet.exit_code == 1 and json.loads(quiet.stdout)["runs"][0]["documents"] == []
    assert runner.invoke(app, ["changes", "--store", str(db), "--run", "9"]).exit_code == 1
    assert runner.invoke(app, ["changes", "--store", str(db), "--run", "3", "--since", "2020-01-01"]).exit_code == 2
    assert runner.invoke(app, ["changes", "--store", str(db), "--since", "yesterday"]).exit_code == 2
    since = json.loads(runner.invoke(app, ["changes", "--store", str(db), "--since", "2000-01-01", "--json"]).output)
    assert [r["run"] for r in since["runs"]] == [3, 2, 1]          # newest first, run 2 with no changes
    assert runner.invoke(app, ["changes", "--store", str(db), "--since", "2999-01-01"]).exit_code == 1
    for command in (["changes"], ["runs"]):
        missing = runner.invoke(app, [*command, "--store", str(db.parent / "missing.db")])
        assert missing.exit_code == 2 and not (db.parent / "missing.db").exists()


def _report_wrapped(db: Path, run: int) -> dict:
    return {"runs": [_report(db, run)]}


def test_runs_lists_the_runs_for_people_and_programs(revised):
    db, _, _ = revised
    table = runner.invoke(app, ["runs", "--store", str(db)])
    assert table.exit_code == 0 and "complete" in table.output and "started" in table.output
    rows = json.loads(runner.invoke(app, ["runs", "--store", str(db), "--json"]).output)
    assert [(r["run"], r["status"], r["changes"]) for r in rows] == [(1, "complete", rows[0]["changes"]),
                                                                    (2, "complete", 0), (3, "complete", 3)]


def test_whats_new_is_the_latest_runs_newest_first_as_plain_data(revised):
    db, _, _ = revised
    with open_store(db, read_only=True) as s:                  # as the web app opens it
        new = latest_changes(s, runs=2)
    assert [r["run"] for r in new["runs"]] == [3, 2]
    assert json.loads(json.dumps(new, ensure_ascii=False)) == new
    change = new["runs"][0]["documents"][0]["changes"][1]
    assert set(change) == {"kind", "measure_id", "measure", "measure_title", "field", "old", "new", "detail",
                           "provenance"}
    assert set(change["provenance"]) == {"document_id", "page", "start", "end"}


# ---------------------------------------------------------------- versions of one notice, copies, pruning
@pytest.fixture(scope="module")
def superseded(tmp_path_factory):
    """The notice and the reply; then a 2026 version of the notice (its dates moved a year on), a repost of
    the reply (website furniture around it); then the 2026 version's file deleted and pruned."""
    tmp = tmp_path_factory.mktemp("superseded")
    docs = tmp / "docs"
    docs.mkdir()
    for name in (MEASURES, REPLY):
        shutil.copy(RAW / f"{name}.txt", docs)
    db = tmp / "kg.db"
    first = _ingest(docs, db)
    text = (RAW / f"{MEASURES}.txt").read_text(encoding="utf-8")
    assert text.count("2025年4月15日") == 1 and text.count("至2025年12月31日止") == 1
    newer = docs / "zs-2026-wenwaimao-measures.txt"
    newer.write_text(text.replace("2025年4月15日", "2026年3月1日").replace("至2025年12月31日止", "至2026年12月31日止"),
                     encoding="utf-8")
    reply = (RAW / f"{REPLY}.txt").read_text(encoding="utf-8")
    (docs / "reply-repost.html.txt").write_text(
        "当前位置：首页 > 政务公开 > 建议提案办理\n发布时间：2024-07-12 09:30  信息来源：中山市商务局\n\n" + reply
        + "\n\n【打印本页】 【关闭窗口】\n", encoding="utf-8")
    second = _ingest(docs, db)
    newer.unlink()
    third = _ingest(docs, db, prune=True)
    return db, (first, second, third)


def test_a_superseding_notice_reports_the_supersession_and_the_measures_out_of_force(superseded):
    db, (first, second, _) = superseded
    report = _report(db, second.run)
    docs = {d["document_id"]: d for d in report["documents"]}
    with open_store(db) as s:
        old_id = s.documents(path=str(Path(first.added[0]).parent / f"{MEASURES}.txt"))[0]["doc_id"]
    older = docs[old_id]
    [head, *out] = older["changes"]
    assert head["kind"] == "superseded" and head["detail"]["from"] == "2026-03-01"
    newer_id = head["new"]
    assert head["provenance"]["document_id"] == newer_id and head["detail"]["rules"]
    out = [c for c in out if c["kind"] != "followup_added"]      # the city's reply ranked again: links may move
    assert [c["kind"] for c in out] == ["measure_out_of_force"] * 15
    assert [c["measure"] for c in out][:3] == ["一", "二", "三"]
    assert all(c["provenance"]["document_id"] == old_id and c["provenance"]["start"] is not None for c in out)
    added = [c["kind"] for c in docs[newer_id]["changes"]]
    assert added[0] == "document_added" and added.count("measure_added") == 15
    assert set(added) <= {"document_added", "measure_added", "followup_added"}


def test_a_repost_is_reported_as_a_copy_without_measures_or_reply(superseded):
    db, (_, second, _) = superseded
    report = _report(db, second.run)
    [copy] = [d for d in report["documents"] if any(c["detail"].get("copy_of") for c in d["changes"])]
    assert [c["kind"] for c in copy["changes"]] == ["document_added"]
    assert copy["changes"][0]["detail"]["copy_of_title"].endswith("第133089号提案答复的函")


def test_pruning_the_newer_version_reports_it_gone_and_the_older_no_longer_superseded(superseded):
    db, (first, second, third) = superseded
    report = _report(db, third.run)
    kinds = {d["document_id"]: [c["kind"] for c in d["changes"]] for d in report["documents"]}
    newer = next(c["new"] for d in _report(db, second.run)["documents"] for c in d["changes"]
                 if c["kind"] == "superseded")
    assert kinds[newer] == ["document_pruned"] + ["measure_removed"] * 15
    [older] = [d for d, k in kinds.items() if k[0] == "supersession_dropped"]
    assert set(kinds[older][1:]) <= {"followup_added"}          # the city's reply ranked again
    assert third.pruned == [str(Path(third.pruned[0]).parent / "zs-2026-wenwaimao-measures.txt")] and len(kinds) == 2
