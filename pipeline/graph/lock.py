"""One writer per store: an advisory lock on `<store>.lock`, held for a whole ingest run (linking included).

The operating system drops the lock when its process dies, so a killed run never leaves the store locked.
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
    path = lock_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    raise StoreBusy(f"{store} is being written by another policykg run "
                                    f"(lock {path}); try again when it has finished") from None
                if waiting and not told:
                    waiting()
                    told = True
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)            # closing the descriptor releases the lock
