"""Which sections are measures (the items of a policy, the supporting articles of a rules text, the support
items of a call for applications), and which the excerpt cuts off."""
import re
import pytest

from pipeline.evaluate import same_heading
from pipeline.extraction import extract
from pipeline.structure import measure_truncated, parse_structure, select_measures
from pipeline.structure.measures import closed_by_units, is_support_content
from tests.corpus import ROOT
from tests.structure.structure_corpus import DOCS, RULES_TEXT, gold, norm, raw
from pipeline.numerals import cn_int
from pipeline.structure.lexicon import data


# lvliang's gold counts 一、目标任务 (a framework heading) among the measures of a flat guidance;
# jining's leaves 一、目标要求 out. The rule follows the guide (framework headings are not measures).
KNOWN_GAPS = {"lvliang-2025-agri-measures": "framework heading 目标任务 counted as a measure by the gold"}


@pytest.mark.parametrize("doc", [d if d not in KNOWN_GAPS else pytest.param(
    d, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[d])) for d in DOCS])
def test_corpus_measures_match_gold(doc):
    text = raw(doc)
    st = parse_structure(text)
    got = [(norm(s.label), s.title, measure_truncated(s, st, text)) for s in select_measures(st, text)]
    want = [(norm(m["label"]), m["title"], m["truncated"]) for m in gold(doc)["measures"]]
    assert [g[0] for g in got] == [w[0] for w in want]
    for g, w in zip(got, want):
        assert same_heading(g[1], w[1]), (g, w)
        assert g[2] == w[2], (g, w)


def test_measures_are_the_structure_sections_themselves():
    text = raw("zs-2025-wenwaimao-measures")
    st = parse_structure(text)
    chosen = select_measures(st, text)
    assert len(chosen) == 15 and all(any(c is s for s in st.sections) for c in chosen)
    assert chosen[5].label == "六" and chosen[5].title == "加大出口信用保险惠企额度"


def test_work_notice_items_are_not_measures():
    text = raw("xiamen-2009-notice")
    st = parse_structure(text)
    assert [s.label for s in st.sections] == ["一", "二", "三", "四"]
    assert select_measures(st, text) == []


def test_a_work_notice_item_naming_its_units_assigns_a_duty_and_is_a_measure():
    text = ("某省人民政府办公厅关于落实规划任务分工的通知\n各市人民政府，省政府各部门：\n现将任务分工通知如下。\n"
            "一、主要目标和任务分工\n（一）约束性指标。\n1.九年义务教育巩固率达到97%。\n责任单位：省教育厅。\n"
            "2.耕地保有量保持在6120万亩。\n责任单位：省国土资源厅。\n"
            "二、工作要求\n各单位要加强统筹，确保完成。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text)] == ["1", "2"]


def test_framework_headings_and_their_items_are_not_measures():
    st_text = raw("shanghai-2017-notice-noisy")
    assert select_measures(parse_structure(st_text), st_text) == []


BEIJING = """北京市人民政府办公厅关于加强新时代街道工作的意见
各区人民政府，市政府各委、办、局：
　　为加强新时代街道工作，经市政府同意，提出以下意见。
　　一、总体要求
　　（一）指导思想。以习近平新时代中国特色社会主义思想为指导，坚持党建引领。
　　二、主要任务
　　（一）强化街道统筹协调职能。赋予街道对辖区需多部门协同解决的综合性事项统筹协调权。（责任单位：市委编办、市民政局）
　　（二）推进街道机构改革。按照精简、效能的原则设置街道内设机构。（责任单位：市委编办）
　　三、保障措施
　　（一）加强组织领导。各区要把街道工作纳入重要议事日程。
北京市人民政府办公厅
2019年1月20日
"""

SUBPOINTS = """成都市促进服务业高质量发展若干政策措施
　　为推动服务业高质量发展，制定以下措施。
　　一、支持企业做大做强
　　（一）支持企业升规入库。对首次纳入规模以上统计的服务业企业给予一次性奖励。具体如下：
　　1.年营业收入1亿元以上的，奖励20万元；
　　2.年营业收入1亿元以下的，奖励10万元。（责任单位：市商务局、市财政局）
　　（二）支持总部企业发展。对新认定的总部企业给予最高500万元奖励。（责任单位：市发改委）
"""


def test_opinions_measures_are_the_task_items():
    st = parse_structure(BEIJING)
    chosen = select_measures(st, BEIJING)
    assert [(s.label, s.title) for s in chosen] == [("（一）", "强化街道统筹协调职能"), ("（二）", "推进街道机构改革")]
    assert not any(measure_truncated(s, st, BEIJING) for s in chosen)


def test_sub_points_of_a_measure_are_not_measures():
    st = parse_structure(SUBPOINTS)
    assert st.kind == "measures"
    assert [(s.label, s.title) for s in select_measures(st, SUBPOINTS)] == [
        ("（一）", "支持企业升规入库"), ("（二）", "支持总部企业发展")]


def test_cut_off_excerpt_flags_only_the_last_measure():
    text = SUBPOINTS + "　　（三）支持企业品牌建设。对获得中国驰名商标的企业给予"
    st = parse_structure(text)
    flags = [(s.label, measure_truncated(s, st, text)) for s in select_measures(st, text)]
    assert flags == [("（一）", False), ("（二）", False), ("（三）", True)]


def _measures(text, model=True):
    """(label, title) of the measures chosen; with `model` false, the rules' choice alone (the trained chooser
    may take out an item whose text gives no support, amount or units: test_structure_measure_model.py)."""
    s = parse_structure(text)
    return [(m.label, m.title) for m in select_measures(s, text, model)]


# ---------------------------------------------------------------- items of a policy and framework headings
def test_eligibility_heading_is_not_a_measure():
    text = ("某区人民政府办公室关于印发某区促进商贸业发展实施办法的通知\n各街道办事处：\n"
            "《某区促进商贸业发展实施办法》已经区政府同意，现印发给你们。\n某区人民政府办公室\n2020年6月30日\n"
            "一、支持对象\n在本区注册登记的商贸企业。\n二、支持措施\n"
            "1.支持企业做大做强。对年零售额首次超过5亿元的企业，给予奖励30万元。\n"
            "2.支持老字号发展。对新认定的老字号企业，给予奖励50万元。\n三、附则\n本办法自印发之日起施行。\n")
    s = parse_structure(text)
    assert [(m.label, m.title) for m in select_measures(s, text)] == [
        ("1", "支持企业做大做强"), ("2", "支持老字号发展")]


def test_group_heading_whose_text_introduces_its_items_is_not_a_measure():
    text = ("某市关于支持民营企业发展的若干措施\n一、支持企业做大做强\n"
            "为推动民营企业做大做强，鼓励企业扩大规模、提升效益、加快转型升级，对符合条件的企业实施以下支持政策：\n"
            "（一）对首次进入全国民营企业500强的，给予一次性奖励100万元。\n（二）对首次升规的企业，给予奖励10万元。\n"
            "二、降低企业融资成本\n（一）对企业获得的贷款给予贴息。\n（二）设立应急转贷资金。\n")
    s = parse_structure(text)
    assert [m.label for m in select_measures(s, text)] == ["（一）", "（二）", "（一）", "（二）"]


def test_action_safeguard_leaf_item_is_a_measure_but_not_under_a_framework_heading():
    leaf = ("某县人民政府关于加快民营经济发展的意见\n各镇人民政府：\n现提出如下意见。\n"
            "一、加大财政扶持。对年纳税额首次超过一千万元的民营企业，奖励二十万元。\n"
            "二、加强组织领导。县人大常委会、县政协要加强对政策落实情况的监督检查。\n某县人民政府\n2008年3月15日\n")
    assert _measures(leaf, model=False) == [("一", "加大财政扶持"), ("二", "加强组织领导")]
    nested = ("某县人民政府关于加快发展现代农业的意见\n各镇人民政府：\n现提出如下意见。\n一、重点工作\n"
              "（一）扶持龙头企业。对新认定的省级龙头企业给予奖励10万元。\n二、保障措施\n"
              "（一）加强组织领导。成立领导小组，统筹推进工作。\n某县人民政府\n2013年5月20日\n")
    assert _measures(nested) == [("（一）", "扶持龙头企业")]


def test_action_safeguard_after_task_groups_is_framework():
    text = ("某市人民政府关于加快发展现代服务业的意见\n各区人民政府：\n现提出如下意见。\n一、总体要求\n到2025年，服务业增加值占比达到60%。\n"
            "二、主要任务\n（一）发展现代物流。对新评定的5A级物流企业给予奖励100万元。\n（二）发展现代金融。对新引进的法人金融机构给予奖励。\n"
            "三、加强组织领导。各区各部门要建立工作机制，抓好贯彻落实。\n某市人民政府\n2020年5月8日\n")
    assert [label for label, _ in _measures(text)] == ["（一）", "（二）"]


# ---------------------------------------------------------------- articles of a rules text
def test_articles_that_give_support_are_the_measures_of_a_rules_text():
    # 第五条 only heads its items, but each item sets its figure (10%, 5万元): the article is the measure and
    # the items its standards (dev golds futian 2024 第二條, tongchuan 第四条, blind round h441's harbin 第一条;
    # where an item sets no figure the items are the measures: the next tests, dev golds haidian, lasa)
    assert _measures(RULES_TEXT) == [("第四条", "对新认定的国家级企业技术中心，给予一次性奖励100万元"),
                                     ("第五条", "支持技术中心能力提升")]


def test_an_article_setting_a_duty_is_a_measure_like_one_giving_support():
    text = ("某市物业管理条例\n第一条　为了规范物业管理活动，制定本条例。\n"
            "第二条　对业主大会的筹备工作，街道办事处应当给予指导和协助。\n"
            "第三条　对新建住宅小区配建的公共充电设施，给予每个桩500元补助。\n"
            "第四条　物业管理应当遵循业主自治、专业服务的原则。\n")
    assert [label for label, _ in _measures(text)] == ["第二条", "第三条"]


def test_an_article_introducing_items_that_each_give_support_has_them_as_its_measures():
    text = ("某区商业发展专项资金管理办法\n第一条　为规范专项资金管理，制定本办法。\n"
            "第二条　专项资金用于以下方面：\n（一）对社会消费品零售额贡献前50名的企业给予资金奖励。\n"
            "（二）支持特色街区建设，给予不超过项目总投资30%的资金补助。\n"
            "第三条　本办法由区商务局负责解释。\n")
    assert [label for label, _ in _measures(text)] == ["（一）", "（二）"]


def test_articles_numbered_in_arabic_digits_are_articles():
    text = ("2007-12-21 来源:某省人民政府网\n第1条 客商投资新办企业，所得税地方实得部分实行前三年全额奖励。\n"
            "第2条 进工业园区新办工业企业用地的供地价格实行平均每亩30000元。\n")
    assert [label for label, _ in _measures(text)] == ["第1条", "第2条"]


def test_an_article_whose_items_each_set_an_amount_is_one_measure_with_its_standards():
    text = ("某区科技进步奖激励实施细则\n第一条　为激励科技创新，制定本细则。\n第二条　激励标准\n"
            "1.获得国家科技进步奖一等奖的第一完成单位，一次性奖励20万元；\n"
            "2.获得国家科技进步奖二等奖的第一完成单位，奖励15万元；\n"
            "3.获得市科技进步一等奖的第一完成单位，奖励10万元。\n第三条　本细则由区科委负责解释。\n")
    assert [label for label, _ in _measures(text)] == ["第二条"]


def test_an_article_giving_support_keeps_its_sub_points():
    text = ("某县招商引资奖励办法\n第一条　为扩大招商引资，制定本办法。\n"
            "第二条　对引进项目的个人给予奖励100万元，条件如下：\n（一）项目已在我县注册。\n"
            "（二）项目固定资产投资到位。\n")
    assert [label for label, _ in _measures(text)] == ["第二条"]


def test_the_fields_of_a_programme_summary_are_no_measures():
    text = ("某州草原生态保护补助奖励实施方案\n一、名 称: 某州2018年草原生态保护补助奖励\n二、主管单位:省农牧厅、财政厅\n"
            "三、实施单位:某州人民政府\n四、实施地点:某州\n五、补奖资金与兑现:补奖资金合计20511万元,给予禁牧补助14514万元。\n")
    assert _measures(text) == []


def test_bracketed_article_headings_are_the_titles():
    text = ("某市促进总部经济发展若干规定\n第一条【目的依据】为加快总部经济发展，制定本规定。\n"
            "第二条【落户奖励】对新引进的总部企业，按实缴注册资本的1%给予落户奖励，最高1000万元。\n"
            "第三条 [办公用房补贴] 对总部企业购置自用办公用房的，按每平方米1000元给予补贴。\n"
            "第四条【解释】本规定由市发展改革委负责解释。\n")
    assert _measures(text) == [("第二条", "落户奖励"), ("第三条", "办公用房补贴")]
    s = parse_structure(text)
    second = s.sections[1]
    assert text[second.title_start:second.title_end] == "落户奖励"


@pytest.mark.parametrize("article", [
    "第二条　本规定所称小微企业，是指符合国家划型标准的企业。",
    "第二条　申请补助资金，应当提交下列材料：营业执照、申请表。",
    "第二条　对弄虚作假的，取消其三年内申报资格。",
    "第二条　本规定自2024年1月1日起施行。",
    "第二条　本规定2024年1月1日起执行。",
    "第二条　小微企业发展资金(以下简称“专项资金”),是指市财政每年安排的资金。",
    "第二条　个体工商户参照本规定执行。",
    "第二条　本规定的解释权授予市商务局。",
])
def test_rules_articles_are_not_measures(article):
    text = f"某市促进小微企业发展若干规定\n第一条　对新设立的小微企业，给予开办补贴5000元。\n{article}\n"
    assert [label for label, _ in _measures(text)] == ["第一条"]


def test_a_rules_clause_item_is_not_a_measure():
    text = ("某市加快数字经济发展若干政策\n一、支持数字产业化\n1．鼓励企业做大做强。对营业收入首次突破10亿元的企业，给予奖励50万元。\n"
            "二、附则\n2．本政策与市级其他同类政策有重复的，按照就高不重复原则执行。\n"
            "三、其他\n3．本政策与其他政策重复的，不得重复享受。\n")
    assert [label for label, _ in _measures(text)] == ["1"]


@pytest.mark.parametrize("clause", [
    "第二条　同一展会同时符合本细则多项条款的，按照就高原则给予支持，不重复享受。",
    "第二條　同一項目同時符合本辦法多項條款的，按照就高原則給予支持。",
    "第二条　同一企业同一事项符合多项政策的，给予支持但不得重复享受。",
])
def test_stacking_rules_are_not_measures(clause):
    text = f"某市促进会展业发展实施细则\n第一条　对新引进的展会，给予奖励20万元。\n{clause}\n"
    assert [label for label, _ in _measures(text)] == ["第一条"]


@pytest.mark.parametrize("item,measure", [
    ("二、本措施所需资金由区、镇两级财政按现行财政体制分担，同一项目符合多项政策的，按就高原则给予支持，不重复享受。", False),
    ("二、同一企业符合本措施多项条款的，按就高原则给予支持，不重复享受。", False),
    ("二、本办法所需经费由县财政统一安排。", False),
    ("二、对新认定的总部企业给予奖励50万元，不重复享受。", True),
])
def test_stacking_and_funding_items_are_rules_unless_they_name_support(item, measure):
    text = f"某区促进制造业发展若干措施\n一、鼓励投资。对新开工项目给予奖励10万元。\n{item}\n"
    assert [label for label, _ in _measures(text)] == (["一", "二"] if measure else ["一"])


def test_article_on_funding_source_is_not_a_measure():
    text = ("某合作区支持青年创业若干措施\n第一条【落户补贴】对新落户的创业团队，给予最高30万元补贴。\n"
            "第二条【资金来源和管理】本措施所需资金由管理局年度预算统筹安排，2024年安排专项资金1.2亿元。\n")
    assert [label for label, _ in _measures(text)] == ["第一条"]


# ---------------------------------------------------------------- calls for applications
@pytest.mark.parametrize("heading,expected", [
    ("扶持内容和标准", True), ("支持内容及标准", True), ("奖补标准", True), ("补贴标准和方式", True),
    ("奖励办法", True), ("奖励措施", True),
    ("扶持对象", False), ("申报程序", False), ("其他事项", False),
])
def test_support_content_headings(heading, expected):
    assert is_support_content(heading) is expected


@pytest.mark.parametrize("numbering", [("（一）", "（二）"), ("1.", "2.")])
def test_items_under_a_support_heading_are_the_measures_of_a_notice_paying_a_subsidy_out(numbering):
    a, b = numbering
    text = ("某县人力资源和社会保障局关于做好2024年度一次性创业补贴申请发放工作的通知\n各乡镇人民政府：\n现将有关事项通知如下：\n"
            "一、补贴对象\n在本县首次创办小微企业的创业人员。\n二、补贴内容和标准\n"
            f"{a}创业补贴。对创办小微企业并带动就业3人以上的，给予一次性补贴1万元。\n"
            f"{b}场地补贴。对租用场地创业的，按每月500元给予补贴。\n"
            "三、申报程序\n申报主体向所在乡镇提出申请。\n某县人力资源和社会保障局\n2024年3月8日\n")
    labels = [label for label, _ in _measures(text)]
    assert labels == [a.rstrip("."), b.rstrip(".")]


CALL_ITEMS = ("一、扶持对象\n在本县注册登记的农业企业。\n二、扶持内容和标准\n"
              "（一）新建大棚。对新建连栋大棚10亩以上的，按每亩1万元给予补助。\n"
              "（二）品牌建设。对新获得省级品牌的，奖励5万元。\n三、申报程序\n申报主体向所在乡镇提出申请。\n")


@pytest.mark.parametrize("head", [
    "某县农业农村局关于组织申报2024年度农业产业化扶持资金的通知\n各乡镇人民政府：\n现将有关事项通知如下：\n",
    "广东省工业和信息化厅关于做好2026年专精特新中小企业贷款贴息项目入库工作的通知\n各地级以上市工业和信息化主管部门：\n",
    "有关单位:\n为提高企业技术改造的积极性,现决定组织开展2026年技术改造专项申报工作,现将有关事项通知如下:\n",
])
def test_a_call_for_applications_restates_a_policy_and_has_no_measures(head):
    assert _measures(head + CALL_ITEMS) == []
    assert _measures(head + CALL_ITEMS, model=False) == []


def test_a_guide_printed_under_its_own_title_keeps_its_support_items():
    text = "某县扶持新型农业经营主体发展项目申报指南\n为扶持新型农业经营主体发展，制定本指南。\n" + CALL_ITEMS
    assert [label for label, _ in _measures(text)] == ["（一）", "（二）"]


def test_the_reward_of_a_notice_calling_for_reports_is_its_measure():
    text = ("某县森林草原防灭火指挥部关于实行违规野外用火有奖举报制度的通告\n全县广大人民群众：\n现通告如下：\n"
            "一、举报范围\n全县行政区域内一切野外用火行为。\n二、核查权限\n由乡镇指挥所办公室负责核查。\n"
            "三、奖励办法\n符合有奖举报条件的，每次给予举报者50元奖励。\n四、举报电话\n森林火警报警：12119\n")
    assert _measures(text) == [("三", "奖励办法")]


def test_articles_naming_whom_the_rules_cover_and_what_they_require_are_not_measures():
    text = ("某市柔性引进高层次人才管理暂行办法\n第一条 为柔性引进人才，制定本办法。\n"
            "第二条:柔性引才对象:重点柔性引进领军人才、博士。\n第三条:柔性引进人才基本条件:\n（一）遵纪守法。\n（二）身体健康。\n"
            "第四条 奖励范围\n本办法奖励在本区注册的企业。\n第五条 资金使用范围\n（一）用于扶持激励自主就业退役军人。\n"
            "第六条 对柔性引进的博士，给予每月3000元生活补贴。\n")
    assert [label for label, _ in _measures(text)] == ["第五条", "第六条"]


def test_a_project_told_by_its_fields_is_the_measure_not_its_fields():
    text = ("某市人民政府办公室关于印发十件实事责任落实及任务分解方案的通知\n各县市区人民政府：\n现将方案印发给你们。\n"
            "一、实施农村寄宿制学校建设工程\n（一）责任领导：张三\n（二）责任单位：市教育局\n（三）协办单位：市财政局\n"
            "（四）项目内容及任务分解：计划安排200所。\n（五）资金筹措：预计需投入资金2000万元。\n（六）完成时限：2008年内\n"
            "二、建设通村水泥路1500公里\n（一）责任领导：李四\n（二）责任单位：市交通局\n（三）协办单位：各县市区人民政府\n"
            "（四）项目内容及任务分解：新建通村水泥路。\n（五）资金筹措：每公里补助10万元。\n（六）完成时限：2008年内\n")
    assert _measures(text) == [("一", "实施农村寄宿制学校建设工程"), ("二", "建设通村水泥路1500公里")]


def test_a_policy_told_by_its_facets_is_the_measure_not_its_facets():
    text = ("落实《某市稳增长促发展十条措施》支持科技创新政策的实施方案\n为贯彻落实好《措施》,制定本方案。\n"
            "一、支持企业实施中试熟化项目\n(一)政策内容。对企业实施的中试熟化项目,按投资额的10%给予补助,最高200万元。\n"
            "(二)政策解读。中试熟化是科技成果转化的关键环节。\n(三)政策享受范围。\n1.本市登记注册的企业;\n2.项目如期推进。\n"
            "二、支持科技型企业上规模\n(一)政策内容。对首次认定的高新技术企业给予奖励20万元。\n(二)政策解读。鼓励企业加大研发投入。\n"
            "(三)政策享受范围。本市高新技术企业。\n")
    assert _measures(text) == [("一", "支持企业实施中试熟化项目"), ("二", "支持科技型企业上规模")]


def test_a_space_the_copy_lost_to_a_question_mark_after_a_label_is_no_part_of_the_title():
    text = ("某省推动财政金融联动若干措施\n(一)?促进重大建设项目配套融资。对符合条件的项目给予贴息支持。\n"
            "(二)?推动贷款贴息整合提效。设立省级贷款贴息资金池,给予贴息。\n")
    assert _measures(text) == [("(一)", "促进重大建设项目配套融资"), ("(二)", "推动贷款贴息整合提效")]


def test_a_notice_without_a_support_heading_has_no_measures():
    text = ("某市财政局关于做好2024年预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度\n"
            "（一）加快拨付。对已下达的资金，要及时拨付。\n二、工作要求\n各区要高度重视。\n某市财政局\n2024年1月5日\n")
    assert _measures(text) == []


# ---------------------------------------------------------------- after the signature
def test_attachment_items_after_the_signature_are_not_measures():
    text = ("某县人民政府关于加快发展现代农业的意见\n各乡镇人民政府：\n现提出如下意见。\n"
            "一、扶持龙头企业。对新认定的省级龙头企业给予奖励10万元。\n二、推进土地流转。对连片流转500亩以上的给予奖补。\n"
            "某县人民政府\n2013年5月20日\n附件\n某县重点项目表\n一、示范园建设项目，总投资3.2亿元\n二、物流园建设项目，总投资1.5亿元\n"
            "三、蔬菜基地建设项目，总投资8000万元\n")
    assert [label for label, _ in _measures(text)] == ["一", "二"]


@pytest.mark.parametrize("cover", ["现印发给你们，请认真贯彻执行。", "现印发你们，请认真遵照执行。"])
def test_policy_after_the_signature_of_an_issuing_notice_keeps_its_items(cover):
    text = (f"某区人民政府办公室关于印发某区促进楼宇经济发展办法的通知\n各街道办事处：\n《某区促进楼宇经济发展办法》已经区政府同意，{cover}\n"
            "某区人民政府办公室\n2020年10月28日\n某区促进楼宇经济发展办法\n"
            "一、支持楼宇品质提升。对新获得绿色建筑认证的楼宇，给予奖励50万元。\n二、鼓励招商引资。对引进区域总部的，给予奖励30万元。\n")
    assert [label for label, _ in _measures(text)] == ["一", "二"]


# ---------------------------------------------------------------- a unit line shared by sub-points
SHARED = ("某区推动制造业高质量发展若干措施\n一、支持企业扩产增效\n（一）鼓励工业投资。\n"
          "1.对完成固定资产投资1亿元以上的工业项目，按设备投资额的8%给予补助，最高不超过1000万元。\n"
          "2.对建设产业载体容积率达到3.0以上的，按每平方米100元给予奖励。\n（责任单位：区经济促进局、区自然资源局）\n"
          "（二）推动企业上规模。对首次纳入规模以上工业统计的企业，给予一次性奖励10万元。（责任单位：区统计局）\n")


def test_headed_items_with_run_in_text_keep_a_closing_unit_line_to_themselves():
    text = ("某区推动制造业高质量发展若干措施\n一、支持企业扩产增效\n"
            "（一）鼓励工业投资。对完成固定资产投资1亿元以上的工业项目，给予补助。\n"
            "（二）推动企业上规模。对首次纳入规模以上工业统计的企业，给予一次性奖励10万元。\n（责任单位：区统计局）\n")
    assert _measures(text) == [("（一）", "鼓励工业投资"), ("（二）", "推动企业上规模")]


def test_a_shared_closing_unit_line_makes_the_parent_the_measure():
    assert _measures(SHARED) == [("（一）", "鼓励工业投资"), ("（二）", "推动企业上规模")]


def test_the_shared_unit_line_gives_the_parent_its_units(tmp_path):
    path = tmp_path / "shared.txt"
    path.write_text("某区人民政府办公室关于印发某区推动制造业高质量发展若干措施的通知\n各镇人民政府：\n现印发给你们，请认真贯彻执行。\n"
                    "某区人民政府办公室\n2023年5月12日\n" + SHARED, encoding="utf-8")
    measures = {m["label"]: m for m in extract(path, isolate=False).to_dict()["measures"]}
    units = measures["（一）"]["responsible"]
    assert len(units) == 2 and units[0].endswith("区经济促进局") and units[1].endswith("区自然资源局")
    assert measures["（二）"]["responsible"][0].endswith("统计局")


def test_an_article_headed_alone_takes_its_units_from_its_sub_points(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("西藏自治区外经贸发展专项资金管理办法实施细则\n第一章 总则\n第一条 为规范专项资金管理,制定本细则。\n"
                    "第二章 支持内容\n第二条 对新设立的外贸企业,给予一次性奖励10万元。\n第三条 管理职责\n"
                    "(一)自治区商务厅会同自治区财政厅制定具体业务管理制度;负责专项资金项目管理。\n"
                    "(二)自治区财政厅负责专项资金的预算管理。\n", encoding="utf-8")
    measures = {m["label"]: m for m in extract(path, isolate=False).to_dict()["measures"]}
    assert set(measures["第三条"]["responsible"]) == {"西藏自治区商务厅", "西藏自治区财政厅"}


@pytest.mark.parametrize("items,shared", [
    ("1.对新认定的国家级中心，给予奖励300万元。\n2.对新认定的省级中心，给予奖励50万元。\n（责任单位：区科技局）\n", True),
    ("（1）对200万元以下的采购项目预留份额。\n（2）超过200万元的项目预留40%。\n（省财政厅负责）\n", True),
    ("1.对新认定的国家级中心，给予奖励300万元。（责任单位：区科技局）\n2.对新认定的省级中心，给予奖励50万元。\n"
     "（责任单位：区工信局）\n", False),
    ("1.对新认定的国家级中心，给予奖励300万元。\n2.对新认定的省级中心，给予奖励50万元。\n", False),
])
def test_closed_by_units_needs_one_unit_line_after_bare_sub_points(items, shared):
    text = f"某市若干措施\n一、支持研发\n（一）支持研发机构建设。\n{items}（二）其他支持。对企业给予奖励10万元。\n"
    s = parse_structure(text)
    index = next(i for i, x in enumerate(s.sections) if x.title == "支持研发机构建设")
    assert closed_by_units(index, s.sections, text) is shared


def test_an_item_setting_aside_a_fund_is_support_under_a_framework_heading():
    text = ("某区关于支持企业共渡难关的十条措施\n一、支持对象\n注册在本区的受疫情影响的企业。\n"
            "（一）设立纾困帮扶专项资金。由区级财政预算安排4000万元纾困帮扶专项资金，专项用于扶持企业。（责任单位：区财政局）\n"
            "（二）支持应急保供。对保障城市运行的企业，给予一次性补贴10万元。（责任单位：区商务局）\n")
    assert [label for label, _ in _measures(text)] == ["（一）", "（二）"]


def test_an_untitled_text_whose_items_give_support_is_a_policy():
    text = ("为吸引更多外来投资，现将主要奖励办法公告如下：\n"
            "1.对于成功引进的制造业投资项目，首期完成固定资产投资额1亿元以上的，给予投资额1‰的奖励。\n"
            "2.对于成功引进的科研类投资项目，给予一次性奖励50万元。\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


def test_an_untitled_text_whose_items_give_sums_of_subsidy_is_a_policy_whatever_readings_its_copy_holds():
    text = ("一、常補(bǔ)政策。\n"
            "1.種植雙季稻獎(jiǎng)補(bǔ)政策。凡種植雙季稻的種植主體,每畝獎(jiǎng)補(bǔ)300元。\n"
            "2.早稻育秧獎(jiǎng)補(bǔ)政策。凡集中連片5畝以上秧田,每畝獎(jiǎng)補(bǔ)1000元。\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


def test_an_untitled_text_whose_heading_of_tasks_holds_items_is_a_policy():
    text = ("二、工作目标\n到2008年底,城镇污水纳管率达到85%。\n三、主要任务\n（一）进一步完善区域雨污水总体规划,全面完成各镇雨污水专业规划的编制及报批。\n"
            "（二）全面推进污水治理三期项目在我区的实施,完成项目服务范围内的污染源纳管工作。\n"
            "（三）加快推进北部地区截污完善工程的建设进度,全面推进雨污水收集系统的建设。\n")
    assert [label for label, _ in _measures(text)] == ["（一）", "（二）", "（三）"]


def test_an_untitled_task_table_in_traditional_script_with_a_unit_column_is_a_policy():
    text = ("瀏覽次數: 來源:某縣政府辦公室\n序號 重點工作任務 牽頭責任單位 一季度完成情況\n"
            "1 地區生產總值增長6%以上。 縣發改委 一季度地區生產總值增長6.8%\n"
            "2 規模工業增加值增長4.5%。 縣工信局 規模工業增加值增長11.9%\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


def test_an_untitled_task_table_copied_cell_by_cell_with_a_unit_column_is_a_policy():
    text = ("|\n序号\n|\n工作任务\n|\n负责部门\n|\n时间进度\n|\n|\n1\n|\n完善城市管理体制\n|\n市住建局、市城管局\n|\n"
            "2016年底前\n|\n|\n2\n|\n开展环境卫生设施规划编制工作\n|\n市住建局,各县(区)政府\n|\n常态工作\n|\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


_ARTICLE_EXAMPLES = data("measures")["articles"]["examples"]


@pytest.mark.parametrize("article,is_measure",
                         [(a, True) for a in _ARTICLE_EXAMPLES["measure"] if a.startswith("第")]
                         + [(a, False) for a in _ARTICLE_EXAMPLES["not_measure"] if a.startswith("第")])
def test_article_examples_of_the_rule_table(article, is_measure):
    label, text = _after_measure_articles("某市促进产业发展若干规定", article, "对新设立的企业，给予开办补贴5000元。")
    assert (label in [lb for lb, _ in _measures(text)]) is is_measure


def _after_measure_articles(title: str, article: str, earlier: str) -> tuple[str, str]:
    """The article's label, and a rules text whose earlier articles (measures all) lead up to it."""
    label = article[:article.index("条") + 1]
    digits = "一二三四五六七八九"
    before = "".join(f"第{(digits[k // 10 - 1] if k >= 20 else '') + ('十' if k >= 10 else '') + (digits[k % 10 - 1] if k % 10 else '')}条"
                     f" {earlier}\n" for k in range(1, cn_int(label[1:-1])))
    return label, f"{title}\n{before}{article}\n"


_CONSTITUTION = data("measures")["articles"]["constitution"]


@pytest.mark.parametrize("article,is_measure", [(a, False) for a in _CONSTITUTION["examples"]]
                         + [(a, True) for a in _CONSTITUTION["counter_examples"]])
def test_an_article_stating_what_a_body_is_or_whom_it_consists_of_is_no_measure(article, is_measure):
    label, text = _after_measure_articles("某县人民政府工作规则", article, "县人民政府各部门负责落实县政府的工作部署。")
    labels = [lb for lb, _ in _measures(text)]
    n = cn_int(label[1:-1])
    before = [] if n == 1 else [f"第{'一二三四五六七八九'[n - 2]}条"]     # the article before it is read
    assert label in labels if is_measure else (label not in labels and labels[-1:] == before)


def test_an_article_glossed_with_pinyin_readings_is_read_without_them():
    text = ("某省鄉村民宿管理辦法\n第一條 對新開辦的鄉村民宿，給予開辦補貼5000元。\n"
            "第二條 鄉村民宿發展堅(jiān)持生態(tài)環(huán)保、科學(xué)規(guī)劃、共享發(fā)展的原則。\n"
            "第三條 對評為五星的民宿，給予獎(jiǎng)勵2萬元。\n")
    assert [lb for lb, _ in _measures(text)] == ["第一條", "第三條"]


def test_articles_behind_web_list_bullets_and_an_article_left_out_of_an_abridged_copy():
    text = ("关于推动创新创业促进经济转型升级的若干意见实施细则\n- 第一条 支持引进高端制造业\n"
            "购建自用生产办公用房的,给予一次性补贴,最高不超过1000万元。\n- 第二条 支持企业改造提升\n"
            "对重点骨干企业技改项目给予一次性补贴。\n- 第三条 支持企业增强研发能力\n对企业技术中心给予20万元补贴。\n"
            "第五条 支持专业服务领域发展。\n对新引进的专业服务企业给予一次性奖励。\n")
    assert [lb for lb, _ in _measures(text)] == ["第一条", "第二条", "第三条", "第五条"]


def test_a_bullet_before_a_small_list_label_is_no_article():
    text = ("某县招商引资优惠办法\n第一条 对新引进企业给予奖励10万元。\n第二条 对技改项目给予补助5万元。\n"
            "• 1. 下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务\n• 2. 如文档侵犯您的权益,请联系客服反馈\n")
    assert [lb for lb, _ in _measures(text)] == ["第一条", "第二条"]


def test_a_public_notice_of_funded_projects_has_no_measures():
    text = ("关于2023年度财政衔接推进乡村振兴补助资金安排项目的公示\n按照要求,现将项目情况公示如下:\n"
            "一、产业类项目5个,共计4197万元。\n1.冷棚育苗基地建设项目850万元。\n2.超大棚室种植基地建设项目742万元。\n"
            "二、基础设施类项目1个,共计1600万元。\n特此公示。\n")
    assert _measures(text) == []


def test_an_article_stating_what_the_text_supports_is_scope():
    text = ("某区先进制造业投资项目支持办法\n第一条 为促进先进制造业发展,制定本办法。\n"
            "第二条 本办法重点支持产业链链主企业、关键配套企业的先进制造业投资项目。\n"
            "第三条 对新引进固定资产投资1亿元以上的项目,按设备投资额的5%给予补贴。\n")
    assert [lb for lb, _ in _measures(text)] == ["第三条"]


def test_a_cover_letters_instructions_are_not_measures_even_without_its_attachment():
    text = ("某市人民政府关于印发《贯彻落实若干意见分工方案》的通知\n各县区人民政府，市政府各部门：\n"
            "市政府制定了分工方案，现予以印发，请做好贯彻落实。\n"
            "一、加强组织领导，完善工作机制。各县区、各部门都要高度重视，建立工作机构。\n"
            "二、各有关部门要按照分工抓紧研究制定工作方案，层层落实责任。\n")
    assert _measures(text) == []


def test_a_task_breakdown_notices_calls_to_carry_its_tasks_out_are_no_measures():
    text = ("某县人民政府关于分解落实政府工作报告目标任务的通知\n各乡镇人民政府，县直各部门：\n"
            "现将县政府工作报告确定的目标任务分解如下，请认真抓好落实。\n"
            "一、细化任务抓落实。各责任单位要将任务分解到月，每月报送进展。\n"
            "二、明确责任抓落实。各牵头单位主要负责人为第一责任人，县政府督查室负责督办。\n")
    assert _measures(text) == []


def test_a_chapter_is_never_a_measure_even_when_its_only_article_is_cut():
    text = ("某市跨境电商扶持办法\n第一章 总则\n第一条 为促进发展，制定本办法。\n第二章 主体培育\n"
            "第二条 对新注册企业给予一次性5万元开业奖励。\n第三章 基础设施与载体建设\n第三条【境内仓储中心建")
    assert [label for label, _ in _measures(text)] == ["第二条", "第三条"]


def test_an_untitled_text_whose_items_are_headed_as_support_is_a_policy():
    text = ("(一)安家费。全日制博士研究生试用期满合格给予5万元安家费。\n"
            "(二)生活补贴。服务期满且考察合格的,按全日制博士研究生15万元发放。\n")
    assert [label for label, _ in _measures(text)] == ["(一)", "(二)"]


def test_articles_under_a_general_provisions_chapter_that_set_duties_are_measures():
    text = ("某市城市公交客运服务规范\n第一章 总则\n第一条 为加强城市公交客运管理，制定本规范。\n"
            "第二条 本规范适用于市区城市公交客运。\n第三条 市交通运输行政主管部门负责组织领导本行政区域内的城市公交客运管理工作。\n")
    assert [label for label, _ in _measures(text, model=False)] == ["第三条"]


def test_rows_of_a_task_table_copied_as_text_are_measures_titled_by_their_first_cell():
    text = ("辽阳市小微企业、个体工商户扶持政策事项清单\n"
            "政策类别 序号 扶持政策事项 政策内容 实施部门\n"
            "财政资金支持(共48项) 1 建立复工复产帮扶机制 畅通热线电话,及时协调解决企业复工复产遇到的困难。 市工业和信息化局\n"
            "2 对重点保障企业贷款给予财政贴息支持 其余部分由市财政给予贴息。 市财政局\n"
            "3 加大对防疫物资企业的支持力度 给予一次性补助。 市财政局\n")
    st = parse_structure(text)
    assert [(m.label, m.title) for m in select_measures(st, text)] == [
        ("1", "建立复工复产帮扶机制"), ("2", "对重点保障企业贷款给予财政贴息支持"), ("3", "加大对防疫物资企业的支持力度")]


def test_a_task_tables_lead_column_may_be_headed_as_the_responsible_department():
    text = (ROOT / "corpora" / "real" / "raw" / "guobanhan-2016-measures-lianghua-zhibiao.txt").read_text("utf-8")
    st = parse_structure(text)
    measures = select_measures(st, text)
    assert [m.label for m in measures] == [str(n) for n in range(1, 11)]
    assert measures[0].title == "居民消费价格涨幅3%左右"

def test_an_article_headed_as_the_conditions_or_scope_of_an_application_is_no_measure():
    text = ("某市外贸资金管理办法\n第一条 申报条件\n(一)在本市注册的企业。\n(二)依法纳税。\n"
            "第二条 支持范围\n(一)支持开拓市场的企业。\n(二)支持通过认证的企业。\n"
            "第三条 奖励标准\n(一)评为示范基地的,按照类别给予一定奖励。\n(二)通过认证的,给予10万元奖励。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["(一)", "(二)"]     # 第三条 heads its support items
    assert all(m.start > text.index("第三条") for m in select_measures(st, text))

def test_numbers_opening_lines_without_a_table_header_are_no_rows():
    text = "关于做好防汛工作的通知\n各村:\n2 亿元资金已下达。\n3 个水库已完成除险加固。\n"
    assert parse_structure(text).sections == []


def test_a_purpose_article_cut_before_its_closing_words_is_no_measure():
    text = ("专项资金管理办法\n第一章 总 则\n第一条 为充分发挥财政资金在推进中小企业高质量发展\n"
            "方面的作用,规范专项资金的使用和管理,提高资金使用效益,根据《中华人民共和国预算法》\n"
            "第二条 对新认定的专精特新企业,给予一次性奖励50万元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["第二条"]


def test_rows_of_a_table_copied_cell_by_cell_take_the_measure_column_as_title():
    cells = ["市政务服务办关于印发天津市2021年优化营商环境责任清单的通知", "各区人民政府,市政府各委、办、局:",
             "现将《天津市2021年优化营商环境责任清单》印发给你们,请认真贯彻执行。", "2020年12月31日",
             "天津市2021年优化营商环境责任清单", "序号", "重点任务", "改革措施", "牵头单位", "责任单位",
             "1", "1.优化企业开办服务", "推进企业开办、变更、注销等登记事项“一网通办”。", "市市场监管委", "市税务局、市人社局",
             "2", "有序推进企业登记系统与政务APP事项对接。", "市政务服务办", "市市场监管委"]
    text = "\n\n".join(cells) + "\n"               # as the web copy prints it (tianjin-2020), a cell a paragraph
    st = parse_structure(text)
    assert [(m.label, m.title) for m in select_measures(st, text)] == [
        ("1", "推进企业开办、变更、注销等登记事项“一网通办”"), ("2", "有序推进企业登记系统与政务APP事项对接")]


def test_a_framework_word_run_into_its_text_and_a_principles_article_are_no_measures():
    text = ("新农村建设以奖代补实施方案\n一、指导思想以科学发展观为指导,全面推进新农村建设。\n"
            "二、奖补标准\n(一)对硬化道路的村给予每平方米20元奖补。\n(二)对美化墙体的村给予每户300元奖补。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["(一)", "(二)"]


def test_an_article_saying_who_may_enjoy_the_policy_is_its_scope_not_a_measure():
    text = ("砚山县招商引资优惠政策(试行)\n第一条 凡到我县投资新办企业且符合国家产业政策的,均可享受本优惠政策。\n"
            "第二条 对固定资产投资500万元以上的项目,给予一次性奖励10万元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["第二条"]


@pytest.mark.parametrize("labels", [("⑴", "⑵"), ("⒈", "⒉")])
def test_numbers_written_as_one_character_are_outline_labels(labels):
    text = (f"关于加快发展的若干措施\n{labels[0]}对新认定的企业给予奖励10万元。(牵头单位:市工信局)\n"
            f"{labels[1]}对新上市的企业给予奖励100万元。(牵头单位:市金融局)\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == list(labels)


def test_definition_and_scope_articles_naming_their_text_in_brackets_are_no_measures():
    text = ("木垒县农村饮水安全工程管理办法\n第二条 本《办法》所称农村饮水安全工程是指各类供水设施。\n"
            "第三条 本《办法》适应于木垒县行政区内的农村饮水安全工程。\n"
            "第四条 县水利局负责全县农村饮水安全工程的监督管理。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["第四条"]


def test_an_activity_plans_fields_are_no_measures():
    text = ("义务植树活动实施方案\n一、时间:3月12日(星期日)上午9:30\n二、地点:灵山镇大昌路。\n"
            "三、活动内容:沿路种植树苗2000株。\n四、参加人员区直属机关干部职工400人。\n五、责任分工\n"
            "区林业局负责准备树苗。\n")
    st = parse_structure(text)
    assert select_measures(st, text) == []


def test_a_cover_notices_coordination_and_factor_safeguards_are_instructions():
    text = ("关于印发都市圈发展规划任务分工方案的通知\n各县(市、区)人民政府:\n现将方案印发给你们,请认真贯彻落实。\n"
            "一、强化组织协调\n各有关县(市、区)要建立推动落实机制,负责组织实施规划。\n"
            "二、强化要素保障\n各级各部门要在用地、资金上给予支持。\n")
    st = parse_structure(text)
    assert select_measures(st, text) == []


def test_items_of_a_copy_that_injects_a_comma_before_every_mark_are_read_without_it():
    text = ("某省支持對外貿易發展的若干措施\n一,、 積極培育外貿主體,。對新引進的外貿企業,,給予獎勵50萬元,。\n"
            "二,、加強外貿促進平臺建設,。對新認定的平臺給予補助20萬元,。\n")
    assert [lb for lb, _ in _measures(text)] == ["一", "二"]


def test_grades_of_one_support_introduced_under_a_heading_are_that_measure():
    text = ("某州人才引进十二条政策\n一、支持行政企事业单位引才\n全职引进的高层次人才,工作不少于5年的,给予一次性安家补贴:\n"
            "1. 国家级人才计划入选者补贴100万元;\n2. 省级人才计划入选者补贴40万元;\n3. 博士研究生补贴30万元;\n"
            "二、支持用人单位柔性引才\n柔性引进高层次人才的,给予用人单位补助10万元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["一", "二"]


def test_articles_stating_a_funds_principles_of_management_are_no_measures():
    text = ("某区高标准农田建设管理办法\n第三条 高标准农田建设实行集中统一管理体制,统一规划布局、建设标准。\n"
            "第四条 财政专项资金的使用方向应当围绕脱贫攻坚的总体目标。\n第五条 对新建高标准农田每亩补助1500元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["第五条"]


def test_a_heading_counting_its_items_and_a_support_scope_are_no_measures():
    text = ("某县扶持企业发展若干政策\n一、扶持范围\n在本县注册的企业。\n二、扶持标准\n对新入规企业给予奖励10万元。\n"
            "三、稳定供应链支持政策(54条)\n")
    st = parse_structure(text)
    assert [m.title for m in select_measures(st, text)] == ["扶持标准"]


def test_a_forwarding_notices_own_instructions_are_no_measures():
    text = ("某区人民政府办公室转发某市人民政府办公厅关于加大激励支持力度的通知\n各镇人民政府:\n"
            "现将《通知》转发给你们,并结合我区实际提出以下意见,请一并贯彻落实。\n"
            "一、吃透政策精神\n各单位要认真学习领会《通知》要求。\n二、落实工作责任\n各部门要明确责任,攻坚克难。\n")
    st = parse_structure(text)
    assert select_measures(st, text) == []


def test_requests_to_the_addressees_of_an_issuing_notice_are_no_measures():
    text = ("某部关于印发某新区总体方案的通知\n某省人民政府:\n现将《某新区总体方案》印发给你们,请认真组织实施。\n"
            "一、请某省人民政府按照国务院批复精神,加强组织领导,认真组织实施。\n"
            "二、请国务院有关部门按照职能分工,加强对新区建设发展的指导。\n"
            "三、我委将按照国务院批复精神,会同有关部门加强指导和监管。\n")
    st = parse_structure(text)
    assert select_measures(st, text) == []


def test_a_policy_notices_item_cut_off_by_the_excerpt_is_still_a_measure_unless_it_organises():
    head = ("某市人民政府办公厅关于对成效明显的区加大激励支持力度的通知\n各区人民政府:\n市人民政府决定,对成效明显的区予以激励支持。\n"
            "一、对外贸稳定增长综合评价合格以上的区,给予15万元至50万元的资金奖励。(市商务局负责)\n"
            "二、对社会投资健康发展成效明显的区,实行绿色通道机制。(市发展改革委负责)\n")
    text = head + "三、对公路水路交通建设年度目标任务完成情况好的区,将其公路水运基础设"
    st = parse_structure(text)
    got = [(m.label, measure_truncated(m, st, text)) for m in select_measures(st, text)]
    assert got == [("一", False), ("二", False), ("三", True)]
    text = head + "三、对过冬衣被救济和房屋修复,要加强领导,确实做好组织"
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["一", "二"]


def test_a_heading_naming_one_award_over_its_grades_is_one_measure_among_plain_items():
    text = ("某县招商工作奖励政策\n奖励标准\n1、重大项目信息奖。项目投资在10亿—50亿元的,奖励20万元。\n2、一般项目信息奖。\n"
            "①投资在3000万元—1亿元的,奖励2万元;\n②投资在1亿元—3亿元的,奖励3万元;\n"
            "3、“飞地项目”奖。按投资总额的3‰进行现金奖励。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["1", "2", "3"]
    text = ("某省秸秆综合利用补贴政策\n一、秸秆还田补贴。每亩补贴40元。\n二、两市两县补贴:\n"
            "1.秸秆固化成型燃料站建站补贴:投资额30%补贴。\n2.生物质锅炉补贴:每蒸吨补贴5万元。\n三、散煤替代补贴。每吨补贴100元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["一", "1", "2", "三"]
    text = ("某县新建大棚补贴政策\n一、高标准日光温室:\n1、下挖堆土墙类型:每亩补贴4万元。\n2、装配式类型:每亩补贴4万元。\n"
            "二、高标准覆被式大棚:\n每亩补贴3万元。\n三、防虫网棚:\n每亩补贴300元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["一", "二", "三"]


def test_an_article_stating_the_scope_is_no_measure():
    text = ("某市招商引资奖励办法\n第三条本办法适用范围为:\n(一)县区人民政府,市直单位,招商人员;\n(二)在本市投资企业。\n"
            "第四条对招商人员引进亿元以上项目的,一次性奖励资金6万元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["第四条"]


def test_the_form_and_priorities_of_support_in_a_call_for_applications_are_no_measures():
    text = ("某市工业和信息化局关于组织申报2021年专项资金项目库的通知\n各区工业和信息化主管部门:\n现就申报工作通知如下。\n"
            "一、资金支持的重点\n软件与信息服务、产业园区建设等。\n二、资金支持方式\n采用补助、奖励、贴息等方式给予支持。\n"
            "三、申报要求\n请于12月15日前报送。\n")
    st = parse_structure(text)
    assert select_measures(st, text) == []


def test_items_with_lead_units_under_a_framework_heading_are_measures():
    text = ("某市十四五规划纲要任务分工方案\n为落实规划纲要,制定本方案。\n一、目标定位\n"
            "1.聚力建设都市圈核心区。(牵头部门:市发改局,配合部门:市级相关部门)\n"
            "2.争创产业聚焦转型先行区。(牵头部门:市招商局)\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["1", "2"]


def test_a_cover_notices_own_calls_to_raise_standing_and_strengthen_leadership_are_no_measures():
    text = ("区人民政府办公室关于印发2020年区政府工作报告确定的主要目标任务责任分解方案的通知\n各街道办事处:\n"
            "现将《责任分解方案》印发给你们,并提出如下要求。\n一、提高站位,主动担当作为\n各单位要高度重视。\n"
            "二、加强领导,强化办理机制\n各单位主要负责人要亲自抓。\n")
    st = parse_structure(text)
    assert select_measures(st, text) == []


def test_the_priorities_of_support_group_the_items_under_them():
    text = ("关于加快葡萄产业发展的扶持政策暨实施办法\n一、目标要求\n到2020年,基地面积稳定在70万亩。\n二、扶持重点\n"
            "(一)加强良种苗木繁育体系建设\n1.引进一批优新品种。实施葡萄育种专项研究,选择一批品种开展试验示范。\n"
            "2.建立良种苗木三级繁育体系。建设母本园、采穗圃和繁育圃,提高苗木质量。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["1", "2"]


def test_short_targets_each_naming_the_unit_in_charge_are_measures():
    text = ("某市人民政府办公室关于落实《政府工作报告》重点工作分工的意见\n各区县人民政府:\n现就重点工作分工提出如下意见。\n"
            "一、2025年年度目标\n1. 生产总值增长6%左右。(市发展改革委负责)\n2. 一般公共预算收入增长3.5%。(市财政局负责)\n"
            "3. 城镇新增就业5000人以上。(市人社局负责)\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["1", "2", "3"]


def test_a_policys_paragraphs_opened_yishi_erhi_are_its_measures_where_nothing_else_numbers_it():
    text = ("某市七项措施促进拉面经济发展\n发布时间:2016-01-05 14:24:15\n"
            "为进一步促进拉面经济发展,近日,某市出台《某市关于进一步促进拉面经济发展的实施意见》,从七个方面落实扶持。\n"
            "一是加大财政支持力度。市、县政府设立扶持拉面经济发展专项资金,每年安排500万元。\n"
            "二是加大贷款扶持力度。对拉面从业人员给予创业担保贷款,最高20万元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["一是", "二是"]


def test_articles_headed_in_brackets_by_a_framework_topic_are_rules_clauses():
    text = ("某市中小企业发展专项资金管理办法\n第一条(目的和依据) 为贯彻落实促进中小企业发展相关政策,制定本办法。\n"
            "第二条(定义) 某市中小企业发展专项资金(以下简称“专项资金”)是指市财政预算安排的资金。\n"
            "第三条(资金来源) 专项资金在市级财政预算中安排。\n第四条(支持方向) 对符合条件的企业给予补助。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text)] == ["第四条"]


def test_a_funds_definition_and_its_sources_are_rules_clauses_though_the_fund_was_set_up():
    text = ("某省就业补助资金管理暂行办法\n第一条 为加强就业补助资金管理,制定本办法。\n"
            "第二条 就业补助资金是由县级以上人民政府设立,通过一般公共预算安排用于促进就业创业的专项资金,"
            "由财政部门会同人社部门管理。\n第三条 就业补助资金的主要来源:\n(一)上级财政补助;\n(二)本级财政预算安排。\n"
            "第四条 对招用就业困难人员的企业,给予社会保险补贴。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text, model=False)] == ["第四条"]


@pytest.mark.parametrize("heading", ["实施范围", "资金总量", "使用要求", "成员单位"])
def test_a_plans_scope_a_funds_total_and_terms_and_a_groups_members_frame_the_measures(heading):
    text = (f"某市资金安排方案\n一、{heading}\n全市各县区,资金共计5000万元,由各成员单位按职责负责。\n"
            "二、支持内容\n(一)对新建冷库的企业,给予补助10万元。\n(二)对购置冷藏车的企业,给予补助5万元。\n")
    st = parse_structure(text)
    assert [m.label for m in select_measures(st, text, model=False)] == ["(一)", "(二)"]


def test_a_call_for_applications_with_a_support_heading_of_no_items_has_no_measures_either():
    text = ("关于组织开展某区高新技术企业奖励经费申报工作的通知\n各有关高新技术企业:\n为支持高新技术企业发展,现将有关事项通知如下:\n"
            "一、奖助范围\n1、企业位于本区且依法纳税(不在本区纳税的,不符合奖励)。\n二、奖励标准\n"
            "首次通过认定的企业一次性给予奖励5万元。\n三、提交材料\n1. 高新技术企业奖励资金申请表。\n2. 营业执照复印件。\n")
    assert _measures(text) == []


def test_an_activitys_aims_and_principles_heading_is_framework():
    text = ("某县餐饮消费券实施方案\n为激发消费潜能,制定本方案。\n一、活动目标及原则\n以政府引导、市场运作为原则,带动餐饮消费。\n"
            "二、发放方式\n对参与活动的餐饮企业,按核销金额给予补贴。\n")
    assert [label for label, _ in _measures(text)] == ["二"]


def test_items_numbered_on_across_group_headings_are_the_measures_though_the_last_is_cut():
    text = ("某市推动工业提质增效若干措施\n一、鼓励企业技术创新\n(一)支持搭建技术平台。对新认定的平台给予补助20万元。\n"
            "(二)支持产学研合作。对合作项目给予奖励10万元。\n(三)营造创新氛围。每年给予办赛经费不高于25万元。\n"
            "二、推动企业培优提质\n(四)梯度培育优质企业。鼓励")
    assert [label for label, _ in _measures(text)] == ["(一)", "(二)", "(三)", "(四)"]


def test_items_of_a_policy_list_behind_decorative_marks_are_its_measures():
    text = ("为便于宣传,现将有关支持政策汇编如下。\n一、产业发展支持政策(81条)\n"
            "◈ 1.鼓励各地设立招商引资专项资金,对招商引资落地项目按一定比例给予奖励补助。\n"
            "◈ 2.对新认定的国家先进制造业集群,给予一次性奖补1000万元。(责任单位:省发展改革委)\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


def test_a_heading_granting_support_over_items_that_only_set_its_amounts_is_one_measure():
    text = ("某区冬游优惠措施\n一、景区优惠\n对游客免收A级景区门票,给予景区补贴。\n二、包机、专列奖励\n"
            "对通过包机、专列形式组织游客的企业予以奖励\n(一)包机奖励:每班包机超过100人,奖励10万元;超过200人,奖励15万元;\n"
            "(二)专列奖励:每趟专列超过300人,奖励20万元。\n三、组团奖励\n对组团接待游客1000人以上的旅行社予以奖励10万元。\n"
            "四、其他事项\n(一)对旅行社组织的包机、专列予以奖励时,旅行社只享受其中一项,不重复计算。\n")
    assert [label for label, _ in _measures(text)] == ["一", "二", "三"]


def test_circled_sub_points_are_bands_of_the_item_above_them():
    text = ("某区支持工业高质量发展政策措施\n一、强化梯次培优。对首次纳入规模以上工业统计的企业,给予10万元一次性奖励。\n"
            "二、推动扩容增量。按照工业企业营收规模和增速进行奖励。①对年度营收在3000万元—1亿元的企业,给予3万元奖励;"
            "②对年度营收在1亿元—5亿元的企业,给予5万元奖励。\n")
    assert [label for label, _ in _measures(text)] == ["一", "二"]


def test_a_supports_objects_standards_and_application_parts_belong_to_its_heading():
    text = ("关于做好稳定工业经济发展实施细则的补充通知\n各县(市、区)经贸局、财政局:\n现将实施细则补充通知如下:\n"
            "一、鼓励企业增产增效\n(一)补助对象及标准\n对年新增产值达1亿元(含)至2亿元以下的项目,奖励5万元。\n"
            "(二)申报条件\n1.申报项目列入年度项目计划;\n2.本年度纳税额超过上年度。\n(三)申报材料\n1.奖励资金申报报告;\n"
            "2.营业执照复印件。\n二、支持企业开拓市场\n(一)奖励对象及标准\n1、对组织企业参加国家级知名展会的,每场最高奖励25万元。\n"
            "2、对在本市举办展会的,给予补助10万元。\n")
    assert [label for label, _ in _measures(text)] == ["一", "二"]


def test_a_heading_naming_only_parts_gives_way_to_the_supports_listed_in_its_standards():
    text = ("某市支持小剧场演艺发展实施细则\n一、政策依据\n《某市支持小剧场演艺发展若干措施》。\n"
            "二、扶持标准、申报条件和申报材料\n(一)扶持标准\n1.支持小剧场场所建设。对建成并投入使用的,给予20万元奖励。\n"
            "2.支持新演艺空间打造。对新认定的演艺空间,给予10万元奖励。\n(二)申报条件\n在本市注册的企业。\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


def test_a_supports_content_standard_and_period_belong_to_its_heading():
    text = ("某开发区外贸新业态扶持资金安排方案\n一、资金来源\n在市下达的奖励资金中安排。\n二、支持对象\n在本区注册登记的外贸企业。\n三、支持内容和标准\n"
            "(一)支持内容:对出口累计超过3000万美元的企业给予支持。\n(二)支持标准:出口每1美元支持不超过0.03元。\n"
            "(三)支持期间:2018年第四季度\n")
    assert [label for label, _ in _measures(text)] == ["三"]


def test_an_article_stating_its_purpose_before_the_rules_that_follow_is_no_measure():
    text = ("某镇推动经济高质量发展奖励办法\n第一条 为促进企业转型升级，结合我镇实际，特制定以下奖励办法。\n"
            "第二条 对年产值首次超过1亿元的企业，给予奖励10万元。\n")
    assert [label for label, _ in _measures(text)] == ["第二条"]


def test_an_emergency_plan_printed_alone_or_issued_by_a_notice_states_no_measures():
    plan = ("某市草原火灾应急预案\n1 总则\n为及时控制和扑灭草原火灾，制定本预案。\n"
            "2 组织指挥\n市草原防火指挥部负责组织、协调全市草原火灾扑救工作。\n"
            "3 保障措施\n市财政局安排草原防火专项资金50万元。\n")
    s = parse_structure(plan)
    assert (s.meta.title, s.meta.doc_type) == ("某市草原火灾应急预案", "预案")
    assert _measures(plan) == []
    notice = ("某省人民政府办公厅关于印发自然灾害救助应急预案的通知\n各市人民政府:\n现将《自然灾害救助应急预案》印发给你们。\n"
              "某省人民政府办公厅\n2024年6月11日\n某省自然灾害救助应急预案\n"
              "1.总则\n为做好救助工作，制定本预案。\n2.组织指挥\n省减灾委负责组织、领导全省救灾工作。\n"
              "3.灾后救助\n省应急厅会同省财政厅下拨救灾资金100万元。\n")
    assert _measures(notice) == []


def test_an_article_headed_by_a_framework_word_without_support_is_no_measure():
    text = ("某县招商引资奖励办法\n第一条 招商引资奖励范围\n凡从县域外引进项目资金的单位和个人,均属招商引资奖励范围。\n"
            "第二条 引进工业项目资金的奖励\n对引进工业项目的个人,按到位资金的1%给予奖励。\n"
            "第三条 专项资金实施期限\n")
    assert [label for label, _ in _measures(text)] == ["第二条"]


def test_a_notice_announcing_a_ban_issues_no_policy_but_one_issuing_named_rules_does():
    ban = ("某县人民政府森林防灭火指挥部关于发布禁止违规野外用火的通告\n一、禁火时限\n2022年1月1日至12月31日。\n"
           "二、禁火区域\n全县林区。\n三、禁火期内，禁止一切野外用火，违者给予罚款200元。\n")
    assert _measures(ban) == []
    rules = ("某市人民政府关于发布某市科技创新奖励实施细则的通知\n各县人民政府:\n现将细则发布，请遵照执行。\n"
             "一、对新认定的高新技术企业，给予一次性奖励10万元。\n二、对新建研发机构，给予补助50万元。\n")
    assert [label for label, _ in _measures(rules)] == ["一", "二"]


def test_a_numbered_purpose_sentence_and_an_applicable_industries_heading_are_no_measures():
    purpose = ("某高新区关于加快推进高质量发展的若干政策\n总  则\n1.为贯彻落实上级关于振兴的一系列重要指示精神,进一步加大在金融助力、"
               "科技创新、人才培养等方面的政策扶持力度,特制定本政策。\n2.对新引进的企业给予一次性奖励10万元。\n")
    industries = ("某旗招商引资优惠政策\n一、适用产业\n投资项目需符合国家产业政策。\n二、用地优惠\n对投资1亿元以上的项目给予用地支持。\n")
    assert ([label for label, _ in _measures(purpose)], [label for label, _ in _measures(industries)]) == (["2"], ["二"])


_INSTRUCTION = data("measures")["cover_instruction"]


@pytest.mark.parametrize("item,instruction", [(e, True) for e in _INSTRUCTION["examples"]]
                         + [(e, False) for e in _INSTRUCTION["counter_examples"]])
def test_a_cover_letters_instructions_to_its_recipients_are_told_from_measures(item, instruction):
    text = f"某区人民政府办公室关于印发重点工作任务分工的通知\n各部门:\n现将任务分工印发给你们,并提出以下意见:\n{item}\n二、其他事项\n对新引进的企业给予奖励。\n"
    found = [title for _, title in _measures(text, model=False)]      # the rule table's own examples
    assert (not any(item.endswith(t) or t in item for t in found)) is instruction


def test_a_years_work_points_printed_on_their_own_are_its_tasks():
    text = ("某河发〔2023〕2号\n某市2023年实施河湖长制工作要点\n2023年,全市河湖长制工作要全面贯彻有关精神。\n"
            "一、持续深入推动水污染防治工作\n1.巩固提升国考断面整治成效。编制实施年度攻坚工作方案。\n"
            "2.强力推进城镇生活污水处理提质增效。新建城镇污水管网99.4公里。\n")
    assert [label for label, _ in _measures(text)] == ["1", "2"]


def test_a_letters_list_of_attachments_is_no_item_of_its_own_so_the_attached_rules_are_read():
    text = ("各市(地)工信、财政主管部门:\n为更好落实《若干政策措施》有关实施细则,现印发给你们。\n"
            "附件:1.某省工业互联网省级补助奖励政策实施细则\n2.某省试点示范奖励政策实施细则\n某省工业和信息化厅\n"
            "2025年1月2日\n附件1\n某省工业互联网省级补助奖励政策实施细则\n第一章 总 则\n"
            "第一条 为加快推动工业互联网项目做大做强,依据有关规定,制定本细则。\n"
            "第二条 对获得专项资金支持项目的牵头单位,省级财政给予补助,最高不超过500万元。\n")
    assert [label for label, _ in _measures(text)] == ["第二条"]


@pytest.mark.parametrize("heading", ["起草背景", "目标和要求", "表彰奖励范围和要求", "实施区域和补贴对象", "奖励对象及条件",
                                     "资金来源及使用原则"])
def test_a_drafting_background_or_aims_and_requirements_heading_is_framework(heading):
    text = f"某县电子商务扶持办法\n一、{heading}\n为促进电子商务发展,结合我县实际。\n二、扶持内容\n对新开设网店的企业给予补贴1万元。\n"
    assert [label for label, _ in _measures(text)] == ["二"]


@pytest.mark.parametrize("heading", ["简化审批程序", "优化办事流程"])
def test_a_reform_item_that_simplifies_a_procedure_is_a_measure(heading):
    text = f"某县优化营商环境若干措施\n一、{heading}\n将企业开办时间压缩至1个工作日以内(责任单位:县市场监管局)。\n" \
           f"二、降低用地成本\n对新引进的工业项目给予用地补贴50万元(责任单位:县自然资源局)。\n"
    assert [label for label, _ in _measures(text)] == ["一", "二"]


def test_a_scans_hyphen_for_the_first_items_one_opens_the_series():
    text = ("某市关于全面促进畜牧业高质量发展的意见\n一、重点任务\n(-)优化养殖区域布局。对新建规模养殖场给予补助10万元。\n"
            "(二)推进标准化养殖。对改造提升的养殖场给予补助5万元。\n")
    assert [label for label, _ in _measures(text)] == ["(-)", "(二)"]


def test_a_notices_table_of_tasks_with_a_unit_column_gives_its_rows_as_measures():
    text = ("某县人民政府办公室关于对2016年民生实事进行重点督办的通知\n各乡镇人民政府,县级各部门:\n"
            "现将2016年民生实事目标任务分解如下,请抓好落实。\n附件\n2016年民生实事目标任务分解表\n序号\n民生实事\n责任单位\n完成时限\n"
            "1\n新建2座人行天桥。\n县住建局\n9月投入使用\n2\n启动县图书馆新馆建设。\n县文体广新局\n县代建中心\n12月底前\n")
    assert _measures(text) == [("1", "新建2座人行天桥"), ("2", "启动县图书馆新馆建设")]


def test_items_of_a_duties_heading_that_open_with_the_body_in_charge_are_measures():
    text = ("某市辽河生态封育实施方案\n一、目标任务\n巩固河流自然封育成果。\n二、责任分工\n生态封育工作由有关乡镇承担主体责任。\n"
            "(一)市财政局负责生态封育资金拨付、使用指导和监督。\n(二)市公安局负责维护社会治安秩序,为生态封育提供保障。\n"
            "三、工作要求\n按有关要求,强化组织领导。\n")
    assert [label for label, _ in _measures(text)] == ["(一)", "(二)"]


def test_an_untitled_cover_letters_instructions_give_way_to_the_items_of_the_document_it_issues():
    text = ("各区人民政府,市人民政府各部门:\n《2022年目标任务责任分解方案》已经市人民政府同意,现印发给你们,并就有关事项通知如下。\n"
            "一、加强工作统筹,科学制订办理方案。各责任单位要逐个研究。\n二、层层压实责任,积极推进办理工作。各责任单位要负总责。\n"
            "某市人民政府办公厅\n2022年1月22日\n2022年目标任务责任分解方案\n一、经济社会发展主要预期目标\n"
            "(一)地区生产总值增长7.5%。(牵头单位:市发改委;责任单位:各区人民政府)\n(二)城镇新增就业20万人。(牵头单位:市人社局)\n")
    assert [label for label, _ in _measures(text)] == ["(一)", "(二)"]


def test_a_notice_whose_items_each_change_a_policys_terms_states_measures():
    text = ("关于调整我市住房公积金有关使用政策的通知\n各住房公积金缴存单位、缴存职工:\n"
            "经市住房公积金管理委员会研究同意,现将相关事项通知如下:\n1、上调我市住房公积金贷款最高额度\n"
            "单职工缴存住房公积金的,最高额度调整为50万元,双职工缴存的,最高额度调整为65万元。\n"
            "2、调整住房公积金贷款额度计算倍数\n住房公积金贷款额度由缴存余额15倍调整为25倍。\n本通知自发布之日起执行。\n")
    assert [label for label, _ in _measures(text, model=False)] == ["1", "2"]


def test_an_untitled_notices_support_heading_gives_its_items_as_measures():
    text = ("各区商务局,有关单位:\n为促进消费增长,对全市商场、商街品质提升项目给予资金支持,有关事项通知如下。\n一、支持范围\n"
            "在本市注册、从事商贸流通业经营的企业。\n二、支持方向及标准\n"
            "(一)支持商业企业升级改造。补助资金比例不超过审定实际投资总额的10%。单个项目补助金额不超过500万元。\n"
            "(二)支持商业步行街高质量发展。对符合条件的商业步行街单个项目奖励资金不超过200万元。\n")
    assert [label for label, _ in _measures(text, model=False)] == ["(一)", "(二)"]


def test_the_rows_of_a_task_table_run_together_on_one_line_are_its_measures_with_their_units():
    from pipeline.tagging.flow import tag_text
    text = ("《重点任务责任分工表.docx》由会员分享,可在线阅读,更多相关《重点任务责任分工表.docx(3页珍藏版)》请在文库上搜索。\n"
            "某市垃圾分类重点任务责任分工表序号工作内容目标任务责任单位备注1加强垃圾分类宣传发动,开展入户宣传。"
            "年底前知晓率达90%以上。市委宣传部、市城管委,市住建局等部门,各区县政府2完善回收利用体系,优化回收设施布局。"
            "年底前基本建成回收体系。市商务局,市住建局、市发改委,各区县政府\n")
    s = parse_structure(text)
    assert (s.meta.title, s.meta.doc_type) == ("某市垃圾分类重点任务责任分工表", None)
    assert _measures(text) == [("1", "加强垃圾分类宣传发动,开展入户宣传"), ("2", "完善回收利用体系,优化回收设施布局")]
    units = [m.responsible for m in tag_text(text).measures]
    assert units == [["市委宣传部", "市城管委", "市住建局"], ["市商务局", "市住建局", "市发改委"]]


def test_a_notice_issuing_an_emergency_plans_detailed_rules_states_no_measures():
    text = ("某市人民政府办公厅关于印发某市自然灾害救助应急预案细则的通知\n各县(市、区)人民政府:\n"
            "现将《某市自然灾害救助应急预案细则》印发给你们,请认真贯彻执行。\n某市人民政府办公厅\n2024年6月11日\n"
            "一、组织指挥体系\n(一)市减灾委职责\n市减灾委负责组织、领导全市自然灾害救助工作。\n"
            "(二)市应急管理局职责\n市应急管理局会同市财政局下拨救灾资金。\n")
    assert _measures(text) == []


def test_a_definition_without_its_的_is_a_rules_clause():
    text = ("某省救灾储备物资管理办法\n第一条 省财政厅每年安排救灾物资采购资金。\n"
            "第二条 本办法中救灾储备物资是指各级财政部门安排资金采购的物资。\n")
    assert [label for label, _ in _measures(text)] == ["第一条"]


def test_a_digest_run_on_one_line_with_its_title_gives_its_articles():
    text = ("某区人民政府办公室2023年4月24日某区会展业促进管理办法第一章总则第一条为规范我区会展活动,"
            "第四章扶持奖励第十二条建立会展业发展专项资金:1.由区政府出资1000万元建立专项资金,"
            "第十三条会展业发展专项资金主要用途:对在本区举办的会展活动主办方给予资助,最高50万元,")
    assert [label for label, _ in _measures(text)][:1] == ["第十二条"]


def test_an_article_run_on_after_its_chapters_title_opens_an_item():
    text = ("某市高新技术产业开发区管理条例\n第一章  总则第一条 为加快高新区建设,制定本条例。第二条 本条例适用于高新区。"
            "第三条 鼓励企业在高新区投资兴办高新技术企业,对新办企业给予开办补助5万元。\n"
            "第二章  管理与服务第四条 市工商、税务、公安等行政管理部门,在高新区设立派出机构。\n")
    s = parse_structure(text)
    assert [x.label for x in s.sections] == ["第一章", "第一条", "第二条", "第三条", "第二章", "第四条"]


def test_a_standards_document_printed_on_its_own_lists_its_terms_as_measures():
    text = ("某县义务教育阶段学校课后服务收费标准\n发布时间:2022-11-23\n"
            "根据市发展改革委有关文件规定,现将我县课后服务收费标准公示如下:\n一、课后服务收费标准\n"
            "1、城区:小学每生每学期315元;初中每生每学期360元。\n2、乡镇中小学按城区同类学校收费标准的80%执行。\n"
            "二、课后服务接收范围\n课后服务接收范围为本县公办中小学校。\n")
    s = parse_structure(text)
    assert (s.meta.doc_type, s.kind) == ("标准", "measures")
    assert [label for label, _ in _measures(text, model=False)][:2] == ["1", "2"]


def test_a_housing_fund_notice_floating_a_ceiling_up_states_measures():
    text = ("关于调整住房公积金有关使用政策的通知\n市住房公积金管理服务中心:\n决定调整我市住房公积金有关使用政策,具体通知如下:\n"
            "一、职工首次申请住房公积金贷款购买首套住房,其单人最高贷款额度由30万元上浮至40万元。\n"
            "二、符合保底贷款条件的职工,其单人最高贷款额度由15万元上浮至20万元。\n"
            "三、本通知自2022年5月1日起执行。\n某市住房公积金管理委员会\n2022年4月28日\n")
    assert [label for label, _ in _measures(text)] == ["一", "二"]


def test_a_task_list_grouped_by_department_has_each_departments_items_as_its_measures():
    text = ("某省新农村建设工程实施方案\n十七、省广播电视局\n(一)全省农村有线电视入户率达到55%,其中试点村达到60%。\n"
            "(二)扩大农村地区中央一套、省一套广播节目覆盖。\n十八、省农业开发办\n(一)完成中低产田改造面积200万亩,全部建成绿色食品基地。\n"
            "(二)建设现代农业示范区10个。\n(三)治理水土流失")
    assert [label for label, _ in _measures(text, model=False)] == ["(一)", "(二)", "(一)", "(二)", "(三)"]


def test_the_items_of_a_heading_are_its_measures_though_the_excerpt_cuts_its_last_sibling():
    text = ("关于鼓励引进高层次人才的八条措施\n为加大引进高层次人才的力度,现提出以下扶持措施:\n一、给予引进的高层次人才奖励\n"
            "(一)从境外引进的人才,经认定为A、B、C类人才,落地后分别给予300万、150万、75万奖励(以上含高新区配套的50%奖励)。\n"
            "(二)从境内引进的人才,经认定为A、B、C类人才,落地后分别给予150万、75万、40万奖励(以上含高新区配套的50%奖励)。\n"
            "二、住房保障\n(一)在高新区工作满2年的高层次人才,购买人才共有产权住房给予30%购房补贴。\n"
            "(二)在高新区工作的各类人才,可申请高新区酒店式人才公寓。\n三、给予经认定的企业各类高层次人才奖励\n对企业引进")
    assert [label for label, _ in _measures(text, model=False)][:2] == ["(一)", "(二)"]


@pytest.mark.parametrize("heading", ["建设国家级创业型城市的指导思想和总体要求", "指导思想、基本原则和发展目标",
                                     "充分认识发展民族教育在现代化建设中的重要地位"])
def test_framework_words_after_what_they_frame_head_no_measure(heading):
    text = (f"某市关于建设创业型城市的实施意见\n一、{heading}\n坚持以科学发展观为指导,树立政府创造环境理念。\n"
            "二、加大创业扶持力度\n对首次创办小微企业的,给予一次性创业补贴5000元。\n"
            "三、优化创业服务\n对创业孵化基地给予运营补贴10万元。\n")
    assert [label for label, _ in _measures(text, model=False)] == ["二", "三"]


def test_an_articles_items_giving_bodies_what_they_are_and_their_duties_are_its_measures():
    text = ("某区商务高质量发展专项资金管理办法\n第一章 总则\n第一条 目的和依据\n为规范专项资金管理,制定本办法。\n"
            "第四条 部门职责\n(一)区商务委为全区外资、贸易、商业等领域行政管理部门,负责专项资金的项目管理和绩效评价。\n"
            "(二)区财政局为区级财政预算的行政管理部门,负责落实专项资金的预算安排及资金保障工作。\n")
    assert [label for label, _ in _measures(text, model=False)] == ["(一)", "(二)"]


def test_an_announcement_setting_assistance_standards_in_every_item_has_them_as_measures():
    text = ("某市民政局关于调整提高城乡居民最低生活保障标准的公告\n根据市人民政府批复,标准调整如下:\n"
            "一、将城市居民最低生活保障标准统一调整为每人每月770元。\n"
            "二、将城市特困人员基本生活保障标准统一调整为每人每月1010元。\n某市民政局\n2022年12月13日\n")
    assert [label for label, _ in _measures(text, model=False)] == ["一", "二"]


def test_conditions_listed_inline_under_a_support_are_its_bands_though_its_units_line_follows_them():
    text = ("关于应对疫情促进商业消费增长的措施\n为促进消费增长,制定以下措施:\n"
            "一、鼓励零售企业开展“互联网+”业务。对网络交易额满足以下条件之一的零售企业,给予最高10万元、20万元奖励:"
            "(1)销售额达到500万元、1000万元以上;(2)农产品销售额达到300万元、600万元以上。\n"
            "责任单位:市商务局、市教育局\n")
    assert [label for label, _ in _measures(text, model=False)] == ["一"]
    from pipeline.tagging.flow import tag_text
    assert [(m.label, m.responsible) for m in tag_text(text).measures] == [("一", ["市商务局", "市教育局"])]


def test_targets_under_a_framework_heading_each_closed_by_its_units_are_measures():
    text = ("某市人民政府关于印发2007年市政府工作主要任务责任分解的通知\n各县(市)区人民政府:\n现予印发,请认真贯彻执行。\n"
            "二○○七年六月四日\n2007年市政府工作主要任务责任分解\n一、主要目标\n"
            "1.地区生产总值增长12%。\n全市生产总值达到3260亿元,增长12%。(市发改委)\n"
            "2.财政一般预算收入增长12%。\n全市财政一般预算收入623亿元。(市财政局)\n"
            "3.二氧化硫排放量下降10%。(市经委、环保局)\n")
    assert [label for label, _ in _measures(text, model=False)] == ["1", "2", "3"]


def test_a_task_list_covers_call_to_work_together_is_no_measure():
    text = ("某市人民政府办公室关于印发2026年市政府工作报告重点目标任务清单的通知\n各县、区人民政府:\n"
            "经市政府同意,现将《清单》印发给你们。请各县区、各单位认真对照,抓好落实。\n"
            "一、完善工作机制,压实落实责任\n各县区、各部门要全面构建高效落实机制。\n"
            "二、加强协同配合,凝聚工作合力\n牵头部门需切实发挥牵头抓总的作用。\n")
    assert _measures(text) == []


def test_the_opening_of_a_call_for_applications_is_read_a_bounded_way_back():
    pattern = data("measures")["application_calls"]["opening_pattern"]
    assert re.search(r"(?<!\\)[*+]", pattern) is None, "an unbounded run makes a text without a stop scan back to its start"
    text = "有关单位:\n" + "为支持企业发展" * 20 + ",现决定组织开展2026年技术改造专项申报工作,现将有关事项通知如下:\n" + CALL_ITEMS
    assert _measures(text) == []


def test_an_article_whose_bands_each_set_a_rate_is_the_measure_with_its_closing_units():
    text = ("某区人才振兴10条\n第一条 购房补贴政策\n对驻区企业全职新引进的人才,购置新建商品住房,可在享受省、市人才政策的基础上"
            "叠加享受一次性购房补贴。\n"
            "(一)对正高级专业技术职称人员,按购房款3%给予一次性购房补贴;\n"
            "(二)对副高级专业技术职称人员,按购房款1%给予一次性购房补贴。\n"
            "[牵头单位:区住房和城乡建设局,责任单位:区财政局]\n"
            "第二条 安居保障政策\n对符合条件的人才,给予减免人才公寓租金。\n")
    s = parse_structure(text)
    assert [m.label for m in select_measures(s, text, model=False)] == ["第一条", "第二条"]


def test_an_articles_headed_parts_with_items_of_their_own_are_read_one_by_one():
    text = ("某县招商引资奖励办法\n第二条 引进项目资金的奖励条件和标准\n(一)引进并形成固定资产投资的项目资金的奖励\n"
            "1、引进工业类项目资金:投资在100万元以上的项目,按实际投资额的1%给予奖励。\n"
            "2、引进流通经营性项目资金:投资在100万元以上的项目,按实际投资额的1%给予奖励。\n"
            "(二)引进但不形成固定资产投资的项目资金的奖励\n引进收购本县企业的项目,按收购资金的1%给予奖励。\n")
    s = parse_structure(text)
    labels = [m.label for m in select_measures(s, text, model=False)]
    assert "第二条" not in labels and "(二)" in labels


def test_an_untitled_page_of_tasks_whose_items_open_with_their_lead_unit_is_a_policy():
    text = ("1、在兰州设立综合配套改革试验区事宜\n由杨志武副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案。\n"
            "2、大气污染成因及防治对策研究项目\n由吴继德副市长负责,市环保局牵头,相关部门配合,尽快完成报批工作。\n")
    s = parse_structure(text)
    assert s.kind == "measures" and [m.label for m in select_measures(s, text, model=False)] == ["1", "2"]


def test_an_article_of_principles_is_a_rules_clause_though_it_speaks_of_awards():
    text = ("某县招商引资奖励办法\n第一条 奖励对象\n凡引资人引荐投资项目的,对引资者给予奖励。\n第二条 奖励原则\n"
            "(一)分类奖励原则。对公务员引资者以精神奖励为主。\n(二)分行业项目奖励原则。对引进两类项目的按不同标准给予奖励。\n"
            "第三条 奖励标准\n引进工业项目投资1000万元以上的,给予5万元奖励。\n")
    s = parse_structure(text)
    assert "第二条" not in [m.label for m in select_measures(s, text, model=False)]


def test_an_article_listing_the_fields_a_zone_develops_first_is_scope():
    text = ("某高新区动漫产业鼓励办法\n第三条 高新区动漫企业重点发展的领域包括动漫原创生产、游戏制作等。\n"
            "第四条 对原创动漫精品项目,予以最高不超过200万元的项目启动资金。\n")
    s = parse_structure(text)
    assert [m.label for m in select_measures(s, text, model=False)] == ["第四条"]


@pytest.mark.parametrize("article", [
    "第二条 高级人才奖励项目是指受奖励人一次性获得奖励金额超过1万元(含)的人才奖励项目。",
    "第二条 奖励的范围和对象包括省内外为我省新科技的研究开发作出突出贡献的人员。",
    "第三条 引滦水源保护工程专项资金来源为征收的水资源费和水费附加。",
])
def test_an_article_defining_a_term_its_scope_or_a_funds_source_is_no_measure(article):
    text = ("某市奖励办法\n第一条 为加强管理,制定本办法。\n" + article + "\n"
            "第四条 对获得一等奖的,给予奖励10万元。\n第五条 对获得二等奖的,给予奖励5万元。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text, model=False)] == ["第四条", "第五条"]


def test_an_articles_items_that_each_name_their_lead_unit_are_the_measures_though_each_sets_an_amount():
    text = ("某区促进工业高质量发展八条措施\n第一条 转型升级扶持\n"
            "(一)对已投产工业企业实施的技术改造项目,给予单个项目设备购置金额不超过10%且最高不超过1000万元的补助。"
            "(牵头单位:区经济信息委,配合单位:各镇街)\n"
            "(二)对新获得市级数字化车间认定的工业企业给予20万元的一次性奖励。(牵头单位:区经济信息委)\n"
            "第二条 成长壮大扶持\n对首次成功申报为规上工业企业的,给予10万元奖励。(牵头单位:区统计局)\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text, model=False)] == ["(一)", "(二)", "第二条"]


def test_a_purpose_article_naming_the_rules_it_makes_is_no_measure():
    text = ("某县禁止燃放烟花爆竹补充规定\n第一条 根据大气污染防治工作的需要,结合我县实际,特制定某县禁止燃放烟花爆竹补充规定。\n"
            "第二条 县公安局负责全县禁止燃放烟花爆竹的监督管理工作。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text, model=False)] == ["第二条"]


def test_an_article_on_how_long_the_rules_or_their_fund_run_is_no_measure():
    text = ("某省大气污染防治资金管理办法\n第一条 为规范资金管理,制定本办法。\n第二条 防治资金由省财政厅会同省生态环境厅管理。\n"
            "第三条 防治资金实施期限至2023年。到期后根据需要修订完善。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text, model=False)] == ["第二条"]


def test_items_under_a_heading_on_a_works_significance_are_no_measures_even_for_the_chooser():
    path = ROOT / "corpora" / "real" / "raw" / "guizhou-2019-measures-yidi-banqian-houxu-gongzuo-yijian.txt"
    text = extract(path).text          # 一、深刻认识…的重大意义 (一)…是…的必然要求 (二)…, cut there: blind round h476
    assert select_measures(parse_structure(text), text) == []


def test_a_plans_period_and_its_contacts_are_no_measures():
    text = ("砚山县草原生态保护补助奖励政策实施方案\n一、补助对象\n承包草原的农牧户。\n二、补助标准\n禁牧补助每亩每年7.5元。\n"
            "三、实施时限与进度安排\n2019年6月底前完成发放。\n四、办事受理单位和地址、联系方式\n县农业农村局草原站,电话0876-3121234。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text)] == ["二"]


def test_an_article_naming_a_stacking_rule_before_the_support_it_gives_is_a_measure():
    text = ("喀什文化旅游扶持发展资金管理暂行办法\n第一条  设立文化旅游扶持发展资金2500万元。\n"
            "第二条  鼓励开展星级宾馆申报创建达标活动,评定为国家5星级、4星级宾馆的,当年分别扶持30万、20万元。\n"
            "第三条  鼓励影视企业到喀什市取景和拍摄文化旅游类影视作品。对下列情况可重复申请的扶持项目,经审核通过后,"
            "按“就高原则”给予扶持。\n在各大院线上映,影评达到4星及以上的电影给予50万元扶持;在央视播放的电视连续剧每集给予1万元扶持。\n"
            "第四条  同一项目符合多项扶持条件的,按就高原则给予扶持,不重复享受。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text)] == ["第一条", "第二条", "第三条"]


def test_an_item_saying_only_that_its_rules_are_made_elsewhere_is_no_measure():
    text = ("文化旅游、民航运输产业扶持政策\n一、旅游品牌创建奖励。鼓励各县市、各单位开展国家级、自治区级旅游品牌创建。\n"
            "1.对首次评为国家 5A、4A 级旅游景区的,一次性分别给予100 万元、50 万元奖励。\n"
            "2.对首次评定为五星、四星级旅游饭店,分别一次性给予 20万元、10 万元奖励。\n"
            "3.旅游民宿奖励支持办法另行规定。\n4.对经过一定经营年限后晋级的品牌,按标准补发差额。\n")
    st = parse_structure(text)
    assert "3" not in [s.label for s in select_measures(st, text)]


def test_an_article_label_misprinted_with_its_look_alike_is_read():
    text = ("北京市重点旅游项目奖励和贷款贴息实施细则\n第十三条 对获得国家级旅游品牌的项目给予一次性奖励100万元。\n"
            "笫十四条 市财政局会同市文化和旅游局对奖励资金管理使用情况实施绩效评价,对绩效优秀的区给予50万元奖励。\n")
    st = parse_structure(text)
    assert [s.label for s in st.sections] == ["第十三条", "笫十四条"]
