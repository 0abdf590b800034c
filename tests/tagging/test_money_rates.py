"""Support rates (RATE): the share of a cost that is paid and its upper bound, the cap a rate is tied to, and
the percentages that are no support (growth, goals, shares, prices, tax rates)."""
from __future__ import annotations

import pytest

from pipeline.tagging.money import tag_money


def money(text: str) -> list[dict]:
    return [e.to_dict() for e in tag_money(text) if e.label == "MONEY"]


def rates(text: str) -> list[dict]:
    return [e.to_dict() for e in tag_money(text) if e.label == "RATE"]


def rates_and_roles(text: str) -> list[tuple]:
    return [(e.attrs["value"], e.attrs["role"]) for e in tag_money(text) if e.label == "RATE"]


def rate_values(text: str) -> list[float]:
    return [e.to_dict()["value"] for e in tag_money(text) if e.label == "RATE"]


# ---------------------------------------------------------------- rates of support
# sentence, rate text, value, role
RATE_TABLE = [
    ("对投保企业实际缴纳的年度保费给予30%、最高50万元的支持。", "30%", 0.3, "rate"),
    ("对达到数字化二级以上水平的企业，最高按项目投入50%给予奖补，最高100万元。", "最高按项目投入50%", 0.5, "rate_cap"),
    ("实施新一轮技术改造，对新购置设备总额给予最高15%的奖励。", "最高15%", 0.15, "rate_cap"),
    ("购买海外投资保险实缴费用给予不超过20%的支持。", "不超过20%", 0.2, "rate_cap"),
    ("每件给予维权成本的20%资助。", "20%", 0.2, "rate"),
    ("按照设备投资额的10%给予补助。", "10%", 0.1, "rate"),
    ("对参展企业给予展位费７０％的补贴。", "７０％", 0.7, "rate"),
    ("给予百分之三十的贷款贴息。", "百分之三十", 0.3, "rate"),
    ("贴息比例不超过LPR的50%。", "不超过LPR的50%", 0.5, "rate_cap"),
]


@pytest.mark.parametrize("sentence, written, value, role", RATE_TABLE)
def test_rate_table(sentence, written, value, role):
    got = rates(sentence)
    assert [(r["text"], r["value"], r["role"]) for r in got] == [(written, value, role)]


@pytest.mark.parametrize("text, expected", [
    ("对粤东粤西粤北地区企业，补助比例提高至70%。", [(0.7, "rate")]),
    ("研究将高标准农田建设补助比例提高至80%", [(0.8, "rate")]),
    ("贴息比例调整为50%", [(0.5, "rate")]),
    ("对不裁员的企业,返还标准可提高至企业及其职工上年度缴纳失业保险费的100%", [(1.0, "rate")]),
    ("2008年起超基数地方财政留用部分60%返还企业", [(0.6, "rate")]),
    ("补助比例为:银川市50%,石嘴山市、吴忠市70%,固原市90%。", [(0.5, "rate"), (0.7, "rate"), (0.9, "rate")]),
    ("研发投入占比提高至3%", []),                       # a share raised: a goal, not support
    ("成交额同比提高15%", []),
    ("对服务机构按其年度服务金额给予最高15%的奖励", [(0.15, "rate_cap")]),
    ("贴息比例不超过贷款利息的50%", [(0.5, "rate_cap")]),
])
def test_support_ratios_raised_to_a_level_or_capped(text, expected):
    assert rates_and_roles(text) == expected


# ---------------------------------------------------------------- percentages that are no support
@pytest.mark.parametrize("text", [
    "今年前5个月，进出口总值同比增长6.5%。",
    "2025年，力争全社会研发投入强度达到2.95%。",
    "100%保障全年新上重大项目用能。",
    "部分运行经费由市财政与县级市(区)按 1∶1 比例共同承担。",
    "租金按市场价的50%收取。",
    "对限购区域外首套住房、二套住房贷款首付比例分别按照20%、30%执行。",
    "并按每年每亩500元的价格支付租金(租金由市镇财政各负担50%)。",
    "所需资金分担比例为:自治区50%,市30%,县20%。",
    "高新技术企业占比达到35%，满足率95%。",
    "按照总额最高不超过20万元的额度，分三年按40%、30%、30%的比例给予奖励。",
    "乡镇卫生院按35~40%配备临床医生,按30~35%配备护理人员。",          # staffing ratios
])
def test_not_support_rates(text):
    assert rates(text) == []


def test_price_floor_percentage_is_not_a_support_rate():
    text = "土地出让价款按不低于全国工业用地出让最低价标准的70%执行。"
    assert [e for e in tag_money(text) if e.label == "RATE"] == []
    assert [e.attrs["value"] for e in tag_money("按设备投资额的8%给予补助，单个项目最高500万元。") if e.label == "RATE"] == [0.08]


def test_a_tax_relief_is_a_rate_but_the_tax_rate_is_not():
    text = "年应纳税所得额不超过100万元的部分，减按12.5%计入应纳税所得额，按20%的税率缴纳企业所得税。"
    assert rate_values(text) == [0.125]


def test_support_rate_still_found_beside_a_tax_sentence():
    assert rate_values("按设备投资额的10%给予补助。") == [0.1]


# ---------------------------------------------------------------- the cap a rate is tied to
def test_rate_ties_only_to_the_cap_stated_with_it():
    text = ("每件给予维权成本的20%资助，每个案件资助上限不超过30万元，每个单位资助不超过100万元。")
    got = money(text)
    assert [(m["amount"], m["rate"], m["scope"]) for m in got] == [
        (300000, 0.2, "每个案件"), (1000000, None, "每个单位")]


def test_rate_after_the_cap():
    got = money("单个项目最高补助300万元，且不超过项目总投资的30%。")
    assert [(m["amount"], m["role"], m["rate"]) for m in got] == [(3000000, "cap", 0.3)]


def test_cap_takes_the_rate_of_its_clause():
    ents = {e.text: e.attrs for e in tag_money("创新券按服务合同金额的50%给予补助，每家企业每年使用额度最高50万元；")}
    assert ents["最高50万元"]["rate"] == 0.5 and ents["最高50万元"]["role"] == "cap"


def test_per_mille_rates():
    from pipeline.tagging.money import tag_money
    got = [(e.text, e.attrs["value"]) for e in tag_money("奖励标准为投资额的1.2‰;按照千分之五给予奖励。") if e.label == "RATE"]
    assert got == [("1.2‰", 0.0012), ("千分之五", 0.005)]


def test_a_share_of_the_support_paid_in_instalments_is_no_support_rate():
    assert rate_values("按项目开工、竣工投产两个阶段,分别给予补助总额30%、70%的补助。") == []
    assert rate_values("按项目实际投资额的10%给予补助,补助总额不超过200万元。") == [0.1]


def test_a_per_mille_award_reckoned_as_a_share_of_the_investment_is_a_rate():
    assert rate_values("引荐人按项目实际投入且形成固定资产投资的3‰计算奖金。") == [0.003]


def test_a_support_standard_set_as_a_share_of_another_is_a_rate_a_tax_rate_applied_is_not():
    assert rate_values("新开国内航班,补贴标准按照第一类的80%执行。") == [0.8]
    assert rate_values("小规模纳税人增值税按3%执行。") == []


@pytest.mark.parametrize("text, expected", [
    ("按研发投入的3%—5%给予奖励", [(0.03, 0.05)]),
    ("按照实际支付地价款80%~100%给予补助", [(0.8, 1.0)]),
    ("分别给予10%、20%的补助", [(0.1, None), (0.2, None)]),     # two rates listed, no range
])
def test_a_rate_range_with_both_ends_written_is_one_rate(text, expected):
    assert [(r["value"], r["value_max"]) for r in rates(text)] == expected


def test_a_share_of_the_growth_awarded_once_is_a_rate_though_a_growth_word_stands_nearer():
    assert rate_values("营业收入15亿元以上,增速10%以上的,按同比增量的0.05%进行一次性奖励,最高不超过50万元") == [0.0005]
    assert rate_values("营业收入同比增长15%以上的企业") == []


def test_a_table_cell_of_a_support_verb_and_a_share_is_a_support_rate():
    assert rate_values("兴能新材料有限公司 | 4176 | 202560 | 40512 | 补40% |\n凤源服装有限公司 | 4670 | 补50% | |") == [0.4, 0.5]
    assert rate_values("资金缺口 | 弥补40% |") == []


def test_a_fraction_or_a_per_ten_thousand_that_sets_support_is_a_rate():
    assert [round(r["value"], 4) for r in rates("对新建茶园按照每亩补助三分之二的种苗款。")] == [0.6667]
    assert [r["value"] for r in rates("按交易额的万分之五给予奖励。")] == [0.0005]
    assert rates("三分之一以上的村完成改造。") == []


def test_a_share_raised_from_an_old_value_gives_the_new_value_as_the_rate():
    text = "中小微企业稳岗返还标准由实际缴费的50%提高至上年度企业及其职工缴纳失业保险费的100%,所需资金从失业保险基金中列支。"
    assert [(r["text"], r["role"]) for r in rates(text)] == [("100%", "rate")]
    assert rates("全市森林覆盖率由45%提高到50%。") == []
