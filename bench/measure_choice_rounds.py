"""How the measure chooser does on blind rounds it was not trained on: the dev split's rounds h57 on, in
blocks, each scored with the rules alone and with a chooser trained on every other dev document.

    python bench/measure_choice_rounds.py [--block N]

F1 over outline nodes against gold (gold measures the outline never reaches count as missed). The rules
were written with these rounds in hand, so the rules' column is in-sample and reads high; the chooser's
is out of sample. models/measure_choice/README.md gives the strictly forward figures (the code of each
round's time).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _train_module():
    from pipeline.model_files import training_script
    return training_script(ROOT, "measure_choice")


def _rounds() -> dict[str, int]:
    """Document id -> blind round number (manifests hN.jsonl)."""
    out = {}
    for path in (ROOT / "corpora" / "real" / "manifests").glob("h*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out[json.loads(line)["id"]] = int(path.stem[1:])
    return out


def _documents(train):
    """(id, structure, text, rules' choice, features, gold nodes, gold count, weight) of every training
    document."""
    from pipeline.clean import clean
    from pipeline.sources import load
    from pipeline.structure import parse_structure
    from pipeline.structure.measure_model import outline_features
    from pipeline.structure.measures import rule_choice
    from pipeline.tagging.flow import without_surrogates

    out = []
    for raw, gold_path in train.documents():
        text = without_surrogates(clean(load(str(raw))).text)
        st = parse_structure(text)
        gold = json.loads(gold_path.read_text(encoding="utf-8")).get("measures") or []
        chosen = rule_choice(st, text) if st.kind != "reply" else {}
        weight = 1.0 if raw.parent.parent.name == "real" else train.DEV_CORPUS_WEIGHT
        out.append((raw.stem, st, text, chosen, outline_features(st, text), train.gold_nodes(st.sections, gold),
                    len(gold), weight))
    return out


def _f1(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{2 * p * r / (p + r) if p + r else 0:.3f} (tp {tp} fp {fp} fn {fn})"


def main(argv: list[str]) -> int:
    from pipeline.structure.measure_model import chooser_from

    ap = argparse.ArgumentParser()
    ap.add_argument("--block", type=int, default=8, help="rounds held out together")
    args = ap.parse_args(argv)
    train = _train_module()
    rounds = _rounds()
    docs = _documents(train)
    held = sorted({r for r in rounds.values() if r >= 57})
    print(f"{'rounds':10s} {'gold':>5s}  {'rules alone':26s} chooser (trained without them)")
    total = {"rules": [0, 0, 0], "chooser": [0, 0, 0]}
    for k in range(0, len(held), args.block):
        block = set(held[k:k + args.block])
        train_docs = [d for d in docs if rounds.get(d[0]) not in block]
        X = [f for d in train_docs for f in d[4]]
        y = [int(i in d[5]) for d in train_docs for i in range(len(d[4]))]
        w = [d[7] for d in train_docs for _ in d[4]]
        chooser = chooser_from(train.train(X, y, w))
        counts = {"rules": [0, 0, 0], "chooser": [0, 0, 0]}
        gold_n = 0
        for _, st, text, chosen, _, gold, n, _ in (d for d in docs if rounds.get(d[0]) in block):
            gold_n += n
            for key, picked in (("rules", set(chosen)), ("chooser", set(chooser.overrule(chosen, st, text)))):
                tp = len(picked & gold)
                for total_or_block in (counts[key], total[key]):
                    total_or_block[0] += tp
                    total_or_block[1] += len(picked) - tp
                    total_or_block[2] += n - tp
        label = f"h{min(block)}-h{max(block)}"
        print(f"{label:10s} {gold_n:5d}  {_f1(*counts['rules']):26s} {_f1(*counts['chooser'])}")
    print(f"{'all':10s} {'':5s}  {_f1(*total['rules']):26s} {_f1(*total['chooser'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
