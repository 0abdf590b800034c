"""Money in PDF tables: the unit comes from the 单位 line above the table, then the column header,
then the cell; figures of money columns become MONEY with the unit applied, their row and column
headers as scope and table/row/column indices; rows are checked against a 合计 row."""
from functools import cache
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pipeline.extraction import extract

SET = Path(__file__).resolve().parents[1] / "fixtures" / "real-pdfs" / "tables"
FONT = "STSong-Light"


@cache
def _record(name: str):
    return extract(SET / name, isolate=False)


def _money(record, table: int = 0) -> dict[tuple[int, int], dict]:
    return {(e.attrs["row"], e.attrs["column"]): {"text": e.text, **e.attrs} for e in record.entities
            if e.label == "MONEY" and e.attrs.get("table") == table}


def _table_pdf(path: Path, caption: str, unit_line: str | None, rows: list[list[str]]) -> Path:
    """A one-table PDF (reportlab, ruled): caption, the unit line if any, header row and body rows."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    style = ParagraphStyle("p", fontName=FONT, fontSize=14, leading=22)
    story = [Paragraph(caption, style)]
    if unit_line:
        story.append(Paragraph(unit_line, style))
    story.append(Table(rows, style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                               ("GRID", (0, 0), (-1, -1), 0.75, "black")])))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_unit_line_above_table_applies_to_money_cells(tmp_path):
    record = extract(_table_pdf(tmp_path / "t.pdf", "2024年专项资金分配表", "单位：万元",
                                [["序号", "项目", "资金"], ["1", "园区道路建设", "7545"]]), isolate=False)
    table = record.tables[0]
    assert table["unit"] == "万元" and table["caption"] == "2024年专项资金分配表"
    cell = _money(record)[(0, 2)]
    assert cell["amount"] == 75_450_000 and cell["unit"] == "万元" and cell["currency"] == "CNY"
    assert cell["scope"] == "园区道路建设 资金" and cell["role"] == "budget"
    assert (0, 0) not in _money(record)                                  # 序号 is no amount


def test_unit_in_the_column_header_applies_to_its_column():
    record = _record("cr-daqing-zijin-colunit-ruled.pdf")
    table = record.tables[0]
    assert table["column_units"][3] == "万元" and table["unit"] == "万元"
    money = _money(record)
    assert money[(0, 3)]["amount"] == 8_500_000 and money[(0, 3)]["scope"] == "产业类项目 大同区冷棚育苗基地建设项目 资金"
    assert money[(8, 3)]["amount"] == 61_320_000 and money[(8, 3)]["total"] is True


def test_a_header_unit_in_ascii_brackets_and_figures_with_decimals():
    money = _money(_record("cr-heshan-shoufei-ruled.pdf"))
    assert money[(0, 5)]["amount"] == 348_500 and money[(0, 6)]["scope"] == "小城镇基础设施配套费 事业性收费 按工程总造价1.5% 按工程总造价1.5% 桂财综〔2007〕54号文 支出金额"
    assert money[(4, 5)]["amount"] == 4_149_600
    assert money[(0, 5)]["role"] == "statistic"


def test_a_cells_own_unit_is_its_amount():
    money = _money(_record("lo-guobanhan-lianghua-3line.pdf"))
    assert money[(3, 1)]["text"] == "4000亿元" and money[(3, 1)]["amount"] == 400_000_000_000
    assert money[(7, 1)]["amount"] == 1_650_000_000_000                 # 公路投资1.65万亿元


def test_merged_header_columns_scope_and_the_quota_role():
    money = _money(_record("lo-changmao-zhengshou-3line.pdf"))
    assert money[(0, 2)]["amount"] == 54_700 and money[(0, 2)]["scope"] == "大埝 一事一议·筹款"
    assert money[(0, 2)]["role"] == "target"                              # 征收任务表
    assert len(money) == 30                                               # 5 columns × 6 rows, 以资代劳 and 备注 empty


def test_every_money_cell_of_the_set_gets_its_unit():
    import json

    for line in (SET / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        expected = json.loads((SET / row["expected"]).read_text(encoding="utf-8"))
        money = _money(_record(row["file"]), row.get("index", 0))
        for m in expected["money"]:
            assert money[(m["row"], m["column"])]["amount"] == m["amount"], (row["file"], m)


def test_rows_that_add_up_to_their_total_give_no_warning():
    record = _record("lo-daqing-zijin-ruled.pdf")
    assert record.tables[0]["warnings"] == [] and not any(w.startswith("W501") for w in record.warnings)


def test_rows_that_do_not_add_up_to_their_total_give_a_warning(tmp_path):
    record = extract(_table_pdf(tmp_path / "t.pdf", "资金安排表", "单位：万元",
                                [["序号", "项目名称", "资金"], ["1", "冷棚育苗基地", "850"], ["2", "超大棚室种植基地", "742"],
                                 ["合计", "", "1600"]]), isolate=False)
    warnings = record.tables[0]["warnings"]
    assert len(warnings) == 1 and warnings[0].startswith("W501") and "1592" in warnings[0] and "1600" in warnings[0]
    assert warnings[0] in record.warnings


def test_count_columns_are_no_money(tmp_path):
    record = extract(_table_pdf(tmp_path / "t.pdf", "项目资金安排表", "单位：万元",
                                [["地区", "项目个数", "资金"], ["城区", "12", "300"], ["郊区", "8", "120"]]), isolate=False)
    money = _money(record)
    assert set(money) == {(0, 2), (1, 2)} and money[(1, 2)]["amount"] == 1_200_000


def test_docx_and_html_tables_feed_the_same_tables_field(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from make_pdf_set import table_docx, table_html
    from table_set import TABLES

    source = TABLES["changmao-zhengshou"]
    html = tmp_path / "t.html"
    html.write_text(table_html(source, "ruled"), encoding="utf-8")
    docx = tmp_path / "t.docx"
    table_docx(source, "three-line", docx)
    for path in (html, docx):
        record = extract(path, isolate=False)
        table = record.tables[0]
        assert table["caption"] == "2012年夏季费用征收任务表" and table["unit"] == "元", path
        assert table["header"] == source.header_grid() and [[c["text"] for c in r] for r in table["rows"]] == [
            [c or "" for c in r] for r in source.rows], path
        assert record.text[table["rows"][0][2]["start"]:table["rows"][0][2]["end"]] == "54700"
        money = _money(record)
        assert money[(5, 1)]["amount"] == 502_438 and money[(5, 1)]["total"] is True, path


ANNUAL_REPORT_TABLE = """<html><body><article><p>二、主动公开政府信息情况</p><table>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>25</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1207</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">35.6</td></tr>
</table><p>三、收到和处理政府信息公开申请情况</p></article></body></html>"""


def test_the_annual_report_fee_is_read_with_the_unit_its_header_row_states(tmp_path):
    """The fixed table 二 of a 政府信息公开工作年度报告 (the 2019 national format; figures made up by
    the test): its 本年收费金额（单位：万元） row names the unit of the fee under it, and the counts
    (件数, 处理决定数量) are no money."""
    path = tmp_path / "report.html"
    path.write_text(ANNUAL_REPORT_TABLE, encoding="utf-8")
    record = extract(path, isolate=False)
    money = _money(record)
    assert list(money) == [(8, 1)]
    assert money[(8, 1)]["amount"] == 356_000 and money[(8, 1)]["unit"] == "万元"
    assert money[(8, 1)]["scope"] == "行政事业性收费 本年收费金额"
