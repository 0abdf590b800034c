"""Robustness round 3: ten long excerpts of other places and years (tests/fixtures/probe_structure3),
scored like the dev set, and the structure rules that round 3 and the tagging probes made us fix."""
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.structure import parse_reply, parse_structure, select_measures
from pipeline.structure.measures import closed_by_units, is_support_content

PROBES = Path(__file__).resolve().parent.parent / "fixtures" / "probe_structure3"
PROBE_IDS = sorted(p.stem for p in PROBES.glob("*.json"))


PROBE_SET = "probe_structure3"


def test_probe3_set_is_complete():
    assert len(PROBE_IDS) == 10
    assert all((PROBES / f"{d}.txt").exists() for d in PROBE_IDS)


@pytest.mark.parametrize("field,floor", [("measure", 0.95), ("response", 0.95), ("responsible", 0.95),
                                         ("money", 0.95), ("cap", 0.9), ("rate", 0.85), ("agency", 0.9)])
def test_probe3_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_probe3_meta_and_proposal_floors(figures):
    assert all(v >= 0.95 for v in figures["meta_accuracy"].values()), figures["meta_accuracy"]
    assert figures["proposal_accuracy"] >= 0.95


def _measures(text):
    s = parse_structure(text)
    return [(m.label, m.title) for m in select_measures(s, text)]


def _statuses(section_text):
    text = ("某市商务局关于市政协十三届二次会议第58号提案的答复\n李明委员：\n您提出的《关于促进消费的提案》收悉，现答复如下：\n"
            f"{section_text}\n某市商务局\n2022年6月1日\n")
    s = parse_structure(text)
    return [r.status for r in parse_reply(text, s).responses]


# ---------------------------------------------------------------- statuses
@pytest.mark.parametrize("section,status", [
    ("一、关于提高创业补贴标准的建议\n我局将会同市财政局进行测算，适时调整。（正在研究）", "正在研究"),
    ("一、关于打造夜间经济集聚区的建议\n2021年以来，我市已培育集聚区12个。该建议已采纳。", "已采纳"),
    ("一、关于打造夜間經濟集聚區的建議\n2021年以來，我市已培育集聚區12個。該建議已採納。", "已採納"),
    ("一、关于同步推进加装电梯的问题\n该提案所提建议我局列入计划逐步解决。对符合条件的给予补贴。", "列入计划逐步解决"),
    ("一、关于建设智慧停车平台的建议（纳入计划逐步解决）\n市城管局已启动前期研究。", "纳入计划逐步解决"),
    ("一、关于扩大学位供给的建议\n办理结果：正在推进。今年新建小学2所。", "正在推进"),
    ("一、关于加强监管的建议\n全市已建成站点12个。建议采纳后效果明显。", None),
    ("一、关于加强监管的建议\n全市已建成站点12个。下一步将继续推进。", None),
])
def test_status_phrasings(section, status):
    assert _statuses(section) == [status]


# ---------------------------------------------------------------- rules clauses
@pytest.mark.parametrize("clause", [
    "第二条　同一展会同时符合本细则多项条款的，按照就高原则给予支持，不重复享受。",
    "第二條　同一項目同時符合本辦法多項條款的，按照就高原則給予支持。",
    "第二条　同一企业同一事项符合多项政策的，给予支持但不得重复享受。",
])
def test_stacking_rules_are_not_measures(clause):
    text = f"某市促进会展业发展实施细则\n第一条　对新引进的展会，给予奖励20万元。\n{clause}\n"
    assert [label for label, _ in _measures(text)] == ["第一条"]


# ---------------------------------------------------------------- calls for applications
@pytest.mark.parametrize("heading,expected", [
    ("扶持内容和标准", True), ("支持内容及标准", True), ("奖补标准", True), ("补贴标准和方式", True),
    ("扶持对象", False), ("申报程序", False), ("其他事项", False),
])
def test_support_content_headings(heading, expected):
    assert is_support_content(heading) is expected


@pytest.mark.parametrize("numbering", [("（一）", "（二）"), ("1.", "2.")])
def test_items_under_a_support_heading_are_the_measures_of_a_call_notice(numbering):
    a, b = numbering
    text = ("某县农业农村局关于组织申报2024年度农业产业化扶持资金的通知\n各乡镇人民政府：\n现将有关事项通知如下：\n"
            "一、扶持对象\n在本县注册登记的农业企业。\n二、扶持内容和标准\n"
            f"{a}新建大棚。对新建连栋大棚10亩以上的，按每亩1万元给予补助。\n"
            f"{b}品牌建设。对新获得省级品牌的，奖励5万元。\n"
            "三、申报程序\n申报主体向所在乡镇提出申请。\n某县农业农村局\n2024年3月8日\n")
    labels = [label for label, _ in _measures(text)]
    assert labels == [a.rstrip("."), b.rstrip(".")]


def test_a_notice_without_a_support_heading_has_no_measures():
    text = ("某市财政局关于做好2024年预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度\n"
            "（一）加快拨付。对已下达的资金，要及时拨付。\n二、工作要求\n各区要高度重视。\n某市财政局\n2024年1月5日\n")
    assert _measures(text) == []


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


# ---------------------------------------------------------------- stacking and funding items
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


# ---------------------------------------------------------------- a title below a breadcrumb
@pytest.mark.parametrize("site", ["某市人民政府", "某某县人民政府门户网站"])
def test_title_is_not_joined_with_the_site_name_over_a_breadcrumb(site):
    text = (f"{site}\n首页 > 政务公开 > 建议提案办理 > 政协提案答复\n关于市政协十四届五次会议第0157号提案答复的函\n"
            "发布日期：2021-07-20　　来源：某市财政局\n某财函〔2021〕58号\n张三委员：\n您提出的《关于支持小微企业融资的提案》收悉，现答复如下：\n"
            "一、关于设立转贷资金的建议\n该建议已采纳。\n某市财政局\n2021年7月15日\n")
    assert parse_structure(text).meta.title == "关于市政协十四届五次会议第0157号提案答复的函"


def test_an_issuer_line_right_above_the_title_still_joins_it():
    text = ("某县人民政府\n关于加快发展现代农业的意见\n某政发〔2013〕5号\n各乡镇人民政府：\n现提出如下意见。\n"
            "一、扶持龙头企业。对新认定的省级龙头企业给予奖励10万元。\n某县人民政府\n2013年5月20日\n")
    assert parse_structure(text).meta.title == "某县人民政府关于加快发展现代农业的意见"
