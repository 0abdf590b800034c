"""Exports of the stored graph: GraphML, GEXF, node-link JSON, Neo4j bulk-import CSVs, flat CSV/Parquet tables."""
from __future__ import annotations

import csv
import json
import os
import uuid
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

from .backend import is_server
from .export_neo4j import neo4j_command, neo4j_files
from .export_values import number_text, plain, utf8
from .export_xml import write_gexf, write_graphml
from .linked_queries import yuan
from .network import to_networkx
from .store import Store

GRAPH_FORMATS = ("graphml", "gexf", "json")
FOLDER_FORMATS = ("neo4j", "csv", "parquet")
FORMATS = GRAPH_FORMATS + FOLDER_FORMATS
_BATCH = 5000

# Flat tables: column -> type (str, int, float); lists and dicts are written as JSON strings.
TABLES: dict[str, dict[str, str]] = {
    "documents": {"doc_id": "str", "path": "str", "sha256": "str", "pipeline_version": "str", "kind": "str",
                  "doc_type": "str", "doc_number": "str", "title": "str", "issuer": "str", "date": "str",
                  "year": "int", "effective_from": "str", "effective_to": "str"},
    "entities": {"doc_id": "str", "label": "str", "text": "str", "start": "int", "end": "int", "page": "int",
                 "canonical": "str", "amount": "float", "amount_max": "float", "currency": "str", "role": "str",
                 "rate": "float", "scope": "str", "measure": "str", "value": "float", "attrs": "str"},
    "measures": {"doc_id": "str", "label": "str", "title": "str", "start": "int", "end": "int", "page": "int",
                 "responsible": "str", "lead": "str", "cooperating": "str", "collectives": "str",
                 "truncated": "int"},
    "amounts": {"key": "str", "doc_id": "str", "kind": "str", "text": "str", "value": "num",
                "amount": "num", "amount_max": "num", "amount_fen": "int", "amount_max_fen": "int",
                "currency": "str", "role": "str", "rate": "float",
                "scope": "str", "measure": "str", "approx": "int"},
    "edges": {"type": "str", "src": "str", "dst": "str", "doc_id": "str", "page": "int", "start": "int",
              "end": "int", "props": "str"},
}



class ExportRefused(Exception):
    """An export that would write over the graph store, or without `force` over an existing file (CLI: exit 2)."""


class DroppedCharacters(UserWarning):
    """Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF) left out of an export."""


class Exported(list):
    """The paths written, with `command` (the neo4j-admin import command for neo4j) and `dropped` (see above)."""

    def __init__(self, paths: Iterable[Path], command: str | None = None, dropped: int = 0):
        super().__init__(paths)
        self.command, self.dropped = command, dropped


def _cell(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "str":
        return utf8(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    try:
        if kind == "num":                       # a quantity: an integer when whole (500000, not 500000.0)
            number = float(value)
            return int(number) if number.is_integer() else number
        return int(value) if kind == "int" else float(value)
    except (TypeError, ValueError):
        return None


def _number(text: str | None) -> float | None:
    return float(text) if text is not None else None


def _table_rows(store: Store, name: str) -> Iterator[dict]:
    """The rows of one flat table, streamed from the store."""
    if name == "documents":
        yield from store.iter_documents()
    elif name in ("entities", "measures"):
        for record in store.iter_records():
            for item in record.get(name) or []:
                extra = {k: v for k, v in item.items() if k not in TABLES[name]}
                yield {**item, "doc_id": record["id"], **({"attrs": extra or None} if name == "entities" else {})}
    elif name == "amounts":
        for a in store.sql("SELECT a.*, m.label AS measure FROM amounts a LEFT JOIN measures m "
                           "ON m.id = a.measure_id ORDER BY a.document_id, a.start, a.id"):
            value = yuan(a["amount_fen"]) if a["kind"] == "money" else _number(a["value"])
            yield {**a, "key": a["id"], "doc_id": a["document_id"], "value": value,
                   "amount": yuan(a["amount_fen"]), "amount_max": yuan(a["amount_max_fen"]),
                   "rate": _number(a["rate"])}
    elif name == "edges":
        for e in store.iter_edges():
            yield {**e, "props": {k: v for k, v in e.items() if k not in TABLES["edges"]} or None}


def _csv_text(value) -> str:
    return "" if value is None else number_text(value) if isinstance(value, float) else str(value)


def _write_csv(path: Path, columns: dict[str, str], rows: Iterable[dict], bom: bool = False) -> int:
    """A CSV table (UTF-8, with a byte order mark for Excel if `bom`), whole numbers without `.0`; the rows."""
    n = 0
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for row in rows:
            w.writerow([_csv_text(_cell(row.get(k), t)) for k, t in columns.items()])
            n += 1
    return n


def _write_parquet(path: Path, columns: dict[str, str], rows: Iterable[dict], bom: bool = False) -> int:
    """A Parquet table with typed columns (`bom` has no meaning here); the rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "num": pa.float64()}
    schema = pa.schema([(k, types[t]) for k, t in columns.items()])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict] = []
        for row in rows:
            batch.append({k: _cell(row.get(k), t) for k, t in columns.items()})
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _is_store(store: Store, target: Path) -> bool:
    """Whether a resolved path is the store file or one of its SQLite companions (also through a hard link)."""
    if is_server(store.path):
        return False
    db = Path(store.path).expanduser().resolve()
    files = [db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]
    return target in files or target.exists() and any(f.exists() and os.path.samefile(target, f) for f in files)


def _targets(store: Store, paths: Iterable[Path], force: bool) -> list[Path]:
    """The paths resolved (symlinks, relative parts); refused if one is the store, or exists and not `force`."""
    resolved = []
    for path in paths:
        target = Path(path).expanduser().resolve()
        if _is_store(store, target):
            raise ExportRefused(f"{path} is the graph store itself: export to another path")
        if target.is_dir():
            raise ExportRefused(f"{path} is a folder: name a file")
        if target.exists() and not force:
            raise ExportRefused(f"{path} exists: use --force (force=True) to replace it")
        resolved.append(target)
    return resolved


def _folder(store: Store, out: Path) -> None:
    target = out.expanduser().resolve()
    if _is_store(store, target):
        raise ExportRefused(f"{out} is the graph store itself: export to another folder")
    if target.exists() and not target.is_dir():
        raise ExportRefused(f"{out} is a file: name a folder")


@contextmanager
def _replacing(targets: list[Path]) -> Iterator[list[Path]]:
    """Temporary files beside the targets, renamed over them only once all are written (removed otherwise)."""
    temps = [t.with_name(f".{t.name}.{uuid.uuid4().hex[:12]}.tmp") for t in targets]
    try:
        for t in targets:
            t.parent.mkdir(parents=True, exist_ok=True)
        yield temps
        for tmp in temps:
            with tmp.open("rb") as f:
                os.fsync(f.fileno())
        for tmp, target in zip(temps, targets):
            os.replace(tmp, target)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


def _write_json(g: nx.MultiDiGraph, path: Path) -> int:
    """Node-link JSON, whole numbers without `.0`; a lone surrogate is written as its \\uXXXX escape."""
    data = plain(nx.node_link_data(g, edges="edges"))
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8", errors="backslashreplace")
    return 0


def export_tables(store: Store, out_dir: Path, fmt: str = "csv", force: bool = False, bom: bool = False) -> Exported:
    """documents, entities, measures, amounts, edges as `<name>.csv` (BOM for Excel if `bom`) or `.parquet`."""
    write: Callable = _write_csv if fmt == "csv" else _write_parquet
    _folder(store, Path(out_dir))
    paths = [Path(out_dir) / f"{name}.{fmt}" for name in TABLES]
    with _replacing(_targets(store, paths, force)) as temps, store.read():
        for tmp, (name, columns) in zip(temps, TABLES.items()):
            write(tmp, columns, _table_rows(store, name), bom=bom)
    return Exported(paths)


def export_neo4j(store: Store, out_dir: Path, force: bool = False) -> Exported:
    """Neo4j bulk-import CSVs; `command` is the neo4j-admin command that loads them."""
    _folder(store, Path(out_dir))
    files = neo4j_files(to_networkx(store))
    paths = [Path(out_dir) / name for name in files.tables]
    targets = _targets(store, paths, force)
    with _replacing(targets) as temps:
        for tmp, rows in zip(temps, files.tables.values()):
            with tmp.open("w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
    return Exported(paths, command=neo4j_command(targets, files))


def export(store: Store, fmt: str, out: str | Path, force: bool = False, bom: bool = False) -> Exported:
    """Writes the graph in `fmt` (graphml, gexf, json: one file; neo4j, csv, parquet: a folder); the paths written.

    Refuses (ExportRefused) to write over the store, or over an existing file unless `force`. Files are written
    beside their targets and renamed into place once all are complete: a failed export leaves the old files.
    """
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "neo4j":
        return export_neo4j(store, out, force)
    if fmt in FOLDER_FORMATS:
        return export_tables(store, out, fmt, force, bom)
    targets = _targets(store, [out], force)
    write = {"graphml": write_graphml, "gexf": write_gexf, "json": _write_json}[fmt]
    g = to_networkx(store)
    with _replacing(targets) as [tmp]:
        dropped = write(g, tmp)
    if dropped:
        warnings.warn(f"{out}: left out {dropped} characters XML 1.0 does not allow", DroppedCharacters, stacklevel=2)
    return Exported([out], dropped=dropped)
