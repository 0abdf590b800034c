"""Items worked through in order by one kept process, each under the time and memory limits, their lines
appended to a file: one message a batch between this process and that one, not one an item.

pipeline.workers.Workers sends each item to its processes and wakes for each result (a few tenths of a
millisecond of this process's time an item, and as many interruptions of the process working). A Dask
task (pipeline/cluster.py) needs neither: its documents go as one batch to a process forked once from the
worker (the pipeline loaded), which appends each document's line to the task's file as it is done, tells
only the errors, and says when the batch is done. Each item's work runs under an interval timer whose
signal ends the process (E120, even in code that never returns to Python); the memory limit is the
process's, as in pipeline.workers. When the process ends before the batch does, the lines it wrote whole
tell which item it held: past the time limit, that item gets E120; else it is tried again alone
(pipeline.workers, as on one machine: E122 where it fails there too); a new process takes the rest.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from contextlib import suppress
from pathlib import Path
from typing import Any, Callable

from . import errors
from .workers import Limits, Workers, start_worker

Line = tuple[str, "str | None"]              # an item's line of the file, and its error (None: none)
# one process forked at a time (each thread of a Dask worker keeps one): a process forked while another
# one's end of its pipe is still open here would keep a copy of it, and that one's end would go unseen
_forking = threading.Lock()


class Sequential:
    """`work(item)` for lists of items, one after the other in a kept process forked from this one, each
    under `limits`; `emit(item, result) -> Line` puts a result out (in that process), `failed(item, reason)`
    is the result of an item whose process ended, `prepare` runs here before the first fork. `stop()` ends
    the process."""

    def __init__(self, work: Callable[[Any], Any], emit: Callable[[Any, Any], Line],
                 failed: Callable[[Any, str], Any], limits: Limits = Limits(),
                 prepare: Callable[[], None] | None = None):
        self.work, self.emit, self.failed, self.limits, self.prepare = work, emit, failed, limits, prepare
        self.process = self.conn = None

    def run(self, items: list, out: Path) -> dict:
        """Each item's line appended to the file `out`, in item order; {item: error} of those that failed."""
        failures: dict = {}
        done = 0
        while done < len(items):
            start = out.stat().st_size
            ended = self._batch(items[done:], str(out), failures)
            if ended is None:
                break
            done += _whole_lines(out, start)
            item = items[done]
            if ended == -signal.SIGALRM:
                result = self.failed(item, f"{errors.E_TIMEOUT}: {self.limits.seconds:g} s")
            else:
                ((_, result),) = Workers(self.work, self.failed, 1, self.limits).map([item])
            line, error = self.emit(item, result)
            _append(out, line)
            failures.pop(item, None)
            if error:
                failures[item] = error
            done += 1
        return failures

    def _batch(self, items: list, out: str, failures: dict) -> int | None:
        """The items to the process (forked now where there is none): None once it has done them all, or
        its exit code where it ended first. The errors it tells go into `failures`."""
        if self.process is None:
            self._start()
        try:
            self.conn.send((items, out))
            while (told := self.conn.recv()) is not None:
                failures[told[0]] = told[1]
            return None
        except (EOFError, OSError):
            self.process.join()
            ended, self.process = self.process.exitcode, None
            self.conn.close()
            return ended

    def _start(self) -> None:
        if self.prepare is not None:
            self.prepare()
            self.prepare = None
        context = multiprocessing.get_context("fork")
        with _forking:
            self.conn, theirs = context.Pipe()
            self.process = context.Process(target=_serve, daemon=True, args=(
                theirs, self.conn, self.work, self.emit, self.failed, self.limits, os.getpid()))
            self.process.start()
            theirs.close()

    def stop(self) -> None:
        """Ends the process: when told, or killed where it has not ended within 5 s."""
        if self.process is not None:
            with suppress(OSError):
                self.conn.send(None)
            self.conn.close()
            self.process.join(5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            self.process = None


def _serve(conn, parents, work: Callable, emit: Callable, failed: Callable, limits: Limits, parent: int) -> None:
    """The kept process: batches of items until told to stop (None) or its input ends."""
    parents.close()
    start_worker(limits.memory_mb, parent)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)          # the timer's signal ends this process
    while True:
        try:
            batch = conn.recv()
        except EOFError:
            return
        if batch is None:
            return
        items, out = batch
        fd = os.open(out, os.O_WRONLY | os.O_APPEND)
        try:
            for item in items:
                signal.setitimer(signal.ITIMER_REAL, limits.seconds)
                try:
                    result = work(item)
                except Exception as exc:  # noqa: BLE001 - as in pipeline.workers: the item fails, not the batch
                    result = failed(item, f"{errors.E_WORKER}: {type(exc).__name__}: {exc}")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                line, error = emit(item, result)
                if error:
                    conn.send((item, error))          # before its line: an error told is never missed
                _write(fd, line)
        finally:
            os.close(fd)
        conn.send(None)


def _write(fd: int, line: str) -> None:
    data = (line + "\n").encode("utf-8", "surrogateescape")
    while data:
        data = data[os.write(fd, data):]


def _append(out: Path, line: str) -> None:
    fd = os.open(out, os.O_WRONLY | os.O_APPEND)
    try:
        _write(fd, line)
    finally:
        os.close(fd)


def _whole_lines(out: Path, start: int) -> int:
    """The lines written whole into `out` after byte `start`; a line cut short (its process ended while
    writing it) is cut off."""
    with open(out, "rb+") as f:
        f.seek(start)
        written = f.read()
        f.truncate(start + written.rfind(b"\n") + 1)
    return written.count(b"\n")
