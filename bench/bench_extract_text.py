"""Speed on short text documents, as whole processes: `policykg extract` beside plain `jieba.lcut`.

    python bench/bench_extract_text.py [--docs 1200] [--runs 3] [--workers N] [--keep DIR]

The documents: the real notices and replies of corpora/real/raw/*.txt (516, 300-12,000 characters,
about 1,700 on average) and corpora/raw/*.txt, in name order, cycled until there are --docs of them,
written into a temporary folder; the k-th copy of a file (k = 0, 1, ...) ends with k more newlines,
so every file has its own bytes (and content hash) while its text and record stay the same.

For the same folder, in one run, the wall clock (best of --runs) and the CPU seconds (the process and
its children) of two whole processes:
- jieba: `python -c` a script that reads every file and calls jieba.lcut on its text, one process;
- policykg: `policykg extract <folder> --out <tmp> -q` with its own workers (default: one a core),
  start-up and all.
Prints characters per second of each and their ratio (policykg over jieba: the target is 0.3 or more).

Measured on this machine (2 cores shared with three other jobs; best of 3 unless said), 1,200 documents,
819,634 characters; jieba.lcut 2.1-2.4 s (about 0.7 s of it loading its dictionary) throughout:
- before (commit 0bc5937): 7.86 s, ratio 0.28 (one run, load 0.5); 9.09 / 12.15 / 12.52 / 17.28 s,
  ratio 0.26 / 0.19 / 0.17 / 0.14 at load 2.5 / 4.3 / 3.3 / 5.1;
- after (the process that reads ahead while the pipeline loads cleans too, place names looked up by
  length, the PDF readers loaded only for PDFs): 9.19 / 15.48 / 10.69 / 18.66 s, ratio 0.26 / 0.15 /
  0.20 / 0.22 at load 2.6 / 4.3 / 4.2 / 5.1 (each beside the run before it); at load 1.4-1.7, one
  after the other: after 7.80 s, ratio 0.29; before 7.45 s, ratio 0.29. The figures follow the other
  jobs more than the code: the 0.3 target is not shown on this shared machine.
  In one process, the CPU time of the first 546 documents fell from 5.64-5.76 s to 5.29-5.49 s (6%),
  and the start-up's critical path by a quarter of a second (the PDF readers) plus the cleaning of
  every file the reading-ahead process finishes while the pipeline loads (all 1,200 here, about
  1 s of CPU taken off the workers).
- issue 16 (extraction without jieba's segmentation and spaCy's Doc, which no tagger reads; start-up
  without spaCy, jieba, numpy and asyncio): 1,200 documents, 823,316 characters; each run beside one of
  the commit before (61d750c), in turn: at load 0.5-2, 5.66 / 5.88 / 5.58 s (10.7-11.3 s CPU), ratio
  0.48 / 0.48 / 0.49, before 8.57 / 8.78 / 8.74 s (15.9-16.4 s CPU), ratio 0.31 / 0.30 / 0.31; with
  another job's tests running (load 2.4-4), ratio 0.30 / 0.45 / 0.40 and 0.34 / 0.30 / 0.29, before
  0.17 / 0.27 / 0.28 and 0.29 / 0.22 / 0.23.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from process_timing import best

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpora" / "real" / "raw", ROOT / "corpora" / "raw"]

JIEBA = """
import sys, jieba
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        jieba.lcut(f.read())
"""


def build(folder: Path, docs: int) -> int:
    """Writes `docs` text documents into `folder` (see the module docstring); returns their characters."""
    originals = sorted((p for src in SOURCES for p in src.glob("*.txt")), key=lambda p: (p.parent.name, p.name))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    chars = 0
    for i in range(docs):
        k, j = divmod(i, len(originals))
        text = texts[j] + "\n" * k
        (folder / f"{i:05d}-{originals[j].stem}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, help="policykg extract --workers (default: its own, one a core)")
    ap.add_argument("--keep", type=Path, help="write the records here (default: a temporary folder)")
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        chars = build(folder, a.docs)
        files = sorted(str(p) for p in folder.iterdir())
        out = a.keep or Path(tmp) / "records"
        ours = [sys.executable, "-m", "pipeline", "extract", str(folder), "--out", str(out), "-q"]
        if a.workers:
            ours += ["--workers", str(a.workers)]
        t_jieba, c_jieba = best([sys.executable, "-c", JIEBA, *files], env, a.runs)
        t_ours, c_ours = best(ours, env, a.runs, ok=(0, 1))      # 1: an input failed, still a whole batch
        print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; {a.docs} documents, {chars:,} characters; "
              f"best of {a.runs} runs, whole processes")
        print(f"{'':18} {'wall s':>7} {'cpu s':>7} {'chars/s':>10}")
        print(f"{'jieba.lcut':18} {t_jieba:7.2f} {c_jieba:7.2f} {chars / t_jieba:10,.0f}")
        print(f"{'policykg extract':18} {t_ours:7.2f} {c_ours:7.2f} {chars / t_ours:10,.0f}")
        print(f"ratio policykg/jieba (chars/s): {t_jieba / t_ours:.2f}  (CPU time: {c_jieba / c_ours:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
