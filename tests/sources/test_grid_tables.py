"""Tables of DOCX and HTML read as grids (pipeline/sources/grid.py): merged cells, and grids no
table has (a hostile colspan) read as lines, and a PDF whose drawing pdfplumber cannot read keeps
its text with a warning."""
from pipeline.sources.grid import table_from_grid
from pipeline.sources.html import html_pages


def test_a_grid_spreads_header_merges_and_leaves_merged_over_body_cells_empty():
    cells = [(0, 0, 2, 1, "村名"), (0, 1, 1, 2, "一事一议"), (1, 1, 1, 1, "筹款"), (1, 2, 1, 1, "以资代劳"),
             (2, 0, 2, 1, "大埝"), (2, 1, 1, 1, "54700"), (2, 2, 1, 1, ""), (3, 1, 1, 1, "100"), (3, 2, 1, 1, "5")]
    table = table_from_grid(cells, 4, 3, None, "html")
    assert table.header == [["村名", "一事一议", "一事一议"], ["村名", "筹款", "以资代劳"]]
    assert table.rows == [["大埝", "54700", ""], ["", "100", "5"]]


def test_a_first_row_of_figures_is_no_header():
    cells = [(0, 0, 1, 1, "1"), (0, 1, 1, 1, "850"), (1, 0, 1, 1, "2"), (1, 1, 1, 1, "742")]
    table = table_from_grid(cells, 2, 2, 3, "ruled")
    assert table.header == [] and table.rows == [["1", "850"], ["2", "742"]]


def test_a_hostile_colspan_is_read_as_lines_not_as_a_table():
    html = ("<html><body><article><p>" + "正文内容。" * 20 + "</p><table><tr><td colspan='999999999'>甲</td>"
            "<td rowspan='99999999'>乙</td></tr><tr><td>1</td><td>2</td></tr></table></article></body></html>")
    page = html_pages(html)[0]
    assert page.tables == [] or all(len(r) <= 200 for t in page.tables for r in t.rows)
    assert any("甲" in ln.text for ln in page.lines)


def test_a_drawing_pdfplumber_cannot_read_leaves_the_text_and_a_warning(monkeypatch):
    from pipeline.sources import pdf_tables
    from pipeline.types import Line, Page

    def broken(*args, **kwargs):
        raise ValueError("bad path operator")

    monkeypatch.setattr(pdf_tables, "read_tables", broken)
    pages = [Page(1, [Line("正文")])]
    out, warnings = pdf_tables.tables_or_warning(pages, {}, [1])
    assert out is pages and len(warnings) == 1 and warnings[0].startswith("W503") and "ValueError" in warnings[0]


def test_a_row_naming_the_columns_that_header_cells_group_is_header():
    cells = [(0, 0, 1, 2, "收入"), (0, 2, 1, 2, "支出"),
             (1, 0, 1, 1, "项目"), (1, 1, 1, 1, "决算数"), (1, 2, 1, 1, "项目"), (1, 3, 1, 1, "决算数"),
             (2, 0, 1, 1, "事业收入"), (2, 1, 1, 1, "12.50"), (2, 2, 1, 1, "教育支出"), (2, 3, 1, 1, "")]
    table = table_from_grid(cells, 3, 4, 1, "ruled")
    assert table.header == [["收入", "收入", "支出", "支出"], ["项目", "决算数", "项目", "决算数"]]
    assert table.rows == [["事业收入", "12.50", "教育支出", ""]]


def test_a_title_over_every_column_does_not_pull_the_row_under_it_into_the_header():
    cells = [(0, 0, 1, 2, "第二十条第（五）项"), (1, 0, 1, 1, "信息内容"), (1, 1, 1, 1, "本年处理决定数量"),
             (2, 0, 1, 1, "行政许可"), (2, 1, 1, 1, "550")]
    table = table_from_grid(cells, 3, 2, 1, "ruled")
    assert table.header == [["第二十条第（五）项"] * 2]
    assert table.rows[0] == ["信息内容", "本年处理决定数量"]
