"""Faults: a run killed at any write (of documents or of linking) is completed by the next run, giving the
graph a clean run gives; SIGTERM rolls back and ends the workers; workers never outlive a killed parent."""
from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from pipeline.graph.store import Store, open_store
from tests.corpus import ROOT
from tests.graph.fakes import ingest_fake, measures_record, reply_record, wait_until_stored, write_record_file

POINTS = 30
SEED = 20261204


def _docs(folder: Path) -> Path:
    folder.mkdir()
    for i in range(8):
        write_record_file(folder / f"m{i}.txt", measures_record(f"m{i}", cap=100000 + 10000 * i,
                                                                title=f"中山市促进第{i}产业发展若干措施"))
    write_record_file(folder / "reply.txt", reply_record())
    shutil.copy(folder / "reply.txt", folder / "reply-copy.txt")         # one document, two sources
    (folder / "broken.txt").write_text("{not json", encoding="utf-8")  # one failure
    return folder


def _graph(db: Path):
    with open_store(db) as s:
        return (list(s.iter_nodes()), list(s.iter_edges()), s.stored_paths(), sorted(s.failures()),
                s.sql("SELECT * FROM followups ORDER BY reply_id, response_id, rank"))


def _killed_at(folder: Path, db: Path, point: int, after_commit: bool) -> None:
    """In a forked child: ingest with linking, SIGKILLed at the `point`-th write transaction (before or
    after its commit)."""
    writes = [0]
    original = Store.write

    @contextmanager
    def write(self):
        top = self._depth == 0
        with original(self):
            yield self
            if top:
                writes[0] += 1
                if writes[0] == point and not after_commit:
                    os.kill(os.getpid(), signal.SIGKILL)
        if top and writes[0] == point and after_commit:
            os.kill(os.getpid(), signal.SIGKILL)

    Store.write = write
    ingest_fake([folder], db, link=True)
    os._exit(0)                            # the point lay beyond the last write: a clean run


@pytest.mark.slow
def test_a_run_killed_at_any_write_is_completed_by_the_next(tmp_path):
    folder = _docs(tmp_path / "docs")
    clean = tmp_path / "clean.db"
    ingest_fake([folder], clean, link=True)
    expected = _graph(clean)
    rng = random.Random(SEED)
    fork = multiprocessing.get_context("fork")
    killed = 0
    for i in range(POINTS):
        db = tmp_path / f"run{i}.db"
        point, after = rng.randint(1, 14), rng.random() < 0.5
        child = fork.Process(target=_killed_at, args=(folder, db, point, after))
        child.start()
        child.join(60)
        killed += child.exitcode == -signal.SIGKILL
        ingest_fake([folder], db, link=True)
        assert _graph(db) == expected, (point, after)
        with open_store(db) as s:
            assert s.integrity() == "ok" and not s.linking_pending
    assert killed >= POINTS * 2 // 3          # most points fell inside the run


def _run_in_subprocess(folder: Path, db: Path, delay: float) -> subprocess.Popen:
    code = ("import sys; from pipeline.graph.ingest import Terminated; from pipeline.workers import Limits\n"
            "from tests.graph.fakes import ingest_fake\n"
            "try:\n    r = ingest_fake([sys.argv[1]], sys.argv[2], workers=2, link=True, limits=Limits())\n"
            "except Terminated:\n    sys.exit(143)\nsys.exit(r.exit_code)")
    env = {**os.environ, "FAKE_EXTRACT_DELAY": str(delay), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, str(folder), str(db)], cwd=ROOT, env=env)


def _workers_of(proc: subprocess.Popen, at_least: int = 2, timeout: float = 30) -> list[psutil.Process]:
    deadline = time.time() + timeout
    while time.time() < deadline:
        children = psutil.Process(proc.pid).children(recursive=True)
        if len(children) >= at_least:
            return children
        time.sleep(0.05)
    raise AssertionError("the run started no workers")


def _gone(processes: list[psutil.Process], timeout: float = 10) -> bool:
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    return not alive


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        write_record_file(folder / f"m{i:03d}.txt", measures_record(f"m{i:03d}", cap=100000 + i))
    return folder


def test_sigterm_rolls_back_ends_the_workers_and_the_next_run_finishes(tmp_path):
    folder = _corpus(tmp_path / "docs", 60)
    db = tmp_path / "g.db"
    proc = _run_in_subprocess(folder, db, delay=0.1)
    workers = _workers_of(proc)
    wait_until_stored(db, 3)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 143
    assert _gone(workers)
    with open_store(db) as s:
        assert s.integrity() == "ok" and s.linking_pending and s.counts()["copies"] < 60
    rerun = ingest_fake([folder], db, link=True)
    assert rerun.exit_code == 0 and len(rerun.added) + rerun.unchanged == 60 and rerun.linking is not None


def test_workers_die_with_a_killed_parent(tmp_path):
    folder = _corpus(tmp_path / "docs", 60)
    proc = _run_in_subprocess(folder, tmp_path / "g.db", delay=0.2)
    workers = _workers_of(proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert _gone(workers)


def test_exports_are_byte_identical_whatever_the_number_of_workers(tmp_path):
    from pipeline.graph.export import export
    from pipeline.graph.ingest import ingest
    from pipeline.workers import Limits
    from tests.corpus import RAW
    files = sorted(RAW.glob("*.txt"))[:8]
    outputs = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        report = ingest(files, db, workers=workers, progress=False, limits=Limits())
        assert not report.failed
        with open_store(db) as s:
            written = [p for fmt in ("json", "graphml", "gexf")
                       for p in export(s, fmt, tmp_path / f"w{workers}.{fmt}")]
            written += export(s, "csv", tmp_path / f"w{workers}-tables")
        outputs.append([p.read_bytes() for p in written])
    assert outputs[0] == outputs[1]
