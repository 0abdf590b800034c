"""Incremental, parallel ingest: files -> records (worker processes) -> store rows -> store (parent).

A document is its bytes: a file whose bytes and pipeline version are already stored is skipped after
hashing (under a new path, the path is added as another source of the same document); a changed one
replaces its own rows in one transaction. Work streams through a bounded window of futures, so memory
stays flat however large the corpus; a killed run loses only the documents not yet committed. Each run is
recorded in the store with what it changed, each change in the transaction of its document
(pipeline/graph/runs.py).
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..batch import walk_inputs
from ..errors import E_INTERNAL, E_MEMORY, E_NOT_FOUND
from ..shards import file_sha256
from ..workers import Limits, Workers
from ..types import Record
from .build import DocumentRows, build_rows
from .lock import store_lock
from .runs import RunLog, begin_run, finish_run, report_links, run_counts, stop_run
from .backend import errors
from .store import LAST_INGEST, Store, open_store, store_file

ExtractFn = Callable[[str], "Record | dict"]
RecordSource = Callable[[Iterator[tuple[str, str]], str], Iterator[tuple[str, str, dict]]]


@dataclass
class IngestReport:
    """What a run did, per file: added, updated, unchanged (a count), found again under another path
    (aliases: no new document), pruned, failed with the reason."""
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    aliases: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)     # paths in folders not read, with the reason
    pruned: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    changed_ids: list[str] = field(default_factory=list)     # doc ids added or updated (what linking re-ranks)
    linking: dict | None = None                               # LinkReport.to_dict() when linking ran
    run: int | None = None                                    # the run's number in the store's change log
    changes: dict[str, int] = field(default_factory=dict)     # what it changed, by kind (policykg changes)

    @property
    def changed(self) -> bool:
        """True when the stored corpus changed (linking must run again)."""
        return bool(self.added or self.updated or self.pruned or self.aliases)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 1 otherwise."""
        return 1 if self.failed else 0

    def to_dict(self) -> dict:
        out = {"added": len(self.added), "updated": len(self.updated), "unchanged": self.unchanged,
               "aliases": len(self.aliases), "pruned": len(self.pruned), "failed": len(self.failed),
               "failures": self.failed, "skipped": self.skipped, "seconds": round(self.seconds, 3)}
        if self.linking is not None:
            out["linking"] = self.linking
        if self.run is not None:
            out["run"] = self.run
            out["changes"] = self.changes
        return out


@dataclass
class _Outcome:
    """What a worker made of one file: its graph rows and record, or the reason it failed."""
    path: str
    sha256: str
    rows: DocumentRows | None = None
    record: dict | None = None
    error: str | None = None


def _default_extract(in_worker: bool) -> tuple[ExtractFn, str]:
    """The real extractor; in a limited worker, PDFs need no process of their own."""
    from ..extraction import PIPELINE_VERSION, extract
    return (partial(extract, isolate=False) if in_worker else extract), PIPELINE_VERSION


def process_file(path: str, sha256: str, pipeline_version: str, extract_fn: ExtractFn) -> _Outcome:
    """Runs in a worker: extract one file and build its graph rows (errors become the outcome's reason)."""
    try:
        got = extract_fn(path)
        record = got if isinstance(got, Record) else Record.from_dict(got)
        if record.error:
            return _Outcome(path, sha256, error=record.error)
        record.source.setdefault("sha256", sha256)
        return _Outcome(path, sha256, build_rows(record, sha256, pipeline_version), record.to_dict())
    except MemoryError:
        return _Outcome(path, sha256, error=E_MEMORY)
    except Exception as exc:  # a bug in one document must not stop the run: the report names it
        return _Outcome(path, sha256, error=f"{E_INTERNAL}: {type(exc).__name__}: {exc}")


def _to_do(files: Iterable[Path], store: Store, version: str, force: bool, report: IngestReport,
           tick: Callable[[], None], repeated: list[tuple[str, str]], log: RunLog) -> Iterator[tuple[str, str]]:
    """(path, sha256) of the files whose bytes or pipeline version are not stored yet.

    Bytes already stored under another path make that path one more source of the document; bytes met
    twice in this run are extracted once (the later paths are left in `repeated`, stored afterwards).
    """
    seen: set[str] = set()
    for f in files:
        path = str(Path(f).resolve())
        try:
            sha = file_sha256(path)
        except OSError as exc:
            report.failed[path] = f"{E_NOT_FOUND}: {exc.strerror or exc}"
            tick()
            continue
        if not force and store.source_state(path) == (sha, version):
            report.unchanged += 1
            tick()
            continue
        held = store.document_of_bytes(sha)
        if held and held[1] == version and (not force or sha in seen):
            log.alias(path, held[0])
            report.aliases.append(path)
            tick()
            continue
        if sha in seen:
            repeated.append((path, sha))
            tick()
            continue
        seen.add(sha)
        yield path, sha


def _under(path: str, roots: list[Path]) -> bool:
    """True when a stored path is one of the given inputs or lies in one of the given folders."""
    p = Path(path)
    return any(p == r or r in p.parents for r in roots)


def ingest(paths: Iterable[str | Path], store_path: str | Path | None = None, *, workers: int | None = None,
           prune: bool = False, force: bool = False, extract_fn: ExtractFn | None = None,
           pipeline_version: str | None = None, progress: bool = True, link: bool = True,
           wait: float | None = None, limits: Limits | None = Limits(),
           records: RecordSource | None = None) -> IngestReport:
    """Ingests files and folders into the store; returns what was added, updated, unchanged, pruned, failed.

    When anything was added, updated, aliased or pruned, or an earlier run stopped before linking (and
    `link`), the stored corpus is linked again (pipeline.graph.linked.relink); an unchanged corpus is not.
    `prune` forgets stored paths under the given inputs whose files are gone (other paths are kept).

    extract_fn (path -> Record) defaults to pipeline.extraction.extract with its PIPELINE_VERSION; a
    different extractor should pass its own `pipeline_version` (what change detection compares).

    Each file is extracted in a worker process under `limits` (time and memory per document; E120/E121/E122
    for the file that exceeds them or kills its worker); `limits=None` extracts in this process instead.
    `records`, where given, makes the records instead (a Dask cluster: pipeline/cluster.py): from the
    (path, sha256) pairs to extract and the pipeline version, (path, sha256, record dict) for each.

    One run writes to a store at a time: a second waits for the first (up to `wait` seconds; None: as
    long as it takes) and raises StoreBusy when it cannot. SIGTERM rolls back the document being stored,
    kills the workers and raises Terminated; the next run finishes the work (linking included).
    """
    started = time.perf_counter()
    prepare = None
    if extract_fn is None:
        extract_fn, default_version = _default_extract(in_worker=limits is not None)
        pipeline_version = pipeline_version or default_version
        if records is None:                    # records made elsewhere: nothing is extracted here
            from ..extraction import warm_up as prepare
    version = pipeline_version or "unversioned"
    workers = workers or os.cpu_count() or 1
    run = _Run(list(paths), workers, prune, force, extract_fn, version, progress, link, limits, prepare, records)
    report = IngestReport()
    store_path = store_file(store_path)
    with _terminate_as_exception(), store_lock(store_path, wait, lambda: progress and print(
            f"waiting for another run writing to {store_path}", file=sys.stderr)):
        run(store_path, report)
    report.seconds = time.perf_counter() - started
    return report


class Terminated(BaseException):
    """SIGTERM arrived: the document being stored is rolled back, workers are killed, the run ends."""


@contextmanager
def _terminate_as_exception() -> Iterator[None]:
    """Turns SIGTERM into Terminated for the duration of a run (main thread only; elsewhere nothing)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, frame):
        raise Terminated(f"terminated by signal {signum}")

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@dataclass
class _Run:
    """The options of an ingest run; calling it does the run, under the store's write lock."""
    paths: list
    workers: int
    prune: bool
    force: bool
    extract_fn: ExtractFn
    version: str
    progress: bool
    link: bool
    limits: Limits | None
    prepare: Callable[[], None] | None = None     # loads the extractor before workers are forked
    records: RecordSource | None = None          # makes the records elsewhere (a Dask cluster)

    def __call__(self, store_path: Path, report: IngestReport) -> None:
        from tqdm import tqdm

        started = time.time()
        files = list(walk_inputs(self.paths, report.skipped))
        repeated: list[tuple[str, str]] = []
        store = open_store(store_path)
        bar = tqdm(total=len(files), file=sys.stderr, disable=not self.progress, unit="doc", desc="ingest")
        try:
            report.run = begin_run(store, self.paths, self.version,
                                   {"prune": self.prune, "force": self.force, "link": self.link})
            try:
                self._ingest(store, RunLog(store, report.run), files, report, repeated, bar)
            except BaseException:
                with suppress(*errors()):        # the store may be what failed: the next run takes over
                    stop_run(store, report.run, report)
                raise
            report.changes = run_counts(store, report.run)
            with store.write():
                store.set_info(LAST_INGEST, json.dumps(run_summary(report, started, time.time()), ensure_ascii=False))
        finally:
            bar.close()
            store.close()

    def _ingest(self, store: Store, log: RunLog, files: list[Path], report: IngestReport,
                repeated: list[tuple[str, str]], bar) -> None:
        version = self.version
        todo = _to_do(files, store, version, self.force, report, lambda: bar.update(), repeated, log)
        work = partial(process_file, pipeline_version=version, extract_fn=self.extract_fn)
        if self.records is not None:          # the graph rows built here from records made elsewhere
            outcomes: Iterator[_Outcome] = (process_file(p, s, version, partial(_given, r))
                                            for p, s, r in self.records(todo, version))
        elif self.limits is None:
            outcomes = (work(p, s) for p, s in todo)
        else:
            outcomes = _in_pool(todo, work, self.workers, self.limits, self.prepare)
        for outcome in outcomes:
            _store(outcome, store, log, version, report)
            bar.update()
        for path, sha in repeated:
            held = store.document_of_bytes(sha)
            if held:
                log.alias(path, held[0])
                report.aliases.append(path)
        if self.prune:
            roots = [Path(p).resolve() for p in self.paths]
            for path in store.stored_paths():
                if _under(path, roots) and not os.path.exists(path):
                    log.prune(path)
                    report.pruned.append(path)
        if self.link and (report.changed or store.linking_pending):
            from .linked import relink
            with store.write():           # what linking found, its changes reported and the run complete: at once
                report.linking = relink(store, report.changed_ids).to_dict()
                report_links(store, log.run)
                finish_run(store, log.run, report)
        else:
            finish_run(store, log.run, report)


def run_summary(report: IngestReport, started: float, finished: float) -> dict:
    """What a run did, as the store keeps it for its readers: when, the counts, each failure with its reason."""
    return {"started_at": started, "finished_at": finished, "seconds": round(finished - started, 3),
            "added": len(report.added), "updated": len(report.updated), "unchanged": report.unchanged,
            "aliases": len(report.aliases), "pruned": len(report.pruned), "failed": len(report.failed),
            "failures": report.failed, "linked": report.linking is not None}


def _in_pool(todo: Iterator[tuple[str, str]], work: Callable[..., _Outcome], workers: int,
             limits: Limits, prepare: Callable[[], None] | None = None) -> Iterator[_Outcome]:
    """Outcomes as workers finish them, each file under the per-document limits (pipeline.workers)."""
    def failed(item: tuple[str, str], reason: str) -> _Outcome:
        return _Outcome(item[0], item[1], error=reason)

    pool = Workers(partial(_work_on, work=work), failed, workers, limits, prepare)
    for _, outcome in pool.map(todo):
        yield outcome


def _given(record: dict, path: str) -> dict:
    return record


def _work_on(item: tuple[str, str], work: Callable[..., _Outcome]) -> _Outcome:
    return work(*item)


def _store(outcome: _Outcome, store: Store, log: RunLog, version: str, report: IngestReport) -> None:
    path = outcome.path
    if outcome.error or outcome.rows is None:
        report.failed[path] = outcome.error or E_INTERNAL
        store.record_failure(path, outcome.sha256, version, report.failed[path])
        return
    existed = store.source_state(path) is not None
    log.store_document(outcome.rows, outcome.record, path)
    (report.updated if existed else report.added).append(path)
    report.changed_ids.append(outcome.rows.doc_id)
