"""Run a parser in a worker process with a memory limit (RLIMIT_AS) and a timeout enforced by the parent.

A PDF, DOCX or web page that hangs the parser or eats memory must cost one record (E120/E121), not the batch.
A plain Process per file (not a Pool), started from a forkserver that has already imported
the parsers, so a worker costs a fork, not a fresh interpreter.
"""
from __future__ import annotations

import multiprocessing as mp
import resource
import traceback
from typing import Any, Callable

from pipeline import errors
from pipeline.errors import PolicyKGError

# imported once in the forkserver, not per file
PRELOAD = ["pipeline.sources.pdf", "pdfplumber", "pipeline.sources.docx", "pipeline.sources.html"]
_CTX = None


def _context():
    global _CTX
    if _CTX is None:
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
        _CTX = mp.get_context(method)
        if method == "forkserver":
            _CTX.set_forkserver_preload(PRELOAD)
    return _CTX


def _child(conn, func: Callable, args: tuple, memory_mb: int) -> None:
    try:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        conn.send(("ok", func(*args)))
    except MemoryError:
        conn.send(("error", errors.E_MEMORY))
    except PolicyKGError as e:
        conn.send(("error", str(e)))
    except BaseException as e:  # noqa: BLE001 - anything else is reported as a worker failure
        conn.send(("error", f"{errors.E_WORKER}: {type(e).__name__}: {e}"[:500]))
        traceback.print_exc()
    finally:
        conn.close()


def run_isolated(func: Callable, args: tuple = (), *, timeout: float = 60, memory_mb: int = 2048) -> Any:
    """func(*args) in a worker process; raises PolicyKGError E120 (time), E121 (memory), E122 (crash)."""
    ctx = _context()
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, func, args, memory_mb), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout):
            raise PolicyKGError(errors.E_TIMEOUT, f"{timeout:g} s")
        try:
            status, value = recv.recv()
        except (EOFError, OSError):
            proc.join(5)
            raise PolicyKGError(errors.E_WORKER, f"exit code {proc.exitcode}") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        recv.close()
    if status == "ok":
        return value
    raise PolicyKGError(value)
