"""How the trained money-role classifier generalises, beside the rules, on documents neither had seen.

    python bench/money_roles_blind.py [--keep DIR]

The blind rounds h6–h27 (corpora/real/manifests/hN.jsonl, all now in the dev split) were scored untouched
by the rules of the round's starting commit (corpora/real/README.md, blind table; ROUND_CODE below). For
each round the round's documents are extracted again with that commit's code (`git archive` into a
temporary folder), so the amounts and the rules' decisions are the ones scored untouched. Then:
- leave one round out: the classifier (models/money_roles/train.py `train`) is trained on every other
  dev document and corpora/gold, and tested on the round;
- forward: trained only on what came before the round (h1–h5, corpora/gold and earlier rounds), as the
  rules stood then.
Per round: amounts matched to gold, the rules' untouched role accuracy, the classifier alone, and the
combination the pipeline ships (the classifier overrules a rule outside trusted_rules where it is at least
min_probability sure); then pooled over h6+, h20+ and h25+. Last, grouped (by document) 5-fold
cross-validation over all dev and corpora/gold amounts with today's rules, whose own figure there is
inflated (they were written on these documents). The frozen test split is never read. --keep DIR keeps
the old commits' records there and reuses them on the next run.
"""
from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.clean.script import make_view  # noqa: E402
from pipeline.evaluate import match_money  # noqa: E402
from pipeline.numerals import HALF_WIDTH  # noqa: E402
from pipeline.tagging.money_role_model import classifier_from, role_classifier, role_features  # noqa: E402

REAL = ROOT / "corpora" / "real"
# The code each blind round was first scored with (corpora/real/README.md: "start").
ROUND_CODE = {**{f"h{n}": "588868c" for n in range(6, 16)}, **{f"h{n}": "2df99e8" for n in range(16, 24)},
              "h24": "6e9c666", "h25": "6ba8652", "h26": "6ba8652", "h27": "6ba8652"}
POOLS = (6, 20, 25)


def _train_module():
    spec = importlib.util.spec_from_file_location("money_roles_train", ROOT / "models" / "money_roles" / "train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rounds() -> dict[str, str]:
    """Round of every dev document of the manifests (h1…h27); a test document is never listed."""
    splits = json.loads((REAL / "splits.json").read_text(encoding="utf-8"))
    dev, test = set(splits["dev"]), set(splits["test"])
    out = {}
    for path in sorted((REAL / "manifests").glob("h*.jsonl")):
        for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
            doc = json.loads(line)["id"]
            if doc in dev and doc not in test:
                out[doc] = path.stem
    return out


def _number(round_name: str) -> int:
    return int(round_name[1:]) if round_name.startswith("h") else 0


def old_records(round_of: dict[str, str], keep: Path | None) -> Path:
    """Records of each blind round's documents by the round's starting code: <dir>/<round>/<id>.json."""
    base = keep or Path(tempfile.mkdtemp(prefix="money-roles-blind-"))
    for commit in sorted(set(ROUND_CODE.values())):
        todo = [r for r, c in ROUND_CODE.items() if c == commit and not (base / r / "_done").exists()]
        if not todo:
            continue
        code = base / f"code-{commit}"
        if not code.exists():
            tar = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "pipeline", "models"],
                                 capture_output=True, check=True).stdout
            with tarfile.open(fileobj=BytesIO(tar)) as t:
                t.extractall(code, filter="data")
        for r in todo:
            docs = base / "raw" / r
            docs.mkdir(parents=True, exist_ok=True)
            for doc in (d for d, rr in round_of.items() if rr == r):
                shutil.copy(REAL / "raw" / f"{doc}.txt", docs / f"{doc}.txt")
            subprocess.run([sys.executable, "-m", "pipeline", "extract", str(docs), "--out", str(base / r)],
                           cwd=code, env={**os.environ, "PYTHONPATH": str(code)}, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            (base / r / "_done").touch()
    return base


def blind_amounts(round_of: dict[str, str], records: Path) -> list[dict]:
    """Every amount of the blind rounds matched to gold: its features (the untouched rules' decision
    among them), its gold role and the rules' role."""
    out = []
    for doc, r in sorted(round_of.items()):
        if r not in ROUND_CODE:
            continue
        rec = json.loads((records / r / f"{doc}.json").read_text(encoding="utf-8"))
        gold = json.loads((REAL / "gold" / f"{doc}.json").read_text(encoding="utf-8"))
        view = make_view(rec["text"])
        v = view.text.translate(HALF_WIDTH)
        policy = (rec.get("kind") or "other") in ("measures", "notice")
        found = [e for e in rec.get("entities") or [] if e["label"] == "MONEY"]
        for g, p in match_money(gold.get("money", []), found):
            start, end = bisect.bisect_left(view.orig, p["start"]), bisect.bisect_left(view.orig, p["end"])
            x = role_features(v, start, end, p["amount"], p.get("amount_max") is not None, bool(p.get("approx")),
                              p["role"], p["rule"], policy)
            out.append({"doc": doc, "round": r, "x": x, "gold": g["role"], "role": p["role"], "rule": p["rule"]})
    return out


def _scores(model, rows: list[dict]) -> dict[str, int]:
    s = {"n": len(rows), "rules": 0, "classifier": 0, "combination": 0}
    for r in rows:
        s["rules"] += r["role"] == r["gold"]
        s["classifier"] += model.predict(r["x"])[0] == r["gold"]
        s["combination"] += model.decide(r["x"], r["role"], r["rule"])[0] == r["gold"]
    return s


def held_out(train_mod, examples: list, blind: list[dict], round_of: dict[str, str], forward: bool) -> dict:
    """Scores per round of a classifier trained without the round (forward: without it and later ones)."""
    shipped = role_classifier()
    out = {}
    for r in sorted(ROUND_CODE, key=_number):
        test = [b for b in blind if b["round"] == r]
        keep = [(x, y) for doc, x, y in examples
                if round_of.get(doc) != r and (not forward or _number(round_of.get(doc, "h0")) < _number(r))]
        spec = train_mod.train([x for x, _ in keep], [y for _, y in keep])
        spec.update(trusted_rules=sorted(shipped.trusted_rules), fallback_rules=sorted(shipped.fallback_rules),
                    min_probability=shipped.min_probability)
        out[r] = _scores(classifier_from(spec), test)
    return out


def cross_validation(train_mod, examples: list, context_only: bool = False, folds: int = 5) -> dict[str, int]:
    """Scores over grouped folds; `context_only`: the classifier without the rules' decision as features."""
    from sklearn.model_selection import GroupKFold
    shipped = role_classifier()
    docs = [doc for doc, _, _ in examples]
    total = defaultdict(int)

    def seen(x: dict) -> dict:
        return {k: v for k, v in x.items() if not k.startswith(("RR:", "RI:"))} if context_only else x

    for train_idx, test_idx in GroupKFold(folds).split(examples, groups=docs):
        spec = train_mod.train([seen(examples[i][1]) for i in train_idx], [examples[i][2] for i in train_idx])
        spec.update(trusted_rules=sorted(shipped.trusted_rules), fallback_rules=sorted(shipped.fallback_rules),
                    min_probability=shipped.min_probability)
        rows = [{"x": seen(examples[i][1]), "gold": examples[i][2], "role": _rule_role(examples[i][1]),
                 "rule": _rule_id(examples[i][1])} for i in test_idx]
        for k, n in _scores(classifier_from(spec), rows).items():
            total[k] += n
    return dict(total)


def _rule_role(x: dict) -> str:
    return next(k[3:] for k in x if k.startswith("RR:"))


def _rule_id(x: dict) -> str:
    return next(k[3:] for k in x if k.startswith("RI:"))


def _pct(s: dict, key: str) -> str:
    return f"{s[key] / s['n']:.3f}" if s["n"] else "  –  "


def report(title: str, per_round: dict) -> None:
    print(f"\n{title}\n{'round':8s} {'amounts':>7s} {'rules':>6s} {'classifier':>10s} {'combination':>11s}")
    for r, s in per_round.items():
        print(f"{r:8s} {s['n']:7d} {_pct(s, 'rules'):>6s} {_pct(s, 'classifier'):>10s} {_pct(s, 'combination'):>11s}")
    for lo in POOLS:
        pool = defaultdict(int)
        for r, s in per_round.items():
            if _number(r) >= lo:
                for k, n in s.items():
                    pool[k] += n
        print(f"{'h' + str(lo) + '+':8s} {pool['n']:7d} {_pct(pool, 'rules'):>6s} {_pct(pool, 'classifier'):>10s} "
              f"{_pct(pool, 'combination'):>11s}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the old commits' records here")
    args = parser.parse_args()
    train_mod = _train_module()
    round_of = rounds()
    blind = blind_amounts(round_of, old_records(round_of, args.keep))
    examples = train_mod.examples()
    report("leave one round out (trained on every other dev document and corpora/gold)",
           held_out(train_mod, examples, blind, round_of, forward=False))
    report("forward (trained on h1–h5, corpora/gold and the rounds before)",
           held_out(train_mod, examples, blind, round_of, forward=True))
    print(f"\ngrouped 5-fold CV over all dev and corpora/gold amounts (today's rules, which have seen them)")
    for title, context_only in (("with the rules' decision as features", False), ("context alone", True)):
        cv = cross_validation(train_mod, examples, context_only)
        print(f"{title}: {cv['n']} amounts, rules {_pct(cv, 'rules')}, classifier {_pct(cv, 'classifier')}, "
              f"combination {_pct(cv, 'combination')}")


if __name__ == "__main__":
    main()
