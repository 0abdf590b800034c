"""Page furniture by position in PDFs: page-number styles and running lines at the page edges go,
the same words in the body stay."""
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from pipeline.clean import clean
from pipeline.sources import load

PAGES = [
    "为深入实施创新驱动发展战略，加快建设科技强省，经省政府同意，现就进一步支持科技型企业发展提出如下措施。",
    "对首次认定的高新技术企业给予最高30万元奖励，对重新认定的给予10万元奖励，所需资金由省市两级财政分担。",
    "各地要加强组织领导，细化工作措施，确保各项政策落地见效。本措施自印发之日起施行，有效期三年。",
]


def _pdf(path, top, bottom):
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n, para in enumerate(PAGES, start=1):
        c.setFont("STSong-Light", 10.5)
        if top:
            c.drawCentredString(297, 800, top.format(n=n, total=len(PAGES)))
        if bottom:
            c.drawCentredString(297, 40, bottom.format(n=n, total=len(PAGES)))
        c.setFont("STSong-Light", 16)
        rows = [para[i:i + 26] for i in range(0, len(para), 26)]
        for k, row in enumerate(rows):
            width = pdfmetrics.stringWidth(row, "STSong-Light", 16)
            space = (416 - width) / (len(row) - 1) if k < len(rows) - 1 else 0.0
            c.drawString(79, 700 - 29 * k, row, charSpace=space)
        c.showPage()
    c.save()


@pytest.mark.parametrize("top, bottom", [
    (None, "— {n} —"),
    (None, "- {n} -"),
    (None, "第 {n} 页 共 {total} 页"),
    (None, "{n}/{total}"),
    ("{n}", None),
    ("浙江省人民政府办公厅文件", "第{n}页"),
    ("湖北省人民政府公报  2024年第{n}期", "{n}"),
])
def test_page_furniture_removed(tmp_path, top, bottom):
    path = tmp_path / "furniture.pdf"
    _pdf(path, top, bottom)
    c = clean(load(str(path), isolate=False))
    assert c.text.split("\n") == PAGES
    assert [c.page_at(c.text.index(p)) for p in PAGES] == [1, 2, 3]


def test_worker_timeout_wired_into_load(tmp_path):
    path = tmp_path / "slow.pdf"           # 400 pages: seconds of parsing, far past the limit
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(400):
        c.setFont("STSong-Light", 16)
        for k in range(20):
            c.drawString(79, 760 - 30 * k, PAGES[k % 3][:26])
        c.showPage()
    c.save()
    src = load(str(path), timeout=0.2)
    assert src.error.startswith("E120") and src.pages == []


def _line(text, top, size=16.0, x0=79.0):
    from pipeline.types import Line
    return Line(text=text, x0=x0, top=top, x1=x0 + size * len(text), bottom=top + size, size=size)


def _page(number, lines):
    from pipeline.types import Page
    return Page(number, lines, 595.0, 842.0)


BODY = [_line(p[:26], 140 + 29 * k) for k, p in enumerate(PAGES)]


def test_small_running_head_and_foot_of_a_page_of_its_own_go():
    from pipeline.clean.furniture import strip_pdf_furniture

    lines = [_line("福建省发展和改革委员会", 67, 10.5, 240)] + BODY + \
        [_line("— 1 —", 758, 14, 277), _line("福建省财政厅", 779, 10.5, 266)]
    [page] = strip_pdf_furniture([_page(1, lines)])
    assert [ln.text for ln in page.lines] == [ln.text for ln in BODY]


def test_small_edge_lines_close_to_the_body_or_ending_a_sentence_stay():
    from pipeline.clean.furniture import strip_pdf_furniture

    note = _line("注：以上数据截至2024年底", BODY[-1].bottom + 6, 10.5)      # right under the body
    footnote = _line("本表由市统计局提供。", 779, 10.5)                     # apart, but a sentence
    [page] = strip_pdf_furniture([_page(1, BODY + [note])])
    assert page.lines[-1].text == note.text
    [page] = strip_pdf_furniture([_page(1, BODY + [footnote])])
    assert page.lines[-1].text == footnote.text


def test_a_long_small_line_repeating_at_the_top_goes_and_a_long_body_size_one_stays():
    from pipeline.clean.furniture import strip_pdf_furniture

    head = "12/4/26, 4:14 PM 火炬开发区管委会,翠亨新区管委会,各镇政府、街道办事处,市各有关单位:"
    assert len(head) > 40
    bodies = [[_line(p[k:k + 26], 140 + 29 * k) for k in range(0, 3)] for p in PAGES]   # a body a page
    pages = strip_pdf_furniture([_page(n, [_line(head, 15, 10.66, 24)] + b) for n, b in enumerate(bodies, 1)])
    assert [[ln.text for ln in p.lines] for p in pages] == [[ln.text for ln in b] for b in bodies]
    pages = strip_pdf_furniture([_page(n, [_line(head, 100)] + b) for n, b in enumerate(bodies, 1)])
    assert all(p.lines[0].text == head for p in pages)
