"""Batch extraction: inputs (files and folders) -> one JSON record each in an output folder.

Parallel across processes; every input yields a record (failures carry `error`), a batch report
lists each failure, and no record overwrites another record of the same batch.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .types import Record
from .workers import Ahead, Limits, Workers

INPUT_SUFFIXES = {".pdf", ".txt", ".text", ".html", ".htm", ".docx", ".md"}
REPORT_NAME = "_batch-report.json"
SHARD_DIR = "_shards"              # a distributed run's shards (pipeline/shards.py), beside the records
SKIP_DANGLING_LINK = "a link to nothing"
SKIP_UNREADABLE_FOLDER = "a folder that cannot be read"
SKIP_NOT_A_FILE = "not a regular file"
SKIP_HIDDEN = "a hidden file"
SKIP_SUFFIX = "not a document type read here (.pdf .txt .text .html .htm .docx .md)"


@dataclass
class BatchReport:
    """What a batch did: records written, the inputs that failed with the reason per file, and the paths
    not read at all with the reason (a dangling link, an unreadable folder, not a document)."""
    written: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"written": len(self.written), "failed": len(self.failed), "failures": self.failed,
                "skipped": self.skipped}


def walk_inputs(paths: Iterable[str | Path], skipped: dict[str, str] | None = None) -> Iterator[Path]:
    """Files named directly (any suffix) and the document files inside named folders, sorted; every path
    in a folder that is not read goes into `skipped` with the reason."""
    skipped = {} if skipped is None else skipped
    for p in map(Path, paths):
        if not p.is_dir():
            yield p                    # a missing or unreadable file still gets its record with the error
            continue
        for f in sorted(p.rglob("*"), key=str):
            if f.is_dir():
                if not os.access(f, os.R_OK | os.X_OK):
                    skipped[str(f)] = SKIP_UNREADABLE_FOLDER
            elif f.is_symlink() and not f.exists():
                skipped[str(f)] = SKIP_DANGLING_LINK
            elif not f.is_file():
                skipped[str(f)] = SKIP_NOT_A_FILE
            elif f.name.startswith("."):
                skipped[str(f)] = SKIP_HIDDEN
            elif f.suffix.lower() not in INPUT_SUFFIXES:
                skipped[str(f)] = SKIP_SUFFIX
            else:
                yield f
        if not os.access(p, os.R_OK | os.X_OK):
            skipped[str(p)] = SKIP_UNREADABLE_FOLDER


def output_names(inputs: list[Path]) -> dict[Path, str]:
    """`<stem>.json` per input; a stem taken twice gets its suffix, then a counter, so none collide (nor
    with the batch report)."""
    names: dict[Path, str] = {}
    taken: set[str] = {Path(REPORT_NAME).stem}
    for p in inputs:
        suffix = p.suffix.lstrip(".")
        numbered = (f"{p.stem}.{suffix}-{i}" for i in range(2, 10_000))      # made as needed, not 10,000 an input
        for candidate in chain((p.stem, f"{p.stem}.{suffix}"), numbered):
            if candidate not in taken:
                taken.add(candidate)
                names[p] = candidate + ".json"
                break
    return names


def _extract_one(path: str) -> dict:
    from .extraction import extract, gc_paused
    with gc_paused():
        return extract(path, isolate=False).to_dict()      # the worker itself is under the limits


def _read_one(path: str):
    """The file read and cleaned (a Source and its CleanText): what needs none of the tagging pipeline,
    done while it loads."""
    from .extraction import clean_source, gc_paused
    from .sources import load
    with gc_paused():
        source = load(path, isolate=False)
        return source, clean_source(source)


def _finish_one(path: str, started) -> dict:
    """The record of a file read ahead (_read_one): what _extract_one does after reading and cleaning it."""
    from .extraction import gc_paused, record_from_source
    source, clean_text = started
    with gc_paused():
        return record_from_source(source, clean_text).to_dict()


def _failed_record(path: str, reason: str) -> dict:
    return Record(id="", source={"path": path}, error=reason).to_dict()


def write_record(target: str | Path, record: dict) -> None:
    """A record file, as `extract` writes it: indented JSON into a temporary name beside it, renamed into
    place (a half-written record file is never taken for one)."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def extract_records(inputs: list[Path], workers: int | None = None,
                    extract_fn: Callable[[str], dict] = _extract_one,
                    limits: Limits = Limits()) -> Iterator[tuple[Path, dict]]:
    """(input, record dict) pairs as they are finished, each extracted in a worker process under `limits`
    (pipeline.workers): an input that exceeds them or kills its worker gets a record with the error."""
    by_name = {str(p): p for p in inputs}
    prepare = ahead = None
    if extract_fn is _extract_one:              # the pipeline loaded once; files read while it loads
        from .extraction import warm_up
        if not warm_up.cache_info().currsize:   # loaded already (a Dask worker's next task): no wait to fill
            ahead = Ahead(_read_one, _finish_one)
        # the PDF readers too where a file is named .pdf (one that is a PDF by its bytes alone loads them itself)
        prepare = partial(warm_up, pdf=any(p.suffix.lower() == ".pdf" for p in inputs))
    pool = Workers(extract_fn, _failed_record, workers or os.cpu_count() or 1, limits, prepare, ahead)
    for path, record in pool.map(by_name):
        yield by_name[path], record


def extract_to_dir(paths: Iterable[str | Path], out_dir: str | Path, workers: int | None = None,
                   progress: Callable[[Path, str | None], None] | None = None, limits: Limits = Limits(),
                   cluster=None) -> BatchReport:
    """Writes `out_dir/<stem>.json` per input and `out_dir/_batch-report.json`; returns the report.
    `progress(input, error or None)` follows each record file written.

    With a `cluster` (pipeline.cluster.Cluster, entered) its workers write the record files, and the records
    in shards under `out_dir/_shards/` (SHARD_DIR) that a rerun takes: the same files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    inputs = list(walk_inputs(paths, report.skipped))
    names = output_names(inputs)
    order = {str(p): i for i, p in enumerate(inputs)}
    rank = {str(out / names[p]): i for i, p in enumerate(inputs)}
    if cluster is None:
        done = _written(extract_records(inputs, workers, limits=limits), {p: out / names[p] for p in inputs})
    else:
        by_name = {str(p): p for p in inputs}
        files = {name: str((out / names[p]).absolute()) for name, p in by_name.items()}
        done = ((by_name[path], error) for path, error in cluster.write_records(files, out / SHARD_DIR, limits))
    for path, error in done:
        report.written.append(str(out / names[path]))
        if error:
            report.failed[str(path)] = error
        if progress:
            progress(path, error)
    report.written.sort(key=rank.__getitem__)                    # input order, however workers finished
    report.failed = dict(sorted(report.failed.items(), key=lambda kv: order[kv[0]]))
    (out / REPORT_NAME).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return report


def _written(records: Iterable[tuple[Path, dict]], targets: dict[Path, Path]) -> Iterator[tuple[Path, str | None]]:
    """(input, error or None) for each record, once it is written to its input's target."""
    for path, record in records:
        write_record(targets[path], record)
        yield path, record.get("error")


def load_records(pred_dir: str | Path) -> dict[str, Record]:
    """The records of a folder written by `extract_to_dir`, by file stem."""
    return {p.stem: Record.from_dict(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(Path(pred_dir).glob("*.json")) if p.name != REPORT_NAME}
