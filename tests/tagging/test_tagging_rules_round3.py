"""Rules fixed in robustness round 3: responsible lists, short and merged names, sub-units, prefectures, money roles."""
from __future__ import annotations

import pytest

from pipeline.tagging.agencies import tag_agencies
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction
from pipeline.tagging.money import tag_money
from pipeline.tagging.responsible import parse_responsible

ANJI = infer_jurisdiction("", "安吉县人民政府办公室", None, None)
QUANZHOU = infer_jurisdiction("", "泉州市人民政府", None, None)
KUNMING = infer_jurisdiction("", "昆明市人民政府", None, None)
HUZHOU = infer_jurisdiction("", "湖州市人民政府办公室", None, None)
NANHAI = infer_jurisdiction("", "佛山市南海区人民政府办公室", None, None)
HAINAN = infer_jurisdiction("", "海南省人民政府办公厅", None, None)
XIAMEN = infer_jurisdiction("", "廈門市人民政府", None, None)
JINAN = infer_jurisdiction("", "济南市教育局", None, None)
XIANGXI = infer_jurisdiction("", "湘西土家族苗族自治州人民政府办公室", None, None)
YONGNING = Jurisdiction(province="宁夏回族自治区", city="银川市", county="永宁县", level="county")
SHENZHEN = infer_jurisdiction("", "深圳市人民政府", None, None)
GUIZHOU = infer_jurisdiction("", "贵州省人民政府办公厅", None, None)


def tagged(text: str, j: Jurisdiction) -> list[tuple[str, str | None]]:
    return [(e.text, e.attrs["canonical"]) for e in tag_agencies(text, j)]


@pytest.mark.parametrize("text, j, expected", [
    # a body whose leader chairs a group is still the body acting (分管, not 分局)
    ("成立由市政府分管領導任組長的領導小組", QUANZHOU, [("市政府", "泉州市人民政府")]),
    ("成立由省政府分管领导任组长的领导小组", HAINAN, [("省政府", "海南省人民政府")]),
    # short 委 names and bodies of the 人民政府
    ("（責任單位：市交通運輸委）", QUANZHOU, [("市交通運輸委", "泉州市交通運輸委員會")]),
    ("（责任单位：市国资委）", KUNMING, [("市国资委", "昆明市人民政府国有资产监督管理委员会")]),
    ("（责任单位：市大数据局）", HUZHOU, [("市大数据局", "湖州市大数据发展管理局")]),
    ("（责任单位：市科委、市教委）", infer_jurisdiction("", "上海市人民政府", None, None),
     [("市科委", "上海市科学技术委员会"), ("市教委", "上海市教育委员会")]),
    ("由市台辦負責", XIAMEN, [("市台辦", "廈門市人民政府臺灣事務辦公室")]),
    # public service centres named as units get the county prefix
    ("（牵头单位：县财政局、县金融发展服务中心）", ANJI,
     [("县财政局", "安吉县财政局"), ("县金融发展服务中心", "安吉县金融发展服务中心")]),
    ("县农机服务中心、县住房公积金管理中心", YONGNING,
     [("县农机服务中心", "永宁县农机服务中心"), ("县住房公积金管理中心", "永宁县住房公积金管理中心")]),
    # merged bureaus written with 和
    ("区自然资源局、区住房城乡建设和水利局", NANHAI,
     [("区自然资源局", "佛山市南海区自然资源局"), ("区住房城乡建设和水利局", "佛山市南海区住房城乡建设和水利局")]),
    # congress and CPPCC committees, party bureaus, regulators' offices below a place
    ("抄送：市人大常委会教育科学文化卫生工作委员会", JINAN,
     [("市人大常委会教育科学文化卫生工作委员会", "济南市人民代表大会常务委员会教育科学文化卫生工作委员会")]),
    ("州政协教科卫体委员会开展视察", XIANGXI,
     [("州政协教科卫体委员会", "中国人民政治协商会议湘西土家族苗族自治州委员会教科卫体委员会")]),
    ("牵头单位：省委人才发展局", HAINAN, [("省委人才发展局", "中共海南省委员会人才发展局")]),
    ("县财政局、宁夏银保监局银川监管分局", YONGNING,
     [("县财政局", "永宁县财政局"), ("宁夏银保监局银川监管分局", "中国银行保险监督管理委员会银川监管分局")]),
    ("配合单位：佛山银保监分局南海监管组", NANHAI,
     [("佛山银保监分局南海监管组", "中国银行保险监督管理委员会佛山监管分局南海监管组")]),
    ("省统计局、国家统计局贵州调查总队负责", GUIZHOU,
     [("省统计局", "贵州省统计局"), ("国家统计局贵州调查总队", "国家统计局贵州调查总队")]),
    # an autonomous prefecture written short: 湘西自治州, 湘西州
    ("中共湘西自治州委办公室 湘西自治州人民政府办公室", XIANGXI,
     [("中共湘西自治州委办公室", "中共湘西土家族苗族自治州委员会办公室"),
      ("湘西自治州人民政府办公室", "湘西土家族苗族自治州人民政府办公室")]),
    ("责任单位：人行湘西州中心支行", XIANGXI, [("人行湘西州中心支行", "中国人民银行湘西州中心支行")]),
    ("黔东南州财政局", infer_jurisdiction("", "黔东南苗族侗族自治州人民政府", None, None),
     [("黔东南州财政局", "黔东南苗族侗族自治州财政局")]),
    # an award named after a body is a programme; a SAR government is 政府, not 人民政府
    ("对获得中国质量奖、广东省政府质量奖的企业", NANHAI, []),
    ("抄送：香港特别行政区政府", SHENZHEN, [("香港特别行政区政府", "香港特别行政区政府")]),
    # a zone run by a 管理局; a bare zone word after a 各 item shares the 各
    ("深圳市前海深港现代服务业合作区管理局关于印发", SHENZHEN,
     [("深圳市前海深港现代服务业合作区管理局", "深圳市前海深港现代服务业合作区管理局")]),
    ("各區人民政府、開發區管委會可結合實際制定配套措施", XIAMEN, []),
    ("各市（州）人民政府、贵安新区管委会负责", GUIZHOU, [("贵安新区管委会", None)]),
    # 外汇局 = 国家外汇管理局 with a branch; a supply and marketing cooperative federation named as a unit
    ("（由省商务厅、外汇局海南省分局牵头）", HAINAN,
     [("省商务厅", "海南省商务厅"), ("外汇局海南省分局", "国家外汇管理局海南省分局")]),
    ("县财政局、县供销合作社联合社配合", YONGNING,
     [("县财政局", "永宁县财政局"), ("县供销合作社联合社", "永宁县供销合作社联合社")]),
    # a shared suffix: the bare place stands for its own government
    ("（责任单位：省财政厅，海口市、三亚市人民政府）", HAINAN,
     [("省财政厅", "海南省财政厅"), ("海口市", "海口市人民政府"), ("三亚市人民政府", "三亚市人民政府")]),
])
def test_round3_agency_rules(text, j, expected):
    assert tagged(text, j) == expected


def test_joint_issuer_jurisdiction_prefers_the_government():
    j = infer_jurisdiction("", "青岛西海岸新区管理委员会办公室 青岛市黄岛区人民政府办公室", None, None)
    assert (j.city, j.county) == ("青岛市", "黄岛区")
    assert tagged("（责任单位：区海洋发展局）", j) == [("区海洋发展局", "青岛市黄岛区海洋发展局")]


def test_two_bureaus_run_together_are_two_issuers_not_a_county():
    j = infer_jurisdiction("", "成都市商务局成都市财政局", None, None)
    assert (j.city, j.county) == ("成都市", None)


@pytest.mark.parametrize("text, j, responsible, collectives", [
    # a unit right after a 各 collective shares it
    ("（牵头单位：区经济促进局、区统计局；配合单位：各镇人民政府、街道办事处）", NANHAI,
     ["佛山市南海区经济促进局", "佛山市南海区统计局"], ["各镇人民政府", "街道办事处"]),
    # a role verb after the last unit of a labelled list is not a unit
    ("（責任單位：市旅遊發展委、市財政局，廈門海關配合）", XIAMEN,
     ["廈門市旅遊發展委員會", "廈門市財政局", "廈門海關"], []),
    # 和 inside one name does not split it; a shared prefix still expands
    ("（责任单位：省住房城乡建设厅、自然资源和规划厅、商务厅）", HAINAN,
     ["海南省住房和城乡建设厅", "海南省自然资源和规划厅", "海南省商务厅"], []),
    ("（牵头单位：县财政局、县金融发展服务中心；配合单位：人行安吉县支行）", ANJI,
     ["安吉县财政局", "安吉县金融发展服务中心", "中国人民银行安吉县支行"], []),
])
def test_round3_responsible_rules(text, j, responsible, collectives):
    units = parse_responsible(text, j)
    assert units.responsible == responsible
    assert units.collectives == collectives


def roles(text: str) -> list[tuple[float, str, str]]:
    return [(e.attrs["amount"], e.attrs["currency"], e.attrs["role"]) for e in tag_money(text) if e.label == "MONEY"]


@pytest.mark.parametrize("text, expected", [
    ("對年度營業收入首次突破5億元的旅行社，給予50萬元獎勵。",
     [(500000000, "CNY", "threshold"), (500000, "CNY", "grant")]),
    ("每场最高不超过新台币100万元。", [(1000000, "TWD", "cap")]),
    ("按进出口额每1美元给予不超过0.02元人民币的奖励。", [(1, "USD", "other"), (0.02, "CNY", "cap")]),
    ("按出口额每美元0.01元给予奖励。", [(0.01, "CNY", "grant")]),
    ("实际到位外资每1亿日元奖励5万元。", [(100000000, "JPY", "other"), (50000, "CNY", "grant")]),
    ("对单户担保金额500万元及以下的小微企业，担保费率降至1%以下。", [(5000000, "CNY", "threshold")]),
    ("对月销售额15万元以下的小规模纳税人免征增值税。", [(150000, "CNY", "threshold")]),
    ("对返乡创业的大学生，给予最高10万元的创业担保贷款。", [(100000, "CNY", "cap")]),
    ("2016年至2018年，全市共新建幼儿园512所，累计投入资金约27亿元。", [(2700000000, "CNY", "budget")]),
    ("本办法所需资金由县财政统一安排，全年预算总额约三千六百万元。", [(36000000, "CNY", "budget")]),
    ("实缴资本达到5000万美元或等值4亿港元以上的，开办奖励最高可提高至3000万元。",
     [(50000000, "USD", "threshold"), (400000000, "HKD", "threshold"), (30000000, "CNY", "cap")]),
    ("截至6月底，累计为312家企业提供转贷资金28.6亿元。", [(2860000000, "CNY", "statistic")]),
    ("全市农村公办幼儿园非在编教师月平均工资为2860元。", [(2860, "CNY", "statistic")]),
    ("纳入乡镇年度效能目标考核，对排名前三位的乡镇，分别给予工作经费奖励十万元、八万元、五万元。",
     [(100000, "CNY", "grant"), (80000, "CNY", "grant"), (50000, "CNY", "grant")]),
])
def test_round3_money_roles(text, expected):
    assert roles(text) == expected
