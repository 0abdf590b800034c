"""Robustness round 2: documents of other places and years (tests/fixtures/probe_structure2), scored
like the dev set, and the structure rules they and the tagging probes made us fix."""
from pathlib import Path

import pytest

from pipeline.structure import parse_reply, parse_structure, select_measures
from pipeline.structure.chrome import is_chrome

PROBES = Path(__file__).resolve().parent.parent / "fixtures" / "probe_structure2"
PROBE_IDS = sorted(p.stem for p in PROBES.glob("*.json"))


PROBE_SET = "probe_structure2"


def test_probe2_set_is_complete():
    assert len(PROBE_IDS) == 10
    assert all((PROBES / f"{d}.txt").exists() for d in PROBE_IDS)


@pytest.mark.parametrize("field,floor", [("measure", 0.95), ("response", 0.95), ("money", 0.95),
                                         ("cap", 0.95), ("rate", 0.95), ("agency", 0.85),
                                         ("responsible", 0.75)])
def test_probe2_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_probe2_meta_and_proposal_floors(figures):
    assert all(v >= 0.95 for v in figures["meta_accuracy"].values()), figures["meta_accuracy"]
    assert figures["proposal_accuracy"] >= 0.95


def _reply(text):
    s = parse_structure(text)
    return s, parse_reply(text, s)


def _measures(text):
    s = parse_structure(text)
    return [(m.label, m.title) for m in select_measures(s, text)]


# ---------------------------------------------------------------- statuses after a subject
@pytest.mark.parametrize("opening,status", [
    ("该建议已吸收采纳。我局将会同市商务局推进。", "吸收采纳"),
    ("该建议我局吸收采纳。对符合条件的企业给予贴息。", "吸收采纳"),
    ("该建议正在解决。区人社局每年组织培训。", "正在解决"),
    ("此提案已列入计划逐步解决。明年将启动建设。", "列入计划逐步解决"),
    ("本建议已经解决。全市已建成站点12个。", "已经解决"),
    ("該建議已吸收採納。我局將會同縣商務局推進。", "吸收採納"),
    ("部分采纳。2023年，我局出台了办法。", "部分采纳"),
    ("该建议涉及多个部门，我局将积极协调。", None),
])
def test_status_opening_the_first_paragraph_after_its_subject(opening, status):
    text = ("某市商务局关于市十五届人大三次会议第21号建议的答复\n王强代表：\n"
            "您提出的关于促进消费的建议收悉，现答复如下：\n一、关于发放消费券的建议\n"
            f"{opening}\n某市商务局\n2023年6月1日\n")
    _, parts = _reply(text)
    assert [r.status for r in parts.responses] == [status]


# ---------------------------------------------------------------- header and signature
def test_joint_issuer_from_stacked_signature_lines():
    text = ("中共某县委　某县人民政府关于加快民营经济发展的意见\n某发〔2008〕5号\n各乡镇党委、政府：\n现提出如下意见。\n"
            "一、加大财政扶持。县政府每年安排专项资金五百万元。\n中共某县委\n某县人民政府\n2008年3月15日\n")
    m = parse_structure(text).meta
    assert (m.issuer, m.date) == ("中共某县委 某县人民政府", "2008-03-15")


def test_single_signature_is_not_joined_with_the_body():
    text = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            "某市财政局\n2021年1月5日\n")
    assert parse_structure(text).meta.issuer == "某市财政局"


@pytest.mark.parametrize("page_title,title", [
    ("关于市十六届人大五次会议第123号建议的答复", "某市地方金融监督管理局关于市十六届人大五次会议第123号建议的答复"),
    ("某区促进楼宇经济高质量发展实施细则", "某区人民政府办公室关于印发《某区促进楼宇经济高质量发展实施细则》的通知"),
])
def test_web_page_title_gives_way_to_the_documents_own_title(page_title, title):
    text = (f"{page_title}\n发布时间：2020-07-10　浏览次数：326\n{title}\n某政办函〔2020〕21号\n各有关单位：\n"
            "现答复如下：\n一、关于设立资金。已安排资金。\n某市地方金融监督管理局\n2020年7月8日\n")
    assert parse_structure(text).meta.title == title


@pytest.mark.parametrize("line,chrome", [
    ("成都市武侯区人民政府网", True), ("某某县人民政府门户网站", True), ("某市人民政府网站群", False),
    ("某市人民政府", False),
])
def test_site_name_lines_are_chrome(line, chrome):
    assert is_chrome(line) is chrome


# ---------------------------------------------------------------- which items are measures
def test_action_safeguard_leaf_item_is_a_measure_but_not_under_a_framework_heading():
    leaf = ("某县人民政府关于加快民营经济发展的意见\n各镇人民政府：\n现提出如下意见。\n"
            "一、加大财政扶持。对年纳税额首次超过一千万元的民营企业，奖励二十万元。\n"
            "二、加强组织领导。县人大常委会、县政协要加强对政策落实情况的监督检查。\n某县人民政府\n2008年3月15日\n")
    assert _measures(leaf) == [("一", "加大财政扶持"), ("二", "加强组织领导")]
    nested = ("某县人民政府关于加快发展现代农业的意见\n各镇人民政府：\n现提出如下意见。\n一、重点工作\n"
              "（一）扶持龙头企业。对新认定的省级龙头企业给予奖励10万元。\n二、保障措施\n"
              "（一）加强组织领导。成立领导小组，统筹推进工作。\n某县人民政府\n2013年5月20日\n")
    assert _measures(nested) == [("（一）", "扶持龙头企业")]


RULES_TEXT = """某市人民政府办公室关于印发《某市企业技术中心奖励办法》的通知
某政办发〔2022〕12号
各区人民政府：
现将《某市企业技术中心奖励办法》印发给你们，请遵照执行。
某市人民政府办公室
2022年5月10日
某市企业技术中心奖励办法
第一章　总则
第一条　为鼓励企业加大研发投入，支持企业建设技术中心，根据有关规定，制定本办法。
第二条　本办法适用于在本市依法登记注册的工业企业。
第三条　补助对象为本市规模以上工业企业。
第二章　奖励标准
第四条　对新认定的国家级企业技术中心，给予一次性奖励100万元。
第五条　支持技术中心能力提升。
（一）对购置研发设备的，按投资额的10%给予补助；
（二）对新引进博士的，给予每人5万元安家补贴。
第六条　奖励资金按以下程序申报：
（一）企业提出申请；
（二）区工信局初审。
第七条　对骗取奖励资金的，追回已拨付资金。
第三章　附则
第八条　本办法由市工业和信息化局负责解释。
第九条　本办法自印发之日起施行。
"""


def test_articles_that_give_support_are_the_measures_of_a_rules_text():
    assert _measures(RULES_TEXT) == [("第四条", "对新认定的国家级企业技术中心，给予一次性奖励100万元"),
                                     ("第五条", "支持技术中心能力提升")]


def test_chapters_and_articles_form_the_section_tree():
    s = parse_structure(RULES_TEXT)
    by_label = {x.label: x for x in s.sections}
    assert (by_label["第一章"].level, by_label["第一条"].level, by_label["（一）"].level) == (1, 2, 3)
    assert s.sections[by_label["第四条"].parent].title == "奖励标准"


@pytest.mark.parametrize("article", [
    "第二条　本规定所称小微企业，是指符合国家划型标准的企业。",
    "第二条　申请补助资金，应当提交下列材料：营业执照、申请表。",
    "第二条　对弄虚作假的，取消其三年内申报资格。",
    "第二条　本规定自2024年1月1日起施行。",
])
def test_rules_articles_are_not_measures(article):
    text = f"某市促进小微企业发展若干规定\n第一条　对新设立的小微企业，给予开办补贴5000元。\n{article}\n"
    assert [label for label, _ in _measures(text)] == ["第一条"]


def test_a_rules_clause_item_is_not_a_measure():
    text = ("某市加快数字经济发展若干政策\n一、支持数字产业化\n1．鼓励企业做大做强。对营业收入首次突破10亿元的企业，给予奖励50万元。\n"
            "二、附则\n2．本政策与市级其他同类政策有重复的，按照就高不重复原则执行。\n"
            "三、其他\n3．本政策与其他政策重复的，不得重复享受。\n")
    assert [label for label, _ in _measures(text)] == ["1"]


# ---------------------------------------------------------------- attachments after the signature
def test_attachment_items_after_the_signature_are_not_responses():
    text = ("某市人社局关于市十六届人大二次会议第0213号建议办理情况的答复\n张三代表：\n"
            "你们提出的《关于加大就业扶持力度的建议》收悉，现答复如下：\n一、关于落实就业补贴\n该建议已吸收采纳。已发放补贴。\n"
            "某市人力资源和社会保障局\n2022年7月15日\n附件\n建议办理情况征询意见表\n一、办理态度是否满意\n二、办理结果是否满意\n")
    _, parts = _reply(text)
    assert [(r.label, r.status) for r in parts.responses] == [("一", "吸收采纳")]


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


def test_action_safeguard_after_task_groups_is_framework():
    text = ("某市人民政府关于加快发展现代服务业的意见\n各区人民政府：\n现提出如下意见。\n一、总体要求\n到2025年，服务业增加值占比达到60%。\n"
            "二、主要任务\n（一）发展现代物流。对新评定的5A级物流企业给予奖励100万元。\n（二）发展现代金融。对新引进的法人金融机构给予奖励。\n"
            "三、加强组织领导。各区各部门要建立工作机制，抓好贯彻落实。\n某市人民政府\n2020年5月8日\n")
    assert [label for label, _ in _measures(text)] == ["（一）", "（二）"]


def test_bracketed_article_headings_are_the_titles():
    text = ("某市促进总部经济发展若干规定\n第一条【目的依据】为加快总部经济发展，制定本规定。\n"
            "第二条【落户奖励】对新引进的总部企业，按实缴注册资本的1%给予落户奖励，最高1000万元。\n"
            "第三条 [办公用房补贴] 对总部企业购置自用办公用房的，按每平方米1000元给予补贴。\n"
            "第四条【解释】本规定由市发展改革委负责解释。\n")
    assert _measures(text) == [("第二条", "落户奖励"), ("第三条", "办公用房补贴")]
    s = parse_structure(text)
    second = s.sections[1]
    assert text[second.title_start:second.title_end] == "落户奖励"


@pytest.mark.parametrize("line,status", [
    ("办理结果：A类（已解决）。全区已实现课后服务全覆盖。", "已解决"),
    ("办理结果：B类(正在解决)", "正在解决"),
    ("办理结果：留作参考。", "留作参考"),
])
def test_status_after_a_result_cue_with_a_category(line, status):
    text = ("关于区政协五届二次会议第58号提案的答复\n李明委员：\n您提出的《关于加强课后服务的提案》收悉。现答复如下：\n"
            f"一、关于扩大课后服务覆盖面\n{line}\n某区教育局\n2021年7月2日\n")
    _, parts = _reply(text)
    assert [r.status for r in parts.responses] == [status]


def test_an_article_setting_a_duty_is_a_measure_like_one_giving_support():
    text = ("某市物业管理条例\n第一条　为了规范物业管理活动，制定本条例。\n"
            "第二条　对业主大会的筹备工作，街道办事处应当给予指导和协助。\n"
            "第三条　对新建住宅小区配建的公共充电设施，给予每个桩500元补助。\n"
            "第四条　物业管理应当遵循业主自治、专业服务的原则。\n")
    assert [label for label, _ in _measures(text)] == ["第二条", "第三条"]


def test_attachment_after_a_one_line_signature_is_cut():
    text = ("某市商务局关于市人大第8号建议的答复\n张三代表：\n您提出的关于外贸发展的建议收悉，现答复如下：\n"
            "一、关于出口信用保险\n该建议已采纳。\n某市商务局　2022年4月20日\n附件1\n征询意见表\n一、办理态度\n二、办理结果\n")
    _, parts = _reply(text)
    assert [(r.label, r.status) for r in parts.responses] == [("一", "采纳")]
