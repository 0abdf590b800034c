"""Rules fixed in robustness round 2: branches, sub-units, mass organisations, site chrome, money roles."""
from __future__ import annotations

import pytest

from pipeline.tagging.agencies import site_chrome_spans, tag_agencies
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction
from pipeline.tagging.money import tag_money

FUJIAN = infer_jurisdiction("", "福建省人民政府", None, None)
MIANYANG = infer_jurisdiction("", "绵阳市人民政府", None, None)
LINYI = infer_jurisdiction("", "临沂市交通运输局", None, None)
DONGGUAN = infer_jurisdiction("", "东莞市人民政府办公室", None, None)
HAINAN = infer_jurisdiction("", "海南省人民政府", None, None)
JILIN = infer_jurisdiction("", "吉林省人民政府办公厅", None, None)
KUNMING = infer_jurisdiction("", "昆明市人力资源和社会保障局", None, None)
ZHUZHOU = infer_jurisdiction("", "株洲市人力资源和社会保障局", None, None)
SHUYANG = Jurisdiction(county="沭阳县", level="county")
HESHUI = Jurisdiction(county="合水县", level="county")
ZHENGDING = Jurisdiction(county="正定县", level="county")
JINJIANG = Jurisdiction(city="晋江市", level="city")
CENTRAL = Jurisdiction()


def tagged(text: str, j: Jurisdiction) -> list[tuple[str, str | None]]:
    return [(e.text, e.attrs["canonical"]) for e in tag_agencies(text, j)]


@pytest.mark.parametrize("text, j, expected", [
    # 人行 = 中国人民银行, only with a branch after it
    ("（省地方金融監管局牽頭，人行福州中心支行配合）", FUJIAN,
     [("省地方金融監管局", "福建省地方金融監督管理局"), ("人行福州中心支行", "中國人民銀行福州中心支行")]),
    ("（责任单位：市金融工作局、人行绵阳市中心支行）", MIANYANG,
     [("市金融工作局", "绵阳市金融工作局"), ("人行绵阳市中心支行", "中国人民银行绵阳市中心支行")]),
    ("在人行道两侧设置隔离栏", MIANYANG, []),
    # sub-units: a traffic police detachment, a firm's office, a party committee's talent office
    ("市公安局交警支队会同办理", LINYI, [("市公安局交警支队", "临沂市公安局交通警察支队")]),
    ("市商务局、中国信保广东分公司东莞办事处", DONGGUAN,
     [("市商务局", "东莞市商务局"), ("中国信保广东分公司东莞办事处", "中国出口信用保险公司广东分公司东莞办事处")]),
    ("牵头单位：市委人才办", JINJIANG, [("市委人才办", "中共晋江市委员会人才工作领导小组办公室")]),
    ("抄送：市人大常委会人事代表工作委员会", ZHUZHOU,
     [("市人大常委会人事代表工作委员会", "株洲市人民代表大会常务委员会人事代表工作委员会")]),
    # a department keeps its own function: 畜牧局 is not 畜牧兽医局, 农委 is 农业委员会
    ("（责任单位：县畜牧局、县财政局）", HESHUI, [("县畜牧局", "合水县畜牧局"), ("县财政局", "合水县财政局")]),
    ("牵头单位：县农委；配合单位：县卫计委", SHUYANG,
     [("县农委", "沭阳县农业委员会"), ("县卫计委", "沭阳县卫生和计划生育委员会")]),
    ("（省旅游委、省金融办负责）", HAINAN,
     [("省旅游委", "海南省旅游发展委员会"), ("省金融办", "海南省人民政府金融工作办公室")]),
    ("（省旅游发展委、省发展改革委负责）", JILIN,
     [("省旅游发展委", "吉林省旅游发展委员会"), ("省发展改革委", "吉林省发展和改革委员会")]),
    ("（责任单位：市政务服务和大数据局）", MIANYANG, [("市政务服务和大数据局", "绵阳市政务服务和大数据局")]),
    # regulators after the 2023 reform, border inspection, people's organisations named as units
    ("配合单位：晋江金融监管支局", JINJIANG, [("晋江金融监管支局", "国家金融监督管理总局晋江监管支局")]),
    ("大连边检总站要提供便利", Jurisdiction(city="大连市", level="city"),
     [("大连边检总站", "大连出入境边防检查总站")]),
    ("县农业农村局牵头，县妇联配合", ZHENGDING,
     [("县农业农村局", "正定县农业农村局"), ("县妇联", "正定县妇女联合会")]),
    ("经商市财政局、团市委", KUNMING, [("市财政局", "昆明市财政局"), ("团市委", "共青团昆明市委员会")]),
    ("由集团市委托管的企业", KUNMING, []),
    # a state firm's county company: tagged, full name not certain
    ("国网正定县供电公司配合做好线路迁改", ZHENGDING, [("国网正定县供电公司", None)]),
])
def test_round2_agency_rules(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, dropped", [
    ("首頁 > 政務公開 > 政策法規 > 省政府文件\n福建省人民政府關於…的通知", "省政府"),
    ("时间：2012-08-20 来源：县政府办 作者：admin\n正文", "县政府办"),
    ("正文\n网站地图 | 主办单位：临沂市人民政府办公室 | 版权所有：临沂市人民政府 | 鲁ICP备05000000号", "临沂市人民政府"),
    ("临沂市人民政府门户网站\n您的位置：首页 > 政务公开", "临沂市人民政府"),
    ("莲都区人民政府\n首页 > 政务公开 > 通知公告\n丽水市莲都区农业农村局关于…的通知", "莲都区人民政府"),
])
def test_site_chrome_names_are_not_tagged(text, dropped):
    j = Jurisdiction(city="临沂市", level="city")
    assert dropped not in [e.text for e in tag_agencies(text, j)]
    assert any(a <= text.index(dropped) < b for a, b in site_chrome_spans(text))


def test_unit_line_above_title_is_kept():
    """A unit name on its own line above 关于… (no breadcrumb after it) is the letter's own heading."""
    text = "浙江省商务厅\n关于省政协十二届二次会议第123号提案的答复\n"
    assert ("浙江省商务厅", "浙江省商务厅") in tagged(text, Jurisdiction(province="浙江省", level="province"))


def roles(text: str) -> list[tuple[float, str]]:
    return [(e.attrs["amount"], e.attrs["role"]) for e in tag_money(text) if e.label == "MONEY"]


@pytest.mark.parametrize("text, expected", [
    # a fund's size is a budget, not a condition on the firms the fund serves
    ("設立總規模50億元的民營企業紓困基金，支持民營企業渡過難關。", [(5e9, "budget")]),
    ("设立总规模3亿元的中小企业应急转贷资金。", [(3e8, "budget")]),
    ("对年营业收入5000万元以上的企业给予奖励。", [(5e7, "threshold")]),
    # transfers from higher levels and shares borne by a budget
    ("2022年，我区共争取上级补助资金6800万元，区本级配套资金2100万元。", [(6.8e7, "budget"), (2.1e7, "budget")]),
    ("每户补助1200元，其中县财政承担800元、乡镇承担400元。", [(1200.0, "grant"), (800.0, "budget"), (400.0, "budget")]),
    # a reported disbursement is a statistic even after support words
    ("2020年全市共发放一次性创业补贴1426万元，惠及2852人。", [(1.426e7, "statistic")]),
    ("截至7月底，已核销消费券2150万元。", [(2.15e7, "statistic")]),
    # a voucher: the spending condition and the discount
    ("每张消费券面额为满100元减30元。", [(100.0, "threshold"), (30.0, "grant")]),
    ("企业在境内上市的，分阶段给予总额1000万元奖励。", [(1e7, "grant")]),
    ("对年度税收首次突破1亿元的楼宇，给予一次性奖励100万元。", [(1e8, "threshold"), (1e6, "grant")]),
    ("2020年，全市共支出就业见习补贴和职业培训补贴3860万元。", [(3.86e7, "statistic")]),
    # an enumeration with a label before each amount shares one role
    ("按照初级工1000元、中级工1500元、高级工2000元的标准给予培训补贴。",
     [(1000.0, "grant"), (1500.0, "grant"), (2000.0, "grant")]),
    ("分别给予省级、国家级示范基地一次性奖励30万元、50万元。", [(3e5, "grant"), (5e5, "grant")]),
])
def test_round2_money_roles(text, expected):
    got = roles(text)
    assert [(round(v), r) for v, r in got] == [(round(v), r) for v, r in expected]


def test_price_floor_percentage_is_not_a_support_rate():
    text = "土地出让价款按不低于全国工业用地出让最低价标准的70%执行。"
    assert [e for e in tag_money(text) if e.label == "RATE"] == []
    assert [e.attrs["value"] for e in tag_money("按设备投资额的8%给予补助，单个项目最高500万元。") if e.label == "RATE"] == [0.08]
