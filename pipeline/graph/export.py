"""Exports of the stored graph: GraphML, GEXF, node-link JSON, Neo4j bulk-import CSVs, flat CSV/Parquet tables."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

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
_NEO4J_TYPES = {"int": "int", "float": "float", "num": "float", "str": None}


def _scalar(value):
    """A value GraphML and GEXF accept: numbers as float, booleans kept, anything else as a string."""
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return json.dumps(value, ensure_ascii=False)


def _flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars (no None, lists or dicts)."""
    flat = nx.MultiDiGraph()
    for n, attrs in g.nodes(data=True):
        flat.add_node(n, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    for u, v, attrs in g.edges(data=True):
        flat.add_edge(u, v, **{k: _scalar(x) for k, x in attrs.items() if x is not None})
    return flat


def _cell(value, kind: str):
    if value is None or value == "":
        return None
    if kind == "str":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
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


def _write_csv(path: Path, columns: dict[str, str], rows: Iterable[dict]) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for row in rows:
            w.writerow(["" if (c := _cell(row.get(k), t)) is None else c for k, t in columns.items()])
            n += 1
    return n


def _write_parquet(path: Path, columns: dict[str, str], rows: Iterable[dict]) -> int:
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


def export_tables(store: Store, out_dir: Path, fmt: str = "csv") -> list[Path]:
    """documents, entities, measures, amounts, edges as `<name>.csv` or `<name>.parquet` in out_dir."""
    write: Callable = _write_csv if fmt == "csv" else _write_parquet
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with store.read():
        for name, columns in TABLES.items():
            path = out_dir / f"{name}.{fmt}"
            write(path, columns, _table_rows(store, name))
            written.append(path)
    return written


def export_neo4j(store: Store, out_dir: Path) -> list[Path]:
    """Neo4j bulk-import CSVs: nodes_<Type>.csv (key:ID, :LABEL) and relationships.csv (:START_ID, :END_ID, :TYPE).

    Load with: neo4j-admin database import full --nodes=nodes_Agency.csv ... --relationships=relationships.csv
    """
    g = to_networkx(store)
    out_dir.mkdir(parents=True, exist_ok=True)
    by_type: dict[str, list[str]] = {}
    for n, attrs in g.nodes(data=True):
        by_type.setdefault(attrs.get("type") or "Node", []).append(n)
    written = []
    for node_type, keys in sorted(by_type.items()):
        props = sorted({k for n in keys for k in g.nodes[n] if k not in ("type", "label", "value")})
        header = ["key:ID", "label", "value:float", *props, ":LABEL"]
        path = out_dir / f"nodes_{node_type}.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            for n in keys:
                a = g.nodes[n]
                w.writerow([n, a.get("label") or "", "" if a.get("value") is None else a["value"],
                            *("" if a.get(p) is None else _cell(a[p], "str") for p in props), node_type])
        written.append(path)
    path = out_dir / "relationships.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([":START_ID", ":END_ID", ":TYPE", "doc_id", "page:int", "start:int", "end:int", "props"])
        for u, v, a in g.edges(data=True):
            extra = {k: x for k, x in a.items() if k not in ("type", "doc_id", "page", "start", "end")}
            w.writerow([u, v, a["type"], a.get("doc_id") or "",
                        *("" if a.get(k) is None else a[k] for k in ("page", "start", "end")),
                        json.dumps(extra, ensure_ascii=False) if extra else ""])
    written.append(path)
    return written


def export(store: Store, fmt: str, out: str | Path) -> list[Path]:
    """Writes the graph in `fmt` (graphml, gexf, json: one file; neo4j, csv, parquet: a folder); the paths written."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt in FOLDER_FORMATS:
        return export_neo4j(store, out) if fmt == "neo4j" else export_tables(store, out, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    g = to_networkx(store)
    if fmt == "graphml":
        nx.write_graphml(_flat_graph(g), out)
    elif fmt == "gexf":
        nx.write_gexf(_flat_graph(g), out)
    else:
        data = nx.node_link_data(g, edges="edges")
        out.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return [out]
