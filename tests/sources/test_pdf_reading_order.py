"""Reading order of positioned characters: two-column pages read column by column also where one
column holds only a section's last lines, where a large-type heading in the left column shares a
row with a line of the right one, and where a title's last character sits alone in the gutter."""
from pathlib import Path

from pipeline.clean import clean
from pipeline.sources import load
from pipeline.sources.layout import Char, chars_to_lines

WIDTH = 595.0
LEFT, RIGHT = 80.0, 311.0        # column starts; columns 20 characters of 10.5 pt wide
SET = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real-pdfs"


def _row(text: str, x0: float, top: float, size: float = 10.5) -> list[Char]:
    return [Char(ch, x0 + k * size, top, x0 + (k + 1) * size, top + size, size) for k, ch in enumerate(text)]


def _texts(chars: list[Char]) -> list[str]:
    return [ln.text for ln in chars_to_lines(chars, WIDTH)]


def _left(n: int, top: float = 150.0) -> list[list[Char]]:
    return [_row(f"左栏第{k:02d}行正文文字排满了这一行整整二十字"[:20], LEFT, top + 18 * k) for k in range(n)]


def test_a_column_of_two_lines_beside_a_long_one_is_read_after_it():
    chars = _row("关于印发若干财政措施的通知", 200, 100, 14)
    chars += [c for row in _left(12) for c in row]
    chars += _row("右栏第一行正文文字排满了这一行整整二十", RIGHT, 150) + _row("右栏第二行", RIGHT, 168)
    texts = _texts(chars)
    assert texts[0] == "关于印发若干财政措施的通知"
    assert texts[1].startswith("左栏第00行") and texts[12].startswith("左栏第11行")
    assert texts[13:] == ["右栏第一行正文文字排满了这一行整整二十", "右栏第二行"]


def test_a_large_heading_in_the_left_column_is_cut_from_the_right_line_beside_it():
    chars = [c for row in _left(6) for c in row]
    chars += _row("哈尔滨市促进工业加快发展的若干", LEFT, 258, 14)   # ends 21 pt short of the right column
    chars += [c for row in _left(4, top=280) for c in row]
    chars += [c for k in range(10) for c in _row(f"右栏第{k:02d}行正文文字排满了这一行整", RIGHT, 150 + 18 * k + 1)]
    texts = _texts(chars)
    heading = texts.index("哈尔滨市促进工业加快发展的若干")
    assert all(t.startswith("左栏") for t in texts[:heading])
    assert all(t.startswith("左栏") for t in texts[heading + 1:heading + 5])
    assert all(t.startswith("右栏") for t in texts[heading + 5:]) and len(texts) == 21


def test_a_title_character_alone_in_the_gutter_stays_with_the_title():
    chars = _row("哈尔滨市人民政府关于印发若干政策的通", 100, 100, 14)
    chars += _row("知", 294, 122, 14)
    chars += _row("哈政规〔2017〕45号", 251, 145)
    chars += [c for row in _left(8, top=180) for c in row]
    chars += [c for k in range(8) for c in _row(f"右栏第{k:02d}行正文文字排满了这一行整", RIGHT, 180 + 18 * k)]
    texts = _texts(chars)
    assert texts[:3] == ["哈尔滨市人民政府关于印发若干政策的通", "知", "哈政规〔2017〕45号"]
    assert all(t.startswith("左栏") for t in texts[3:11]) and all(t.startswith("右栏") for t in texts[11:])


def test_a_short_two_cell_table_is_no_two_column_page():
    chars = _row("序号", LEFT, 100) + _row("牵头单位", RIGHT, 100) + _row("1", LEFT, 120) + _row("财政部", RIGHT, 120)
    assert _texts(chars) == ["序号 牵头单位", "1 财政部"]


def test_radical_code_points_from_a_browser_print_read_as_ideographs():
    """Chromium maps 人民 to the radicals ⼈⺠ in its ToUnicode tables; pdfplumber keeps them."""
    from pipeline.sources.pdf import _plumber_pages

    path = SET / "cr-guohan-1999-loudi.pdf"
    text = clean(load(str(path), isolate=False)).text
    plumber = "".join(ln.text for p, _ in _plumber_pages(str(path)) for ln in p.lines)
    for t in (text, plumber):
        assert "湖南省人民政府" in t and not any("\u2e80" <= ch <= "\u2fdf" for ch in t)


def test_an_empty_text_object_of_no_extent_is_no_dropped_glyph():
    import pypdfium2 as pdfium

    from pipeline.sources.pdf import _drops_text

    pdf = pdfium.PdfDocument(str(SET / "cr-guohan-1999-loudi.pdf"))
    try:
        page = pdf[0]
        assert not _drops_text(page, page.get_textpage())
    finally:
        pdf.close()


def test_a_drawn_soft_hyphen_reads_as_a_hyphen():
    office = SET.parents[2] / "corpora" / "pdf" / "govdoccn-397-fagaiban-2019-860.pdf"
    text = clean(load(str(office), isolate=False)).text
    assert "（2014-2020年）" in text and "\u00ad" not in text


def test_a_font_size_set_in_units_far_below_a_point_is_read_as_drawn():
    """WPS Office sets 319 and draws it at 0.05 (15.95 points): read as set, the rows of a page
    would run together (国要政求府本编信报制…)."""
    from pipeline.sources.pdf import parse_pdf

    pages, _ = parse_pdf(str(SET / "wps-hongze-2023-annual-report.pdf"))
    texts = [ln.text for ln in pages[0].lines]
    assert texts[:2] == ["洪泽区人民政府", "2023年政府信息公开工作年度报告"]
    assert all(15 < ln.size < 23 for ln in pages[0].lines[:3])
