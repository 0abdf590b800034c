"""Real-PDF benchmark: our clean text beside the PDF engines' own plain text, per producer.

    python bench/bench_pdf_real.py [--producer NAME] [--diff NAME]

For every PDF of tests/fixtures/real-pdfs/manifest.jsonl (made by bench/make_pdf_set.py) prints the
similarity to the expected text of pdfplumber's extract_text(), pypdfium2's get_text_range() and
ours (the pipeline's clean text, `extract(path).text`), then per producer the min and mean of
each. Similarity is difflib's ratio between the two texts with all white space removed (a table's
cells parted by ' | ' in our text count as parted by white space).
Image-only PDFs (scans) are reported as having no text layer (bench/bench_ocr.py measures their OCR). `--diff NAME` prints where our
text and the expected text differ for one file.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "real-pdfs"
sys.path.insert(0, str(ROOT))

from pipeline.types import CELL_SEPARATOR  # noqa: E402

ENGINES = ("pdfplumber", "pdfium")
WS = re.compile(r"\s+")
logging.getLogger("pdfminer").setLevel(logging.ERROR)       # Chromium's fonts: FontBBox warnings


def fold(text: str) -> str:
    """A text with white space removed; a table's cells, parted by ' | ' in our text and by spaces in
    the expected one, are parted alike."""
    return WS.sub("", text.replace(CELL_SEPARATOR, " "))


def similarity(expected: str, text: str) -> float:
    """difflib's ratio between two texts with white space (and cell separators) removed."""
    return SequenceMatcher(None, fold(expected), fold(text), autojunk=False).ratio()


def manifest() -> list[dict]:
    rows = [json.loads(ln) for ln in (SET / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    for r in rows:
        r["path"] = (SET / r["file"]).resolve()
        r["expected_text"] = (SET / r["expected"]).read_text(encoding="utf-8")
        r["name"] = Path(r["file"]).stem
    return rows


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def pdfium_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for page in pdf:
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close()
            page.close()
        return "\n".join(out)
    finally:
        pdf.close()


def engine_texts(path: Path) -> dict[str, str]:
    return {"pdfplumber": pdfplumber_text(path), "pdfium": pdfium_text(path)}


def our_text(path: Path) -> str:
    from pipeline.extraction import extract

    record = extract(path, isolate=False)
    return record.text if not record.error else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--producer")
    ap.add_argument("--diff")
    a = ap.parse_args(argv)
    rows = [r for r in manifest() if not a.producer or r["producer"] == a.producer]
    if a.diff:
        r = next(r for r in rows if r["name"] == a.diff)
        exp, ours = fold(r["expected_text"]), fold(our_text(r["path"]))
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, exp, ours, autojunk=False).get_opcodes():
            if tag != "equal":
                print(f"{tag:8} expected[{i1}:{i2}] {exp[max(0, i1 - 8):i2 + 8]!r}\n         ours[{j1}:{j2}] "
                      f"{ours[max(0, j1 - 8):j2 + 8]!r}")
        return 0
    print(f"{'producer':12} {'layout':10} {'file':42} {'pdfplumber':>10} {'pdfium':>8} {'ours':>8}")
    per: dict[str, dict[str, list[float]]] = {}
    no_text: dict[str, list[str]] = {}
    for r in rows:
        texts = engine_texts(r["path"])
        if not any(t.strip() for t in texts.values()):
            print(f"{r['producer']:12} {r['layout']:10} {r['name'][:42]:42} {'no text layer (OCR)':>28}")
            no_text.setdefault(r["producer"], []).append(r["name"])
            continue
        texts["ours"] = our_text(r["path"])
        sims = {k: similarity(r["expected_text"], t) for k, t in texts.items()}
        best = max(sims[e] for e in ENGINES)
        flag = "" if sims["ours"] >= best - 1e-9 else "  < engine"
        print(f"{r['producer']:12} {r['layout']:10} {r['name'][:42]:42} {sims['pdfplumber']:10.4f} "
              f"{sims['pdfium']:8.4f} {sims['ours']:8.4f}{flag}")
        for k, v in sims.items():
            per.setdefault(f"{r['producer']}/{r['layout']}", {}).setdefault(k, []).append(v)
    print()
    print(f"{'producer/layout':28} {'n':>3} {'pdfplumber min/mean':>20} {'pdfium min/mean':>16} {'ours min/mean':>16}")
    for key in sorted(per):
        s = per[key]
        cells = [f"{min(s[k]):.3f}/{mean(s[k]):.3f}" for k in ("pdfplumber", "pdfium", "ours")]
        print(f"{key:28} {len(s['ours']):3} {cells[0]:>20} {cells[1]:>16} {cells[2]:>16}")
    for producer, names in sorted(no_text.items()):
        print(f"{producer + '/no text layer':28} {len(names):3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
