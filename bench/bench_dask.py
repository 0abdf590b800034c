"""Extraction on a local Dask cluster: 2 workers beside 1, and the records beside a single-process run.

    python bench/bench_dask.py [--docs 2000] [--runs 1]

The documents are bench_extract_text.py's (corpora/real/raw/*.txt and corpora/raw/*.txt cycled to
--docs files, each copy with its own bytes). In one run it prints:
- the extraction on a LocalCluster of 1 and of 2 worker processes, timed from the moment the cluster
  is up and every worker has loaded the pipeline to the last record written (best of --runs, each into
  a new folder: nothing is read from earlier shards), the load before it and the CPU time the machine's
  other processes took meanwhile (on a shared machine they, more than the code, move the figures), and
  the speed-up;
- the whole command, `policykg extract DIR --dask-workers N -q`, start-up of the cluster included;
- whether every record file of each cluster run is byte-identical to `policykg extract DIR --workers 1`.

Measured on this machine (2 cores shared with three other jobs; load 2.0 at the start, 3.7 at the end),
2,000 documents, 1,364,858 characters: single process 23.99 s; once warmed up, 1 worker 23.07 s
(86.7 docs/s), 2 workers 12.84 s (155.7 docs/s), 1.80x; the whole command 25.95 s and 28.61 s (the
other jobs' load had risen); every record file byte-identical to the single-process run. With 600
documents at load 2.3-3.4: 5.86 s and 4.86 s (1.20x).
After issue 16 (a document's extraction a third cheaper; the local cluster without the workers' profiler,
its event loops watched every 500 ms), at load 1.5-1.9, best of 2: single process 13.92 s; 1 worker
13.23 s, 2 workers 8.19 s, 1.62x; the whole command 14.58 s and 9.39 s; records byte-identical. The commit
before it, in the same hour (load 0.8-1.7): 20.85 s; 21.39 s and 12.57 s, 1.70x; 23.37 s and 14.80 s. The
client's part (each record read from its shard, encoded with indent and written: about 1 ms a document)
and Dask's own work do not shrink with the extraction, so 2 workers gain less over 1 than before.
Since the workers write the record files and a task's documents go to a worker's extracting process as one
batch (pipeline/sequential.py), best of 3 in three runs, each beside a run of the commit before, all
started when the machine was quiet (its other processes took at most 0.2 s of CPU during any phase; the
load, 1.1-1.4 before the phases, is mostly the benchmark's own): 1 worker 14.84 / 14.19 / 14.33 s,
2 workers 7.81 / 7.68 / 7.66 s, 1.90x / 1.85x / 1.87x; the whole command 1.82x / 1.78x / 1.78x; records
byte-identical. The commit before: 13.05 / 12.66 / 13.18 s and 7.75 / 7.81 / 7.76 s, 1.68x / 1.62x /
1.70x; the whole command 1.50x / 1.45x / 1.45x. Three runs in the hour before: 1.83x / 1.83x / 1.84x
(1 worker 13.18-14.85 s, 2 workers 7.20-8.06 s; the commit before once in between, 1.56x). Two workers
take about the time they took; one is slower, as it now writes its records itself (about 0.4 ms a
document of JSON and file work), which the client did before on the machine's other core. What keeps
2 workers under 2x: each extracting process has caches of its own, and these documents repeat (the same
300 took 2.1, 1.9 and 1.8 s of CPU in turn in one process), so two processes take 0.75 s more CPU between
them than one; then Dask and the client, about 0.55 s of CPU in all.
After the merge, six runs on another day (best of 3 each; load 0.2-1.7, three helper sessions searching
beside them, other processes 0.1-0.7 s of CPU during a phase): 1.69x, 2.12x, 1.72x, 1.89x, 1.77x, 1.96x
(1 worker 13.9-16.4 s, 2 workers 7.7-8.4 s); the whole command 1.63-1.75x; records byte-identical. Over
the twelve runs the median is 1.85x, nine of twelve at 1.8x or more.
"""
from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_extract_text import build  # noqa: E402


def record_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.json"))


def identical(a: Path, b: Path) -> bool:
    """Every record file (and the batch report) of `a` is in `b` with the same bytes, and no other."""
    names = record_files(a)
    if names != record_files(b):
        return False
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def busy_seconds() -> float:
    """CPU seconds every process on the machine has used since it started (/proc/stat; 0 where there is none)."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            ticks = [int(x) for x in f.readline().split()[1:9]]
    except OSError:
        return 0.0
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")       # all but idle and iowait


def own_seconds() -> float:
    """CPU seconds of this process and the processes under it (the cluster's)."""
    import psutil
    me = psutil.Process()
    return sum(sum(p.cpu_times()[:2]) for p in [me, *me.children(recursive=True)])


def phase(workers: int, docs: Path, out: Path) -> tuple[float, float]:
    """Seconds to extract `docs` on a LocalCluster of `workers`, warmed up, to `out`, and the CPU seconds
    other processes of the machine took meanwhile."""
    from pipeline.batch import extract_to_dir
    from pipeline.cluster import Cluster
    with Cluster(workers=workers) as cluster:
        cluster.warm_up()
        busy, own, t = busy_seconds(), own_seconds(), time.perf_counter()
        extract_to_dir([docs], out, cluster=cluster)
        seconds = time.perf_counter() - t
        return seconds, max(0.0, busy_seconds() - busy - (own_seconds() - own))


def command(args: list[str], env: dict) -> float:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pipeline", *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    if done.returncode not in (0, 1):
        sys.exit(f"policykg {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=1)
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = tmp / "docs"
        docs.mkdir()
        chars = build(docs, a.docs)
        print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {a.docs} documents, {chars:,} characters")
        single = tmp / "single"
        t_single = command(["extract", str(docs), "--out", str(single), "-q", "--workers", "1"], env)
        print(f"single process (--workers 1), whole command: {t_single:7.2f} s")
        best: dict[int, tuple[float, float, float]] = {}
        same: dict[str, bool] = {}
        for run in range(a.runs):
            for n in (1, 2):
                out = tmp / f"phase-{n}-{run}"
                load = os.getloadavg()[0]
                best[n] = min(best.get(n, (float("inf"), 0, 0)), (*phase(n, docs, out), load))
                same[f"phase {n} worker(s), run {run + 1}"] = identical(single, out)
        print(f"LocalCluster, extraction once warmed up (best of {a.runs}):")
        for n, (s, others, load) in best.items():
            print(f"  {n} worker(s) {s:7.2f} s  {a.docs / s:7.1f} docs/s  {chars / s:10,.0f} chars/s"
                  f"  (load {load:.2f} before; other processes took {others:.1f} s CPU meanwhile)")
        print(f"  speed-up 2 workers / 1 worker: {best[1][0] / best[2][0]:.2f}x")
        whole = {}
        for n in (1, 2):
            out = tmp / f"command-{n}"
            whole[n] = command(["extract", str(docs), "--out", str(out), "-q", "--dask-workers", str(n)], env)
            same[f"command --dask-workers {n}"] = identical(single, out)
        print("whole command, `policykg extract --dask-workers N` (cluster start-up and loading included):")
        for n, s in whole.items():
            print(f"  {n} worker(s) {s:7.2f} s")
        print(f"  speed-up 2 workers / 1 worker: {whole[1] / whole[2]:.2f}x")
        print("records byte-identical to the single-process run: "
              + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in same.items()))
        print(f"load at the end {os.getloadavg()[0]:.2f}")
        return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
