"""clean() on text sources: earlier PDF extractions become paragraphs, web copies stay intact."""
import json
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.clean.lines import text_width
from pipeline.sources import load
from pipeline.types import Line, Page, Source

ROOT = Path(__file__).resolve().parents[2]
RAW, GOLD = ROOT / "corpora" / "raw", ROOT / "corpora" / "gold"


def text_source(text: str) -> Source:
    return Source(path="inline.txt", sha256="", format="txt",
                  pages=[Page(0, [Line(t) for t in text.split("\n")])])


def extraction(paragraphs: list[str], width: int = 20, double_spaced: bool = True) -> str:
    """Paragraphs wrapped at `width` (Chinese characters; Latin letters and digits count half),
    as a PDF extractor writes them out."""
    lines = []
    for p in paragraphs:
        cur = ""
        for ch in p:
            if text_width(cur + ch) > width:
                lines.append(cur)
                cur = ""
            cur += ch
        lines.append(cur)
    return ("\n\n" if double_spaced else "\n").join(lines)


BODY = [
    "杭州市经济和信息化局关于印发若干措施的通知",
    "各区、县（市）经信局：",
    "为进一步推动制造业高质量发展，加快构建现代化产业体系，结合我市实际，现将有关事项通知如下。",
    "一、加大技术改造支持力度",
    "对年度设备投资额超过1000万元的技术改造项目，按设备投资额的10%给予补助，单个项目最高不超过500万元；对列入省级以上试点示范的项目，另给予一次性奖励。",
    "二、强化要素保障",
    "各区、县（市）要优先保障重点项目用地需求，对符合条件的项目在土地出让、规划审批等方面开辟绿色通道，确保项目早开工、早投产、早见效。",
    "杭州市经济和信息化局",
    "2024年3月18日",
]


def test_wrapped_extraction_reads_as_paragraphs():
    c = clean(text_source(extraction(BODY)))
    assert c.text.split("\n") == BODY
    assert c.runs == [] and c.page_at(5) is None and c.warnings == []


def test_single_spaced_extraction_too():
    assert clean(text_source(extraction(BODY, double_spaced=False))).text.split("\n") == BODY


@pytest.mark.parametrize("tail, head, joined", [
    ("在推动外贸企业转型升级方面，我市计划今年投入3000", "多万实施“百展千企”计划。", "投入3000多万实施"),
    ("助力企业提前识别风险。处理索赔案件 2 宗，足额赔付 150 万", "元，有效补偿企业订单损失。", "足额赔付150万元，"),
    ("对首次认定的国家级企业技术中心给予一次性奖励 100", "万元。", "给予一次性奖励100万元。"),
    ("支持外贸企业开拓 RCEP 市场，对参加", "境外展会的企业给予补助。", "开拓RCEP市场，对参加境外"),
])
def test_breaks_inside_words_and_numbers_are_joined(tail, head, joined):
    width = round(text_width(tail))
    filler = extraction(BODY[2:7], width=width)
    c = clean(text_source(filler + "\n\n" + tail + "\n\n" + head))
    assert joined in c.text, c.text


def test_spaces_between_chinese_removed_latin_kept():
    paras = ["对经中山口岸申报进口 RCEP 项下重点帮扶企业开展 3 轮全覆盖政策宣贯，指导企业获得关税减免 200 多万元。",
             "Made in China 2025 planning office 负责统筹协调，市商务局、市发展改革局按职责分工落实。"] * 3
    c = clean(text_source(extraction(paras, width=22)))
    assert "进口RCEP项下重点帮扶企业开展3轮全覆盖" in c.text
    assert "减免200多万元。" in c.text
    assert "Made in China 2025 planning office负责" in c.text


def test_page_numbers_and_running_lines_removed_from_extraction():
    pages = []
    for n in range(1, 5):
        pages.append("\n".join(["广州市人民政府公报", extraction(BODY[2:5], double_spaced=False), f"— {n} —"]))
    text = "\n\f".join(pages)
    c = clean(text_source(text))
    assert "广州市人民政府公报" not in c.text
    for n in range(1, 5):
        assert f"— {n} —" not in c.text
    assert BODY[4] in c.text.split("\n")


@pytest.mark.parametrize("marker", ["- 3 -", "第3页", "第 3 页 共 9 页", "3/9", "— 3 —"])
def test_page_number_styles_removed(marker):
    lines = extraction(BODY[2:7], double_spaced=False).split("\n")
    lines.insert(6, marker)
    c = clean(text_source("\n".join(lines)))
    assert c.text.split("\n") == BODY[2:7]


# ---------------------------------------------------------------- the corpus extraction
def zs_reply():
    return clean(load(str(RAW / "zs-2024-reply-133089.txt")))


def test_zs_reply_paragraphs():
    c = zs_reply()
    paras = c.text.split("\n")
    assert paras[:4] == ["中山商务贸函〔2024〕8号", "中山市商务局关于市政协十三届三次会议", "第133089号提案答复的函",
                         "蔡先全，杜姬芳，陆玲委员："]
    assert paras[4].startswith("你们提出的《关于构建“双循环”背景下的中山制造业高质量发展新格局的建议》（提案第133089号）收悉")
    assert paras[4].endswith("现答复如下：")
    assert "我市计划今年投入3000多万实施" in c.text
    assert "足额赔付150万元，" in c.text
    assert "最高支持企业200万元" in c.text
    assert "\n\n" not in c.text and not any(p != p.strip() for p in paras)
    assert len(paras) == 33


def test_zs_reply_displaced_heading_moved_back():
    c = zs_reply()
    assert "公共技术服务体系建设" in c.text
    assert "技术支撑。\n二、关于“内需为主，精准对接”的建议\n吸收采纳。" in c.text
    assert c.warnings == ["W203 displaced heading moved back: 二、关于“内需为主，精准对接”的建议"]


def test_displaced_heading_other_style():
    paras = BODY[2:5] + [
        "（一）强化组织领导。各地要建立由政府主要负责同志牵头的工作推进机制，统筹推进数字基础设施建设和产业数字化转型工作，形成工作合力。",
        "（二）加大资金支持。",
        "省级财政每年安排专项资金，支持数字经济重点项目建设。"]
    lines = extraction(paras, width=20, double_spaced=False).split("\n")
    heading = lines.index("（二）加大资金支持。")
    # the extractor put the heading at the top of the next page, inside the sentence before it
    lines.insert(heading - 1, lines.pop(heading))
    assert not lines[heading - 2].endswith("。")
    c = clean(text_source("\n".join(lines)))
    assert c.text.split("\n") == paras
    assert c.warnings == ["W203 displaced heading moved back: （二）加大资金支持。"]


def test_genuine_heading_after_title_not_moved():
    text = "\n".join(["关于进一步优化营商环境的实施方案", "一、总体要求", "以习近平新时代中国特色社会主义思想为指导。"])
    c = clean(text_source(text))
    assert c.text == text and c.warnings == []


# ---------------------------------------------------------------- web copies are not damaged
def _gold_strings(gold: dict) -> list[str]:
    out = [a["text"] for a in gold.get("agencies", [])] + [m["text"] for m in gold.get("money", [])]
    out += [r["text"] for r in gold.get("rates", [])]
    out += [v for k, v in gold["meta"].items() if k in ("doc_number", "issuer") and v]
    return out


@pytest.mark.parametrize("doc", sorted(p.stem for p in GOLD.glob("*.json")))
def test_gold_spans_survive_cleaning(doc):
    raw = (RAW / f"{doc}.txt").read_text(encoding="utf-8")
    c = clean(load(str(RAW / f"{doc}.txt")))
    gold = json.loads((GOLD / f"{doc}.json").read_text(encoding="utf-8"))
    lost = [s for s in _gold_strings(gold) if s in raw and s not in c.text]
    assert lost == []


def test_web_copy_lines_kept_as_paragraphs():
    raw = (RAW / "henan-2023-chain-measures.txt").read_text(encoding="utf-8")
    c = clean(load(str(RAW / "henan-2023-chain-measures.txt")))
    assert c.text.split("\n") == [t.strip() for t in raw.split("\n") if t.strip()]


def test_traditional_extraction_repaired_like_simplified():
    import opencc

    s2t = opencc.OpenCC("s2t")
    raw = (RAW / "zs-2024-reply-133089.txt").read_text(encoding="utf-8")
    trad = "".join(s2t.convert(ch) if len(s2t.convert(ch)) == 1 else ch for ch in raw)
    assert trad != raw
    c = clean(text_source(trad))
    simple = zs_reply()
    assert len(c.text) == len(simple.text)
    heading = trad[trad.index("二、關於"):trad.index("的建議", trad.index("二、關於")) + 3]
    assert c.warnings == [f"W203 displaced heading moved back: {heading}"]
    assert c.text.split("\n")[11:13] == [heading, "吸收採納。"]


def test_lines_of_leftover_markup_tags_are_no_text():
    text = ('<legend id="h4sia"></legend><samp id="h4sia"></samp>\n1. <blockquote id="h4sia"></blockquote>\n'
            "某市人民政府关于印发稳定经济工作举措的通知\n某府发〔2022〕6号\n")
    assert clean(text_source(text)).text.split("\n")[0] == "某市人民政府关于印发稳定经济工作举措的通知"


def test_a_sites_page_tools_glued_to_the_signature_date_leave_the_date():
    text = "某省卫生健康委员会\n2021年4月12日扫一扫在手机上查看当前页面\n打印\n"
    assert "2021年4月12日" in clean(text_source(text)).text.split("\n")


def test_a_bracketed_label_with_a_space_inside_stays_whole_in_a_pasted_pdf_copy():
    para = ("( 一)推进文化和旅游深度融合发展。 引导戏剧节、音 乐节、艺术节、动漫节、演唱会、艺术展览、文旅展会等业 "
            "态健康发展,叫响哈尔滨之夏音乐会、中俄文化大集、中俄 地方文化艺术季、国际文化产业博览会、国际动漫博览会、 "
            "俄罗斯精品油画展等文旅节庆和展会活动品牌,支持冰上杂 技、高雅音乐、戏剧曲艺等演出,打造品牌。 ( 二)实施美好生活"
            "度假休闲工程。开 展文化和旅游消费促进活动,鼓励各地制定实施景区门票 减免、淡季免费开放、演出门票打折等政策。")
    lines = clean(text_source("一、加大优质旅游产品和服务供给\n" + para)).text.split("\n")
    assert lines[1].startswith("( 一)推进文化和旅游深度融合发展")


_SHARED_BANNER = "《某市支持首店经济发展的若干措施.docx》由会员分享,可在线阅读,更多相关《某市支持首店经济发展的若干措施.docx(5页珍藏版)》请在某文库上搜索。"
_PAGE_ONE = ("1、某市支持首店经济发展的若干措施为加快发展首店经济,特制定以下措施。一、鼓励发展首店经济(一)支持引进品牌首店。"
             "对商业运营商按照年度引进落地商业品牌首店的层级、数量、运营成效及经济影响等情况综合评定,择优给予最高不超过200万元的"
             "资金奖励。对首店首次开业的,按照其装修投入、租金、运营成效等情况,给予一次性补助。(责任单位:市商务委)"
             "(二)支持第三方机构协助引进品牌首店。鼓励第三方机构、平台、协会利用自身资源和渠道优势,助力对接招引")
_PAGE_TWO = "2、商业品牌首店,择优给予最高不超过100万元的资金奖励。(责任单位:市商务委)"


def test_a_shared_copys_page_numbers_go_and_its_pages_run_on():
    lines = clean(text_source("\n".join([_SHARED_BANNER, _PAGE_ONE, _PAGE_TWO]))).text.split("\n")
    assert any(ln.startswith("(二)支持第三方机构协助引进品牌首店") and "助力对接招引商业品牌首店" in ln for ln in lines)
    assert not any(ln.startswith(("1、", "2、")) for ln in lines)


def test_short_numbered_lines_under_a_shared_copys_banner_are_items_not_pages():
    text = "\n".join([_SHARED_BANNER, "奖励办法", "1、引进工业企业的,奖励1万元。", "2、引进商贸企业的,奖励5000元。"])
    assert "1、引进工业企业的,奖励1万元。" in clean(text_source(text)).text.split("\n")


def test_a_run_in_parts_heading_and_its_first_items_stand_on_lines_of_their_own():
    lines = clean(text_source("\n".join([_SHARED_BANNER, _PAGE_ONE, _PAGE_TWO]))).text.split("\n")
    assert "一、鼓励发展首店经济" in lines
    assert any(ln.startswith("(一)支持引进品牌首店。") for ln in lines)


def test_a_forums_filler_leaves_the_title_and_the_recipients_of_a_copied_notice():
    text = ("某縣人民政府辦公室關于印發某縣活動實施方案的通知3 l' R0 Q! D; x$ Z\n"
            "\" e\" _! R8 f6 Z8 \\, o( a2 X8 V各鄉鎮人民政府,縣政府各部門:9 V- j7 H3 o0 Q+ c\n"
            "現將《某縣活動實施方案》印發給你們,請認真組織實施。\n")
    assert clean(text_source(text)).text.split("\n")[:2] == ["某縣人民政府辦公室關于印發某縣活動實施方案的通知",
                                                               "各鄉鎮人民政府,縣政府各部門:"]


def test_a_signature_run_into_the_text_of_a_copy_gives_the_letter_its_issuer_and_date():
    from pipeline.structure import parse_structure
    text = ("关于印发某区科技发展规划的通知\n某政发〔2011〕20号各街乡,政府委办局及直属单位:《某区科技发展规划》已经区政府常务会议"
            "审议通过,现印发给你们,请认真遵照执行。天津市东丽区人民政府二〇一一年五月二十八日某区科技发展规划 根据区委的部署,制定本规划。\n")
    meta = parse_structure(clean(text_source(text)).text).meta
    assert (meta.issuer, meta.date) == ("天津市东丽区人民政府", "2011-05-28")


def test_an_article_run_into_its_text_after_a_sentence_end_starts_a_line_a_reference_does_not():
    text = ("某市开放型经济工作考核办法(征求意见稿)第一条为推动开放型经济高质量发展,制定本办法。第二条本办法适用于各区政府。"
            "第三条考核工作由市商务局负责组织实施。第四条考核结果依照第三条规定的程序报送。")
    lines = clean(text_source(text)).text.split("\n")
    assert [ln[:3] for ln in lines] == ["某市开", "第一条", "第二条", "第三条", "第四条"]


def test_a_sharing_sites_page_thumbnails_and_banner_further_down_leave_the_pages_joined():
    text = "\n".join(["某县农村电商扶持政策实施细则(试行)_第1页", "某县农村电商扶持政策实施细则(试行)_第2页", "资源描述:",
                      "《某县农村电商扶持政策实施细则(试行)》由会员上传分享,免费在线阅读,更多相关内容在某文库",
                      _PAGE_ONE, _PAGE_TWO])
    lines = clean(text_source(text)).text.split("\n")
    assert not any(ln.startswith(("1、", "2、")) for ln in lines)


def test_a_hijacked_pages_spam_line_under_a_list_mark_leaves_the_letters_title_and_number():
    from pipeline.structure import parse_structure
    text = ("1. 豆花AV,无码乳交,伊人AV天堂,久久久久亚洲AV成人网人人小说,亚洲欧美V,五月婷婷成人\n"
            "某区卫生健康局关于区政协第三次会议第3011号提案答复的函\n发布日期:2023-08-28\n某卫函〔2023〕30号\n"
            "张某委员:\n您提出的《关于发展中医药的提案》已收悉。现答复如下:\n")
    meta = parse_structure(clean(text_source(text)).text).meta
    assert (meta.title, meta.doc_number) == ("某区卫生健康局关于区政协第三次会议第3011号提案答复的函", "某卫函〔2023〕30号")


def test_articles_headed_in_brackets_run_on_after_commas_start_lines_of_their_own():
    text = ("某区促进产业发展扶持办法第一条为高质量发展,第三条【企业落户奖】对新迁入的企业,"
            "第四条【经营贡献奖】对经认定符合条件的企业给予奖励,第十条【人才奖】符合条件的企业,依照第三条规定执行。")
    lines = clean(text_source(text)).text.split("\n")
    assert [ln[:4] for ln in lines[1:]] == ["第三条【", "第四条【", "第十条【"]


def test_a_page_stitched_from_fragments_splits_items_run_on_after_commas_even_past_a_dropped_one():
    items = ["一、对列入自治区旅游发展专项资金奖励的旅游品牌(国家全域旅游示范区、全国旅游标准化示范县),市级专项资金不再重复奖励",
             "二、对新评定为国家AAAAA级旅游景区、国家AAAA级旅游景区、四星级饭店的单位,奖励资金从市文化旅游发展专项资金中安排",
             "三、对新评定为国家AAA级旅游景区、三星级饭店、三星级乡村旅游区的单位,奖励资金从市文化旅游发展专项资金中安排",
             "五、对新评定为自治区级旅游度假区、乡村旅游重点村的单位,奖励资金从市文化旅游发展专项资金中安排"]
    text = ("各县(市、区)人民政府、市人民政府各工作部门,根据《自治区人民政府关于调整自治区旅游发展专项资金以奖代补政策的通知》"
            "精神,现对市文化旅游发展专项资金奖励政策作如下调整:" + ",".join(items) + ",附件:奖励一览表")
    lines = clean(text_source(text)).text.split("\n")
    assert len(text) > 300 and [ln[:2] for ln in lines[1:5]] == ["一、", "二、", "三、", "五、"]


def test_a_short_line_keeps_an_enumeration_after_a_comma():
    text = "对获评一星级的,给予1万元奖励,二、三星级的按标准执行,三、四季度集中兑现。"
    assert clean(text_source(text)).text.split("\n") == [text]


def test_chapters_run_in_with_their_first_article_start_lines_and_the_articles_count_on():
    text = ("某区核心团队奖励办法(征求意见稿)第一章总则第一条为优化营商环境,制定本办法。第二章支持范围第二条符合条件的企业,"
            "给予奖励。第三条综合考评按年度指标打分。第三章附则第四条本办法自公布之日起试行。")
    lines = clean(text_source(text)).text.split("\n")
    assert [ln[:3] for ln in lines] == ["某区核", "第一章", "第一条", "第二章", "第二条", "第三条", "第三章", "第四条"]
