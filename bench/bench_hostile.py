"""Hostile inputs at full size: wall time and peak memory of each, through the whole pipeline (issue 11).

    .venv/bin/python bench/bench_hostile.py [--quick] [--only LABEL]

Each input is written to a temporary folder and extracted as `policykg extract` does it: in a worker under
the per-document limits (120 s, 2 GiB beyond the worker's start). Prints, per input, the wall time and
the worker's CPU time beside the time limit (on a shared machine the wall time is the CPU time plus the
waiting), the worker's peak resident memory beside the memory limit (as the growth past what the worker
held when it started, which is what the limit counts, and as the whole peak), and the outcome: the
record's error code, or what was tagged. A worker killed at a limit cannot report: its peak is the last
one polled from /proc and its CPU time is not known (-). Prints figures; never run as a test.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import _extract_one, extract_records  # noqa: E402
from pipeline.workers import Limits  # noqa: E402
from tests import hostile  # noqa: E402

MIB = 1024 * 1024


def inputs(quick: bool) -> dict[str, tuple[str, bytes]]:
    scale = 10 if quick else 1
    agencies, _ = hostile.agency_text(5_000_000 // scale)
    numbers, _ = hostile.numbers_text(100_000 // scale)
    return {
        "5 MB of agency names": ("agencies.txt", agencies.encode()),
        "100k numbers": ("numbers.txt", numbers.encode()),
        "DOCX zip bomb (100 MB inside)": ("bomb.docx", hostile.zip_bomb_docx(100)),
        "DOCX billion laughs": ("laughs.docx", hostile.billion_laughs_docx()),
        "HTML nested 20,000 deep": ("deep.html", hostile.deep_html(20_000, inner="<a>链接</a>文字").encode()),
        "10 MB single line": ("line.txt", b"a" * (10_000_000 // scale)),
        "control characters": ("control.txt", hostile.control_text().encode("utf-8", "surrogatepass")),
    }


def _status(pid: int, *fields: str) -> dict[str, int]:
    """Fields of /proc/<pid>/status in bytes (VmHWM: peak resident memory; VmRSS: resident now)."""
    out: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                name = line.split(":", 1)[0]
                if name in fields:
                    out[name] = int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return out


def measured(path: str) -> dict:
    """The worker's job: the record, and the worker's resident memory at the start and at its peak."""
    start = _status(os.getpid(), "VmRSS").get("VmRSS", 0)
    before = resource.getrusage(resource.RUSAGE_SELF)
    record = _extract_one(path)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    record["_bench"] = {"start": start, "peak": usage.ru_maxrss * 1024,
                        "cpu": usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime}
    return record


class PeakWatcher:
    """Polls the peak resident memory of this process's children (the workers), for a worker killed past a
    limit, which cannot report its own."""

    def __init__(self, every: float = 0.05):
        self.every, self.peaks, self.starts = every, {}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self):
        import psutil
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                got = _status(child.pid, "VmHWM", "VmRSS")
                if "VmHWM" in got:
                    self.starts.setdefault(child.pid, got["VmRSS"])
                    self.peaks[child.pid] = max(self.peaks.get(child.pid, 0), got["VmHWM"])
            self._stop.wait(self.every)

    def peak(self) -> tuple[int, int]:
        """(start, peak) of the child with the highest peak seen."""
        if not self.peaks:
            return 0, 0
        pid = max(self.peaks, key=self.peaks.__getitem__)
        return self.starts[pid], self.peaks[pid]


def outcome(record: dict) -> str:
    if record.get("error"):
        return record["error"]
    entities = record["entities"]
    return (f"record: {len(record['text']):,} chars, {sum(e['label'] == 'AGENCY' for e in entities):,} agencies, "
            f"{sum(e['label'] == 'MONEY' for e in entities):,} amounts")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    ap.add_argument("--only", help="run only the inputs whose label contains this")
    args = ap.parse_args()
    limits = Limits()
    print(f"limits: {limits.seconds:g} s and {limits.memory_mb} MiB beyond the worker's start, per document")
    print(f"{'input':30} {'seconds':>7} {'cpu':>5} {'limit':>5}  {'MiB grown':>9} {'limit':>5} {'peak RSS':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, data) in inputs(args.quick).items():
            if args.only and args.only not in label:
                continue
            path = Path(tmp) / name
            path.write_bytes(data)
            with PeakWatcher() as watcher:
                started = time.perf_counter()
                [(_, record)] = list(extract_records([path], workers=1, extract_fn=measured, limits=limits))
                took = time.perf_counter() - started
            measured_ = record.get("_bench")
            start, peak = (measured_["start"], measured_["peak"]) if measured_ else watcher.peak()
            cpu = f"{measured_['cpu']:5.1f}" if measured_ else "    -"
            print(f"{label:30} {took:7.1f} {cpu} {limits.seconds:5g}  {(peak - start) / MIB:9.0f} "
                  f"{limits.memory_mb:5d} {peak / MIB:8.0f}  {outcome(record)[:100]}", flush=True)


if __name__ == "__main__":
    main()
