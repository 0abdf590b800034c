"""Records in shards: batches of documents chosen by content hash, each batch's records one JSONL file.

A distributed run (pipeline/cluster.py) splits its inputs into tasks; each task writes one shard,
whole or not at all (a temporary file renamed into place). A shard's name says which pipeline
version wrote it and digests which (path, content hash) pairs it holds, so a rerun finds the
records it already has by reading the finished shards of its folder, and gives the rest out again.
One line a document: {"path", "sha256", "record"}. Nothing here needs Dask.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from math import ceil
from pathlib import Path
from typing import Iterable, Iterator

SHARD_SUFFIX = ".jsonl"
MIN_TASK = 10             # documents in a task: enough that its start-up (a forked process) is small beside them
MAX_TASK = 200            # ...and few enough that a lost task costs little and the last ones end together
TASKS_PER_WORKER = 4      # tasks a worker has on average: the slower tasks even out, none sits idle at the end
MIN_TASKS = 32            # the plan stays the same on any cluster of up to 8 workers (a rerun finds its shards)


@dataclass(frozen=True, order=True)
class Item:
    """One input of a distributed run: its content hash (what orders and groups the work) and its path."""
    sha256: str
    path: str


def file_sha256(path: str | Path) -> str:
    """The sha256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def content_hash(path: str | Path) -> str:
    """The sha256 of a file's bytes ('' where it cannot be read: its record says why)."""
    try:
        return file_sha256(path)
    except OSError:
        return ""


def task_size(documents: int, workers: int) -> int:
    """Documents a task: about TASKS_PER_WORKER tasks a worker (at least MIN_TASKS tasks), within
    MIN_TASK..MAX_TASK."""
    tasks = max(MIN_TASKS, TASKS_PER_WORKER * max(1, workers))
    return min(MAX_TASK, max(MIN_TASK, ceil(documents / tasks)))


def plan(items: Iterable[Item], workers: int) -> list[list[Item]]:
    """The tasks: the items in content-hash order, cut into runs of task_size."""
    ordered = sorted(set(items))
    size = task_size(len(ordered), workers)
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]


def shard_name(items: list[Item], version: str) -> str:
    """`<version>-<digest of the items>.jsonl`: the same documents and pipeline give the same name."""
    digest = hashlib.sha256("".join(f"{i.sha256}\t{i.path}\n" for i in items).encode("utf-8", "surrogateescape"))
    return f"{version[:16]}-{digest.hexdigest()[:24]}{SHARD_SUFFIX}"


def shard_line(item: Item, record: dict) -> str:
    return json.dumps({"path": item.path, "sha256": item.sha256, "record": record}, ensure_ascii=False)


@contextmanager
def shard_file(path: Path) -> Iterator[Path]:
    """An empty temporary file beside `path` to write the shard into: flushed to disk and renamed to `path`
    when the block ends, removed where it raises (a shard is whole or not there)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_shard(path: Path, lines: Iterable[str]) -> None:
    """The lines into `path` atomically (shard_file)."""
    with shard_file(path) as tmp, open(tmp, "w", encoding="utf-8", errors="surrogateescape") as f:
        for line in lines:
            f.write(line + "\n")


def read_shard(path: Path) -> Iterator[tuple[Item, dict]]:
    """(item, record) for every line of a shard."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            row = json.loads(line)
            yield Item(row["sha256"], row["path"]), row["record"]


def finished_shards(folder: Path, version: str) -> list[Path]:
    """The shards of `folder` written by this pipeline version (temporary files are not shards)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{version[:16]}-*{SHARD_SUFFIX}") if not p.name.startswith("."))
