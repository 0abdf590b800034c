"""One Agency per body across documents and years; same short name in two places stays two; merges explained."""
from __future__ import annotations

import pytest

from pipeline.linking.agencies import agency_edges, full_name, renames, resolve_agencies, successor
from pipeline.types import Entity, Meta, Record
from tests.linking.sketch import corpus_records


def _doc(doc_id, issuer, date, mentions):
    text = "、".join(t for t, _ in mentions)
    entities, pos = [], 0
    for t, canonical in mentions:
        entities.append(Entity("AGENCY", t, pos, pos + len(t), attrs={"canonical": canonical} if canonical else {}))
        pos += len(t) + 1
    return Record(id=doc_id, source={}, meta=Meta(issuer=issuer, date=date), text=text, entities=entities)


def test_renamed_body_is_one_agency_with_the_gazetteer_as_reason():
    old = _doc("2018", "中山市人民政府办公室", "2018-06-01", [("市经济和信息化局", None)])
    new = _doc("2025", "中山市人民政府办公室", "2025-04-15", [("市工信局", "中山市工业和信息化局"),
                                                             ("市工业和信息化局", None)])
    [agency] = resolve_agencies([old, new])
    assert agency.name == "中山市工业和信息化局" and agency.jurisdiction == "中山市"
    assert set(agency.aliases) == {"市经济和信息化局", "中山市经济和信息化局", "市工信局", "市工业和信息化局"}
    rules = {r.alias: r.rule for r in agency.reasons}
    assert rules["中山市经济和信息化局"] == "reorganisation" and rules["市工信局"] == "tagger-canonical"
    assert rules["市工业和信息化局"] == "jurisdiction-prefix"
    assert "机构改革" in next(r.detail for r in agency.reasons if r.rule == "reorganisation")
    assert sorted(agency.documents) == ["2018", "2025"]


def test_same_short_name_in_two_cities_stays_apart():
    a = _doc("zs", "中山市人民政府", "2024-01-01", [("市商务局", None)])
    b = _doc("jm", "江门市人民政府", "2024-01-01", [("市商务局", None)])
    names = [x.name for x in resolve_agencies([a, b])]
    assert names == ["中山市商务局", "江门市商务局"]


def test_rename_is_only_applied_where_the_gazetteer_scopes_it():
    # 经信局 -> 工信局 is recorded for some cities only; elsewhere both bodies stay as written.
    assert successor("杭州市经济和信息化局") == ("杭州市经济和信息化局", None)
    name, row = successor("宁波市环境保护局")                  # nationwide 2018 reform row
    assert name == "宁波市生态环境局" and row.scope == "*"
    assert all(r.source for r in renames())


@pytest.mark.parametrize("text, place, expected", [
    ("区科技局", "金华市婺城区", ("金华市婺城区科技局", "jurisdiction-prefix")),
    ("县财政局", "盘山县", ("盘山县财政局", "jurisdiction-prefix")),
    ("财政局", "中山市", ("中山市财政局", "document-jurisdiction")),
    ("市场监督管理局", "成都市", ("成都市市场监督管理局", "document-jurisdiction")),
    ("中山海关", "中山市", ("中山海关", "as-written")),
    ("苏州市商务局", "中山市", ("苏州市商务局", "as-written")),
    ("市商务局", "金华市婺城区", ("金华市商务局", "jurisdiction-prefix")),   # the enclosing city's body
    ("省财政厅", "金华市婺城区", ("省财政厅", "as-written")),              # province unknown from the text
])
def test_full_names_from_document_context(text, place, expected):
    assert full_name(text, None, place)[:2] == expected


def test_dev_corpus_agencies_merge_by_canonical_and_scripts():
    agencies = {a.name: a for a in resolve_agencies(corpus_records())}
    assert {"市工信局", "工业和信息化局"} <= set(agencies["中山市工业和信息化局"].aliases)
    assert "中共怀化市委员会" in agencies                      # traditional canonical keyed in simplified
    edges = agency_edges(agencies.values())
    assert all(e.type == "ALIAS_OF" and e.rule for e in edges)
