"""PDF pages without a text layer -> lines, read by OCR: rapidocr with the PP-OCR models its wheel ships.

Only pages with no text at all are read (a page with a text layer is never OCR'd). Each is rendered
with PDFium at RENDER_DPI; the recogniser's text boxes become the layout module's Chars (one a box,
turned back by the page's skew, sized from the page's own box heights) and `chars_to_lines` makes
the same reading-order Lines the text path makes, so cleaning, structure and tagging run unchanged;
the tables the page's rules draw are read into the PDF table model (pipeline.sources.ocr_tables).
The models are the files inside the installed rapidocr package, passed by path: nothing is
downloaded (rapidocr fetches a model only when no path is given and its default file is missing).

Measured with bench/bench_ocr.py on this machine (2 cores shared with other jobs, load 4-7), the
scans of tests/fixtures/real-pdfs (corpus pages drawn, turned 0.5-1.5 degrees, speckled, blurred,
JPEG): character error rate 0.00-0.14 % at 200 dpi (0.00-0.56 % at 150 dpi), every 万元 amount
read (94 of 94), 2-5 s a page. Finding boxes at 960-2400 px (DETECT_SIDE) and rendering at
150-200 dpi read these scans the same; detection at full size cost the most time (the detector's
cost grows with the pixels), and 1600 px keeps 9-point print about 13 px high for it.
"""
from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from statistics import median

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.sources.layout import Char, chars_to_lines, segment_rows
from pipeline.types import Line, Page, Table

RENDER_DPI = 200          # page image resolution: body text of 10-16 pt is 28-44 px high
MAX_SIDE = 4000           # pixels on the longer side at most (a poster-sized page is rendered smaller)
DETECT_SIDE = 1600        # text boxes are found on the image scaled to this longer side (lines read at full size)
SECONDS_PER_PAGE = 30     # time a worker is allowed per page to OCR, on top of the parse limit
LONG_BOX = 6              # boxes at least this many character widths long calibrate the font size
SKEW_ASPECT = 3           # boxes at least this many times as wide as high give the page's skew
BOX_PER_SIZE = 1.25       # box height / font size where a page has no long box to measure it on
TABLE_CELLS = 3           # a row standing apart in this many pieces or more is a table's row ...
TABLE_ROWS = 3            # ... and a page with this many such rows is read row by row, never as two columns
MODEL_FILES = {           # the PP-OCR models in rapidocr's wheel (rapidocr/models/)
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}


class OcrUnavailable(Exception):
    """The OCR engine or its model files are not installed."""


@dataclass
class Box:
    """One text box the recogniser found: its text, confidence and corners (x, y) in image pixels."""
    text: str
    score: float
    corners: list[tuple[float, float]]


@dataclass
class OcrPage:
    """What OCR made of one page: its lines, tables and mean confidence, or why it could not read it."""
    number: int
    lines: list[Line] = field(default_factory=list)
    confidence: float | None = None
    error: str | None = None
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- the engine

@cache
def engine():
    """The rapidocr engine with the model files of the installed package (raises OcrUnavailable)."""
    try:
        import onnxruntime  # noqa: F401 - rapidocr's engine; it loads it only when it first reads a page
        import rapidocr
        from rapidocr import RapidOCR
    except ImportError as e:
        raise OcrUnavailable(f"OCR is not installed ({e.name or e})") from None
    models = Path(rapidocr.__file__).parent / "models"
    missing = [name for name in MODEL_FILES.values() if not (models / name).is_file()]
    if missing:
        raise OcrUnavailable(f"rapidocr's model files are missing: {', '.join(missing)}")
    params = {f"{task}.model_path": str(models / name) for task, name in MODEL_FILES.items()}
    params.update({"Global.log_level": "error", "Global.use_cls": False, "Global.max_side_len": MAX_SIDE,
                   "Det.limit_type": "max", "Det.limit_side_len": DETECT_SIDE})
    return RapidOCR(params=params)


def recognise(image) -> list[Box]:
    """Text boxes of an RGB image (numpy array, height x width x 3)."""
    result = engine()(image)
    if result.boxes is None or result.txts is None:
        return []
    return [Box(text=str(t), score=float(s), corners=[(float(x), float(y)) for x, y in b])
            for b, t, s in zip(result.boxes, result.txts, result.scores)]


def page_image(page, dpi: float = RENDER_DPI):
    """(RGB image as a numpy array, pixels per point) of a PDFium page."""
    import numpy as np

    width, height = page.get_size()
    scale = min(dpi / 72, MAX_SIDE / max(width, height, 1.0))
    grey = page.render(scale=scale, grayscale=True).to_numpy()
    if grey.ndim == 3:
        grey = grey[:, :, 0]
    return np.repeat(grey[:, :, None], 3, axis=2), scale


# ---------------------------------------------------------------- boxes -> lines

def _width_units(text: str) -> float:
    """Width in CJK characters: wide characters 1, others 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _skew(boxes: list[Box]) -> float:
    """The page's skew (radians): the median slope of the top edges of its wide boxes."""
    slopes = []
    for b in boxes:
        (x0, y0), (x1, y1), (_, y2) = b.corners[0], b.corners[1], b.corners[2]
        if x1 - x0 >= SKEW_ASPECT * abs(y2 - y1):
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    return median(slopes) if slopes else 0.0


def boxes_to_chars(boxes: list[Box], scale: float, image_size: tuple[int, int]) -> list[Char]:
    """One Char a box in page points (from the top), turned back by the page's skew about the image
    centre; the size is the box height over the page's own box-height-per-font-size ratio."""
    angle = _skew(boxes)
    cos, sin = math.cos(-angle), math.sin(-angle)
    cx, cy = image_size[0] / 2, image_size[1] / 2
    upright = []
    for b in boxes:
        pts = [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in b.corners]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        upright.append((b, min(xs), min(ys), max(xs), max(ys)))
    ratios = [(y1 - y0) / ((x1 - x0) / _width_units(b.text)) for b, x0, y0, x1, y1 in upright
              if _width_units(b.text) >= LONG_BOX and x1 > x0]
    per_size = median(ratios) if ratios else BOX_PER_SIZE
    return [Char(b.text, x0 / scale, y0 / scale, x1 / scale, y1 / scale, (y1 - y0) / per_size / scale)
            for b, x0, y0, x1, y1 in upright]


def table_like(chars: list[Char]) -> bool:
    """True where rows of three and more pieces recur (a table's cells): such a page is read row by row,
    where two columns of text give rows of two pieces."""
    return sum(1 for row in segment_rows(chars) if len(row) >= TABLE_CELLS) >= TABLE_ROWS


def boxes_to_lines(boxes: list[Box], scale: float, image_size: tuple[int, int], page_width: float) -> list[Line]:
    """Reading-order lines of a page's OCR boxes: boxes on one baseline joined left to right, rows top to
    bottom, two columns read column by column (layout.chars_to_lines), a table's rows whole."""
    chars = boxes_to_chars(_written(boxes), scale, image_size)
    return chars_to_lines(chars, page_width, columns=not table_like(chars))


def _written(boxes: list[Box]) -> list[Box]:
    return [replace(b, text=b.text.strip()) for b in boxes if b.text.strip()]


def read_page(number: int, boxes: list[Box], image, scale: float, page_size: tuple[float, float]
              ) -> tuple[Page, list[str]]:
    """A scanned page from its OCR boxes and image: its reading-order lines, and the tables its rules
    draw read into the PDF table model (pipeline.sources.ocr_tables), each row a line of its own; and
    a W503 warning where its tables could not be read (the page keeps its lines)."""
    from pipeline.sources.ocr_tables import scanned_tables
    from pipeline.sources.pdf_tables import place_tables

    boxes = _written(boxes)
    chars = boxes_to_chars(boxes, scale, (image.shape[1], image.shape[0]))
    page = Page(number, chars_to_lines(chars, page_size[0], columns=not table_like(chars)), *page_size)
    try:
        found = scanned_tables(number, image[:, :, 0], chars, _skew(boxes), scale, page_size)
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - a table the reader did not foresee must not cost the page its text
        return page, [errors.W_TABLES_UNREAD.format(pages=number, why=f"{type(e).__name__}: {e}"[:120])]
    return (place_tables(page, found) if found else page), []


def mean_confidence(boxes: list[Box]) -> float | None:
    """The recogniser's confidence averaged over the characters read."""
    n = sum(len(b.text.strip()) for b in boxes)
    return sum(b.score * len(b.text.strip()) for b in boxes) / n if n else None


# ---------------------------------------------------------------- pages

def textless(pages: list[Page]) -> list[int]:
    """Numbers of the pages without any text (no text layer)."""
    return [p.number for p in pages if not any(line.text.strip() for line in p.lines)]


def ocr_pages(path: str, numbers: list[int]) -> list[OcrPage]:
    """The pages `numbers` (1-based) of a PDF read by OCR; a page that fails says why."""
    import pypdfium2 as pdfium

    try:
        engine()
    except OcrUnavailable as e:
        return [OcrPage(n, error=str(e)) for n in numbers]
    out = []
    pdf = pdfium.PdfDocument(path)
    try:
        for n in numbers:
            try:
                page = pdf[n - 1]
                try:
                    image, scale = page_image(page)
                    boxes = recognise(image)
                    read, warnings = read_page(n, boxes, image, scale, page.get_size())
                finally:
                    page.close()
                out.append(OcrPage(n, read.lines, mean_confidence(boxes), tables=read.tables, warnings=warnings))
            except MemoryError:
                raise
            except Exception as e:  # noqa: BLE001 - one page's failure is that page's warning
                out.append(OcrPage(n, error=f"{type(e).__name__}: {e}"[:200]))
    finally:
        pdf.close()
    return out


def apply_ocr(pages: list[Page], read: list[OcrPage]) -> tuple[list[Page], list[str], list[dict]]:
    """(pages with the OCR'd lines in, warnings, the record's `ocr` list) after OCR of the textless pages.

    Every page OCR read text on gets a warning with its confidence (W204), every page it could not read
    one with the reason (W205); pages still without text (OCR found none, or failed) are listed (W202),
    and a PDF with no text at all is an error (E112, with the reasons)."""
    by_number = {r.number: r for r in read}
    warnings: list[str] = []
    ocr: list[dict] = []
    out = []
    for p in pages:
        r = by_number.get(p.number)
        if r is not None and r.error is None and r.lines:
            p = replace(p, lines=r.lines, tables=r.tables)
            conf = round(r.confidence or 0.0, 3)
            ocr.append({"page": p.number, "confidence": conf})
            warnings.append(errors.W_OCR_PAGE.format(page=p.number, confidence=f"{conf:.3f}"))
            warnings += r.warnings
        elif r is not None and r.error:
            warnings.append(errors.W_OCR_FAILED.format(page=p.number, reason=r.error))
        out.append(p)
    empty = textless(out)
    if out and len(empty) == len(out):
        failures = sorted({r.error for r in read if r.error})
        detail = "; ".join(failures) if failures else "OCR found no text"
        raise PolicyKGError(errors.E_PDF_NO_TEXT, detail)
    if empty:
        warnings.append(errors.W_PAGES_NO_TEXT.format(pages=",".join(map(str, empty))))
    if any(r.tables for r in read):
        from pipeline.sources.pdf_tables import join_continued

        join_continued(out)                  # a scanned table going on over the page break
    return out, warnings, ocr
