"""Record -> graph rows: node identity, typed edges, provenance spans, shared-node naming rules."""
from __future__ import annotations

import json

import pytest

from pipeline.graph.build import build_rows, is_collective, jurisdiction_of, qualified_session
from pipeline.settings import MODELS
from pipeline.types import Entity, Meta, Proposal, Record
from tests.graph.fakes import measures_record, reply_record


def _edges(rows, edge_type):
    return [e for e in rows.edges if e.type == edge_type]


def test_reply_edges_and_nodes():
    rec = reply_record()
    rows = build_rows(rec)
    keys = {n.key for n in rows.nodes}
    assert "Proposal:中山市政协十三届三次会议#133089" in keys
    assert "Session:中山市政协十三届三次会议" in keys
    assert {e.dst for e in _edges(rows, "PROPOSED_BY")} == {"Person:蔡先全|中山市", "Person:杜姬芳|中山市",
                                                           "Person:陆玲|中山市"}
    assert [e.dst for e in _edges(rows, "ISSUED_BY")] == ["Agency:中山市商务局"]
    assert [e.dst for e in _edges(rows, "CO_HANDLED_BY")] == ["Agency:中山市工业和信息化局", "Agency:中山市财政局"]
    responses = {n.props["section"]: n.props["status"] for n in rows.nodes if n.type == "Response"}
    assert responses == {"一": "吸收采纳", "二": "留作参考"}


def test_edge_provenance_points_at_the_text():
    rec = reply_record()
    rows = build_rows(rec)
    co = _edges(rows, "CO_HANDLED_BY")
    # the co-handler is named canonically in the proposal; its span is where the letter mentions it
    assert [rec.text[e.start:e.end] for e in co] == ["市工信局", "市财政局"]
    assert all(e.doc_id == rec.id and e.page == 1 for e in co)
    issued = _edges(rows, "ISSUED_BY")[0]
    assert rec.text[issued.start:issued.end] == "中山市商务局" and issued.start > 100   # the signature
    at = _edges(rows, "AT")[0]
    assert rec.text[at.start:at.end] == "市政协十三届三次会议"


def test_measures_amounts_and_responsible_units():
    rows = build_rows(measures_record())
    cap = next(n for n in rows.nodes if n.type == "Amount" and n.props["role"] == "cap")
    assert (cap.value, cap.props["rate"], cap.props["scope"], cap.props["currency"]) == (500000, 0.5, "每家企业", "CNY")
    offers = {e.dst: e.src for e in _edges(rows, "OFFERS")}
    assert offers[cap.key] == "Measure:measures01:15:一"
    grant = next(n for n in rows.nodes if n.type == "Amount" and n.props["role"] == "grant")
    assert grant.value == 150000 and offers[grant.key] == "Measure:measures01:66:二"
    assert next(e for e in _edges(rows, "OFFERS") if e.dst == grant.key).page == 2
    responsible = {(e.src[-1], e.dst, e.props.get("role")) for e in _edges(rows, "RESPONSIBLE")}
    assert responsible == {("一", "Agency:中山市商务局", "lead"), ("一", "Agency:中山市工业和信息化局", None),
                           ("二", "Agency:中山市财政局", None)}


def test_collective_recipients_get_no_agency_node():
    rows = build_rows(measures_record())
    assert [e.dst for e in _edges(rows, "SENT_TO")] == ["Agency:中山市商务局"]
    assert not any("各镇" in n.key for n in rows.nodes)
    assert rows.nodes[0].props["recipients"] == ["各镇人民政府", "市商务局"]     # kept on the document


def test_untagged_recipients_are_not_agencies():
    rec = reply_record()
    rec.meta.recipients = ["蔡先全、杜姬芳、陆玲委员"]
    rec.meta.cc = ["市工信局", "中国国际贸易促进委员会中山支会"]
    rows = build_rows(rec)
    assert _edges(rows, "SENT_TO") == []
    assert [e.dst for e in _edges(rows, "CC")] == ["Agency:中山市工业和信息化局"]


def test_untagged_issuer_is_kept_as_written():
    rec = reply_record()
    rec.meta.issuer = "衡阳市雁峰区科学技术局"
    assert [e.dst for e in _edges(build_rows(rec), "ISSUED_BY")] == ["Agency:衡阳市雁峰区科学技术局"]


def test_agency_mentions_are_the_aliases():
    rows = build_rows(measures_record())
    assert {(m.node, m.text) for m in rows.mentions if m.node == "Agency:中山市工业和信息化局"} == \
        {("Agency:中山市工业和信息化局", "工业和信息化局")}


def test_citation_node_keys_on_the_title_and_skips_the_proposal_itself():
    rec = reply_record()
    rec.entities.append(Entity("CITATION", "《关于推动外贸高质量发展的建议》", 60, 76, 1, {}))
    rows = build_rows(rec)
    assert [e.dst for e in _edges(rows, "CITES")] == ["CitedDocument:t:中山市促进外经贸发展若干措施"]


def test_amount_outside_any_measure_is_stated_by_the_document():
    rec = reply_record()
    rec.entities.append(Entity("MONEY", "贷款余额12亿元", 70, 78, 1, {"amount": 1.2e9, "role": "statistic"}))
    rows = build_rows(rec)
    assert [(e.src, e.dst) for e in _edges(rows, "STATES")] == [("Document:reply133089", "Amount:reply133089:70")]


def test_record_with_error_gives_only_its_document_node():
    rec = Record(id="bad1", source={"path": "x.pdf", "sha256": "0" * 64}, error="E112 PDF has no text layer")
    rows = build_rows(rec)
    assert [n.key for n in rows.nodes] == ["Document:bad1"] and rows.edges == []


def test_traditional_record_resolves_names_through_simplified_forms():
    text = "懷化市科學技術局關於市政協一屆二次會議第5號提案答復的函\n市科技局會辦。\n懷化市科學技術局"
    rec = Record(id="trad1", source={}, text=text, kind="reply",
                 meta=Meta(title=text.splitlines()[0], issuer="懷化市科學技術局"),
                 entities=[Entity("AGENCY", "懷化市科學技術局", 0, 8, None, {"canonical": "懷化市科學技術局"}),
                           Entity("AGENCY", "市科技局", 29, 33, None, {"canonical": "懷化市科學技術局"})],
                 proposal=Proposal(number="5", session="市政協一屆二次會議", co_handlers=["市科技局"]))
    rows = build_rows(rec)
    assert "Proposal:懷化市政協一屆二次會議#5" in {n.key for n in rows.nodes}
    assert [e.dst for e in _edges(rows, "CO_HANDLED_BY")] == ["Agency:懷化市科學技術局"]


@pytest.mark.parametrize("session, issuer, expected", [
    ("市政协十三届三次会议", "中山市商务局", "中山市"),
    ("区人大二届五次会议", "金华市婺城区科学技术局", "金华市婺城区"),
    ("省政协十二届四次会议", "河南省发展和改革委员会", "河南省"),
    ("州政协十届三次会议", "文山壮族苗族自治州人民政府办公室", "文山壮族苗族自治州"),
    ("县人大十七届一次会议", "长丰县农业农村局", "长丰县"),
    ("市政协十三届三次会议", "中山市市场监督管理局", "中山市"),
    ("全国政协十四届二次会议", "工业和信息化部", ""),
    ("市政协十三届三次会议", None, ""),
])
def test_jurisdiction_of_a_relative_session(session, issuer, expected):
    assert jurisdiction_of(session, issuer) == expected


@pytest.mark.parametrize("name, collective", [
    ("各镇人民政府", True), ("各区人民政府", True), ("有关部门", True), ("市直各有关单位", True),
    ("市商务局", False), ("苏州工业园区管理委员会", False), ("广东省财政厅", False),
])
def test_is_collective(name, collective):
    assert is_collective(name) is collective


def test_keys_data_examples_hold():
    data = json.loads((MODELS / "graph" / "keys.json").read_text(encoding="utf-8"))
    examples = data["relative_levels"]["examples"]
    assert examples
    for given, expected in examples.items():
        session, issuer = given.split(" + ")
        assert qualified_session(session, issuer) == expected
