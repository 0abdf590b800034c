"""Batch extraction: walking inputs, output names that never collide, failures reported."""
import json
import os
import time
from pathlib import Path

import pytest

from pipeline.batch import (REPORT_NAME, SKIP_DANGLING_LINK, SKIP_HIDDEN, SKIP_SUFFIX, SKIP_UNREADABLE_FOLDER,
                            extract_records, extract_to_dir, output_names, walk_inputs, write_record)
from pipeline.workers import Limits, Workers
from tests import unprivileged
from tests.misbehaving import fake_extract


def test_walk_inputs_takes_document_files_from_folders(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.py").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in walk_inputs([tmp_path])]
    assert found == ["a.txt", "sub/b.pdf"]


def test_output_names_never_collide():
    inputs = [Path("x/a.txt"), Path("y/a.txt"), Path("x/a.pdf"), Path("z/b.docx")]
    names = output_names(inputs)
    assert names[Path("x/a.txt")] == "a.json"
    assert names[Path("z/b.docx")] == "b.json"
    assert len(set(names.values())) == 4
    assert names[Path("x/a.pdf")] == "a.pdf.json"


def test_walk_inputs_reports_every_path_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "notes.py").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    skipped: dict[str, str] = {}
    assert [p.name for p in walk_inputs([tmp_path], skipped)] == ["a.txt"]
    assert {Path(k).name: v for k, v in skipped.items()} == {
        "notes.py": SKIP_SUFFIX, ".hidden.txt": SKIP_HIDDEN, "gone.txt": SKIP_DANGLING_LINK}


def test_an_unreadable_folder_is_reported():
    # run by the command line in a process file permissions bind, root or not (tests/unprivileged.py)
    with unprivileged.workspace() as work:
        docs = work / "docs"
        (docs / "locked").mkdir(parents=True)
        (docs / "locked" / "a.txt").write_text("关于开展工作的通知", encoding="utf-8")
        (docs / "ok.txt").write_text("关于开展工作的通知\n各单位：\n请落实。\n", encoding="utf-8")
        (docs / "locked").chmod(0)
        done, how = unprivileged.run_cli("extract", str(docs), "--out", str(work / "out"), "-q", cwd=work)
        assert done.returncode == 0, (how, done.stderr)
        report = json.loads((work / "out" / REPORT_NAME).read_text(encoding="utf-8"))
        assert report["skipped"] == {str(docs / "locked"): SKIP_UNREADABLE_FOLDER}, how
        assert report["written"] == 1 and report["failed"] == 0


def test_an_input_named_like_the_batch_report_keeps_its_record(tmp_path):
    names = output_names([Path("_batch-report.txt"), Path("a.txt")])
    assert names[Path("_batch-report.txt")] != REPORT_NAME


def test_a_record_file_is_written_whole_or_not_at_all(tmp_path):
    write_record(tmp_path / "a.json", {"id": "a", "text": "关于印发"})
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8")) == {"id": "a", "text": "关于印发"}
    with pytest.raises(UnicodeEncodeError):
        write_record(tmp_path / "b.json", {"id": "b", "text": "\udc80"})    # cannot be written as UTF-8
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_extract_records_answers_every_input_across_workers():
    inputs = [Path(f"doc{i}.txt") for i in range(5)]
    out = dict(extract_records(inputs, workers=2, extract_fn=fake_extract))
    assert sorted(out) == inputs and all(out[p]["id"] == p.stem for p in inputs)


def test_an_input_that_kills_its_worker_or_runs_too_long_costs_only_its_record():
    inputs = [Path("ok1.txt"), Path("die.txt"), Path("slow.txt"), Path("ok2.txt")]
    out = dict(extract_records(inputs, workers=2, extract_fn=fake_extract, limits=Limits(seconds=2)))
    assert [out[Path(n)]["id"] for n in ("ok1.txt", "ok2.txt")] == ["ok1", "ok2"]
    assert out[Path("die.txt")]["error"].startswith("E122")
    assert out[Path("slow.txt")]["error"].startswith("E120")


def test_an_input_past_the_memory_limit_gets_e121():
    out = dict(extract_records([Path("big.txt"), Path("ok.txt")], workers=1, extract_fn=fake_extract,
                               limits=Limits(seconds=30, memory_mb=200)))
    assert out[Path("big.txt")]["error"].startswith("E121") and out[Path("ok.txt")]["id"] == "ok"


def test_a_file_that_cannot_be_opened_gets_its_record_and_the_batch_goes_on():
    # run by the command line in a process file permissions bind, root or not (tests/unprivileged.py)
    with unprivileged.workspace() as work:
        docs = work / "docs"
        docs.mkdir()
        locked = docs / "locked.txt"
        locked.write_text("关于开展工作的通知", encoding="utf-8")
        locked.chmod(0)
        (docs / "ok.txt").write_text("关于开展工作的通知\n各单位：\n请落实。\n", encoding="utf-8")
        done, how = unprivileged.run_cli("extract", str(docs), "--out", str(work / "out"), "-q", cwd=work)
        assert done.returncode == 1, (how, done.stderr)               # an input failed, the batch went on
        report = json.loads((work / "out" / REPORT_NAME).read_text(encoding="utf-8"))
        assert report["failures"] == {str(locked): "E104 input file could not be read: Permission denied"}, how
        assert report["written"] == 2
        record = json.loads((work / "out" / "locked.json").read_text(encoding="utf-8"))
        assert record["error"].startswith("E104") and record["text"] == ""
        assert json.loads((work / "out" / "ok.json").read_text(encoding="utf-8")).get("error") is None


def test_a_file_the_process_may_not_read_gets_e104(tmp_path, monkeypatch):
    import builtins

    from pipeline.sources import load
    path = tmp_path / "locked.txt"
    path.write_text("关于开展工作的通知", encoding="utf-8")
    real_open = builtins.open

    def refusing(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)
    assert load(str(path)).error == "E104 input file could not be read: Permission denied"


_PREPARED: dict[str, int | None] = {"pid": None}


def _prepare() -> None:
    _PREPARED["pid"] = os.getpid()


def _prepared_in(item: int) -> tuple[int | None, int]:
    return _PREPARED["pid"], os.getpid()


def test_a_prepare_step_runs_once_in_the_parent_before_the_workers_fork(monkeypatch):
    monkeypatch.setitem(_PREPARED, "pid", None)
    calls: list[int] = []

    def prepare():
        calls.append(1)
        _prepare()

    out = dict(Workers(_prepared_in, lambda item, reason: None, 2, prepare=prepare).map(range(4)))
    assert calls == [1] and sorted(out) == [0, 1, 2, 3]
    assert all(prepared == os.getpid() and worker != os.getpid() for prepared, worker in out.values())


def test_no_prepare_step_runs_where_there_is_nothing_to_do():
    calls: list[int] = []
    assert list(Workers(_prepared_in, lambda item, reason: None, 2, prepare=lambda: calls.append(1)).map([])) == []
    assert calls == []


def _marked(folder: str, item: int) -> Path:
    return Path(folder) / f"started-{item}"


def _start(job: tuple[str, int]) -> int:
    folder, item = job
    if item == 3:
        raise ValueError("cannot read this one ahead")
    if item == 5:
        time.sleep(300)                      # still reading when preparing ends: stopped, done whole
    _marked(folder, item).touch()
    return item * 10


def _finish(job: tuple[str, int], started: int) -> tuple[str, int]:
    return "finished", started


def _whole(job: tuple[str, int]) -> tuple[str, int]:
    return "whole", job[1] * 10


def test_items_read_ahead_while_preparing_are_finished_by_the_workers_the_rest_done_whole(tmp_path):
    from pipeline.workers import Ahead

    def prepare():                           # long enough for the early process to read items 0-2
        for _ in range(600):
            if all(_marked(str(tmp_path), i).exists() for i in (0, 1, 2, 4)):
                return
            time.sleep(0.1)

    jobs = [(str(tmp_path), i) for i in range(8)]
    pool = Workers(_whole, lambda job, reason: ("failed", reason), 2, prepare=prepare, ahead=Ahead(_start, _finish))
    out = {job[1]: result for job, result in pool.map(jobs)}
    assert sorted(out) == list(range(8)) and all(out[i][1] == i * 10 for i in out)
    assert sorted(i for i in out if out[i][0] == "finished") == [0, 1, 2, 4]   # 3 failed ahead, 5 was stopped


def _start_big(job: tuple[str, int]) -> bytes:
    folder, item = job
    _marked(folder, item).touch()
    return b"x" * (200_000_000 if item == 1 else 10)     # item 1: still being sent when preparing ends


def _finish_big(job: tuple[str, int], started: bytes) -> tuple[str, int]:
    return "finished", len(started)


def test_a_result_cut_off_when_reading_ahead_stops_holds_nothing_up_and_is_not_lost(tmp_path):
    from pipeline.workers import Ahead

    def prepare():
        for _ in range(600):
            if _marked(str(tmp_path), 1).exists():
                return
            time.sleep(0.01)

    jobs = [(str(tmp_path), i) for i in range(4)]
    pool = Workers(_whole, lambda job, reason: ("failed", reason), 2, prepare=prepare,
                   ahead=Ahead(_start_big, _finish_big))
    out = {job[1]: result for job, result in pool.map(jobs)}
    assert sorted(out) == [0, 1, 2, 3] and out[0] == ("finished", 10) and out[3] == ("whole", 30)
    assert out[1] in (("whole", 10), ("finished", 200_000_000))
