"""GraphML and GEXF writers: declared, typed attributes, relationship types where GEXF tools read them, XML 1.0."""
from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import networkx as nx

from .export_values import column_type, text

# Everything outside XML 1.0's Char production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ESCAPES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}   # kept, not normalised to spaces
_TEXT_ESCAPES = {"\r": "&#13;"}


class _Clean:
    """Values as XML-safe text, counting the characters XML 1.0 forbids that were dropped."""

    def __init__(self):
        self.dropped = 0

    def __call__(self, value) -> str:
        s, n = _ILLEGAL.subn("", text(value))
        self.dropped += n
        return s


def _attr(s: str) -> str:
    return '"' + escape(s, _ATTR_ESCAPES) + '"'


def _columns(items: list[dict]) -> dict[str, str]:
    """Attribute name -> type (boolean, long, double, string) over all items, in first-seen order."""
    names = dict.fromkeys(k for a in items for k, v in a.items() if v is not None)
    return {k: column_type(a.get(k) for a in items) for k in names}


def write_graphml(g: nx.MultiDiGraph, path: Path) -> int:
    """The graph as GraphML (edge attribute `type` is the relationship type); the characters dropped."""
    clean = _Clean()
    nodes, edges = list(g.nodes(data=True)), list(g.edges(data=True))
    cols = {"node": _columns([a for _, a in nodes]), "edge": _columns([a for *_, a in edges])}

    def data(scope: str, attrs: dict) -> str:
        return "".join(f'<data key="{scope[0]}{i}">{escape(clean(attrs[k]), _TEXT_ESCAPES)}</data>'
                       for i, k in enumerate(cols[scope]) if attrs.get(k) is not None)

    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for scope, columns in cols.items():
            for i, (name, kind) in enumerate(columns.items()):
                f.write(f'  <key id="{scope[0]}{i}" for="{scope}" attr.name={_attr(clean(name))} '
                        f'attr.type="{kind}"/>\n')
        f.write('  <graph id="G" edgedefault="directed">\n')
        for n, a in nodes:
            f.write(f'    <node id={_attr(clean(n))}>{data("node", a)}</node>\n')
        for i, (u, v, a) in enumerate(edges):
            f.write(f'    <edge id="e{i}" source={_attr(clean(u))} target={_attr(clean(v))}>{data("edge", a)}</edge>\n')
        f.write("  </graph>\n</graphml>\n")
    return clean.dropped


def write_gexf(g: nx.MultiDiGraph, path: Path) -> int:
    """The graph as GEXF 1.2: node type an attribute, relationship type the edge label and attribute `relation`.

    GEXF reserves the edge attributes `type` (directed or not), `start` and `end` (time), so none is used for data.
    """
    clean = _Clean()
    nodes = [(n, a.get("label"), {k: v for k, v in a.items() if k != "label"}) for n, a in g.nodes(data=True)]
    edges = [(u, v, a.get("type"), {"relation": a.get("type"), **{k: x for k, x in a.items() if k != "type"}})
             for u, v, a in g.edges(data=True)]
    cols = {"node": _columns([a for *_, a in nodes]), "edge": _columns([a for *_, a in edges])}

    def values(scope: str, attrs: dict) -> str:
        inner = "".join(f"<attvalue for=\"{i}\" value={_attr(clean(attrs[k]))}/>"
                        for i, k in enumerate(cols[scope]) if attrs.get(k) is not None)
        return f"<attvalues>{inner}</attvalues>" if inner else ""

    def label(value) -> str:
        return "" if value is None else f" label={_attr(clean(value))}"

    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
                '  <meta><creator>policykg</creator></meta>\n  <graph mode="static" defaultedgetype="directed">\n')
        for scope, columns in cols.items():
            f.write(f'    <attributes class="{scope}" mode="static">\n')
            for i, (name, kind) in enumerate(columns.items()):
                f.write(f'      <attribute id="{i}" title={_attr(clean(name))} type="{kind}"/>\n')
            f.write("    </attributes>\n")
        f.write("    <nodes>\n")
        for n, lab, a in nodes:
            f.write(f'      <node id={_attr(clean(n))}{label(lab)}>{values("node", a)}</node>\n')
        f.write("    </nodes>\n    <edges>\n")
        for i, (u, v, rel, a) in enumerate(edges):
            f.write(f'      <edge id="{i}" source={_attr(clean(u))} target={_attr(clean(v))}{label(rel)}>'
                    f'{values("edge", a)}</edge>\n')
        f.write("    </edges>\n  </graph>\n</gexf>\n")
    return clean.dropped
