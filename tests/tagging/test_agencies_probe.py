"""Agency rules found with the probe set: regulators, pre-2018 departments, central bodies, towns, streets."""
from __future__ import annotations

import pytest

from pipeline.tagging.agencies import tag_agencies
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction

JIANGSU = infer_jurisdiction("", "江苏省人民政府办公厅", None, None)
HEFEI = infer_jurisdiction("", "合肥市地方金融监督管理局", None, None)
GUANGXI = infer_jurisdiction("", "广西壮族自治区人民政府办公厅", None, None)
LINQU = infer_jurisdiction("", "中共临朐县委 临朐县人民政府", None, None)
NINGBO_BEILUN = infer_jurisdiction("", "宁波市北仑区人民政府", None, None)
NANHAI = infer_jurisdiction("", "佛山市南海区农业农村局", None, None)
WUCHANG = infer_jurisdiction("", "杭州市余杭区五常街道办事处", None, None)
CENTRAL = Jurisdiction()
ZS = infer_jurisdiction("", "中山市人民政府办公室", None, None)


def tagged(text: str, j: Jurisdiction) -> list[tuple[str, str | None]]:
    return [(e.text, e.attrs["canonical"]) for e in tag_agencies(text, j)]


@pytest.mark.parametrize("text, j, expected", [
    # financial regulators' local offices are named with the place's short name
    ("人民银行南京分行、江苏银保监局", JIANGSU,
     [("人民银行南京分行", "中国人民银行南京分行"), ("江苏银保监局", "中国银行保险监督管理委员会江苏监管局")]),
    ("省银保监局、江苏证监局", JIANGSU,
     [("省银保监局", "中国银行保险监督管理委员会江苏监管局"), ("江苏证监局", "中国证券监督管理委员会江苏监管局")]),
    ("经商合肥银保监分局", HEFEI, [("合肥银保监分局", "中国银行保险监督管理委员会合肥监管分局")]),
    ("（人民银行南宁中心支行、广西银监局负责）", GUANGXI,
     [("人民银行南宁中心支行", "中国人民银行南宁中心支行"), ("广西银监局", "中国银行业监督管理委员会广西监管局")]),
    # names in use before the 2018 reform, and shared-prefix lists of them
    ("（自治区商务厅、发展改革委、工业和信息化委按职责分工负责）", GUANGXI,
     [("自治区商务厅", "广西壮族自治区商务厅"), ("发展改革委", "广西壮族自治区发展和改革委员会"),
      ("工业和信息化委", "广西壮族自治区工业和信息化委员会")]),
    ("由县经贸局牵头，县财政局、县地税局、县国税局配合", LINQU,
     [("县经贸局", "临朐县经济贸易局"), ("县财政局", "临朐县财政局"), ("县地税局", "临朐县地方税务局"),
      ("县国税局", "临朐县国家税务局")]),
    ("区发改局、区人力社保局按职责分工负责", NINGBO_BEILUN,
     [("区发改局", "宁波市北仑区发展和改革局"), ("区人力社保局", "宁波市北仑区人力资源和社会保障局")]),
    # central bodies and their short forms
    ("财政部、海关总署、税务总局、银保监会、证监会", CENTRAL,
     [("财政部", "财政部"), ("海关总署", "海关总署"), ("税务总局", "国家税务总局"),
      ("银保监会", "中国银行保险监督管理委员会"), ("证监会", "中国证券监督管理委员会")]),
    ("商务部、人民银行按职责分工负责", CENTRAL, [("商务部", "商务部"), ("人民银行", "中国人民银行")]),
    ("待各商业银行与人民银行清算完工资", ZS, [("人民银行", None)]),
    ("海关总署广东分署、各直属海关", CENTRAL, [("海关总署广东分署", "海关总署广东分署")]),
    ("新疆生产建设兵团财政局，新疆维吾尔自治区财政厅", CENTRAL,
     [("新疆生产建设兵团财政局", "新疆生产建设兵团财政局"), ("新疆维吾尔自治区财政厅", "新疆维吾尔自治区财政厅")]),
    # towns, streets and the CPPCC proposals committee of a district
    ("经商区财政局、狮山镇人民政府、西樵镇政府", NANHAI,
     [("区财政局", "佛山市南海区财政局"), ("狮山镇人民政府", "佛山市南海区狮山镇人民政府"),
      ("西樵镇政府", "佛山市南海区西樵镇人民政府")]),
    ("抄送：区政协提案委", NANHAI, [("区政协提案委", "中国人民政治协商会议佛山市南海区委员会提案委员会")]),
    ("杭州市余杭区五常街道办事处", WUCHANG, [("杭州市余杭区五常街道办事处", "杭州市余杭区五常街道办事处")]),
    ("根据区住建局有关工作要求，经街道党工委研究", WUCHANG,
     [("区住建局", "杭州市余杭区住房和城乡建设局"), ("街道党工委", None)]),
])
def test_probe_mentions_and_canonical_names(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text, j", [
    ("各省、自治区、直辖市、计划单列市财政厅（局）", CENTRAL),          # a class of cities, not a place
    ("国家税务总局各省、自治区、直辖市、计划单列市税务局", CENTRAL),
    ("各地级以上市科技局、财政局：", infer_jurisdiction("", "广东省科学技术厅", None, None)),
    ("报送街道城市管理办公室", WUCHANG),                             # 城|市: a level word inside a word
    ("小区报送管委会规划建设局", WUCHANG),
    ("激发后进镇政府", ZS),                                           # no town: a phrase ending in 镇
    ("市政府有关部门", ZS),
])
def test_probe_collectives_and_words_are_not_bodies(text, j):
    assert tagged(text, j) == []


def test_breadcrumb_menu_labels_are_not_mentions():
    text = "首页 > 政务公开 > 政策文件 > 省政府办公厅文件\n江苏省人民政府办公厅关于印发…的通知"
    assert tagged(text, JIANGSU) == [("江苏省人民政府办公厅", "江苏省人民政府办公厅")]


@pytest.mark.parametrize("issuer, county", [
    ("杭州市余杭区五常街道办事处", "余杭区"),
    ("宁波市北仑区大碶街道党工委", "北仑区"),
    ("佛山市南海区狮山镇人民政府", "南海区"),
])
def test_street_and_town_issuers_give_their_county(issuer, county):
    j = infer_jurisdiction("", issuer, None, None)
    assert (j.county, j.level) == (county, "county")


@pytest.mark.parametrize("text, issuer, expected", [
    ("省委深改办、省人大常委会法工委", "海南省人民政府",
     [("省委深改办", "中共海南省委员会全面深化改革委员会办公室"),
      ("省人大常委会法工委", "海南省人民代表大会常务委员会法制工作委员会")]),
    ("两江新区管委会、重庆海关", "重庆市人民政府办公厅",
     [("两江新区管委会", "重庆两江新区管理委员会"), ("重庆海关", "重庆海关")]),
    ("昆山开发区管委会", "昆山市人民政府", [("昆山开发区管委会", "昆山开发区管理委员会")]),
])
def test_party_and_congress_offices_and_zone_boards(text, issuer, expected):
    assert tagged(text, infer_jurisdiction("", issuer, None, None)) == expected
