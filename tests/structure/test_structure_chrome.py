"""Site chrome around a letter: page furniture and site-name lines, footers, related-article lists and news
leads are no part of the body, and never its header."""
import pytest

from pipeline.clean.script import make_view
from pipeline.structure import parse_structure
from pipeline.structure.chrome import is_chrome
from tests.structure.structure_corpus import raw


# ---------------------------------------------------------------- chrome lines
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


@pytest.mark.parametrize("line,chrome", [
    ("成都市武侯区人民政府网", True), ("某某县人民政府门户网站", True), ("某市人民政府网站群", False),
    ("某市人民政府", False),
])
def test_site_name_lines_are_chrome(line, chrome):
    assert is_chrome(line) is chrome


# ---------------------------------------------------------------- the body between the chrome
def test_chrome_and_trailing_site_text_are_outside_the_body():
    text = raw("xiamen-2009-notice")
    st = parse_structure(text)
    assert text[st.body_start:].startswith("厦门市人民政府办公厅关于征集")
    assert text[:st.body_end].endswith("二OO九年十月二十日")
    assert st.meta.doc_number == "厦府办〔2009〕255号"


def test_site_footer_is_outside_the_body():
    body = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            "某市财政局\n2021年1月5日\n")
    text = body + "网站地图 | 联系我们 | 主办单位：某市财政局 | 版权所有：某市财政局 | 粤ICP备05012345号 | 网站标识码：4401000012\n"
    s = parse_structure(text)
    assert s.body_end <= len(body)


def test_related_articles_list_after_the_letter_is_outside_the_body():
    body = ("某市财政局关于做好预算执行工作的通知\n各区财政局：\n现通知如下。\n一、加快支出进度。各区要加快支出进度。\n"
            "某市财政局\n2021年1月5日\n")
    text = body + ("相关文件：\n某市人民政府办公室关于印发某市2021年政府工作要点的通知\n"
                   "某市财政局关于做好2020年决算工作的通知\n某市发展和改革委员会关于做好2021年价格工作的通知\n")
    assert parse_structure(text).body_end <= len(body)


# ---------------------------------------------------------------- news leads before the letter
def test_news_lead_is_skipped():
    text = raw("wucheng-2025-measures")
    st = parse_structure(text)
    assert text[st.body_start:].startswith("金华市婺城区人民政府关于印发")
    assert st.meta.disclosure == "此件公开发布"
    assert st.meta.recipients == ["各乡镇人民政府、街道办事处", "区直属有关单位"]


def test_news_lead_of_a_news_site_is_skipped():
    text = ("某某新闻网讯（记者 刘洋）近日，某市人民政府办公室印发《某市支持先进制造业发展十条措施》。\n"
            "以下为文件全文：\n某市人民政府办公室关于印发《某市支持先进制造业发展十条措施》的通知\n"
            "潭政办发〔2024〕6号\n各县市区人民政府：\n现印发给你们，请认真贯彻落实。\n"
            "某市人民政府办公室\n2024年2月20日\n一、支持企业技术改造。对技改项目给予补助。\n")
    m = parse_structure(text).meta
    assert m.doc_number == "潭政办发〔2024〕6号"
    assert m.title == "某市人民政府办公室关于印发《某市支持先进制造业发展十条措施》的通知"


def test_a_document_sharing_sites_tips_are_furniture():
    from pipeline.structure.chrome import is_chrome
    assert is_chrome("3、本站不支持迅雷下载,请使用电脑自带的IE浏览器,或者360浏览器、谷歌浏览器下载即可。")
    assert not is_chrome("3、对新引进的企业给予一次性奖励。")


def test_a_breadcrumb_copied_as_a_numbered_list_is_furniture_not_the_first_items():
    text = ("1. 首页\n2. 信息公开\n3. 政策法规\n4. 县规范性文...\n某县人民政府办公室关于印发某县防汛抗旱应急预案的通知\n"
            "各乡镇人民政府,县政府各部门:\n现将《某县防汛抗旱应急预案》印发给你们,请认真贯彻实施。\n2020年3月17日\n")
    st = parse_structure(text)
    assert st.meta.title == "某县人民政府办公室关于印发某县防汛抗旱应急预案的通知" and st.sections == []
    items = "1. 首页建设\n2. 加强信息公开工作。各单位要及时公开信息。\n"       # a first item that only starts with 首页
    assert [s.label for s in parse_structure("某县政务公开工作要点\n" + items).sections] == ["1", "2"]


def test_a_catalogues_fields_printed_as_a_numbered_list_are_no_items():
    text = ("当前位置: 首页 > 政务公开 > 政策文件\n1. [索引号]11S000/ZK-2023-000028\n2. [有效性] 现行有效\n3. [文种分类] 通知\n"
            "4. [发文机关] 某区人民政府办公室\n5. [发文字号] 某政发〔2023〕29号\n"
            "6. [标题] 某区人民政府关于印发《某区产业发展实施意见》的通知\n7. [成文日期] 2023-07-04\n8. [失效日期]\n"
            "【现行有效】某区人民政府关于印发《某区产业发展实施意见》的通知\n  • 来源:某区人民政府办公室\n\n某政发〔2023〕29号\n\n"
            "各镇人民政府:\n\n现将《某区产业发展实施意见》印发给你们,请认真贯彻落实。\n\n某区人民政府\n\n2023年7月4日\n\n"
            "某区产业发展实施意见\n\n一、总体思路\n以高质量发展为主线。\n")
    structure = parse_structure(text)
    assert [s.label for s in structure.sections] == ["一"]
    assert structure.meta.doc_number == "某政发〔2023〕29号"


def test_a_catalogues_numbered_fields_above_the_title_are_no_items_though_one_is_empty():
    text = ("1. [索引号]11R000/ZK-2020-000188\n2. [生成日期] 2020-08-11 10:40\n3. [有效性] 有效\n"
            "4. [发文字号] 某政办发 〔2020〕 26号\n5. [发文机构] 区政府办\n6. [联合发文单位]\n7. [主题分类] 减灾救灾、城市建设\n"
            "8. [内容概述] 关于印发《某区推进城市安全发展实施方案》的通知\n\n"
            "某区人民政府办公室关于印发《某区推进城市安全发展实施方案》的通知\n\n各镇乡人民政府:\n"
            "《某区推进城市安全发展实施方案》已经区政府常务会议审议通过,现印发给你们,请认真贯彻执行。\n\n"
            "某区人民政府办公室\n2020年8月11日\n\n某区推进城市安全发展实施方案\n\n一、总体要求\n(一)指导思想。以安全发展为主线。\n")
    assert [s.label for s in parse_structure(text).sections] == ["一", "(一)"]
