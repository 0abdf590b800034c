"""tag_agencies and canonicalize: body mentions, generic collectives and words left out, site chrome left out,
scripts and noise kept in the span, canonical full names. Bodies of each kind: test_agency_bodies.py."""
from __future__ import annotations

import pytest

from pipeline.tagging.agencies import site_chrome_spans, tag_agencies
from pipeline.tagging.agency_names import canonicalize
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction
from tests.tagging.helpers import agencies, tagged

ZS = infer_jurisdiction("", "中山市人民政府办公室", None, None)
WUCHENG = infer_jurisdiction("", "金华市婺城区人民政府", None, None)
PANSHAN = infer_jurisdiction("", "盘山县人民政府办公室", None, None)
HUBEI = infer_jurisdiction("", "省人民政府", "省人民政府关于…", "鄂政发〔2018〕26号")
CHENGDU = infer_jurisdiction("", "成都市人民政府办公厅", None, None)
NINGBO = infer_jurisdiction("", "宁波市商务局", None, None)
HENAN = infer_jurisdiction("", "河南省人民政府", None, None)
JIANGSU = infer_jurisdiction("", "江苏省人民政府办公厅", None, None)
WUCHANG = infer_jurisdiction("", "杭州市余杭区五常街道办事处", None, None)
CENTRAL = Jurisdiction()


@pytest.mark.parametrize("text, j, expected", [
    ("（责任单位：市商务局、工业和信息化局、财政局，各镇街）", ZS,
     [("市商务局", "中山市商务局"), ("工业和信息化局", "中山市工业和信息化局"), ("财政局", "中山市财政局")]),
    ("（责任单位：省工业和信息化厅、财政厅）", HENAN,
     [("省工业和信息化厅", "河南省工业和信息化厅"), ("财政厅", "河南省财政厅")]),
    ("经综合市商务局、市发改局、市科技局、市工信局、市市监局、中山海关、市税务局、中山港海关意见", ZS,
     [("市商务局", "中山市商务局"), ("市发改局", "中山市发展和改革局"), ("市科技局", "中山市科学技术局"),
      ("市工信局", "中山市工业和信息化局"), ("市市监局", "中山市市场监督管理局"), ("中山海关", "中山海关"),
      ("市税务局", "国家税务总局中山市税务局"), ("中山港海关", "中山港海关")]),
    ("一、强化科技创新(区科技局牵头)", WUCHENG, [("区科技局", "金华市婺城区科学技术局")]),
    ("为全面落实中央、省委、市委和区委经济工作会议决策部署", WUCHENG,
     [("中央", None), ("省委", "中共浙江省委员会"), ("市委", "中共金华市委员会"), ("区委", "中共金华市婺城区委员会")]),
    ("抄送：县委各部委，县人大常委会办公室，县政协办公室，县纪委，县人民武装部，县法院，县检察", PANSHAN,
     [("县人大常委会办公室", "盘山县人民代表大会常务委员会办公室"),
      ("县政协办公室", "中国人民政治协商会议盘山县委员会办公室"), ("县纪委", "中共盘山县纪律检查委员会"),
      ("县人民武装部", "盘山县人民武装部"), ("县法院", "盘山县人民法院"), ("县检察", "盘山县人民检察院")]),
    ("由县农业局牵头，县委县政府督查室、县财政局配合", PANSHAN,
     [("县农业局", "盘山县农业局"), ("县委县政府督查室", None), ("县财政局", "盘山县财政局")]),
    # other cities and provinces, written the way their documents write
    ("（牵头单位：市经信局；责任单位：市发改委、市卫健委、市医保局，各区（市）县政府）", CHENGDU,
     [("市经信局", "成都市经济和信息化局"), ("市发改委", "成都市发展和改革委员会"),
      ("市卫健委", "成都市卫生健康委员会"), ("市医保局", "成都市医疗保障局")]),
    ("国家外汇管理局宁波市分局、宁波海关、国家税务总局宁波市税务局、中国人民银行宁波市中心支行", NINGBO,
     [("国家外汇管理局宁波市分局", "国家外汇管理局宁波市分局"), ("宁波海关", "宁波海关"),
      ("国家税务总局宁波市税务局", "国家税务总局宁波市税务局"),
      ("中国人民银行宁波市中心支行", "中国人民银行宁波市中心支行")]),
    ("（牵头单位：省发展改革委；责任单位：省编办、省住建厅、省环保厅）", HUBEI,
     [("省发展改革委", "湖北省发展和改革委员会"), ("省编办", "湖北省机构编制委员会办公室"),
      ("省住建厅", "湖北省住房和城乡建设厅"), ("省环保厅", "湖北省环境保护厅")]),
    ("市乡村振兴局、市政府办公室、市政府督查室具体负责", CHENGDU,
     [("市乡村振兴局", "成都市乡村振兴局"), ("市政府办公室", "成都市人民政府办公室"),
      ("市政府督查室", "成都市人民政府督查室")]),
    ("按照党中央、国务院决策部署，全国人大常委会、全国政协、国家知识产权局", ZS,
     [("党中央", "中国共产党中央委员会"), ("国务院", "国务院"), ("全国人大常委会", "全国人民代表大会常务委员会"),
      ("全国政协", "中国人民政治协商会议全国委员会"), ("国家知识产权局", "国家知识产权局")]),
    ("支持中国信保广东分公司中山营业部开展业务，中国人民银行中山市分行配合", ZS,
     [("中国信保广东分公司中山营业部", "中国出口信用保险公司广东分公司中山营业部"),
      ("中国人民银行中山市分行", "中国人民银行中山市分行")]),
    ("火炬开发区管委会,翠亨新区管委会,各镇政府、街道办事处,市各有关单位:", ZS,
     [("火炬开发区管委会", "中山火炬开发区管理委员会"), ("翠亨新区管委会", "中山翠亨新区管理委员会")]),
    ("各省辖市人民政府,济源示范区、航空港区管委会,省人民政府各部门:", HENAN,
     [("济源示范区", "济源示范区管理委员会"), ("航空港区管委会", None)]),
    ("我委县域处和经服处经过审核，并经过委同意，已经报国家审批。", HENAN, [("县域处", None), ("经服处", None)]),
])
def test_mentions_and_canonical_names(text, j, expected):
    assert tagged(text, j) == expected


@pytest.mark.parametrize("text", [
    "助力外贸企业对接京东、淘天等电商平台，联合淘宝天猫举办活动，引进中软国际落户。",
    "对组织和参加境内外展会的商协会、企业，行业协会纷纷带团出海。",
    "各区人民政府，市政府各委、办、局，各镇人民政府，县政府各有关部门，市直机关各单位：",
    "各市、州、县人民政府，省政府各部门，各开发区管委会，有关部门：",
    "对首次获得海关AEO认证的企业，给予15万元的一次性补贴。",
    "部分运行经费由市财政与县级市(区)按1∶1比例共同承担。",
    "与人大代表就建议的主要意图进行沟通，全国人大代表、政协委员提出议案。",
    "民盟文山市基层委员会：你们提出的提案已收悉。",
    "盘县政办发〔2017〕88号",
    "鼓励服务外包企业申报中央外经贸发展专项资金。",
    "深中通道的开通也为我市制造业发展新格局提供了空间，中山制造业高质量发展新格局。",
])
def test_not_agencies(text):
    assert tagged(text, ZS) == []


@pytest.mark.parametrize("text, j", [
    ("各省、自治区、直辖市、计划单列市财政厅（局）", CENTRAL),          # a class of cities, not a place
    ("国家税务总局各省、自治区、直辖市、计划单列市税务局", CENTRAL),
    ("各地级以上市科技局、财政局：", infer_jurisdiction("", "广东省科学技术厅", None, None)),
    ("报送街道城市管理办公室", WUCHANG),                             # 城|市: a level word inside a word
    ("小区报送管委会规划建设局", WUCHANG),
    ("激发后进镇政府", ZS),                                           # no town: a phrase ending in 镇
    ("市政府有关部门", ZS),
    ("各县(市、区)工信局、财政局:", infer_jurisdiction("", "三明市工业和信息化局", None, None)),   # blind round h60
])
def test_collectives_and_words_are_not_bodies(text, j):
    assert tagged(text, j) == []


def test_a_ministry_written_with_the_states_prefix_keeps_it():
    assert agencies("据国家教育部统计,由国家科技部组织实施。", "某市教育局")[1:] == [("国家科技部", "科学技术部")]
    assert agencies("据国家教育部统计。", "某市教育局") == [("国家教育部", "教育部")]


def test_a_cppcc_committee_written_with_its_place_inside_is_one_name():
    assert agencies("政协安康市委员会、中国人民政治协商会议蓬溪县委员会:", "安康市文化广电局") == [
        ("政协安康市委员会", "中国人民政治协商会议安康市委员会"), ("中国人民政治协商会议蓬溪县委员会", "中国人民政治协商会议蓬溪县委员会")]


def test_the_governments_concerned_are_no_place():
    assert agencies("由有关旗县区人民政府、相关县区政府负责。", "包头市人民政府") == []


def test_a_verb_before_an_unseen_district_is_no_part_of_its_name():
    assert [t for t, _ in tagged("进行表彰,授予和平区人民政府等集体模范集体称号。", CENTRAL)] == ["区人民政府"]


def test_function_words_before_a_level_prefix_are_no_place():
    assert tagged("已经区政府同意，现印发给你们；业经市委同意。", WUCHENG) == [
        ("区政府", "金华市婺城区人民政府"), ("市委", "中共金华市委员会")]


def test_session_names_tag_the_congress_with_its_level():
    hy = infer_jurisdiction("", "衡阳市雁峰区人民政府", None, None)
    assert tagged("关于区五届人大第四次会议第5号建议，人大常委会彭湘波同志与人社局局长", hy) == [
        ("人大", "衡阳市雁峰区人民代表大会"), ("人大常委会", "衡阳市雁峰区人民代表大会常务委员会"),
        ("人社局", "衡阳市雁峰区人力资源和社会保障局")]
    sx = infer_jurisdiction("", "陕西省发展和改革委员会", None, None)
    assert tagged("对省十三届人大三次会议第767号建议的答复函", sx) == [("人大", "陕西省人民代表大会")]


def test_traditional_text_keeps_its_characters_and_gets_traditional_names():
    j = infer_jurisdiction("", "懷化市人民政府辦公室", None, None)
    text = "經市人民政府同意。為全面貫徹中央、省委、市委經濟工作會議精神，推動《湖南省人民政府辦公廳印發》"
    assert tagged(text, j) == [("市人民政府", "懷化市人民政府"), ("中央", None), ("省委", "中共湖南省委員會"),
                               ("市委", "中共懷化市委員會"), ("湖南省人民政府辦公廳", "湖南省人民政府辦公廳")]


def test_noise_stays_inside_the_span_and_offsets_point_into_the_text():
    j = infer_jurisdiction("", "上海市人民政府", None, None)
    text = "按照黨中央、國務(wù)院決策部署，各區(qū)人民政府"
    ents = tag_agencies(text, j)
    assert [(e.text, e.attrs["canonical"]) for e in ents] == [("黨中央", "中國共產黨中央委員會"),
                                                              ("國務(wù)院", "國務院")]
    assert all(text[e.start:e.end] == e.text for e in ents)


def test_line_breaks_inside_a_name_are_spanned():
    text = "经综合市商务\n\n局、市\n\n金融局意见"
    ents = tag_agencies(text, ZS)
    assert [("".join(e.text.split()), e.attrs["canonical"]) for e in ents] == [
        ("市商务局", "中山市商务局"), ("市金融局", "中山市金融工作局")]
    assert all(text[e.start:e.end] == e.text for e in ents)


@pytest.mark.parametrize("mention, j, canonical", [
    ("市工信局", ZS, "中山市工业和信息化局"), ("发展改革局", ZS, "中山市发展和改革局"),
    ("市市场监管局", ZS, "中山市市场监督管理局"), ("市政协", ZS, "中国人民政治协商会议中山市委员会"),
    ("省委", ZS, "中共广东省委员会"), ("区科技局", WUCHENG, "金华市婺城区科学技术局"),
    ("省發展改革委", HUBEI, "湖北省發展和改革委員會"), ("县政协办公室", PANSHAN, "中国人民政治协商会议盘山县委员会办公室"),
    ("中共苏州市委", ZS, "中共苏州市委员会"), ("县政府办", PANSHAN, "盘山县人民政府办公室"),
    ("人民银行", ZS, None), ("县委县政府督查室", PANSHAN, None), ("淘宝", ZS, None),
    ("市商务局", Jurisdiction(), None),
])
def test_canonicalize(mention, j, canonical):
    assert canonicalize(mention, j) == canonical


def test_canonicalize_uses_level_hint_for_bare_cores():
    assert canonicalize("财政厅", HENAN) == "河南省财政厅"
    assert canonicalize("商务局", WUCHENG, level_hint="市") == "金华市商务局"


NANNING = infer_jurisdiction("", "南宁市人民政府", None, None)
CHANGSHA = infer_jurisdiction("", "长沙市人民政府", None, None)
GUANGDONG = infer_jurisdiction("", "广东省人民政府", None, None)


@pytest.mark.parametrize("text, j, expected", [
    ("自治区商务厅、自治区财政厅和市商务局", NANNING,
     [("自治区商务厅", "广西壮族自治区商务厅"), ("自治区财政厅", "广西壮族自治区财政厅"), ("市商务局", "南宁市商务局")]),
    ("市委组织部、市委统战部、市中级人民法院、市人民检察院", CHANGSHA,
     [("市委组织部", "中共长沙市委组织部"), ("市委统战部", "中共长沙市委统一战线工作部"),
      ("市中级人民法院", "长沙市中级人民法院"), ("市人民检察院", "长沙市人民检察院")]),
    ("各地级以上市人民政府，省政府各部门、各直属机构；省财政厅、人民银行广州分行", GUANGDONG,
     [("省财政厅", "广东省财政厅"), ("人民银行广州分行", "中国人民银行广州分行")]),
    ("国家疾控局、国家机关、国家级商会、国家统计局中山调查队", ZS,
     [("国家疾控局", "国家疾病预防控制局"), ("国家统计局中山调查队", "国家统计局中山调查队")]),
    ("市委市政府高度重视，市委办、市政府办联合发文，市中小企业服务局具体负责", CHANGSHA,
     [("市委", "中共长沙市委员会"), ("市政府", "长沙市人民政府"), ("市委办", "中共长沙市委办公室"),
      ("市政府办", "长沙市人民政府办公室"), ("市中小企业服务局", "长沙市中小企业服务局")]),
    ("青岛海关、青岛海事局、青岛出入境边防检查站", CHANGSHA,
     [("青岛海关", "青岛海关"), ("青岛海事局", "青岛海事局"), ("青岛出入境边防检查站", "青岛出入境边防检查站")]),
])
def test_other_places_and_forms(text, j, expected):
    assert tagged(text, j) == expected


# ---------------------------------------------------------------- site chrome
@pytest.mark.parametrize("text, dropped", [
    ("首頁 > 政務公開 > 政策法規 > 省政府文件\n福建省人民政府關於…的通知", "省政府"),
    ("正文\n网站地图 | 主办单位：临沂市人民政府办公室 | 版权所有：临沂市人民政府 | 鲁ICP备05000000号", "临沂市人民政府"),
    ("临沂市政府信息公开专栏 >> 市政府办公厅 >> 政府信息公开基础平台\n发文机关: 临沂市人民政府办公厅", "市政府办公厅"),
    ("您的位置 首页 市公安局 资讯\n\n通 告\n\n广大市民:", "市公安局"),
    ("中国政府网  |   山东省政府  |   临沂市政府 今天是2024年5月1日\n关于…的通知", "临沂市政府"),
    ("中国政府网 山东省政府网 English Русская версия 市人大 市政协 市纪委监委\n关于…的通知", "市纪委监委"),
])
def test_names_in_navigation_and_link_lists_are_not_tagged(text, dropped):
    j = Jurisdiction(city="临沂市", level="city")
    assert dropped not in [e.text for e in tag_agencies(text, j)]
    assert any(a <= text.index(dropped) < b for a, b in site_chrome_spans(text))


@pytest.mark.parametrize("text, kept", [
    ("莲都区人民政府\n首页 > 政务公开 > 通知公告\n丽水市莲都区农业农村局关于…的通知", "莲都区人民政府"),
    ("正文\n重庆市綦江区人民政府版权所有 重庆市綦江区人民政府办公室主办", "重庆市綦江区人民政府办公室"),
])
def test_the_sites_own_name_and_publisher_are_tagged_as_the_gold_tags_them(text, kept):
    """The dev gold tags a body a page names in its header or publisher line (mouding-2017-notice)."""
    assert kept in [e.text for e in tag_agencies(text, Jurisdiction(city="临沂市", level="city"))]


def test_unit_line_above_title_is_kept():
    """A unit name on its own line above 关于… (no breadcrumb after it) is the letter's own heading."""
    text = "浙江省商务厅\n关于省政协十二届二次会议第123号提案的答复\n"
    assert ("浙江省商务厅", "浙江省商务厅") in tagged(text, Jurisdiction(province="浙江省", level="province"))


def test_breadcrumb_menu_labels_are_not_mentions():
    text = "首页 > 政务公开 > 政策文件 > 省政府办公厅文件\n江苏省人民政府办公厅关于印发…的通知"
    assert tagged(text, JIANGSU) == [("江苏省人民政府办公厅", "江苏省人民政府办公厅")]


def test_a_zone_written_alone_in_a_recipient_line_or_a_unit_list_is_its_board():
    text = "各县、市、区人民政府,漳河新区,屈家岭管理区,荆门高新区,大柴湖开发区,市政府各部门:\n责任单位:立山经济开发区,各街道"
    zones = [(t, c) for t, c in agencies(text, "荆门市人民政府") if t.endswith("区")]
    assert zones == [("漳河新区", None), ("屈家岭管理区", None), ("荆门高新区", None), ("大柴湖开发区", None),
                     ("立山经济开发区", None)]


def test_a_zone_in_a_sentence_is_no_body():
    text = "承办单位:市发改委\n该项目同时是延安市重点规划建设的农副产品加工园区。"
    assert all(not t.endswith("园区") for t, _ in agencies(text, "延安市人民政府"))


def test_a_zone_that_a_verb_takes_as_its_object_in_a_line_ending_with_a_colon_is_no_body():
    text = ("为深入贯彻落实会议精神,落实自治区巡视巡察园区(开发区)反馈问题整改推进会精神,"
            "激发园区(开发区)活力和内生动力,现制定如下工作措施:\n第一条 优化园区工作协调机制。")
    assert [t for t, _ in agencies(text, "新疆维吾尔自治区人民政府") if t.endswith("园区")] == []


def test_an_administrative_division_in_general_is_no_place_acting():
    text = "拓展兰州新区发展空间,促进功能区与行政区协调发展。"
    assert [t for t, _ in agencies(text, "甘肃省人民政府办公厅") if t.endswith("区")] == []


def test_bureaus_listed_after_levels_with_bracketed_notes_are_each_places():
    text = "各市(地)、县(市)财政局、教育局、人力资源和社会保障局:\n现将办法印发给你们。"
    assert agencies(text, "黑龙江省财政厅") == []


@pytest.mark.parametrize("text", ["职责划归市工业和信息化局。", "扎实推进市委各项部署。", "发布机构区人民政府办公室"])
def test_a_verb_before_a_level_prefix_is_no_place(text):
    assert all(not t.startswith(("职责", "扎实", "发布")) for t, _ in agencies(text, "长春市人民政府"))


@pytest.mark.parametrize("text, issuer, wrong", [
    ("完善街道党工委领导", "北京市石景山区人民政府", "完善街道党工委"),      # a verb is no place stem
    ("依法规范县政府行为", "金乡县人民政府", "依法规范县政府"),            # two common words are none
    ("建议陆丰市政府加大投入", "广东省海洋与渔业厅", "建议陆丰市政府"),      # the place starts at a known county
])
def test_a_phrase_before_a_place_suffix_is_no_place(text, issuer, wrong):
    assert wrong not in [t for t, _ in agencies(text, issuer)]


def test_a_phrase_before_a_level_word_gives_no_jurisdiction():
    text = ("乔元伟同志任县应急保障服务中心主任(试用期一年),不再担任县应急管理局副局长职务;\n"
            "康伟同志任县经济责任审计服务中心主任(试用期一年),不再担任县审计局副局长职务;\n")   # pingyi-2025
    assert infer_jurisdiction(text, None, None, None).county is None


@pytest.mark.parametrize("text, issuer, canonical", [
    ("《十大民生实事项目》已经洋县第十八届人民代表大会第三次会议投票表决通过", "洋县人民政府办公室", "洋县人民代表大会"),
    ("认真落实市第十四届人民代表大会第四次会议审议通过的任务", "北京市人民政府办公厅", "北京市人民代表大会"),
])
def test_words_before_a_session_place_are_not_part_of_the_congress_name(text, issuer, canonical):
    assert ("人民代表大会", canonical) in agencies(text, issuer)


@pytest.mark.parametrize("text, issuer, tagged_as, canonical", [
    ("《实施意见》已经市十七届人民政府第15次常务会议研究同意,现予印发。", "海安市人民政府", "人民政府", "海安市人民政府"),
    ("已經市十四屆政府第43次常務會議審議通過,現印發給你們。", "連云港市人民政府辦公室", "政府", "連雲港市人民政府"),
])
def test_a_government_named_in_its_term_is_tagged_as_written_like_a_congress(text, issuer, tagged_as, canonical):
    assert (tagged_as, canonical) in agencies(text, issuer)


def test_a_new_term_of_government_in_prose_is_no_mention():
    assert agencies("2022年是新一届政府的开局之年。", "海盐县人民政府办公室") == []


@pytest.mark.parametrize("text, issuer, expected", [
    ("(牵头单位:市生态环境局咸安分局)", "咸宁市咸安区人民政府", ("市生态环境局咸安分局", "咸宁市生态环境局咸安分局")),
    ("县公安局交通管理大队负责", "雄县人民政府", ("县公安局交通管理大队", "雄县公安局交通管理大队")),
])
def test_a_bureaus_branch_or_field_unit_written_after_it_is_one_mention(text, issuer, expected):
    assert agencies(text, issuer) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("各盟行政公署、市人民政府,自治区各委、办、厅、局:", []),
    ("各盟行政公署、市人民政府办公室:", [("市人民政府办公室", None)]),
])
def test_a_bare_levels_government_after_a_collective_item_shares_its_each(text, expected):
    assert agencies(text, "内蒙古自治区人民政府") == expected


@pytest.mark.parametrize("text, expected", [
    ("经市委常委会研究同意", [("市委常委会", "中共唐山市委员会常务委员会")]),
    ("经市委常委会议研究同意", [("市委", "中共唐山市委员会")]),          # a meeting of the 常委, not the committee
])
def test_a_party_committees_standing_committee_is_one_body(text, expected):
    assert agencies(text, "唐山市水务局") == expected


def test_bodies_of_a_signature_parted_by_spaces_keep_their_level_word():      # 商务局|市 is no place
    assert [t for t, _ in agencies("市商务局 市发展改革委\n市科技局 市公安局 市民政局", "天津市商务局")] == [
        "市商务局", "市发展改革委", "市科技局", "市公安局", "市民政局"]


@pytest.mark.parametrize("text, expected", [
    ("下一步县卫健局将加强托育服务。", [("县卫健局", "富民县卫生健康局")]),     # an adverb, not a place 下一步县
    ("遂平县现有普惠性民办幼儿园12所。", []),                             # 民办幼儿园: a school, no 办 office
])
def test_words_of_a_sentence_are_no_place_or_office(text, expected):
    assert agencies(text, "富民县人民政府") == expected


def test_a_verb_opening_the_sentence_is_no_part_of_a_board_written_short():
    assert agencies("请市城管委牵头负责。", "北京市人民政府") == [("市城管委", "北京市城市管理委员会")]
    assert agencies("各街道办事处、徐管委协办", "南京市玄武区人民政府") == [("徐管委", None)]


def test_an_office_title_is_no_place_prefix_but_a_region_name_after_a_level_word_stays():
    assert [t for t, _ in agencies("市长领导市政府的工作。", "海口市人民政府")] == ["市政府"]
    assert [t for t, _ in agencies("省长吉图办、珲春市长吉图办负责", "吉林省财政厅")] == ["省长吉图办", "珲春市长吉图办"]


def test_every_place_of_a_list_shares_the_body_after_the_last():
    text = "西宁市、海东市、海北藏族自治州、黄南藏族自治州人民政府,兰州新区管委会:"
    assert [t for t, _ in agencies(text, "青海省人民政府")][:4] == ["西宁市", "海东市", "海北藏族自治州", "黄南藏族自治州人民政府"]
    assert agencies(text, "青海省人民政府")[1] == ("海东市", "海东市人民政府")


def test_a_list_of_places_opening_a_line_starts_at_the_line():
    text = "吉政办函〔2020〕118号\n\n长春市、吉林市人民政府,长春新区:"
    assert agencies(text, "吉林省人民政府办公厅")[:2] == [("长春市", "长春市人民政府"), ("吉林市人民政府", "吉林市人民政府")]


@pytest.mark.parametrize("text,tagged_central", [("所以中央、省投入了大量的建设资金", True),
                                                 ("贯彻落实中央和省促进经济社会加快发展若干政策措施", True),
                                                 ("落实中央财政补助资金", False)])
def test_central_listed_with_the_levels_below_it_acts(text, tagged_central):
    assert ("中央" in [t for t, _ in agencies(text, "咸宁市人民政府")]) is tagged_central


def test_a_website_named_after_a_body_is_no_body():
    assert agencies("中国政府网 湖北政府网 黄冈政府网 浠水新闻网", "浠水县人民政府") == []


def test_guoban_is_the_state_council_general_office_but_not_inside_a_doc_number():
    text = "报送国办督查室。全面贯彻落实好国办《若干意见》。见《通知》(国办发〔201682号)和(国办发„2009‟3号)。"
    assert agencies(text, "国务院办公厅") == [("国办督查室", "国务院办公厅督查室"), ("国办", "国务院办公厅")]


def test_the_body_a_source_field_names_is_tagged():
    """Every annotated real letter with a 来源 field naming a body tags it (14 of 14 in the golds)."""
    assert ("县民政局", "昌黎县民政局") in agencies("发布日期:2021年10月29日  来源:县民政局\n正文", "昌黎县民政局")


@pytest.mark.parametrize("text", ["除中央、省财政给予贴息外", "积极争取中央和省级财政资金",
                                  "是指中央、省、市和县(市)财政安排用于农村危房重建的资金", "精准对接中央、省、市老旧小区改造政策"])
def test_central_and_provincial_funds_and_levels_are_no_bodies(text):
    assert agencies(text, "辽阳市人民政府") == []


def test_town_bodies_in_a_towns_own_letter_and_nowhere_else():
    text = "由镇政府负责审批,镇经济发展局负责资金的使用管理。各乡镇政府要配合。"
    assert agencies(text, "东莞市石龙镇人民政府") == [("镇政府", "东莞市石龙镇人民政府"),
                                                ("镇经济发展局", "东莞市石龙镇经济发展局")]
    assert agencies("各镇政府要加强领导,镇政府负责组织实施。", "盘山县人民政府") == []


@pytest.mark.parametrize("text", ["推动更多事项市域通办、省内通办", "力争安义开好局", "加强居民小区管理"])
def test_phrases_that_only_end_like_a_body_are_no_agency(text):
    assert agencies(text, "安义县人民政府") == []


def test_a_you_are_here_line_is_navigation_even_without_separators():
    text = "您现在的位置: 首页沧州市人民政府办公室信息公开详细页面\n关于县政协第27号提案的答复\n"
    assert "首页沧州市人民政府办公室" not in [t for t, _ in agencies(text, "沧县教育局")]


def test_a_romanised_reading_after_a_name_stays_with_it():
    assert [t for t, _ in agencies("昆山開(kāi)發(fā)區(qū)、昆山高新區(qū)管委會", "昆山市人民政府")] == [
        "昆山開(kāi)發(fā)區(qū)", "昆山高新區(qū)管委會"]


def test_a_public_service_centre_after_a_named_place_is_a_body():
    assert agencies("由大兴区新兴产业促进服务中心负责解释。", "北京市大兴区新兴产业促进服务中心") == [
        ("大兴区新兴产业促进服务中心", "北京市大兴区新兴产业促进服务中心")]


def test_a_name_before_a_space_is_no_place_of_the_body_after_it():
    # a list of people and their units, parted by spaces (先进个人: 姓名 单位)
    found = [m for m, _ in agencies("先进个人: 李某平 市科学技术局 何某兵 市水利局", "某某市人民政府")]
    assert found == ["市科学技术局", "市水利局"]


def test_places_listed_without_their_level_share_the_body_after_the_last():
    text = "石家庄、保定、邯郸市和定州、辛集市人民政府,省政府各部门:"
    assert agencies(text, "河北省人民政府") == [
        ("石家庄", "石家庄市人民政府"), ("保定", "保定市人民政府"), ("邯郸市", "邯郸市人民政府"),
        ("定州", "定州市人民政府"), ("辛集市人民政府", "辛集市人民政府")]


def test_a_government_listed_before_a_party_committee_with_he_is_two_bodies():
    assert agencies("为贯彻落实自治区党委、自治区政府和南宁市委的工作部署", "南宁市兴宁区人民政府办公室") == [
        ("自治区党委", "中共广西壮族自治区委员会"), ("自治区政府", "广西壮族自治区人民政府"),
        ("南宁市委", "中共南宁市委员会")]
    assert [t for t, _ in agencies("请县农业农村和科学技术局负责", "某某县人民政府")] == ["县农业农村和科学技术局"]


def test_a_short_department_listed_after_a_body_shares_its_prefix_and_acts_with_it():
    assert agencies("(省发改委、农委、统计局分别负责)", "黑龙江省人民政府办公厅") == [
        ("省发改委", "黑龙江省发展和改革委员会"), ("农委", "黑龙江省农业委员会"), ("统计局", "黑龙江省统计局")]


def test_a_county_level_citys_own_bodies_are_the_citys_not_its_prefectures():
    j = Jurisdiction(province="浙江省", city="台州市", county="温岭市", level="county")   # a 温岭市 reply's, by its title
    assert tagged("经商温岭市政协和市商务局研究", j) == [
        ("温岭市政协", "中国人民政治协商会议温岭市委员会"), ("市商务局", "温岭市商务局")]


def test_two_zones_joined_by_he_before_one_board_are_each_zones_board():
    j = infer_jurisdiction("", "衡水市人民政府", None, None)
    assert tagged("(责任单位:各县市区政府,衡水高新区和滨湖新区管委会)", j) == [
        ("衡水高新区", "衡水高新技术产业开发区管理委员会"), ("滨湖新区管委会", "衡水滨湖新区管理委员会")]


def test_the_party_centres_general_office_keeps_its_own_name():
    assert canonicalize("中共中央办公厅", CENTRAL) == "中共中央办公厅"


def test_a_banner_written_short_is_the_banner_and_its_bodies_are_its_own():
    j = infer_jurisdiction("", "科右中旗人民政府", "对旗人大第十七届二次会议第0008号建议的答复", None)
    assert (j.city, j.county) == ("兴安盟", "科尔沁右翼中旗")
    assert tagged("经科右中旗人民政府同意,旗人大、退役军人事务局", j) == [
        ("科右中旗人民政府", "科尔沁右翼中旗人民政府"), ("旗人大", "科尔沁右翼中旗人民代表大会"),
        ("退役军人事务局", "科尔沁右翼中旗退役军人事务局")]


def test_districts_listed_before_one_districts_government_are_each_their_government():
    j = Jurisdiction(province="广东省", city="广州市", level="city")
    assert tagged("配合单位:荔湾区、黄埔区政府\n", j) == [
        ("荔湾区", "广州市荔湾区人民政府"), ("黄埔区政府", "广州市黄埔区人民政府")]
    assert tagged("配合单位:开发区、黄埔区政府\n", j) == [("黄埔区政府", "广州市黄埔区人民政府")]


def test_a_congresss_special_committee_follows_the_congress_itself():
    j = Jurisdiction(province="辽宁省", level="province")
    assert tagged("(省人大法制委、省人大财经委、省司法厅负责)", j) == [
        ("省人大法制委", "辽宁省人民代表大会法制委员会"), ("省人大财经委", "辽宁省人民代表大会财政经济委员会"),
        ("省司法厅", "辽宁省司法厅")]


def test_a_railway_bureau_keeps_its_citys_name_as_written():
    j = Jurisdiction(province="江西省", level="province")
    assert tagged("省交通厅、南昌铁路局配合", j)[1] == ("南昌铁路局", "南昌铁路局")


def test_a_short_name_defined_after_a_body_and_each_later_use_of_it_name_that_body():
    j = infer_jurisdiction("", "兰溪市横溪镇人民政府", None, None)
    assert tagged("横溪镇锡箔行业治理领导小组办公室(以下简称办公室)受理举报。第四条 办公室应当做好发放工作。", j) == [
        ("横溪镇锡箔行业治理领导小组办公室", "兰溪市横溪镇锡箔行业治理领导小组办公室"),
        ("办公室", "兰溪市横溪镇锡箔行业治理领导小组办公室"), ("办公室", "兰溪市横溪镇锡箔行业治理领导小组办公室")]
    assert tagged("设立专项资金(以下简称“专项资金”)。专项资金用于奖励。", j) == []


def test_the_documents_own_town_written_in_full_opens_its_bodies():
    j = infer_jurisdiction("", "兰溪市横溪镇人民政府", None, None)
    assert tagged("横溪镇安全生产领导小组办公室负责,横溪镇人民政府", j) == [
        ("横溪镇安全生产领导小组办公室", "兰溪市横溪镇安全生产领导小组办公室"), ("横溪镇人民政府", "兰溪市横溪镇人民政府")]
    assert infer_jurisdiction("", "横溪镇", None, None).town == "横溪镇"        # 发布机构: the town alone
    assert infer_jurisdiction("", None, "东赵各庄镇人民政府河(湖)长制考核实施细则", None).town == "东赵各庄镇"


def test_a_county_whose_first_two_characters_make_no_word_opens_a_line_as_a_county():
    j = infer_jurisdiction("", "三明市商务局", None, None)
    assert tagged("| 1 |\n将乐县商务局 |\n", j) == [("将乐县商务局", "将乐县商务局")]
    assert [t for t, _ in tagged("县教育局会同县交通局办理", infer_jurisdiction("", "溆浦县人民政府", None, None))] \
        == ["县教育局", "县交通局"]


def test_a_banner_whose_name_opens_with_its_leagues_is_the_banner_and_its_merged_bureau_one_body():
    j = infer_jurisdiction("", "阿拉善左旗科学技术和林业草原局", None, None)
    assert (j.city, j.county) == ("阿拉善盟", "阿拉善左旗")
    assert tagged("阿拉善左旗科学技术和林业草原局关于提案的答复", j) == [
        ("阿拉善左旗科学技术和林业草原局", "阿拉善左旗科学技术和林业草原局")]
    assert tagged("县科技局和教育局负责", j) == [("县科技局", "阿拉善左旗科学技术局"), ("教育局", "阿拉善左旗教育局")]


def test_chongqings_commissions_written_short_are_their_full_names():
    j = infer_jurisdiction("", "重庆市人民政府办公厅", None, None)
    assert tagged("(责任单位:市规划自然资源局、市农业农村委)", j) == [
        ("市规划自然资源局", "重庆市规划和自然资源局"), ("市农业农村委", "重庆市农业农村委员会")]


@pytest.mark.parametrize("text, expected", [
    ("吉林省长春市人民政府令", [("吉林省长春市人民政府", "长春市人民政府")]),
    ("山西省临汾市尧都区人民政府办公室关于", [("山西省临汾市尧都区人民政府办公室", "临汾市尧都区人民政府办公室")]),
    ("河北省人民政府", [("河北省人民政府", "河北省人民政府")]),
    ("重庆市巴南区人民政府应急管理办公室", [("重庆市巴南区人民政府应急管理办公室", "重庆市巴南区人民政府应急管理办公室")]),
    ("陕西省西咸新区开发建设管理委员会办公室", [("陕西省西咸新区开发建设管理委员会办公室", "陕西省西咸新区开发建设管理委员会办公室")]),
])
def test_a_body_written_below_its_province_and_city_is_named_from_its_city(text, expected):
    assert tagged(text, Jurisdiction()) == expected


def test_an_inter_ministerial_meeting_holds_no_ministry():
    assert tagged("经社会信用体系建设部际联席会议同意", Jurisdiction(level="central")) == []


def test_a_listed_kind_of_body_before_he_is_no_merged_function():
    assert tagged("发布机构: 区政府直属机构和事业单位\n\n山西省住房和城乡建设厅  城镇燃气经营许可管理办法", Jurisdiction()) == [
        ("山西省住房和城乡建设厅", "山西省住房和城乡建设厅")]


def test_a_congress_in_its_session_after_a_date_is_the_named_citys():
    assert tagged("(2021年1月17日儋州市第十五届人民代表大会第六次会议批准)", Jurisdiction()) == [
        ("人民代表大会", "儋州市人民代表大会")]


def test_a_central_task_list_names_national_bodies_without_guojia_or_guowuyuan():
    j = Jurisdiction(level="central")
    assert tagged("(发展改革委、人民银行牵头负责,法制办参加)", j) == [
        ("发展改革委", "国家发展和改革委员会"), ("人民银行", "中国人民银行"), ("法制办", "国务院法制办公室")]
    assert tagged("(公安部、工商总局、质检总局负责)", Jurisdiction()) == [
        ("公安部", "公安部"), ("工商总局", "国家工商行政管理总局"), ("质检总局", "国家质量监督检验检疫总局")]


def test_an_issuer_naming_a_unit_the_tables_lack_after_its_county_gives_the_county():
    j = infer_jurisdiction("", "马关县扶贫开发局", None, None)
    assert (j.city, j.county) == ("文山壮族苗族自治州", "马关县")
    assert tagged("目前县扶贫开发局正在与相关部门联系尽快将资金划拨到仁和镇人民政府账户。", j) == [
        ("县扶贫开发局", "马关县扶贫开发局"), ("仁和镇人民政府", "马关县仁和镇人民政府")]


def test_a_town_a_body_supports_in_its_work_acts_for_its_government():
    j = infer_jurisdiction("", "城口县交通运输委员会", None, None)
    assert tagged("我委将支持高观镇开展项目前期工作。", j) == [("高观镇", "城口县高观镇人民政府")]
    assert tagged("支持脱贫县开展统筹整合试点,指导各乡镇开展工作。", j) == []


def test_a_subdistrict_named_after_a_road_bearing_a_citys_name_is_no_city_body():
    j = infer_jurisdiction("", "兰州市人民政府办公室", None, None)
    assert tagged("将昌南路以西的区域划归酒泉路街道办事处管辖。市道路运输管理局负责。", j) == [
        ("酒泉路街道办事处", "酒泉路街道办事处"), ("市道路运输管理局", "兰州市道路运输管理局")]


def test_the_financial_regulators_short_name_heads_its_provincial_office():
    assert agencies("省税务局、国家金融监管总局贵州监管局会办。", "贵州省林业局") == [
        ("省税务局", "国家税务总局贵州省税务局"), ("国家金融监管总局贵州监管局", "国家金融监督管理总局贵州监管局")]


def test_a_body_after_he_in_a_list_is_no_division_of_the_one_before():
    assert agencies("会同市绿化市容局、市文化旅游局和市农科院等单位联合谋划花卉产业。", "上海市农业农村委员会") == [
        ("市绿化市容局", "上海市绿化和市容管理局"), ("市文化旅游局", "上海市文化和旅游局")]


def test_a_free_trade_zones_part_is_named_in_full_with_its_province():
    assert agencies("市属各高等院校,自贸区福州片区管委会:", "福州市人民政府办公厅") == [
        ("自贸区福州片区管委会", "中国(福建)自由贸易试验区福州片区管理委员会")]


def test_a_named_body_listed_after_a_collective_is_one_body_but_a_bare_level_shares_the_collective():
    assert agencies("各行署、拉萨市人民政府,自治区各委、办、厅、局:", "西藏自治区人民政府") == [
        ("拉萨市人民政府", "拉萨市人民政府")]
    assert agencies("各市、县人民政府,省政府各部门:", "河北省人民政府") == []


def test_a_bare_lower_levels_government_in_a_citys_rules_names_no_one_body():
    assert agencies("具体管理方式由区人民政府根据实际情况确定。", "天津市人民政府办公厅") == []
    assert agencies("由县人民政府负责组织实施。", "曲靖市人民政府") == []
    assert agencies("由县人民政府负责组织实施。", "石林县人民政府") == [("县人民政府", "石林彝族自治县人民政府")]


def test_a_county_branch_of_the_citys_bureau_written_with_the_countys_short_name_is_that_branch():
    j = infer_jurisdiction("", "嘉善县人民政府", None, None)
    assert canonicalize("嘉善生态环境分局", j) == canonicalize("县生态环境分局", j) == "嘉兴市生态环境局嘉善分局"


def test_an_academician_named_by_the_academy_is_no_mention_of_it():
    assert agencies("引进中国工程院院士、中国科学院院士的,给予奖励。由中国科学院负责。", "河南省人民政府") == [
        ("中国科学院", "中国科学院")]


def test_the_variant_shaan_of_a_big5_copy_reads_as_shaanxi():
    assert agencies("陜西省物價局關于理順我省天然氣價格的通知", "陜西省物價局") == [("陜西省物價局", "陝西省物價局")]


def test_the_ministries_as_a_group_are_no_body():
    assert agencies("国家多部委针对农村饮水安全工作出台了一系列政策,我市积极争取国家部委支持。", "晋中市水利局") == []


def test_zones_named_in_a_sentence_before_a_colon_or_as_related_parks_are_no_recipients():
    text = ("四川省经信厅发布名单,四川泸州白酒产业园区、绵竹高新技术产业园区六个产业园区入围。通知如下:\n"
            "各市(州)酒类行业主管部门,相关产业园区:\n现予公布。\n")
    assert agencies(text, "四川省经济和信息化厅") == [("四川省经信厅", "四川省经济和信息化厅")]
    assert agencies("各县(市、区)人民政府,漳河新区:\n现将有关事项通知如下。", "荆门市人民政府") == [("漳河新区", None)]


def test_a_body_joined_to_a_zones_board_is_a_body_of_its_own():
    j = Jurisdiction(province="陕西省", city="西安市", county="灞桥区", level="county")
    texts = [e.text for e in tag_agencies("区委、区政府和灞河新区管委会高度重视纺织城地区改造。", j)]
    assert texts == ["区委", "区政府", "灞河新区管委会"]


@pytest.mark.parametrize("text, name, canonical", [
    ("目前,区公路事务中心已对破损路面进行修复。", "区公路事务中心", "重庆市铜梁区公路事务中心"),
    ("经区经济体制改革专项小组工作会研究同意。", "区经济体制改革专项小组", "重庆市铜梁区经济体制改革专项小组"),
    ("贯彻中央财经委员会第一次会议精神。", "中央财经委员会", "中央财经委员会"),
])
def test_a_districts_service_centre_task_group_and_the_centres_commissions_are_bodies(text, name, canonical):
    j = Jurisdiction(city="重庆市", county="铜梁区", level="county")
    assert (name, canonical) in tagged(text, j)


def test_a_bureaus_short_name_before_a_districts_branch_is_the_bureau_whose_branch_it_is():
    j = Jurisdiction(province="浙江省", city="杭州市", county="拱墅区", level="county")
    assert ("环保拱墅分局", "杭州市环境保护局拱墅分局") in tagged("(责任单位:区发改局、环保拱墅分局)", j)
    assert tagged("由拱墅分局负责。", j) == [("拱墅分局", None)]


def test_a_body_whose_leaders_gave_instructions_is_named_there():
    j = Jurisdiction(province="宁夏回族自治区", city="银川市", level="city")
    assert [e.text for e in tag_agencies("根据市委、市政府领导指示,市工信局会同有关部门制定了指南。", j)] \
        == ["市委", "市政府", "市工信局"]


def test_a_slogan_in_quotes_inside_a_bodys_name_is_part_of_it():
    assert agencies("省“共享农庄”推进领导小组办公室印发了方案。", "海南省农业农村厅") == [
        ("省“共享农庄”推进领导小组办公室", "海南省“共享农庄”推进领导小组办公室")]
    assert agencies("经省打造世界一流“绿色食品牌”工作领导小组同意。", "云南省农业农村厅") == [
        ("省打造世界一流“绿色食品牌”工作领导小组", "云南省打造世界一流“绿色食品牌”工作领导小组")]


def test_a_verb_after_ge_ends_the_collective_and_each_of_a_bodys_decisions_names_it():
    assert agencies("一年来,全省各地按照省委、省政府的部署,紧紧围绕建设大局。", "江西省人民政府办公厅") == [
        ("省委", "中共江西省委员会"), ("省政府", "江西省人民政府")]
    assert agencies("贯彻执行自治区党委各项决策部署。", "内蒙古自治区人民政府") == [
        ("自治区党委", "中共内蒙古自治区委员会")]
    assert agencies("省政府各部门要认真落实。", "江西省人民政府办公厅") == []


@pytest.mark.parametrize("text, issuer, expected", [
    ("按照市疫情防控指挥部的工作安排,尽快恢复诊疗秩序。", "郑州市卫生健康委员会", ("市疫情防控指挥部", "郑州市疫情防控指挥部")),
    ("积极配合谭家桥镇政府,为村组道路建设提供支持。", "黄山市黄山区交通运输局", ("谭家桥镇政府", "黄山市黄山区谭家桥镇人民政府")),
])
def test_a_body_whose_arrangement_is_followed_or_who_is_helped_begins_after_that_word(text, issuer, expected):
    assert agencies(text, issuer) == [expected]


@pytest.mark.parametrize("text", [
    "市直各单位,中央、省驻玉有关单位:",
    "所需资金除中央、省补助资金外,由县财政负担。",
    "我市用人单位(含中央、省属驻市单位)均可申报。",
])
def test_the_centre_and_province_naming_stationed_units_or_their_funds_are_no_body(text):
    assert agencies(text, "玉溪市人民政府") == []


def test_a_place_after_a_kind_of_place_begins_the_name_and_a_bare_body_after_it_stays_collective():
    assert agencies("各市、州、直管市神农架林区农业农村局,厅机关各处室:", "湖北省农业农村厅") == [
        ("神农架林区农业农村局", "神农架林区农业农村局")]
    assert agencies("各省、自治区、直辖市、计划单列市财政厅(局):", "财政部") == []


@pytest.mark.parametrize("text, issuer, expected", [
    ("福清市文物管理所负责文物巡查。", "福清市文化体育和旅游局", ("福清市文物管理所", "福清市文物管理所")),
    ("大田县殡葬服务中心负责遗体接运。", "大田县民政局", ("大田县殡葬服务中心", "大田县殡葬服务中心")),
    ("赣州市果业发展中心组织评审。", "赣州市农业农村局", ("赣州市果业发展中心", "赣州市果业发展中心")),
])
def test_a_named_places_office_station_or_public_service_centre_is_a_body(text, issuer, expected):
    assert expected in agencies(text, issuer)


def test_a_named_places_trading_or_public_service_centre_being_built_is_no_body():
    assert agencies("加快中山市跨境电商公共服务中心落地运营,支持宁波股权交易中心发展。", "中山市商务局") == []


def test_bare_bodies_listed_in_a_recipients_line_opened_by_youguan_are_each_places_not_the_letters():
    found = [t for t, _ in agencies("有关市(州)、扩权县财政局、农业(农牧)农村局、发展改革委(局)、民族宗教委(局)、林草局:", "四川省财政厅")]
    assert not {"发展改革委", "林草局", "农业(农牧)农村局"} & set(found)


def test_a_bare_provincial_department_in_a_districts_text_is_the_provinces():
    assert agencies("根据财政厅《关于下达资金的通知》,做好危房改造。", "襄阳市襄州区住房和城乡建设局") == [("财政厅", "湖北省财政厅")]


def test_a_leading_group_for_big_data_is_a_body_though_data_ends_like_a_preposition():
    assert agencies("经市大数据发展领导小组同意。", "遵义市大数据发展管理局") == [("市大数据发展领导小组", "遵义市大数据发展领导小组")]


def test_a_prefectures_short_name_with_shi_is_its_county_level_city():
    assert agencies("经喀什市旅游局初审,评定为国家5A级景区的,当年扶持50万元。", "喀什地区文化体育广播电视和旅游局") == [
        ("喀什市旅游局", "喀什市旅游局")]


def test_a_merged_culture_and_tourism_bureau_written_short_gets_its_full_name():
    assert agencies("(责任单位:市文广新旅局)", "新余市人民政府") == [("市文广新旅局", "新余市文化广电新闻出版旅游局")]


def test_a_leading_group_named_with_its_member_units_is_tagged_itself():
    assert agencies("各设区市人民政府,省就业工作领导小组各成员单位,省直有关单位:", "江西省人力资源和社会保障厅") == [
        ("省就业工作领导小组", "江西省就业工作领导小组")]
    assert agencies("省人民政府各部门、各直属机构:", "江西省人民政府") == []


def test_a_district_text_naming_no_place_takes_its_place_from_a_city_bureaus_branch():
    text = ("2023年区《政府工作报告》确定的重点工作任务责任分解方案\n一、2023年全区经济社会发展主要预期目标\n"
            "1.地区生产总值增长8%以上。(牵头单位:区发改局)\n"
            "2.完成省、市下达的环境保护考核目标任务。(牵头单位:市生态环境局咸安分局)\n")
    j = infer_jurisdiction(text)
    assert (j.city, j.county) == ("咸宁市", "咸安区")
    assert tagged("(牵头单位:区发改局)", j) == [("区发改局", "咸宁市咸安区发展和改革局")]
