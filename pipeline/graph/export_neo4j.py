"""Neo4j bulk-import CSVs for `neo4j-admin database import full`: one typed node file per node type, one for edges."""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import networkx as nx

from .export_values import column_type, text, utf8

_SCALARS = (str, int, float, bool)
_DELIMITERS = ";|^"              # array delimiter: the first that no array element contains (`;` is the default)
_NODE_FIXED = ("type", "label", "value")
_EDGE_FIXED = {"doc_id": "string", "page": "int", "start": "int", "end": "int"}
RELATIONSHIPS = "relationships.csv"


@dataclass
class Neo4jFiles:
    """File name -> rows (the first one the typed header), and the import options the rows need."""
    tables: dict[str, list[list[str]]]
    array_delimiter: str = ";"
    multiline: bool = False


def neo4j_type(values: Iterable) -> str:
    """The header type of a property: boolean, long, double, string, or one of those with [] for lists of scalars."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, list) and all(isinstance(e, _SCALARS) for e in v) for v in present):
        return column_type(e for v in present for e in v) + "[]"
    return column_type(present)


def _types(items: list[dict], fixed: Iterable[str]) -> dict[str, str]:
    names = sorted({k for a in items for k, v in a.items() if v is not None and k not in fixed})
    return {k: neo4j_type(a.get(k) for a in items) for k in names}


def _delimiter(columns: list[tuple[dict[str, str], list[dict]]]) -> str:
    """The first candidate array delimiter that appears in no element of any array property."""
    used = "".join(text(e) for types, items in columns for k, t in types.items() if t.endswith("[]")
                   for a in items for e in a.get(k) or [])
    for d in _DELIMITERS:
        if d not in used:
            return d
    raise ValueError(f"every array delimiter ({' '.join(_DELIMITERS)}) occurs in some list value")


def _cell(value, kind: str, delimiter: str) -> str:
    if value is None or value == []:
        return ""
    if kind.endswith("[]"):
        return utf8(delimiter.join(text(e) for e in value))
    return utf8(text(value))


def neo4j_files(g: nx.MultiDiGraph) -> Neo4jFiles:
    """nodes_<Type>.csv (key:ID, label, value:double, typed properties, :LABEL) and relationships.csv."""
    by_type: dict[str, list[tuple[str, dict]]] = {}
    for n, a in g.nodes(data=True):
        by_type.setdefault(a.get("type") or "Node", []).append((n, a))
    node_types = {t: _types([a for _, a in items], _NODE_FIXED) for t, items in by_type.items()}
    edges = list(g.edges(data=True))
    edge_types = {**_EDGE_FIXED, **_types([a for *_, a in edges], ("type", *_EDGE_FIXED))}
    delimiter = _delimiter([(node_types[t], [a for _, a in items]) for t, items in by_type.items()]
                           + [(edge_types, [a for *_, a in edges])])
    tables = {}
    for t in sorted(by_type):
        types = node_types[t]
        rows = [["key:ID", "label:string", "value:double", *(f"{k}:{kind}" for k, kind in types.items()), ":LABEL"]]
        rows += [[utf8(n), _cell(a.get("label"), "string", delimiter), _cell(a.get("value"), "double", delimiter),
                  *(_cell(a.get(k), kind, delimiter) for k, kind in types.items()), t] for n, a in by_type[t]]
        tables[f"nodes_{t}.csv"] = rows
    rows = [[":START_ID", ":END_ID", ":TYPE", *(f"{k}:{kind}" for k, kind in edge_types.items())]]
    rows += [[utf8(u), utf8(v), a["type"], *(_cell(a.get(k), kind, delimiter) for k, kind in edge_types.items())]
             for u, v, a in edges]
    tables[RELATIONSHIPS] = rows
    multiline = any("\n" in c or "\r" in c for table in tables.values() for row in table for c in row)
    return Neo4jFiles(tables, delimiter, multiline)


def neo4j_command(paths: Iterable[Path], files: Neo4jFiles, database: str = "neo4j") -> str:
    """The `neo4j-admin database import full` command that loads the files written (database name first, 5.19+)."""
    paths = list(paths)
    args = ["neo4j-admin", "database", "import", "full", database]
    if files.array_delimiter != ";":
        args.append(f"--array-delimiter={files.array_delimiter}")
    if files.multiline:
        args.append("--multiline-fields=true")
    args += [f"--nodes={p}" for p in paths if p.name != RELATIONSHIPS]
    args += [f"--relationships={p}" for p in paths if p.name == RELATIONSHIPS]
    return " ".join(shlex.quote(a) for a in args)
