"""Held-out probe set (tests/fixtures/probe_holdout): score floors, canonical names, and one test per rule it led to.

Eight made-up web excerpts annotated before the pipeline first ran on them (round 5): replies to a province NPC
suggestion (Anhui), a city CPPCC proposal (Inner Mongolia) and a district NPC suggestion (Chongqing); measures from
Hebei, Guangxi (traditional script) and Jiangxi (（一） level with 牵头/配合 lines); a notice issuing fee rules
(Jilin) and a work notice (Shanxi). Untouched figures: money 0.979, rate 0.957, agency 0.951, responsible 0.882.
"""
from __future__ import annotations

import pytest

from pipeline.tagging.jurisdiction import infer_jurisdiction, parse_place_chain
from pipeline.tagging.money import tag_money
from tests.corpus import canonical_agreement

PROBE_SET = "probe_holdout"


@pytest.mark.parametrize("field, floor", [
    ("money", 0.97), ("cap", 0.97), ("rate", 0.95), ("agency", 0.96), ("responsible", 0.95),
    ("measure", 0.97), ("response", 0.97),
])
def test_holdout_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_holdout_roles_meta_and_proposals(figures):
    assert figures["money_role_accuracy"] >= 0.95, figures["role_confusion"]
    assert all(v >= 0.95 for v in figures["meta_accuracy"].values()), figures["meta_accuracy"]


def test_holdout_canonical_names_match_gold(probe):
    found, right = canonical_agreement(probe)
    assert found >= 70
    assert right / found >= 0.95


def test_holdout_district_of_municipality_canonical(records):
    """区财政局 in a 重庆市渝北区 bureau's letter is 重庆市渝北区财政局 (issuer body is a department core)."""
    ents = records["yubei-2023-district-npc-reply"]["entities"]
    canon = {e["text"]: e.get("canonical") for e in ents if e["label"] == "AGENCY"}
    assert canon["区财政局"] == "重庆市渝北区财政局"
    assert canon["区城市管理局"] == "重庆市渝北区城市管理局"


@pytest.mark.parametrize("issuer, county", [
    ("重庆市渝北区城市管理局", "渝北区"),
    ("天津市滨海新区商务局", "滨海新区"),
    ("重庆市渝北区财政局", "渝北区"),
    ("宜春市袁州区人民政府办公室", "袁州区"),
])
def test_place_chain_ends_before_department_core(issuer, county):
    assert parse_place_chain(issuer)[2] == county


def test_jurisdiction_of_district_bureau_issuer():
    j = infer_jurisdiction("", "重庆市渝北区城市管理局", None)
    assert j.name_at("区") == "重庆市渝北区"


@pytest.mark.parametrize("text, amount, amount_max, role", [
    ("逾期仍不缴纳的，处以1000元以上1万元以下罚款。", 1000, 10000, "other"),
    ("对违反规定的单位，处5000元以上3万元以下的罚款。", 5000, 30000, "other"),
    ("对单位处2万元罚款。", 20000, None, "other"),
    ("对投资500万元以上的项目，给予最高100万元补助。", 5000000, None, "threshold"),
])
def test_band_and_fine_amounts(text, amount, amount_max, role):
    """X以上Y以下 is one amount with a max; an amount right before 罚款 is a fine (role other)."""
    first = [e for e in tag_money(text) if e.label == "MONEY"][0]
    assert (first.attrs["amount"], first.attrs["amount_max"], first.attrs["role"]) == (amount, amount_max, role)


@pytest.mark.parametrize("text, rates", [
    ("居民生活垃圾处理费由供水企业随水费代收，代收手续费按实收金额的3%支付。", []),
    ("对企业支付的担保手续费按实际发生额的50%给予补贴。", [0.5]),
    ("按设备投资额的10%给予补助，单个项目最高不超过500万元。", [0.1]),
])
def test_commission_percentages_are_not_support_rates(text, rates):
    assert [e.attrs["value"] for e in tag_money(text) if e.label == "RATE"] == rates


def test_wenguanglv_bureau_keeps_he_in_its_name(records):
    """市文化廣電和旅遊局 is its own official name (和 kept), not 文化廣電旅遊局."""
    ents = records["guilin-2023-tourism-measures-trad"]["entities"]
    canon = {e["text"]: e.get("canonical") for e in ents if e["label"] == "AGENCY"}
    assert canon["市文化廣電和旅遊局"] == "桂林市文化廣電和旅遊局"


def test_new_cores_and_bodies_tagged(records):
    """Pre-2018 煤炭工业局, a 大数据中心 named as responsible unit, 人代工委 after 人大常委会."""
    def agencies(doc):
        return {e["text"]: e.get("canonical") for e in records[doc]["entities"] if e["label"] == "AGENCY"}
    assert agencies("taiyuan-2008-heating-work-notice")["市煤炭工业局"] == "太原市煤炭工业局"
    assert agencies("langfang-2019-digital-economy-measures")["市大数据中心"] == "廊坊市大数据中心"
    assert "区人大常委会人代工委" in agencies("yubei-2023-district-npc-reply")


def test_related_links_footer_is_chrome(records):
    """Portals listed after 相关链接 are links, not bodies acting in the letter."""
    texts = {e["text"] for e in records["anhui-2021-province-npc-reply"]["entities"] if e["label"] == "AGENCY"}
    assert "合肥市人民政府" not in texts and "安徽省人民政府" not in texts
    assert "省人民政府办公厅" in texts
