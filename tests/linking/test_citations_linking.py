"""Cited titles and doc numbers resolve to ingested documents: number, then title, then a justified similarity."""
from __future__ import annotations

import pytest

from pipeline.linking.citations import (CitationIndex, citation_edges, find_citations, resolve_citations,
                                        subject_and_genre, title_match_min)
from pipeline.linking.summary import DocSummary
from pipeline.types import Meta, Record
from tests.linking.sketch import corpus_records


def _doc(doc_id, title, number=None, date="2023-01-01", text=""):
    return Record(id=doc_id, source={}, meta=Meta(title=title, doc_number=number, date=date), text=text)


INGESTED = [
    _doc("kj", "中山市商务局关于印发中山市跨境电商出口品牌企业认定办法（试行）的通知", "中山商务〔2022〕15号"),
    _doc("wm", "中山市稳外贸促增长若干措施"),
    _doc("xf", "中山市促进消费增长若干措施"),
    _doc("zz", "江门市关于促进制造业高质量发展的若干措施"),
    _doc("jg", "中山市推动工业企业加快实施技术改造若干措施"),
    _doc("zw", "上海市人民政府印发《关于本市加强政务诚信建设的实施意见》的通知", "沪府发〔2017〕92号"),
    _doc("yy", "关于进一步优化营商环境的若干意见"),
]


@pytest.fixture(scope="module")
def index():
    return CitationIndex.build([DocSummary.from_record(r) for r in INGESTED])


# Cited as written -> expected target. Positives differ by wrapper, edition marker, place prefix or script
# and score 1.0 on the subject; the hard negatives share genre and most words but name another policy.
@pytest.mark.parametrize("cited, target", [
    ("《中山市跨境电商出口品牌企业认定办法（试行）》", "kj"),
    ("《跨境电商出口品牌企业认定办法》", "kj"),
    ("《推动工业企业加快实施技术改造若干措施》", "jg"),
    ("《關于本市加強政務誠信建設的實施意見》", "zw"),
    ("《江门市促进制造业高质量发展若干措施》", "zz"),
    ("沪府发〔2017〕92号", "zw"),
    ("中山商务〔2022〕15号", "kj"),
    ("《中山市促进外贸增长若干措施》", None),
    ("《中山市促进投资增长若干措施》", None),
    ("《关于促进服务业高质量发展的若干措施》", None),      # 0.76 to 制造业: below the 0.85 threshold
    ("《关于进一步优化营商环境的实施方案》", None),        # same subject, another genre
    ("《中山市总部企业认定办法》", None),
])
def test_citation_resolution(index, cited, target):
    citing = _doc("citing", "某文件", date="2024-05-01", text=f"根据{cited}，现通知如下。")
    [c] = resolve_citations(find_citations(citing), index)
    assert c.target_id == target
    if target is None:
        assert c.target_node.startswith("cited:")


def test_threshold_separates_variants_from_other_policies(index):
    subjects = [subject_and_genre(t)[0] for t in ("中山市稳外贸促增长若干措施（2024年修订）",
                                                    "关于促进服务业高质量发展的若干措施")]
    (same, s1), (other, s2) = [near[0] for near in index.similar_subjects(subjects)]
    assert same == "稳外贸促增长" and s1 > 0.99
    assert other == "促进制造业高质量发展" and 0.5 < s2 < title_match_min() == 0.85


def test_a_subject_pair_scores_the_same_whatever_else_is_indexed():
    small = CitationIndex.build([DocSummary.from_record(_doc("a", "关于促进制造业高质量发展的若干措施"))])
    pair = ["关于促进服务业高质量发展的若干措施"]
    [[(_, alone)]] = small.similar_subjects([subject_and_genre(t)[0] for t in pair])
    big = CitationIndex.build([DocSummary.from_record(_doc("a", "关于促进制造业高质量发展的若干措施")),
                               *[DocSummary.from_record(_doc(f"x{i}", f"关于支持第{i}产业发展的若干措施"))
                                 for i in range(30)]])
    score = dict(big.similar_subjects([subject_and_genre(t)[0] for t in pair])[0])["促进制造业高质量发展"]
    assert score == alone


def test_citations_of_the_zhongshan_reply_with_spans_and_own_title_excluded():
    reply = next(r for r in corpus_records() if r.id == "zs-2024-reply-133089")
    cites = find_citations(reply)
    keys = [c.key for c in cites]
    assert "中山市跨境电商出口品牌企业认定办法试行" in keys          # 关于印发《…》的通知 unwrapped
    assert "中山市推动工业企业加快实施技术改造若干措施" in keys     # line break inside the 《》
    assert all(reply.text[c.start:c.end] == c.text for c in cites)
    assert not any("133089号提案答复" in k for k in keys)


def test_repeal_and_replace_cues_and_doc_number_prefix():
    text = ("本规定自2024年3月1日起施行。原《南宁市物业管理办法》（南府发〔2015〕3号）同时废止。"
            "市政府于5月10日下达了文市政复〔2019〕1号批复。")
    cites = find_citations(_doc("n", "南宁市物业管理规定", text=text))
    assert [(c.kind, c.key, c.cue) for c in cites] == [
        ("title", "南宁市物业管理办法", "repeal"), ("doc_number", "南府发20153号", "repeal"),
        ("doc_number", "文市政复20191号", None)]


def test_cites_edges_dedupe_targets_and_keep_every_span(index):
    citing = _doc("c", "某通知", date="2024-05-01", text="按《中山市稳外贸促增长若干措施》执行。详见《中山市稳外贸促增长若干措施》。")
    [edge] = citation_edges(resolve_citations(find_citations(citing), index))
    assert (edge.type, edge.source, edge.target, edge.rule) == ("CITES", "c", "wm", "title")
    assert len(edge.provenance) == 2


def test_citation_listing_both_directions(index):
    from pipeline.linking.citations import citation_listing
    citing = _doc("c", "某通知", date="2024-05-01", text="按《中山市稳外贸促增长若干措施》和《某未收录办法》执行。")
    edges = citation_edges(resolve_citations(find_citations(citing), index))
    cites, cited_by = citation_listing("c", edges)
    assert sorted(e.target for e in cites) == ["cited:某未收录办法", "wm"]
    assert citation_listing("wm", edges)[1][0].source == "c" and cited_by == []
