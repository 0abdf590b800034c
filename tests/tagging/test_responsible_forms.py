"""The forms real documents use to name the units responsible for an item."""
from dataclasses import replace

import pytest

from pipeline.tagging.jurisdiction import infer_jurisdiction
from pipeline.tagging.responsible import parse_responsible


def _units(text: str, issuer: str) -> list[str]:
    return parse_responsible(text, infer_jurisdiction(text, issuer=issuer)).responsible


@pytest.mark.parametrize("text,issuer,units", [
    # a bare parenthesis of units after the item
    ("对新引进项目给予补助，最高不超过500万元。(市工信委、市财政局)", "西安市人民政府办公厅",
     ["西安市工业和信息化委员会", "西安市财政局"]),
    # leads, then cooperating units through a collective (各州、市人民政府)
    ("(省发展改革委、财政厅牵头;省工业和信息化委、林业厅,国家开发银行云南省分行、农业发展银行云南省分行,各州、市人民政府配合)",
     "云南省人民政府", ["云南省发展和改革委员会", "云南省财政厅", "云南省工业和信息化委员会", "云南省林业厅",
                   "国家开发银行云南省分行", "中国农业发展银行云南省分行"]),
    # the bodies the item names as deciding it, where no unit is labelled
    ("第三条 基金的具体数额由市计划委员会、市财政局共同确定。", "北京市人民政府", ["北京市计划委员会", "北京市财政局"]),
    # a deadline inside a unit clause is no unit; 等 closes a list
    ("（市行政审批局牵头，6月底完成）", "湘西土家族苗族自治州人民政府", ["湘西土家族苗族自治州行政审批局"]),
    ("协同责任单位:市商务局、滁州海关等,各县、市、区政府。", "滁州市人民政府", ["滁州市商务局", "滁州海关"]),
    # a table row copied as text: the cell of units, parted by | or white space from the task and a person
    ("1 | 推动义务教育优质均衡发展,增加学位5000个。 | 毛晓青 | 县教体局 各相关乡镇政府 | 已启动 |", "吉水县人民政府",
     ["吉水县教育和体育局"]),
    # a task table copied one cell a line: the lead cell, then the cooperating cell with its 等相关部门 and towns
    ("110\n加强0- 3岁婴幼儿教育\n教育局\n人口计生委等相关部门,13个街道、镇\n2010年", "上海市徐汇区人民政府办公室",
     ["上海市徐汇区教育局", "上海市徐汇区人口和计划生育委员会"]),
    ("114\n义务教育阶段残障儿童少年入学率达到100%\n教育局\n民政局、残联等相关部门,13个街道、镇\n2010年",
     "上海市徐汇区人民政府办公室", ["上海市徐汇区教育局", "上海市徐汇区民政局", "上海市徐汇区残疾人联合会"]),
    ("117\n完成南洋中学新建、扩建项目\n机管局\n教育局、建设交通委、房地局\n2010年", "上海市徐汇区人民政府办公室",
     ["上海市徐汇区机关事务管理局", "上海市徐汇区教育局", "上海市徐汇区建设和交通委员会", "房地局"]),
    # the levels' governments after the departments share the collective's 各; a note after the units
    ("(一)开放大型生产生活市场。(省商务厅、省农业农村厅等部门及各市、县级政府按职责分工负责;以下均需各市、县级政府负责,不再列出)",
     "吉林省人民政府办公厅", ["吉林省商务厅", "吉林省农业农村厅"]),
    # a State Council division of work: the lead, then the bodies it works with (会同), before 研究提出
    ("(一)关于粮食安全的问题,由发展改革委会同中央农办、农业部、统计局等部门研究提出落实意见。", "国务院办公厅",
     ["国家发展和改革委员会", "中央农村工作领导小组办公室", "农业部", "国家统计局"]),
    # an 执行部门 label; a note after the units is no unit
    ("对工业企业后期自建自用标准化厂房的,可按本条款执行。(执行部门:市经信委,事后奖补方式)", "巢湖市人民政府",
     ["巢湖市经济和信息化委员会"]),
    # 等 after the last unit closes the list; a park and a township stand as units of their own
    ("责任单位:县发展改革局、新材料产业园、商贸物流园等", "金乡县人民政府",
     ["金乡县发展和改革局", "新材料产业园", "商贸物流园"]),
    ("项目责任单位:洛克乡、水利局", "叶城县人民政府", ["洛克乡", "叶城县水利局"]),
    # a field label in brackets, no colon: a policy list's 【政策落实单位】
    ("1.【优惠内容】对企业实施技术改造的项目给予奖励。\n【政策依据】《某实施方案》\n【政策落实单位】市工信局、市财政局",
     "临沂市人民政府", ["临沂市工业和信息化局", "临沂市财政局"]),
    # a parenthesis closing a sentence whose groups of units are parted by commas; collectives left out
    ("推动出台《消防安全责任制实施办法》(市消防救援总队,各相关行业部门)。约谈下级政府负责人(市消防救援总队,各区政府、市财政局)。",
     "上海市安全生产委员会", ["上海市消防救援总队", "上海市财政局"]),
    # a level's bracketed note inside a listed collective (有关市(地)政府(行署)) does not end the list of units
    ("…给予补助。〔省交通运输厅、省商务厅、省财政厅、有关市(地)政府(行署)按职责分工负责〕制定改进城市配送车辆通行的实施意见。",
     "黑龙江省人民政府办公厅", ["黑龙江省交通运输厅", "黑龙江省商务厅", "黑龙江省财政厅"]),
    # a commission written with 委 for 委员会 (经济和信息化委) in a list sharing the 省 prefix
    ("(一)促进制造业高端化发展。(省发展改革委、经济和信息化委、科技厅、工商局)", "江苏省人民政府",
     ["江苏省发展和改革委员会", "江苏省经济和信息化委员会", "江苏省科学技术厅", "江苏省工商行政管理局"]),
])
def test_units_are_read_from_each_form(text, issuer, units):
    assert _units(text, issuer) == units


def test_an_object_of_an_action_is_not_a_doer():
    assert _units("企业向市财政局申请借款，由市节约用水办公室审核。", "北京市人民政府") == ["北京市节约用水办公室"]


def test_the_government_that_gives_the_support_is_its_doer():
    text = "(一)对新增规模以上工业企业,在市政府一次性奖励5万元的基础上,县政府给予一次性奖励5万元。"
    assert _units(text, "蠡县人民政府办公室") == ["蠡县人民政府"]


@pytest.mark.parametrize("text,issuer,units", [
    # a note on the unit list is no unit
    ("责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)", "厦门市人民政府", ["厦门市发展和改革委员会", "厦门市财政局"]),
    # a leading group that studies and decides the support
    ("第五条 经县招商引资工作领导小组研究审定,对符合条件的项目给予奖励。", "祁县人民政府", ["祁县招商引资工作领导小组"]),
])
def test_notes_and_deciding_bodies(text, issuer, units):
    assert _units(text, issuer) == units


def test_bodies_after_the_agent_marker_are_doers_listed_after_the_labelled_units():
    text = ("(一)设立兰州新区开发建设专项资金,由省政府和兰州市人民政府按7:3的比例,每年筹集10亿元。"
            "(省财政厅牵头,兰州市人民政府、兰州新区管委会配合)")
    assert _units(text, "甘肃省人民政府") == ["甘肃省财政厅", "兰州市人民政府", "兰州新区管理委员会", "甘肃省人民政府"]


def test_the_body_after_the_agent_marker_comes_first_when_no_unit_is_labelled():
    text = "(二)关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。"
    assert _units(text, "国务院办公厅") == ["国土资源部", "农业部"]


def test_collectives_holding_each_are_not_units():
    r = parse_responsible("牵头单位:省编办、省财政厅等省直有关部门和各市人民政府。", infer_jurisdiction("", issuer="山西省人民政府"))
    assert r.responsible == ["山西省机构编制委员会办公室", "山西省财政厅"]
    assert r.collectives == ["等省直有关部门和各市人民政府"]


def test_copy_recipients_after_an_item_are_not_its_units():
    text = "三、奖励标准\n对评选出的先进镇政府给予10万元奖励。\n抄送:\n县委各部委,县人大常委会办公室,县政协办公室,县法院\n"
    assert _units(text, "盘山县人民政府") == []


def test_a_leading_group_whose_name_holds_a_level_word():
    text = "第三条 奖励工作由天水市工业强市战略推进工作领导小组负责。"
    assert _units(text, "天水市人民政府") == ["天水市工业强市战略推进工作领导小组"]


def test_a_unit_list_cut_off_after_an_opening_bracket_keeps_its_units():
    # an excerpt cut right after 〔责任单位:自治区农牧厅( : the lone bracket is no unit and breaks nothing
    text = "2.实施耕地保护与建设行动。〔责任单位:自治区农牧厅("
    assert _units(text, "内蒙古自治区人民政府") == ["内蒙古自治区农牧厅"]


def test_a_unit_list_in_tortoise_shell_brackets_ends_at_its_bracket():
    text = "2.实施耕地保护与建设行动。〔责任单位:自治区农牧厅、乡村振兴局、财政厅〕"
    assert _units(text, "内蒙古自治区人民政府") == ["内蒙古自治区农牧厅", "内蒙古自治区乡村振兴局", "内蒙古自治区财政厅"]


def test_units_written_before_参加_take_part_after_the_leads():
    text = "将就业创业工作纳入政绩考核。(市发展改革委、市人力资源社会保障局牵头,市委组织部、市教育局、市财政局参加)"
    units = parse_responsible(text, infer_jurisdiction(text, issuer="济宁市人民政府"))
    assert units.lead == ["济宁市发展和改革委员会", "济宁市人力资源和社会保障局"]
    assert units.cooperating == ["中共济宁市委组织部", "济宁市教育局", "济宁市财政局"]


def test_a_body_given_its_duties_does_the_item():
    text = "第四条 市消防安全委员会应当履行下列消防工作职责:(一)组织制定本行政区域内消防工作规划和年度计划;"
    assert _units(text, "阳春市人民政府") == ["阳春市消防安全委员会"]


def test_a_label_naming_the_answering_person_too_still_lists_the_units():
    text = "1.完成特勤消防中队建设。\n责任单位及责任人:呈贡县政府、市发改委、市财政局主要领导。"
    assert _units(text, "昆明市人民政府") == ["呈贡县人民政府", "昆明市发展和改革委员会", "昆明市财政局"]


def test_a_unit_cell_copied_one_unit_a_line_keeps_a_unit_the_tables_do_not_know_beside_one_they_do():
    row = "1\n启动县图书馆新馆建设。\n{}\n12月底前"
    assert _units(row.format("县住建局\n县代建中心"), "大竹县人民政府办公室") == ["大竹县住房和城乡建设局", "县代建中心"]
    assert _units(row.format("县代建中心"), "大竹县人民政府办公室") == []


def test_a_tables_unit_column_read_by_its_header_gives_units_the_tables_of_bodies_do_not_know():
    text = ("一、专项整治安排表\n专项整治行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 安监所 |\n"
            "电力设施 | 3月份 | 电管所 |\n交通运输 | 12月份 | 超限站 公路站 |")
    assert _units(text, "徐庄镇人民政府") == ["安监站", "安监所", "电管所", "超限站", "公路站"]


@pytest.mark.parametrize("text,issuer,units", [
    # a short name in brackets between the body and its role verb
    ("第二条 巴南区人民政府应急管理办公室(简称区政府应急办)负责统筹协调预警体系建设。", "重庆市巴南区人民政府",
     ["重庆市巴南区人民政府应急管理办公室"]),
    # …and between the body heading an item and what it does under a rule
    ("(二)和林格尔县财政局(以下简称“县财政局”)按照财政预算管理有关规定,统筹安排专项资金年度预算,负责预算下达和拨付。",
     "和林格尔县人民政府办公室", ["和林格尔县财政局"]),
])
def test_a_short_name_in_brackets_after_a_body_does_not_hide_it(text, issuer, units):
    assert _units(text, issuer) == units


def test_units_joined_by_和_before_their_verb_are_both_doers():
    text = "第三条 引导资金由市级财政统筹安排,市财政局和市体育局共同管理。"
    assert _units(text, "南宁市人民政府办公室") == ["南宁市财政局", "南宁市体育局"]


def test_a_协同部门_label_names_the_units_working_with_the_lead_of_the_heading():
    text = ("(二)省审计厅牵头的工作\n强化审计监督,依法开展审计工作。\n协同部门:省政府办公厅、财政厅、地税局等和各市、县人民政府。")
    units = parse_responsible(text, infer_jurisdiction(text, issuer="山西省人民政府"))
    assert units.lead == ["山西省审计厅"]
    assert units.cooperating == ["山西省人民政府办公厅", "山西省财政厅", "山西省地方税务局"]


def test_an_office_with_a_second_nameplate_in_brackets_gives_both_units():
    text = "2020年底前基本实现行政许可事项“应放尽放”。〔政府办公厅、区编办(审改办)牵头,各地(市)、各相关部门按职责分工负责〕"
    units = parse_responsible(text, infer_jurisdiction(text, issuer="西藏自治区人民政府办公厅"))
    assert units.lead == ["西藏自治区人民政府办公厅", "西藏自治区机构编制委员会办公室", "审改办"]


def test_a_heading_that_is_its_unit_alone_gives_it_the_items_below():
    assert _units("十五、省人力资源和社会保障厅\n  ", "黑龙江省人民政府办公厅") == ["黑龙江省人力资源和社会保障厅"]


def test_a_body_that_mainly_does_the_items_below_it_is_their_unit():
    text = "(一)市综合行政执法局主要负责:\n"
    assert _units(text, "三亚市人民政府") == ["三亚市综合行政执法局"]


def test_a_leading_group_named_for_high_level_talent_does_what_it_is_given():
    text = ("第三条 省财政厅负责专项资金的预算管理。省海外高层次人才引进工作领导小组负责引进人才创新创业项目计划的审定,"
            "省海外高层次人才引进工作领导小组办公室(以下简称领导小组办公室)负责专项资金使用计划。")
    assert _units(text, "山西省财政厅") == ["山西省财政厅", "山西省海外高层次人才引进工作领导小组",
                                            "山西省海外高层次人才引进工作领导小组办公室"]


def test_a_body_said_to_answer_for_the_work_does_the_item():
    text = "第五条 省工信厅是专项资金管理的责任主体。主要职责包括:\n(一)负责专项资金新增"
    assert _units(text, "吉林省财政厅") == ["吉林省工业和信息化厅"]


def test_a_count_of_governments_in_a_unit_list_is_a_collective():
    text = "(自治区工业和信息化厅、财政厅,五个地级市人民政府、宁东管委会按职责分工负责)"
    units = parse_responsible(text, infer_jurisdiction("", issuer="宁夏回族自治区人民政府办公厅"))
    assert units.collectives == ["五个地级市人民政府"]
    assert "五个地级市人民政府" not in units.responsible


def test_an_item_headed_by_a_body_and_its_duties_gives_that_body_the_item():
    j = infer_jurisdiction("", "东赵各庄镇人民政府", None, None)
    assert parse_responsible("四、镇河长办职责\n承担河长制日常工作,具体负责组织实施。", j).responsible == ["东赵各庄镇河长办"]
    assert parse_responsible("四、明确镇河长办职责\n承担河长制日常工作。", j).responsible == []


def test_a_body_that_does_the_work_well_does_the_item_and_one_it_helps_is_no_doer():
    j = infer_jurisdiction("", "南宁市人民政府办公厅", None, None)
    assert _units("4.市民政局负责协助有关部门做好科普教育,配合市人口计生委做好动员新婚夫妇参与检测等工作。",
                  "南宁市人民政府办公厅") == ["南宁市民政局"]
    assert parse_responsible("第四条 市财政局应当做好奖补资金的监管工作。", j).responsible == ["南宁市财政局"]


def test_the_short_name_a_document_defined_names_its_body_in_an_item_read_alone():
    j = replace(infer_jurisdiction("", "横溪镇", None, None),
                short_names=(("办公室", "横溪镇锡箔行业治理领导小组办公室"),))
    assert parse_responsible("第四条  办公室应当做好举报奖励资金的计算、核审、发放工作。", j).responsible == [
        "横溪镇锡箔行业治理领导小组办公室"]
