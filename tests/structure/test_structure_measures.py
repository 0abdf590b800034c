"""Which sections are measures, and which the excerpt cuts off."""
import pytest

from pipeline.structure import measure_truncated, parse_structure, select_measures
from pipeline.evaluate import same_heading
from tests.structure.structure_corpus import DOCS, gold, norm, raw


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
