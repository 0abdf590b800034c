"""Typed web text is not mistaken for a fixed-width PDF extraction: its lines are not joined."""
from pipeline.clean import clean
from pipeline.clean.lines import wrap_width
from pipeline.sources import load
from pipeline.types import Line, Page, Source

TYPED = """长沙市雨花区住房和城乡建设局关于区五届人大一次会议第18号建议的答复
发布日期：2022-07-20  浏览次数：356
雨住建复〔2022〕12号                    类别：A
刘建华等代表：
你们提出的《关于加快老旧小区改造的建议》收悉，经综合区财政局、区城管局意见，现答复如下：
一、关于“加大老旧小区改造资金投入”的建议（吸收采纳）
2022年，我区共争取上级补助资金6800万元，区本级配套资金2100万元，用于28个老旧小区改造。
二、关于“同步推进加装电梯”的建议（部分采纳）
对既有住宅加装电梯的，每台给予补贴最高20万元，目前已完成加装电梯46台。
三、关于“建立长效管理机制”的建议（留作参考）
下一步，我局将会同各街道研究物业管理长效机制。
感谢你们对住房和城乡建设工作的关心和支持。
长沙市雨花区住房和城乡建设局
2022年7月15日
"""

WRAPPED = """海南省人民政府关于加快发展现代服务
业的若干意见
各市、县、自治县人民政府，省政府直属
各单位：
为加快发展现代服务业，推动经济高质
量发展，现提出以下意见。
一、主要任务
（一）大力发展旅游业。支持旅游景区提
质升级，对新评为国家5A级旅游景区的，
给予一次性奖励500万元。（责任单位：省
旅游委、省财政厅）
"""


def _clean(text):
    return clean(Source(path="x.txt", sha256="", format="txt",
                        pages=[Page(0, [Line(t) for t in text.split("\n")])])).text


def test_lines_of_similar_length_in_typed_text_are_no_wrap_width():
    assert wrap_width(TYPED.split("\n")) is None
    out = _clean(TYPED)
    assert "类别：A\n刘建华等代表：" in out
    assert "（吸收采纳）\n2022年" in out


def test_a_fixed_width_extraction_is_still_joined():
    assert wrap_width(WRAPPED.split("\n")) == 18
    out = _clean(WRAPPED)
    assert "关于加快发展现代服务业的若干意见" in out
    assert "（责任单位：省旅游委、省财政厅）" in out


def test_letter_spaced_display_lines_stay_on_their_own():
    from pipeline.clean.lines import is_letter_spaced
    assert is_letter_spaced("江 西 省 人 民 政 府 办 公 厅 文 件")
    assert is_letter_spaced("赣 府 厅 发 〔 2 0 2 0 〕 1 5 号")
    assert not is_letter_spaced("一、加大财政支持力度。省级财政安排资金")
    text = "江 西 省 人 民 政 府 办 公 厅 文 件\n赣 府 厅 发 〔 2 0 2 0 〕 1 5 号\n" + WRAPPED
    out = _clean(text)
    assert out.startswith("江西省人民政府办公厅文件\n赣府厅发〔2 0 2 0〕1 5号\n海南省人民政府关于")


def test_run_in_numbered_headings_are_split_onto_their_own_lines():
    text = ("某市促进消费若干措施\n一、发放消费券。市财政安排资金发放消费券。（责任单位：市商务局） 二、支持商圈建设。"
            "对新建商圈给予奖励。（责任单位：市商务局）三、促进汽车消费。给予补贴。\n")
    out = _clean(text)
    assert out.split("\n")[1:4] == ["一、发放消费券。市财政安排资金发放消费券。（责任单位：市商务局）",
                                     "二、支持商圈建设。对新建商圈给予奖励。（责任单位：市商务局）",
                                     "三、促进汽车消费。给予补贴。"]


def test_run_in_articles_and_the_points_after_an_articles_heading_are_split():
    text = ("某市资金管理办法 为支持企业,特制订本办法。第一条 申报条件(一)在本市注册。(二)依法纳税。"
            "第二条 奖励标准(一)评为示范基地的,给予60万元奖励。(二)通过认证的,给予10万元奖励。\n")
    assert _clean(text).split("\n") == [
        "某市资金管理办法 为支持企业,特制订本办法。", "第一条 申报条件", "(一)在本市注册。", "(二)依法纳税。",
        "第二条 奖励标准", "(一)评为示范基地的,给予60万元奖励。", "(二)通过认证的,给予10万元奖励。"]


def test_an_article_cited_in_prose_is_no_heading():
    text = "按照第一条规定执行。第二条规定的资金另行下达。\n"
    assert "\n" not in _clean(text)


def test_enumerations_in_prose_are_not_headings():
    assert _clean("一、经济运行。今年一季度增长5%。二、三季度预计继续回升。\n") == \
        "一、经济运行。今年一季度增长5%。二、三季度预计继续回升。"
    assert "\n" not in _clean("资金用于：（二）类项目优先。（四）类项目暂缓。")


def test_question_marks_standing_for_lost_white_space_are_read_as_that_space(tmp_path):
    path = tmp_path / "lost.txt"
    path.write_text("各委、办、局:\n??现将方案转发给你们,请认真执行。\n??某区人民政府办公室\n??2023年4月23日\n??\n"
                    "某区实施方案\n2024年1月21日??\n", encoding="utf-8")
    lines = clean(load(str(path), isolate=False)).text.split("\n")
    assert "某区人民政府办公室" in lines and "2023年4月23日" in lines and "2024年1月21日" in lines
    assert not any("?" in ln for ln in lines)


def test_question_marks_for_lost_white_space_may_keep_a_space_among_them(tmp_path):
    path = tmp_path / "lost.txt"
    path.write_text("各城區政府:\n????現將有關事項通知如下。\n?????????? 梧州市人民政府辦公室\n"
                    "????????????? ?2015年11月3日 |\n", encoding="utf-8")
    lines = clean(load(str(path), isolate=False)).text.split("\n")
    assert not any(ln.startswith("?") for ln in lines)
    assert any(ln.strip().startswith("2015年11月3日") for ln in lines)


def test_question_marks_for_lost_white_space_may_follow_the_spaces_a_copy_kept(tmp_path):
    path = tmp_path / "lost.txt"
    path.write_text("各縣區人民政府:\n現印發給你們,請認真貫徹執行。\n      ????????石嘴山市人民政府辦公室????????\n"
                    "      ???????????????202261日??????     \n      (此件公開發布)\n", encoding="utf-8")
    lines = [ln.strip() for ln in clean(load(str(path), isolate=False)).text.split("\n")]
    assert "石嘴山市人民政府辦公室" in lines and "202261日" in lines
