"""Header and footer elements (GB/T 9704) on the dev corpus and on invented documents of other places."""
import pytest
from tests.structure.structure_corpus import DOCS, RAW, gold, norm, raw, similar

from pipeline.structure import parse_structure

FIELDS = ("doc_number", "title", "doc_type", "issuer", "date", "effective_from", "effective_to")


# Fields the gold keeps as damaged in the copy, which no general rule restores (none left: a doc number that
# lost its 〕 and 号, 牟政办发〔201746, is read as written now).
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@pytest.mark.parametrize("doc", DOCS)
def test_corpus_meta_matches_gold(doc):
    meta = parse_structure(raw(doc)).meta
    g = gold(doc)["meta"]
    for f in FIELDS:
        if f not in g or (doc, f) in KNOWN_GAPS:
            continue
        got = getattr(meta, f)
        if f == "title" and g[f] is not None:
            assert similar(got, g[f]), (f, g[f], got)
        else:
            assert norm(got) == norm(g[f]), (f, g[f], got)


def test_zs2024_meta_from_the_unjoined_pdf_dump():
    text = (RAW / "zs-2024-reply-133089.txt").read_text(encoding="utf-8")
    st = parse_structure(text)
    m = st.meta
    assert (m.doc_number, m.doc_type, m.issuer, m.date) == ("中山商务贸函〔2024〕8号", "函", "中山市商务局", "2024-07-10")
    assert norm(m.title) == "中山市商务局关于市政协十三届三次会议第133089号提案答复的函"
    assert m.cc == ["市政协提案", "市政府办公室", "各会办单位"]
    assert (m.printer, m.print_date, m.disclosure) == ("中山市商务局办公室", "2024-07-12", "主动公开")
    assert m.recipients == ["蔡先全", "杜姬芳", "陆玲委员"]
    assert st.kind == "reply"


def test_traditional_and_pinyin_noise_values_keep_the_document_script():
    st = parse_structure(raw("shanghai-2017-notice-noisy"))
    assert st.meta.doc_number == "滬府發(fā)〔2017〕92號"
    assert st.meta.issuer == "上海市人民政府"
    assert st.meta.recipients == ["各區(qū)人民政府", "市政府各委、辦、局"]
    hh = parse_structure(raw("huaihua-2023-measures-trad")).meta
    assert hh.doc_number == "懷政辦發〔2023〕9號" and hh.issuer == "懷化市人民政府辦公室"


def test_validity_period_from_the_issue_date():
    m = parse_structure(raw("zs-2025-wenwaimao-measures")).meta
    assert (m.date, m.effective_from, m.effective_to) == ("2025-04-15", "2025-04-15", "2025-12-31")


@pytest.mark.parametrize("head, category", [
    ("签发人:刘庆 答复类别:A类\n", "A"),                      # a page field above the letter
    ("答复类别:E\n", "E"),
    ("A)类\n", "A"),                                         # (A)类 with its opening bracket lost
    ("办理结果:B\n", "B"),
    ("C\n某县农业农村局关于县十八届人大四次会议第14号建议的答复\n", "C"),   # a lone letter over the reply
])
def test_a_replys_category_in_the_forms_pages_print_it(head, category):
    text = head + "张某代表:\n您提出的关于加快道路建设的建议收悉,现答复如下:\n一、关于道路建设。我局已列入计划。\n"
    assert parse_structure(text).meta.category == category


def test_a_lone_letter_in_a_table_of_a_guide_is_no_category():
    text = "某区产业发展专项资金重点项目指南\n专项\n资金\n编号\nA\n项目名称\n一、支持内容\n对新建项目给予补助。\n"
    assert parse_structure(text).meta.category is None


def test_category_and_registration_number():
    assert parse_structure(raw("hengyang-yanfeng-2024-reply-5")).meta.category == "B"
    assert parse_structure(raw("shaanxi-2020-reply-767")).meta.category == "B"
    assert parse_structure(raw("wenshan-2019-reply-122")).meta.category == "A"
    assert parse_structure(raw("huaihua-2023-measures-trad")).meta.doc_number != "HHCR-2023-01005"


GUANGDONG = """广东省人民政府办公厅关于印发广东省促进外贸稳规模优结构若干措施的通知
粤府办〔2021〕12号
各地级以上市人民政府，省政府各部门、各直属机构：
　　《广东省促进外贸稳规模优结构若干措施》已经省人民政府同意，现印发给你们，请认真贯彻执行。
广东省人民政府办公厅
2021年3月2日
广东省促进外贸稳规模优结构若干措施
　　为推动外贸稳规模优结构，制定以下措施。
　　一、支持企业开拓国际市场。对企业参加境外展会给予展位费50%、最高10万元的补助。（省商务厅、财政厅负责）
　　二、加大出口信用保险支持。扩大短期出口信用保险覆盖面。（中国信保广东分公司、省商务厅按职责分工负责）
　　本措施自印发之日起实施，有效期至2023年12月31日。
公开方式：主动公开
抄送：省委有关部委办，省人大常委会办公厅，省政协办公厅。
广东省人民政府办公厅秘书处　　　　　2021年3月3日印发
"""

SICHUAN = """四川省人民政府关于同意设立成都天府国际机场临空经济区的批复
川府函〔2020〕45号
成都市人民政府：
　　你市《关于设立临空经济区的请示》（成府〔2020〕12号）收悉。经研究，现批复如下：
　　一、同意设立成都天府国际机场临空经济区。
　　二、请认真组织实施。
四川省人民政府
二〇二〇年三月十日
"""

BEIJING_SITE = """索引号：000014349/2019-00123　　发文字号：京政办发〔2019〕3号
主题分类：综合政务　　成文日期：2019年01月20日
北京市人民政府办公厅关于加强新时代街道工作的意见
各区人民政府，市政府各委、办、局：
　　为加强新时代街道工作，经市政府同意，提出以下意见。
　　一、总体要求
　　（一）指导思想。以习近平新时代中国特色社会主义思想为指导。
"""

JIANGSU_NEWS = """近日，江苏省人民政府办公厅印发《关于促进平台经济规范健康发展的实施意见》。文件提出，到2025年，平台经济规模持续壮大。
江苏省人民政府办公厅关于促进平台经济规范健康发展的实施意见
苏政办发〔2020〕11号
各市、县（市、区）人民政府，省各委办厅局：
　　为促进平台经济规范健康发展，现提出如下意见。
　　一、优化完善市场准入条件
　　1．推进登记注册便利化。放宽住所登记条件。（省市场监管局负责）
"""

SIGNED_ON_ONE_LINE = """关于做好2024年春节期间安全生产工作的通知
浙安委办〔2024〕3号
各市安委会：
　　现就做好春节期间安全生产工作通知如下。
浙江省安全生产委员会办公室　2024年1月25日
"""


@pytest.mark.parametrize("text,expected", [
    (GUANGDONG, {"doc_number": "粤府办〔2021〕12号", "doc_type": "通知", "issuer": "广东省人民政府办公厅",
                 "date": "2021-03-02", "effective_from": "2021-03-02", "effective_to": "2023-12-31",
                 "printer": "广东省人民政府办公厅秘书处", "print_date": "2021-03-03", "disclosure": "主动公开",
                 "cc": ["省委有关部委办", "省人大常委会办公厅", "省政协办公厅"],
                 "title": "广东省人民政府办公厅关于印发广东省促进外贸稳规模优结构若干措施的通知"}),
    (SICHUAN, {"doc_number": "川府函〔2020〕45号", "doc_type": "批复", "issuer": "四川省人民政府",
               "date": "2020-03-10", "recipients": ["成都市人民政府"]}),
    (BEIJING_SITE, {"doc_number": "京政办发〔2019〕3号", "date": "2019-01-20", "doc_type": "意见",
                    "issuer": "北京市人民政府办公厅", "title": "北京市人民政府办公厅关于加强新时代街道工作的意见"}),
    (JIANGSU_NEWS, {"doc_number": "苏政办发〔2020〕11号", "doc_type": "意见", "issuer": "江苏省人民政府办公厅",
                    "title": "江苏省人民政府办公厅关于促进平台经济规范健康发展的实施意见", "date": None}),
    (SIGNED_ON_ONE_LINE, {"issuer": "浙江省安全生产委员会办公室", "date": "2024-01-25", "doc_type": "通知"}),
])
def test_invented_documents_of_other_places(text, expected):
    meta = parse_structure(text).meta
    for field, value in expected.items():
        if hasattr(meta, field):
            assert getattr(meta, field) == value, (field, getattr(meta, field))


@pytest.mark.parametrize("title,doc_type", [
    ("关于促进制造业高质量发展的若干措施", "措施"),
    ("关于支持产业创新集群建设的若干政策(试行)(苏州)", "政策"),
    ("关于市政协十二届五次会议第20210045号提案答复的函", "函"),
    ("对省十三届人大三次会议第767号建议的答复函", "函"),
    ("关于推动经济高质量发展若干政策举措(2025年版)", "举措"),
    ("南宁市人民政府办公室关于印发南宁市优化营商环境实施方案的通知", "通知"),
    ("云南省人民政府关于进一步优化营商环境的若干意见", "意见"),
])
def test_doc_type_from_the_title(title, doc_type):
    assert parse_structure(title + "\n各有关单位：\n　　现将有关事项说明如下。\n").meta.doc_type == doc_type


def test_site_tag_after_the_title_is_dropped():
    st = parse_structure("关于支持产业创新集群建设的若干政策(试行)(苏州)\n为推动发展,特制定如下措施:\n")
    assert st.meta.title == "关于支持产业创新集群建设的若干政策(试行)"


def test_issuer_mark_and_site_labels_are_not_part_of_the_title():
    text = ("通知公告\n广州市人民政府办公厅文件\n广州市人民政府办公厅关于做好2022年元旦春节期间有关工作的通知\n"
            "穗府办〔2021〕30号\n各区人民政府，市政府各部门：\n　　现就有关工作通知如下。\n")
    m = parse_structure(text).meta
    assert m.title == "广州市人民政府办公厅关于做好2022年元旦春节期间有关工作的通知"
    assert (m.doc_number, m.issuer) == ("穗府办〔2021〕30号", "广州市人民政府办公厅")


def test_gazette_date_under_the_title():
    text = "重庆市人民政府关于加快发展数字经济的意见\n（二〇二三年五月十日）\n各区县（自治县）人民政府：\n　　为加快发展数字经济，提出如下意见。\n"
    assert parse_structure(text).meta.date == "2023-05-10"


def test_title_over_two_lines_with_the_unit_line_before_关于():
    text = ("长沙市岳麓区人民政府\n关于区四届人大第三次会议第12号建议\n办理情况的答复\n岳政建复〔2023〕7号\n刘建国代表：\n"
            "　　你提出的建议收悉，现答复如下。\n")
    m = parse_structure(text).meta
    assert m.title == "长沙市岳麓区人民政府关于区四届人大第三次会议第12号建议办理情况的答复"
    assert (m.doc_type, m.issuer, m.date) == ("答复", "长沙市岳麓区人民政府", None)


@pytest.mark.parametrize("text,title,doc_type", [
    # a title whose last words wrapped onto the next line
    ("金华市婺城区人民政府关于印发关于推动经济高质量发展若干政策举措\n(2025年版)的通知\n各乡镇人民政府：\n　　现印发给你们。\n",
     "金华市婺城区人民政府关于印发关于推动经济高质量发展若干政策举措(2025年版)的通知", "通知"),
    ("厦门市人民政府办公厅关于征集2010年全国“两会”议案建议提案材料的\n通知\n各区人民政府：\n　　现通知如下。\n",
     "厦门市人民政府办公厅关于征集2010年全国“两会”议案建议提案材料的通知", "通知"),
    # a doc number with the first half of the title on its line
    ("盘县政办发〔2017〕88号盘山县人民政府办公室关于印发《盘山县\n设施农业小区建设奖励办法》的通知\n各镇人民政府：\n　　现印发给你们。\n",
     "盘山县人民政府办公室关于印发《盘山县设施农业小区建设奖励办法》的通知", "通知"),
    # site furniture glued to the title line by a careless join
    ("陕西省发展和改革委员会\n对省十三届人大三次会议第767号建议的答复函来源:办公室发布时间:2020-06-04\n左新文代表:\n　　现答复如下。\n",
     "对省十三届人大三次会议第767号建议的答复函", "函"),
    ("【字体：大 中 小】文山市財政局對文山市第三屆政協第三次會議第122號提案的答覆\n民盟文山市基層委員會:\n　　現答覆如下:\n",
     "文山市財政局對文山市第三屆政協第三次會議第122號提案的答覆", "答复"),
])
def test_titles_through_wraps_and_glued_furniture(text, title, doc_type):
    m = parse_structure(text).meta
    assert (m.title, m.doc_type) == (title, doc_type)


def test_without_a_title_line_the_opening_sentence_names_the_document():
    text = ("我局起草了《某市农业产业化高质量发展若干政策措施(征求意见稿)》,现向社会公开征求意见。\n"
            "附件:某市农业产业化高质量发展若干政策措施(征求意见稿)\n某市农业农村局\n2024年6月14日\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("某市农业产业化高质量发展若干政策措施(征求意见稿)", "措施")


def test_a_letter_without_a_title_that_cites_a_document_later_keeps_no_title():
    text = ("鲁兵委员:\n您在县政协十一届三次会议上提出的第2024087号《关于加强传统村落保护利用的建议》的提案收悉。现答复如下:\n"
            "县政府印发了《关于印发进一步加强文物保护工作的实施方案的通知》,对古建筑加以保护。\n某县文化旅游局\n2024年7月1日\n")
    assert parse_structure(text).meta.title is None


def test_doc_number_in_small_form_brackets_is_kept_as_written():
    text = ("岳阳市君山区卫生健康局\n君卫函字﹝2018﹞11号\n关于区政协第60号提案的答复\n张三委员：\n"
            "您提出的提案收悉，现答复如下：已安排专项资金。\n岳阳市君山区卫生健康局\n2018年6月1日\n")
    assert parse_structure(text).meta.doc_number == "君卫函字﹝2018﹞11号"


def test_doc_number_glued_to_the_recipients():
    text = ("衡陽市雁峯區人民政府\n關於區五屆人大第四次會議第5號建議\n辦理情況的答覆\n"
            "雁政建復〔2024〕4號(B類)唐如偉、李徵平等代表:\n你們所提的《關於儘快解決社區工作者的退休待遇的建議》已收悉,現答覆如下:\n")
    st = parse_structure(text)
    assert (st.meta.doc_number, st.meta.category, st.kind) == ("雁政建復〔2024〕4號", "B", "reply")
    assert st.meta.recipients == ["唐如偉、李徵平等代表"]


# ---------------------------------------------------------------- the title among site labels
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


@pytest.mark.parametrize("page_title,title", [
    ("关于市十六届人大五次会议第123号建议的答复", "某市地方金融监督管理局关于市十六届人大五次会议第123号建议的答复"),
    ("某区促进楼宇经济高质量发展实施细则", "某区人民政府办公室关于印发《某区促进楼宇经济高质量发展实施细则》的通知"),
])
def test_web_page_title_gives_way_to_the_documents_own_title(page_title, title):
    text = (f"{page_title}\n发布时间：2020-07-10　浏览次数：326\n{title}\n某政办函〔2020〕21号\n各有关单位：\n"
            "现答复如下：\n一、关于设立资金。已安排资金。\n某市地方金融监督管理局\n2020年7月8日\n")
    assert parse_structure(text).meta.title == title


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


# ---------------------------------------------------------------- the signature
def test_joint_issuer_from_stacked_signature_lines():
    text = ("中共某县委　某县人民政府关于加快民营经济发展的意见\n某发〔2008〕5号\n各乡镇党委、政府：\n现提出如下意见。\n"
            "一、加大财政扶持。县政府每年安排专项资金五百万元。\n中共某县委\n某县人民政府\n2008年3月15日\n")
    m = parse_structure(text).meta
    assert (m.issuer, m.date) == ("中共某县委 某县人民政府", "2008-03-15")


def test_single_signature_is_not_joined_with_the_body():
    text = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            "某市财政局\n2021年1月5日\n")
    assert parse_structure(text).meta.issuer == "某市财政局"


@pytest.mark.parametrize("date_line", ["2021年1月5日（此件公开发布）", "2021年1月5日 (此件主动公开)", "二〇二一年一月五日"])
def test_signature_date_with_its_disclosure_note(date_line):
    text = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            f"某市财政局\n{date_line}\n")
    m = parse_structure(text).meta
    assert (m.issuer, m.date) == ("某市财政局", "2021-01-05")


@pytest.mark.parametrize("text, doc_type", [
    # a notice's closing or opening formula names its 文种
    ("为确保清明节期间道路交通安全，决定实行临时交通管制。\n特此通告。\n某市公安局交通管理局\n", "通告"),
    ("为做好防汛工作，现将有关事项通知如下：\n一、加强值守。\n", "通知"),
    # a chapter's first article that makes the rules (…制定本办法。) names them
    ("第一章 总则\n第一条 为规范专项资金管理，结合实际，制定本办法。\n第二条 资金从区财政安排。\n", "办法"),
])
def test_an_untitled_text_takes_its_type_from_what_it_calls_itself(text, doc_type):
    assert parse_structure(text).meta.doc_type == doc_type


def test_site_source_names_the_issuer_without_the_site_word():
    text = "对十三届全国人大五次会议第4711号建议的答复摘要\n发布时间:2022-08-10 来源: 农业农村部网站\n余某代表:\n您提出的建议收悉。现答复如下。\n"
    assert parse_structure(text).meta.issuer == "农业农村部"


def test_a_law_databases_attribute_fields_give_number_and_issuer():
    text = "关于印发某办法的通知\n•【制定机关】上海市徐汇区人民政府•【字号】徐府办发[2012]19号•【施行日期】2012.06.15\n各街道:\n现将办法印发给你们。\n"
    assert parse_structure(text).meta.doc_number == "徐府办发[2012]19号"


def test_a_year_and_serial_number_opening_a_copy_is_its_doc_number():
    text = "2013年 第10号\n为确保清明节期间道路的交通安全,决定实行交通管制。\n特此通告。\n"
    assert parse_structure(text).meta.doc_number == "2013年第10号"


@pytest.mark.parametrize("date_line, date", [("2018525", "2018-05-25"), ("2019116", "2019-01-16"), ("2025106", "2025-10-06")])
def test_a_signature_date_that_lost_its_characters_under_a_cover_text_without_a_full_stop(date_line, date):
    text = f"各镇人民政府:\n现将应急预案印发给你们,请认真贯彻执行\n东宁市人民政府办公室\n{date_line}\n应急预案\n1 总则\n"
    assert parse_structure(text).meta.date == date


def test_a_site_fields_date_settles_a_signature_date_read_two_ways():
    text = ("发文字号 锡署发〔2016〕152号\n成文日期 2016-12-01\n锡林郭勒盟行政公署关于印发草原生态保护补助奖励政策实施指导意见的通知\n"
            "各旗县市人民政府:\n现将《指导意见》印发给你们,请认真贯彻执行。\n锡林郭勒盟行政公署\n2016121\n")
    assert parse_structure(text).meta.date == "2016-12-01"


def test_a_date_with_look_alike_zeros_and_a_footnote_mark_under_the_signature():
    text = ("赤水市交通局关于对市五届人大一次会议第94号建议的答复\n李绍彬代表:\n您提出的建议收悉。现答复如下。\n"
            "赤水市交通局\n二ΟΟ七年五月二十四日[1]\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("赤水市交通局", "2007-05-24")


def test_a_signature_and_date_in_brackets_under_the_cover_sentence():
    text = ("各乡、镇人民政府,县政府有关工作部门:现将《某县支持民营经济发展十五条措施》印发给你们,请认真贯彻执行。\n"
            "(沿河土家族自治县人民政府办公室2025年3月14日)\n某县支持民营经济发展十五条措施\n第一条 对新入规的企业给予奖励10万元。\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("沿河土家族自治县人民政府办公室", "2025-03-14")


def test_a_news_leads_issuer_and_the_number_after_the_documents_name():
    text = ("资讯首页 > 农业补贴\n最近,浏阳市官渡镇人民政府印发了《官渡镇2024年粮食生产工作方案》(官发〔2024〕11号),发展粮食生产有补贴。\n"
            "一、严格兑现上级补贴\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer, meta.doc_number) == ("官渡镇2024年粮食生产工作方案", "浏阳市官渡镇人民政府", "官发〔2024〕11号")


def test_a_sites_fuller_title_replaces_the_end_of_a_title_read_short():
    text = ("信息名称: | 本溪市住房和城乡建设委员会关于对本溪市第十六届人民代表大会第一次会议第1192号建议办理情况的答复 |\n"
            "发布日期: | 2018-05-30 | 成文日期: | 2018-05-30 |\n"
            "孙立国代表:第一次会议第1192号建议办理情况的答复\n您提出的建议收悉,现答复如下:\n一、加快管网建设。\n")
    assert parse_structure(text).meta.title == \
        "本溪市住房和城乡建设委员会关于对本溪市第十六届人民代表大会第一次会议第1192号建议办理情况的答复"


def test_a_site_rows_title_key_and_a_date_key_parted_by_spaces_only():
    text = ("人大代表建议\n汉阴县交通运输局关于办理县十九届人大一次会议第115号建议的函\n"
            "名称 汉阴县交通运输局关于办理县十九届人大一次会议第115号建议的函\n办理部门 县交通局 处理状态 已办结\n"
            "签发人 唐继虎 签发日期 2022-08-03 发布日期 2022-08-05 类别 A\n正文\n汤兴娣代表提出《关于扩宽改造的建议》。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer, meta.date) == (
        "汉阴县交通运输局关于办理县十九届人大一次会议第115号建议的函", "汉阴县交通运输局", "2022-08-03")


def test_a_title_with_its_issuer_over_the_same_title_without_it_is_the_title():
    text = ("西山区农业农村局关于西山区第十七届人大三次会议第173169号建议答复的函\n"
            "关于西山区第十七届人大三次会议第173169号建议答复的函\n张峪珩代表:\n您提出的建议收悉,现答复如下:\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("西山区农业农村局关于西山区第十七届人大三次会议第173169号建议答复的函", "西山区农业农村局")


def test_a_news_pages_head_naming_the_document_whole():
    text = ("当前位置:首页>行业研究>《长兴县关于进一步加快电子商务发展的若干政策意见》全文\n"
            "《长兴县关于进一步加快电子商务发展的若干政策意见》全文\n发布时间:2019年04月18日 10:01:15\n"
            "各乡镇人民政府,县政府直属各单位:\n为进一步优化我县电子商务发展环境,特制定本意见。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("长兴县关于进一步加快电子商务发展的若干政策意见", "意见")


def test_joint_issuers_mark_over_a_title_is_not_the_titles_head():
    text = ("围场县财政局\n围场县农业农村局\n围财〔2021〕48号\n围场县财政局\n围场县农业农村局\n"
            "关于印发《围场县2021年耕地地力保护补贴发放工作实施方案》的通知\n各乡镇人民政府:\n现将方案印发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.title == "关于印发《围场县2021年耕地地力保护补贴发放工作实施方案》的通知"


def test_a_reply_signed_after_a_closing_thanks_without_a_date():
    text = ("张三代表:\n您提出的关于加强城市绿化树木管理的建议收悉,现答复如下:\n"
            "我局将定期修剪树木。\n最后,再一次对您提出的建议表示感谢,并欢迎您继续关心支持。\n调兵山市住房和城乡建设局\n")
    assert parse_structure(text).meta.issuer == "调兵山市住房和城乡建设局"


def test_a_doc_number_holding_its_divisions_word_in_brackets_is_read_whole():
    text = "发文文号: 宁财[社]发[2015]250号\n关于调整城乡低保标准的通知\n各市、县(区)财政局:\n现将有关事项通知如下。\n"
    assert parse_structure(text).meta.doc_number == "宁财[社]发[2015]250号"


def test_a_document_name_field_glued_to_its_value_gives_the_title_not_the_issuer():
    text = ("索 引 号00001854-5/2019-00571\n公文名称民政部对“关于提高高龄津贴和资金来源的建议”的答复\n民函〔2018〕723号\n"
            "吴明兰代表:\n您提出的“关于提高高龄津贴和资金来源的建议”收悉。现答复如下。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("民政部对“关于提高高龄津贴和资金来源的建议”的答复", "民政部")


def test_a_national_institution_issuing_with_a_ministry_is_part_of_the_issuer():
    text = ("商务部 中央广播电视总台关于组织开展2020年全国消费促进月活动的通知\n各省、自治区、直辖市商务主管部门:\n"
            "现将各项工作和要求通知如下:\n一、活动时间\n")
    assert "".join(parse_structure(text).meta.issuer.split()) == "商务部中央广播电视总台"


def test_a_reply_records_handling_office_field_run_into_the_next_field_gives_the_issuer():
    text = ("标题 对宁陕县第十九届人大二次会议 第247号建议的复函\n编号 247 办理部门 农水局 处理状态\n"
            "签发人 张志清 签发日期 2023-09-07 17:16\n杨丽代表:\n您提出的《关于建设高标准农田的建议》收悉,现答复如下。\n")
    assert parse_structure(text).meta.issuer == "农水局"


def test_a_signature_run_on_after_the_attachments_name_signs_and_dates_the_letter():
    text = ("各县(市、区)人民政府:\n经市人民政府同意,现将有关奖励政策调整如下,请遵照执行。附件:贵港市文化旅游发展专项资金奖励一览表"
            "贵港市人民政府办公室2021年12月24日(此件公开发布)\n")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("贵港市人民政府办公室", "2021-12-24")


def test_a_title_head_holding_guanyu_after_the_issuer_is_no_unit_line():
    text = ("  广东省人民政府办公厅关于推动公立医院\n\n  高质量发展的实施意见\n\n  粤府办〔2022〕4号\n"
            "各地级以上市人民政府,省政府各部门、各直属机构:\n  为推动我省公立医院高质量发展,提出以下实施意见。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer) == ("广东省人民政府办公厅关于推动公立医院高质量发展的实施意见", "广东省人民政府办公厅")


def test_a_title_head_ending_with_zhuanfa_takes_a_long_second_line():
    text = ("中共浙江省委办公厅、浙江省人民政府办公厅转发\n《关于做好2004年高校毕业生就业工作意见》的通知\n(浙委办[2004]39号)\n"
            "各市、县(市、区)党委和人民政府,省直属各单位:\n现转发给你们,请认真贯彻执行。\n")
    assert parse_structure(text).meta.title == \
        "中共浙江省委办公厅、浙江省人民政府办公厅转发《关于做好2004年高校毕业生就业工作意见》的通知"


def test_a_page_templates_header_in_the_breadcrumb_is_no_issuer():
    text = ("天津市民政局\n首页 > 前端复用 > 通用头部\n对市十八届人大三次会议第0345号建议的办理答复\n\n张建强代表:\n"
            "  您提出的关于着力解决老年人就餐问题的建议,经研究答复如下:\n")
    assert parse_structure(text).meta.issuer != "通用头部"


def test_a_site_field_line_ending_with_a_colon_is_no_recipient():
    text = ("关于对市政协十四届三次会议第079号提案的答复\n2024-04-30 15:10:29     发文单位:   点击数:  \n"
            " 索 引 号  zfb/2024-00034  发文机关  政府办公室  发布日期  2024-04-30\n\n吴永珍委员:\n\n"
            "您好!您在市政协十四届三次会议上提出的关于完善房地产公共资源的建议收悉,现答复如下。\n")
    assert parse_structure(text).meta.recipients == ["吴永珍委员"]


def test_a_doc_number_run_into_the_field_before_it_starts_after_its_key():
    text = ("  • 效力状态 有效 文号 陕市监函〔2025〕442号\n  • 名称 对省政协十三届三次会议第669号提案的答复函\n"
            "对省政协十三届三次会议第669号提案的答复函\n张弛委员:\n您提出的提案收悉。现答复如下:\n")
    assert parse_structure(text).meta.doc_number == "陕市监函〔2025〕442号"


def test_share_widget_lines_above_the_title_are_no_part_of_it():
    text = ("玉屏侗族自治县森林草原禁火令\n\n来源:玉屏侗族自治县融媒体中心\n分享到\n\n分享到微信朋友圈\n\n"
            "玉屏侗族自治县森林草原禁火令\n  为有效预防和遏制森林火灾发生,特发布本禁火令。\n  一、禁火时段\n")
    assert parse_structure(text).meta.title == "玉屏侗族自治县森林草原禁火令"


def test_a_groups_member_posts_above_the_signature_are_no_joint_issuers():
    text = ("关于做好高速公路绿化工作的通知\n机关、各站所:\n为做好绿化工作,现通知如下。\n五、成立领导小组\n"
            "组 长:香斌元 镇党委副书记、镇长\n成 员:靳万新 林业站站长\n苗进新 林业站干部\n王明海 林业站干部\n"
            "老奇台镇人民政府\n2017年4月21日\n")
    assert parse_structure(text).meta.issuer == "老奇台镇人民政府"


def test_a_title_after_the_cut_copy_of_its_head_is_the_whole_title():
    text = ("国务院办公厅关于发展银发经济 国务院办公厅关于发展银发经济 增进老年人福祉的意见\n发布时间:2024-01-23\n"
            "各省、自治区、直辖市人民政府:\n银发经济是向老年人提供产品或服务的经济活动。\n一、总体要求\n")
    assert norm(parse_structure(text).meta.title) == "国务院办公厅关于发展银发经济增进老年人福祉的意见"


def test_a_page_titles_site_name_and_a_breadcrumb_without_a_home_page_are_no_part_of_the_title():
    text = ("凯发官方-凯发k8官网下载 > 政务服务 > 办事通知\n"
            "北京市经济和信息化局 北京市财政局 关于组织开展资金申请工作(第一批)的通知-凯发官方\n"
            "来源: 规划处\n各有关单位:\n为推动产业发展,现将有关事宜通知如下:\n一、重点支持方向\n")
    meta = parse_structure(text).meta
    assert norm(meta.title) == "北京市经济和信息化局北京市财政局关于组织开展资金申请工作〔第一批〕的通知"
    assert norm(meta.issuer) == "北京市经济和信息化局北京市财政局"


def test_a_reposting_sites_lead_in_names_no_signer():
    text = ("某市科学技术局关于开展奖励资金申报工作的通知\n"
            "华夏某某利用平台对政府政策进行收集整理。\n以下是某市科学技术局\n2025年12月10日\n发布的某市科学技术局关于开展奖励资金申报工作的通知\n"
            "各有关企业:\n现组织开展申报。具体申报要求如下:\n一、申报条件\n")
    assert parse_structure(text).meta.issuer == "某市科学技术局"


def test_a_doc_number_under_the_sites_date_and_source_line_is_read():
    text = ("对省政协十二届四次会议第0407号提案的答复\n\n2021-09-05 15:15:50   来源:云南省林业和草原局    分享到:\n\n"
            "云林函〔2021〕279号\n\n刘沧山委员:\n\n您提出的提案收悉,现答复如下:\n\n省林草局一直高度重视。\n")
    assert parse_structure(text).meta.doc_number == "云林函〔2021〕279号"


def test_a_signature_and_its_bare_date_under_a_disclosure_note_are_the_letters():
    text = ("关于县十七届人大五次会议第B-9号建议的答复\n\n康凤娥代表\n\n您提出的建议收悉,现答复如下:\n\n"
            "一、问题已经解决。\n\n以上答复您是否满意。\n\n(此件予以公开)\n\n中阳县交通运输局 \n\n2024719\n\n\n相关推荐")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("中阳县交通运输局", "2024-07-19")


def test_a_reply_closed_by_its_units_and_reply_date_fields_is_dated_and_signed_by_them():
    text = ("许峰代表:\n您提出的《关于加大保洁经费投入的建议》收悉,现答复如下:\n一、基本情况\n我区农村保洁工作已移交运营。\n"
            "单位名称:昆区农牧局\n答复日期:2023年3月20日")
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("昆区农牧局", "2023-03-20")



def test_a_sub_district_heading_its_title_is_named_in_full_by_the_sites_issuing_body():
    text = ("新华路街道2024年工作要点\n  • 发文机构:上海市长宁区人民政府新华路街道办事处\n\n"
            "2024年是实现“十四五”规划目标任务的关键一年。\n一、聚焦经济发展\n(一)优化营商环境。\n")
    assert parse_structure(text).meta.issuer == "上海市长宁区人民政府新华路街道办事处"


def test_a_title_followed_by_its_labelled_number_in_brackets_gives_both():
    text = ("  • 新郑市民政局\n  • 提案,建议提案,提案答复函\n  • 2017-06-29\n"
            "关于对建设公益性墓地的提案答复的函(编号:B〔2017〕062号)\n\n赵舒琪、陈弘毅委员:\n\n"
            "  您提出的关于建设公益性墓地的提案收悉。现答复如下:\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_number) == ("关于对建设公益性墓地的提案答复的函", "B〔2017〕062号")


def test_a_law_databases_date_and_number_line_under_the_title_gives_both():
    text = ("您的位置: 首页 » 法律资料网 » 法律法规 »\n\n某部关于印发《专项资金使用管理办法》的通知\n\n某部\n\n"
            "某部关于印发《专项资金使用管理办法》的通知\n\n2001年12月5日  财建〔2001〕899号\n\n各省财政厅(局):\n"
            "  为加强专项资金的管理,我们制定了本办法。现印发给你们,请遵照执行。\n")
    meta = parse_structure(text).meta
    assert (meta.date, meta.doc_number) == ("2001-12-05", "财建〔2001〕899号")


def test_a_law_databases_date_and_issuer_line_dates_the_rule_and_is_no_part_of_its_title():
    text = ("您的位置: 首页 » 法律资料网 » 法律法规 »\n\n某局关于下发《若干问题的规定》的通知(附英文)\n\n某局\n\n"
            "国家税务总局关于下发《若干问题的规定》的通知(附英文)\n\n1993年11月2日,国家税务总局\n\n通知\n"
            "各省、自治区、直辖市税务局:\n现将《若干问题的规定》印发给你们,请认真贯彻执行。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.date) == ("国家税务总局关于下发《若干问题的规定》的通知", "1993-11-02")


@pytest.mark.parametrize("head", [
    "关于举行《某市老年人优待办法》听证会的公告\n某市民政局\n    http://mzj.example.gov.cn 2025-08-18\n",
    "首页>信息公开>通知公告\n\n某市民政局   2025-09-29 09:02:00\n关于举行《某市老年人优待办法》听证会的公告\n",
])
def test_the_unit_of_a_pages_byline_beside_the_title_is_the_issuer_and_its_time_no_date(head):
    text = head + "为规范重大决策行为,我局决定举行听证会,现将有关事项公告如下:\n一、听证会时间\n听证会拟于9月中旬举行。\n"
    meta = parse_structure(text).meta
    assert (meta.issuer, meta.date) == ("某市民政局", None)


def test_a_unit_line_closing_the_text_after_its_last_sentence_signs_it():
    text = ("姜昕委员:\n您提出的关于做好残疾人就业工作的建议的提案收悉,现答复如下:\n"
            "对我区103户残疾人个体经营者进行了扶持,扶持资金主要用于改善经营条件等支出。\n盘锦市大洼区残疾人联合会")
    assert parse_structure(text).meta.issuer == "盘锦市大洼区残疾人联合会"


def test_a_page_heading_over_the_letters_own_title_is_no_part_of_it():
    text = ("某省民政厅对省政协某委员《关于村干部薪酬改革的建议》的答复\n\n"
            "某省民政厅对省政协第十二届三次会议第0969号提案答复的函\n川民函〔2020〕335号\n2020年11月20日\n\n"
            "田荣华委员:\n\n您提出的建议收悉,现答复如下:\n")
    assert parse_structure(text).meta.title == "某省民政厅对省政协第十二届三次会议第0969号提案答复的函"


def test_a_catalogues_bulleted_empty_keys_do_not_end_the_search_for_the_doc_number():
    text = ("关于市政协某次会议第341号提案答复的函\n发布时间:2025-09-02 17:16\n  • 信息类别:\n  • 文件编号:\n"
            "  • 公开方式: 主动公开\n  • 信息索取号: 000014349/2025-02560\n  • 规范性文件有效性:\n  • 责任部门:\n"
            "某市农业农村局\n.\n某农案字(2025)4号\n关于市政协某次会议\n第341号提案答复的函\n某党派市委会:\n"
            "您提出的提案收悉。经认真研究办理,现答复如下:\n")
    meta = parse_structure(text).meta
    assert (meta.doc_number, meta.issuer) == ("某农案字(2025)4号", "某市农业农村局")


@pytest.mark.parametrize("between", ["", ".\n", "————————\n"])
def test_the_unit_line_over_the_doc_number_is_the_issuer(between):
    text = (f"关于县政协某次会议第12号提案的答复\n发布时间:2023-06-02\n某县交通运输局\n{between}某交函〔2023〕12号\n"
            "张某委员:\n您提出的提案收悉,现答复如下:\n一、加快道路建设\n今年已完成改造。\n")
    assert parse_structure(text).meta.issuer == "某县交通运输局"


def test_a_sentence_over_the_doc_number_gives_no_issuer():
    text = ("为加快道路建设,某县交通运输局积极争取资金。\n某交函〔2023〕12号\n关于县政协某次会议第12号提案的答复\n"
            "张某委员:\n您提出的提案收悉,现答复如下:\n")
    assert parse_structure(text).meta.issuer is None


def test_a_joint_signatures_units_printed_several_to_a_row_are_each_an_issuer():
    text = ("某县教育局等七部门关于印发《某方案》的通知\n各乡镇人民政府:\n现将《某方案》印发给你们,请认真抓好贯彻落实。\n"
            "某县教育局     某县卫生健康局\n某县财政局     某县市场监督管理局\n某县融媒体中心\n2021年11月22日\n")
    assert parse_structure(text).meta.issuer == "某县教育局 某县卫生健康局 某县财政局 某县市场监督管理局 某县融媒体中心"


def test_a_unit_glued_to_the_last_sentence_opens_a_joint_signature():
    text = ("为保障考试环境,现就有关事项规定如下:\n一、禁止夜间施工。\n"
            "对违规的施工单位将依法进行严肃查处。某市环境保护局\n某市建筑工程管理局\n二O一二年五月二十四日\n")
    assert parse_structure(text).meta.issuer == "某市环境保护局 某市建筑工程管理局"


def test_units_stacked_over_the_title_are_its_joint_issuers():
    text = ("中共某区委办公室\n某区人民政府办公室\n关于调整每周清扫日的通知\n各街道、区直各单位:\n"
            "经研究,决定将每周清扫日调整到每周星期四。\n2013年11月27日\n")
    assert parse_structure(text).meta.issuer == "中共某区委办公室 某区人民政府办公室"


def test_a_catalogues_issuer_path_gives_its_last_step():
    text = ("某省就业补助资金管理办法\n发布机构:某市人民政府->某市人力资源和社会保障局 发布时间: 2025-12-04\n"
            "第一条 为规范就业补助资金管理,制定本办法。\n")
    assert parse_structure(text).meta.issuer == "某市人力资源和社会保障局"


def test_a_pages_read_aloud_button_is_no_part_of_the_issuers_mark():
    text = ("文章播报\n某市某乡人民政府文件\n某政〔2010〕10号\n关于开展安全生产月活动的通知\n各村:\n"
            "现就开展活动通知如下:\n一、活动时间\n6月。\n")
    assert parse_structure(text).meta.issuer == "某市某乡人民政府"


def test_the_handling_unit_right_under_a_replys_date_is_its_issuer():
    text = ("关于自治州某次会议第087号建议的答复函\n王某等代表:\n你们提出的建议收悉,现答复如下:\n"
            "下一步,我们将积极争取把该项目列入计划。\n2020年10月29日\n承办单位:地区发改委\n联系人:刘某 联系方式:0901-6269375\n")
    assert parse_structure(text).meta.issuer == "地区发改委"


def test_a_breadcrumb_without_its_colon_is_no_title_and_a_type_alone_is():
    text = "您的位置 首页 资讯\n\n通 告\n\n广大市民:\n即日起禁止一切车辆和行人在江面通行。\n特此通告。\n某市公安局\n2025年2月20日\n"
    meta = parse_structure(text).meta
    assert (meta.title, meta.doc_type) == ("通告", "通告")


@pytest.mark.parametrize("note,date,number", [
    ("(2002年11月21日某市人民政府常务会议审议通过 2002年12月18日某市人民政府令第1号公布)", "2002-12-18", "某市人民政府令第1号"),
    ("(2020年4月24日某州人民代表大会常务委员会第二十六次会议通过 2020年7月22日某省人民代表大会常务委员会第十八次会议批准)",
     "2020-04-24", None),
    ("(1997年3月29日某自治区第六届", "1997-03-29", None),
])
def test_a_rules_note_under_its_title_dates_it(note, date, number):
    text = f"某市广场管理办法\n{note}\n第一条 为加强对广场的管理,制定本办法。\n第二条 本办法适用于广场。\n"
    meta = parse_structure(text).meta
    assert (meta.date, meta.doc_number) == (date, number)


def test_a_note_of_when_a_rule_takes_effect_is_no_date_of_it():
    text = "某市广场管理办法\n(2020年5月1日起施行)\n第一条 为加强对广场的管理,制定本办法。\n第二条 本办法适用于广场。\n"
    assert parse_structure(text).meta.date is None


def test_a_site_counter_over_the_title_is_no_part_of_it():
    text = ("某某Logo\n下载客户端\n\n登录\n\n  • +1\n\n某州城镇管理条例\n\n2020-09-02 17:52\n来源:某某新闻\n字号\n\n"
            "第一章 总 则\n第一条 为了加强城镇管理,制定本条例。\n")
    assert parse_structure(text).meta.title == "某州城镇管理条例"


@pytest.mark.parametrize("text,doc_type", [
    ("李某代表:\n您提出的《关于安装防护墙的建议》,已交我们研究办理,现答复如下:\n目前水库坝埂已加固。\n", None),
    ("为优化营商环境,特制定本行动方案。\n一、总体要求\n全面提升服务效率。\n", "方案"),
    ("某区人民政府关于市政协第798号提案答复意见\n孙某委员:\n您提出的建议收悉,现答复如下:\n", "答复"),
])
def test_the_type_a_titles_ending_or_an_untitled_policys_own_clause_names(text, doc_type):
    assert parse_structure(text).meta.doc_type == doc_type


def test_a_reply_title_with_its_issuer_over_the_letterhead_and_the_title_without_it_is_the_title():
    text = ("某县林业局对县第十七届人大第二次会议第360号建议的答复\n某县林业局\n对县第十七届人大第二次会议第360号建议的答复\n"
            "沈某代表:\n您提出的建议已交我局研究办理,现答复如下:\n一、基本情况\n水尾村历来栽植花椒。\n")
    assert parse_structure(text).meta.title == "某县林业局对县第十七届人大第二次会议第360号建议的答复"


def test_a_reports_unit_and_date_under_its_title_are_its_issuer_and_date():
    text = ("某县政协十届四次会议委员提案办理情况报告\n某县人民政府办公室\n(2025年11月19日)\n"
            "今年以来,县政府办公室严格按照部署要求,及时分解交办。\n一、基本情况\n共承接提案26件。\n")
    meta = parse_structure(text).meta
    assert (meta.title, meta.issuer, meta.date) == ("某县政协十届四次会议委员提案办理情况报告", "某县人民政府办公室", "2025-11-19")


def test_a_signature_whose_date_is_cut_after_its_year_still_signs():
    text = ("为激发消费潜力,我市举行促消费活动。\n一、专项资金规模\n本次专项资金总额1000万元。\n"
            "我们将切实加强组织领导,确保活动取得实效。\n某市财政局\n2025")
    assert parse_structure(text).meta.issuer == "某市财政局"
