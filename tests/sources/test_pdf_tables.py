"""Tables read from PDFs (tests/fixtures/real-pdfs/tables/: real corpus tables set by LibreOffice,
Chromium and reportlab, ruled and three-line, and one ruled table scanned, made by
bench/make_pdf_set.py --tables): rows read cell for cell, headers with merged cells spread, wrapped
and page-broken cells glued to their row, and rules that bound no table (a colophon) left alone."""
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from pipeline.extraction import extract

SET = Path(__file__).resolve().parents[1] / "fixtures" / "real-pdfs" / "tables"
ROWS = [json.loads(ln) for ln in (SET / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
# row-rules: a rule under every row only; scan: a ruled table printed and scanned, read by OCR
TARGET = {"ruled": 0.95, "three-line": 0.85, "row-rules": 0.85, "scan": 0.85}


def _norm(text: str) -> str:
    """White space removed, NFKC-folded: OCR may read a full-width comma for the ASCII one."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@cache
def _record(name: str):
    return extract(SET / name, isolate=False)


def _expected(row: dict) -> dict:
    return json.loads((SET / row["expected"]).read_text(encoding="utf-8"))


def _exact_rows(table: dict, expected: dict) -> int:
    ours = [[_norm(c["text"]) for c in r] for r in table["rows"]]
    return sum(1 for k, r in enumerate(expected["rows"]) if k < len(ours) and ours[k] == [_norm(c) for c in r])


def test_the_table_set_has_both_kinds_from_three_producers():
    for kind in ("ruled", "three-line"):
        assert {r["producer"] for r in ROWS if r["kind"] == kind} >= {"libreoffice", "chromium", "reportlab"}
    for r in ROWS:
        assert (SET / r["file"]).is_file() and _expected(r)["rows"]


@pytest.mark.parametrize("kind", sorted(TARGET))
def test_rows_of_each_table_kind_are_read_cell_for_cell(kind):
    exact = total = 0
    for row in (r for r in ROWS if r["kind"] == kind):
        record = _record(row["file"])
        assert len(record.tables) == row.get("tables", 1), row["file"]
        exact += _exact_rows(record.tables[row.get("index", 0)], _expected(row))
        total += len(_expected(row)["rows"])
    assert exact / total >= TARGET[kind], (exact, total)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{Path(r['file']).stem}-{r.get('index', 0)}")
def test_every_header_is_read_with_merged_cells_spread(row):
    table = _record(row["file"]).tables[row.get("index", 0)]
    assert [[_norm(c) for c in h] for h in table["header"]] == [[_norm(c) for c in h] for h in _expected(row)["header"]]


@pytest.mark.parametrize("name", ["cr-changmao-zhengshou-ruled.pdf", "lo-changmao-zhengshou-3line.pdf"])
def test_a_header_cell_over_two_columns_names_both(name):
    header = _record(name).tables[0]["header"]
    assert header[0][2:4] == ["一事一议", "一事一议"] and header[1][2:4] == ["筹款", "以资代劳"]
    assert header[0][0] == header[1][0] == "村名"                  # merged down over both header rows


def test_each_cell_points_at_its_text_and_page():
    record = _record("lo-daqing-zijin-ruled.pdf")
    for row in record.tables[0]["rows"]:
        for cell in row:
            if cell["text"]:
                assert record.text[cell["start"]:cell["end"]] == cell["text"] and cell["page"] == 1


def test_a_table_stands_in_the_text_one_row_a_line():
    record = _record("lo-daqing-zijin-ruled.pdf")
    lines = record.text.split("\n")
    assert "1 | 产业类项目 | 大同区冷棚育苗基地建设项目 | 850" in lines
    assert "2 |  | 大同区超大棚室种植基地建设项目 | 742" in lines   # a cell merged over from the row above stays empty
    assert "合计 |  |  | 6132" in lines


def test_a_wrapped_cell_is_glued_to_its_row():
    for name in ("lo-jishui-minsheng-3line.pdf", "cr-jishui-minsheng-3line.pdf", "lo-heshan-shoufei-3line.pdf"):
        table = _record(name).tables[0]
        expected = _expected(next(r for r in ROWS if r["file"] == name))
        assert len(table["rows"]) == len(expected["rows"]), name
        assert _norm(table["rows"][0][1]["text"]) == _norm(expected["rows"][0][1]), name


@pytest.mark.parametrize("name", ["lo-jishui-minsheng-ruled.pdf", "cr-jishui-minsheng-ruled-2pages.pdf"])
def test_a_row_the_page_break_cuts_is_one_row_spanning_both_pages(name):
    record = _record(name)                           # LibreOffice closes the cut row with rules, Chromium does not
    table = record.tables[0]
    assert len(table["rows"]) == 4
    cell = table["rows"][2][4]                       # 落实情况 of row 3 runs onto page 2
    assert cell["text"].endswith("在园人数占比达32.5%。")
    assert record.text[cell["start"]:cell["end"]].endswith("人数占比达32.5%。") and cell["page"] == 1


def test_a_task_table_gives_measures_with_their_units_like_its_text_copy():
    pdf = _record("lo-jishui-minsheng-ruled.pdf")
    text = extract(Path(__file__).resolve().parents[2] / "corpora" / "real" / "raw"
                   / "jishui-measures-minsheng-shishi-table.txt", isolate=False)
    assert [m.label for m in pdf.measures] == ["1", "2", "3", "4"]
    assert [m.responsible for m in pdf.measures] == [m.responsible for m in text.measures]
    assert pdf.measures[1].responsible == ["县卫健委"]


def test_a_scanned_task_table_gives_its_rows_one_a_line_and_its_measures_with_their_units():
    record = _record("scan200-jishui-minsheng-ruled.pdf")          # read by OCR: a few seconds
    text = extract(Path(__file__).resolve().parents[2] / "corpora" / "real" / "raw"
                   / "jishui-measures-minsheng-shishi-table.txt", isolate=False)
    assert [p["page"] for p in record.ocr] == [1] and record.tables[0]["kind"] == "ruled"
    lines = record.text.split("\n")
    assert "序号 | 具体工作任务和要求 | 责任领导 | 责任单位 | 落实情况" in lines
    rows = [ln for ln in lines if ln[:4] in ("1 | ", "2 | ", "3 | ", "4 | ")]
    assert len(rows) == 4 and all(ln.count(" | ") == 4 for ln in rows)   # a row a line, not one paragraph
    assert [m.label for m in record.measures] == ["1", "2", "3", "4"]
    assert [m.responsible for m in record.measures] == [m.responsible for m in text.measures]


def test_a_narrow_unit_cell_read_back_joined_still_names_its_unit():
    record = _record("cr-jishui-minsheng-3line.pdf")          # 县教体局 / 各相关乡 / 镇政府: no space left
    assert record.tables[0]["rows"][0][3]["text"] == "县教体局各相关乡镇政府"
    assert [m.responsible for m in record.measures] == [["县教体局"], ["县卫健委"], ["县教体局"], ["县住建局"]]


def _edge_keys(edges: list[dict]) -> list[tuple]:
    """Edges with an orientation and a length of a point or more, as comparable tuples."""
    return sorted((e["orientation"], e["x0"], e["x1"], e["top"], e["bottom"]) for e in edges
                  if e["orientation"] and (e["width"] if e["orientation"] == "h" else e["height"]) >= 1)


def _same_edges(ours: list[dict], theirs: list[dict]) -> bool:
    a, b = _edge_keys(ours), _edge_keys(theirs)
    return len(a) == len(b) and all(x[0] == y[0] and all(abs(u - v) < 0.02 for u, v in zip(x[1:], y[1:]))
                                    for x, y in zip(a, b))


def _drawing_pdf(path: Path) -> None:
    """Rules drawn every way a page draws them: lines, rectangles, a curve, a grid inside a form XObject
    placed twice (moved, and moved and scaled), a closed polygon filled."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.beginForm("grid")
    for i in range(5):
        c.line(0, i * 20, 300, i * 20)
    for j in range(4):
        c.line(j * 100, 0, j * 100, 80)
    c.rect(10, 10, 50, 30, stroke=1, fill=0)
    c.bezier(0, 0, 50, 100, 100, 0, 150, 50)
    c.endForm()
    c.saveState()
    c.translate(100, 400)
    c.scale(1.3, 0.9)
    c.doForm("grid")
    c.restoreState()
    c.saveState()
    c.translate(50, 100)
    c.doForm("grid")
    c.restoreState()
    c.grid([50, 150, 250, 350], [600, 650, 700, 750])
    p = c.beginPath()
    p.moveTo(50, 50)
    p.lineTo(200, 50)
    p.lineTo(200, 80)
    p.close()
    c.drawPath(p, stroke=1, fill=1)
    c.save()


def test_the_rules_read_through_pdfium_are_the_edges_pdfplumber_finds(tmp_path):
    import pdfplumber
    import pypdfium2 as pdfium

    from pipeline.sources.pdf_tables import page_edges

    drawn = tmp_path / "drawing.pdf"
    _drawing_pdf(drawn)
    for path in (drawn, SET / "cr-heshan-shoufei-ruled.pdf", SET / "lo-daqing-zijin-ruled.pdf",
                 SET / "rl-changmao-zhengshou-ruled.pdf"):
        doc = pdfium.PdfDocument(str(path))
        try:
            with pdfplumber.open(str(path)) as plumber:
                page = doc[0]
                assert _same_edges(page_edges(page, page.get_size()[1]), plumber.pages[0].edges), path.name
        finally:
            doc.close()


def test_a_space_a_browser_draws_inside_a_cell_is_kept():
    total = _record("cr-heshan-shoufei-ruled.pdf").tables[0]["rows"][-1][0]["text"]
    units = _record("cr-jishui-minsheng-ruled-2pages.pdf").tables[0]["rows"][0][3]["text"]
    assert (total, units) == ("合 计", "县教体局 各相关乡镇政府")


def _colophon_pdf(path: Path) -> None:
    """A page of body text ending in a colophon (抄送 and 印发 between three rules): no table."""
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    y = 760
    for line in ("各县区人民政府，市政府各部门：", "现将有关事项通知如下，请认真贯彻执行。", "某某市人民政府办公室",
                 "2024年1月5日"):
        c.drawString(80, y, line)
        y -= 30
    c.setFont("STSong-Light", 14)
    for rule_y in (200, 170, 140):
        c.line(75, rule_y, 520, rule_y)
    c.drawString(85, 180, "抄送：市委办公室，市人大常委会办公室，市政协办公室。")
    c.drawString(85, 150, "某某市人民政府办公室")
    c.drawString(400, 150, "2024年1月5日印发")
    c.save()


def test_a_colophon_between_rules_is_no_table(tmp_path):
    pdf = tmp_path / "colophon.pdf"
    _colophon_pdf(pdf)
    record = extract(pdf, isolate=False)
    assert record.error is None and record.tables == []
    assert "抄送：市委办公室" in record.text


def test_pages_without_rules_are_not_read_for_tables():
    import pypdfium2 as pdfium

    from pipeline.sources.pdf_tables import has_rules

    plain = SET.parent / "lo-henan-2023-chain-measures.pdf"
    doc = pdfium.PdfDocument(str(plain))
    try:
        assert not any(has_rules(doc[i], doc[i].get_size()[0]) for i in range(len(doc)))
    finally:
        doc.close()
    ruled = pdfium.PdfDocument(str(SET / "cr-daqing-zijin-colunit-ruled.pdf"))
    try:
        assert has_rules(ruled[0], ruled[0].get_size()[0])
    finally:
        ruled.close()


def test_a_unit_at_the_end_of_the_row_above_the_table_is_its_unit():
    record = _record("wps-putuo-wanli-sangong-ruled.pdf")        # 编制部门：… (left) 单位:万元 (right)
    table = record.tables[0]
    assert table["unit"] == "万元"
    money = {(e.attrs["row"], e.attrs["column"]): e.attrs["amount"] for e in record.entities
             if e.label == "MONEY" and e.attrs.get("table") == 0}
    assert money[(0, 0)] == 379_100 and money[(0, 6)] == 4_646_400


def test_a_real_wps_annual_report_keeps_its_fee_unit_its_vertical_cell_and_its_rows():
    """洪泽区 2023 年政府信息公开工作年度报告 as WPS made it: paragraphs backed by white boxes (no
    table), 本年收费金额（单位：万元） over its fee, 三、本年度办理结果 written down a merged cell (in
    vertical writing), and a row of figures at the top of page 4 that the page break did not cut."""
    record = extract(SET.parent / "wps-hongze-2023-annual-report.pdf", isolate=False)
    assert [t["caption"] for t in record.tables][0] == "二、主动公开政府信息情况"
    assert [c["text"] for c in record.tables[0]["rows"][0]] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    fee = [e.attrs for e in record.entities if e.label == "MONEY" and e.attrs.get("table") is not None]
    assert [(f["amount"], f["unit"]) for f in fee] == [(77_302_800, "万元")]
    rows = [[c["text"] for c in r] for r in record.tables[2]["rows"]]
    assert rows[2][:2] == ["三、本年度办理结果", "（一）予以公开"]
    assert ["", "", "2.没有现成信息需要另行制作", "3", "0", "0", "0", "0", "0", "3"] in rows
    assert ["", "", "3.补正后申请内容仍不明确", "0", "0", "0", "0", "0", "0", "0"] in rows
