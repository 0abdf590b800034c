"""Start-up of the command line: wall time (median of several runs) of commands that do little work.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--store kg.db] [--command policykg]

Without --store, a small store is ingested first (three documents of corpora/raw) in a temporary folder;
then all of corpora/ is ingested once and the no-op re-ingest of it is timed.
By default the commands run as `python -m pipeline` from this checkout; --command times an installed
script instead. Prints figures; never run as a test.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ["zs-2024-reply-133089.txt", "zs-2025-wenwaimao-measures.txt", "jiangmen-manufacturing-measures.txt"]


def wall(cmd: list[str], env: dict, cwd: Path, runs: int) -> tuple[float, int]:
    """Median wall seconds of `runs` runs (after one warm-up run) and the exit code of the last."""
    times, code = [], 0
    for i in range(runs + 1):
        started = time.perf_counter()
        code = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        if i:
            times.append(time.perf_counter() - started)
    return statistics.median(times), code


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7, help="timed runs per command (after one warm-up)")
    ap.add_argument("--store", type=Path, help="an existing store (default: a small one made here)")
    ap.add_argument("--command", help="an installed policykg script (default: python -m pipeline from here)")
    args = ap.parse_args()

    base = [args.command] if args.command else [sys.executable, "-m", "pipeline"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)} if not args.command else dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or Path(tmp) / "kg.db"
        if not args.store:
            docs = [str(ROOT / "corpora" / "raw" / name) for name in SMALL]
            subprocess.run([*base, "ingest", *docs, "--store", str(store), "--workers", "1", "-q"], env=env,
                           cwd=tmp, stdout=subprocess.DEVNULL, check=True)
        print(f"{' '.join(base)}  ({args.runs} runs each, median wall time; store {store})")
        for label, extra in (("policykg --help", ["--help"]),
                             ("policykg --version", ["--version"]),
                             ("policykg query caps", ["query", "caps", "--store", str(store)]),
                             ("policykg query agency (alias)", ["query", "agency", "市工信局", "--store", str(store)]),
                             ("policykg stats", ["stats", "--store", str(store)])):
            seconds, code = wall([*base, *extra], env, Path(tmp), args.runs)
            print(f"{label:32s} {seconds:6.3f} s   exit {code}")
        corpus = Path(tmp) / "corpus.db"
        sys.path.insert(0, str(ROOT))
        from pipeline.batch import walk_inputs
        files = sum(1 for _ in walk_inputs([ROOT / "corpora"]))
        subprocess.run([*base, "ingest", str(ROOT / "corpora"), "--store", str(corpus), "-q"], env=env, cwd=tmp,
                       stdout=subprocess.DEVNULL, check=False)
        seconds, code = wall([*base, "ingest", str(ROOT / "corpora"), "--store", str(corpus), "-q"], env,
                             Path(tmp), args.runs)
        print(f"{'no-op re-ingest of corpora/':32s} {seconds:6.3f} s   exit {code}   ({files} documents, all unchanged)")
        seconds, code = wall([*base, "query", "caps", "--min", "1000000", "--store", str(corpus)], env, Path(tmp),
                             args.runs)
        print(f"{'query caps --min on corpora/':32s} {seconds:6.3f} s   exit {code}")


if __name__ == "__main__":
    main()
