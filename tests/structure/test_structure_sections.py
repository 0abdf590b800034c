"""The numbered hierarchy: labels as written, levels, titles, parents and spans."""
import pytest

from pipeline.structure import parse_structure
from pipeline.structure.sections import match_heading, strip_lead_unit
from tests.structure.structure_corpus import DOCS, RULES_TEXT, raw


@pytest.mark.parametrize("line,level,label,number", [
    ("第三章 扶持政策", 0, "第三章", 3),
    ("第二节 人才政策", 1, "第二节", 2),
    ("第19条 对企业给予奖励", 2, "第19条", 19),
    ("第 1 0 条 申报程序", 2, "第 1 0 条", 10),
    ("一、加快开拓国际国内市场。落实计划", 2, "一", 1),
    ("十二、完善对外投资服务体系", 2, "十二", 12),
    ("（一）加强科创平台效能建设", 3, "（一）", 1),
    ("(三)引导中小企业“专精特新”发展。", 3, "(三)", 3),
    ("1.推动产业链融通发展。", 4, "1", 1),
    ("2、严格程序，压实责任。", 4, "2", 2),
    ("3．强化措施，力求实效。", 4, "3", 3),
    ("（2）优化审批服务", 5, "（2）", 2),
    ("2）优化审批服务", 5, "2）", 2),
    ("③对新认定的企业给予奖励", 6, "③", 3),
    ("1* .开展“一证多址”改革。", 4, "1", 1),
])
def test_heading_labels(line, level, label, number):
    h = match_heading(line)
    assert (h.level, h.label, h.number) == (level, label, number)


@pytest.mark.parametrize("line", ["1.5倍以上的项目给予奖励", "2025年,力争投资20亿元", "一是在推动外贸企业转型升级方面",
                                  "十一届全国人大三次会议", "（以下简称《措施》）"])
def test_not_headings(line):
    assert match_heading(line) is None


@pytest.mark.parametrize("title,stripped", [
    ("强化科技创新(区科技局牵头)", "强化科技创新"),
    ("推进数字政府建设（市政务服务数据管理局牵头，各区配合）", "推进数字政府建设"),
    ("优化营商环境", "优化营商环境"),
])
def test_lead_unit_clause_is_stripped_from_titles(title, stripped):
    assert strip_lead_unit(title) == stripped


def test_henan_hierarchy_with_parents_and_titles():
    text = raw("henan-2023-chain-measures")
    secs = parse_structure(text).sections
    assert [(s.label, s.level, s.parent) for s in secs] == [
        ("一", 1, None), ("(一)", 2, 0), ("(二)", 2, 0), ("(三)", 2, 0),
        ("二", 1, None), ("(四)", 2, 4), ("(五)", 2, 4)]
    assert secs[1].title == "支持企业技术改造"
    assert text[secs[1].title_start:secs[1].title_end] == "支持企业技术改造"
    assert text[secs[1].start:].startswith("(一)支持企业技术改造。")
    assert text[secs[0].end:secs[4].start].strip() == ""
    assert text[secs[3].start:secs[3].end].endswith("财政厅)")


def test_wucheng_title_without_lead_unit_but_span_keeps_it():
    text = raw("wucheng-2025-measures")
    sec = parse_structure(text).sections[0]
    assert sec.title == "强化科技创新"
    assert text[sec.title_start:sec.title_end] == "强化科技创新(区科技局牵头)"


def test_traditional_titles_keep_the_document_script():
    secs = parse_structure(raw("huaihua-2023-measures-trad")).sections
    assert [(s.label, s.title) for s in secs] == [("一", "促進消費恢復升級"), ("1", "加大促消費活動和消費補貼力度")]


def test_last_reply_section_ends_before_the_closing_formula():
    text = raw("zs-2024-reply-133089")
    st = parse_structure(text)
    last = st.sections[-1]
    assert last.label == "四"
    assert "专此答复" not in text[last.start:last.end]
    assert text[last.start:last.end].rstrip().endswith("公开配租。")


def test_cited_heading_inside_a_sentence_is_not_a_section():
    text = ("关于加强安全生产工作的通知\n各县区人民政府：\n　　按照省政府文件一、二项要求，现通知如下。\n"
            "　　一、压实安全责任。各地要按照（一）款规定开展检查。\n　　二、加强隐患排查。\n")
    assert [s.label for s in parse_structure(text).sections] == ["一", "二"]


def test_out_of_sequence_number_is_not_a_section():
    text = "关于做好防汛工作的通知\n各乡镇：\n一、加强值守。\n三是强化巡查。\n5.这一行不在序列中。\n二、及时上报。\n"
    assert [s.label for s in parse_structure(text).sections] == ["一", "二"]


@pytest.mark.parametrize("line,title", [
    ("（一）指导思想：以习近平新时代中国特色社会主义思想为指导。", "指导思想"),
    ("一、关于“完善扶持政策”的建议：已解决", "关于“完善扶持政策”的建议"),
    ("2.推动制造业数字化转型。对省、市级产业集群给予扶持", "推动制造业数字化转型"),
    ("三、“在能源精细化工项目的落地上,帮助协调", "“在能源精细化工项目的落地上,帮助协调"),
])
def test_heading_titles(line, title):
    from pipeline.structure.sections import heading_title
    h = match_heading(line)
    assert heading_title(line[h.label_end:])[0] == title


@pytest.mark.parametrize("doc", DOCS)
def test_section_spans_point_into_the_text(doc):
    text = raw(doc)
    st = parse_structure(text)
    assert 0 <= st.body_start < st.body_end <= len(text)
    for s in st.sections:
        assert st.body_start <= s.start < s.end <= st.body_end
        assert text[s.start:s.start + len(s.label)] == s.label
        assert s.start < s.title_start <= s.title_end <= s.end
        assert text[s.title_start:s.title_end].replace("\n", "").startswith(s.title[:4])
        assert s.parent is None or st.sections[s.parent].level < s.level


@pytest.mark.parametrize("text", ["", "\n\n", "一、", "（一）", "抄送:", "2024年1月1日", "关于的通知", "｜", "类别:A\n",
                                  "日前,印发", "【字体：大 中 小】", "一、\n二、\n三、"])
def test_awkward_inputs_give_a_structure(text):
    st = parse_structure(text)
    assert 0 <= st.body_start <= st.body_end <= len(text)
    assert st.kind in {"reply", "measures", "notice", "other"}


def _outline(text: str) -> list[tuple[str, int, str | None]]:
    secs = parse_structure(text).sections
    return [(s.label, s.level, secs[s.parent].label if s.parent is not None else None) for s in secs]


def test_a_number_glued_to_its_text_continues_the_sequence():
    text = "关于印发人才工作要点的通知\n各单位：\n1.实施青年人才计划。\n11.121人才梯队项目。\n"
    assert [s[0] for s in _outline(text)] == ["1"]
    seq = "\n".join(f"{i}.事项{i}。" for i in range(1, 11))
    text = f"关于印发人才工作要点的通知\n各单位：\n{seq}\n11.121人才梯队项目。\n12.强化保障。\n"
    secs = parse_structure(text).sections
    assert [s.label for s in secs][-2:] == ["11", "12"]
    assert secs[-2].title == "121人才梯队项目"


def test_a_year_right_after_the_labels_point_starts_the_items_text():
    text = ("主要目标任务及责任分解\n一、消防站点建设\n1.2009年底前,完成特勤消防中队建设。\n责任单位:市公安消防支队。\n"
            "2.2009年底前,完成盘龙消防中队建设。\n责任单位:盘龙区政府。\n")
    secs = parse_structure(text).sections
    assert [(s.label, s.title) for s in secs][1:] == [("1", "2009年底前,完成特勤消防中队建设"),
                                                      ("2", "2009年底前,完成盘龙消防中队建设")]


def test_an_item_run_on_after_the_closing_bracket_of_a_unit_list_is_a_section():
    text = ("关于促进文体活动恢复振兴的若干措施\n为促进文体活动复苏,制定如下措施。\n"
            "一、承办好国家级文体赛事。积极争取品牌赛事落户。(责任单位:市旅文局、市财政局)二、办好特色精品赛事。"
            "办好排球赛事。(责任单位:市旅文局)三、设立专项支持资金。每年安排资金500万元。\n")
    assert [s[0] for s in _outline(text)] == ["一", "二", "三"]


def test_items_written_on_one_line_are_sections():
    text = ("关于做好春耕工作的通知\n各乡镇：\n一、加强组织领导。各乡镇要成立专班。二、落实资金保障。"
            "县财政安排资金50万元。三、强化督查。\n")
    assert [(s[0], s[1]) for s in _outline(text)] == [("一", 1), ("二", 1), ("三", 1)]
    secs = parse_structure(text).sections
    assert secs[1].title == "落实资金保障"
    assert text[secs[0].start:secs[0].end].endswith("成立专班。")


def test_a_reference_after_a_colon_is_not_an_item():
    text = "关于做好春耕工作的通知\n各乡镇：\n一、加强组织领导。按照文件规定：1.所列事项执行。\n二、落实资金。\n"
    assert [s[0] for s in _outline(text)] == ["一", "二"]


def test_styles_nest_in_the_order_they_open():
    text = ("关于印发扶持办法的通知\n各单位：\n第一章 总则\n第1条 为促进发展，制定本办法。\n"
            "第二章 扶持政策\n第2条 对企业给予奖励：\n（一）新认定的给予10万元；\n①国家级20万元；\n②省级10万元。\n"
            "（二）新引进的给予5万元。\n第3条 对人才给予补贴。\n")
    assert _outline(text) == [("第一章", 1, None), ("第1条", 2, "第一章"), ("第二章", 1, None),
                              ("第2条", 2, "第二章"), ("（一）", 3, "第2条"), ("①", 4, "（一）"),
                              ("②", 4, "（一）"), ("（二）", 3, "第2条"), ("第3条", 2, "第二章")]


def test_a_less_major_style_first_can_hold_a_more_major_one_only_by_convention():
    text = "关于印发工作方案的通知\n各单位：\n1.总体要求。\n一、主要任务\n（一）加强统筹。\n二、保障措施\n"
    assert _outline(text) == [("1", 1, None), ("一", 1, None), ("（一）", 2, "一"), ("二", 1, None)]


def test_chapters_and_articles_form_the_section_tree():
    s = parse_structure(RULES_TEXT)
    by_label = {x.label: x for x in s.sections}
    assert (by_label["第一章"].level, by_label["第一条"].level, by_label["（一）"].level) == (1, 2, 3)
    assert s.sections[by_label["第四条"].parent].title == "奖励标准"


def test_an_excerpt_that_opens_inside_a_list_keeps_its_first_items():
    text = ("2.支持品牌创建。对新评定为国家五星级营地的,给予50万元奖励。\n3.支持文旅惠民消费。每年安排专项资金1000万元。\n"
            "二、支持旅游酒店业标准化建设\n1.对新评定为五星级饭店的,给予50万元奖励。\n")
    assert [s.label for s in parse_structure(text).sections][:2] == ["2", "3"]


def test_a_lone_number_past_one_inside_a_text_is_still_no_item():
    text = "一、总体要求\n加快发展。\n2.这是一处引用的编号。\n二、主要任务\n"
    assert [s.label for s in parse_structure(text).sections] == ["一", "二"]


def test_articles_headed_in_brackets_go_on_past_the_articles_a_fragment_copy_left_out():
    text = ("某区促进产业发展扶持办法\n第一条 为促进产业发展,制定本办法。\n第三条【企业落户奖】对新迁入的企业给予奖励。\n"
            "第十条【人才奖】对高管给予奖励。\n第十五条 本办法自印发之日起施行。\n")
    assert [s.label for s in parse_structure(text).sections] == ["第一条", "第三条", "第十条"]


def test_a_field_label_in_brackets_is_no_items_heading():
    text = ("某市惠企政策清单\n1.【优惠内容】对企业实施技术改造的项目,按投资额给予奖励。\n【政策依据】《某实施方案》\n"
            "2.【优惠内容】工业互联网应用标杆项目奖励。\n")
    assert [s.title for s in parse_structure(text).sections] == ["对企业实施技术改造的项目,按投资额给予奖励", "工业互联网应用标杆项目奖励"]


def test_an_untitled_policy_numbered_only_by_paragraph_ordinals_gives_them_as_items():
    text = ("一是实施标准化茶园建设补助。按不高于550元/亩进行补助。\n二是茶叶品种改良补助。按160元/亩进行补助。\n"
            "三是茶叶新品种繁育基地补助。按不高于1700元/亩进行补助,补助总额限50万元。\n")
    s = parse_structure(text)
    assert (s.kind, [x.label for x in s.sections]) == ("measures", ["一是", "二是", "三是"])


def test_a_digest_running_its_items_together_gives_them_as_items_gaps_and_all():
    text = ("加快推进花卉苗木产业高质量发展，各县(区)人民政府、开发区管委会二、加快花卉苗木交易市场建设，评选一批龙头企业，"
            "牵头单位:市林业局责任单位:市财政局四、加大科技创新研发投入，积极申报补助资金，牵头单位:市林业局"
            "五、加大政策扶持力度，要积极组织申报贴息资金补助。")
    s = parse_structure(text)
    assert [(x.label, x.title) for x in s.sections] == [
        ("二", "加快花卉苗木交易市场建设"), ("四", "加大科技创新研发投入"), ("五", "加大政策扶持力度")]


def test_a_digest_reading_takes_no_cited_articles_nor_numerals_in_prose():
    text = ("为做好森林防火工作，特发布如下禁火令。违令者，按照《森林防火条例》第五十条、第五十一条的规定处理；"
            "发展第一、二、三产业融合，县财政安排资金。")
    assert parse_structure(text).sections == []


def test_items_opening_lines_are_read_as_lines_not_as_a_digest():
    text = "关于表彰的通知\n各单位：\n现将名单公布如下。\n附件:1.第二批示范区名单\n2.第二批示范区奖励资金表\n"
    assert [x.label for x in parse_structure(text).sections] == []


def test_enclosed_ideograph_numbers_are_items():
    text = ("某州促进就业实施办法\n一、全面实施就业优先战略\n㈠强化促进就业主体责任。各县市要落实责任。\n"
            "㈡完善经济发展与就业联动机制。建立联动机制。\n")
    assert [(x.label, x.level) for x in parse_structure(text).sections] == [("一", 1), ("㈠", 2), ("㈡", 2)]


def test_labels_written_with_a_leading_zero_head_a_phone_pages_parts_but_a_list_entry_is_none():
    text = ("一次性扩岗补助政策\n01补助标准\n按每招用1人不超过1500元的标准发放一次性扩岗补助。\n"
            "02补助申请要求\n对招用高校毕业生的企业,按规定申请。\n")
    assert [s.label for s in parse_structure(text).sections] == ["01", "02"]
    text = "合集下载\n03城市供水价格管理办法(1998年09月23日计价格[1998]1810号)\n第一条 为规范城市供水价格,制定本办法。\n"
    assert [s.label for s in parse_structure(text).sections] == ["第一条"]


def test_articles_under_a_bare_bracketed_heading_are_that_groups_items():
    text = ("某区若干政策措施\n一、加快培育主导产业\n(一)促进数字经济发展\n第一条 强化企业招引。对入驻企业给予扶持。\n"
            "第二条 鼓励企业多做贡献。给予10万元一次性补助。\n(二)促进先进制造业发展\n第三条 支持技术改造。给予补助。\n")
    s = parse_structure(text)
    parent = {x.label: s.sections[x.parent].label if x.parent is not None else None for x in s.sections}
    assert parent == {"一": None, "(一)": "一", "第一条": "(一)", "第二条": "(一)", "(二)": "一", "第三条": "(二)"}


def test_an_article_after_a_heading_with_a_sentence_keeps_its_rank():
    text = ("某区若干政策措施\n一、加快培育主导产业\n(一)促进数字经济发展。各部门要抓好落实。\n"
            "第一条 强化企业招引。对入驻企业给予扶持。\n第二条 鼓励企业多做贡献。给予10万元一次性补助。\n")
    s = parse_structure(text)
    assert s.sections[[x.label for x in s.sections].index("第一条")].parent == 0


def test_a_contents_entries_are_no_items_with_mixed_or_short_leaders_or_none_under_its_heading():
    text = ("目   录\n一、某区招商引资若干规定(某政发【2014年103号】)………………………………..\n"
            "二、某区关于企业所得税的通知(某财税〔2014〕5号)……\n三、某地区关于印发扶持办法的通知某行发【2015】30号\n\n"
            "某区招商引资若干规定\n第一条 为了提高开放水平,制定本规定。\n第二条 对新引进企业给予奖励。\n")
    assert [x.label for x in parse_structure(text).sections] == ["第一条", "第二条"]


def test_numbered_sentences_under_a_sites_contents_link_are_the_texts_items():
    text = ("首页 > 法律法规 > 正文阅览\n目录\n1.实行医疗联合体网格化管理。制定布局规划。\n"
            "2.落实不同医疗机构功能定位。加强人才建设。\n")
    assert [x.label for x in parse_structure(text).sections] == ["1", "2"]


def test_a_contents_list_of_chapters_ends_where_the_first_chapter_comes_again():
    text = ("北京市街道办事处条例\n目 录\n第一章 总 则\n第二章 机构与职责\n第三章 附 则\n第一章 总 则\n"
            "第一条 为了规范街道办事处工作,制定本条例。\n第二条 本市坚持党建引领。\n")
    s = parse_structure(text)
    assert [(x.label, x.parent) for x in s.sections] == [("第一章", None), ("第一条", 0), ("第二条", 0)]


def test_a_line_of_nothing_but_article_labels_is_a_pages_links_not_an_article():
    assert match_heading("第十一條 第二十一條 第三十一條") is None
    assert match_heading("第十一条 第二十一条 第三十一条") is None
    assert match_heading("第十一条 为了规范管理,制定本规定。") is not None


def test_an_articles_heading_in_round_brackets_alone_on_its_line_is_its_title():
    text = ("某市科学技术奖励办法\n第一条(目的依据)\n为了调动科学技术工作者的积极性,制定本办法。\n"
            "第二条(奖项设置)\n市政府设立下列科学技术奖。\n第三条 (一)对获奖者给予奖励。\n")
    st = parse_structure(text)
    assert [(s.label, s.title) for s in st.sections][:2] == [("第一条", "目的依据"), ("第二条", "奖项设置")]
