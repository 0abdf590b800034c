"""The graph the exports write, built from the store's node and edge streams alone (`iter_nodes`, `iter_edges`)."""
from __future__ import annotations

from typing import Iterable

import networkx as nx

from ..linking.normalise import normalise_doc_number, title_key


def cited_documents(nodes: list[dict]) -> dict[str, str]:
    """CitedDocument key -> key of the Document it names (same title key, else same doc number; the latest)."""
    documents = sorted((n for n in nodes if n["type"] == "Document"), key=lambda n: n.get("date") or "")
    by = {"number_key": {}, "title_key": {}}
    for d in documents:
        by["number_key"][normalise_doc_number(d.get("doc_number"))] = d["key"]
        by["title_key"][title_key(d.get("title"))] = d["key"]
    out: dict[str, str] = {}
    for n in nodes:
        if n["type"] == "CitedDocument":
            for column in ("title_key", "number_key"):          # a title match wins over a number match
                if n.get(column) and n[column] in by[column]:
                    out[n["key"]] = by[column][n[column]]
                    break
    return out


def export_graph(nodes: Iterable[dict], edges: Iterable[dict]) -> nx.MultiDiGraph:
    """A MultiDiGraph of the nodes (by key) and edges; a CitedDocument naming a stored document becomes it."""
    nodes = list(nodes)
    merged = cited_documents(nodes)
    g = nx.MultiDiGraph()
    for node in nodes:
        if node["key"] not in merged:
            g.add_node(node["key"], **{k: v for k, v in node.items() if k != "key"})
    for edge in edges:
        src, dst = merged.get(edge["src"], edge["src"]), merged.get(edge["dst"], edge["dst"])
        g.add_edge(src, dst, **{k: v for k, v in edge.items() if k not in ("src", "dst")})
    return g
