"""Exports: GraphML and GEXF read back by networkx, node-link JSON, Neo4j import CSVs, flat CSV/Parquet tables."""
from __future__ import annotations

import csv
import json
import os
import shlex
import xml.etree.ElementTree as ET
from contextlib import nullcontext
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from pipeline.graph.export import TABLES, DroppedCharacters, ExportRefused, export
from pipeline.graph.export_neo4j import neo4j_command, neo4j_files
from tests.graph.fakes import ingest_fake, measures_record

BAD = "\x00\x01\x08\x0b\x0c\x0e\x1f\ufffe\uffff"          # characters XML 1.0 does not allow


class FakeStore:
    """What graph exports rely on: a snapshot, the node and edge streams, cited documents, the path."""

    def __init__(self, path, nodes, edges):
        self.path, self._nodes, self._edges = Path(path), nodes, edges

    def read(self):
        return nullcontext(self)

    def cited_documents(self):
        return {}

    def iter_nodes(self):
        return iter([dict(n) for n in self._nodes])

    def iter_edges(self):
        return iter([dict(e) for e in self._edges])


def _node(key, label, value=None, **props):
    return {**props, "key": key, "type": key.split(":")[0], "label": label, "value": value}


def _edge(edge_type, src, dst, **props):
    return {**props, "type": edge_type, "src": src, "dst": dst, "doc_id": "d1", "page": 1, "start": 0, "end": 4}


def _rows(path, encoding="utf-8"):
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def _amounts_store(tmp_path):
    nodes = [_node("Document:d1", "通知", title="通知", recipients=["市商务局", "市财政局"]),
             _node("Amount:d1:1", "2亿元", 200000000.0, amount=200000000, role="cap"),
             _node("Amount:d1:2", "1234.56元", 1234.56, amount=1234.56, rate=0.30000000000000004)]
    edges = [_edge("STATES", "Document:d1", "Amount:d1:1"), _edge("STATES", "Document:d1", "Amount:d1:2")]
    return FakeStore(tmp_path / "fake.db", nodes, edges)


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_read_back(store, tmp_path, fmt, reader):
    [path] = export(store, fmt, tmp_path / f"g.{fmt}")
    g = reader(path)
    # the CitedDocument is merged into the ingested measures document: 17 nodes, not 18
    assert g.number_of_nodes() == 17 and g.number_of_edges() == 20
    cap = g.nodes["Amount:measures01/a1"]
    assert (float(cap["value"]), cap["role"], float(cap["rate"])) == (500000.0, "cap", 0.5)


def test_node_link_json(store, tmp_path):
    [path] = export(store, "json", tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    cites = [e for e in data["edges"] if e["type"] == "CITES"]
    assert [(c["source"], c["target"]) for c in cites] == [("Document:reply133089", "Document:measures01")]
    assert {n["id"] for n in data["nodes"] if n["type"] == "Person"} == \
        {"Person:蔡先全|中山市", "Person:杜姬芳|中山市", "Person:陆玲|中山市"}


def test_neo4j_bulk_import_csvs(store, tmp_path):
    written = export(store, "neo4j", tmp_path / "neo4j")
    names = sorted(p.name for p in written)
    assert "nodes_Agency.csv" in names and "relationships.csv" in names
    agencies = _rows(tmp_path / "neo4j" / "nodes_Agency.csv")
    assert list(agencies[0])[:3] == ["key:ID", "label:string", "value:double"] and list(agencies[0])[-1] == ":LABEL"
    assert {a["label:string"] for a in agencies} == {"中山市商务局", "中山市工业和信息化局", "中山市财政局", "中山市人民政府办公室"}
    rels = _rows(tmp_path / "neo4j" / "relationships.csv")
    assert list(rels[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    offers = [r for r in rels if r[":TYPE"] == "OFFERS"]
    assert {(r[":START_ID"], r[":END_ID"], r["page:int"]) for r in offers} == {
        ("Measure:measures01/m1", "Amount:measures01/a1", "1"), ("Measure:measures01/m2", "Amount:measures01/a2", "2")}


def test_flat_csv_tables(store, tmp_path):
    export(store, "csv", tmp_path / "tables")
    amounts = _rows(tmp_path / "tables" / "amounts.csv")
    assert [(a["doc_id"], a["amount"], a["role"], a["rate"], a["scope"]) for a in amounts if a["role"] == "cap"] == \
        [("measures01", "500000", "cap", "0.5", "每家企业")]
    entities = _rows(tmp_path / "tables" / "entities.csv")
    assert {e["canonical"] for e in entities if e["text"] == "市工信局"} == {"中山市工业和信息化局"}
    measures = _rows(tmp_path / "tables" / "measures.csv")
    assert json.loads(next(m for m in measures if m["label"] == "一")["responsible"]) == \
        ["中山市商务局", "中山市工业和信息化局"]
    assert len(_rows(tmp_path / "tables" / "edges.csv")) == 20
    assert [d["doc_number"] for d in _rows(tmp_path / "tables" / "documents.csv")] == ["中府办〔2025〕1号", "中山商务贸函〔2024〕8号"]


def test_flat_parquet_tables(store, tmp_path):
    written = export(store, "parquet", tmp_path / "pq")
    assert sorted(p.stem for p in written) == sorted(TABLES)
    amounts = pq.read_table(tmp_path / "pq" / "amounts.parquet").to_pylist()
    assert sorted(a["amount"] for a in amounts) == [150000.0, 500000.0]
    assert pq.read_table(tmp_path / "pq" / "documents.parquet").schema.field("year").type == "int64"


def test_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "dot", tmp_path / "g.dot")


# ---------------------------------------------------------------- GEXF keeps relationship types
def test_gexf_keeps_relationship_types_as_edge_label_and_relation(store, tmp_path):
    [path] = export(store, "gexf", tmp_path / "g.gexf")
    g = nx.read_gexf(path)
    offers = [a for _, _, a in g.edges(data=True) if a.get("relation") == "OFFERS"]
    assert len(offers) == 2 and {a["label"] for a in offers} == {"OFFERS"}
    assert {a["label"] for _, _, a in g.edges(data=True)} >= {"CITES", "ISSUED_BY", "RESPONSIBLE", "PROPOSED_BY"}
    assert all(a["label"] == a["relation"] for _, _, a in g.edges(data=True))
    assert (g.nodes["Agency:中山市财政局"]["type"], g.nodes["Amount:measures01/a1"]["type"]) == ("Agency", "Amount")
    # character spans stay data: GEXF reads edge start/end as time, so they must not make the graph dynamic
    assert ET.parse(path).getroot()[-1].get("mode") == "static"
    assert sorted((a["start"], a["end"]) for a in offers) == [(37, 43), (77, 81)]


# ---------------------------------------------------------------- characters XML 1.0 forbids
@pytest.fixture
def bad_store(tmp_path):
    docs = tmp_path / "bad"
    docs.mkdir()
    record = measures_record(title=f"中山市{BAD}促进措施")
    (docs / "m.txt").write_text(json.dumps(record.to_dict()), encoding="utf-8")
    report = ingest_fake([docs], tmp_path / "bad.db")
    assert len(report.added) == 1
    from pipeline.graph.store import open_store
    with open_store(tmp_path / "bad.db") as s:
        yield s


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_exports_drop_characters_xml_forbids_with_a_warning(bad_store, tmp_path, fmt, reader):
    with pytest.warns(DroppedCharacters, match="characters XML 1.0 does not allow"):
        written = export(bad_store, fmt, tmp_path / f"g.{fmt}")
    assert written.dropped >= len(BAD)
    ET.parse(written[0])                                             # a strict XML 1.0 parser accepts it
    assert reader(written[0]).nodes["Document:measures01"]["title"] == "中山市促进措施"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_drop_lone_surrogates_in_keys_and_properties(tmp_path, fmt):
    store = FakeStore(tmp_path / "fake.db", [_node("Person:张\ud800三", "张\udfff三", note="a\x02b")],
                      [_edge("KNOWS", "Person:张\ud800三", "Person:张\ud800三", text="\ud83d")])
    with pytest.warns(DroppedCharacters):
        [path] = export(store, fmt, tmp_path / f"g.{fmt}")
    ET.parse(path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert list(g.nodes) == ["Person:张三"] and g.nodes["Person:张三"]["note"] == "ab"


# ---------------------------------------------------------------- atomic writes
@pytest.mark.parametrize("fmt, writer", [("graphml", "write_graphml"), ("gexf", "write_gexf"), ("json", "_write_json")])
def test_a_failing_graph_export_leaves_the_previous_file_intact(store, tmp_path, monkeypatch, fmt, writer):
    [path] = export(store, fmt, tmp_path / "out" / f"g.{fmt}")
    before = path.read_bytes()

    def crash(g, out):
        Path(out).write_text("<trunc", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(f"pipeline.graph.export.{writer}", crash, raising=False)
    with pytest.raises(OSError, match="disk full"):
        export(store, fmt, path, force=True)
    assert path.read_bytes() == before and os.listdir(tmp_path / "out") == [path.name]


def test_a_failing_table_export_leaves_every_previous_table_intact(store, tmp_path, monkeypatch):
    written = export(store, "csv", tmp_path / "tables")
    before = {p.name: p.read_bytes() for p in written}

    def failing_edges():
        yield from list(type(store).iter_edges(store))[:3]
        raise OSError("disk full")

    monkeypatch.setattr(store, "iter_edges", failing_edges)
    with pytest.raises(OSError, match="disk full"):
        export(store, "csv", tmp_path / "tables", force=True)
    assert {p.name: p.read_bytes() for p in (tmp_path / "tables").iterdir()} == before


# ---------------------------------------------------------------- --out safety
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "neo4j", "csv", "parquet"])
def test_export_refuses_to_write_over_the_store(store, store_path, fmt):
    before = store_path.read_bytes()
    with pytest.raises(ExportRefused, match="graph store"):
        export(store, fmt, store_path, force=True)
    assert store_path.read_bytes() == before


def test_export_refuses_the_store_behind_a_link_or_a_relative_path(store, store_path, tmp_path, monkeypatch):
    (tmp_path / "link.json").symlink_to(store_path)
    os.link(store_path, tmp_path / "hard.json")
    monkeypatch.chdir(tmp_path / "docs")
    for out in (tmp_path / "link.json", tmp_path / "hard.json", Path("..") / store_path.name,
                "../docs/../" + store_path.name):
        with pytest.raises(ExportRefused, match="graph store"):
            export(store, "json", out, force=True)


def test_export_refuses_an_existing_file_unless_forced(store, tmp_path):
    (tmp_path / "g.json").write_text("keep me", encoding="utf-8")
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "edges.csv").write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportRefused, match="exists"):
        export(store, "json", tmp_path / "g.json")
    with pytest.raises(ExportRefused, match="edges.csv exists"):
        export(store, "csv", tmp_path / "tables")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == ["edges.csv"]
    export(store, "json", tmp_path / "g.json", force=True)
    assert json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))["directed"] is True


# ---------------------------------------------------------------- Neo4j
def test_neo4j_headers_are_typed_for_neo4j_admin(store, tmp_path):
    export(store, "neo4j", tmp_path / "neo4j")
    amounts = _rows(tmp_path / "neo4j" / "nodes_Amount.csv")
    header = list(amounts[0])
    assert header[:3] == ["key:ID", "label:string", "value:double"] and header[-1] == ":LABEL"
    assert {"amount:long", "rate:double", "role:string", "currency:string"} <= set(header)
    cap = next(a for a in amounts if a["role:string"] == "cap")
    assert (cap["amount:long"], cap["value:double"], cap["rate:double"], cap[":LABEL"]) == \
        ("500000", "500000", "0.5", "Amount")
    [doc] = [d for d in _rows(tmp_path / "neo4j" / "nodes_Document.csv") if d["key:ID"] == "Document:measures01"]
    assert doc["recipients:string[]"] == "各镇人民政府;市商务局"
    rels = _rows(tmp_path / "neo4j" / "relationships.csv")
    assert list(rels[0]) == [":START_ID", ":END_ID", ":TYPE", "doc_id:string", "page:int", "start:int", "end:int",
                             "role:string", "text:string"]
    assert {r["role:string"] for r in rels if r[":TYPE"] == "RESPONSIBLE"} == {"lead", ""}


def test_neo4j_export_returns_the_import_command_for_the_files_written(store, tmp_path):
    written = export(store, "neo4j", tmp_path / "neo4j")
    folder = (tmp_path / "neo4j").resolve()
    args = shlex.split(written.command)
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert args[5:] == [f"--nodes={folder / p.name}" for p in written if p.name != "relationships.csv"] + \
        [f"--relationships={folder / 'relationships.csv'}"]
    assert len(written) == 9        # 8 node types (the cited document is the stored one) and the relationships


def test_neo4j_picks_another_array_delimiter_and_multiline_fields_when_values_need_them():
    g = nx.MultiDiGraph()
    g.add_node("Document:d1", type="Document", label="第一行\n第二行", recipients=["甲;乙", "丙"])
    files = neo4j_files(g)
    assert files.array_delimiter == "|" and files.multiline
    assert files.tables["nodes_Document.csv"][1][3] == "甲;乙|丙"
    assert neo4j_command([Path("nodes_Document.csv")], files) == ("neo4j-admin database import full neo4j "
                                                                  "'--array-delimiter=|' --multiline-fields=true "
                                                                  "--nodes=nodes_Document.csv")


# ---------------------------------------------------------------- CSV for Excel, whole amounts everywhere
def test_csv_tables_can_carry_a_bom_for_excel(store, tmp_path):
    export(store, "csv", tmp_path / "plain")
    export(store, "csv", tmp_path / "excel", bom=True)
    assert (tmp_path / "excel" / "amounts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (tmp_path / "plain" / "amounts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    amounts = _rows(tmp_path / "excel" / "amounts.csv", encoding="utf-8-sig")
    assert sorted(a["amount"] for a in amounts) == ["150000", "500000"] and list(amounts[0])[0] == "key"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "neo4j"])
def test_whole_amounts_have_no_decimal_point_and_others_stay_exact(tmp_path, fmt):
    written = export(_amounts_store(tmp_path), fmt, tmp_path / f"out.{fmt}")
    text = "\n".join(p.read_text(encoding="utf-8") for p in written)
    assert "200000000" in text and "200000000.0" not in text
    assert "1234.56" in text and "0.30000000000000004" in text
