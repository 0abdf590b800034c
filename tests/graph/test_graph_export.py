"""Exports: GraphML and GEXF read back by networkx, node-link JSON, Neo4j import CSVs, flat CSV/Parquet tables."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from pipeline.graph.export import TABLES, export


def _rows(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


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
    assert list(agencies[0])[:3] == ["key:ID", "label", "value:float"] and list(agencies[0])[-1] == ":LABEL"
    assert {a["label"] for a in agencies} == {"中山市商务局", "中山市工业和信息化局", "中山市财政局", "中山市人民政府办公室"}
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
