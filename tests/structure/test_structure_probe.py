"""Robustness probes: hand-annotated documents in the style of other places and years
(tests/fixtures/probe_structure), scored like the dev set, and the rules they made us fix."""
from pathlib import Path

import pytest

from pipeline.clean.script import make_view
from pipeline.structure import parse_reply, parse_structure, select_measures
from pipeline.structure.chrome import is_chrome
from pipeline.structure.dates import parse_date
from pipeline.structure.replies import proposers_of

PROBES = Path(__file__).resolve().parent.parent / "fixtures" / "probe_structure"
PROBE_IDS = sorted(p.stem for p in PROBES.glob("*.json"))


PROBE_SET = "probe_structure"


def test_probe_set_is_complete():
    assert len(PROBE_IDS) >= 14
    assert all((PROBES / f"{d}.txt").exists() for d in PROBE_IDS)


@pytest.mark.parametrize("field,floor", [("measure", 0.95), ("response", 0.95), ("money", 0.95),
                                         ("cap", 0.95), ("rate", 0.95), ("agency", 0.85),
                                         ("responsible", 0.75)])
def test_probe_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_probe_meta_and_proposal_floors(figures):
    assert all(v >= 0.95 for v in figures["meta_accuracy"].values()), figures["meta_accuracy"]
    assert figures["proposal_accuracy"] >= 0.95


# ---------------------------------------------------------------- the rules the probes fixed
def _reply(text):
    s = parse_structure(text)
    return s, parse_reply(text, s)


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


@pytest.mark.parametrize("recipients,expected", [
    (["陳立羣委員"], ["陳立羣"]),                       # traditional script suffix
    (["張三、李四等代表"], ["張三", "李四"]),
    (["张三等5位代表"], ["张三"]),
    (["李四等十名委员"], ["李四"]),
    (["尊敬的赵敏委员"], ["赵敏"]),
    (["九三学社某市委员会"], ["九三学社某市委员会"]),      # a unit keeps its 委员会
])
def test_proposers_from_recipients(recipients, expected):
    assert proposers_of(recipients) == expected


def test_session_with_proposal_word_before_the_number():
    _, parts = _reply("关于政协第十届三次会议提案第45号的答复\n张伟委员：\n您提出的关于加强养老服务的提案收悉，现答复如下：\n"
                      "一、关于养老机构建设。已新建养老机构3家。\n某市民政局\n2021年6月1日\n")
    assert (parts.proposal.number, parts.proposal.session) == ("45", "政协第十届三次会议")


def test_colon_line_above_the_title_is_not_the_recipient():
    text = ("主题词：\n某市交通运输局关于市十五届人大三次会议第88号建议的答复\n王强代表：\n"
            "您提出的关于优化公交线路的建议收悉，现答复如下：\n一、关于增开公交线路。已增开线路3条。\n"
            "某市交通运输局\n2021年6月1日\n")
    s, parts = _reply(text)
    assert s.meta.recipients == ["王强代表"]
    assert parts.proposal.proposers == ["王强"]


def test_eligibility_heading_is_not_a_measure():
    text = ("某区人民政府办公室关于印发某区促进商贸业发展实施办法的通知\n各街道办事处：\n"
            "《某区促进商贸业发展实施办法》已经区政府同意，现印发给你们。\n某区人民政府办公室\n2020年6月30日\n"
            "一、支持对象\n在本区注册登记的商贸企业。\n二、支持措施\n"
            "1.支持企业做大做强。对年零售额首次超过5亿元的企业，给予奖励30万元。\n"
            "2.支持老字号发展。对新认定的老字号企业，给予奖励50万元。\n三、附则\n本办法自印发之日起施行。\n")
    s = parse_structure(text)
    assert [(m.label, m.title) for m in select_measures(s, text)] == [
        ("1", "支持企业做大做强"), ("2", "支持老字号发展")]


def test_news_lead_of_a_news_site_is_skipped():
    text = ("某某新闻网讯（记者 刘洋）近日，某市人民政府办公室印发《某市支持先进制造业发展十条措施》。\n"
            "以下为文件全文：\n某市人民政府办公室关于印发《某市支持先进制造业发展十条措施》的通知\n"
            "潭政办发〔2024〕6号\n各县市区人民政府：\n现印发给你们，请认真贯彻落实。\n"
            "某市人民政府办公室\n2024年2月20日\n一、支持企业技术改造。对技改项目给予补助。\n")
    m = parse_structure(text).meta
    assert m.doc_number == "潭政办发〔2024〕6号"
    assert m.title == "某市人民政府办公室关于印发《某市支持先进制造业发展十条措施》的通知"


def test_full_width_digits_in_dates_and_doc_numbers():
    assert parse_date("２０２１年３月５日") == "2021-03-05"
    m = parse_structure("川府发〔２０２２〕９号\n四川省人民政府关于加快发展数字经济的若干意见\n各市（州）人民政府：\n"
                        "现提出如下意见。\n一、加快数字基础设施建设。大力推进网络建设。\n四川省人民政府\n２０２２年３月１日\n").meta
    assert (m.doc_number, m.date) == ("川府发〔２０２２〕９号", "2022-03-01")


def test_site_footer_is_outside_the_body():
    body = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            "某市财政局\n2021年1月5日\n")
    text = body + "网站地图 | 联系我们 | 主办单位：某市财政局 | 版权所有：某市财政局 | 粤ICP备05012345号 | 网站标识码：4401000012\n"
    s = parse_structure(text)
    assert s.body_end <= len(body)


@pytest.mark.parametrize("line,chrome", [
    ("字体 大 中 小", True), ("分享到：微信 微博", True), ("【大】【中】【小】", True),
    ("日期：2019-03-12", True), ("2021-05-06 10:32:11", True), ("作者：办公室  日期：2010-01-29", True),
    ("文章来源：市发改委", True), ("主 题 词：", True), ("名　　称：某市关于…的通知", True),
    ("您的位置：首页 > 新闻", True), ("扫一扫在手机打开当前页", True),
    ("一、会议时间：2021年3月5日", False), ("时间：2021年3月5日上午9:00", False),
    ("来源于群众的意见", False), ("名称变更为某市数据局", False),
])
def test_site_chrome_lines(line, chrome):
    assert is_chrome(make_view(line).text) is chrome


def test_status_in_parentheses_closing_the_section():
    text = ("某市交通运输局关于市十九届人大三次会议第88号建议的答复\n王强等3位代表：\n"
            "你们提出的关于优化公交线网的建议收悉。现答复如下：\n一、关于增开城区公交线路的建议\n"
            "2024年新开通公交线路6条。（吸收采纳）\n二、关于建设公交专用道的建议\n"
            "下一步将研究公交专用道建设方案。(留作参考)\n某市交通运输局\n2024年6月28日\n")
    s, parts = _reply(text)
    assert [(r.label, r.status) for r in parts.responses] == [("一", "吸收采纳"), ("二", "留作参考")]
    assert parts.proposal.proposers == ["王强"]


@pytest.mark.parametrize("title,doc_type,kept", [
    ("关于做好2020年度考核工作的通知【2020-12-01】", "通知", "关于做好2020年度考核工作的通知"),
    ("关于做好考核工作的通知 2020-12-01 10:30", "通知", "关于做好考核工作的通知"),
    ("关于公布2020年12月1日起施行的通知", "通知", "关于公布2020年12月1日起施行的通知"),
    ("某市2021年政务公开工作要点", "要点", "某市2021年政务公开工作要点"),
    ("某区2022年国民经济和社会发展统计公报", "公报", "某区2022年国民经济和社会发展统计公报"),
    ("某市促进外贸发展的若干措施（2023-2025年）", "措施", "某市促进外贸发展的若干措施（2023-2025年）"),
])
def test_title_endings_and_glued_list_dates(title, doc_type, kept):
    from pipeline.structure.meta import title_doc_type
    hit = title_doc_type(title)
    assert hit is not None and hit[0] == doc_type and title[:hit[1]] == kept


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


@pytest.mark.parametrize("first_line", [
    "【政策文件】某市财政局关于开展会计检查的通知",
    "[通知公告] 某市财政局关于开展会计检查的通知",
    "★某市财政局关于开展会计检查的通知",
    "某市财政局关于开展会计检查的通知_某市人民政府门户网站",
    "某市财政局关于开展会计检查的通知 - 政策文件 - 某市人民政府",
    "某市财政局关于开展会计检查的通知【2019-05-08】",
])
def test_title_without_site_tags_and_page_title_suffixes(first_line):
    text = first_line + "\n各单位：\n现就有关事项通知如下：\n一、检查范围。全区行政事业单位。\n某市财政局\n2019年5月6日\n"
    m = parse_structure(text).meta
    assert (m.title, m.doc_type, m.issuer, m.recipients) == (
        "某市财政局关于开展会计检查的通知", "通知", "某市财政局", ["各单位"])


def test_group_heading_whose_text_introduces_its_items_is_not_a_measure():
    text = ("某市关于支持民营企业发展的若干措施\n一、支持企业做大做强\n"
            "为推动民营企业做大做强，鼓励企业扩大规模、提升效益、加快转型升级，对符合条件的企业实施以下支持政策：\n"
            "（一）对首次进入全国民营企业500强的，给予一次性奖励100万元。\n（二）对首次升规的企业，给予奖励10万元。\n"
            "二、降低企业融资成本\n（一）对企业获得的贷款给予贴息。\n（二）设立应急转贷资金。\n")
    s = parse_structure(text)
    assert [m.label for m in select_measures(s, text)] == ["（一）", "（二）", "（一）", "（二）"]


def test_related_articles_list_after_the_letter_is_outside_the_body():
    body = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            "某市财政局\n2021年1月5日\n")
    text = body + ("相关文件：\n某市人民政府办公室关于印发某市2021年政府工作要点的通知\n"
                   "某市财政局关于做好2020年决算工作的通知\n某市发展和改革委员会关于做好2021年价格工作的通知\n")
    assert parse_structure(text).body_end <= len(body)


@pytest.mark.parametrize("date_line", ["2021年1月5日（此件公开发布）", "2021年1月5日 (此件主动公开)", "二〇二一年一月五日"])
def test_signature_date_with_its_disclosure_note(date_line):
    text = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            f"某市财政局\n{date_line}\n")
    m = parse_structure(text).meta
    assert (m.issuer, m.date) == ("某市财政局", "2021-01-05")


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
