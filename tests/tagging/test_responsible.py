"""parse_responsible: lead / responsible / cooperating units and collectives of a measure, canonical names."""
from __future__ import annotations

import pytest

from pipeline.tagging.jurisdiction import infer_jurisdiction
from pipeline.tagging.responsible import ResponsibleUnits, lead_written_first, parse_responsible

ZS = infer_jurisdiction("", "中山市人民政府办公室", None, None)
HUBEI = infer_jurisdiction("", "省人民政府", None, "鄂政發〔2018〕26號")
PANSHAN = infer_jurisdiction("", "盘山县人民政府办公室", None, None)
WUCHENG = infer_jurisdiction("", "金华市婺城区人民政府", None, None)
HENGYANG = infer_jurisdiction("", "衡阳市雁峰区人民政府", None, None)
CHENGDU = infer_jurisdiction("", "成都市人民政府办公厅", None, None)
JIANGSU = infer_jurisdiction("", "江苏省人民政府", None, None)
ANJI = infer_jurisdiction("", "安吉县人民政府办公室", None, None)
NANHAI = infer_jurisdiction("", "佛山市南海区人民政府办公室", None, None)
HAINAN = infer_jurisdiction("", "海南省人民政府办公厅", None, None)
XIAMEN = infer_jurisdiction("", "廈門市人民政府", None, None)


@pytest.mark.parametrize("text, j, expected", [
    ("给予30%、最高50万元的支持。(责任单位：中国出口信用保险公司广东分公司中山营业部、市商务局、财政局)", ZS,
     ResponsibleUnits([], ["中国出口信用保险公司广东分公司中山营业部", "中山市商务局", "中山市财政局"], [], [])),
    ("（责任单位：市科技局、发展改革局、教育体育局，各有关镇街、市各有关单位）", ZS,
     ResponsibleUnits([], ["中山市科学技术局", "中山市发展和改革局", "中山市教育和体育局"], [],
                      ["各有关镇街", "市各有关单位"])),
    ("(牽頭單位:省發展改革委;責任單位:省編辦、省國土資源廳、省環保廳、省住建廳、", HUBEI,
     ResponsibleUnits(["湖北省發展和改革委員會"],
                      ["湖北省發展和改革委員會", "湖北省機構編制委員會辦公室", "湖北省國土資源廳",
                       "湖北省環境保護廳", "湖北省住房和城鄉建設廳"], [], [])),
    ("由县农业局牵头，县委县政府督查室、县财政局配合，成立评选工作小组", PANSHAN,
     ResponsibleUnits(["盘山县农业局"], ["盘山县农业局", "县委县政府督查室", "盘山县财政局"],
                      ["县委县政府督查室", "盘山县财政局"], [])),
    ("一、强化科技创新(区科技局牵头)", WUCHENG,
     ResponsibleUnits(["金华市婺城区科学技术局"], ["金华市婺城区科学技术局"], [], [])),
    ("由区人社局牵头主办，区民政局、区财政局会同办理。", HENGYANG,
     ResponsibleUnits(["衡阳市雁峰区人力资源和社会保障局"],
                      ["衡阳市雁峰区人力资源和社会保障局", "衡阳市雁峰区民政局", "衡阳市雁峰区财政局"],
                      ["衡阳市雁峰区民政局", "衡阳市雁峰区财政局"], [])),
    ("（牵头单位：市发展改革委；配合单位：市财政局、市自然资源局，各区县人民政府）", CHENGDU,
     ResponsibleUnits(["成都市发展和改革委员会"], ["成都市发展和改革委员会", "成都市财政局", "成都市自然资源局"],
                      ["成都市财政局", "成都市自然资源局"], ["各区县人民政府"])),
    ("（省工业和信息化厅牵头，省财政厅、省科技厅按职责分工负责）", JIANGSU,
     ResponsibleUnits(["江苏省工业和信息化厅"], ["江苏省工业和信息化厅", "江苏省财政厅", "江苏省科学技术厅"], [], [])),
    ("对符合条件的企业给予奖励。", ZS, ResponsibleUnits()),
    # an adverb between the list and its doing verb (会同县财政局具体组织实施)
    ("奖补资金实施工作在县人民政府领导下，由县农业局会同县财政局具体组织实施。", PANSHAN,
     ResponsibleUnits([], ["盘山县农业局", "盘山县财政局"], [], [])),
    # a former department under its short name (外经贸局, before 2010)
    ("对参加境外展会的企业给予补助。(市外经贸局负责)", infer_jurisdiction("", "金华市人民政府", None, None),
     ResponsibleUnits([], ["金华市对外贸易经济合作局"], [], [])),
])
def test_parse_responsible(text, j, expected):
    assert parse_responsible(text, j) == expected


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
def test_unit_lists_with_collectives_role_verbs_and_shared_prefixes(text, j, responsible, collectives):
    units = parse_responsible(text, j)
    assert units.responsible == responsible
    assert units.collectives == collectives


def test_list_keeps_bracketed_collectives_whole_and_stops_at_the_next_label_or_line():
    guiyang = infer_jurisdiction("", "贵阳市人民政府", None, None)
    units = parse_responsible("（牵头单位：市投资促进局；责任单位：市发展改革委，各区（市、县）政府，市属国有企业）", guiyang)
    assert units.lead == ["贵阳市投资促进局"]
    assert units.responsible == ["贵阳市投资促进局", "贵阳市发展和改革委员会"]
    assert units.collectives == ["各区（市、县）政府", "市属国有企业"]
    nanhai = infer_jurisdiction("", "佛山市南海区人民政府办公室", None, None)
    units = parse_responsible("主办单位：区经济促进局  会办单位：区财政局、区科工商务局\n陈某某代表：", nanhai)
    assert units.lead == ["佛山市南海区经济促进局"]
    assert units.cooperating == ["佛山市南海区财政局", "佛山市南海区科工商务局"]


def test_a_list_ends_where_the_items_next_field_is_glued_on():
    county = infer_jurisdiction("", "南昌县人民政府办公室", None, None)
    units = parse_responsible("责任单位:县城管执法局、莲塘镇任务目标:2024年计划改造完成莲水巷、橡西巷等住宅小区。", county)
    assert units.responsible == ["南昌县城市管理行政执法局", "莲塘镇"]


def test_a_list_goes_on_after_a_semicolon_where_units_follow_and_stops_where_a_remark_does():
    city = infer_jurisdiction("", "达州市人民政府办公室", None, None)
    units = parse_responsible("责任单位:市发展改革委、市商务局;市教育局、市财政局等,各县(市、区)", city)
    assert units.responsible == ["达州市发展和改革委员会", "达州市商务局", "达州市教育局", "达州市财政局"]
    units = parse_responsible("责任单位:市商务局;以下均需各县(市、区)政府落实,不再列出", city)
    assert units.responsible == ["达州市商务局"] and units.collectives == []


def test_a_bracketed_list_noting_that_the_first_unit_leads_names_its_units_and_its_lead():
    city = infer_jurisdiction("", "株洲市人民政府", None, None)
    text = "作为保障民生的基本任务抓好抓落实。(市发改委、市农委、各县市区人民政府、中储粮株洲直属库。排名第一的为牵头单位,下同)"
    units = parse_responsible(text, city, lead_first=lead_written_first(text))
    assert units.lead == ["株洲市发展和改革委员会"]
    assert units.responsible == ["株洲市发展和改革委员会", "株洲市农业委员会", "中储粮株洲直属库"]
    assert units.collectives == ["各县市区人民政府"]
    assert parse_responsible("优先安排。(市财政局、市商务局)", city, lead_first=True).lead == ["株洲市财政局"]
    assert parse_responsible("优先安排。(市财政局、市商务局)", city).lead == []
    assert not lead_written_first("(市财政局、市商务局)")


def test_a_list_in_tortoise_shell_brackets_with_a_bracketed_level_and_a_closing_note_names_its_units():
    region = infer_jurisdiction("", "西藏自治区人民政府办公厅", None, None)
    text = ("1.全区每年营造林面积100万亩以上。〔林业厅、各地(市),发展改革委、财政厅,黑体为牵头单位,其他为参加单位,下同〕\n"
            "根据年度造林任务编制造林计划。\n")
    units = parse_responsible(text, region)
    assert units.responsible == ["西藏自治区林业厅", "西藏自治区发展和改革委员会", "西藏自治区财政厅"]
    assert units.collectives == ["各地(市)"] and units.lead == []
    assert parse_responsible("按照藏政发〔2017〕16号执行。\n", region).responsible == []


def test_a_clauses_subject_that_gives_the_support_does_the_item():
    province = infer_jurisdiction("", "黑龙江省财政厅", None, None)
    units = parse_responsible("第二条 省财政厅按本办法规定的奖励标准,对各市(地)给予奖励。", province)
    assert units.responsible == ["黑龙江省财政厅"]
    assert parse_responsible("第三条 奖励资金按省财政厅规定拨付。", province).responsible == []


def test_bodies_after_jing_decide_the_item_and_a_list_cut_by_the_excerpts_end_is_read():
    prefecture = infer_jurisdiction("", "阿坝藏族羌族自治州人民政府", None, None)
    units = parse_responsible("第四条 引进高新技术项目(经州科委、州经委根据有关政策认可)的,按实际到位资金的1%奖励。", prefecture)
    assert units.responsible == ["阿坝藏族羌族自治州科学技术委员会", "阿坝藏族羌族自治州经济委员会"]
    assert parse_responsible("第五条 经济开发区内的项目按实际到位资金的1%奖励。", prefecture).responsible == []
    city = infer_jurisdiction("", "西安市人民政府", None, None)
    units = parse_responsible("3.提高财政补助标准。补助标准由每人每年670元提高到700元。(市医疗保障局、市卫生健康委", city)
    assert units.responsible == ["西安市医疗保障局", "西安市卫生健康委员会"]


def test_units_after_huitong_cooperate_with_the_lead_and_a_body_reported_to_for_approval_decides():
    county = infer_jurisdiction("", "石台县人民政府", None, None)
    text = "第四条 县旅游局牵头会同县住建委、农委、美丽办等单位成立指导组,对农家乐无偿提供技术指导。"
    units = parse_responsible(text, county)
    assert units.lead == ["石台县旅游局"]
    assert units.cooperating == ["石台县住房和城乡建设委员会", "石台县农业委员会", "美丽办"]
    units = parse_responsible("（一）各级发展改革部门要会同人社、财税等部门建立评价机制。（市发展改革委负责）", county)
    assert units.cooperating == []
    units = parse_responsible("第五条 规划经县城乡规划委审议并报县政府批准后,给予编制经费50%的补助。", county)
    assert "石台县人民政府" in units.responsible
    assert parse_responsible("第六条 企业向县财政局申请补助,报县财政局备案。", county).responsible == []


def test_a_body_does_the_item_past_its_short_name_a_modal_or_as_the_leader_it_is_done_under():
    district = infer_jurisdiction("", "上海市奉贤区人民政府", None, None)
    text = ("第三条 奉贤区经济委员会(以下简称区经委)编制专项资金预算,发布年度项目申报通知。"
            "奉贤区财政局(以下简称区财政局)负责资金拨付。")
    assert parse_responsible(text, district).responsible == ["上海市奉贤区经济委员会", "上海市奉贤区财政局"]
    city = infer_jurisdiction("", "郴州市人民政府", None, None)
    text = "第三条 引进人才服务保障工作在市委人才工作领导小组的领导下,按照分级负责原则组织实施。"
    assert parse_responsible(text, city).responsible == ["中共郴州市委人才工作领导小组"]
    text = "第六条 市财政局应当组织、协调有关部门做好奖励资金的保障工作。"
    assert parse_responsible(text, city).responsible == ["郴州市财政局"]
    assert parse_responsible("第七条 企业应向市财政局报送材料。", city).responsible == []


def test_a_list_of_bodies_opening_a_clause_does_the_item_and_a_body_that_sets_up_a_fund_does():
    city = infer_jurisdiction("", "常州市科学技术局", None, None)
    units = parse_responsible("五、市科技局、财政局对奖励项目和经费实行监督管理。", city)
    assert units.responsible == ["常州市科学技术局", "常州市财政局"]
    assert parse_responsible("六、企业对奖励经费实行专账管理,市科技局、财政局另行通知。", city).responsible == []
    district = infer_jurisdiction("", "抚顺市顺城区人民政府", None, None)
    units = parse_responsible("第四条 区财政局建立支小支农专项资金池,向小微企业重点投放。", district)
    assert units.responsible == ["抚顺市顺城区财政局"]


def test_bodies_that_check_collect_or_arrange_the_items_work_do_the_item():
    county = infer_jurisdiction("", "黄龙县人民政府", None, None)
    units = parse_responsible("(四)跟踪问效原则。县财政局、审计局、文旅局要全程对奖补资金的使用情况进行监督检查。", county)
    assert units.responsible == ["黄龙县财政局", "黄龙县审计局", "黄龙县文化和旅游局"]
    province = infer_jurisdiction("", "黑龙江省财政厅", None, None)
    units = parse_responsible("第二条 省财政厅按本办法规定的奖励条件和奖励标准,对各市(地)进行奖励。", province)
    assert units.responsible == ["黑龙江省财政厅"]
    assert parse_responsible("第三条 企业按规定报送材料,进行监督检查时予以配合。", province).responsible == []


def test_the_government_where_the_item_falls_is_a_collective_and_keeps_the_list():
    jilin = infer_jurisdiction("", "吉林省人民政府", None, None)
    units = parse_responsible("(二)建立直报通道机制。(省发展改革委、省科技厅、省商务厅等部门及国家级开发区所在地市〔州〕政府"
                              "按职责分工负责)", jilin)
    assert units.responsible == ["吉林省发展和改革委员会", "吉林省科学技术厅", "吉林省商务厅"]
    assert units.collectives == ["国家级开发区所在地市〔州〕政府"]


def test_a_body_the_gazetteer_lacks_named_with_its_place_after_you_does_the_item():
    county = infer_jurisdiction("", "蓝田县文化和旅游局", None, None)
    units = parse_responsible("1、蓝田猿人遗址,由蓝田县猿人遗址文管所全面负责文物保护单位的安全管理工作。", county)
    assert units.responsible == ["蓝田县猿人遗址文管所"]
    assert parse_responsible("2、损失由保险公司负责理赔,由村委会负责组织。", county).responsible == []


def test_an_item_headed_by_its_unit_alone_gives_that_unit_the_item():
    district = infer_jurisdiction("", "牡丹江市东安区人民政府", None, None)
    units = parse_responsible("1、区住建局。排查生活污水直排污染源,发现问题则立即向市住建局报告。", district)
    assert units.responsible == ["牡丹江市东安区住房和城乡建设局"]
    assert parse_responsible("1、排查污染源。发现问题则立即向区住建局报告。", district).responsible == []


def test_list_broken_across_lines_inside_a_name_continues():
    units = parse_responsible("（责任单位：市商务局、工业和信\n\n息化局、财政局）", ZS)
    assert units.responsible == ["中山市商务局", "中山市工业和信息化局", "中山市财政局"]


def test_a_bare_unit_list_closing_a_sentence_before_its_full_stop_names_its_units():
    beijing = infer_jurisdiction("", "北京市人民政府办公厅", None, None)
    text = "支持基础研究和成果转化。对项目设备购置给予支持,第一年最高支持200万元(市科委、中关村管委会)。"
    assert parse_responsible(text, beijing).responsible == ["北京市科学技术委员会", "中关村管委会"]
    assert parse_responsible("对符合条件的项目给予补助500万元(含)。", beijing).responsible == []


def test_a_cell_of_units_keeps_a_unit_the_lexicon_lacks_beside_a_known_body():
    county = infer_jurisdiction("", "沈阳市辽中区人民政府", None, None)
    units = parse_responsible("加快在建项目的建设进度\n沈阳近海经济区管委会\n自然资源分局、生态环境分局、区发展改革局\n", county)
    assert "自然资源分局" in units.responsible and "生态环境分局" in units.responsible
    units = parse_responsible("对认定的企业给予奖励\n上海市商务委员会 认定为民营企业总部\n", county)
    assert "认定为民营企业总部" not in units.responsible


def test_a_body_opening_a_clause_with_a_modal_does_the_item_and_a_listed_body_the_lexicon_lacks_is_kept():
    county = infer_jurisdiction("", "精河县人民政府", None, None)
    text = "第四条 县科技局要主动与税务、财政部门进行沟通,建立健全互动机制,认真履行高企认定管理工作的相应职责。"
    assert parse_responsible(text, county).responsible == ["精河县科学技术局"]
    text = "第五条 各乡镇场、县财政局、商工局负责辖区内每年高新技术企业申请奖励材料的推荐汇总工作。"
    assert parse_responsible(text, county).responsible == ["精河县财政局", "商工局"]
    assert parse_responsible("第六条 企业要向县科技局报送申请材料。", county).responsible == []
    assert parse_responsible("第七条 对认定为高新技术企业的,奖励10万元,成功引进的项目负责人负责联络。", county).responsible == []


def test_bodies_written_bare_after_a_lead_are_the_letters_own_levels_and_a_levels_bodies_a_collective():
    ningxia = infer_jurisdiction("", "宁夏回族自治区卫生健康委员会", None, None)
    units = parse_responsible("1.开展健康教育。(自治区卫生健康委牵头,宣传部、网信办、教育厅、总工会、妇联、红十字会、"
                              "广播电视局按职责分工负责,各市、县〔区〕落实)", ningxia).responsible
    assert units == ["宁夏回族自治区卫生健康委员会", "中共宁夏回族自治区委员会宣传部",
                     "中共宁夏回族自治区委员会网络安全和信息化委员会办公室", "宁夏回族自治区教育厅", "宁夏回族自治区总工会",
                     "宁夏回族自治区妇女联合会", "红十字会", "宁夏回族自治区广播电视局"]
    assert "乡镇人民政府" not in parse_responsible("责任单位:县政府办公室、县司法局、各有关部门,乡镇人民政府按职责分工分别负责。",
                                                infer_jurisdiction("", "西平县人民政府办公室", None, None)).responsible


def test_a_bare_lower_levels_government_is_no_responsible_unit_of_a_citys_article():
    from pipeline.tagging.jurisdiction import infer_jurisdiction
    from pipeline.tagging.responsible import parse_responsible
    j = infer_jurisdiction("", "北京市人民政府", None, None)
    units = parse_responsible("第五條 街道辦事處內部工作機構設置,由區人民政府批准。", j)
    assert units.responsible == []


def test_a_unit_list_joined_by_he_to_a_collective_keeps_its_units_and_drops_the_collective():
    hunan = infer_jurisdiction("", "湖南省人民政府办公厅", None, None)
    units = parse_responsible("一、优化工作推进机制。压实各级责任。(省农业农村厅、省公安厅、省林业局和有关市县人民政府"
                              "按职责分工负责)", hunan)
    assert units.responsible == ["湖南省农业农村厅", "湖南省公安厅", "湖南省林业局"]


def test_a_body_in_charge_of_the_items_work_does_the_item():
    city = infer_jurisdiction("", "衡阳市人民政府", None, None)
    units = parse_responsible("第四条 市民政局主管全市殡葬管理工作,县市区民政局负责本行政区域内的殡葬管理工作。", city)
    assert units.responsible[0] == "衡阳市民政局"
    assert parse_responsible("第五条 申请人向民政主管部门提出申请。", city).responsible == []
