"""Replies to proposals and suggestions: the proposal, co-handling mentions and responses."""
import pytest

from pipeline.structure import parse_reply, parse_structure
from tests.structure.structure_corpus import DOCS, RAW, gold, norm, raw, similar

REPLIES = [d for d in DOCS if gold(d)["proposal"]]


def test_the_corpus_has_ten_replies():
    assert len(REPLIES) == 10 and "zs-2024-reply-133089" in REPLIES


@pytest.mark.parametrize("doc", REPLIES)
def test_corpus_proposal_matches_gold(doc):
    text = raw(doc)
    parts = parse_reply(text, parse_structure(text))
    g = gold(doc)["proposal"]
    p = parts.proposal
    assert norm(p.number) == norm(g["number"])
    assert norm(p.session) == norm(g["session"])
    assert similar(p.title, g["title"]), (p.title, g["title"])
    assert sorted(map(norm, p.proposers)) == sorted(map(norm, g["proposers"]))


@pytest.mark.parametrize("doc", REPLIES)
def test_corpus_responses_match_gold(doc):
    text = raw(doc)
    parts = parse_reply(text, parse_structure(text))
    got = [(norm(r.label), norm(r.suggestion), r.status) for r in parts.responses]
    want = [(norm(r["label"]), norm(r["suggestion"]), r["status"]) for r in gold(doc)["responses"]]
    assert got == want


def test_non_replies_have_no_reply_parts():
    for doc in DOCS:
        if doc not in REPLIES:
            text = raw(doc)
            assert parse_reply(text, parse_structure(text)) is None, doc


def test_co_handlers_minus_the_replying_unit_with_spans():
    text = (RAW / "zs-2024-reply-133089.txt").read_text(encoding="utf-8")   # the unjoined PDF dump
    parts = parse_reply(text, parse_structure(text))
    assert parts.proposal.co_handlers == ["市发改局", "市科技局", "市工信局", "市人社局", "市市监局", "市金融局",
                                          "中山海关", "市税务局", "中山港海关"]
    assert all(text[m.start:m.end] == m.text for m in parts.co_handler_mentions)
    assert [r.status for r in parts.responses] == ["吸收采纳"] * 4
    assert parts.proposal.replying_unit == "中山市商务局"


def test_co_handlers_named_as_会同办理_and_category():
    text = raw("hengyang-yanfeng-2024-reply-5")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.co_handlers, p.category, p.replying_unit) == (["区民政局", "区财政局"], "B", "衡阳市雁峰区人民政府")


GUANGZHOU = """关于市政协十二届五次会议第20210045号提案答复的函
穗商函〔2021〕88号
（A类）
民建广州市委员会：
　　贵会提出的《关于加快发展跨境电商的提案》收悉。经综合市财政局、市税务局、广州市商务局意见，现答复如下：
　　一、关于“完善跨境电商扶持政策”的建议（已解决）
　　我局已出台扶持政策，对跨境电商企业给予奖励。
　　二、关于“加强人才培养”的建议
　　留作参考。
　　我局将会同市人力资源和社会保障局研究。
　　感谢你们对商务工作的关心和支持。
广州市商务局
2021年6月30日
"""

HUNAN_TRAD = """長沙市岳麓區人民政府
關于區四屆人大第三次會議第12號建議辦理情況的答復
岳政建復〔2023〕7號
劉建國、王芳等代表：
　　你們提出的《關於加快老舊小區改造的建議》已收悉，現答復如下：
　　一、辦理工作的組織情況
　　區住建局牽頭主辦，區財政局會同辦理。
　　二、問題的解決落實情況
　　你們要求區政府加大老舊小區改造資金投入。我們將分步實施。
"""


def test_invented_city_cppcc_reply():
    st = parse_structure(GUANGZHOU)
    parts = parse_reply(GUANGZHOU, st)
    p = parts.proposal
    assert (st.kind, p.number, p.session, p.category) == ("reply", "20210045", "市政协十二届五次会议", "A")
    assert (p.title, p.proposers, p.replying_unit) == ("关于加快发展跨境电商的提案", ["民建广州市委员会"], "广州市商务局")
    assert p.co_handlers == ["市财政局", "市税务局"]
    assert [(r.label, r.suggestion, r.status) for r in parts.responses] == [
        ("一", "完善跨境电商扶持政策", "已解决"), ("二", "加强人才培养", "留作参考")]


def test_invented_traditional_district_congress_reply():
    st = parse_structure(HUNAN_TRAD)
    assert st.meta.title == "長沙市岳麓區人民政府關于區四屆人大第三次會議第12號建議辦理情況的答復"
    assert (st.meta.doc_number, st.meta.doc_type, st.meta.issuer) == ("岳政建復〔2023〕7號", "答复", "長沙市岳麓區人民政府")
    parts = parse_reply(HUNAN_TRAD, st)
    p = parts.proposal
    assert (p.number, p.session, p.proposers) == ("12", "區四屆人大第三次會議", ["劉建國", "王芳"])
    assert p.title == "關於加快老舊小區改造的建議"
    assert p.co_handlers == ["區財政局"]
    assert [(r.label, r.suggestion) for r in parts.responses] == [("一", None), ("二", "加大老舊小區改造資金投入")]


@pytest.mark.parametrize("recipients,proposers", [
    (["蔡先全", "杜姬芳", "陆玲委员"], ["蔡先全", "杜姬芳", "陆玲"]),
    (["唐如伟、李征平等代表"], ["唐如伟", "李征平"]),
    (["尊敬的王建华代表"], ["王建华"]),
    (["民盟文山市基层委员会"], ["民盟文山市基层委员会"]),
    (["九三学社南京市委员会"], ["九三学社南京市委员会"]),
])
def test_proposers_from_recipients(recipients, proposers):
    from pipeline.structure.replies import proposers_of
    assert proposers_of(recipients) == proposers


def test_status_on_its_own_line_and_procedural_sections():
    text = ("对市十六届人大二次会议第0318号建议的答复\n杭建复〔2022〕18号\n陈立新代表：\n"
            "　　您提出的《关于加快老旧小区加装电梯的建议》收悉，现答复如下：\n"
            "　　一、办理工作的组织情况\n　　我局高度重视，由市住保房管局会同办理。\n"
            "　　二、关于“简化加装电梯审批流程”的建议\n　　正在解决。\n　　我局已会同有关部门制定办法。\n"
            "　　特此答复。\n杭州市建设委员会\n2022年6月20日\n")
    st = parse_structure(text)
    parts = parse_reply(text, st)
    assert (parts.proposal.number, parts.proposal.session) == ("0318", "市十六届人大二次会议")
    assert parts.proposal.proposers == ["陈立新"]
    assert [(r.label, r.suggestion, r.status) for r in parts.responses] == [
        ("一", None, None), ("二", "简化加装电梯审批流程", "正在解决")]
    assert st.meta.issuer == "杭州市建设委员会" and st.meta.date == "2022-06-20"


@pytest.mark.parametrize("heading,suggestion,status", [
    ("一、关于“创新为本，分类发展”的建议", "创新为本，分类发展", None),
    ("一、关于加强人才引进的建议（吸收采纳）", "加强人才引进", "吸收采纳"),
    ("一、关于“完善扶持政策”的建议：已解决", "完善扶持政策", "已解决"),
    ("一、你们提出“在各类专项资金上,帮助协调”。我们建议…", "在各类专项资金上,帮助协调", None),
    ("一、对于你们申报的两个项目,一是“孵化基地”", "对于你们申报的两个项目", None),
    ("一、办理工作的组织情况", None, None),
    ("一、今年我市可用财力基本仅能维持“三保”支出。", None, None),
])
def test_suggestion_and_status_from_the_heading(heading, suggestion, status):
    text = ("对市十六届人大二次会议第0318号建议的答复\n陈立新代表：\n　　您提出的建议收悉，现答复如下：\n"
            f"{heading}\n　　我局将继续推进。\n")
    r = parse_reply(text, parse_structure(text)).responses
    assert [(x.label, x.suggestion, x.status) for x in r] == [("一", suggestion, status)]


def test_status_opening_the_first_paragraph_after_the_heading():
    from pipeline.structure import parse_reply, parse_structure
    text = ("关于市政协十四届二次会议第20230156号提案答复的函\n穗科函〔2023〕215号\n王小明委员：\n"
            "您提出的《关于加快培育科技型中小企业的提案》（第20230156号）收悉。现答复如下：\n"
            "一、关于加大财政支持力度的建议\n部分采纳。2023年，我局安排后补助资金2.3亿元。\n"
            "二、关于优化科技金融服务的建议\n正在解决，我局会同有关部门推动科技信贷风险补偿。\n"
            "三、关于加强人才培养的建议\n采纳情况将在下一步工作中研究。\n"
            "广州市科学技术局\n2023年6月20日\n")
    parts = parse_reply(text, parse_structure(text))
    assert [(r.label, r.status) for r in parts.responses] == [("一", "部分采纳"), ("二", "正在解决"), ("三", None)]
