"""One writer per store: an advisory lock on `<store>.lock`, held for a whole ingest run (linking included);
on PostgreSQL a session advisory lock (pg_advisory_lock) on the store's database and schema, on a connection
of its own.

The operating system drops the lock when its process dies (the server, when its session ends), so a killed
run never leaves the store locked.
"""
from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class StoreBusy(RuntimeError):
    """Another process is writing to the store and we were not to wait (long enough) for it."""


def lock_path(store: str | Path) -> Path:
    return Path(str(store) + ".lock")


@contextmanager
def store_lock(store: str | Path, wait: float | None = None,
               waiting: Callable[[], None] | None = None, poll: float = 0.2) -> Iterator[None]:
    """Holds the store's write lock; waits up to `wait` seconds for it (None: as long as it takes, 0: not at
    all), calling `waiting()` once if it has to; raises StoreBusy when the time is up."""
    from .backend import is_server
    if is_server(store):
        with _server_lock(str(store), wait, waiting, poll):
            yield
        return
    path = lock_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _poll(lambda: _try_flock(fd), wait, waiting, poll,
              f"{store} is being written by another policykg run (lock {path}); try again when it has finished")
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)            # closing the descriptor releases the lock


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _poll(take: Callable[[], bool], wait: float | None, waiting: Callable[[], None] | None, poll: float,
          busy: str) -> None:
    """Tries `take` until it succeeds, up to `wait` seconds (None: as long as it takes), calling `waiting()`
    once if it has to wait; raises StoreBusy(busy) when the time is up."""
    deadline = None if wait is None else time.monotonic() + wait
    told = False
    while not take():
        if deadline is not None and time.monotonic() >= deadline:
            raise StoreBusy(busy)
        if waiting and not told:
            waiting()
            told = True
        time.sleep(poll)


@contextmanager
def _server_lock(url: str, wait: float | None, waiting: Callable[[], None] | None, poll: float) -> Iterator[None]:
    """store_lock on PostgreSQL: pg_try_advisory_lock polled as flock is, released when its session closes."""
    from .backend import PgConnection, shown
    conn = PgConnection(url)
    try:
        key = conn.lock_key("run")
        _poll(lambda: conn.execute("SELECT pg_try_advisory_lock(?)", (key,)).fetchone()[0], wait, waiting, poll,
              f"{shown(url)} is being written by another policykg run; try again when it has finished")
        yield
    finally:
        conn.close()            # ending the session releases the lock
