"""Incremental, parallel ingest: files -> records (worker processes) -> graph rows -> store (parent).

A file whose bytes and pipeline version are already stored is skipped after hashing; a changed one
replaces its own rows in one transaction. Work streams through a bounded window of futures, so memory
stays flat however large the corpus; a killed run loses only the documents not yet committed.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..batch import walk_inputs
from ..errors import E_INTERNAL, E_NOT_FOUND, E_WORKER
from ..types import Record
from .build import GraphRows, build_rows
from .store import Store, open_store

ExtractFn = Callable[[str], "Record | dict"]
WINDOW_PER_WORKER = 4       # futures in flight per worker: enough to keep workers busy, bounded memory


@dataclass
class IngestReport:
    """What a run did, per file: added, updated, unchanged (a count), pruned, failed with the reason."""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    pruned: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    changed_ids: list[str] = field(default_factory=list)     # doc ids added or updated (what linking re-ranks)
    linking: dict | None = None                               # LinkReport.to_dict() when linking ran

    @property
    def changed(self) -> bool:
        """True when the stored corpus changed (linking must run again)."""
        return bool(self.added or self.updated or self.pruned)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 1 otherwise."""
        return 1 if self.failed else 0

    def to_dict(self) -> dict:
        out = {"added": len(self.added), "updated": len(self.updated), "unchanged": self.unchanged,
               "pruned": len(self.pruned), "failed": len(self.failed), "failures": self.failed,
               "seconds": round(self.seconds, 3)}
        if self.linking is not None:
            out["linking"] = self.linking
        return out


@dataclass
class _Outcome:
    """What a worker made of one file: its graph rows and record, or the reason it failed."""
    path: str
    sha256: str
    rows: GraphRows | None = None
    record: dict | None = None
    error: str | None = None


def file_sha256(path: str) -> str:
    """The sha256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _default_extract() -> tuple[ExtractFn, str]:
    from ..extraction import PIPELINE_VERSION, extract
    return extract, PIPELINE_VERSION


def process_file(path: str, sha256: str, pipeline_version: str, extract_fn: ExtractFn) -> _Outcome:
    """Runs in a worker: extract one file and build its graph rows (errors become the outcome's reason)."""
    try:
        got = extract_fn(path)
        record = got if isinstance(got, Record) else Record.from_dict(got)
        if record.error:
            return _Outcome(path, sha256, error=record.error)
        record.source.setdefault("sha256", sha256)
        return _Outcome(path, sha256, build_rows(record, path, sha256, pipeline_version), record.to_dict())
    except Exception as exc:  # a bug in one document must not stop the run: the report names it
        return _Outcome(path, sha256, error=f"{E_INTERNAL}: {type(exc).__name__}: {exc}")


def _to_do(files: Iterable[Path], store: Store, version: str, force: bool, report: IngestReport,
           tick: Callable[[], None]) -> Iterator[tuple[str, str]]:
    """(path, sha256) of the files whose bytes or pipeline version differ from the stored ones."""
    for f in files:
        path = str(Path(f).resolve())
        try:
            sha = file_sha256(path)
        except OSError as exc:
            report.failed[path] = f"{E_NOT_FOUND}: {exc.strerror or exc}"
            tick()
            continue
        if not force and store.document_state(path) == (sha, version):
            report.unchanged += 1
            tick()
            continue
        yield path, sha


def ingest(paths: Iterable[str | Path], store_path: str | Path | None = None, *, workers: int | None = None,
           prune: bool = False, force: bool = False, extract_fn: ExtractFn | None = None,
           pipeline_version: str | None = None, progress: bool = True, link: bool = True) -> IngestReport:
    """Ingests files and folders into the store; returns what was added, updated, unchanged, pruned, failed.

    When anything was added, updated or pruned (and `link`), the stored corpus is linked again
    (pipeline.graph.linked.relink); an unchanged corpus is not.

    extract_fn (path -> Record) defaults to pipeline.extract.extract with its PIPELINE_VERSION; a
    different extractor should pass its own `pipeline_version` (what change detection compares).
    """
    from tqdm import tqdm

    started = time.perf_counter()
    if extract_fn is None:
        extract_fn, default_version = _default_extract()
        pipeline_version = pipeline_version or default_version
    version = pipeline_version or "unversioned"
    workers = workers or os.cpu_count() or 1
    files = list(walk_inputs(paths))
    report = IngestReport()
    store = open_store(store_path)
    bar = tqdm(total=len(files), file=sys.stderr, disable=not progress, unit="doc", desc="ingest")
    try:
        todo = _to_do(files, store, version, force, report, lambda: bar.update())
        work = partial(process_file, pipeline_version=version, extract_fn=extract_fn)
        if workers <= 1:
            outcomes: Iterator[_Outcome] = (work(p, s) for p, s in todo)
        else:
            outcomes = _in_pool(todo, work, workers)
        for outcome in outcomes:
            _store(outcome, store, version, report)
            bar.update()
        if prune:
            for path in store.stored_paths():
                if not os.path.exists(path) and store.remove_document(path):
                    report.pruned.append(path)
        if link and report.changed:
            from .linked import relink
            report.linking = relink(store, report.changed_ids).to_dict()
    finally:
        bar.close()
        store.close()
    report.seconds = time.perf_counter() - started
    return report


def _in_pool(todo: Iterator[tuple[str, str]], work: Callable[..., _Outcome], workers: int) -> Iterator[_Outcome]:
    """Outcomes as workers finish them, with at most WINDOW_PER_WORKER * workers files in flight.

    A worker that dies (a signal, the memory limit) breaks the pool: the files in flight fail with
    E122 and a new pool takes the rest.
    """
    window = workers * WINDOW_PER_WORKER
    pool = ProcessPoolExecutor(max_workers=workers)
    pending: dict[Future, tuple[str, str]] = {}
    try:
        for path, sha in todo:
            try:
                pending[pool.submit(work, path, sha)] = path, sha
            except BrokenProcessPool:
                yield from _finished(pending, ALL_COMPLETED)
                pool.shutdown(wait=False)
                pool = ProcessPoolExecutor(max_workers=workers)
                pending[pool.submit(work, path, sha)] = path, sha
            if len(pending) >= window:
                yield from _finished(pending, FIRST_COMPLETED)
        yield from _finished(pending, ALL_COMPLETED)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _finished(pending: dict[Future, tuple[str, str]], return_when: str) -> Iterator[_Outcome]:
    """Outcomes of the futures done (removed from `pending`); a dead worker's file fails with E122."""
    done, _ = wait(pending, return_when=return_when)
    for future in done:
        path, sha = pending.pop(future)
        try:
            yield future.result()
        except Exception as exc:  # the worker process died (memory, signal): this file failed
            yield _Outcome(path, sha, error=f"{E_WORKER}: {type(exc).__name__}: {exc}")


def _store(outcome: _Outcome, store: Store, version: str, report: IngestReport) -> None:
    path = outcome.path
    if outcome.error or outcome.rows is None:
        report.failed[path] = outcome.error or E_INTERNAL
        store.record_failure(path, outcome.sha256, version, report.failed[path])
        return
    existed = store.document_state(path) is not None
    store.replace_document(outcome.rows, outcome.record)
    (report.updated if existed else report.added).append(path)
    report.changed_ids.append(outcome.rows.document.doc_id)
