"""An extractor that misbehaves on cue, by the file's stem: `die` kills its process, `slow` sleeps 30 s,
`big` takes 400 MB (E121 where the memory limit refuses it), `raise` raises; any other gives {"id": stem}.

Shared by the tests of the process pools (tests/test_batch.py, tests/test_sequential.py).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from pipeline.errors import E_MEMORY


def fake_extract(path: str) -> dict:
    name = Path(path).stem
    if name == "die":
        os._exit(9)
    if name == "slow":
        time.sleep(30)
    if name == "raise":
        raise ValueError("no record")
    if name == "big":
        try:
            _ = bytearray(400 * 1024 * 1024)
        except MemoryError:
            return {"id": name, "error": E_MEMORY}
    return {"id": name}
