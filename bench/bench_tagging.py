"""Tagging throughput (characters/second) of the spaCy pipeline beside plain jieba.lcut, in one run.

    .venv/bin/python bench/bench_tagging.py [--repeat 20]

Runs every corpus document through the full tagging pipeline (structure, agencies, money, measures,
replies) and through jieba.lcut, on the same texts, and prints both rates and their ratio.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import jieba

from pipeline.tagging.nlp import load_nlp

RAW = Path(__file__).resolve().parent.parent / "corpora" / "raw"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))] * args.repeat
    chars = sum(map(len, texts))
    nlp = load_nlp()
    nlp(texts[0])
    jieba.lcut(texts[0])

    t0 = time.perf_counter()
    for t in texts:
        nlp(t)
    tag_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    jieba_s = time.perf_counter() - t0
    print(f"texts {len(texts)}  characters {chars}")
    print(f"policykg tagging   {chars / tag_s:12,.0f} chars/s")
    print(f"jieba.lcut         {chars / jieba_s:12,.0f} chars/s")
    print(f"ratio tagging/jieba {jieba_s / tag_s:.2f}")


if __name__ == "__main__":
    main()
