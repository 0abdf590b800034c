"""Documents processed in worker processes, each under one time and memory limit.

A document that runs past the time limit, goes past the memory limit or kills its worker costs only its
own result (E120, E121, E122); the batch goes on. Workers die with their parent and leave Ctrl-C and
SIGTERM to it. Used by `extract` batches and by `ingest`.

Workers are forked, and where the caller gives a `prepare` step (loading the tagging pipeline) the parent
runs it once before the first fork: every worker starts with it loaded, instead of each loading it anew
(bench/bench_pdf_speed.py: two workers each loading spaCy and jieba cost twice the CPU time). Where the
caller also gives an `Ahead` (reading a file needs nothing `prepare` loads), one process forked before
`prepare` reads the first items meanwhile, on the core `prepare` leaves idle; the workers finish those.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, Callable, Generic, Hashable, Iterable, Iterator, TypeVar

from . import errors

Item = TypeVar("Item", bound=Hashable)
Result = TypeVar("Result")
WINDOW_PER_WORKER = 4       # items in flight per worker: enough to keep workers busy, memory bounded
AHEAD_ITEMS = 2048          # items offered to the process that reads ahead while `prepare` runs (it stops
                            # when `prepare` is done: of large or slow files it will have read few)
_PR_SET_PDEATHSIG = 1       # prctl option: the signal a process gets when its parent dies


@dataclass(frozen=True)
class Limits:
    """What one document may take: wall-clock seconds, and memory in MiB beyond what its worker held when
    it started (a worker forked from a large process inherits that process's address space)."""
    seconds: float = 120.0
    memory_mb: int = 2048


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def start_worker(memory_mb: int, parent: int) -> None:
    """Worker start-up: die with the parent (Linux), leave signals to it, cap the address space at what
    it holds now plus the per-document allowance."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):        # not Linux: workers still end with the pool
        pass
    if os.getppid() != parent:               # the parent died before the line above took effect
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory_mb:
        limit = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@dataclass(frozen=True)
class Ahead:
    """The work split in two: `start(item)` needs nothing `prepare` loads (reading a file), and
    `finish(item, started)` does the rest with it (cleaning and tagging what was read)."""
    start: Callable[[Any], Any]
    finish: Callable[[Any, Any], Any]


class Workers(Generic[Item, Result]):
    """`work(item)` for many items in a process pool, results as they finish, every item answered.

    When nothing finishes within the time limit, every running item has run past it: the pool is
    stopped and each item it held is tried again alone, under the same limits, so that only the items
    that fail again alone fail (`failed(item, reason)` makes their result).
    """

    def __init__(self, work: Callable[[Item], Result], failed: Callable[[Item, str], Result], workers: int,
                 limits: Limits = Limits(), prepare: Callable[[], None] | None = None, ahead: Ahead | None = None,
                 keep: bool = False):
        self.work, self.failed, self.workers, self.limits = work, failed, max(1, workers), limits
        self.keep = keep                 # the workers stay for the next `map` (stop() ends them)
        # run in this process before the first worker is forked (never where workers start afresh)
        self.prepare = prepare if multiprocessing.get_start_method() == "fork" else None
        self.ahead = ahead
        self.pool = self._pool(self.workers)
        self.pending: dict[Future, Item] = {}

    def _pool(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, initializer=start_worker,
                                   initargs=(self.limits.memory_mb, os.getpid()))

    def map(self, items: Iterable[Item]) -> Iterator[tuple[Item, Result]]:
        """(item, result) for every item, in the order they finish."""
        clean = False
        items = iter(items)
        try:
            started: list[tuple[Item, Any]] = []
            if self.prepare is not None:
                first = list(islice(items, 1))          # nothing to do: nothing to prepare
                if first:
                    started, items = self._prepare(chain(first, items))
            for item, part in chain(started, ((item, _WHOLE) for item in items)):
                yield from self._submit(item, part)
                if len(self.pending) >= self.workers * WINDOW_PER_WORKER:
                    yield from self._finished(FIRST_COMPLETED)
            while self.pending:
                yield from self._finished(FIRST_COMPLETED)
            clean = True
        finally:
            if not (clean and self.keep):
                self.stop(wait_for_running=clean)

    def _prepare(self, items: Iterator[Item]) -> tuple[list[tuple[Item, Any]], Iterator[Item]]:
        """Runs `prepare` here, before any worker is forked. With `ahead`, one process forked before it
        starts the first items meanwhile and is stopped when it is done: (item, what start gave) for the
        items it finished, and the items to do whole (those it did not finish, or failed on, and the rest)."""
        prepare, self.prepare = self.prepare, None
        if self.ahead is None:
            prepare()
            return [], items
        first = list(islice(items, AHEAD_ITEMS))
        early = _Early(self.ahead.start, first, self.limits.memory_mb)
        try:
            prepare()
        finally:
            started = early.stop()
        return ([(item, started[k]) for k, item in enumerate(first) if k in started],
                chain((item for k, item in enumerate(first) if k not in started), items))

    def _submit(self, item: Item, part: Any) -> Iterator[tuple[Item, Result]]:
        args = (self.work, item) if part is _WHOLE else (self.ahead.finish, item, part)
        try:
            self.pending[self.pool.submit(*args)] = item
        except BrokenProcessPool:
            yield from self._finished(FIRST_COMPLETED)
            self.pending[self.pool.submit(*args)] = item

    def _finished(self, return_when: str) -> Iterator[tuple[Item, Result]]:
        done, _ = wait(self.pending, timeout=self.limits.seconds, return_when=return_when)
        suspects: list[Item] = []
        if not done:                             # every running item is past the time limit
            suspects = list(self.pending.values())
        for future in done:
            item = self.pending.pop(future)
            try:
                yield item, future.result()
            except BrokenProcessPool:
                suspects.append(item)
            except Exception as exc:  # the worker could not return its result: this item failed
                yield item, self.failed(item, f"{errors.E_WORKER}: {type(exc).__name__}: {exc}")
        if suspects:
            suspects += [i for i in self.pending.values() if i not in suspects]
            self.pending.clear()
            self.stop(wait_for_running=False)
            for item in suspects:
                yield item, self._alone(item)
            self.pool = self._pool(self.workers)

    def _alone(self, item: Item) -> Result:
        """The item in a pool of its own: its result, or why it failed there too."""
        solo = self._pool(1)
        try:
            return solo.submit(self.work, item).result(timeout=self.limits.seconds)
        except FutureTimeout:
            return self.failed(item, f"{errors.E_TIMEOUT}: {self.limits.seconds:g} s")
        except BrokenProcessPool as exc:
            return self.failed(item, f"{errors.E_WORKER}: {type(exc).__name__}: {exc}")
        except Exception as exc:  # the worker could not return its result
            return self.failed(item, f"{errors.E_WORKER}: {type(exc).__name__}: {exc}")
        finally:
            _kill(solo)

    def stop(self, wait_for_running: bool = True) -> None:
        """Ends the pool; without waiting, its workers are killed (a stuck item, a terminated run)."""
        if not wait_for_running:
            _kill(self.pool)
        else:
            self.pool.shutdown(wait=True, cancel_futures=True)


_WHOLE = object()            # an item to work on from the start (none of it done ahead)


class _Early:
    """A process forked now that does `start` for `items` one after the other, under the memory limit
    workers have, sending each result back over a pipe that a thread here reads as it comes. `stop` kills
    it and keeps what came whole: a result cut off by the kill ends the pipe (its last writer is gone),
    so nothing waits for the rest of it, and no thread is left when the workers are forked."""

    def __init__(self, start: Callable[[Any], Any], items: list, memory_mb: int):
        ctx = multiprocessing.get_context("fork")
        reader, writer = ctx.Pipe(duplex=False)
        self.results: dict[int, Any] = {}
        self.process = ctx.Process(target=_start_early, args=(writer, start, items, memory_mb, os.getpid()),
                                   daemon=True)
        self.process.start()
        writer.close()
        self.thread = threading.Thread(target=self._read, args=(reader,), daemon=True)
        self.thread.start()

    def _read(self, reader) -> None:
        try:
            while True:
                k, ok, value = reader.recv()
                if ok:
                    self.results[k] = value
        except Exception:  # noqa: BLE001 - the pipe ended (EOFError) or broke: what came is kept
            pass
        finally:
            reader.close()

    def stop(self) -> dict[int, Any]:
        """{index of the item: what start gave} for the items finished; the process and thread ended."""
        self.process.kill()
        self.process.join()
        self.thread.join()
        return self.results


def _start_early(writer, start: Callable[[Any], Any], items: list, memory_mb: int, parent: int) -> None:
    start_worker(memory_mb, parent)
    for k, item in enumerate(items):
        try:
            writer.send((k, True, start(item)))        # pickled whole before a byte is written
        except (BrokenPipeError, EOFError):
            return
        except Exception:  # noqa: BLE001 - the item is done whole by a worker, which reports what fails
            writer.send((k, False, None))
    writer.close()


def _kill(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
