"""pipeline.sources.load: every format sniffed from bytes, every bad input an E-code, never a raise."""
import pytest
from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.sources import load
from pipeline.sources.sniff import sniff_format

NOTICE = "佛山市科学技术局关于印发《佛山市促进科技创新若干措施》的通知\n各区科技局：\n现将有关事项通知如下，请认真贯彻执行。\n"
TRAD = "懷化市人民政府辦公室關於印發實施方案的通知\n各縣市區人民政府：\n經市人民政府同意，現印發給你們，請認真組織實施。\n"


def _lines(source):
    return [ln.text for p in source.pages for ln in p.lines if ln.text.strip()]


@pytest.mark.parametrize("data, encoding, warning", [
    (NOTICE.encode("utf-8"), "utf-8", None),
    (b"\xef\xbb\xbf" + NOTICE.encode("utf-8"), "utf-8", None),
    (NOTICE.encode("utf-16"), "utf-16", "W201 text decoded as utf-16"),
    (NOTICE.encode("gbk"), "gbk", "W201 text decoded as gb18030"),
    (NOTICE.encode("gb18030"), "gb18030", "W201 text decoded as gb18030"),
    (TRAD.encode("big5"), "big5", "W201 text decoded as big5"),
])
def test_text_encodings(tmp_path, data, encoding, warning):
    path = tmp_path / f"notice-{encoding}.txt"
    path.write_bytes(data)
    src = load(str(path))
    assert src.error is None and src.format == "txt"
    assert src.has_pages is False and src.page_count is None
    assert [p.number for p in src.pages] == [0]
    expected = (TRAD if "big5" in encoding else NOTICE).splitlines()
    assert _lines(src) == expected
    assert src.warnings == ([warning] if warning else [])
    assert len(src.sha256) == 64


@pytest.mark.parametrize("data, code", [
    (b"", "E101"),
    (b"  \n\n \t\n", "E101"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "E102"),
    (bytes(range(256)) * 40, "E102"),
    (bytes(range(128, 256)) * 40, "E103"),
    (b"PK\x03\x04" + b"\x00" * 200, "E102"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "E130"),
])
def test_bad_inputs_become_error_codes(tmp_path, data, code):
    path = tmp_path / "bad.bin"
    path.write_bytes(data)
    src = load(str(path))
    assert src.error is not None and src.error.startswith(code), src.error
    assert src.pages == []


def test_missing_file(tmp_path):
    src = load(str(tmp_path / "nope.pdf"))
    assert src.error.startswith("E100")


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(NOTICE * 100, encoding="utf-8")
    src = load(str(path), max_bytes=1000)
    assert src.error.startswith("E123")


def test_sniff_ignores_misleading_suffix(tmp_path):
    html = "<html><body><p>各镇街：</p><p>现将有关事项通知如下。</p></body></html>".encode()
    assert sniff_format(html, ".txt") == "html"
    assert sniff_format(b"%PDF-1.7\n...", ".txt") == "pdf"
    assert sniff_format(NOTICE.encode(), ".pdf") == "txt"


def test_docx_paragraphs_and_tables(tmp_path):
    doc = Document()
    doc.add_paragraph("成都市经济和信息化局关于开展2024年工业稳增长奖励申报工作的通知")
    doc.add_paragraph("各区（市）县经信部门：")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "奖励类别"
    table.cell(0, 1).text = "最高金额"
    table.cell(1, 0).text = "产值增长奖"
    table.cell(1, 1).text = "最高50万元"
    doc.add_paragraph("特此通知。")
    path = tmp_path / "notice.docx"
    doc.save(path)
    src = load(str(path))
    assert src.error is None and src.format == "docx" and not src.has_pages
    assert _lines(src) == ["成都市经济和信息化局关于开展2024年工业稳增长奖励申报工作的通知",
                           "各区（市）县经信部门：", "奖励类别 | 最高金额", "产值增长奖 | 最高50万元", "特此通知。"]
    table = src.pages[0].tables[0]
    assert table.header == [["奖励类别", "最高金额"]] and table.rows == [["产值增长奖", "最高50万元"]]


def test_broken_docx_is_e131(tmp_path):
    import zipfile
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    assert load(str(path)).error.startswith("E131")


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title>
<script>var nav = "首页";</script><style>.x{}</style></head><body>
<div id="header-top"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/zcwj">政策文件</a></div>
<ul class="nav-menu"><li><a>机构概况</a></li><li><a>新闻中心</a></li></ul>
<div class="breadcrumb">当前位置：首页 &gt; 政策文件</div>
<div class="content"><div class="article-body">
<div class="article-header"><h2>南宁市商务局关于印发《南宁市促进外贸稳规模优结构若干措施》的通知</h2></div>
<p>各县（市、区）人民政府：</p>
<p>现将《南宁市促进外贸稳规模优结构若干措施》印发给你们，请认真组织实施。</p>
<p>一、支持企业开拓市场。对企业参加境外展会给予展位费50%、最高10万元补助。<br>二、强化金融支持。</p>
</div><div class="share">分享到：<a>微信</a><a>微博</a></div></div>
<div class="footer">主办单位：某市人民政府办公室 网站标识码：4501000001 桂ICP备12345号</div>
</body></html>"""


def test_html_article_body_without_chrome(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text(HTML, encoding="utf-8")
    src = load(str(path))
    assert src.error is None and src.format == "html"
    assert _lines(src) == [
        "南宁市商务局关于印发《南宁市促进外贸稳规模优结构若干措施》的通知",
        "各县（市、区）人民政府：",
        "现将《南宁市促进外贸稳规模优结构若干措施》印发给你们，请认真组织实施。",
        "一、支持企业开拓市场。对企业参加境外展会给予展位费50%、最高10万元补助。",
        "二、强化金融支持。",
    ]


def test_html_in_gbk_warns(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(HTML.replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    src = load(str(path))
    assert src.warnings == ["W201 text decoded as gb18030"]
    assert "二、强化金融支持。" in _lines(src)


# ---------------------------------------------------------------- PDFs
def test_pdf_lines_have_layout(tmp_path, render):
    text = "苏州市工业和信息化局文件\n各市、区工信局：\n现将有关事项通知如下。\n一、加大技改支持力度。对设备投资给予最高500万元奖励。"
    path = tmp_path / "notice.pdf"
    r = render(text, path, issuer_header="苏州市工业和信息化局文件")
    for isolate in (True, False):
        src = load(str(path), isolate=isolate)
        assert src.error is None and src.format == "pdf" and src.has_pages
        assert src.page_count == r.pages == 1 and src.pages[0].number == 1
        first = src.pages[0].lines[0]
        assert first.text == "苏州市工业和信息化局文件"
        assert first.color == pytest.approx((0.851, 0.0, 0.0), abs=0.01)        # the red issuer header
        assert first.size == pytest.approx(30, abs=0.5)
        body = next(ln for ln in src.pages[0].lines if ln.text.startswith("各市"))
        assert body.color == (0.0, 0.0, 0.0) and body.x0 < body.x1 and body.top < body.bottom
        assert src.pages[0].lines[-1].text == "— 1 —"


def test_encrypted_pdf_is_e110(tmp_path):
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, encrypt="secret")
    c.drawString(100, 700, "confidential")
    c.save()
    assert load(str(path)).error.startswith("E110")
    assert load(str(path), isolate=False).error.startswith("E110")


def test_corrupt_pdf_is_e111(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n" + bytes(range(256)) * 20)
    assert load(str(path), isolate=False).error.startswith("E111")
    assert load(str(path)).error.startswith("E111")


def _drawing_page(c):
    c.setFillColorRGB(0.2, 0.3, 0.4)
    c.rect(100, 300, 300, 400, fill=1)
    c.circle(250, 200, 50, fill=1)


def test_image_only_pdf_is_e112(tmp_path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        _drawing_page(c)
        c.showPage()
    c.save()
    assert load(str(path), isolate=False).error.startswith("E112")


def test_pages_without_text_warn_w202(tmp_path):
    path = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(100, 700, "Page one has text")
    c.showPage()
    _drawing_page(c)
    c.showPage()
    c.save()
    src = load(str(path), isolate=False)
    assert src.error is None and src.page_count == 2
    assert src.warnings == ["W202 pages without text: 2"]
