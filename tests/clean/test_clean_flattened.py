"""Web copies that lost their line breaks are split back at the spaces the breaks left."""
from pipeline.clean import clean
from pipeline.clean.flattened import is_flattened
from pipeline.sources import load
from tests.corpus import ROOT

REAL = ROOT / "corpora" / "real" / "raw"


def _clean_lines(doc: str) -> list[str]:
    return [ln.strip() for ln in clean(load(REAL / f"{doc}.txt", isolate=False)).text.split("\n") if ln.strip()]


def test_a_notice_run_onto_one_line_gets_its_elements_back_on_lines_of_their_own():
    lines = _clean_lines("changchun-2009-notice-bangongting-sanding")
    assert "长府办发〔2009〕47 号" in lines
    assert "长春市人民政府办公厅" in lines and "二〇〇九年九月十日" in lines
    assert any(ln.startswith("一、职责调整") for ln in lines)


def test_an_item_label_after_a_heading_starts_a_line():
    lines = _clean_lines("haiyan-2022-measures-gzbg-fenjie")
    assert any(ln.startswith("1.全县生产总值增长7.5%左右") for ln in lines)
    assert "一、王丹县长牵头重点工作" in lines


def test_a_pdf_line_with_stray_spaces_mid_sentence_is_not_flattened():
    line = ("对企业实施智能化改造的,按照同等贴息政策支 持。省级财政负担支持资金的 40%。省级 财政负担资金在项目开工后"
            "拨付60%,项目投产验收 后据实拨付。对未纳入统计的项目,由各市 (地) 研究政策给予支 持。对实施数字化改造的企业,"
            "按设备购置等数字化建设费用给 予 10%的一次性补助,单个企业最高不超过 200 万元,智能 工厂补助最高不超过500万元。")
    assert not is_flattened(line)


def test_short_lines_and_letter_spaced_names_are_never_flattened():
    assert not is_flattened("国 家 能 源 局")
    assert not is_flattened("关于印发 《若干措施》 的通知")


def test_a_label_alone_on_its_line_is_joined_to_its_text(tmp_path):
    path = tmp_path / "articles.txt"
    path.write_text("某市科技创新扶持办法\n第一条\n为规范资金管理，制定本办法。\n第二条\n对新认定的企业给予奖励100万元。\n",
                    encoding="utf-8")
    lines = clean(load(str(path), isolate=False)).text.split("\n")
    assert lines[1:] == ["第一条 为规范资金管理，制定本办法。", "第二条 对新认定的企业给予奖励100万元。"]


def test_a_flattened_article_keeps_its_label_with_its_text():
    lines = _clean_lines("jiangyin-gxq-measures-cluster-fund")
    assert any(ln.startswith("第四条") and "专项资金支出的范围和要求" in ln for ln in lines)


def test_a_flattened_signature_after_an_attachment_file_gets_its_own_lines():
    lines = _clean_lines("pingyuan-2020-notice-zhengdi-gonggao")
    assert "平远县人民政府" in lines and "2020年6月3日" in lines


def test_a_pdf_pasted_as_one_line_gets_its_lines_back_and_its_wrapped_paragraphs_joined():
    lines = _clean_lines("xinjiang-2021-notice-jihua-zhibiao")
    assert lines[:5] == ["新疆维吾尔自治区人民政府", "文件", "新政发〔2021〕19号",
                         "关于印发2021年自治区国民经济和", "社会发展计划及主要指标的通知"]
    assert "伊犁哈萨克自治州,各州、市人民政府,各行政公署,自治区人民政府各部门、各直属机构:" in lines


def test_stray_spaces_at_no_one_width_are_no_pasted_pdf():
    from pipeline.clean.flattened import wrapped_copy_width
    line = ("对企业实施智能化改造的,按照同等贴息政策支 持。省级财政负担支持资金的 40%。省级 财政负担资金在项目开工后"
            "拨付60%,项目投产验收 后据实拨付。对未纳入统计的项目,由各市 (地) 研究政策给予支 持。对实施数字化改造的企业,"
            "按设备购置等数字化建设费用给 予 10%的一次性补助,单个企业最高不超过 200 万元,智能 工厂补助最高不超过500万元。")
    assert wrapped_copy_width(line) is None
