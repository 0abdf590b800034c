"""Chooses the annotated documents of corpora/real and freezes the test split (run once, seed 20261203).

Per kind, documents that carry money or responsible units come first, then the rest, each group
shuffled; they are dealt alternately to test and dev until each kind has its quota. Copies of one
document (same notice in another script) go to the same split. Writes splits.json.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUOTA = {"reply": 24, "measures": 26, "notice": 22}
COPIES = [("shenyang-2025-measures-wenzengzhang", "shenyang-2025-measures-wenzengzhang-trad"),
          ("guowuyuan-2004-notice-harbin-quhua", "guowuyuan-2004-notice-harbin-quhua-trad"),
          ("miit-2018-notice-wenzengzhang-shenbao", "miit-2018-notice-wenzengzhang-digits-dropped")]


def main() -> None:
    rows = [json.loads(line) for f in sorted((HERE / "manifests").glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    twin = {a: b for a, b in COPIES} | {b: a for a, b in COPIES}
    rng = random.Random(20261203)
    test, dev = [], []
    for kind, quota in QUOTA.items():
        docs = [r for r in rows if r["kind"] == kind and r["id"] not in {b for _, b in COPIES}]
        rich = [r["id"] for r in docs if r["has_money"] or r["has_responsible_units"]]
        plain = [r["id"] for r in docs if r["id"] not in rich]
        rng.shuffle(rich)
        rng.shuffle(plain)
        for k, doc in enumerate((rich + plain)[:quota]):
            side = test if k % 2 == 0 else dev
            side.append(doc)
            if doc in twin:
                side.append(twin[doc])
    out = {"_note": "test: the frozen test split, annotated before the pipeline ever ran on it; never used "
                    "to write or fix a rule and left out of the coverage report. dev: annotated real "
                    "documents rules may be fixed against. Chosen by select_split.py (seed 20261203).",
           "test": sorted(test), "dev": sorted(dev)}
    (HERE / "splits.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(test), "test,", len(dev), "dev")


if __name__ == "__main__":
    main()
