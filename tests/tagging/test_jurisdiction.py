"""infer_jurisdiction: issuer / title / doc number / text -> province, city, county and level; joint issuers,
streets and towns."""
from __future__ import annotations

import pytest

from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction, parse_place_chain
from tests.tagging.helpers import agencies, tagged


@pytest.mark.parametrize("issuer, expected", [
    ("中山市商务局", ("广东省", "中山市", None, "city")),
    ("衡阳市雁峰区人民政府", ("湖南省", "衡阳市", "雁峰区", "county")),
    ("河南省人民政府", ("河南省", None, None, "province")),
    ("盘山县人民政府办公室", (None, None, "盘山县", "county")),
    ("懷化市人民政府辦公室", ("湖南省", "怀化市", None, "city")),
    ("上海市人民政府", ("上海市", "上海市", None, "province")),
    ("北京市海淀区人民政府", ("北京市", "北京市", "海淀区", "county")),
    ("吉林市人民政府", ("吉林省", "吉林市", None, "city")),
    ("吉林省发展和改革委员会", ("吉林省", None, None, "province")),
    ("成都市人民政府办公厅", ("四川省", "成都市", None, "city")),
    ("佛山市南海区人民政府", ("广东省", "佛山市", "南海区", "county")),
    ("长沙县人民政府", ("湖南省", "长沙市", "长沙县", "county")),   # the division codes give its city
    ("广西壮族自治区人民政府办公厅", ("广西壮族自治区", None, None, "province")),
    ("恩施土家族苗族自治州人民政府", ("湖北省", "恩施土家族苗族自治州", None, "city")),
    ("某某市财政局", (None, "某某市", None, "city")),
    # a district its city is known to hold, before a body the tables do not know
    ("北京市大兴区新兴产业促进服务中心", ("北京市", "北京市", "大兴区", "county")),
    # an ethnic autonomous county written short is read as its official name
    ("澜沧县人民政府办公室", ("云南省", "普洱市", "澜沧拉祜族自治县", "county")),
    # a web copy's injected readings are no part of the name
    ("北京市大興區(qū)新興產(chǎn)業(yè)促進(jìn)服務(wù)中心", ("北京市", "北京市", "大兴区", "county")),
    # a district made from a county after the division codes' vintage (繁昌县 -> 繁昌区, 2020)
    ("繁昌区人民政府", ("安徽省", "芜湖市", "繁昌区", "county")),
])
def test_issuer_gives_jurisdiction(issuer, expected):
    j = infer_jurisdiction("", issuer, None, None)
    assert (j.province, j.city, j.county, j.level) == expected


@pytest.mark.parametrize("doc_number, province", [
    ("鄂政发〔2018〕26号", "湖北省"), ("鄂政發〔2018〕26號", "湖北省"), ("豫政〔2023〕33号", "河南省"),
    ("湘政办发〔2023〕4号", "湖南省"), ("陕政发〔2020〕3号", "陕西省"), ("粤府〔2024〕1号", "广东省"),
])
def test_province_government_without_name_takes_doc_number_abbreviation(doc_number, province):
    j = infer_jurisdiction("", "省人民政府", "省人民政府关于进一步优化营商环境的若干意见", doc_number)
    assert (j.province, j.level) == (province, "province")


@pytest.mark.parametrize("issuer, county", [
    ("杭州市余杭区五常街道办事处", "余杭区"),
    ("宁波市北仑区大碶街道党工委", "北仑区"),
    ("佛山市南海区狮山镇人民政府", "南海区"),
])
def test_street_and_town_issuers_give_their_county(issuer, county):
    j = infer_jurisdiction("", issuer, None, None)
    assert (j.county, j.level) == (county, "county")


def test_joint_issuer_jurisdiction_prefers_the_government():
    j = infer_jurisdiction("", "青岛西海岸新区管理委员会办公室 青岛市黄岛区人民政府办公室", None, None)
    assert (j.city, j.county) == ("青岛市", "黄岛区")
    assert tagged("（责任单位：区海洋发展局）", j) == [("区海洋发展局", "青岛市黄岛区海洋发展局")]


def test_two_bureaus_run_together_are_two_issuers_not_a_county():
    j = infer_jurisdiction("", "成都市商务局成都市财政局", None, None)
    assert (j.city, j.county) == ("成都市", None)


def test_title_stands_in_for_missing_issuer():
    j = infer_jurisdiction("", None, "金华市婺城区人民政府关于印发若干政策举措的通知", None)
    assert (j.province, j.city, j.county) == ("浙江省", "金华市", "婺城区")


def test_a_city_zone_named_by_its_kind_in_a_title_is_the_jurisdiction():
    j = infer_jurisdiction("", None, "河南省新乡高新区重大招商引资项目奖励办法", None)
    assert (j.province, j.city, j.county) == ("河南省", "新乡市", "高新区")


@pytest.mark.parametrize("title, place", [
    ("陇县进一步强化稳就业促进高质量充分就业10条政策措施", ("陕西省", "宝鸡市", "陇县")),
    ("淳安县农村电商快递补助细则", ("浙江省", "杭州市", "淳安县")),
])
def test_a_title_opened_by_a_known_county_names_its_place(title, place):
    j = infer_jurisdiction("", None, title, None)
    assert (j.province, j.city, j.county) == place


@pytest.mark.parametrize("title", ["新区建设三年行动方案", "城区改造提升实施方案"])
def test_a_title_opened_by_a_district_name_that_is_also_a_word_names_no_place(title):
    assert infer_jurisdiction("", None, title, None).county is None


def test_text_fallback_counts_place_names():
    text = "为认真贯彻落实《中共苏州市委 苏州市人民政府关于推进数字经济的指导意见》，结合苏州市实际"
    j = infer_jurisdiction(text, None, "关于支持产业创新集群建设的若干政策", None)
    assert (j.province, j.city) == ("江苏省", "苏州市")


def test_nothing_known_gives_empty_jurisdiction():
    assert infer_jurisdiction("本办法自印发之日起施行。", None, None, None) == Jurisdiction()


@pytest.mark.parametrize("level, name", [
    ("省", "浙江省"), ("市", "金华市"), ("区", "金华市婺城区"), (None, "金华市婺城区"),
])
def test_name_at_level(level, name):
    assert Jurisdiction("浙江省", "金华市", "婺城区", "county").name_at(level) == name


def test_county_keeps_its_own_name_and_municipality_city_is_itself():
    assert Jurisdiction(None, None, "盘山县", "county").name_at("县") == "盘山县"
    assert Jurisdiction("上海市", "上海市", None, "province").name_at("市") == "上海市"
    assert Jurisdiction("河南省", None, None, "province").name_at("市") is None


def test_place_chain_length():
    assert parse_place_chain("衡阳市雁峰区人民政府") == ("湖南省", "衡阳市", "雁峰区", 6)


def test_a_city_text_that_speaks_as_one_of_its_counties_takes_that_county():
    text = ("随州市惠企惠民政策直达快享\n关于加快推进农业产业化高质量发展的若干意见\n"
            "（一）支持龙头企业。（牵头单位：县农业农村局，责任单位：县发改局）\n县政府统筹安排。随县咨询电话：0722-1234567")
    j = infer_jurisdiction(text, issuer=None, title="关于加快推进农业产业化高质量发展的若干意见")
    assert (j.city, j.county, j.level) == ("随州市", "随县", "county")


def test_a_county_whose_name_another_city_once_had_is_read_under_the_city_the_text_names():
    text = ("各乡镇人民政府,各街道办事处,县人民政府各部门:\n《浚县2018年水污染防治攻坚战实施方案》已经县政府同意。\n"
            "为落实《鹤壁市人民政府关于打赢水污染防治攻坚战的意见》,制定本方案。\n(责任单位:县住建局、县发改委)")
    j = infer_jurisdiction(text, issuer=None, title="浚县2018年水污染防治攻坚战实施方案")
    assert (j.city, j.county, j.level) == ("鹤壁市", "浚县", "county")


def test_an_unsigned_text_naming_its_province_but_speaking_as_a_city_takes_the_one_city_it_names():
    text = ("（一）落实扶持政策。经福建省人民政府同意，对工业企业给予奖励。"
            "（责任单位：市经信委、市财政局、厦门火炬高新区管委会）\n（二）加强监测。（责任单位：市经信委）")
    j = infer_jurisdiction(text)
    assert (j.province, j.city, j.level) == ("福建省", "厦门市", "city")


def test_an_unsigned_provincial_text_naming_two_cities_stays_provincial():
    text = ("（一）落实扶持政策。福建省人民政府支持厦门、福州两市试点。（责任单位：市经信委、市财政局）")
    j = infer_jurisdiction(text)
    assert (j.province, j.city) == ("福建省", None)


def test_a_development_zone_issuer_keeps_its_own_bureaus():
    j = infer_jurisdiction("（一）支持企业上市。（责任单位：工信局）", issuer="天津港保税区")
    assert j.level == "zone" and j.name_at(None) is None
    assert infer_jurisdiction("", issuer="咸宁市人民政府").level == "city"


@pytest.mark.parametrize("issuer,county", [("天津市和平区人民政府", "和平区"), ("沈阳市和平区人民政府", "和平区"),
                                           ("天津市滨海新区人民政府", "滨海新区")])
def test_a_district_whose_name_holds_a_stop_character_is_read_after_its_city(issuer, county):
    j = infer_jurisdiction("", issuer=issuer)
    assert (j.county, j.level) == (county, "county")


@pytest.mark.parametrize("county,place", [("文昌市", ("海南省", "文昌市")), ("仙桃市", ("湖北省", "仙桃市")),
                                          ("临湘市", ("湖南省", "岳阳市")), ("济源市", ("河南省", "焦作市"))])
def test_county_level_cities_under_the_province_are_their_own_city(county, place):
    from pipeline.tagging.agency_data import agency_data
    assert agency_data().county_city[county] == place


def test_a_county_named_in_a_text_of_its_province_is_more_than_the_province():
    text = ("为贯彻落实《海南省人民政府办公厅关于印发海南省促进经济高质量发展若干财政措施的通知》精神,制定本措施。\n"
            "(一)支持研发机构建设。文昌市再按原比例的10%追加补助。(责任单位:市科学技术工业信息化局)")
    j = infer_jurisdiction(text)
    assert (j.province, j.city) == ("海南省", "文昌市")


@pytest.mark.parametrize("issuer,title,town,full", [
    ("东莞市石龙镇人民政府", None, "石龙镇", "东莞市石龙镇"),
    ("天津市蓟州区尤古庄镇人民政府", None, "尤古庄镇", "天津市蓟州区尤古庄镇"),
    (None, "石龙镇推动经济高质量发展产业转型升级实施办法", "石龙镇", "石龙镇"),
    ("盘山县人民政府", None, None, None),
])
def test_a_towns_own_letter_has_its_town(issuer, title, town, full):
    j = infer_jurisdiction("", issuer=issuer, title=title)
    assert (j.town, j.name_at("镇")) == (town, full)


def test_an_unsigned_text_that_speaks_as_a_zone_is_the_zones():
    text = "为贯彻落实一揽子增量政策,推动长春新区经济持续向好发展,结合新区实际,制定如下措施。\n(责任部门:科技局、财政局)"
    assert infer_jurisdiction(text, None, None, None).level == "zone"


def test_an_ethnic_autonomous_county_issuer_gives_its_county():
    j = infer_jurisdiction("", "岫岩满族自治县住房和城乡建设局", None, None)
    assert j.county == "岫岩满族自治县"


@pytest.mark.parametrize("issuer", ["国务院办公厅", "财政部 国家税务总局"])
def test_a_national_issuer_makes_the_document_central(issuer):
    j = infer_jurisdiction("", issuer, None, None)
    assert (j.province, j.city, j.county, j.level) == (None, None, None, "central")


def test_a_central_documents_bare_department_is_the_national_one():
    found = dict(agencies("1 居民消费价格涨幅3%左右 发展改革委\n2 统计数据质量 统计局\n", "国务院办公厅"))
    assert found["发展改革委"] == "国家发展和改革委员会" and found["统计局"] == "国家统计局"


def test_an_unplaced_local_documents_bare_department_stays_unresolved():
    assert dict(tagged("1 统计数据质量 统计局\n", Jurisdiction())).get("统计局") is None


def test_a_county_level_city_named_alone_or_heading_the_page_is_the_jurisdiction():
    from pipeline.tagging.jurisdiction import infer_jurisdiction
    j = infer_jurisdiction("", "晋江市", None, None)
    assert (j.city, j.county, j.level) == ("泉州市", "晋江市", "county")       # the county of its prefecture
    text = "晋江市贯彻落实福建省推动民营经济创新发展若干措施实施方案\n为深入贯彻落实有关精神,制定本方案。\n"
    j = infer_jurisdiction(text, None, None, None)
    assert (j.city, j.county, j.level) == ("泉州市", "晋江市", "county")


@pytest.mark.parametrize("issuer, units, names", [
    (None, "支持钱塘区企业做大做强。（责任单位：区发改局、区商务局）", ["杭州市钱塘区发展和改革局", "杭州市钱塘区商务局"]),
    ("监利市人民政府办公室", "（牵头单位：市发改局、市统计局）", ["监利市发展和改革局", "监利市统计局"]),     # 2020
])
def test_divisions_newer_than_the_packaged_codes_name_their_bodies(issuer, units, names):
    from pipeline.tagging.responsible import parse_responsible
    assert parse_responsible(units, infer_jurisdiction(units, issuer=issuer)).responsible == names


def test_the_policy_a_title_issues_names_the_place_before_any_site_text_above_it():
    text = "廣州鮮易鮮物流有限公司為您提供冷鏈運輸的全方位優質服務!\n各區縣(自治縣)人民政府,市政府各部門:\n"
    j = infer_jurisdiction(text, title="關于印發重慶市支持食品及農產品加工產業高質量發展十條政策的通知")
    assert (j.province, j.city) == ("重庆市", "重庆市")


def test_a_prefecture_named_like_a_province_is_that_prefecture():
    j = infer_jurisdiction("", title="关于印发海南州全面推进紧密型县域医疗卫生共同体建设实施方案的通知")
    assert (j.province, j.city) == ("青海省", "海南藏族自治州")


@pytest.mark.parametrize("title, expected", [
    ("河北河間市光伏扶貧電站管理辦法(試行)", ("河北省", "沧州市", "河间市", "county")),
    ("河北省人民政府关于印发河北省若干措施的通知", ("河北省", None, None, "province")),
])
def test_a_title_naming_a_county_level_city_after_its_province_gives_the_city(title, expected):
    j = infer_jurisdiction("", None, title, None)
    assert (j.province, j.city, j.county, j.level) == expected


def test_a_citys_notice_naming_a_county_level_city_among_its_recipients_stays_the_citys():
    text = ("关于印发2021年市政府重点工作责任分解的通知\n大冶市、阳新县、各区人民政府,市政府各部门:\n"
            "经市政府同意,现将责任分解印发给你们。(责任单位:市发改委、市财政局)\n")
    j = infer_jurisdiction(text, "黄石市人民政府办公室", "关于印发2021年市政府重点工作责任分解的通知", "黄政办发〔2021〕1号")
    assert (j.city, j.county, j.level) == ("黄石市", None, "city")


def test_shi_in_a_county_level_citys_own_letter_is_that_city():
    j = infer_jurisdiction("", "温岭市商务局", None, None)
    assert j.name_at("市") == "温岭市"
    assert Jurisdiction(province="浙江省", city="台州市", county="温岭市", level="county").name_at("市") == "温岭市"


@pytest.mark.parametrize("issuer, expected", [
    ("将乐县住房和城乡建设局", ("福建省", "三明市", "将乐县")),      # 将 joins words, but 将乐县 is a county
    ("古交市政府", ("山西省", "太原市", "古交市")),                  # a county-level city: its prefecture's county
    ("同江市银川乡人民政府", ("黑龙江省", "佳木斯市", "同江市")),
])
def test_an_issuer_opening_with_a_county_of_the_division_codes_is_that_county(issuer, expected):
    j = infer_jurisdiction("", issuer, None, None)
    assert (j.province, j.city, j.county, j.level) == (*expected, "county")


def test_a_county_whose_first_character_joins_words_is_no_place_inside_running_text():
    text = "县政府责成县教育局会同县交通运输局开展调研。\n金川县教育局\n"
    j = infer_jurisdiction(text, "县教育局", None, None)
    assert j.county != "会同县"


def test_places_listed_as_a_schemes_coverage_are_not_the_letters_own():
    text = ("省林业局关于省十三届人大二次会议第26号建议的答复\n杨建群代表:\n实施范围已限定在长江干流流经的上海、江苏、"
            "安徽、江西等省(市),因长江干流未流经我省境内,我省未能纳入。\n我省启动绿化贵州建设三年行动计划。\n")
    assert infer_jurisdiction(text, "省林业局", None, None).province == "贵州省"


def test_a_county_named_by_its_stem_alone_and_abbreviated_in_the_doc_number_is_the_letters():
    text = ("县人民政府办公室关于对县《政府工作报告》涉及嘉鱼的重点事项进行责任分解的通知\n"
            "各镇人民政府,县政府各部门,嘉鱼经济开发区、武汉新港潘湾工业园:\n经县人民政府同意,现将责任分解给你们。\n"
            "(一)地区生产总值增长11%。(牵头单位:县发改局;责任单位:各镇人民政府)\n(二)财政收入增长。(牵头单位:县财政局)\n")
    j = infer_jurisdiction(text, None, "对县《政府工作报告》涉及嘉鱼的重点事项进行责任分解的通知", "嘉政办发〔2021〕5号")
    assert (j.province, j.city, j.county, j.level) == ("湖北省", "咸宁市", "嘉鱼县", "county")
    assert tagged("县发改局", j) == [("县发改局", "嘉鱼县发展和改革局")]


def test_a_stem_the_doc_number_does_not_abbreviate_names_no_county():
    text = "县人民政府办公室关于涉及嘉鱼的重点事项的通知\n县发改局、县财政局:\n现将任务分解给你们。\n"
    assert infer_jurisdiction(text, None, None, "鄂政办发〔2021〕5号").county is None


def test_a_placeless_task_list_naming_national_ministries_speaks_for_the_centre():
    text = ("一、加强信用法律法规建设\n1、启动信用法前期调研工作。(发展改革委、人民银行牵头负责,法制办参加)\n"
            "2、制定公民统一社会信用代码制度。(发展改革委、公安部、民政部、税务总局、工商总局负责)\n")
    j = infer_jurisdiction(text, None, None, None)
    assert j.level == "central"
    assert ("发展改革委", "国家发展和改革委员会") in tagged(text, j)


def test_a_placeless_text_speaking_as_a_city_is_not_central_for_the_ministries_it_cites():
    text = ("根据公安部、民政部、财政部有关规定,市政府决定:\n一、市财政局负责资金保障。\n二、市民政局负责组织实施。\n")
    assert infer_jurisdiction(text, None, None, None).level != "central"


def test_a_placeless_text_naming_several_counties_of_one_city_speaks_for_the_city():
    text = ("20、深化农村综合改革。(牵头单位:市农办;主办单位:市编办、市教育局、市财政局)\n"
            "福清市乡镇机构改革试点方案已草拟。乡镇财政体制已到期的闽侯、连江两县已下达新一轮体制。\n"
            "21、完善乡村文化设施。(牵头单位:市文化局)\n长乐、罗源、永泰等县(市)区“三馆”已落实。\n")
    j = infer_jurisdiction(text, None, None, None)
    assert (j.city, j.county, j.level) == ("福州市", None, "city")
    assert ("市教育局", "福州市教育局") in tagged(text, j)
    one = "福清市乡镇机构改革试点方案已草拟。市财政局、市教育局负责。\n"
    assert infer_jurisdiction(one, None, None, None).county == "福清市"
