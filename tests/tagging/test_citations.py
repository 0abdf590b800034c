"""tag_citations: 《…》 titles with nested 〈〉/<>, the doc number after them, noise and line breaks left out."""
from __future__ import annotations

import pytest

from pipeline.tagging.citations import tag_citations
from tests.corpus import raw_text


@pytest.mark.parametrize("text, expected", [
    ("推动《湖南省人民政府辦公廳印發<關于打好經濟增長主動仗若干政策措施>的通知》(湘政辦發〔2023〕4號)文件落地",
     [("湖南省人民政府辦公廳印發<關于打好經濟增長主動仗若干政策措施>的通知", "湘政辦發〔2023〕4號")]),
    ("印发《懷化市貫徹落實〈關于打好經濟增長主動仗的若干政策措施〉實施方案》的通知",
     [("懷化市貫徹落實〈關于打好經濟增長主動仗的若干政策措施〉實施方案", None)]),
    ("贯彻落实《国务院关于加强政务诚信建设的指导意见》（国发〔2016〕76号）要求，依据《上海市社会信用条例》",
     [("国务院关于加强政务诚信建设的指导意见", "国发〔2016〕76号"), ("上海市社会信用条例", None)]),
    ("以《关于帮助解决调研工作经费的请示》(文市协办请〔2019〕1号)报请", [("关于帮助解决调研工作经费的请示", "文市协办请〔2019〕1号")]),
    ("根据《浙江省人民政府关于推动经济高质量发展的若干意见》（浙政发 〔2024〕 5 号）", [
        ("浙江省人民政府关于推动经济高质量发展的若干意见", "浙政发〔2024〕5号")]),
    ("您提出的《关于支持工业园区发展的建议》(第767 号)收悉", [("关于支持工业园区发展的建议", None)]),
    ("首次通过《创新管理-知识产权管理指南(ISO56005)》国际标准认证", [("创新管理-知识产权管理指南(ISO56005)", None)]),
    ("文件截断于《关于推动", []),
])
def test_citations(text, expected):
    ents = tag_citations(text)
    assert [(e.attrs["title"], e.attrs["doc_number"]) for e in ents] == expected
    assert all(e.label == "CITATION" and text[e.start:e.end] == e.text for e in ents)


def test_pinyin_noise_and_line_breaks_stay_in_the_span_not_in_the_title():
    text = "貫徹落實《國務院關(guān)于加強(qiáng)政務(wù)誠信建設(shè)的指導(dǎo)意見》(國發(fā)〔2016〕76號)要求"
    (e,) = tag_citations(text)
    assert e.attrs == {"title": "國務院關于加強政務誠信建設的指導意見", "doc_number": "國發〔2016〕76號"}
    assert e.text.startswith("《國務院關(guān)于") and e.text.endswith("76號)")
    (b,) = tag_citations("印发《中山市推动工业企业加快实施技术改造若干措\n\n施》，鼓励")
    assert b.attrs["title"] == "中山市推动工业企业加快实施技术改造若干措施"


def test_corpus_reply_cites_the_proposal_title():
    titles = [e.attrs["title"] for e in tag_citations(raw_text("zs-2024-reply-133089"))]
    assert titles[0] == "关于构建“双循环”背景下的中山制造业高质量发展新格局的建议"
    assert "中山市商务局关于印发中山市跨境电商出口品牌企业认定办法（试行）的通知" in titles
