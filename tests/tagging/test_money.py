"""tag_money: amounts as written (Arabic, Chinese and financial numerals, units, currencies, ranges, lists sharing a
unit or a bound, line breaks and noise inside them) and their attributes, on sentences in the style of many
cities' and provinces' measures and reports; roles as the rule table gives them (helpers.ruled_money)."""
from __future__ import annotations

import json
import re

import pytest

from pipeline.extraction import extract
from pipeline.numerals import parse_number
from pipeline.tagging.money_lexicon import LEXICONS
from tests.corpus import INVENTED
from tests.tagging.helpers import amounts, ruled_money


def money(text: str) -> list[dict]:
    return [e.to_dict() for e in ruled_money(text) if e.label == "MONEY"]


def only(text: str, written: str) -> dict:
    """The MONEY entity whose text ends with `written` (white space ignored)."""
    hits = [m for m in money(text) if "".join(m["text"].split()).endswith(written)]
    assert len(hits) == 1, (written, money(text))
    return hits[0]


# sentence, amount text, amount, amount_max, currency, approx, role, rate, scope
MONEY_TABLE = [
    ("对新认定的国家级专精特新“小巨人”企业一次性奖励50万元。", "50万元",
     500000, None, "CNY", False, "grant", None, None),
    ("按设备投资额的10%给予补助，单个项目最高不超过300万元。", "最高不超过300万元",
     3000000, None, "CNY", False, "cap", 0.1, "单个项目"),
    ("给予每人每月1500元租房补贴。", "1500元", 1500, None, "CNY", False, "grant", None, "每人每月"),
    ("对年主营业务收入首次突破10亿元的企业，给予100万元奖励。", "突破10亿元",
     1e9, None, "CNY", True, "threshold", None, None),
    ("对年主营业务收入首次突破10亿元的企业，给予100万元奖励。", "100万元",
     1e6, None, "CNY", False, "grant", None, "年主营业务收入首次突破10亿元的企业"),
    ("市财政每年安排5000万元专项资金，用于支持先进制造业发展。", "5000万元",
     5e7, None, "CNY", False, "budget", None, None),
    ("全年实际利用外资1.2亿美元，同比增长6%。", "1.2亿美元", 1.2e8, None, "USD", False, "statistic", None, None),
    ("对获评省级服务型制造示范企业的，给予五十万元奖励。", "五十万元", 500000, None, "CNY", False, "grant", None, None),
    ("对认定为国家技术创新示范企业的，奖励二千万元。", "二千万元", 2e7, None, "CNY", False, "grant", None, None),
    ("对总投资500万元以上的技术改造项目，按设备投资额的8%给予补助。", "500万元以上",
     5e6, None, "CNY", True, "threshold", None, None),
    ("对年销售额达到2000万元的企业给予一次性奖励。", "2000万元", 2e7, None, "CNY", False, "threshold", None, None),
    ("对获批的省级重点实验室给予30万—50万元资助。", "30万—50万元", 3e5, 5e5, "CNY", False, "range", None, None),
    ("对承办市级促消费活动的企业，给予3-5万元的资金支持。", "3-5万元", 3e4, 5e4, "CNY", False, "range", None,
     "承办市级促消费活动的企业"),
    ("每户补助2000元至5000元。", "2000元至5000元", 2000, 5000, "CNY", False, "range", None, "每户"),
    ("设立规模10亿元的产业引导基金。", "10亿元", 1e9, None, "CNY", False, "budget", None, None),
    ("统筹各级财政资金2.3亿元用于乡村振兴。", "2.3亿元", 2.3e8, None, "CNY", False, "budget", None, None),
    ("按照实际贷款利息的50%给予贴息，每家企业年度贴息额不超过50万元。", "不超过50万元",
     5e5, None, "CNY", False, "cap", 0.5, "每家企业"),
    ("对投保出口信用保险的企业，给予保费50%的补贴，每家企业每年不超过20万元。", "不超过20万元",
     2e5, None, "CNY", False, "cap", 0.5, "每家企业每年"),
    ("补助标准为每平方米200元，单个项目补助总额不超过100万元。", "不超过100万元",
     1e6, None, "CNY", False, "cap", None, "单个项目"),
    ("全市实现地区生产总值4200亿元，增长5.2%。", "4200亿元", 4.2e11, None, "CNY", False, "statistic", None, None),
    ("累计为企业减税降费约12亿元。", "约12亿元", 1.2e9, None, "CNY", True, "statistic", None, None),
    ("力争2025年全市规上工业总产值达到8000亿元。", "8000亿元", 8e11, None, "CNY", False, "target", None, None),
    ("到2027年，全省数字经济核心产业增加值突破1万亿元。", "突破1万亿元", 1e12, None, "CNY", True, "target", None, None),
    ("企业获得股权投资超5000万元的，给予50万元奖励。", "超5000万元", 5e7, None, "CNY", True, "threshold", None, None),
    ("按不超过实际投资额30%的比例给予补助，最高300万元。", "最高300万元", 3e6, None, "CNY", False, "cap", 0.3, None),
    ("对在港设立研发中心的企业给予300万港元资助。", "300万港元", 3e6, None, "HKD", False, "grant", None, None),
    ("项目总投资2000万欧元，已完成投资1500万欧元。", "1500万欧元", 1.5e7, None, "EUR", False, "statistic", None, None),
    ("省级财政安排3亿元，撬动社会资本30亿元。", "30亿元", 3e9, None, "CNY", False, "statistic", None, None),
    ("单个项目补助金额最高可达200万元。", "最高可达200万元", 2e6, None, "CNY", False, "cap", None, "单个项目"),
    ("对新引进的顶尖人才团队，给予最高1亿元项目资助。", "最高1亿元", 1e8, None, "CNY", False, "cap", None,
     "新引进的顶尖人才团队"),
    ("补助控制在30万元以内。", "30万元", 3e5, None, "CNY", False, "cap", None, None),
    ("按50%补助，200万元封顶。", "200万元", 2e6, None, "CNY", False, "cap", 0.5, None),
    ("拨付专项经费1000余万元。", "1000余万元", 1e7, None, "CNY", True, "budget", None, None),
    ("当年新增普惠小微贷款20亿元左右。", "20亿元左右", 2e9, None, "CNY", True, "statistic", None, None),
    ("重点企业最高奖补200万元。", "最高奖补200万元", 2e6, None, "CNY", False, "cap", None, "重点企业"),
    ("每个案件资助上限不超过30万元。", "上限不超过30万元", 3e5, None, "CNY", False, "cap", None, "每个案件"),
    ("1-6月，全省进出口总值3.2万亿元。", "3.2万亿元", 3.2e12, None, "CNY", False, "statistic", None, None),
    ("我区计划今年投入1200多万推进老旧小区改造。", "1200多万", 1.2e7, None, "CNY", True, "budget", None, None),
    ("足额赔付 150 万\n\n元，有效补偿企业订单损失。", "150万\n\n元".replace("\n", ""),
     1.5e6, None, "CNY", False, "statistic", None, None),
    ("對符合條件的企業給予最高50萬元獎勵。", "最高50萬元", 5e5, None, "CNY", False, "cap", None, None),
    ("单笔贷款贴息最高 50 万元。", "最高50万元", 5e5, None, "CNY", False, "cap", None, "单笔贷款"),
    ("给予１５万元补贴。", "１５万元", 1.5e5, None, "CNY", False, "grant", None, None),
    ("截至2024年6月底，全市普惠小微贷款余额1236.5亿元。", "1236.5亿元", 1.2365e11, None, "CNY", False,
     "statistic", None, None),
    ("目前我县已争取上级资金5800万元。", "5800万元", 5.8e7, None, "CNY", False, "budget", None, None),
    ("每年统筹安排技改资金不少于3亿元。", "3亿元", 3e8, None, "CNY", False, "budget", None, None),
    ("项目建成后预计年产值30亿元。", "30亿元", 3e9, None, "CNY", False, "target", None, None),
    ("2019年全县财政总收入12.6亿元。", "12.6亿元", 1.26e9, None, "CNY", False, "statistic", None, None),
    ("年度研发投入超过1000万元且增幅超过20%的企业，按增量部分的10%给予奖励。", "超过1000万元", 1e7, None,
     "CNY", True, "threshold", None, None),
    ("对租用厂房的，按每平方米每月10元标准给予租金补贴。", "10元", 10, None, "CNY", False, "grant", None,
     "每平方米每月"),
    ("带动社会投资数十亿元。", "数十亿元", 1e9, None, "CNY", True, "statistic", None, None),
    ("给予5万～10万元奖励。", "5万～10万元", 5e4, 1e5, "CNY", False, "range", None, None),
    ("给予HK$500万资助。", "HK$500万", 5e6, None, "HKD", False, "grant", None, None),
    ("合同金额¥500,000。", "¥500,000", 5e5, None, "CNY", False, "statistic", None, None),
]


@pytest.mark.parametrize("sentence, written, amount, amount_max, currency, approx, role, rate, scope",
                         MONEY_TABLE)
def test_money_table(sentence, written, amount, amount_max, currency, approx, role, rate, scope):
    m = only(sentence, written)
    assert m["amount"] == pytest.approx(amount)
    assert (m["amount_max"] is None) == (amount_max is None)
    if amount_max is not None:
        assert m["amount_max"] == pytest.approx(amount_max)
    assert (m["currency"], m["approx"], m["role"], m["rate"], m["scope"]) == (currency, approx, role, rate, scope)
    assert sentence[m["start"]:m["end"]] == m["text"]


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
])
def test_amounts_in_financial_numerals(text, expected):
    assert amounts(text) == expected


def test_foreign_currencies_before_and_after_the_number():
    """新台币 written before the number, 美元/欧元/日元/韩元/港元 after it."""
    records = {doc: extract(INVENTED / f"{doc}.txt", isolate=False).to_dict()
               for doc in ("chengdu-2021-trade-currencies", "xiamen-2018-tourism-measures-trad")}
    codes = {e["currency"] for r in records.values() for e in r["entities"] if e["label"] == "MONEY"}
    assert {"CNY", "USD", "EUR", "JPY", "KRW", "HKD", "TWD"} <= codes


def test_list_sharing_one_unit_is_four_amounts():
    text = "贷款余额分\n\n别为1949.03、537.01、765.10、180.62 亿元。"
    got = money(text)
    assert [m["amount"] for m in got] == [194903000000, 53701000000, 76510000000, 18062000000]
    assert {m["role"] for m in got} == {"statistic"}
    assert got[0]["text"] == "1949.03"


def test_bound_word_governs_the_whole_list():
    got = money("对省、市级数字化转型试点项目分别给予最高2000万元、500万元的扶持。")
    assert [(m["amount"], m["role"], m["text"]) for m in got] == [
        (20000000, "cap", "最高2000万元"), (5000000, "cap", "500万元")]


def test_approximation_shared_by_a_list_in_a_goal():
    got = money("到2026年，产值超10亿元、50亿元、100亿元工业企业分别达到80家、12家、5家。")
    assert [(m["amount"], m["approx"], m["role"]) for m in got] == [
        (1e9, True, "target"), (5e9, True, "target"), (1e10, True, "target")]


def test_thresholds_and_grants_in_one_sentence():
    got = money("对营业收入首次达到5亿元、10亿元的企业，分别给予50万元、100万元奖励。")
    assert [(m["amount"], m["role"]) for m in got] == [
        (5e8, "threshold"), (1e9, "threshold"), (5e5, "grant"), (1e6, "grant")]


@pytest.mark.parametrize("text", [
    "全年新增光伏装机5万千瓦以上，保障全社会电量供给35亿千瓦时左右。",
    "新增公共充电设施260根以上，接待游客300万人次。",
    "对新增用能5万吨标准煤及以上的制造业项目实施专人跟踪服务。",
    "2023年1月1日元旦期间，各单位放假一天。",
    "联系电话：0760-88312345，传真：0760-88312346，邮编528400。",
    "根据《关于印发若干措施的通知》（粤府〔2024〕12号）精神，坚持多元化发展。",
    "城乡二元结构逐步破除，服务企业200余家次。",
    "1-4 月，累计服务企业超 10000 家，提供方案 6700 余套。",
])
def test_not_money(text):
    assert money(text) == []


@pytest.mark.parametrize("text, written, amount, role", [
    ("单个项目最\n\n高不超\n过 200 万\n\n元。", "最\n\n高不超\n过 200 万\n\n元", 2e6, "cap"),
    ("给予最高不超过50\n0万元的补助。", "最高不超过50\n0万元", 5e6, "cap"),
    ("贷款余额为180.6\n2 亿元。", "180.6\n2 亿元", 1.8062e10, "statistic"),
    ("投保金额85.8亿美\n\n元。", "85.8亿美\n\n元", 8.58e9, "statistic"),
    ("推动承保规模有序扩大，实现\n2025年承保规模超150亿美元。", "超150亿美元", 1.5e10, "target"),
])
def test_line_breaks_inside_amounts_and_cues(text, written, amount, role):
    (m,) = money(text)
    assert (m["text"], m["amount"], m["role"]) == (written, pytest.approx(amount), role)


def test_bound_word_broken_from_its_number_by_a_line_break():
    """PDF text: 不超过 at a line end still bounds the amount (not 超过 = approximately)."""
    [e] = [e for e in ruled_money("给予每个项目不超过\n200万元的支持") if e.label == "MONEY"]
    assert (e.attrs["amount"], e.attrs["role"], e.attrs["approx"]) == (2000000, "cap", False)


def test_a_later_list_member_with_its_own_bound_is_a_cap():
    got = money("给予50万元、最高100万元的补助。")
    assert [(m["amount"], m["role"]) for m in got] == [(500000, "grant"), (1000000, "cap")]


def test_pinyin_noise_and_traditional_spans_map_back():
    text = "對企業最高支(zhī)持100萬元。"
    (m,) = money(text)
    assert m["text"] == "最高支(zhī)持100萬元"
    assert text[m["start"]:m["end"]] == m["text"]
    assert (m["amount"], m["role"]) == (1000000, "cap")


@pytest.mark.parametrize("name", ["money_bounds.json", "money_context.json", "money_roles.json",
                                  "money_rates.json"])
def test_lexicon_examples_contain_their_words(name):
    data = json.loads((LEXICONS / name).read_text(encoding="utf-8"))
    assert data["_note"]

    def entries(node):
        if isinstance(node, dict):
            if "example" in node:
                yield node
            for v in node.values():
                yield from entries(v)
        elif isinstance(node, list):
            for v in node:
                yield from entries(v)

    found = list(entries(data))
    assert found
    for e in found:
        if "word" in e:
            assert e["word"] in e["example"], e
        else:
            assert re.search(e["pattern"], e["example"]), e


@pytest.mark.parametrize("text,amounts", [
    ("每公斤补贴一角七分", [0.17]), ("票价3元5角", [3.5]),
    ("以《珠江三角洲地区改革发展规划纲要》为指导", []), ("上亿元的项目", [100000000]),
])
def test_sums_in_jiao_and_fen_and_without_figures(text, amounts):
    assert [e.attrs["amount"] for e in ruled_money(text) if e.label == "MONEY"] == amounts


@pytest.mark.parametrize("text,expected", [
    ("给予1万元--5万元的补助", [(10000, 50000, "CNY")]),
    ("每户补助2——3万元", [(20000, 30000, "CNY")]),
    ("补贴标准从8500到3万元不等", [(8500, 30000, "CNY")]),
    ("一次性补助两到三万元", [(20000, 30000, "CNY")]),
    ("给予1万—5万元的奖励", [(10000, 50000, "CNY")]),                          # 万 written at both ends
    ("1001万—2000万元人民币(含2000万元)的按3.2‰奖励", [(10010000, 20000000, "CNY")]),   # the edge's note after 人民币
    ("分别奖励5万、10万元", [(50000, None, "CNY"), (100000, None, "CNY")]),
    ("投入两个亿用于建设", [(200000000, None, "CNY")]),
    ("对于当期设备投资超亿元的企业", [(100000000, None, "CNY")]),                # no digit: 超, 过 before 亿元
    ("引进过亿元项目", [(100000000, None, "CNY")]),
    ("培育年营收百亿元以上企业3家", [(10000000000, None, "CNY")]),             # a bare 百 before 亿
    ("实现茶产业年产值超千億元", [(100000000000, None, "CNY")]),
    ("奖励50万港元", [(500000, None, "HKD")]),
    ("投资10亿台币", [(1000000000, None, "TWD")]),
    ("合同金额500万泰铢", [(5000000, None, "THB")]),
    ("采购额1000万卢布", [(10000000, None, "RUB")]),
])
def test_ranges_magnitudes_and_currencies_the_issue_lists(text, expected):
    got = [(e.attrs["amount"], e.attrs["amount_max"], e.attrs["currency"]) for e in ruled_money(text) if e.label == "MONEY"]
    assert got == expected


@pytest.mark.parametrize("text,written,amount_max", [
    ("地方财政贡献1000万元及以上至2000万元的企业，奖励50万元", "1000万元及以上至2000万元", 20000000),
    ("投资额15万元以上的，50万元以下的，给予补助", "15万元以上的，50万元以下", 500000),
    ("年应纳税所得额超过100万元但不超过300万元的部分", "超过100万元但不超过300万元", 3000000),
    # a note restating the low edge between the amount and its bound
    ("固定资产投资3億元(含3億元)以上、5億元以下的項目", "3億元(含3億元)以上、5億元以下", 500000000),
    ("年交易额100万元(含100万元)以上至300万元的，奖励1万元", "100万元(含100万元)以上至300万元", 3000000),
    ("涉案金额1萬元以上(含1萬元,下同)、10萬元以下的，獎勵2000元", "1萬元以上(含1萬元,下同)、10萬元以下", 100000),
    ("投资100万元人民币以上(含100万元)300万元人民币以下的，奖励1万元",
     "100万元人民币以上(含100万元)300万元人民币以下", 3000000),
    # the high end bounded by the word before it (不足, 低于), no 以下 after it
    ("对年度销售额超过5000万元、不足1亿元的批发企业，给予10万元奖励", "超过5000万元、不足1亿元", 100000000),
    ("年营业收入2000万元以上、低于5000万元的企业", "2000万元以上、低于5000万元", 50000000),
])
def test_a_band_written_with_two_bounds_is_one_threshold(text, written, amount_max):
    [band] = [e for e in ruled_money(text) if e.label == "MONEY" and e.text == written]
    assert (band.attrs["amount_max"], band.attrs["role"], band.attrs["approx"]) == (amount_max, "threshold", False)


def test_a_range_whose_low_edge_carries_an_inclusive_note_is_one_amount():
    assert amounts("当年完成固定资产投资 25 亿元(含)-30 亿元的项目投资主体,按照实际完成投资额的 0.18‰进行奖补") == [
        (2500000000, 3000000000, "CNY", "threshold")]


def test_a_range_whose_high_edge_carries_an_inclusive_note_before_its_currency_is_one_amount():
    text = "实际到位注册资金800万美元的部分,按6‰奖励;800万—3000万(含)美元之间的部分按7‰奖励。"
    assert [(m["text"], m["amount"], m["amount_max"], m["currency"]) for m in money(text)] == [
        ("800万美元", 8000000, None, "USD"), ("800万—3000万(含)美元", 8000000, 30000000, "USD")]
