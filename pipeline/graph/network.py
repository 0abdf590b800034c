"""The stored graph in memory as a networkx MultiDiGraph, for traversal, algorithms and exports."""
from __future__ import annotations

import networkx as nx

from .store import Store


def to_networkx(store: Store, merge_cited: bool = True) -> nx.MultiDiGraph:
    """All nodes and edges of the store; a CitedDocument that names a stored document becomes that document."""
    with store.read():
        merged = {k: f"Document:{d}" for k, d in store.cited_documents().items()} if merge_cited else {}
        g = nx.MultiDiGraph()
        for node in store.iter_nodes():
            if node["key"] in merged:
                continue
            key = node.pop("key")
            g.add_node(key, **node)
        for edge in store.iter_edges():
            src, dst = merged.get(edge["src"], edge["src"]), merged.get(edge["dst"], edge["dst"])
            g.add_edge(src, dst, **{k: v for k, v in edge.items() if k not in ("src", "dst")})
    return g
