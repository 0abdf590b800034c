"""OCR benchmark: the scans of the real-PDF set read by OCR, per scan and side by side.

    python bench/bench_ocr.py [--dpi N] [--only NAME ...] [--diff NAME]

For every scan of tests/fixtures/real-pdfs/manifest.jsonl (image-only PDFs made by
bench/make_pdf_set.py; the expected text is the corpus text drawn) prints:
- CER: Levenshtein distance between our clean text (`extract(path).text`) and the expected text over
  the expected text's length, both with white space removed and NFKC-folded (a full-width comma and
  the ASCII one are one character to a reader; the corpus texts mix both), our table rows' cell
  separators (' | ') read as the spaces the expected text parts cells with;
- amounts: the 元/万元/亿元 amounts written in digits in the expected text (each occurrence) that our
  text holds as well, over their number;
- s/page: seconds of `load` (PDF parse, render, OCR, lines) per OCR'd page, in-process, the engine and
  its models already loaded (that one-off start-up is printed apart);
- the mean OCR confidence of the record's pages;
- the table rows read (pipeline.sources.ocr_tables: a table the page's rules draw).
`--dpi` renders at another resolution (pipeline.sources.ocr.RENDER_DPI), to compare.
`--diff NAME` prints where our text and the expected text differ.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pdf_real import manifest  # noqa: E402
from pipeline.evaluate import char_error_rate as cer  # noqa: E402
from pipeline.types import CELL_SEPARATOR  # noqa: E402

WS = re.compile(r"\s+")
AMOUNT = re.compile(r"\d+(?:\.\d+)?[万亿]?元")


def normalise(text: str) -> str:
    return WS.sub("", unicodedata.normalize("NFKC", text.replace(CELL_SEPARATOR, " ")))


def amounts(expected: str, text: str) -> tuple[int, int]:
    """(amounts of the expected text found in `text`, amounts in the expected text), per occurrence."""
    want = Counter(AMOUNT.findall(normalise(expected)))
    have = Counter(AMOUNT.findall(normalise(text)))
    return sum(min(n, have[a]) for a, n in want.items()), sum(want.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dpi", type=float)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--diff")
    a = ap.parse_args(argv)
    from pipeline.clean import clean
    from pipeline.sources import load, ocr

    if a.dpi:
        ocr.RENDER_DPI = a.dpi
        ocr.page_image.__defaults__ = (a.dpi,)
    rows = [r for r in manifest() if r["producer"] == "scan" and (not a.only or r["name"] in a.only)]
    if a.diff:
        r = next(r for r in rows if r["name"] == a.diff)
        exp, ours = normalise(r["expected_text"]), normalise(clean(load(str(r["path"]), isolate=False)).text)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, exp, ours, autojunk=False).get_opcodes():
            if tag != "equal":
                print(f"{tag:8} expected {exp[max(0, i1 - 6):i2 + 6]!r}\n         ours     {ours[max(0, j1 - 6):j2 + 6]!r}")
        return 0
    import pypdfium2 as pdfium

    t = time.perf_counter()
    pdf = pdfium.PdfDocument(str(rows[0]["path"]))
    ocr.recognise(ocr.page_image(pdf[0], 72)[0])              # rapidocr loads its models on first use
    pdf.close()
    print(f"engine start-up {time.perf_counter() - t:.2f} s; rendering at {ocr.RENDER_DPI:g} dpi")
    print(f"{'scan':40} {'dpi':>4} {'pages':>5} {'CER':>7} {'amounts':>8} {'s/page':>7} {'conf':>6} {'table rows':>10}")
    per_dpi: dict[int, list[tuple[float, int, int, float]]] = {}
    for r in rows:
        t = time.perf_counter()
        src = load(str(r["path"]), isolate=False)
        seconds = time.perf_counter() - t
        pages = max(len(src.ocr), 1)
        text = clean(src).text if not src.error else ""
        c = cer(normalise(r["expected_text"]), normalise(text))
        found, total = amounts(r["expected_text"], text)
        conf = mean(p["confidence"] for p in src.ocr if p["confidence"] is not None) if src.ocr else 0.0
        table_rows = sum(len(t.header) + len(t.rows) for p in src.pages for t in p.tables)
        print(f"{r['name'][:40]:40} {r.get('dpi', 0):4} {len(src.ocr):5} {c:7.2%} {f'{found}/{total}':>8} "
              f"{seconds / pages:7.2f} {conf:6.3f} {table_rows:10}" + (f"  {src.error}" if src.error else ""))
        per_dpi.setdefault(r.get("dpi", 0), []).append((c, found, total, seconds / pages))
    print()
    print(f"{'scans at dpi':14} {'n':>3} {'CER max/mean':>14} {'amounts':>8} {'s/page max/mean':>16}")
    for dpi, v in sorted(per_dpi.items()):
        cers, secs = [x[0] for x in v], [x[3] for x in v]
        found, total = sum(x[1] for x in v), sum(x[2] for x in v)
        print(f"{dpi:<14} {len(v):3} {f'{max(cers):.2%}/{mean(cers):.2%}':>14} {f'{found}/{total}':>8} "
              f"{f'{max(secs):.2f}/{mean(secs):.2f}':>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
