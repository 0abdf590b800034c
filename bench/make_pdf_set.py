"""Build the real-PDF test set (tests/fixtures/real-pdfs/) from the project's own real corpus texts.

    python bench/make_pdf_set.py [--only NAME ...] [--list]
    python bench/make_pdf_set.py --tables [--only NAME ...]

Every PDF is made from a passage of a real document (corpora/real/raw/*.txt, corpora/raw/*.txt):
the passage's lines, as saved, are the expected text (expected/<name>.txt), and the producer
typesets them as paragraphs (title and document number centred, signature and date right,
numbered headings in a sans face, body with a two-character first-line indent):

- libreoffice: a DOCX written with python-docx (Noto CJK fonts, GB/T 9704-like A4 margins,
  '— n —' page-number footer, some with a running header, some with a two-column section
  after a one-column title block), converted by `soffice --headless --convert-to pdf`.
- chromium: an HTML page (the document as a government site shows it; some with CSS columns)
  printed by headless Chromium's `--print-to-pdf` (one with Chromium's own date/title/URL/page
  header and footer).
- reportlab: corpora/render_pdf.py (STSong-Light, a non-embedded CID font), one or two columns,
  some with running header and footer.
- scan: the page drawn into an image with a CJK font (PIL) at 150 or 200 dpi, turned by 0.5-1.5
  degrees, speckled and blurred, saved as an image-only PDF: no text layer (read by OCR). A table
  scan draws a ruled table from a corpus table (the saved ' |'-separated cells, long columns left
  out); its expected text is the drawn rows, one row a line, cells in order.
- office: real office (Word/WPS) PDFs of government documents from public repositories, copied by
  hand with their expected text and tables (see tests/fixtures/real-pdfs/README.md and
  corpora/pdf/README.md); a rebuild keeps their manifest rows as they stand.

With --tables it builds the table set instead (tests/fixtures/real-pdfs/tables/): each real table of
bench/table_set.py set by LibreOffice (a python-docx table: all borders, or 三线表 cell borders),
Chromium (an HTML <table>, cells in the middle of their rows as browsers set them) or reportlab
(a platypus Table), as a ruled or three-line table, or drawn ruled and scanned (table_scan), with
the expected table as JSON.

Needs libreoffice-writer, chromium and fonts-noto-cjk (Debian packages) and python-docx; the
output is committed, so tests and the benchmark need none of them. Deterministic inputs (fixed
noise seeds); the PDFs themselves carry creation dates, so rebuilding changes their bytes.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "real-pdfs"
sys.path.insert(0, str(ROOT / "corpora"))
sys.path.insert(0, str(ROOT / "bench"))

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
SERIF_FILE = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
SANS_FILE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC_INDEX = 2                    # face index of the Simplified Chinese face in the Noto CJK collections


@dataclass
class Doc:
    """One PDF of the set: a passage of a corpus text and how a producer lays it out."""
    name: str
    producer: str               # libreoffice | chromium | reportlab | scan | office
    source: str                 # corpus id: corpora/real/raw/<id>.txt or corpora/raw/<id>.txt
    start: str = ""             # the passage starts at the first line containing this
    end: str = ""               # ... and ends at the first line after it containing this
    drop: tuple[str, ...] = ()  # lines containing any of these are left out (site chrome inside)
    layout: str = "single"      # single | two-column | scan
    size: float = 16.0          # body font size in points
    header: str | None = None   # running header (furniture, not expected text)
    footer: str | None = None   # running footer (furniture)
    opts: dict = field(default_factory=dict)


DOCS = [
    # LibreOffice: DOCX -> PDF
    Doc("lo-henan-2023-chain-measures", "libreoffice", "henan-2023-chain-measures", "河南省人民政府", "", size=16),
    Doc("lo-fujian-2017-notice", "libreoffice", "fujian-2017-notice", "福建省人民政府关于大田县", "2017919", size=16),
    Doc("lo-guangdong-hyj-2018-reply", "libreoffice", "guangdong-hyj-2018-reply-rd-1311", "关于广东省十三届", "专此答复",
        drop=("时间:",), size=15, header="广东省海洋与渔业厅"),
    Doc("lo-haikou-2011-work-rules", "libreoffice", "haikou-2011-notice-work-rules", "海府〔2011〕33号", "",
        size=14),
    Doc("lo-zs-2025-wenwaimao-measures", "libreoffice", "zs-2025-wenwaimao-measures", "", "", size=16,
        header="中山市人民政府办公室"),
    Doc("lo-hainan-2021-caizheng-2col", "libreoffice", "hainan-2021-measures-caizheng-cuoshi",
        "海南省人民政府办公厅关于印发", "", layout="two-column", size=10.5, drop=("来源:",)),
    Doc("lo-harbin-2017-industry-2col", "libreoffice", "harbin-2017-measures-industry", "哈尔滨市人民政府关于印发",
        "", layout="two-column", size=10.5, drop=("来源:",)),
    Doc("lo-guiyang-2020-qixiang-2col", "libreoffice", "guiyang-2020-notice-qixiang-yuan", "贵阳市人民政府办公厅",
        "", layout="two-column", size=10.5, drop=("——————",)),
    # Chromium: HTML -> print to PDF
    Doc("cr-xiamen-2009-notice", "chromium", "xiamen-2009-notice", "(厦府办〔2009〕255号)", "二OO九年十月二十日",
        size=14),
    Doc("cr-guohan-1999-loudi", "chromium", "guohan-1999-notice-loudi-city", "(国函[1999]7号", "三、", size=14,
        opts={"after_end": 1}),
    Doc("cr-changzhou-jtj-2015-reply", "chromium", "changzhou-jtj-2015-reply-rd-0043", "关于对常州市", "2015年6月2日",
        size=14),
    Doc("cr-fujian-2021-qiangshenghui", "chromium", "fujian-2021-measures-qiangshenghui", "福建省人民政府办公厅",
        "", size=12),
    Doc("cr-zs-2025-wenwaimao-measures", "chromium", "zs-2025-wenwaimao-measures", "", "", size=14,
        opts={"chrome_header_footer": True}),
    Doc("cr-dalian-2022-digital-gov-2col", "chromium", "dalian-2022-measures-digital-gov", "大连市数字政府建设", "",
        layout="two-column", size=10.5, drop=("发布日期",)),
    Doc("cr-guangxi-2024-industry-2col", "chromium", "guangxi-2024-measures-industry-revival", "各市、县人民政府", "",
        layout="two-column", size=10.5),
    Doc("cr-chongqing-2001-quarry-2col", "chromium", "chongqing-2001-notice-quarry-dust", "重庆市人民政府\n", "",
        layout="two-column", size=10.5),
    # reportlab: corpora/render_pdf.py
    Doc("rl-haixi-2025-keji", "reportlab", "haixi-2025-measures-keji-chuangxin", "西政办〔2025〕27号", ""),
    Doc("rl-handan-2022-reply", "reportlab", "handan-2022-reply-cppcc-582", "对政协邯郸市", "", drop=("发布时间",)),
    Doc("rl-fujian-2017-fuwuye", "reportlab", "fujian-2017-notice-fuwuye-jiju-shifanqu", "各设区市发改委", "2017年6月30日",
        header="福建省发展和改革委员会", footer="福建省财政厅"),
    Doc("rl-changsha-2021-manufacturing", "reportlab", "changsha-2021-measures-manufacturing", "长政办发", ""),
    Doc("rl-guobanhan-2016-lianghua", "reportlab", "guobanhan-2016-measures-lianghua-zhibiao", "国务院办公厅关于印发",
        "2016年4月6日", drop=("颁布时间",)),
    Doc("rl-baiyin-2022-reply", "reportlab", "baiyin-zrzy-2022-reply-cppcc-016", "周博委员", "2022年9月5日"),
    Doc("rl-suzhou-cluster-2col", "reportlab", "suzhou-cluster-measures", "", "", layout="two-column",
        header="苏州市人民政府公报", footer="内部资料 注意保存"),
    Doc("rl-zs-2025-wenwaimao-2col", "reportlab", "zs-2025-wenwaimao-measures", "", "", layout="two-column",
        header="中山市人民政府公报"),
    # scans: image-only PDFs
    Doc("scan-fujian-2017-notice", "scan", "fujian-2017-notice", "福建省人民政府关于大田县", "2017919", layout="scan",
        opts={"angle": 0.8, "seed": 1}),
    Doc("scan-yunnan-gxw-2017-reply", "scan", "yunnan-gxw-2017-reply", "对云南省第十二届", "", layout="scan",
        opts={"angle": -1.2, "seed": 2}),
    Doc("scan-wenshan-2019-reply", "scan", "wenshan-2019-reply-122", "文山市财政局对", "", layout="scan",
        drop=("信息来源", "[字体"),
        opts={"angle": 0.5, "seed": 3}),
    Doc("scan-mouding-2017-notice", "scan", "mouding-2017-notice", "牟定县人民政府办公室关于印发", "(此件公开发布)", layout="scan",
        drop=("索引号",),
        opts={"angle": -0.7, "seed": 4}),
    Doc("scan-dejiang-2022-reply", "scan", "dejiang-jiaoyu-2022-reply-46", "谢雅慧代表", "", layout="scan",
        opts={"angle": 1.5, "seed": 5}),
    # 200-dpi scans: pages with amounts (万元), a notice, and a ruled table
    Doc("scan200-huancui-2025-reply", "scan", "huancui-2025-reply-rd-daolu-yinghua", "夏元任代表", "", layout="scan",
        opts={"dpi": 200, "angle": 0.9, "seed": 6}),
    Doc("scan200-dingxi-gongye-fuchi", "scan", "dingxi-measures-gongye-chanye-fuchi", "定西市工业产业扶持政策", "",
        layout="scan", opts={"dpi": 200, "angle": -1.1, "seed": 7}),
    Doc("scan200-daqing-2023-zijin-gongshi", "scan", "daqing-datongqu-2023-notice-xianjie-zijin-gongshi",
        "关于2023年度中央财政衔接", "", layout="scan", opts={"dpi": 200, "angle": 0.6, "seed": 8}),
    Doc("scan200-changsha-2021-manufacturing", "scan", "changsha-2021-measures-manufacturing", "长政办发", "",
        layout="scan", opts={"dpi": 200, "angle": -0.5, "seed": 9}),
    Doc("scan200-yangxian-2024-table", "scan", "yangxian-2024-measures-minsheng-shishi-trad", "十大民生實事項目清單 |",
        "農業農村局 |", layout="scan",
        opts={"dpi": 200, "angle": 0.7, "seed": 10, "table": True, "drop_columns": [4], "landscape": True}),
]

# Real office PDFs: (file under corpora/pdf/, expected text file under the set's expected/, note)
def office_rows(manifest: Path) -> list[dict]:
    """The rows of real office PDFs in a manifest as it stands: copied by hand with their expected
    text or tables (tests/fixtures/real-pdfs/README.md), they are kept when the rest is rebuilt."""
    if not manifest.exists():
        return []
    rows = [json.loads(ln) for ln in manifest.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [r for r in rows if r["producer"] == "office"]


# ---------------------------------------------------------------- the passage and its paragraph roles

def source_path(doc_id: str) -> Path:
    for folder in (ROOT / "corpora" / "real" / "raw", ROOT / "corpora" / "raw"):
        p = folder / f"{doc_id}.txt"
        if p.exists():
            return p
    raise FileNotFoundError(doc_id)


def passage(doc: Doc) -> list[str]:
    """The lines of the document's passage as saved, stripped, blank lines and dropped lines out."""
    lines = [ln.strip() for ln in source_path(doc.source).read_text(encoding="utf-8").splitlines()]
    lines = [ln.rstrip("?").strip() for ln in lines]
    start = 0
    if doc.start:
        marker = doc.start.rstrip("\n")
        exact = doc.start.endswith("\n")
        start = next(i for i, ln in enumerate(lines) if (ln == marker if exact else marker in ln))
    end = len(lines) - 1
    if doc.end:
        end = next(i for i in range(start, len(lines)) if doc.end in lines[i])
        end += doc.opts.get("after_end", 0)
    out = [ln for ln in lines[start:end + 1] if ln and not any(d in ln for d in doc.drop)]
    return out


DOC_NUMBER = re.compile(r"^[（(]?\S{1,14}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号.{0,14}$")
DATE = re.compile(r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[二〇○OΟ零一三四五六七八九十]{4}年[一二三四五六七八九十]{1,3}月"
                  r"[一二三四五六七八九十]{1,3}日|\d{6,8})$")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+章|\d+(\.\d+)*\s*\S)")
SENTENCE = re.compile(r"[。，；：:,;！？]")


def roles(lines: list[str]) -> list[str]:
    """title | center | right | heading | plain | body for each line of a passage."""
    out = []
    for i, ln in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        short = len(ln) <= 40 and not SENTENCE.search(ln)
        if DATE.match(ln) or (short and len(ln) <= 20 and DATE.match(nxt) and i >= 2):
            out.append("right")
        elif DOC_NUMBER.match(ln) or ln.startswith(("(此件", "（此件")):
            out.append("center")
        elif ln.endswith(("：", ":")) and len(ln) <= 80 and i < 6:
            out.append("plain")                    # the salutation
        elif short and HEADING.match(ln) and not ln.endswith("。"):
            out.append("heading")
        elif short and (i == 0 or all(r in ("title", "center") for r in out)):
            out.append("title")
        elif short and len(ln) >= 6 and out and out[-1] in ("right", "center") and i > 2:
            out.append("title")                    # an attached document's own title
        elif short and len(ln) <= 30 and out and out[-1] == "title" and i > 2:
            out.append("title")                    # its second line
        else:
            out.append("body")
    return out


# ---------------------------------------------------------------- LibreOffice

def make_docx(doc: Doc, lines: list[str], path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(20), Mm(20)

    def font(run, name: str, size: float, bold: bool = False) -> None:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = name
        rpr = run._element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), name)

    def para(container, text: str, role: str, size: float):
        p = container.add_paragraph()
        pf = p.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Pt(size * 1.75)
        name, bold, fsize = SERIF, False, size
        if role == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            name, fsize = SANS, size * 1.35
            pf.line_spacing = Pt(fsize * 1.6)
        elif role == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif role == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(size * 2)
        elif role == "heading":
            name = SANS
            pf.first_line_indent = Pt(size * 2)
        elif role == "plain":
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            pf.first_line_indent = Pt(size * 2)
        font(p.add_run(text), name, fsize, bold)
        return p

    def field(p, instr: str, size: float) -> None:
        for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
            r = p.add_run()
            font(r, SERIF, size)
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
                r._element.append(el)
            elif text == instr:
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = instr
                r._element.append(el)
            else:
                r.text = text

    size = doc.size
    rs = roles(lines)
    two = doc.layout == "two-column"
    split = next((i for i, r in enumerate(rs) if r not in ("title", "center")), 0) if two else len(lines)
    for ln, r in zip(lines[:split], rs[:split]):
        para(d, ln, r, size)
    if two:
        new = d.add_section(WD_SECTION.CONTINUOUS)
        cols = new._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            new._sectPr.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), str(int(size * 2 * 20)))
        for ln, r in zip(lines[split:], rs[split:]):
            para(d, ln, r, size)
    for s in d.sections:
        fp = s.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        font(fp.add_run("— "), SERIF, 14)
        field(fp, "PAGE", 14)
        font(fp.add_run(" —"), SERIF, 14)
        if doc.header:
            hp = s.header.paragraphs[0]
            hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            font(hp.add_run(doc.header), SERIF, 10.5)
        if s is not d.sections[0]:
            s.footer.is_linked_to_previous = True
            s.header.is_linked_to_previous = True
    d.save(str(path))


def libreoffice(doc: Doc, lines: list[str], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{doc.name}.docx"
        make_docx(doc, lines, src)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / f"{doc.name}.pdf"), out)


# ---------------------------------------------------------------- Chromium

CSS = """
@page { size: A4; margin: 25mm 24mm 25mm 26mm; }
body { font-family: "%(serif)s", serif; font-size: %(size)spt; line-height: 1.7; color: #222; }
h1 { font-family: "%(sans)s", sans-serif; font-size: %(title)spt; font-weight: normal; text-align: center;
     margin: 0 0 0.6em 0; line-height: 1.4; }
p { margin: 0; text-align: justify; text-indent: 2em; }
p.center { text-align: center; text-indent: 0; }
p.right { text-align: right; padding-right: 2em; text-indent: 0; }
p.plain { text-indent: 0; }
p.heading { font-family: "%(sans)s", sans-serif; }
div.cols { column-count: 2; column-gap: 2.2em; }
div.meta { font-family: "%(sans)s", sans-serif; font-size: 9pt; color: #666; text-align: center;
           border-bottom: 1px solid #ccc; margin-bottom: 1em; padding-bottom: 0.3em; }
"""


def make_html(doc: Doc, lines: list[str]) -> str:
    rs = roles(lines)
    two = doc.layout == "two-column"
    split = next((i for i, r in enumerate(rs) if r not in ("title", "center")), 0) if two else len(lines)
    css = CSS % {"serif": SERIF, "sans": SANS, "size": doc.size, "title": round(doc.size * 1.5, 1)}

    def html(ln: str, r: str) -> str:
        if r == "title":
            return f"<h1>{escape(ln)}</h1>"
        cls = f' class="{r}"' if r != "body" else ""
        return f"<p{cls}>{escape(ln)}</p>"

    head = "\n".join(html(ln, r) for ln, r in zip(lines[:split], rs[:split]))
    body = "\n".join(html(ln, r) for ln, r in zip(lines[split:], rs[split:]))
    if two:
        body = f'<div class="cols">\n{body}\n</div>'
    title = escape(lines[0])
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{css}</style></head>\n<body>\n<article>\n{head}\n{body}\n</article>\n</body></html>\n")


def chromium(doc: Doc, lines: list[str], out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"{doc.name}.html"
        page.write_text(make_html(doc, lines), encoding="utf-8")
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}"]
        if not doc.opts.get("chrome_header_footer"):
            cmd.append("--no-pdf-header-footer")
        subprocess.run(cmd + [page.as_uri()], check=True, capture_output=True, timeout=300)


# ---------------------------------------------------------------- reportlab

def reportlab(doc: Doc, lines: list[str], out: Path) -> None:
    from render_pdf import render

    render("\n".join(lines), out, columns=2 if doc.layout == "two-column" else 1,
           header=doc.header, footer=doc.footer)


# ---------------------------------------------------------------- scans

def table_rows(lines: list[str], drop_columns: list[int]) -> tuple[str, list[list[str]]]:
    """(caption, rows of cells) of a table saved one cell a line ('cell |'), a lone '|' ending a row;
    a line without the closing '|' goes on in the next line. The first one-cell row is the caption."""
    rows: list[list[str]] = [[]]
    cell = ""
    for ln in lines:
        if not ln.strip("|").strip():
            if rows[-1]:
                rows.append([])
            continue
        cell += ln
        if ln.endswith("|"):
            rows[-1].append(cell.rstrip("|").strip())
            cell = ""
    if cell:
        rows[-1].append(cell.strip())
    rows = [r for r in rows if r]
    caption = rows.pop(0)[0] if rows and len(rows[0]) == 1 else ""
    return caption, [[c for i, c in enumerate(r) if i not in drop_columns] for r in rows]


def expected_lines(doc: Doc, lines: list[str]) -> list[str]:
    """The text a PDF of the set shows: the passage's lines, or a table scan's caption and rows."""
    if doc.opts.get("table"):
        caption, rows = table_rows(lines, doc.opts.get("drop_columns", []))
        return ([caption] if caption else []) + [" ".join(r) for r in rows]
    return lines


def scan(doc: Doc, lines: list[str], out: Path) -> None:
    """Pages drawn at 150 or 200 dpi (opts dpi), turned, speckled, blurred, JPEG-compressed, one image
    a page; a table scan (opts table) draws the table ruled, on a landscape page (opts landscape)."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = doc.opts.get("dpi", 150)
    size_pt = 10.5 if doc.opts.get("table") else 15
    px = round(size_pt / 72 * dpi)
    body = ImageFont.truetype(SERIF_FILE, px, index=SC_INDEX)
    title = ImageFont.truetype(SANS_FILE, round(px * 1.4), index=SC_INDEX)
    w, h = round(210 / 25.4 * dpi), round(297 / 25.4 * dpi)
    left, right, top, bottom = (round(m / 25.4 * dpi) for m in (28, 26, 37, 35))
    if doc.opts.get("landscape"):
        w, h = h, w
        left, right, top, bottom = top, bottom, right, left
    width = w - left - right
    pages: list[Image.Image] = []
    img = draw = None
    y = 0

    def new_page():
        nonlocal img, draw, y
        img = Image.new("L", (w, h), 255)
        draw = ImageDraw.Draw(img)
        y = top
        pages.append(img)

    def wrap(text: str, f, avail: float, indent: float) -> list[str]:
        rows, cur, room = [], "", avail - indent
        for ch in text:
            if cur and f.getlength(cur + ch) > room:
                rows.append(cur)
                cur, room = "", avail
            cur += ch
        rows.append(cur)
        return rows

    new_page()
    if doc.opts.get("table"):
        caption, rows = table_rows(lines, doc.opts.get("drop_columns", []))
        draw_table(draw, caption, rows, body, title, left, top, width)
    else:
        for ln, r in zip(lines, roles(lines)):
            f = title if r == "title" else body
            indent = 2 * px if r in ("body", "heading") else 0
            rows = wrap(ln, f, width - (2 * px if r == "right" else 0), indent)
            for k, row in enumerate(rows):
                step = round(f.size * 1.75)
                if y + step > h - bottom:
                    new_page()
                tw = f.getlength(row)
                if r in ("title", "center"):
                    x = left + (width - tw) / 2
                elif r == "right":
                    x = left + width - 2 * px - tw
                else:
                    x = left + (indent if k == 0 else 0)
                draw.text((x, y), row, font=f, fill=0)
                y += step
    save_scan(doc.opts, pages, body, bottom, px, dpi, out)


def draw_table(draw, caption: str, rows: list[list[str]], body, title, left: int, top: int, width: int) -> None:
    """A ruled table, one line a cell, columns as wide as their widest cell, the caption centred above."""
    pad = body.size // 2
    cols = max(len(r) for r in rows)
    widths = [max(body.getlength(r[i]) if i < len(r) else 0 for r in rows) + 2 * pad for i in range(cols)]
    spare = width - sum(widths)
    widths = [wd + spare / cols for wd in widths] if spare > 0 else widths
    y = top
    if caption:
        draw.text((left + (width - title.getlength(caption)) / 2, y), caption, font=title, fill=0)
        y += round(title.size * 2)
    step = round(body.size * 2.2)
    x_edges = [left + sum(widths[:i]) for i in range(cols + 1)]
    y0 = y
    for r in rows:
        for i, cell in enumerate(r):
            x = x_edges[i] + (widths[i] - body.getlength(cell)) / 2
            draw.text((x, y + (step - body.size) / 2 - body.size * 0.1), cell, font=body, fill=0)
        y += step
    for k in range(len(rows) + 1):
        draw.line([(x_edges[0], y0 + k * step), (x_edges[-1], y0 + k * step)], fill=0, width=2)
    for x in x_edges:
        draw.line([(x, y0), (x, y0 + len(rows) * step)], fill=0, width=2)


def save_scan(opts: dict, pages: list, body, bottom: int, px: int, dpi: int, out: Path) -> None:
    """Page numbers, a turn of each page (opts angle), specks (opts seed), blur, an uneven background;
    JPEG pages in a PDF."""
    from PIL import Image, ImageDraw, ImageFilter

    w, h = pages[0].size
    rng = random.Random(opts.get("seed", 0))
    out_pages = []
    for n, img in enumerate(pages, 1):
        d = ImageDraw.Draw(img)
        foot = f"— {n} —"
        d.text(((w - body.getlength(foot)) / 2, h - bottom + px), foot, font=body, fill=0)
        angle = opts.get("angle", 1.0) * (1 if n % 2 else -0.8)
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        px_ = img.load()
        for _ in range(w * h // 400):                       # dust and toner specks
            x, yy = rng.randrange(w), rng.randrange(h)
            px_[x, yy] = rng.choice((0, 60, 120, 255))
        img = img.filter(ImageFilter.GaussianBlur(0.6 * dpi / 150))
        # uneven grey background, as a scanner's lamp gives
        shade = Image.linear_gradient("L").resize((w, h)).point(lambda v: 255 - v // 12)
        img = Image.composite(img, shade, img.point(lambda v: 255 if v < 200 else 0))
        out_pages.append(img)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, img in enumerate(out_pages):
            f = Path(tmp) / f"{n}.jpg"
            img.save(f, "JPEG", quality=45)
            files.append(Image.open(f))
        files[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=files[1:])


PRODUCERS = {"libreoffice": libreoffice, "chromium": chromium, "reportlab": reportlab, "scan": scan}


# ---------------------------------------------------------------- tables (bench/table_set.py)

TABLE_SET = SET / "tables"


@dataclass
class TableDoc:
    """One PDF of the table set: a real table (bench/table_set.py) set by a producer in a border style."""
    name: str
    producer: str               # libreoffice | chromium | reportlab
    table: str                  # key in table_set.TABLES
    kind: str                   # ruled | three-line | row-rules (a rule under every row, none between columns)
                                # | scan (ruled round every cell, printed and scanned: read by OCR)
    size: float = 10.5          # the cells' font size (a larger one breaks a table over pages)
    opts: dict = field(default_factory=dict)     # a scan's dpi, turn and noise seed (save_scan)


TABLE_DOCS = [
    TableDoc("lo-jishui-minsheng-ruled", "libreoffice", "jishui-minsheng", "ruled"),
    TableDoc("cr-jishui-minsheng-ruled", "chromium", "jishui-minsheng", "ruled"),
    TableDoc("rl-jishui-minsheng-ruled", "reportlab", "jishui-minsheng", "ruled"),
    TableDoc("lo-jishui-minsheng-3line", "libreoffice", "jishui-minsheng", "three-line"),
    TableDoc("cr-jishui-minsheng-3line", "chromium", "jishui-minsheng", "three-line"),
    TableDoc("lo-guobanhan-lianghua-3line", "libreoffice", "guobanhan-lianghua", "three-line"),
    TableDoc("cr-guobanhan-lianghua-3line", "chromium", "guobanhan-lianghua", "three-line"),
    TableDoc("rl-guobanhan-lianghua-ruled", "reportlab", "guobanhan-lianghua", "ruled"),
    TableDoc("lo-shapingba-mubiao-ruled", "libreoffice", "shapingba-mubiao", "ruled"),
    TableDoc("cr-shapingba-mubiao-3line", "chromium", "shapingba-mubiao", "three-line"),
    TableDoc("rl-shapingba-mubiao-3line", "reportlab", "shapingba-mubiao", "three-line"),
    TableDoc("lo-daqing-zijin-ruled", "libreoffice", "daqing-zijin", "ruled"),
    TableDoc("rl-daqing-zijin-3line", "reportlab", "daqing-zijin", "three-line"),
    TableDoc("cr-daqing-zijin-colunit-ruled", "chromium", "daqing-zijin-colunit", "ruled"),
    TableDoc("lo-daqing-zijin-colunit-3line", "libreoffice", "daqing-zijin-colunit", "three-line"),
    TableDoc("lo-changmao-zhengshou-3line", "libreoffice", "changmao-zhengshou", "three-line"),
    TableDoc("cr-changmao-zhengshou-ruled", "chromium", "changmao-zhengshou", "ruled"),
    TableDoc("rl-changmao-zhengshou-ruled", "reportlab", "changmao-zhengshou", "ruled"),
    TableDoc("cr-heshan-shoufei-ruled", "chromium", "heshan-shoufei", "ruled"),
    TableDoc("lo-heshan-shoufei-3line", "libreoffice", "heshan-shoufei", "three-line"),
    TableDoc("rl-heshan-shoufei-ruled", "reportlab", "heshan-shoufei", "ruled"),
    TableDoc("rl-shapingba-mubiao-rowrules", "reportlab", "shapingba-mubiao", "row-rules"),
    TableDoc("cr-changmao-zhengshou-rowrules", "chromium", "changmao-zhengshou", "row-rules"),
    TableDoc("cr-jishui-minsheng-ruled-2pages", "chromium", "jishui-minsheng", "ruled", size=16),
    TableDoc("scan200-jishui-minsheng-ruled", "scan", "jishui-minsheng", "scan", opts={"dpi": 200, "angle": 0.9, "seed": 11}),
]

UNIT_SCALE = {"元": 1, "万元": 10_000, "亿元": 100_000_000}


def _widths(t) -> list[float]:
    """Relative column widths from the longest cell of each column (short columns stay narrow)."""
    longest = [max([len(t.header_grid()[-1][c])] + [len(r[c] or "") for r in t.rows]) for c in range(t.columns)]
    return [min(max(n, 2), 40) + 1.5 for n in longest]


def _covered(t, r: int, c: int) -> bool:
    """True for a body cell that a cell to its left spans."""
    return any(rr == r and cc < c < cc + n for (rr, cc), n in t.merged.items())


def _body_spans(t) -> list[list[int]]:
    """Row span of each body cell: a cell followed by None cells below it spans them (0 for a covered cell)."""
    spans = [[0 if c is None else 1 for c in row] for row in t.rows]
    for c in range(t.columns):
        for r, row in enumerate(t.rows):
            if row[c] is not None:
                k = r + 1
                while k < len(t.rows) and t.rows[k][c] is None:
                    k += 1
                spans[r][c] = k - r
    return spans


def table_docx(t, kind: str, path: Path, size: float = 10.5) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(30), Mm(30), Mm(22), Mm(22)

    def run(p, text: str, name: str = SERIF, fsize: float = size) -> None:
        r = p.add_run(text)
        r.font.size = Pt(fsize)
        rpr = r._element.get_or_add_rPr()
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), name)
        rpr.insert(0, fonts)

    def para(text: str, align, name: str = SERIF, fsize: float = 14, indent: bool = False):
        p = d.add_paragraph()
        p.alignment = align
        pf = p.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Pt(fsize * 1.6)
        if indent:
            pf.first_line_indent = Pt(fsize * 2)
        run(p, text, name, fsize)

    for ln in t.lead:
        para(ln, WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    para(t.caption, WD_ALIGN_PARAGRAPH.CENTER, SANS, 16)
    if t.unit_line:
        para(t.unit_line, WD_ALIGN_PARAGRAPH.RIGHT, fsize=12)
    n_head = len(t.header)
    table = d.add_table(rows=n_head + len(t.rows), cols=t.columns)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = _widths(t)
    total = sum(widths)
    for c, w in enumerate(widths):
        for cell in table.columns[c].cells:
            cell.width = Mm(166 * w / total)

    def box_of(el, edges: dict[str, int]):
        box = OxmlElement("w:tcBorders" if el.tag.endswith("tcPr") else "w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if edge in ("insideH", "insideV") and el.tag.endswith("tcPr"):
                continue
            b = OxmlElement(f"w:{edge}")
            sz = edges.get(edge, 0)
            b.set(qn("w:val"), "single" if sz else "nil")
            if sz:
                b.set(qn("w:sz"), str(sz))
                b.set(qn("w:color"), "000000")
            box.append(b)
        return box

    tbl_pr = table._tbl.tblPr
    if kind == "ruled":                           # tblBorders goes after tblW/jc (the schema's order)
        at = max(i for i, el in enumerate(tbl_pr) if el.tag in (qn("w:tblStyle"), qn("w:tblW"), qn("w:jc"))) + 1
        tbl_pr.insert(at, box_of(tbl_pr, {e: 6 for e in ("top", "left", "bottom", "right", "insideH", "insideV")}))

    def fill(cell, text: str, bold: bool = False) -> None:
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if len(text) <= 12 else WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(1)
        run(p, text, SANS if bold else SERIF, size)

    # header: merged cells first, then their text
    grid_taken = [[False] * t.columns for _ in t.header]
    for r, row in enumerate(t.header):
        c = 0
        for hc in row:
            while grid_taken[r][c]:
                c += 1
            a = table.cell(r, c)
            b = table.cell(r + hc.rowspan - 1, c + hc.colspan - 1)
            merged = a.merge(b) if (hc.rowspan, hc.colspan) != (1, 1) else a
            for dr in range(hc.rowspan):
                for dc in range(hc.colspan):
                    grid_taken[r + dr][c + dc] = True
            fill(merged, hc.text, bold=True)
            c += hc.colspan
    spans = _body_spans(t)
    for r, row in enumerate(t.rows):
        for c, text in enumerate(row):
            if text is None or _covered(t, r, c):
                continue
            cell = table.cell(n_head + r, c)
            if spans[r][c] > 1:
                cell = cell.merge(table.cell(n_head + r + spans[r][c] - 1, c))
            if t.merged.get((r, c), 1) > 1:
                cell = cell.merge(table.cell(n_head + r, c + t.merged[(r, c)] - 1))
            fill(cell, text)
    if kind == "three-line":                      # cell borders: thick over the header and under the last row, thin under the header
        last = n_head + len(t.rows) - 1
        for r, tr in enumerate(table._tbl.tr_lst):
            edges = {"top": 12} if r == 0 else {}
            if r == n_head - 1 or (r < n_head and any(hc.rowspan > 1 for hc in t.header[r])):
                edges["bottom"] = 6 if r == n_head - 1 else edges.get("bottom", 0)
            if r == last:
                edges["bottom"] = 12
            for tc in tr.tc_lst:
                if r < n_head and tc.tcPr is not None and tc.tcPr.vMerge is not None and tc.tcPr.vMerge.val == "restart":
                    cover = edges | {"bottom": 6}      # a header cell merged down: its rule is the header's
                else:
                    cover = edges
                if cover:
                    tc.get_or_add_tcPr().append(box_of(tc.get_or_add_tcPr(), cover))
    d.save(str(path))


def table_libreoffice(t, kind: str, out: Path, size: float = 10.5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{out.stem}.docx"
        table_docx(t, kind, src, size)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / f"{out.stem}.pdf"), out)


TABLE_CSS = """
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "%(serif)s", serif; font-size: 14pt; line-height: 1.6; color: #222; }
p { margin: 0; text-indent: 2em; text-align: justify; }
h2 { font-family: "%(sans)s", sans-serif; font-size: 16pt; font-weight: normal; text-align: center; margin: 0.5em 0 0.2em; }
p.unit { text-align: right; text-indent: 0; font-size: 12pt; }
table { border-collapse: collapse; width: 100%%; font-size: %(cell)spt; line-height: 1.4; }
th { font-family: "%(sans)s", sans-serif; font-weight: normal; }
td, th { padding: 3pt 4pt; vertical-align: %(valign)s; }
td.short, th { text-align: center; }
table.ruled td, table.ruled th { border: 0.75pt solid #000; }
table.three-line { border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; }
table.three-line thead tr:last-child th { border-bottom: 0.75pt solid #000; }
table.row-rules { border-top: 1.5pt solid #000; }
table.row-rules td, table.row-rules th { border-bottom: 0.75pt solid #000; }
"""


def table_html(t, kind: str, size: float = 10.5) -> str:
    css = TABLE_CSS % {"serif": SERIF, "sans": SANS, "valign": "middle", "cell": size}   # middle: a browser's default
    out = [f"<p>{escape(ln)}</p>" for ln in t.lead]
    out.append(f"<h2>{escape(t.caption)}</h2>")
    if t.unit_line:
        out.append(f'<p class="unit">{escape(t.unit_line)}</p>')
    widths = _widths(t)
    total = sum(widths)
    out.append(f'<table class="{kind}"><colgroup>'
               + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths) + "</colgroup><thead>")
    for row in t.header:
        cells = []
        for hc in row:
            span = (f' colspan="{hc.colspan}"' if hc.colspan > 1 else "") + (f' rowspan="{hc.rowspan}"' if hc.rowspan > 1 else "")
            cells.append(f"<th{span}>{escape(hc.text)}</th>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</thead><tbody>")
    spans = _body_spans(t)
    for r, row in enumerate(t.rows):
        cells = []
        for c, text in enumerate(row):
            if text is None or _covered(t, r, c):
                continue
            span = f' rowspan="{spans[r][c]}"' if spans[r][c] > 1 else ""
            span += f' colspan="{t.merged[(r, c)]}"' if t.merged.get((r, c), 1) > 1 else ""
            cls = ' class="short"' if len(text) <= 12 else ""
            cells.append(f"<td{span}{cls}>{escape(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(t.caption)}</title>'
            f"<style>{css}</style></head>\n<body>\n" + "\n".join(out) + "\n</body></html>\n")


def table_chromium(t, kind: str, out: Path, size: float = 10.5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / f"{out.stem}.html"
        page.write_text(table_html(t, kind, size), encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", "--no-pdf-header-footer",
                        page.as_uri()], check=True, capture_output=True, timeout=300)


def table_reportlab(t, kind: str, out: Path, size: float = 10.5) -> None:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("body", fontName=font, fontSize=14, leading=22, firstLineIndent=28, alignment=TA_JUSTIFY,
                          wordWrap="CJK")
    cap = ParagraphStyle("cap", parent=body, fontSize=16, leading=26, firstLineIndent=0, alignment=TA_CENTER)
    unit = ParagraphStyle("unit", parent=body, fontSize=12, firstLineIndent=0, alignment=TA_RIGHT)
    cell = ParagraphStyle("cell", fontName=font, fontSize=size, leading=size * 1.45, wordWrap="CJK")
    short = ParagraphStyle("short", parent=cell, alignment=TA_CENTER)
    story = [Paragraph(escape(ln), body) for ln in t.lead]
    story += [Spacer(1, 6), Paragraph(escape(t.caption), cap)]
    if t.unit_line:
        story.append(Paragraph(escape(t.unit_line), unit))
    grid = t.header_grid()
    data, style = [], [("VALIGN", (0, 0), (-1, -1), "MIDDLE" if kind == "ruled" else "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), font)]
    for r, row in enumerate(grid):
        seen = set()
        line = []
        for c, text in enumerate(row):
            first = not (c > 0 and row[c - 1] == text and (r, c - 1) in seen) and not (r > 0 and grid[r - 1][c] == text)
            line.append(Paragraph(escape(text), short) if first else "")
            seen.add((r, c))
        data.append(line)
    for r, row in enumerate(t.header):
        c = 0
        for hc in row:
            while any(grid[r][c] == grid[r - 1][c] for _ in [0] if r > 0):
                c += 1
            if (hc.rowspan, hc.colspan) != (1, 1):
                style.append(("SPAN", (c, r), (c + hc.colspan - 1, r + hc.rowspan - 1)))
            c += hc.colspan
    n_head = len(t.header)
    spans = _body_spans(t)
    for r, row in enumerate(t.rows):
        data.append([Paragraph(escape(x), short if len(x) <= 12 else cell) if x else "" for x in (c or "" for c in row)])
        for c in range(t.columns):
            if spans[r][c] > 1:
                style.append(("SPAN", (c, n_head + r), (c, n_head + r + spans[r][c] - 1)))
            if t.merged.get((r, c), 1) > 1:
                style.append(("SPAN", (c, n_head + r), (c + t.merged[(r, c)] - 1, n_head + r)))
    if kind == "ruled":
        style.append(("GRID", (0, 0), (-1, -1), 0.75, "black"))
    elif kind == "row-rules":
        style += [("LINEABOVE", (0, 0), (-1, 0), 1.5, "black"), ("LINEBELOW", (0, 0), (-1, -1), 0.75, "black")]
    else:
        style += [("LINEABOVE", (0, 0), (-1, 0), 1.5, "black"), ("LINEBELOW", (0, n_head - 1), (-1, n_head - 1), 0.75, "black"),
                  ("LINEBELOW", (0, -1), (-1, -1), 1.5, "black")]
    widths = _widths(t)
    total = sum(widths)
    tbl = Table(data, colWidths=[166 * mm * w / total for w in widths], repeatRows=n_head, style=TableStyle(style))
    story.append(tbl)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=28 * mm,
                            bottomMargin=28 * mm, title=t.caption)
    doc.build(story)


def table_scan(t, out: Path, size: float, opts: dict) -> None:
    """The table ruled round every cell (one header row), long cells wrapped in their column (widths as
    the other producers set them), short ones centred, every cell in the middle of its row, on landscape
    A4 pages drawn at opts dpi (a row that does not fit starts a page, the header repeated), the caption
    centred above; then scanned like the set's scans (save_scan)."""
    from PIL import Image, ImageDraw, ImageFont

    dpi = opts.get("dpi", 200)
    px = round(size / 72 * dpi)
    body = ImageFont.truetype(SERIF_FILE, px, index=SC_INDEX)
    head = ImageFont.truetype(SANS_FILE, px, index=SC_INDEX)
    title = ImageFont.truetype(SANS_FILE, round(16 / 72 * dpi), index=SC_INDEX)
    w, h = round(297 / 25.4 * dpi), round(210 / 25.4 * dpi)
    left = right = top = bottom = round(22 / 25.4 * dpi)
    header = t.header_grid()
    if len(header) != 1 or t.merged or any(c is None for r in t.rows for c in r):
        raise ValueError(f"{t.key}: a scan draws one header row and no merged cells")
    widths = _widths(t)
    widths = [(w - left - right) * x / sum(widths) for x in widths]
    edges = [left + sum(widths[:i]) for i in range(len(widths) + 1)]
    pad, step = px // 2, round(px * 1.45)

    def wrap(text: str, f, avail: float) -> list[str]:
        lines, cur = [], ""
        for ch in text:
            if cur and f.getlength(cur + ch) > avail:
                lines.append(cur)
                cur = ""
            cur += ch
        return lines + [cur] if cur else lines

    def cells(row: list[str], f) -> tuple[list[list[str]], int]:
        wrapped = [wrap(text, f, wd - 2 * pad) for text, wd in zip(row, widths)]
        return wrapped, max(len(c) for c in wrapped) * step + 2 * pad

    pages: list[Image.Image] = []
    draw = y = None

    def draw_row(row: list[str], f) -> None:
        nonlocal y
        wrapped, height = cells(row, f)
        for c, lines in enumerate(wrapped):
            ty = y + (height - len(lines) * step) / 2 + (step - px) / 2
            for k, ln in enumerate(lines):
                short = len(row[c]) <= 12
                x = edges[c] + (widths[c] - f.getlength(ln)) / 2 if short else edges[c] + pad
                draw.text((x, ty + k * step), ln, font=f, fill=0)
        for x in edges:
            draw.line([(x, y), (x, y + height)], fill=0, width=2)
        draw.line([(edges[0], y + height), (edges[-1], y + height)], fill=0, width=2)
        y += height

    def new_page() -> None:
        nonlocal draw, y
        pages.append(Image.new("L", (w, h), 255))
        draw = ImageDraw.Draw(pages[-1])
        y = top
        if len(pages) == 1:
            draw.text((left + (w - left - right - title.getlength(t.caption)) / 2, y), t.caption, font=title, fill=0)
            y += round(title.size * 2)
        draw.line([(edges[0], y), (edges[-1], y)], fill=0, width=2)
        draw_row(header[0], head)

    new_page()
    for row in t.rows:
        if y + cells(row, body)[1] > h - bottom - 2 * px:
            new_page()
        draw_row(row, body)
    save_scan(opts, pages, body, bottom, px, dpi, out)


TABLE_PRODUCERS = {"libreoffice": table_libreoffice, "chromium": table_chromium, "reportlab": table_reportlab}


def expected_table(doc: TableDoc, t) -> dict:
    """What a reader should find: the source table's caption, unit, spread header, rows and money cells."""
    scale = UNIT_SCALE.get(t.unit or "")
    money = []
    for r, row in enumerate(t.rows):
        for c in t.money_columns:
            text = (row[c] or "").strip()
            if scale and re.fullmatch(r"\d+(?:\.\d+)?", text):
                money.append({"row": r, "column": c, "text": text, "amount": round(float(text) * scale, 2)})
    return {"file": f"{doc.name}.pdf", "producer": doc.producer, "kind": doc.kind, "table": t.key,
            "source": t.source, "caption": t.caption, "unit_line": t.unit_line, "unit": t.unit,
            "header": t.header_grid(), "rows": [[c or "" for c in row] for row in t.rows],
            "total_row": t.total_row, "money": money, "note": t.note}


def build_tables(only: list[str] | None) -> None:
    from table_set import TABLES

    (TABLE_SET / "expected").mkdir(parents=True, exist_ok=True)
    manifest = []
    for doc in TABLE_DOCS:
        t = TABLES[doc.table]
        pdf = TABLE_SET / f"{doc.name}.pdf"
        exp = TABLE_SET / "expected" / f"{doc.name}.json"
        if not only or doc.name in only:
            if doc.producer == "scan":
                table_scan(t, pdf, doc.size, doc.opts)
            else:
                TABLE_PRODUCERS[doc.producer](t, doc.kind, pdf, doc.size)
            exp.write_text(json.dumps(expected_table(doc, t), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{pdf.name}: {pdf.stat().st_size // 1024} KB", file=sys.stderr)
        manifest.append({"file": pdf.name, "producer": doc.producer, "kind": doc.kind, "table": doc.table,
                         "source": t.source, "expected": f"expected/{exp.name}"})
    manifest += office_rows(TABLE_SET / "manifest.jsonl")
    with open(TABLE_SET / "manifest.jsonl", "w", encoding="utf-8") as fh:
        for row in manifest:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="names to (re)build; default all")
    ap.add_argument("--list", action="store_true", help="print each passage's lines and roles, build nothing")
    ap.add_argument("--tables", action="store_true", help="build the table set (tests/fixtures/real-pdfs/tables/)")
    a = ap.parse_args(argv)
    if a.tables:
        build_tables(a.only)
        return 0
    (SET / "expected").mkdir(parents=True, exist_ok=True)
    manifest = []
    for doc in DOCS:
        lines = passage(doc)
        if a.list:
            print(f"=== {doc.name}")
            for ln, r in zip(lines, roles(lines)):
                print(f"  {r:8} {ln[:60]}")
            continue
        expected = SET / "expected" / f"{doc.name}.txt"
        pdf = SET / f"{doc.name}.pdf"
        if not a.only or doc.name in a.only:
            expected.write_text("\n".join(expected_lines(doc, lines)) + "\n", encoding="utf-8")
            PRODUCERS[doc.producer](doc, lines, pdf)
            print(f"{pdf.name}: {pdf.stat().st_size // 1024} KB", file=sys.stderr)
        row = {"file": pdf.name, "producer": doc.producer, "source": doc.source,
               "layout": doc.layout, "expected": f"expected/{expected.name}"}
        if doc.producer == "scan":
            row["dpi"] = doc.opts.get("dpi", 150)
        manifest.append(row)
    if a.list:
        return 0
    manifest += office_rows(SET / "manifest.jsonl")
    with open(SET / "manifest.jsonl", "w", encoding="utf-8") as fh:
        for row in manifest:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
