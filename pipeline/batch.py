"""Batch extraction: inputs (files and folders) -> one JSON record each in an output folder.

Parallel across processes; every input yields a record (failures carry `error`), a batch report
lists each failure, and no record overwrites another record of the same batch.
"""
from __future__ import annotations

import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .types import Record

INPUT_SUFFIXES = {".pdf", ".txt", ".text", ".html", ".htm", ".docx", ".md"}
REPORT_NAME = "_batch-report.json"


@dataclass
class BatchReport:
    """What a batch did: records written and the inputs that failed, with the reason per file."""
    written: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"written": len(self.written), "failed": len(self.failed), "failures": self.failed}


def walk_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named directly (any suffix) and the document files inside named folders, sorted."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p


def output_names(inputs: list[Path]) -> dict[Path, str]:
    """`<stem>.json` per input; a stem taken twice gets its suffix, then a counter, so none collide."""
    names: dict[Path, str] = {}
    taken: set[str] = set()
    for p in inputs:
        for candidate in (p.stem, f"{p.stem}.{p.suffix.lstrip('.')}",
                          *(f"{p.stem}.{p.suffix.lstrip('.')}-{i}" for i in range(2, 10_000))):
            if candidate not in taken:
                taken.add(candidate)
                names[p] = candidate + ".json"
                break
    return names


def _extract_one(path: str) -> dict:
    from .extraction import extract
    return extract(path).to_dict()


def extract_records(inputs: list[Path], workers: int | None = None,
                    extract_fn: Callable[[str], dict] = _extract_one) -> Iterator[tuple[Path, dict]]:
    """(input, record dict) pairs in input order, extracted in `workers` processes."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(inputs) <= 1:
        for p in inputs:
            yield p, extract_fn(str(p))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(inputs, pool.map(extract_fn, map(str, inputs)))


def extract_to_dir(paths: Iterable[str | Path], out_dir: str | Path, workers: int | None = None,
                   progress: Callable[[Path, dict], None] | None = None) -> BatchReport:
    """Writes `out_dir/<stem>.json` per input and `out_dir/_batch-report.json`; returns the report."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    inputs = list(walk_inputs(paths))
    names = output_names(inputs)
    report = BatchReport()
    for path, record in extract_records(inputs, workers):
        target = out / names[path]
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(target)
        report.written.append(str(target))
        if record.get("error"):
            report.failed[str(path)] = record["error"]
        if progress:
            progress(path, record)
    (out / REPORT_NAME).write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return report


def load_records(pred_dir: str | Path) -> dict[str, Record]:
    """The records of a folder written by `extract_to_dir`, by file stem."""
    return {p.stem: Record.from_dict(json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(Path(pred_dir).glob("*.json")) if p.name != REPORT_NAME}
