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
