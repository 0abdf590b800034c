"""Replies to proposals and suggestions: the proposal (number, session, title, proposers, co-handlers), the
responses with their statuses, and what after the signature is no response."""
import pytest

from pipeline.extraction import extract
from pipeline.structure import parse_reply, parse_structure
from pipeline.structure.replies import proposers_of
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
    (["陳立羣委員"], ["陳立羣"]),                       # traditional script suffix
    (["張三、李四等代表"], ["張三", "李四"]),
    (["张三等5位代表"], ["张三"]),
    (["李四等十名委员"], ["李四"]),
    (["张群、周承明等十代表"], ["张群", "周承明"]),        # a head count without 位/名
    (["马开鲜、赵东、高占毕代表等7名代表"], ["马开鲜", "赵东", "高占毕"]),   # the last name's title before the count
    (["尊敬的赵敏委员"], ["赵敏"]),
    (["九三学社某市委员会"], ["九三学社某市委员会"]),      # a unit keeps its 委员会
])
def test_proposers_from_recipients(recipients, proposers):
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


def _reply(text):
    s = parse_structure(text)
    return s, parse_reply(text, s)


def _statuses(section_text):
    text = ("某市商务局关于市政协十三届二次会议第58号提案的答复\n李明委员：\n您提出的《关于促进消费的提案》收悉，现答复如下：\n"
            f"{section_text}\n某市商务局\n2022年6月1日\n")
    s = parse_structure(text)
    return [r.status for r in parse_reply(text, s).responses]


# ---------------------------------------------------------------- the proposal
SUGGESTION_REPLY = """济南市教育局
关于市十八届人大二次会议第20230456号建议的答复
答复类别：B类
尊敬的李红霞代表：
您在会上提出的“关于缓解城区中小学学位紧张的建议”收悉。本建议由我局主办，市自然资源和规划局、市住房城乡建设局协办。现答复如下：
（一）关于加快新建学校建设
2023年计划新建中小学45所。办理结果：正在解决。
（二）关于优化学区划分
我局将指导各区县科学划分学区。办理结果：列入计划逐步解决。
济南市教育局
2023年6月28日
"""


def test_status_after_a_result_cue_and_quoted_title_and_co_handlers():
    s, parts = _reply(SUGGESTION_REPLY)
    assert [(r.label, r.status) for r in parts.responses] == [("（一）", "正在解决"), ("（二）", "列入计划逐步解决")]
    assert parts.proposal.title == "关于缓解城区中小学学位紧张的建议"
    assert parts.proposal.proposers == ["李红霞"]
    assert parts.proposal.co_handlers == ["市自然资源和规划局", "市住房城乡建设局"]


def test_session_with_proposal_word_before_the_number():
    _, parts = _reply("关于政协第十届三次会议提案第45号的答复\n张伟委员：\n您提出的关于加强养老服务的提案收悉，现答复如下：\n"
                      "一、关于养老机构建设。已新建养老机构3家。\n某市民政局\n2021年6月1日\n")
    assert (parts.proposal.number, parts.proposal.session) == ("45", "政协第十届三次会议")


@pytest.mark.parametrize("opening,number,session", [
    ("您在市十六届人大五次会议期间提出的第86号建议收悉", "86", "市十六届人大五次会议"),
    ("您在区政协第五届委员会第二次会议上提出的《关于加强社区养老的提案》（第23号）收悉", "23", "区政协第五届委员会第二次会议"),
    ("你们在县十八届人大一次会议上提出的第0015号建议收悉", "0015", "县十八届人大一次会议"),
    ("您领衔提出的市政协十三届二次会议第20220187号提案收悉", "20220187", "市政协十三届二次会议"),
])
def test_session_and_number_from_the_opening(opening, number, session):
    text = f"关于加强社区养老服务的答复\n张三委员：\n{opening}，现答复如下：\n一、关于养老服务。已建成站点10个。\n某区民政局\n2022年6月1日\n"
    _, parts = _reply(text)
    assert (parts.proposal.number, parts.proposal.session) == (number, session)


def test_colon_line_above_the_title_is_not_the_recipient():
    text = ("主题词：\n某市交通运输局关于市十五届人大三次会议第88号建议的答复\n王强代表：\n"
            "您提出的关于优化公交线路的建议收悉，现答复如下：\n一、关于增开公交线路。已增开线路3条。\n"
            "某市交通运输局\n2021年6月1日\n")
    s, parts = _reply(text)
    assert s.meta.recipients == ["王强代表"]
    assert parts.proposal.proposers == ["王强"]


def test_session_without_a_number_and_a_number_after_the_proposal_title():
    text = ("关于区政协二届四次会议李芳委员提案的答复\n尊敬的李芳委员:\n"
            "您提出的《关于安装电动自行车充电桩的建议》(0641),已交我们研究办理,现答复如下:\n"
            "我局已向各社区转发有关文件。\n某区住房和城乡建设局\n2024年8月22日\n")
    s, parts = _reply(text)
    assert (parts.proposal.session, parts.proposal.number) == ("区政协二届四次会议", "0641")


def test_proposers_names_written_with_a_middle_dot_and_a_category_after_the_doc_number():
    text = ("关于对某县政协第十七届第四次会议(经济建设类1号)提案的答复\n某县畜牧字〔2024〕2号(B)类\n"
            "艾尔肯·依扎克、托合吐买买提·沙特瓦力地委员:\n你们提出的提案收悉,现答复如下:\n一、加强草原保护。\n")
    s, parts = _reply(text)
    assert parts.proposal.proposers == ["艾尔肯·依扎克", "托合吐买买提·沙特瓦力地"]
    assert parts.proposal.category == "B"


def test_form_field_below_the_signature_is_not_the_recipient():
    text = ("关于区第十届政协第三次会议第54号提案的答复函\n发布时间:2024-10-25 11:47信息来源:某区人民政府\n"
            "王立超  委员\n您提出的关于加强小学周边交通疏导的提案,经认真办理,现答复如下:\n"
            "大队高度重视,组织警力对学校周边路段进行摸排,并加强对学生和家长的交通安全宣传教育。\n"
            "办复类别: B\n联系人:许浩浩\n交警某某大队\n20241018\n"
            "请您对该政策的制定及执行提出宝贵的意见或建议。\n• 姓  名:\n• 联系方式:\n")
    s, parts = _reply(text)
    assert s.meta.recipients is None or s.meta.recipients == []
    assert parts.proposal.proposers == ["王立超"]                 # the salutation line, spaced
    assert (s.meta.issuer, s.meta.date) == ("交警某某大队", "2024-10-18")   # a brigade signs; 年月日 lost


def test_traditional_reply_with_readings_and_run_in_sections():
    import opencc
    from pipeline.clean import clean
    from pipeline.types import Line, Page, Source
    simplified = ("某市生态环境局关于市政协十二届三次会议第0234号提案答复的函\n某环函〔2021〕45号\n民建某市委员会：\n"
                  "你们提出的《关于加强城市黑臭水体治理的提案》收悉，现答复如下： 一、关于“建立考核机制”的建议（已采纳）"
                  "目前已建立考核办法。 二、关于“加大资金投入”的建议（部分采纳）今年安排治理资金。\n某市生态环境局\n2021年7月5日\n")
    raw = opencc.OpenCC("s2t").convert(simplified).replace("關於", "關(guān)於")
    text = clean(Source(path="x.txt", sha256="", format="txt",
                        pages=[Page(0, [Line(t) for t in raw.split("\n")])])).text
    s, parts = _reply(text)
    assert parts.proposal.session == "市政協十二屆三次會議"
    assert parts.proposal.number == "0234"
    assert [(r.label, r.status) for r in parts.responses] == [("一", "已採納"), ("二", "部分採納")]


# ---------------------------------------------------------------- statuses
def test_status_in_parentheses_closing_the_section():
    text = ("某市交通运输局关于市十九届人大三次会议第88号建议的答复\n王强等3位代表：\n"
            "你们提出的关于优化公交线网的建议收悉。现答复如下：\n一、关于增开城区公交线路的建议\n"
            "2024年新开通公交线路6条。（吸收采纳）\n二、关于建设公交专用道的建议\n"
            "下一步将研究公交专用道建设方案。(留作参考)\n某市交通运输局\n2024年6月28日\n")
    s, parts = _reply(text)
    assert [(r.label, r.status) for r in parts.responses] == [("一", "吸收采纳"), ("二", "留作参考")]
    assert parts.proposal.proposers == ["王强"]


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


# ---------------------------------------------------------------- after the signature
def test_attachment_items_after_the_signature_are_not_responses():
    text = ("某市人社局关于市十六届人大二次会议第0213号建议办理情况的答复\n张三代表：\n"
            "你们提出的《关于加大就业扶持力度的建议》收悉，现答复如下：\n一、关于落实就业补贴\n该建议已吸收采纳。已发放补贴。\n"
            "某市人力资源和社会保障局\n2022年7月15日\n附件\n建议办理情况征询意见表\n一、办理态度是否满意\n二、办理结果是否满意\n")
    _, parts = _reply(text)
    assert [(r.label, r.status) for r in parts.responses] == [("一", "吸收采纳")]


def test_attachment_after_a_one_line_signature_is_cut():
    text = ("某市商务局关于市人大第8号建议的答复\n张三代表：\n您提出的关于外贸发展的建议收悉，现答复如下：\n"
            "一、关于出口信用保险\n该建议已采纳。\n某市商务局　2022年4月20日\n附件1\n征询意见表\n一、办理态度\n二、办理结果\n")
    _, parts = _reply(text)
    assert [(r.label, r.status) for r in parts.responses] == [("一", "采纳")]


@pytest.mark.parametrize("opening,title", [
    ("您在县政协十一届三次会议上提出的第2024087号《关于加强我县传统村落保护利用的建议》的提案收悉。",
     "关于加强我县传统村落保护利用的建议"),
    ("您们提出的关于打造大庙梨花节,带动大庙香水梨产业发展的建议收悉,现答复如下:", "关于打造大庙梨花节,带动大庙香水梨产业发展的建议"),
    ("你们提出的“关于要求解决孔集办事处部分村农村饮水安全问题”的议事原案收悉。", "关于要求解决孔集办事处部分村农村饮水安全问题"),
    ("您提出的关于《关于将解放西街健康社区纳入老旧小区改造项目的建议》已收悉。", "关于将解放西街健康社区纳入老旧小区改造项目的建议"),
    ("您提出的关于修缮西大桥道路和路灯的意见建议,已收悉,现答复如下:", "关于修缮西大桥道路和路灯的意见建议"),
    ("您提出的关于“打通峡河乡胜子村到五牛村道路的建议”收悉,现答复如下:", "打通峡河乡胜子村到五牛村道路的建议"),
    ("您提出的关于“推进马都司生态新城融合发展的建议”的提案收悉,现答复如下:", "推进马都司生态新城融合发展的建议"),
    ("您提出的关于“就近入学”政策执行中面临的问题及建议已收悉,现将办理结果答复如下:", "关于“就近入学”政策执行中面临的问题及建议"),
    ("您提出的关于实施城市更新行动,助力高质量发展的提案,经会同市财政局研究答复如下:", "关于实施城市更新行动,助力高质量发展的提案"),
    ("现将第144号提案提出的关于加快布局“武襄十随”汽车产业链集群的建议办理情况函告如下,请综合后一并答复提案者。",
     "关于加快布局“武襄十随”汽车产业链集群的建议"),
    ("我局收到《景市政协十四届三次会议委员提案第009号》,案由为“关于规范景德镇陶瓷电商平台利润分配的建议”。",
     "关于规范景德镇陶瓷电商平台利润分配的建议"),
])
def test_the_proposal_title_in_the_forms_openings_quote_it(opening, title):
    text = f"对县人大一次会议第20号建议的答复\n张三代表:\n{opening}\n感谢您的关心。\n某县文广局\n2017年6月1日\n"
    assert parse_reply(text, parse_structure(text)).proposal.title == title


def test_the_proposal_title_in_brackets_after_the_reply_title():
    text = ("对区十九届人大四次会议第30号代表建议的答复(关于优化公交布局,畅通学子求知路的建议)\n张三代表:\n"
            "您的建议收悉,现答复如下。\n某区交通运输局\n2025年9月15日\n")
    assert parse_reply(text, parse_structure(text)).proposal.title == "关于优化公交布局,畅通学子求知路的建议"


def test_an_empty_form_field_read_as_a_recipient_is_no_proposer():
    text = ("政协青川县第十届委员会第二次会议委员提案\n第19号\n主办单位:青川县交通运输局\n会办单位:\n"
            "你们好!你们在政协青川县第十届委员会第二次会议上提出的《关于扩建竹下路的建议》(第19号)收悉,现答复如下:\n"
            "一、已投入资金完善竹下路。\n青川县交通运输局\n2022年7月17日\n")
    st = parse_structure(text)
    assert "会办单位" not in parse_reply(text, st).proposal.proposers


def test_a_greeting_after_the_proposers_title_is_not_part_of_the_name():
    assert proposers_of(["于广海委员您好"]) == ["于广海"]


def test_a_form_field_for_the_units_head_is_no_proposer():
    text = ("关于县八届人大二次会议第72号建议的答复\n单位负责人:\n高松代表:\n"
            "您提出的《关于老旧小区改造的建议》收悉,现答复如下:\n一、已列入改造计划。\n清原县住房和城乡建设局\n2023年7月1日\n")
    st = parse_structure(text)
    assert "单位负责人" not in parse_reply(text, st).proposal.proposers


def test_a_letter_handling_a_suggestion_is_a_reply_with_its_session():
    text = ("汉阴县交通运输局关于办理县十九届人大一次会议第115号建议的函\n正文\n"
            "汤兴娣代表提出《关于实施汉阴县南环路扩宽改造的建议》。\n回复\n您所提出的扩宽改造计划已列入项目库。\n")
    st = parse_structure(text)
    p = parse_reply(text, st).proposal
    assert st.kind == "reply"
    assert (p.number, p.session, p.proposers) == ("115", "县十九届人大一次会议", ["汤兴娣"])


def test_a_co_handling_opinion_to_the_main_handler():
    text = ("信息名称: | 对市十五届人大四次会议4190号建议的协办意见 |\n内容概览: | |||\n市农业农村局:\n"
            "经研究,现对程加能代表提出的关于持续推进农村人居环境整治,建设宜居宜业和美乡村的建议提出如下协办意见,供你单位参考。\n"
            "我局积极配合开展农村生活污水治理。\n连云港市生态环境局\n2024年6月12日\n")
    st = parse_structure(text)
    p = parse_reply(text, st).proposal
    assert st.meta.recipients == ["市农业农村局"]
    assert (p.proposers, p.title, p.co_handlers) == (
        ["程加能"], "关于持续推进农村人居环境整治,建设宜居宜业和美乡村的建议", [])


def test_a_salutation_in_a_sites_answer_cell():
    text = ("| 标 题: | 关于解决富怡路排水问题的建议 |\n| 问题答复: | 江伟洪代表:\n"
            "您提出的区十五届人大七次会议代表建议第104号“关于解决富怡路排水问题的建议”已收悉,现答复如下:\n一、加快管网建设。\n")
    st = parse_structure(text)
    assert st.meta.recipients == ["江伟洪代表"]
    assert parse_reply(text, st).proposal.proposers == ["江伟洪"]


def test_an_untitled_letter_acknowledging_a_suggestion_answers_it():
    text = ("郑某等七位代表:\n你们在某省第四届人民代表大会第三次会议的议案,提出《关于扩大某国家森林公园面积的建议》"
            "(第2125号)收悉。按照相关规定,要扩大公园范围须经我局审查。\n二O一O年五月七日\n抄送:某省人大常委会办公厅\n"
            "联系单位及联系人:某省林业局 胡某\n联系电话:65305162\n")
    st = parse_structure(text)
    p = parse_reply(text, st).proposal
    assert st.kind == "reply" and st.meta.issuer == "某省林业局"
    assert (p.number, p.session, p.title, p.co_handlers) == (
        "2125", "某省第四届人民代表大会第三次会议", "关于扩大某国家森林公园面积的建议", [])
    st = parse_structure("某县人民政府:\n你县《关于调整行政区划的请示》收悉。经研究,同意调整。\n")
    assert st.kind != "reply"


def test_a_co_handling_opinion_titled_as_work_is_a_reply(tmp_path):
    text = ("关于对省十三届人大五次会议第741号建议会办工作的意见\n省发展改革委:\n"
            "现将省十三届人大五次会议第741号建议提出的关于支持某特色小镇建设的建议办理情况函告如下,请综合后一并答复代表。\n"
            "我委将大力支持建设某特色小镇。\n某省卫生健康委员会\n2021年4月12日扫一扫在手机上查看当前页面\n打印\n关闭\n")
    (tmp_path / "opinion.txt").write_text(text, encoding="utf-8")
    record = extract(tmp_path / "opinion.txt", isolate=False)     # the site's tools glued to the date: cleaning
    assert record.kind == "reply"
    assert (record.meta.issuer, record.meta.date) == ("某省卫生健康委员会", "2021-04-12")
    assert (record.proposal.number, record.proposal.session) == ("741", "省十三届人大五次会议")


def test_empty_form_fields_on_one_line_are_no_recipients_and_a_greeting_names_the_proposer():
    text = ("题  目: 关于加大对农村安全饮水资金扶持力度的建议\n领衔代表: 代 表 团:\n承办单位 答复日期 答复内容\n水务厅\n"
            "关于加大对农村安全饮水资金扶持力度的建议\n陈某代表您好:\n"
            "    您提出的“关于加大对农村安全饮水资金扶持力度的建议”收悉,在此感谢您的关心和支持。\n")
    st = parse_structure(text)
    assert not any("领衔代表" in r for r in st.meta.recipients)
    assert parse_reply(text, st).proposal.proposers == ["陈某"]


def test_a_democratic_partys_committee_in_the_salutation_is_the_proposer():
    text = ("对市政协四届三次会议 第11号提案的答复\n民革某市委:\n"
            "你们在市政协四届三次会议上提出的“关于改造提升北大路的提案”收悉。现答复如下:\n该项目已列入规划。\n")
    assert parse_reply(text, parse_structure(text)).proposal.proposers == ["民革某市委"]


def test_a_session_before_the_quoted_title_and_its_number():
    text = ("市十七届人大二次会议《关于集中打造特色文旅村镇的建议》(第2010号)答复\n霍某代表:\n"
            "您提出的《关于集中打造特色文旅村镇的建议》收悉,现答复如下:\n一、加强统筹。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.session, p.number) == ("市十七届人大二次会议", "2010")


def test_a_summary_of_a_reply_under_a_sites_back_to_top_link():
    text = ("手机版\n扫一扫·打开手机版\n回到顶部\n市政协十二届五次会议第3003号委员提案复文摘要\n"
            "时间:2016-12-23 02:50 来源:广州公安\n我局交警支队每年均会组织警力对中小学周边道路进行排查。\n")
    st = parse_structure(text)
    p = parse_reply(text, st).proposal
    assert st.kind == "reply" and st.meta.issuer != "回到顶部"
    assert (p.number, p.session) == ("3003", "市政协十二届五次会议")


def test_a_salutation_with_its_colon_typed_twice():
    text = ("关于第27号建议的答复\n张某等代表::\n你们在县十四届人大五次会议提出的第27号建议收悉,现将办理情况答复如下:\n"
            "我局已安排路面维护。\n")
    st = parse_structure(text)
    assert st.meta.recipients == ["张某等代表"]
    assert parse_reply(text, st).proposal.proposers == ["张某"]


def test_an_empty_site_field_above_the_salutation_is_no_recipient():
    text = ("文件名称:对十二届全国人大四次会议5185号建议的答复\n文件编号:\n发布时间:\n实施时间:\n尊敬的邢某代表:\n"
            "您提出的关于促进现代都市农业发展的建议收悉。经商财政部,提出以下答复意见。\n一、关于建设社会化服务体系\n")
    st = parse_structure(text)
    assert parse_reply(text, st).proposal.proposers == ["邢某"]


def test_a_reply_databases_row_gives_the_date_and_its_classification_line_the_category():
    text = ("当前位置: 首页 >>> 政协提案\n案  由: 关于改造低产槟榔园的建议\n承办单位及答复\n承办单位答复 答复日期 答复内容\n"
            "省农业农村厅\n2020-09-10\n详细查看\n关闭\n分类:B\n某农议字〔2020〕154号\n"
            "对政协某省第七届委员会第三次会议第0543号提案的答复\n九三学社某省委会:\n贵委提出的提案收悉。现答复如下。\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date, meta.category) == ("省农业农村厅", "2020-09-10", "B")


def test_points_restating_what_the_deputies_raised_are_no_responses():
    text = ("九原区第十八届人大二次会议\n代表建议、批评和意见办理情况\n第 23 号\n标 题:关于完善基础设施的建议\n办理情况:\n"
            "马某等4位代表:\n您提出的《关于完善基础设施的建议》收悉,现答复如下:\n"
            "各位代表反映的问题如下,一是村内道路普遍破损;二是小区急需加装电梯;三是小区基础设施不完善。"
            "针对以上问题,我镇已积极争取资金逐步解决。\n")
    st = parse_structure(text)
    parts = parse_reply(text, st)
    assert parts.responses == [] and parts.proposal.proposers == ["马某"]


def test_a_suggestions_number_in_brackets_its_session_before_a_category_and_a_head_count_in_brackets():
    text = ("对区一届人大三次会议第(J027)号建议的答复\n姜欣(等10位)代表:\n"
            "您提出的《关于完善课后服务经费保障机制的建议》收悉,现答复如下:\n一、基本情况\n已落实。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.number, p.session, p.proposers) == ("J027", "区一届人大三次会议", ["姜欣"])
    text = "对自治州第十五届人大二次会议公交财贸类22号建议的答复\n张三代表:\n您提出的建议收悉,现答复如下:\n"
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.number, p.session) == ("22", "自治州第十五届人大二次会议")


def test_a_session_before_the_proposals_title_and_a_count_without_等():
    text = ("对市政协八届四次会议关于倡议全社会关注残疾儿童成长(第76号)提案的答复\n邓鹏、熊强两位委员:\n"
            "您提出的提案收悉,现答复如下:\n已办结。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.number, p.session, p.proposers) == ("76", "市政协八届四次会议", ["邓鹏", "熊强"])
    text = "张三委员:\n您在区政协十届四次会议期间所提的《关于构建近视综合防控体系的提案》收悉。现答复如下:\n"
    assert parse_reply(text, parse_structure(text)).proposal.session == "区政协十届四次会议"


def test_the_proposals_title_after_a_colon_in_the_replys_title():
    text = ("对政协县十三届二次会议第82号提案的答复:关于构建红色小镇,打造红色旅游的提案\n李立涛委员:\n"
            "县政府全力推进红色旅游主体功能区建设。编制《铁岭县研学旅行实施方案》。\n")
    structure = parse_structure(text)
    assert structure.kind == "reply" and structure.meta.title.startswith("对政协县十三届二次会议第82号提案的答复")
    assert parse_reply(text, structure).proposal.title == "关于构建红色小镇,打造红色旅游的提案"


def test_a_co_handlers_opinion_with_injected_readings_is_a_reply():
    text = ("中山市民政局關(guān)于市政協(xié)十三屆一次會(huì)議第131136號(hào)提案的會(huì)辦意見\n市衛生健康局:\n"
            "政協提案第131136號《關于進一步推動0-3歲托育機構建設的建議》由貴單位主辦,我局會辦,現提出會辦意見如下:\n"
            "一、關于在社區就近提供照護服務的建議\n吸收采納該條建議。\n")
    assert parse_structure(text).kind == "reply"


@pytest.mark.parametrize("title,number", [
    ("上海市宝山区教育局对区政协八届五次会议8E020号提案的答复", "8E020"),      # a letter after the first digit
    ("市十七届人大一次会议关于继续加大雨污分离排查整治力度的建议(1082号)办理情况的答复", "1082"),
])
def test_a_proposal_number_with_a_letter_inside_or_in_brackets_after_the_title(title, number):
    text = f"{title}\n张伟委员:\n您提出的提案收悉,现答复如下:\n一、关于托育服务。已新建托育机构3家。\n某区教育局\n2021年6月1日\n"
    _, parts = _reply(text)
    assert parts.proposal.number == number


def test_proposers_from_a_salutation_opening_尊敬的_without_its_colon():
    text = ("关于政协第32号提案的答复\n尊敬的解叶飞委员\n提出的关于街道停车位被门店乱占的提案收悉,现答复如下:\n"
            "一、加强巡查。我局已组织执法人员开展巡查。\n某县城市管理综合执法局\n2022年6月1日\n")
    _, parts = _reply(text)
    assert parts.proposal.proposers == ["解叶飞"]


def test_proposers_from_a_reply_forms_field_parted_by_spaces():
    text = ("对区人大第46号建议的答复\n代表姓名:马新创 边会均 王珺\n提案内容:关于单列班主任津贴的建议\n"
            "办理结果:您提出的建议已收悉,现答复如下:\n一、关于津贴标准。已纳入预算。\n某区教育局\n2024年6月1日\n")
    _, parts = _reply(text)
    assert parts.proposal.proposers == ["马新创", "边会均", "王珺"]


@pytest.mark.parametrize("opening,title", [
    ("您在县政协十次会议上提出的第2024108号关于推进村庄建设公墓的建议的提案收悉", "关于推进村庄建设公墓的建议"),
    ("收到交办我局的关于迳头村水渠破损断裂修复的建议》收悉", "关于迳头村水渠破损断裂修复的建议"),
])
def test_a_proposal_title_after_its_number_or_missing_its_opening_book_mark(opening, title):
    text = f"答复\n张三委员:\n{opening},现答复如下:\n一、关于公墓建设。已规划公墓3处。\n某县民政局\n2024年6月1日\n"
    _, parts = _reply(text)
    assert parts.proposal.title == title


@pytest.mark.parametrize("opening,title", [
    ("各位委员提议的关于加快实施西格拉滩抗旱应急补水工程的提案收悉", "关于加快实施西格拉滩抗旱应急补水工程的提案"),
    ("“关于进一步积极引导社会主体参与城市更新”提案收悉", "关于进一步积极引导社会主体参与城市更新"),
])
def test_a_proposal_title_after_tiyi_or_quoted_at_the_openings_start(opening, title):
    text = f"对市政协十四届三次会议第0888号提案的答复\n\n{opening},经研究,现将办理情况答复如下:\n一、关于更新。已出台办法。\n"
    _, parts = _reply(text)
    assert parts.proposal.title == title


def test_a_co_handling_opinion_names_the_session_and_proposers_after_qijian():
    text = ("自治区教育厅:\n自治区十四届人大二次会议期间,钟莺、黄清梅、刘猛、梁博伟、李海桦等5名代表提出了关于支持玉林市产教融合"
            "发展建设的建议(第2024363号),经研究,现提出协办意见如下:\n我厅认真落实国家有关深化产教融合的决策部署。\n")
    structure, parts = _reply(text)
    assert structure.kind == "reply"
    assert (parts.proposal.number, parts.proposal.session, parts.proposal.title, parts.proposal.proposers) == (
        "2024363", "自治区十四届人大二次会议", "关于支持玉林市产教融合发展建设的建议", ["钟莺", "黄清梅", "刘猛", "梁博伟", "李海桦"])


def test_an_opinion_on_a_suggestion_handed_on_is_a_reply():
    text = ("对市十七届一次人大建议第127号提案的分办意见\n\n王瑛代表:\n\n  您提出的关于“生态环境相关城市规划信息公开不足”的建议收悉,"
            "现将办理情况答复如下。\n\n  一、对本建议的办理概述\n\n  接到任务后,管委会高度重视。\n")
    assert parse_structure(text).kind == "reply"


@pytest.mark.parametrize("title,session,number", [
    ("罗平县人民政府办公室关于答复县政协十届一次会议第35号提案的函", "县政协十届一次会议", "35"),
    ("临汾市规划和自然资源局关于市政协五届三次会议A类第038号提案的答复", "市政协五届三次会议", "038"),
    ("四川省中医药管理局关于回复四川省第十三届人民代表大会第一次会议第94号建议的函", "四川省第十三届人民代表大会第一次会议", "94"),
    ("杨浦区消防救援支队关于对区第十七届人大第五次会议 第D-013号代表建议、批评和意见的答复", "区第十七届人大第五次会议", "D-013"),
])
def test_the_session_after_guanyu_dafu_or_before_a_lettered_class(title, session, number):
    text = f"{title}\n张伟委员:\n您提出的提案收悉,现答复如下:\n一、关于道路。已列入计划。\n某县交通运输局\n2022年6月1日\n"
    _, parts = _reply(text)
    assert (parts.proposal.session, parts.proposal.number) == (session, number)


def test_a_title_naming_the_session_then_the_suggestion_without_a_number():
    text = ("对区九届人大三次会议关于加强宠物管理,保持公共场所路面卫生建议的答复\n吕萍代表您好:\n"
            "一是加强巡查。对遛狗不牵绳问题及时劝阻。\n二是加大宣传力度。\n")
    _, parts = _reply(text)
    assert (parts.proposal.session, parts.proposal.title) == ("区九届人大三次会议", "关于加强宠物管理,保持公共场所路面卫生建议")


def test_a_salutation_naming_one_proposer_and_others_drops_deng():
    text = ("关于答复县政协十届一次会议第35号提案的函\n陈启荣等委员\n你们提出的《关于支持民族地区基础设施配套建设的提案》"
            "已交由我局办理,现答复如下\n一、关于基础设施。已争取资金。\n")
    _, parts = _reply(text)
    assert parts.proposal.proposers == ["陈启荣"]


@pytest.mark.parametrize("head", [
    "首页 > 建议提案答复\n题:\n文化和旅游部对十四届全国人大一次会议第6390号建议的答复\n号:\n文旅非遗函〔2023〕285号\n\n",
    "当前位置: 首页 >>> 人大建议\n题  目: 关于加快建设拦河坝的建议\n领衔代表: ,, 代 表 团:\n承办单位及答复\n"
    "关于加快建设拦河坝的建议\n",
])
def test_a_sites_cut_label_or_empty_form_fields_are_no_proposers(head):
    text = head + "刘莉莉代表:\n  您提出的《关于促进非物质文化遗产保护与传承的建议》收悉,经认真研究,现答复如下:\n  一、加强保护。\n"
    _, parts = _reply(text)
    assert parts.proposal.proposers == ["刘莉莉"]


def test_a_masked_proposer_names_nobody():
    text = ("***代表:\n您提出的《关于安格里格镇开展人居环境整治的建议》收悉,现答复如下:\n一、加强整治\n我局将加强整治。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.title, p.proposers) == ("关于安格里格镇开展人居环境整治的建议", [])
    assert proposers_of(["***代表", "王芳委员"]) == ["王芳"]


def test_a_sites_text_size_buttons_are_no_recipients_and_the_salutation_names_the_proposer():
    text = ("发布机构: 河东区太平街道\n对区二十届人大三次会议第20241056号《关于拓宽学校门前道路兴平路的建议》的答复\n"
            "发布时间:2024-11-29 点击次数:\n【文字大小:\n\n万洪岭代表:\n"
            "您提出的《关于拓宽学校门前道路兴平路的建议》收悉,现答复如下:\n兴平街道路狭窄。\n")
    st = parse_structure(text)
    assert st.meta.recipients == ["万洪岭代表"]
    assert parse_reply(text, st).proposal.proposers == ["万洪岭"]


def test_a_letter_opening_with_its_first_section_names_the_proposal_there():
    text = ("一、基本情况\n天津地处海河流域下游。您提出关于京津冀(天津)防洪问题的提案,客观反映了区域实际需求。\n"
            "二、下一步工作\n我局将加快完善防洪工程体系。\n")
    assert parse_reply(text, parse_structure(text)).proposal.title == "关于京津冀(天津)防洪问题的提案"


def test_a_suggestions_code_with_its_year_in_brackets_is_its_number_after_the_session():
    text = ("关于尽快恢复南院区综合医疗服务功能的建议答复 关于市十五届人大五次会议 第B(2022)327号建议的答复\n\n"
            "尊敬的卢彦学代表:\n您提出的“关于尽快恢复南院区综合医疗服务功能的建议”已收悉,现答复如下:\n医院已恢复诊疗。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.number, p.session) == ("B(2022)327", "市十五届人大五次会议")


def test_a_proposer_whose_congress_is_named_before_the_title_is_read_without_it():
    text = ("1.第20240562号建议答复的函\n唐红等市人大代表:\n你们提出的《关于加快推进老年社会监护服务中心相关立法及建设工作的建议》收悉。"
            "现就有关情况答复如下。\n我局将推动立法。\n")
    assert parse_reply(text, parse_structure(text)).proposal.proposers == ["唐红"]


def test_a_pages_headline_naming_suggestions_is_not_the_letters_opening():
    text = ("深圳市民政局2024年度人大建议答复内容公开\n发布时间:2025-01-13 11:08\n信息来源:深圳市民政局\n"
            "1.第20240562号建议答复的函\n唐红等市人大代表:\n你们提出的《关于加快推进老年社会监护服务中心相关立法及建设工作的建议》收悉。"
            "现就有关情况答复如下。\n我局将推动立法。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.number, p.proposers, p.title) == ("20240562", ["唐红"], "关于加快推进老年社会监护服务中心相关立法及建设工作的建议")


def test_a_members_title_before_the_name_and_a_ministry_addressed_leave_the_proposer():
    text = ("福建省人民政府办公厅关于政协十一届全国委员会第一次会议第2197号提案会办意见的函\n文化部:\n"
            "全国政协委员陈立德在政协十一届全国委员会第一次会议上提出的《关于促成泉州南音申报非物质文化遗产的提案》(第2197号)"
            "由贵部会同我省办理。现将会办意见函告如下:\n我省十分重视南音的保护。\n")
    assert parse_reply(text, parse_structure(text)).proposal.proposers == ["陈立德"]


def test_a_letter_answering_several_proposals_keeps_every_number():
    text = ("重庆市梁平区农业农村委员会关于政协重庆市梁平区第十四届委员会第三次会议第119号、120号、121号提案的复函\n"
            "xxx委员:\n您提出的《大力发展梁平柚助推乡村产业振兴的建议》收悉,现答复如下:\n一、加强品牌建设\n我委将加强。\n")
    p = parse_reply(text, parse_structure(text)).proposal
    assert p.number == "119、120、121"


@pytest.mark.parametrize("text, number, session, proposers", [
    ("关于县十八届人大二次会议第2023-92号建议的答复\n\n黄梅(等)代表:\n\n你(你们)提出的“关于怀远县淝河镇卫生院整体搬迁”的建议收悉,"
     "现答复如下:\n一、加快搬迁\n我委将推进。\n", "2023-92", "县十八届人大二次会议", ["黄梅"]),
    ("关于市政协十三届四次会议委员提案〔2020〕84号的答复\n\n尊敬的孙国平、胡军委员:\n\n您们提出的“关于大力争取道地药材生产基地的提案”"
     "已收悉,现将有关情况回复如下:\n一是摸清本地药材底数。\n", "84", "市政协十三届四次会议", ["孙国平", "胡军"]),
])
def test_a_number_with_its_year_hyphened_or_bracketed_after_the_proposal_is_read(text, number, session, proposers):
    p = parse_reply(text, parse_structure(text)).proposal
    assert (p.number, p.session, p.proposers) == (number, session, proposers)


def test_a_traditional_pages_site_keys_are_the_sites_and_its_doc_number_is_read():
    text = ("關于縣十六屆人大代表第58號建議的答復\n訪問量:\n關聯稿件:\n奉新縣文廣新旅局(函)\n"
            "奉文廣建字〔2021〕7號 分 類:B 類 簽發人:許姍姍\n關于縣十六屆人大代表第58號建議的答復\n舒文俊代表:\n"
            "您好,您提出的關于“關于加強我縣紅色標語保護工作的建議”的建議收悉,現答復如下:\n奉新縣目前認定的紅色標語有三處。\n")
    st = parse_structure(text)
    assert (st.meta.doc_number, st.meta.recipients) == ("奉文廣建字〔2021〕7號", ["舒文俊代表"])
    assert parse_reply(text, st).proposal.proposers == ["舒文俊"]
