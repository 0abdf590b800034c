"""The command line run as a process that file permissions bind, for the tests of unreadable files and
folders (issue 11), which root would read anyway.

Not root: the process as it is. Root: root without the two capabilities that override permissions
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), else the user nobody, each through `setpriv` and each tried on
a probe first (it must import the package and be refused a file of mode 000). Where none works the test
skips and says why; under CI=true it fails instead, since there it must run.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
WAYS = (
    ("root without the capabilities that override file permissions",
     ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
      "--bounding-set=-dac_override,-dac_read_search", "--"]),
    ("the user nobody", ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]),
)
_PROBE = ("import sys, pipeline\n"
          "try:\n    open(sys.argv[1]).close()\nexcept PermissionError:\n    sys.exit(0)\nsys.exit(3)\n")


def _env(home: Path) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "HOME": str(home)}


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    """A folder every user may enter and write (the user nobody cannot enter pytest's own); its contents
    made removable again afterwards."""
    path = Path(tempfile.mkdtemp(prefix="policykg-perm-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        for p in [path, *path.rglob("*")]:
            with contextlib.suppress(OSError):
                if not p.is_symlink():
                    p.chmod(0o777 if p.is_dir() else 0o666)
        shutil.rmtree(path, ignore_errors=True)


@cache
def _way() -> tuple[list[str], str] | str:
    """(command prefix, what it runs as), or why there is none."""
    if os.geteuid() != 0:
        return [], "this user"
    if shutil.which("setpriv") is None:
        return "running as root, and setpriv (util-linux) is not installed"
    tried = []
    with workspace() as probe:
        locked = probe / "locked.txt"
        locked.write_text("x")
        locked.chmod(0)
        for how, prefix in WAYS:
            try:
                done = subprocess.run(prefix + [sys.executable, "-c", _PROBE, str(locked)], env=_env(probe),
                                      cwd=probe, capture_output=True, text=True, timeout=120)
            except (OSError, subprocess.TimeoutExpired) as exc:
                tried.append(f"{how}: {exc}")
                continue
            if done.returncode == 0:
                return prefix, how
            reason = "reads a file of mode 000" if done.returncode == 3 else \
                (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            tried.append(f"{how}: {reason}")
    return "running as root, and no process held to file permissions could be had (" + "; ".join(tried) + ")"


def run_cli(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, str]:
    """`python -m pipeline *args` in a process file permissions bind, and what it ran as; skips the test
    where there is none (fails it under CI=true)."""
    way = _way()
    if isinstance(way, str):
        if os.environ.get("CI") == "true":
            pytest.fail(f"unreadable-file test cannot run: {way}")
        pytest.skip(way)
    prefix, how = way
    done = subprocess.run(prefix + [sys.executable, "-m", "pipeline", *args], env=_env(cwd), cwd=cwd,
                          capture_output=True, text=True, timeout=600)
    return done, how
