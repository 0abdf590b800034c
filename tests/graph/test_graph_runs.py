"""Run records and their change log: a run killed or failing midway leaves no half-written report (its changes
go to the next run, whole per document), aliases, forced and re-versioned runs, failures, linking compared with
what was last reported, and stores upgraded from before the change log and from schema 1."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.graph.runs import changes, latest_changes, list_runs
from pipeline.graph.schema import SCHEMA_VERSION
from pipeline.graph.store import Store, open_store
from pipeline.types import Record
from tests.corpus import ROOT
from tests.graph.fakes import (fake_extract, ingest_fake, measures_record, small_store, wait_until_stored,
                               write_record_file)
from tests.graph.stores import new_store, sqlite_only

pytestmark = pytest.mark.usefixtures("backend")

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "stores" / "v1-small.db"


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        write_record_file(folder / f"m{i:02d}.txt", measures_record(f"m{i:02d}", cap=100000 + 10000 * i,
                                                                    title=f"中山市促进第{i}产业发展若干措施"))
    return folder


def _ingest_in_background(code: str, folder: Path, db: Path) -> subprocess.Popen:
    """A process running `code` on (folder, db), each file's extraction slowed so it can be stopped midway."""
    env = {**os.environ, "FAKE_EXTRACT_DELAY": "0.2", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, str(folder), str(db)], cwd=ROOT, env=env)


def _facts(report: dict) -> set[tuple]:
    return {(d["document_id"], c["kind"], c["measure_id"], c["field"], str(c["old"]), str(c["new"]))
            for d in report["documents"] for c in d["changes"]}


def _rows(db: Path, run: int) -> list[dict]:
    with open_store(db) as s:
        return s.sql("SELECT document_id, kind FROM run_changes WHERE run_id = ? ORDER BY id", [run])


def test_a_run_killed_midway_leaves_no_report_and_the_next_run_reports_its_changes_whole(tmp_path):
    folder = _corpus(tmp_path / "docs", 12)
    clean = new_store(tmp_path, "clean.db")
    ingest_fake([folder], clean, link=True)
    with open_store(clean) as s:
        expected = _facts(changes(s)["runs"][0])
    db = new_store(tmp_path, "kg.db")
    code = ("import sys; from tests.graph.fakes import ingest_fake\n"
            "ingest_fake([sys.argv[1]], sys.argv[2], link=True)")
    proc = _ingest_in_background(code, folder, db)
    wait_until_stored(db, 3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(db) as s:
        [run] = list_runs(s)
        stored = {d["doc_id"] for d in s.documents()}
        assert run["status"] == "interrupted" and 3 <= len(stored) < 12
        assert changes(s, run=1)["runs"][0]["documents"] == [] and latest_changes(s) == {"runs": []}
    written = _rows(db, 1)
    assert {r["document_id"] for r in written} == stored                # only what was stored, all of it
    for doc in stored:                                                  # each document whole
        assert [r["kind"] for r in written if r["document_id"] == doc] == ["document_added"] + ["measure_added"] * 2
    again = ingest_fake([folder], db, link=True)
    assert again.run == 2 and again.unchanged == len(stored)
    with open_store(db) as s:
        first, second = list_runs(s)
        assert (first["status"], first["carried_to"], first["changes"]) == ("interrupted", 2, 0)
        assert second["status"] == "complete"
        assert _facts(changes(s)["runs"][0]) == expected                 # nothing lost, nothing twice


def test_a_failure_while_storing_a_document_leaves_neither_it_nor_its_changes(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "docs", 4)
    db = new_store(tmp_path, "kg.db")
    calls = []
    original = Store.replace_document

    def failing(self, rows, record, path=None):
        calls.append(path)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, rows, record, path)

    monkeypatch.setattr(Store, "replace_document", failing)
    with pytest.raises(RuntimeError):
        ingest_fake([folder], db)
    monkeypatch.undo()
    with open_store(db) as s:
        [run] = list_runs(s)
        assert run["status"] == "interrupted" and s.sql("SELECT status FROM runs")[0]["status"] == "interrupted"
        assert sorted(d["doc_id"] for d in s.documents()) == ["m00", "m01"]
    assert {r["document_id"] for r in _rows(db, 1)} == {"m00", "m01"}
    again = ingest_fake([folder], db)
    with open_store(db) as s:
        report = changes(s)["runs"][0]
    assert again.run == report["run"] == 2
    assert [d["document_id"] for d in report["documents"]] == [f"m{i:02d}" for i in range(4)]


def test_sigterm_marks_the_run_interrupted(tmp_path):
    folder = _corpus(tmp_path / "docs", 12)
    db = new_store(tmp_path, "kg.db")
    code = ("import sys; from pipeline.graph.ingest import Terminated; from tests.graph.fakes import ingest_fake\n"
            "try:\n    ingest_fake([sys.argv[1]], sys.argv[2])\nexcept Terminated:\n    sys.exit(143)")
    proc = _ingest_in_background(code, folder, db)
    wait_until_stored(db, 2)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 143
    with open_store(db) as s:
        [run] = s.sql("SELECT status, finished_at FROM runs")
        assert run["status"] == "interrupted" and run["finished_at"]


def test_the_run_records_its_inputs_options_counts_and_failures(tmp_path):
    folder = _corpus(tmp_path / "docs", 2)
    (folder / "broken.txt").write_text("{not json", encoding="utf-8")
    db = new_store(tmp_path, "kg.db")
    report = ingest_fake([folder], db, prune=True)
    with open_store(db) as s:
        [run] = list_runs(s)
        [row] = s.sql("SELECT options, policykg_version, pid FROM runs")
    assert (run["added"], run["failed"], run["status"]) == (2, 1, "complete")
    assert run["failures"] == report.failed and list(run["failures"]) == [str((folder / "broken.txt").resolve())]
    assert run["inputs"] == [str(folder)] and run["pipeline_version"] == "test-1"
    assert row["options"] == '{"force": false, "link": false, "prune": true}' and row["pid"] == os.getpid()
    assert row["policykg_version"]


def test_a_path_now_holding_bytes_stored_under_another_path_is_a_new_version_for_it(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    write_record_file(folder / "a.txt", measures_record("mA"))
    write_record_file(folder / "b.txt", measures_record("mB", cap=800000))
    db = new_store(tmp_path, "kg.db")
    ingest_fake([folder], db)
    shutil.copy(folder / "b.txt", folder / "a.txt")
    report = ingest_fake([folder], db)
    assert report.aliases == [str((folder / "a.txt").resolve())]
    with open_store(db) as s:
        [doc] = changes(s)["runs"][0]["documents"]
        assert not s.documents(doc_id="mA")
    assert doc["document_id"] == "mB"
    assert [(c["kind"], c["old"], c["new"]) for c in doc["changes"]] == [("document_updated", "mA", "mB"),
                                                                        ("amount_changed", 500000, 800000)]


def test_force_or_a_new_pipeline_version_reports_only_facts_that_differ(tmp_path):
    folder = _corpus(tmp_path / "docs", 2)
    db = new_store(tmp_path, "kg.db")
    ingest_fake([folder], db)
    assert ingest_fake([folder], db, force=True).changes == {}
    assert ingest_fake([folder], db, pipeline_version="test-2").changes == {}

    def raised(path: str) -> Record:
        record = fake_extract(path)
        record.entities[0].attrs["amount"] = 900000
        return record

    report = ingest_fake([folder], db, pipeline_version="test-3", extract_fn=raised)
    assert report.changes == {"document_updated": 2, "amount_changed": 2}
    with open_store(db) as s:
        doc = changes(s)["runs"][0]["documents"][0]
    assert doc["changes"][0]["detail"]["pipeline_version"] == ["test-2", "test-3"]


def test_links_of_an_updated_document_are_compared_under_its_new_ids(tmp_path):
    db = small_store(tmp_path, link=True)
    with open_store(db) as s:
        first = changes(s)["runs"][0]
        links = s.sql("SELECT count(*) AS n FROM followups")[0]["n"]
    assert links and sum(1 for d in first["documents"] for c in d["changes"] if c["kind"] == "followup_added") == links
    write_record_file(tmp_path / "docs" / "measures.txt", measures_record("measures02", cap=700000))
    report = ingest_fake([tmp_path / "docs"], db, link=True)
    assert report.linking is not None
    assert report.changes == {"document_updated": 1, "amount_changed": 1}
    with open_store(db) as s:
        assert s.sql("SELECT count(*) AS n FROM followups")[0]["n"] == links
        assert {r["c"] for r in s.sql("SELECT c FROM reported_links WHERE kind = 'followup'")} <= \
            {"measures02/m1", "measures02/m2"}


def test_a_store_from_before_the_change_log_is_upgraded_with_its_links_taken_as_reported(tmp_path):
    db = small_store(tmp_path, link=True)
    with sqlite3.connect(db) as conn:                      # the store as schema 4 had it
        for table in ("run_changes", "runs", "reported_links"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX amounts_caps")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        conn.execute("DELETE FROM meta WHERE key = 'links_reported'")
    with open_store(db) as s:
        assert s.info("schema_version") == str(SCHEMA_VERSION) and list_runs(s) == []
        assert len(s.sql("SELECT * FROM reported_links")) == len(s.sql("SELECT * FROM followups")) > 0
    assert ingest_fake([tmp_path / "docs"], db, link=True).changes == {}
    write_record_file(tmp_path / "docs" / "measures.txt", measures_record("measures02", cap=700000))
    assert ingest_fake([tmp_path / "docs"], db, link=True).changes == {"document_updated": 1, "amount_changed": 1}
    with open_store(db) as s:
        assert [r["run"] for r in list_runs(s)] == [1, 2]


def test_a_schema_1_store_reports_no_link_it_held_as_new(tmp_path):
    sqlite_only("upgrades a store file of schema 1")
    db = new_store(tmp_path, "kg.db")
    shutil.copy(V1, db)
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "new.txt", measures_record("m9", title="中山市促进第9产业发展若干措施"))
    report = ingest_fake([docs], db, link=True)
    assert report.linking is not None and "followup_added" not in report.changes
    assert report.changes["document_added"] == 1
    write_record_file(docs / "new.txt", measures_record("m10", title="中山市促进第10产业发展若干措施"))
    assert "document_updated" in ingest_fake([docs], db, link=True).changes
