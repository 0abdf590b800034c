"""Timing whole processes for the benchmarks that compare policykg with another tool side by side."""
from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path


def best(cmd: list[str], env: dict, runs: int, cwd: Path | None = None,
         ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of the process and its children) of the fastest of `runs` runs of a
    command whose exit code must be one of `ok` (else the benchmark stops with its error output)."""
    out = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t
        if done.returncode not in ok:
            sys.exit(f"{cmd[:3]} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.append((wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
    return min(out)
