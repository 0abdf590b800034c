"""A disclosure site's metadata block read as fields, and the meta they give where the letter does not."""
import pytest

from pipeline.structure import parse_structure
from pipeline.structure.lexicon import data
from pipeline.structure.sitemeta import label_row_fields, site_fields, starts_with_site_key
from tests.corpus import ROOT

REAL = ROOT / "corpora" / "real" / "raw"


@pytest.mark.parametrize("line,expected", sorted(data("site_fields")["examples"].items()))
def test_site_field_examples(line, expected):
    assert {f: line[s:e] for f, (s, e) in site_fields(line).items()} == expected


@pytest.mark.parametrize("line,key", [
    ("【发文字号】川环发[2013]121号", True), ("发文字号国办发〔1986〕53号", True), ("- 名称: 对省十四届人大…的会办意见", True),
    ("来源于群众的意见", False), ("名称变更为某市数据局", False)])
def test_a_metadata_row_starts_with_a_key(line, key):
    assert starts_with_site_key(line) is key


def test_a_publishing_date_is_never_the_document_date():
    text = "索引号：11530000/2021-00123　发布日期：2021-09-22\n关于做好防汛工作的通知\n各乡镇：\n请做好防汛工作。\n"
    assert parse_structure(text).meta.date is None


def test_the_issuer_comes_from_the_title_before_the_site_block():
    text = "发布机构：某市政府办公室\n某市农业农村局关于做好春耕工作的通知\n各乡镇：\n请做好春耕工作。\n"
    assert parse_structure(text).meta.issuer == "某市农业农村局"


@pytest.mark.parametrize("doc,field,value", [
    ("caidian-2023-measures-gzbg-tasks", "doc_number", "蔡政办〔2023〕1号"),        # 文    号 蔡政办〔2023〕1号
    ("sichuan-hbt-2013-notice-straw-burning", "doc_number", "川环发〔2013〕121号"),  # 【发文字号】…[2013]… and the letter's (…〔2013〕…)
    ("beijing-2018-notice-ling-277-trad", "doc_number", "北京市人民政府令第277號"),  # the letter's decree over the list's 政府令〔2018〕277號
    ("beijing-2018-notice-ling-277-trad", "date", "2018-02-12"),                  # [成文日期] 2018-02-12
    ("linyi-zjj-2025-reply-npc-a20250015", "issuer", "临沂市住房和城乡建设局"),      # 发布机构 glued to a value
    ("sixian-hongcheng-2024-notice-weifang-buzhu", "issuer", "虹城街道"),           # a 街道 as 发布机构
    ("shihahe-2024-notice-jinzhi-zhaolan-waimu", "issuer", "石哈河镇"),             # a 镇 as 发布机构
])
def test_real_metadata_blocks(doc, field, value):
    meta = parse_structure((REAL / f"{doc}.txt").read_text(encoding="utf-8")).meta
    assert getattr(meta, field) == value


def test_a_row_of_keys_pairs_its_values_in_order_over_the_lines_below():
    lines = ["主题词:农村公路", "索  引  号 文       号 发布机构 发布日期 公开范围 公开方式",
             "N001-2011-000627 宛政〔2011〕7号", "南阳市人民政府办公室 2011-03-04", "面向社会 主动公开"]
    fields = label_row_fields(lines)
    assert {k: lines[i][s:e] for k, (i, s, e) in fields.items()} == {
        "doc_number": "宛政〔2011〕7号", "issuer": "南阳市人民政府办公室"}


def test_a_row_of_keys_whose_values_do_not_pair_one_for_one_gives_nothing():
    lines = ["索引号 文号 发布机构 成文日期", "N001-2011-000627 宛政〔2011〕7号 南阳市人民政府办公室"]
    assert label_row_fields(lines) == {}


@pytest.mark.parametrize("fields, date", [
    ("索引号:MB1531591/2020-00182\n产生日期:2020-12-28\n发布日期:2020-12-29\n", "2020-12-28"),
    ("承办单位\n县农业农村局\n答复时间\n2024-09-30\n", "2024-09-30"),
])
def test_a_catalogues_date_of_making_or_of_the_answer_is_the_documents_date(fields, date):
    text = fields + "关于黄岱镇发展美丽乡村的提案的答复\n王明委员:\n您的提案收悉,现答复如下:\n"
    assert parse_structure(text).meta.date == date


def test_a_catalogue_without_keys_names_its_publisher_under_the_index_number_and_a_footers_sponsor_is_none():
    text = ("• 00529508X/2023-00092\n  • 中牟县水利局\n  • 人大建议,提案\n  • 2023-09-25\n  • 2023-09-25\n"
            "关于县人大十五届三次会议第144号建议的答复\n席守力代表:\n您提出的建议已收悉。现答复如下:\n我局将抓好落实。\n"
            "主办单位:中牟县人民政府办公室 地址:中牟县青年路 邮编:451450\n")
    assert parse_structure(text).meta.issuer == "中牟县水利局"


def test_a_key_in_square_brackets_with_its_value_glued_on_opens_a_site_row():
    assert starts_with_site_key("【标 签】财政国库,管理制度,改革实施意见")
    assert starts_with_site_key("【文 号】鲁财库﹝2002﹞24号")
    assert not starts_with_site_key("【政策解读】关于印发若干措施的通知")
