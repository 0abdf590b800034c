"""Money and rate rules found with the probe set: financial numerals, per-unit amounts, ratio changes."""
from __future__ import annotations

import pytest

from pipeline.tagging.money import tag_money
from pipeline.numerals import parse_number


def money(text: str) -> list[tuple]:
    return [(e.attrs["amount"], e.attrs["amount_max"], e.attrs["currency"], e.attrs["role"])
            for e in tag_money(text) if e.label == "MONEY"]


def rates(text: str) -> list[tuple]:
    return [(e.attrs["value"], e.attrs["role"]) for e in tag_money(text) if e.label == "RATE"]


@pytest.mark.parametrize("written, value", [
    ("伍万", 50000), ("壹仟贰佰", 1200), ("贰拾万", 200000), ("叁佰伍拾", 350),
])
def test_financial_numerals(written, value):
    assert parse_number(written) == value


@pytest.mark.parametrize("text, expected", [
    # financial numerals on vouchers and awards
    ("给予一次性补助人民币伍万元整", [(50000, None, "CNY", "grant")]),
    ("对返乡创业的，给予一次性创业资助人民币伍仟元。", [(5000, None, "CNY", "grant")]),
    ("奖励人民币二十万元", [(200000, None, "CNY", "grant")]),
    # a per-unit amount (元/亩, 万元/人) keeps the support word after it
    ("按照300元/亩的标准给予补贴", [(300, None, "CNY", "grant")]),
    ("按照500元/亩的标准给予补贴", [(500, None, "CNY", "grant")]),
    ("一次性给予奖励资金3万元/人", [(30000, None, "CNY", "grant")]),
    ("对新评为省级农业龙头企业的，一次性给予奖励资金20万元。", [(200000, None, "CNY", "grant")]),
    # eligibility heads beyond 企业/项目
    ("对年营收超1000万元的孵化器给予奖励", [(10000000, None, "CNY", "threshold")]),
    # amounts as the probe documents wrote them
    ("单个项目最高不超过1000万元", [(10000000, None, "CNY", "cap")]),
    ("对当年实际利用外资1000万美元以上的新设外资企业", [(10000000, None, "USD", "threshold")]),
    ("新设注册资本2000万港元以上企业的，优先纳入重点项目库", [(20000000, None, "HKD", "threshold")]),
    ("对获评示范单位的商户给予5万元至10万元的资金支持", [(50000, 100000, "CNY", "range")]),
    ("分别给予最高300万元、200万元、100万元奖励",
     [(3000000, None, "CNY", "cap"), (2000000, None, "CNY", "cap"), (1000000, None, "CNY", "cap")]),
    ("据测算，政策实施后每年减免税款约200亿元", [(20000000000, None, "CNY", "statistic")]),
    ("累计投入柑橘产业发展资金3200余万元", [(32000000, None, "CNY", "budget")]),
    ("经费批复5万元的调研工作经费待各商业银行与人民银行清算", [(50000, None, "CNY", "budget")]),
])
def test_probe_amounts_and_roles(text, expected):
    assert money(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("对粤东粤西粤北地区企业，补助比例提高至70%。", [(0.7, "rate")]),
    ("研究将高标准农田建设补助比例提高至80%", [(0.8, "rate")]),
    ("贴息比例调整为50%", [(0.5, "rate")]),
    ("研发投入占比提高至3%", []),                       # a share raised: a goal, not support
    ("成交额同比提高15%", []),
    ("对服务机构按其年度服务金额给予最高15%的奖励", [(0.15, "rate_cap")]),
    ("贴息比例不超过贷款利息的50%", [(0.5, "rate_cap")]),
])
def test_probe_support_rates(text, expected):
    assert rates(text) == expected


def test_cap_takes_the_rate_of_its_clause():
    ents = {e.text: e.attrs for e in tag_money("创新券按服务合同金额的50%给予补助，每家企业每年使用额度最高50万元；")}
    assert ents["最高50万元"]["rate"] == 0.5 and ents["最高50万元"]["role"] == "cap"


def test_bound_word_broken_from_its_number_by_a_line_break():
    """PDF text: 不超过 at a line end still bounds the amount (not 超过 = approximately)."""
    [e] = [e for e in tag_money("给予每个项目不超过\n200万元的支持") if e.label == "MONEY"]
    assert (e.attrs["amount"], e.attrs["role"], e.attrs["approx"]) == (2000000, "cap", False)
