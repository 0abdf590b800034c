"""OCR of PDF pages without a text layer (pipeline.sources.ocr): a small scanned page the test draws
itself is read with its amount, the record lists the page with its confidence and warns; pages with a
text layer are never OCR'd; a missing or failing engine gives a warning for each page it could not read;
OCR boxes become reading-order lines (skew turned back, a table's rows whole, two columns in turn)."""
from __future__ import annotations

import math
import random
import re
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.extraction import extract
from pipeline.sources import load, ocr
from pipeline.sources.ocr import Box, boxes_to_lines

FONT = Path(__file__).resolve().parents[1] / "fixtures" / "ocr" / "NotoSerifCJKsc-subset.otf"
DPI = 200
LINES = ["关于支持企业技术改造的通知", "对完成技术改造的企业，按设备投资额的", "10%给予补助，最高不超过50万元。",
         "市工业和信息化局"]


def _as_scanned(img: Image.Image, angle: float, seed: int) -> Image.Image:
    """A drawn page as a scanner gives it: turned a little, speckled and blurred."""
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    rng = random.Random(seed)
    pixels = img.load()
    for _ in range(img.width * img.height // 500):
        pixels[rng.randrange(img.width), rng.randrange(img.height)] = rng.choice((0, 120))
    return img.filter(ImageFilter.GaussianBlur(0.7))


def _scan(lines: list[str] = LINES, angle: float = 0.8) -> Image.Image:
    """A small page of lines drawn at 200 dpi, turned a little, speckled and blurred like a scan."""
    px = round(14 / 72 * DPI)
    body, title = ImageFont.truetype(str(FONT), px), ImageFont.truetype(str(FONT), round(px * 1.3))
    img = Image.new("L", (1100, 120 + len(lines) * round(px * 1.8)), 255)
    draw = ImageDraw.Draw(img)
    y = 40
    for i, text in enumerate(lines):
        f = title if i == 0 else body
        draw.text((60 if i else (img.width - f.getlength(text)) / 2, y), text, font=f, fill=0)
        y += round(f.size * 1.8)
    return _as_scanned(img, angle, seed=1)


def _image_pdf(path: Path, *images: Image.Image) -> Path:
    images[0].convert("RGB").save(path, "PDF", resolution=DPI, save_all=True,
                                  append_images=[i.convert("RGB") for i in images[1:]])
    return path


def _mixed_pdf(path: Path) -> Path:
    """Page 1 with a text layer, page 2 an image only."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 760, "Page one has a text layer: grant of 20000 yuan")
    c.showPage()
    scan = _scan()
    c.drawImage(ImageReader(scan.convert("RGB")), 40, 500, width=scan.width * 72 / DPI, height=scan.height * 72 / DPI)
    c.showPage()
    c.save()
    return path


def _text(source) -> str:
    return "".join(line.text for p in source.pages for line in p.lines)


def test_a_scanned_page_is_read_by_ocr_with_its_amount_confidence_and_warning(tmp_path):
    src = load(str(_image_pdf(tmp_path / "scan.pdf", _scan())), isolate=False)
    assert src.error is None
    text = re.sub(r"\s+", "", _text(src))
    for line in LINES:
        assert line in text
    assert [p["page"] for p in src.ocr] == [1] and src.ocr[0]["confidence"] > 0.9
    assert src.warnings == [f"W204 page 1 has no text layer: read by OCR (mean confidence {src.ocr[0]['confidence']:.3f})"]
    assert [line.text for line in src.pages[0].lines][:2] == LINES[:2]   # one line a drawn line, in order


def test_the_record_of_a_scan_lists_its_ocr_pages_and_tags_the_amount(tmp_path):
    record = extract(_image_pdf(tmp_path / "scan.pdf", _scan(), _scan(LINES[1:3], angle=-1.0)), isolate=False)
    d = record.to_dict()
    assert "error" not in d
    assert [p["page"] for p in d["ocr"]] == [1, 2]
    assert all(0.9 < p["confidence"] <= 1 for p in d["ocr"])
    assert sum(w.startswith("W204") for w in d["warnings"]) == 2
    money = [e for e in d["entities"] if e["label"] == "MONEY"]
    assert [(e["text"][-4:], e["amount"], e["page"]) for e in money] == [("50万元", 500000, 1), ("50万元", 500000, 2)]


def test_a_page_with_a_text_layer_is_never_ocrd(tmp_path, monkeypatch):
    read: list[int] = []
    real = ocr.recognise
    monkeypatch.setattr(ocr, "recognise", lambda image: read.append(image.shape) or real(image))
    src = load(str(_mixed_pdf(tmp_path / "mixed.pdf")), isolate=False)
    assert src.error is None and len(read) == 1
    assert [p["page"] for p in src.ocr] == [2]
    assert src.pages[0].lines[0].text.startswith("Page one has a text layer")
    assert "50万元" in "".join(line.text for line in src.pages[1].lines)

    read.clear()
    text_only = tmp_path / "text.pdf"
    c = canvas.Canvas(str(text_only), pagesize=A4)
    c.drawString(72, 760, "Only text here")
    c.save()
    src = load(str(text_only), isolate=False)
    assert src.error is None and src.ocr == [] and read == [] and src.warnings == []


@pytest.fixture
def no_rapidocr(monkeypatch):
    """rapidocr as if not installed (its import fails), the engine built anew before and after."""
    monkeypatch.setitem(sys.modules, "rapidocr", None)
    ocr.engine.cache_clear()
    yield
    monkeypatch.undo()
    ocr.engine.cache_clear()


def test_without_the_ocr_engine_each_textless_page_gets_a_warning(tmp_path, no_rapidocr):
    src = load(str(_mixed_pdf(tmp_path / "mixed.pdf")), isolate=False)
    assert src.error is None and src.ocr == []
    assert src.warnings == ["W205 page 2 has no text layer and OCR failed: OCR is not installed (rapidocr)",
                            "W202 pages without text: 2"]
    assert src.pages[0].lines[0].text.startswith("Page one has a text layer")
    scan = load(str(_image_pdf(tmp_path / "scan.pdf", _scan())), isolate=False)
    assert scan.error == "E112 PDF has no text layer and OCR read no text: OCR is not installed (rapidocr)"


def test_a_page_the_engine_fails_on_gets_a_warning_and_the_others_are_read(tmp_path, monkeypatch):
    real, calls = ocr.recognise, []

    def fail_first(image):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("bad image")
        return real(image)

    monkeypatch.setattr(ocr, "recognise", fail_first)
    src = load(str(_image_pdf(tmp_path / "scan.pdf", _scan(), _scan())), isolate=False)
    assert src.error is None
    assert [p["page"] for p in src.ocr] == [2]
    assert src.warnings[0] == "W205 page 1 has no text layer and OCR failed: RuntimeError: bad image"
    assert src.warnings[-1] == "W202 pages without text: 1"


def test_ocr_runs_in_the_worker_process(tmp_path):
    src = load(str(_image_pdf(tmp_path / "scan.pdf", _scan())))
    assert src.error is None and [p["page"] for p in src.ocr] == [1]
    assert "最高不超过50万元" in _text(src)


# ---------------------------------------------------------------- boxes -> lines (no engine)

def _box(text: str, x: float, y: float, w: float, h: float = 40, angle: float = 0.0) -> Box:
    """A box of text with its top-left corner at (x, y), turned by `angle` degrees about (0, 0)."""
    a = math.radians(angle)
    pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    return Box(text, 0.99, [(px * math.cos(a) - py * math.sin(a), px * math.sin(a) + py * math.cos(a)) for px, py in pts])


def test_skewed_boxes_on_one_baseline_are_one_line_left_to_right():
    # 1.5 degrees of skew: over 1200 px the right end of a row sits 31 px lower than its left end
    boxes = [_box("第二行右段文字内容", 700, 300, 500, angle=1.5), _box("第一行的文字内容很长很长", 100, 200, 1100, angle=1.5),
             _box("第二行左段文字", 100, 300, 400, angle=1.5)]
    lines = boxes_to_lines(boxes, 200 / 72, (1400, 800), 1400 * 72 / 200)
    assert [line.text for line in lines] == ["第一行的文字内容很长很长", "第二行左段文字 第二行右段文字内容"]


def test_a_tables_rows_come_out_one_row_a_line_left_to_right():
    header = ["序号", "任务", "牵头单位", "配合单位"]
    rows = [header] + [[str(i), f"任务{i}的内容", f"牵头单位{i}", f"配合单位{i}"] for i in range(1, 5)]
    xs = [100, 300, 800, 1150]
    boxes = [_box(cell, x, 100 + 70 * r, 40 * len(cell), angle=0.8)
             for r, row in enumerate(rows) for cell, x in zip(row, xs)]
    random.Random(3).shuffle(boxes)
    lines = boxes_to_lines(boxes, 200 / 72, (1600, 600), 1600 * 72 / 200)
    assert [line.text.split() for line in lines] == rows


def test_two_columns_of_text_are_read_column_by_column():
    left = [_box(f"左栏第{i}行文字内容", 100, 100 + 60 * i, 500) for i in range(6)]
    right = [_box(f"右栏第{i}行文字内容", 800, 100 + 60 * i, 500) for i in range(6)]
    lines = boxes_to_lines(right + left, 200 / 72, (1400, 600), 1400 * 72 / 200)
    assert [line.text for line in lines] == [b.text for b in left + right]


def test_line_sizes_come_from_the_pages_own_box_heights():
    # body boxes 40 px high for characters 32 px wide: a 12-point font at 192 dpi (32 px = 12 pt)
    boxes = [_box("这是正文的一行文字内容", 100, 100 + 60 * i, 32 * 11) for i in range(4)]
    boxes.append(_box("标题文字", 100, 20, 48 * 4, h=60))
    lines = boxes_to_lines(boxes, 192 / 72, (1000, 500), 1000 * 72 / 192)
    assert lines[0].text == "标题文字" and lines[0].size == pytest.approx(18, abs=0.5)
    assert all(line.size == pytest.approx(12, abs=0.5) for line in lines[1:])


# ---------------------------------------------------------------- tables on scanned pages

TASKS = [["序号", "任务", "牵头单位", "配合单位"],
         ["1", "支持企业技术改造", "市工业和信息化局", ""],
         ["2", "对完成技术改造的企业给予补助", "市工业和信息化局", ""],
         ["3", "按设备投资额的10%给予补助，最高不超过50万元", "市工业和信息化局", ""]]
COLUMNS = [150, 750, 330, 270]          # pixels at 200 dpi


def _ruled_scan(rows: list[list[str]] = TASKS, angle: float = 0.6, text: bool = True) -> Image.Image:
    """A ruled task table drawn at 200 dpi (a cell a line, short cells centred), turned a little,
    speckled and blurred like a scan; `text=False` draws the rules only."""
    px = round(10.5 / 72 * DPI)
    font = ImageFont.truetype(str(FONT), px)
    step, left, top = round(px * 2.2), 60, 60
    img = Image.new("L", (left * 2 + sum(COLUMNS), top * 2 + step * len(rows)), 255)
    draw = ImageDraw.Draw(img)
    xs = [left + sum(COLUMNS[:i]) for i in range(len(COLUMNS) + 1)]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            x = xs[c] + (COLUMNS[c] - font.getlength(cell)) / 2 if len(cell) <= 8 else xs[c] + px // 2
            if text:
                draw.text((x, top + r * step + (step - px) / 2), cell, font=font, fill=0)
    for k in range(len(rows) + 1):
        draw.line([(xs[0], top + k * step), (xs[-1], top + k * step)], fill=0, width=2)
    for x in xs:
        draw.line([(x, top), (x, top + len(rows) * step)], fill=0, width=2)
    return _as_scanned(img, angle, seed=2)


def test_the_rules_of_a_scanned_table_and_its_boxes_make_a_table_a_row_a_line():
    import numpy as np

    from pipeline.sources.ocr import read_page

    angle = 0.6
    img = _ruled_scan(angle=angle, text=False)           # the boxes stand where the recogniser would put them
    px, step, left, top = round(10.5 / 72 * DPI), round(round(10.5 / 72 * DPI) * 2.2), 60, 60
    xs = [left + sum(COLUMNS[:i]) for i in range(len(COLUMNS) + 1)]
    cx, cy = img.width / 2, img.height / 2
    a = math.radians(-angle)                               # PIL turns counter-clockwise, image y down

    def turned(x: float, y: float) -> tuple[float, float]:
        return cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a), cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a)

    boxes = []
    for r, row in enumerate(TASKS):
        for c, cell in enumerate(row):
            if cell:
                width = px * sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in cell)
                x0 = xs[c] + (COLUMNS[c] - width) / 2 if len(cell) <= 8 else xs[c] + px // 2
                y0 = top + r * step + (step - px) / 2 - 4
                corners = [(x0, y0), (x0 + width, y0), (x0 + width, y0 + px + 8), (x0, y0 + px + 8)]
                boxes.append(Box(cell, 0.99, [turned(x, y) for x, y in corners]))
    grey = np.asarray(img)
    page, warnings = read_page(1, boxes, np.repeat(grey[:, :, None], 3, axis=2), DPI / 72,
                               (img.width * 72 / DPI, img.height * 72 / DPI))
    assert warnings == [] and [t.rows for t in page.tables] == [[row for row in TASKS[1:]]]
    assert page.tables[0].header == [TASKS[0]] and page.tables[0].kind == "ruled"
    assert [ln.text for ln in page.lines if ln.table] == [" | ".join(TASKS[0])] + [" | ".join(r[:3]) for r in TASKS[1:]]


def test_a_scanned_table_the_reader_fails_on_leaves_the_page_its_lines_and_a_warning(tmp_path, monkeypatch):
    from pipeline.sources import ocr_tables

    def broken(*args):
        raise ValueError("no rules")

    monkeypatch.setattr(ocr_tables, "scanned_tables", broken)
    src = load(str(_image_pdf(tmp_path / "table.pdf", _ruled_scan())), isolate=False)
    assert src.error is None and not any(p.tables for p in src.pages)
    assert "W503 tables on pages 1 could not be read: ValueError: no rules" in src.warnings
    assert any(line.text.startswith("2 对完成技术改造的企业给予补助") for line in src.pages[0].lines)


def test_a_scanned_task_table_gives_table_rows_measures_with_units_and_its_money(tmp_path):
    record = extract(_image_pdf(tmp_path / "table.pdf", _ruled_scan()), isolate=False)
    d = record.to_dict()
    assert "error" not in d and [p["page"] for p in d["ocr"]] == [1]
    table = d["tables"][0]
    assert [[c["text"] for c in row] for row in table["rows"]] == [row for row in TASKS[1:]]
    assert all(record.text[c["start"]:c["end"]] == c["text"] for row in table["rows"] for c in row if c["text"])
    lines = record.text.split("\n")                    # each row a line of its own, not one paragraph
    assert "序号 | 任务 | 牵头单位 | 配合单位" in lines and "2 | 对完成技术改造的企业给予补助 | 市工业和信息化局" in lines
    assert [(m.label, m.responsible) for m in record.measures] == [(n, ["市工业和信息化局"]) for n in "123"]
    money = [e for e in d["entities"] if e["label"] == "MONEY"]
    assert [(e["amount"], e["table"], e["row"], e["column"]) for e in money] == [(500000, 0, 2, 1)]
