"""Money roles fixed in robustness round 4: date spans, fund totals, per-unit rates, brackets, reports, tax rates."""
from __future__ import annotations

import pytest

from pipeline.tagging.money import tag_money


def role_of(text: str, written: str) -> str:
    """Role of the one MONEY entity whose text ends with `written`."""
    hits = [e for e in tag_money(text) if e.label == "MONEY" and "".join(e.text.split()).endswith(written)]
    assert len(hits) == 1, (written, [e.text for e in tag_money(text)])
    return hits[0].to_dict()["role"]


def rate_values(text: str) -> list[float]:
    return [e.to_dict()["value"] for e in tag_money(text) if e.label == "RATE"]


@pytest.mark.parametrize("text, written, role", [
    # the end of a date span (…日至2022年…) is not a goal year
    ("2021年1月1日至2022年12月31日期间新认定为国家级技术创新示范企业的，给予一次性奖励80万元。", "80万元", "grant"),
    ("2020年7月1日至2021年6月30日期间，新认定为省级众创空间的，给予一次性奖励20万元。", "20万元", "grant"),
    ("到2025年，全市数字经济核心产业增加值突破500亿元。", "500亿元", "target"),
    # the total of a fund is its budget
    ("2023年度专项扶持资金总额为1200万元，申报金额超出的按比例核减。", "1200万元", "budget"),
    ("全年进出口总额达到320亿元。", "320亿元", "statistic"),
    # an allocating verb before a fund noun makes a budget; a support verb keeps a grant
    ("2022年，省级安排乡村振兴衔接补助资金52.3亿元。", "52.3亿元", "budget"),
    ("对验收合格的项目，给予补助资金10万元。", "10万元", "grant"),
    # funds secured from above are a budget, even when named as 补助资金
    ("2023年，我县争取省级财政补助资金3200万元。", "3200万元", "budget"),
    # 其中 ('of which'): a part of a budget is a budget unless it has its own support cue
    ("县财政安排农村公路建设资金2.4亿元，新建道路120公里。其中，某乡道改建项目总投资3800万元。", "3800万元", "budget"),
    ("市财政安排专项资金1亿元，其中给予企业奖励4000万元。", "4000万元", "grant"),
    ("保障标准为每村每年不低于9万元，其中村干部报酬不低于当地平均收入。2021年共下达补助资金6.2亿元。",
     "6.2亿元", "statistic"),
    # growth over last year, past disbursements and raised standards elsewhere are reported figures
    ("省财政安排资金30亿元，比上年增加2.5亿元。", "2.5亿元", "statistic"),
    ("2022年共下达补助资金7.6亿元。", "7.6亿元", "statistic"),
    ("部分市州已将村级运转经费标准提高到每村每年12万元以上。", "12万元以上", "statistic"),
    # a per-unit rate: the base noun (新增) does not decide, the word after the amount does
    ("按新增建筑面积每平方米80元给予奖励，单个项目最高300万元。", "80元", "grant"),
    ("按照每人每月200元发放高龄津贴。", "200元", "grant"),
    ("保洁员工资按每人每月不低于1500元标准发放。", "1500元", "other"),
    # eligibility bands and tax brackets are thresholds
    ("设备投资额在300万元以上、1000万元以下的，按投资额的8%给予补助。", "300万元以上、1000万元以下", "threshold"),
    ("合同金额累计达到500万元以上的服务商，给予奖励。", "500万元以上", "threshold"),
    ("对小型微利企业年应纳税所得额超过100万元但不超过300万元的部分，减按25%计入应纳税所得额。",
     "超过100万元但不超过300万元", "threshold"),
])
def test_round4_money_roles(text, written, role):
    assert role_of(text, written) == role


def test_a_tax_relief_is_a_rate_but_the_tax_rate_is_not():
    text = "年应纳税所得额不超过100万元的部分，减按12.5%计入应纳税所得额，按20%的税率缴纳企业所得税。"
    assert rate_values(text) == [0.125]


def test_support_rate_still_found_beside_a_tax_sentence():
    assert rate_values("按设备投资额的10%给予补助。") == [0.1]


# --- agency misses of round 4 -------------------------------------------------------------

from pipeline.tagging.agencies import tag_agencies  # noqa: E402
from pipeline.tagging.jurisdiction import infer_jurisdiction  # noqa: E402


def agencies(text: str, issuer: str) -> list[tuple[str, str | None]]:
    j = infer_jurisdiction("", issuer, None, None)
    return [(e.text, e.attrs["canonical"]) for e in tag_agencies(text, j)]


@pytest.mark.parametrize("text, issuer, expected", [
    # a zone's own department keeps the zone name; its official name is not certain
    ("各县区科技局、财政局，高新区科技局、财政局，各有关单位：", "咸阳市科学技术局", ("高新区科技局", None)),
    ("各县（市、区）财政局，经开区财政局：", "洛阳市财政局", ("经开区财政局", None)),
    # the standard 综合行政执法 name of a city's urban-management bureau
    ("协办单位为市财政局、市城市管理综合行政执法局。", "邯郸市住房和城乡建设局",
     ("市城市管理综合行政执法局", "邯郸市城市管理综合行政执法局")),
    # a county's tea-industry centre (事业单位), in traditional script too
    ("由县茶产业发展中心组织技术培训。", "凤冈县农业农村局", ("县茶产业发展中心", "凤冈县茶产业发展中心")),
    ("組織縣茶產業發展中心技術人員開展培訓。", "正安縣農業農村局", ("縣茶產業發展中心", "正安縣茶產業發展中心")),
])
def test_round4_agencies(text, issuer, expected):
    assert expected in agencies(text, issuer)


def test_district_department_after_a_zone_board_is_not_extended():
    found = agencies("高新区管委会、区科技局配合。", "宝鸡市人民政府")
    assert [t for t, _ in found] == ["高新区管委会", "区科技局"]
