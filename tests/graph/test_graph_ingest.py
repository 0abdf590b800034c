"""Incremental ingest: unchanged files skipped, edits replace, prune, failures, SIGKILL and concurrent reads."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.graph import queries
from pipeline.graph.store import open_store
from pipeline.workers import Limits
from tests.corpus import ROOT
from tests.graph.fakes import ingest_fake, measures_record, write_record_file
from tests.graph.stores import new_store, store_exists

pytestmark = pytest.mark.usefixtures("backend")

EDGES_PER_MEASURES_DOC = 9       # ISSUED_BY, SENT_TO, 2 HAS_MEASURE, 3 RESPONSIBLE, 2 OFFERS


def _corpus(folder: Path, n: int, base: int = 100000) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [write_record_file(folder / f"m{i:03d}.txt", measures_record(f"m{i:03d}", cap=base + i * 10000))
            for i in range(n)]


def _ingest_in_subprocess(folder: Path, store_path: Path, delay: float) -> subprocess.Popen:
    code = ("import sys; from tests.graph.fakes import ingest_fake; "
            "r = ingest_fake([sys.argv[1]], sys.argv[2]); sys.exit(r.exit_code)")
    env = {**os.environ, "FAKE_EXTRACT_DELAY": str(delay), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, str(folder), str(store_path)], cwd=ROOT, env=env)


def test_second_run_skips_everything_and_an_edit_reprocesses_only_that_file(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    first = ingest_fake([docs_dir], db)
    assert (len(first.added), first.unchanged, first.exit_code) == (2, 0, 0)
    second = ingest_fake([docs_dir], db)
    assert (second.added, second.updated, second.unchanged) == ([], [], 2)
    write_record_file(docs_dir / "measures.txt", measures_record(cap=800000))
    third = ingest_fake([docs_dir], db)
    assert third.updated == [str((docs_dir / "measures.txt").resolve())] and third.unchanged == 1
    with open_store(db) as s:
        assert [c["amount"] for c in queries.caps(s)] == [800000]


def test_new_pipeline_version_or_force_reprocesses(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    ingest_fake([docs_dir], db)
    assert len(ingest_fake([docs_dir], db, pipeline_version="test-2").updated) == 2
    assert len(ingest_fake([docs_dir], db, pipeline_version="test-2", force=True).updated) == 2


def test_prune_removes_documents_whose_files_are_gone(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    ingest_fake([docs_dir], db)
    (docs_dir / "measures.txt").unlink()
    kept = ingest_fake([docs_dir], db)
    assert kept.pruned == [] and kept.unchanged == 1
    report = ingest_fake([docs_dir], db, prune=True)
    assert report.pruned == [str((docs_dir / "measures.txt").resolve())]
    with open_store(db) as s:
        assert s.sql("SELECT id FROM amounts") == [] and s.node("Agency:中山市工业和信息化局") is not None


def test_prune_keeps_paths_outside_the_inputs_given(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    other = tmp_path / "other"
    other.mkdir()
    write_record_file(other / "m2.txt", measures_record("m2", cap=70000))
    ingest_fake([docs_dir, other], db)
    (other / "m2.txt").unlink()
    (docs_dir / "measures.txt").unlink()
    report = ingest_fake([docs_dir], db, prune=True)
    assert report.pruned == [str((docs_dir / "measures.txt").resolve())]
    with open_store(db) as s:
        assert [d["doc_id"] for d in s.documents()] == ["reply133089", "m2"]


def test_the_same_bytes_from_another_folder_are_one_document(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    ingest_fake([docs_dir], db)
    copy = tmp_path / "copy"
    shutil.copytree(docs_dir, copy)
    report = ingest_fake([copy], db)
    assert (report.added, report.updated, len(report.aliases)) == ([], [], 2)
    with open_store(db) as s:
        assert s.counts()["documents"] == 2 and s.counts()["sources"] == 4
        [cap] = queries.caps(s)
        assert cap["responsible"] == ["中山市商务局", "中山市工业和信息化局"]     # listed once
        assert [d["doc_id"] for d in s.documents(path=str((copy / "reply.txt").resolve()))] == ["reply133089"]


def test_a_moved_file_keeps_its_document_and_prune_drops_the_old_path(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    ingest_fake([docs_dir], db)
    (docs_dir / "reply.txt").rename(docs_dir / "renamed.txt")
    report = ingest_fake([docs_dir], db, prune=True)
    assert (report.added, len(report.aliases), len(report.pruned)) == ([], 1, 1)
    with open_store(db) as s:
        assert s.stored_paths() == sorted(str((docs_dir / n).resolve()) for n in ("measures.txt", "renamed.txt"))
        assert s.counts()["documents"] == 2


def test_an_interrupted_run_is_linked_by_the_next(tmp_path, docs_dir):
    db = new_store(tmp_path, "g.db")
    first = ingest_fake([docs_dir], db, link=False)          # as if killed after the documents, before linking
    assert first.linking is None
    with open_store(db) as s:
        assert s.linking_pending
    again = ingest_fake([docs_dir], db, link=True)
    assert again.unchanged == 2 and again.linking is not None
    with open_store(db) as s:
        assert not s.linking_pending and s.sql("SELECT count(*) AS n FROM citation_links")[0]["n"] == 1


def test_failures_are_reported_per_file_and_set_the_exit_code(tmp_path, docs_dir):
    (docs_dir / "broken.txt").write_text("{not json", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    report = ingest_fake([docs_dir, missing], new_store(tmp_path, "g.db"))
    assert report.exit_code == 1 and len(report.added) == 2
    assert report.failed[str((docs_dir / "broken.txt").resolve())].startswith("E103 bad test input")
    assert report.failed[str(missing.resolve())].startswith("E100 input file not found")
    with open_store(new_store(tmp_path, "g.db")) as s:
        assert list(s.failures()) == [str((docs_dir / "broken.txt").resolve())]


def test_parallel_workers_store_the_same_graph(tmp_path):
    files = _corpus(tmp_path / "docs", 12)
    serial = ingest_fake(files, new_store(tmp_path, "one.db"))
    parallel = ingest_fake(files, new_store(tmp_path, "two.db"), workers=2, limits=Limits())
    assert len(serial.added) == len(parallel.added) == 12
    with open_store(new_store(tmp_path, "one.db")) as a, open_store(new_store(tmp_path, "two.db")) as b:
        assert a.counts() == b.counts()
        assert a.counts()["edges"]["OFFERS"] == 24


def test_a_dying_worker_costs_only_its_own_file_and_the_run_goes_on(tmp_path):
    files = _corpus(tmp_path / "docs", 30)
    crash = tmp_path / "docs" / "m015.txt"
    crash.write_text("CRASH", encoding="utf-8")
    report = ingest_fake(files, new_store(tmp_path, "g.db"), workers=2, limits=Limits())
    assert list(report.failed) == [str(crash.resolve())]                 # only the file that kills its worker
    assert report.failed[str(crash.resolve())].startswith("E122 parsing worker crashed")
    assert report.exit_code == 1 and len(report.added) == 29
    crash.unlink()
    rerun = ingest_fake(files[:15] + files[16:], new_store(tmp_path, "g.db"), workers=2, limits=Limits())
    assert rerun.exit_code == 0 and len(rerun.added) + rerun.unchanged == 29


def test_sigkill_mid_run_loses_nothing_stored_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "docs"
    _corpus(folder, 40)
    db = new_store(tmp_path, "g.db")
    proc = _ingest_in_subprocess(folder, db, delay=0.05)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and stored < 5:
        time.sleep(0.05)
        if store_exists(db):
            with open_store(db) as s:
                stored = s.counts()["documents"]
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(db) as s:
        assert s.integrity() == "ok"
        n = s.counts()["documents"]
        assert 5 <= n < 40
        for doc in s.documents():                       # every stored document is whole
            assert len(s.edges(src=[f"Document:{doc['doc_id']}"])) + 5 == EDGES_PER_MEASURES_DOC
        counts = s.counts()
        assert sum(counts["edges"].values()) == n * EDGES_PER_MEASURES_DOC
        assert counts["nodes"]["Amount"] == counts["nodes"]["Measure"] == 2 * n
    rerun = ingest_fake([folder], db)
    assert (len(rerun.added), rerun.unchanged, rerun.exit_code) == (40 - n, n, 0)


def test_reads_during_an_ingest_see_each_document_whole(tmp_path):
    folder = tmp_path / "docs"
    db = new_store(tmp_path, "g.db")
    old = _corpus(folder, 20, base=1_000_000)
    ingest_fake([folder], db)
    version = {hashlib.sha256(p.read_bytes()).hexdigest(): 1 for p in old}
    new = _corpus(folder, 20, base=2_000_000)
    version.update({hashlib.sha256(p.read_bytes()).hexdigest(): 2 for p in new})
    proc = _ingest_in_subprocess(folder, db, delay=0.05)
    reads, mixed = 0, 0
    with open_store(db) as s:
        while proc.poll() is None:
            with s.read():
                docs = {d["doc_id"]: version[d["sha256"]] for d in s.documents()}
                caps = queries.caps(s)
            assert len(docs) == 20 and len(caps) == 20
            for cap in caps:                            # a document's cap is the one of its stored version
                assert cap["amount"] // 1_000_000 == docs[cap["doc_id"]]
            reads += 1
            mixed += len(set(docs.values())) == 2
    assert proc.returncode == 0
    assert reads >= 3 and mixed >= 1                    # the reads happened while documents changed


def test_a_second_writer_waits_for_the_store_lock_or_gives_up(tmp_path, docs_dir):
    import pytest

    from pipeline.graph.lock import StoreBusy, store_lock
    db = new_store(tmp_path, "g.db")
    with store_lock(db):
        with pytest.raises(StoreBusy, match="another policykg run"):
            ingest_fake([docs_dir], db, wait=0.3)
    assert len(ingest_fake([docs_dir], db, wait=0).added) == 2          # released with its holder


def test_two_concurrent_ingests_give_what_one_gives(tmp_path, docs_dir):
    from concurrent.futures import ThreadPoolExecutor
    one, two = new_store(tmp_path, "one.db"), new_store(tmp_path, "two.db")
    ingest_fake([docs_dir], one, link=True)
    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(ingest_fake, [docs_dir], two, link=True) for _ in range(2)]
        reports = [r.result() for r in runs]
    assert sorted(len(r.added) for r in reports) == [0, 2]
    with open_store(one) as a, open_store(two) as b:
        assert list(a.iter_nodes()) == list(b.iter_nodes()) and list(a.iter_edges()) == list(b.iter_edges())
