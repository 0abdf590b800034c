"""Record -> store rows: identities, facts per table, provenance spans, shared-row naming rules."""
from __future__ import annotations

import json

import pytest

from pipeline.graph.build import build_rows, is_collective, jurisdiction_of, qualified_session, to_fen
from pipeline.settings import MODELS
from pipeline.types import Entity, Meta, Proposal, Record
from tests.graph.fakes import measures_record, reply_record


def _related(rows, relation):
    return [r for r in rows.rows("document_agencies") if r["relation"] == relation]


def test_reply_rows_name_the_proposal_session_proposers_and_units():
    rows = build_rows(reply_record())
    [proposal] = rows.rows("proposals")
    assert (proposal["id"], proposal["session"]) == ("中山市政协十三届三次会议#133089", "中山市政协十三届三次会议")
    assert {(p["name"], p["jurisdiction"]) for p in rows.rows("proposers")} == \
        {("蔡先全", "中山市"), ("杜姬芳", "中山市"), ("陆玲", "中山市")}
    assert [r["agency"] for r in _related(rows, "issued_by")] == ["中山市商务局"]
    assert [r["agency"] for r in _related(rows, "co_handled_by")] == ["中山市工业和信息化局", "中山市财政局"]
    assert {r["label"]: r["status"] for r in rows.rows("responses")} == {"一": "吸收采纳", "二": "留作参考"}
    assert [r["id"] for r in rows.rows("responses")] == ["reply133089/r1", "reply133089/r2"]


def test_provenance_points_at_the_text():
    rec = reply_record()
    rows = build_rows(rec)
    co = _related(rows, "co_handled_by")
    # the co-handler is named canonically in the proposal; its span is where the letter mentions it
    assert [rec.text[r["start"]:r["end"]] for r in co] == ["市工信局", "市财政局"]
    assert all(r["page"] == 1 for r in co)
    [issued] = _related(rows, "issued_by")
    assert rec.text[issued["start"]:issued["end"]] == "中山市商务局" and issued["start"] > 100   # the signature
    [reply] = rows.rows("replies")
    assert rec.text[reply["session_start"]:reply["session_end"]] == "市政协十三届三次会议"


def test_measures_amounts_and_responsible_units():
    rows = build_rows(measures_record())
    assert [(m["id"], m["label"]) for m in rows.rows("measures")] == [("measures01/m1", "一"), ("measures01/m2", "二")]
    cap = next(a for a in rows.rows("amounts") if a["role"] == "cap")
    assert (cap["amount_fen"], cap["rate"], cap["scope"], cap["currency"]) == (50000000, "0.5", "每家企业", "CNY")
    assert cap["measure_id"] == "measures01/m1"
    grant = next(a for a in rows.rows("amounts") if a["role"] == "grant")
    assert (grant["amount_fen"], grant["measure_id"], grant["page"]) == (15000000, "measures01/m2", 2)
    assert {(r["measure_id"][-1], r["agency"], r["role"]) for r in rows.rows("responsible_units")} == \
        {("1", "中山市商务局", "lead"), ("1", "中山市工业和信息化局", None), ("2", "中山市财政局", None)}


@pytest.mark.parametrize("amount, fen", [(2000000.0, 200000000), (0.5, 50), (1.2e9, 120000000000), (12.345, 1234),
                                         (None, None), ("x", None)])
def test_amounts_are_kept_in_exact_fen(amount, fen):
    assert to_fen(amount) == fen


def test_collective_recipients_get_no_agency():
    rows = build_rows(measures_record())
    assert [r["agency"] for r in _related(rows, "sent_to")] == ["中山市商务局"]
    assert not any("各镇" in a["name"] for a in rows.rows("agencies"))


def test_untagged_recipients_are_not_agencies():
    rec = reply_record()
    rec.meta.recipients = ["蔡先全、杜姬芳、陆玲委员"]
    rec.meta.cc = ["市工信局", "中国国际贸易促进委员会中山支会"]
    rows = build_rows(rec)
    assert _related(rows, "sent_to") == []
    assert [r["agency"] for r in _related(rows, "cc")] == ["中山市工业和信息化局"]


def test_untagged_issuer_is_kept_as_written():
    rec = reply_record()
    rec.meta.issuer = "衡阳市雁峰区科学技术局"
    rows = build_rows(rec)
    assert [r["agency"] for r in _related(rows, "issued_by")] == ["衡阳市雁峰区科学技术局"]
    assert {"name": "衡阳市雁峰区科学技术局", "tagged": 0} in rows.rows("agencies")


def test_agency_mentions_are_the_aliases():
    rows = build_rows(measures_record())
    assert {(m["agency"], m["text"]) for m in rows.rows("mentions") if m["agency"] == "中山市工业和信息化局"} == \
        {("中山市工业和信息化局", "工业和信息化局")}


def test_citation_keys_on_the_title_and_skips_the_proposal_itself():
    rec = reply_record()
    rec.entities.append(Entity("CITATION", "《关于推动外贸高质量发展的建议》", 60, 76, 1, {}))
    rows = build_rows(rec)
    assert [c["title_key"] for c in rows.rows("citations")] == ["中山市促进外经贸发展若干措施"]


def test_amount_outside_any_measure_belongs_to_the_document_only():
    rec = reply_record()
    rec.entities.append(Entity("MONEY", "贷款余额12亿元", 70, 78, 1, {"amount": 1.2e9, "role": "statistic"}))
    [amount] = build_rows(rec).rows("amounts")
    assert (amount["id"], amount["measure_id"], amount["amount_fen"]) == ("reply133089/a1", None, 120000000000)


def test_record_with_error_gives_only_its_document_row():
    rec = Record(id="bad1", source={"path": "x.pdf", "sha256": "0" * 64}, error="E112 PDF has no text layer")
    rows = build_rows(rec)
    assert rows.doc_id == "bad1" and rows.tables == {}


def test_traditional_record_resolves_names_through_simplified_forms():
    text = "懷化市科學技術局關於市政協一屆二次會議第5號提案答復的函\n市科技局會辦。\n懷化市科學技術局"
    rec = Record(id="trad1", source={}, text=text, kind="reply",
                 meta=Meta(title=text.splitlines()[0], issuer="懷化市科學技術局"),
                 entities=[Entity("AGENCY", "懷化市科學技術局", 0, 8, None, {"canonical": "懷化市科學技術局"}),
                           Entity("AGENCY", "市科技局", 29, 33, None, {"canonical": "懷化市科學技術局"})],
                 proposal=Proposal(number="5", session="市政協一屆二次會議", co_handlers=["市科技局"]))
    rows = build_rows(rec)
    assert [p["id"] for p in rows.rows("proposals")] == ["懷化市政協一屆二次會議#5"]
    assert [r["agency"] for r in _related(rows, "co_handled_by")] == ["懷化市科學技術局"]


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
