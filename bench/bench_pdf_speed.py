"""Speed on text PDFs, as whole processes: `policykg extract` beside bare pdfplumber extract_text().

    python bench/bench_pdf_speed.py [--runs 3] [--command policykg] [--producer NAME]

The files: the text PDFs of tests/fixtures/real-pdfs/manifest.jsonl (every producer but the scans)
and the table set (tests/fixtures/real-pdfs/tables/), copied into a temporary folder, all together
and per producer. For each group, in one run, the wall clock (best of --runs) of two whole processes
on the same files:
- pdfplumber: `python -c` a script that opens each PDF with pdfplumber and calls extract_text() on
  every page, in one process;
- policykg: `policykg extract <folder> --out <tmp> -q`, the real command with its own workers (the
  default: one a core), start-up and all.
Prints seconds (and the CPU seconds of the process and its workers, the fairer figure on a machine
others share), pages/s and our time over pdfplumber's (below 1: ours is faster). By default the
command runs as `python -m pipeline` from this checkout; --command times an installed script instead.

Measured on this machine (2 cores shared with other jobs, best of 5), all 49 files (71 pages):
pdfplumber 3.3-3.4 s (3.3 s CPU); policykg extract 4.4-6.1 s (6.0-6.5 s CPU) before its workers were
forked from a parent that had loaded the pipeline, tables were read without pdfplumber parsing the
page and files were read while the pipeline loaded, 1.8-2.8 s (2.9-3.0 s CPU) after, the spread
being the other jobs'. A few files take longer than pdfplumber: loading spaCy and jieba costs about
1.5 s once (extract loads neither since issue 16: its start-up is about 0.5 s of CPU).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from process_timing import best

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "real-pdfs"

PLUMBER = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""


def files() -> list[tuple[str, Path]]:
    """(producer, path) of every text PDF of the real-PDF set and its table set."""
    out = []
    for manifest in (SET / "manifest.jsonl", SET / "tables" / "manifest.jsonl"):
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                path = (manifest.parent / row["file"]).resolve()
                if row["producer"] != "scan" and all(path != p for _, p in out):   # a file of several tables once
                    out.append((row["producer"], path))
    return out


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--command", help="an installed policykg script (default: python -m pipeline from here)")
    ap.add_argument("--producer", action="append", help="only these producers (and all of them together)")
    a = ap.parse_args(argv)
    ours = [a.command] if a.command else [sys.executable, "-m", "pipeline"]
    env = dict(os.environ) if a.command else {**os.environ, "PYTHONPATH": str(ROOT)}
    chosen = [(p, f) for p, f in files() if not a.producer or p in a.producer]
    groups: dict[str, list[Path]] = {"all": [f for _, f in chosen]}
    for producer, f in chosen:
        groups.setdefault(producer, []).append(f)
    pages = {f: page_count(f) for _, f in chosen}
    print(f"{os.cpu_count()} cores; best of {a.runs} runs each, wall clock of whole processes; "
          f"ours: {' '.join(Path(x).name for x in ours)} extract")
    print(f"{'files':12} {'n':>3} {'pages':>5} {'pdfplumber s':>12} {'cpu s':>6} {'pages/s':>8} {'policykg s':>11} "
          f"{'cpu s':>6} {'pages/s':>8} {'ours/pdfplumber':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, group in groups.items():
            folder = Path(tmp) / name
            folder.mkdir()
            copies = []
            for f in group:                     # the same files for both, under one folder for `extract`
                target = folder / f"{f.parent.name}-{f.name}"
                shutil.copyfile(f, target)
                copies.append(str(target))
            n = sum(pages[f] for f in group)
            t_plumber, c_plumber = best([sys.executable, "-c", PLUMBER, *copies], env, a.runs, cwd=Path(tmp))
            out = Path(tmp) / f"out-{name}"
            t_ours, c_ours = best([*ours, "extract", str(folder), "--out", str(out), "-q"], env, a.runs, cwd=Path(tmp))
            print(f"{name:12} {len(group):3} {n:5} {t_plumber:12.2f} {c_plumber:6.2f} {n / t_plumber:8.1f} "
                  f"{t_ours:11.2f} {c_ours:6.2f} {n / t_ours:8.1f} {t_ours / t_plumber:16.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
