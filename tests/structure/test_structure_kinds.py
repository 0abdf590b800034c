"""Document kind (reply | measures | notice | other) and doc type from the title."""
import pytest

from pipeline.structure import parse_structure, select_measures
from pipeline.structure.lexicon import data
from pipeline.structure.titles import title_doc_type
from tests.structure.structure_corpus import DOCS, gold, raw


@pytest.mark.parametrize("doc", DOCS)
def test_kind_agrees_with_the_gold_theme(doc):
    """Replies are told apart exactly; a policy issued by a notice may be either measures or notice."""
    kind, theme = parse_structure(raw(doc)).kind, gold(doc)["theme"]
    assert kind == theme if "reply" in (kind, theme) else kind in ("measures", "notice")


@pytest.mark.parametrize("ending,doc_type,example", [e for e in data("doc_types")["title_endings"] if e[2]])
def test_title_endings_match_their_examples(ending, doc_type, example):
    assert title_doc_type(example)[0] == doc_type


@pytest.mark.parametrize("text,kind", [
    ("关于市政协十二届五次会议第20210045号提案答复的函\n民建广州市委员会：\n　　现答复如下：\n", "reply"),
    ("关于印发南宁市优化营商环境实施方案的通知\n各城区人民政府：\n　　现印发给你们。\n", "measures"),
    ("关于印发南宁市政府投资项目管理办法的通知\n各城区人民政府：\n　　现印发给你们。\n", "notice"),
    ("关于做好2024年春节期间安全生产工作的通知\n各市安委会：\n　　现通知如下。\n", "notice"),
    ("四川省人民政府关于同意设立临空经济区的批复\n成都市人民政府：\n　　现批复如下：\n", "notice"),     # a 批复 is a notice (dev gold: fujian-2017-notice)
    ("关于促进平台经济规范健康发展的若干措施\n　　为促进平台经济发展，制定如下措施。\n", "measures"),
    ("关于加快发展数字经济的若干措施\n　　为加快发展，现答复如下有关建议。\n", "measures"),
])
def test_invented_kinds(text, kind):
    assert parse_structure(text).kind == kind


@pytest.mark.parametrize("title,doc_type,kept", [
    ("关于做好2020年度考核工作的通知【2020-12-01】", "通知", "关于做好2020年度考核工作的通知"),
    ("关于做好考核工作的通知 2020-12-01 10:30", "通知", "关于做好考核工作的通知"),
    ("某市人民政府办公厅关于转发某市志编纂方案的通知 ((1990年11月16日))", "通知", "某市人民政府办公厅关于转发某市志编纂方案的通知"),
    ("某市草原火灾应急预案", "预案", "某市草原火灾应急预案"),
    ("某县人民政府森林防火禁火令", "令", "某县人民政府森林防火禁火令"),
    ("关于公布2020年12月1日起施行的通知", "通知", "关于公布2020年12月1日起施行的通知"),
    ("某市2021年政务公开工作要点", "要点", "某市2021年政务公开工作要点"),
    ("某区2022年国民经济和社会发展统计公报", "公报", "某区2022年国民经济和社会发展统计公报"),
    ("某市促进外贸发展的若干措施（2023-2025年）", "措施", "某市促进外贸发展的若干措施（2023-2025年）"),
])
def test_title_endings_and_glued_list_dates(title, doc_type, kept):
    hit = title_doc_type(title)
    assert hit is not None and hit[0] == doc_type and title[:hit[1]] == kept


def test_an_untitled_text_names_its_own_type_in_its_clauses():
    from pipeline.structure import parse_structure
    text = "为促进招商引资，现将奖励办法公告如下：\n1.对新引进的项目给予奖励。\n2.本办法自发布之日起执行。\n"
    assert parse_structure(text).meta.doc_type == "办法"


@pytest.mark.parametrize("preamble, doc_type", [
    ("为促进个体工商户发展，结合本市实际，提出实施意见如下：", "意见"),
    ("为加快推进精品民宿建设，出台奖补扶持精品民宿发展如下措施：", "措施"),
    ("为促进县域经济高质量发展,现提出以下十条措施。", "措施"),
])
def test_an_untitled_text_announcing_the_policy_that_follows_is_that_policy(preamble, doc_type):
    from pipeline.structure import parse_structure
    st = parse_structure(preamble + "\n一、加大扶持\n对新开业的个体工商户给予一次性补贴2000元。\n二、优化服务\n推行网上办理。\n")
    assert (st.meta.doc_type, st.kind) == (doc_type, "measures")


def test_a_letter_typed_as_a_reply_still_reads_as_a_reply():
    from pipeline.structure.kinds import is_reply
    opening = "您在区人大会议上提出的关于加快道路建设的建议收悉，现回复如下："
    assert is_reply(None, opening, "回复") and not is_reply(None, opening, "通知")


def test_a_letter_that_answers_by_a_复函_is_a_reply():
    from pipeline.structure import parse_structure
    text = ("张某、李某代表:\n你们在县十八届人民代表大会第四次会议期间提出的“关于优化中药材产业发展路径”的建议已收悉。"
            "经认真研究办理,现将结果复函如下。\n一、关于奖补办法的建议。我局已修订办法。\n二、关于人才培育的建议。我局将加大培育力度。\n")
    assert parse_structure(text).kind == "reply"


def test_a_report_on_the_handling_of_proposals_answers_none():
    text = ("关于2017年中卫市、沙坡头区人大建议、政协提案办理情况的督查通报\n"
            "近期,区政府督查室对各部门承办的人大建议、政协提案办理情况进行了督查。\n一、基本情况\n已办结23件。\n")
    assert parse_structure(text).kind != "reply"


def test_inline_points_opening_sentences_of_a_letter_without_numbering_are_its_responses():
    text = ("对县政协十届五次会议第3号提案的答复\n张三委员:\n您提出的《关于整治景区环境的提案》收悉,现答复如下:\n"
            "我局高度重视。一是提升环境卫生工作水平,定期清理景区垃圾。二是加强巡查管理。三是完善配套设施。\n"
            "某市住房和城乡建设局\n2025年4月21日\n")
    st = parse_structure(text)
    assert [s.label for s in st.sections] == ["一是", "二是", "三是"]


@pytest.mark.parametrize("lead", ["我局高度重视,", "我局下一步将采取以下工作措施:"])
def test_points_listed_inside_one_sentence_of_a_letter_are_no_responses(lead):
    text = ("对县政协十届五次会议第3号提案的答复\n张三委员:\n您提出的《关于整治景区环境的提案》收悉,现答复如下:\n"
            f"{lead}一是提升环境卫生工作水平,定期清理景区垃圾;二是加强巡查管理;三是完善配套设施。\n"
            "某市住房和城乡建设局\n2025年4月21日\n")
    assert parse_structure(text).sections == []


def test_a_task_list_printed_on_its_own_is_a_policy_whose_items_are_measures():
    text = ("2021年全县乡村振兴工作重点任务清单\n一、实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接\n"
            "1.保持帮扶政策总体稳定。过渡期内,严格落实“四个不摘”要求,保持现有帮扶政策、资金支持、帮扶力量总体稳定。\n"
            "2.巩固拓展脱贫攻坚成果。健全防止返贫致贫动态监测和帮扶机制,压实村“两委”责任,开展常态化排查。\n")
    st = parse_structure(text)
    assert st.kind == "measures" and [s.label for s in select_measures(st, text, model=False)] == ["1", "2"]


@pytest.mark.parametrize("title, kind", [
    ("关于征求《竹山县支持林下经济发展措施》意见建议的公告", "measures"),
    ("关于对《某区国民经济和社会发展第十五个五年规划纲要(草案)》公开征求意见的公告", "notice"),
    ("关于征求林下经济发展意见建议的公告", "notice"),
])
def test_a_call_for_comments_issues_the_draft_policy_it_names(title, kind):
    text = (title + "\n为促进林下经济高质量发展,拟定了相关政策措施,现面向社会公开征求意见。\n"
            "一、高质量发展竹产业。经验收合格的,每亩奖补200元。\n二、支持发展林下种植业。对新发展林下种植的给予补助。\n")
    assert parse_structure(text).kind == kind


def test_an_untitled_call_for_comments_above_its_signature_issues_the_draft_printed_below():
    text = ("现向社会公开征求对《关于促进某区体育产业发展的扶持奖励办法(征求意见稿)》相关意见和建议,意见征求时间:"
            "2024年6月13日至7月13日。\n1.电子邮件方式发送:someone@163.com\n2.信函方式请寄至:某区某路8号\n"
            "3.联系电话:021-59619675\n某区体育局\n2024年6月13日\n关于促进某区体育产业发展的扶持奖励办法\n(征求意见稿)\n"
            "第一条 支持场馆建设。对新建体育场馆的,每个补助20万元。\n第二条 支持赛事举办。对举办全国性赛事的,每场补助10万元。\n")
    st = parse_structure(text)
    assert [s.label for s in select_measures(st, text, model=False)] == ["第一条", "第二条"]


def test_a_preamble_announcing_the_matters_of_a_notice_names_it():
    text = ("各县(市、区)发展改革部门:\n现开展服务业企业奖励申报工作,具体事项通知如下:\n一、申报范围\n规上企业。\n"
            "二、奖励政策\n营业收入10亿元—15亿元,增速15%以上的,按同比增量的0.1%进行一次性奖励。\n")
    assert parse_structure(text).meta.doc_type == "通知"


def test_a_title_naming_the_years_tasks_is_a_task_list_of_measures():
    text = ("2017年交通运输主要工作\n2017年,将进一步加快交通基础建设。\n(一)抓好工程项目建设\n1、推进国道G347枞阳段项目建设。\n"
            "2、开工建设安庆至枞阳一级公路。\n(二)加快交通运输产业发展\n3、启动桥港物流园区项目前期工作。\n")
    st = parse_structure(text)
    assert (st.meta.title, st.meta.doc_type, st.kind) == ("2017年交通运输主要工作", None, "measures")


def test_an_untitled_page_whose_items_open_with_their_lead_units_is_a_policy():
    text = ("(四)加强配套建设\n1.增设市区停车场和停车泊位。市规划局牵头,市城乡建设局、公安局配合,规划配套停车场地。\n"
            "2.改善道路通行条件。市城乡建设局牵头,相关建设责任主体配合,加快实施城市道路工程。\n"
            "3.扩大市区禁行区域。市公安局负责,明确大型货车禁行区域。\n")
    assert parse_structure(text).kind == "measures"


@pytest.mark.parametrize("text", [
    "关于市政协四届二次会议 第345号提案办理落实情况\n来源:市政府办公厅\n关于“加强农村饮水安全的提案”,是一项长远的提案。\n",
    "对自治区十三届人大三次会议第209号建议的主办意见\n王某代表:\n你提出的建议收悉。\n",
])
def test_a_title_reporting_how_a_proposal_was_handled_or_leading_its_handling_is_a_reply(text):
    assert parse_structure(text).kind == "reply"


@pytest.mark.parametrize("text", [
    "刘永健、邹从乾委员:\n在政协某县第九届委员会第二次会议上,你们提出了题为《关于做好前场公路保通工作的建议》的提案,"
    "交我局研究办理,现续复如下:\n我局高度重视此项工作。\n",
    "县产业发展服务中心:\n现将县政协四届三次会议第81号提案提出的“关于升级香菇灭菌设备的提案”的提案办理(落实)情况函告如下,"
    "请综合后一并答复提案者。\n近年来,随县围绕小香菇做大文章。\n",
    "现就十三届全国人大一次会议第3189号建议提出办理意见:\n杨震代表提出了加强城市货运交通管理的建议。\n",
    "一、基本情况\n天津地处海河流域下游。您提出关于京津冀(天津)防洪问题的提案,客观反映了区域实际需求。\n"
    "二、下一步工作\n我局将加快完善防洪工程体系。\n",
])
def test_an_untitled_letter_that_answers_a_proposal_in_its_own_words_is_a_reply(text):
    assert parse_structure(text).kind == "reply"


def test_a_speech_greeting_all_the_deputies_is_no_reply():
    text = ("各位代表:\n现在,我代表市人民政府,向大会报告政府工作,请予审议,并请各位政协委员提出建议。\n"
            "一、过去一年的工作\n全市经济稳中有进。\n")
    assert parse_structure(text).kind != "reply"
