"""How the trained money-role classifier generalises, beside the rules, on documents neither had seen.

    python bench/money_roles_blind.py [--keep DIR]

The blind rounds h6–h29 (corpora/real/manifests/hN.jsonl, all now in the dev split) were scored untouched
by the code of the round's start (corpora/real/README.md, blind table; ROUND_CODE below). Each round's
documents are extracted again with that code (`git archive` into a folder), so the amounts and the rules'
decisions are the ones scored untouched. The classifier (models/money_roles/train.py `train`) is then
trained
- leaving the round out: on every other dev document and corpora/gold, tagged by today's rules;
- forward: only on h1–h5, corpora/gold and the rounds before, tagged by today's rules;
- strictly forward: only on the documents before the round's code, tagged by that same code (its rules'
  decisions are the features), as a classifier shipped with that code would have been;
and each round is scored three ways: the rules as they stood, the classifier alone, and the combination
the pipeline ships (trusted rules stand, the fallback rule gives way, other rules give way where the
classifier is at least min_probability sure). Labels are today's gold: where the gold of earlier documents
was revised after a round was seen (h28: the 低保 standards of an earlier document became grants), the
forward figures can learn from the revision. Last, grouped (by document) 5-fold cross-validation over all
dev and corpora/gold amounts with today's rules, whose own figure there is inflated (they were written on
these documents). The frozen test split is never read. --keep DIR keeps the old code and its records there
and reuses them on the next run.
"""
from __future__ import annotations

import argparse
import bisect
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
DEV_CORPUS = ROOT / "corpora"
# The code each blind round was first scored with (corpora/real/README.md: "start").
ROUND_CODE = {**{f"h{n}": "588868c" for n in range(6, 16)}, **{f"h{n}": "2df99e8" for n in range(16, 24)},
              "h24": "6e9c666", **{f"h{n}": "6ba8652" for n in range(25, 28)}, "h28": "aee6c1d", "h29": "aee6c1d"}
POOLS = (6, 20, 25)


def _train_module():
    from pipeline.model_files import training_script
    return training_script(ROOT, "money_roles")


def rounds() -> dict[str, str]:
    """Round of every dev document of the manifests (h1…); a test document is never listed."""
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


class OldCode:
    """Records of documents as an older commit's code extracts them, kept under `base`."""

    def __init__(self, base: Path):
        self.base = base

    def records(self, commit: str, name: str, texts: list[Path]) -> Path:
        """<base>/<commit>-<name>/<id>.json for the given texts (extracted once)."""
        out = self.base / f"{commit}-{name}"
        if (out / "_done").exists():
            return out
        code = self.base / f"code-{commit}"
        if not code.exists():
            tar = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "pipeline", "models"],
                                 capture_output=True, check=True).stdout
            with tarfile.open(fileobj=BytesIO(tar)) as t:
                t.extractall(code, filter="data")
        raw = self.base / f"raw-{commit}-{name}"
        raw.mkdir(parents=True, exist_ok=True)
        for path in texts:
            shutil.copy(path, raw / path.name)
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(raw), "--out", str(out)], cwd=code,
                       env={**os.environ, "PYTHONPATH": str(code)}, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (out / "_done").touch()
        return out


def matched(record: dict, gold: dict) -> list[dict]:
    """The record's amounts matched to gold: features (the record's rule decision among them), gold role,
    the rules' role and rule."""
    view = make_view(record["text"])
    v = view.text.translate(HALF_WIDTH)
    policy = (record.get("kind") or "other") in ("measures", "notice")
    found = [e for e in record.get("entities") or [] if e["label"] == "MONEY"]
    out = []
    for g, p in match_money(gold.get("money", []), found):
        start, end = bisect.bisect_left(view.orig, p["start"]), bisect.bisect_left(view.orig, p["end"])
        x = role_features(v, start, end, p["amount"], p.get("amount_max") is not None, bool(p.get("approx")),
                          p["role"], p["rule"], policy)
        out.append({"x": x, "gold": g["role"], "role": p["role"], "rule": p["rule"]})
    return out


def _gold(doc: str) -> dict:
    return json.loads((REAL / "gold" / f"{doc}.json").read_text(encoding="utf-8"))


def blind_amounts(round_of: dict[str, str], old: OldCode) -> list[dict]:
    """Every amount of the blind rounds as the round's starting code tagged it, with its round."""
    out = []
    for r, commit in ROUND_CODE.items():
        docs = sorted(d for d, rr in round_of.items() if rr == r)
        records = old.records(commit, r, [REAL / "raw" / f"{d}.txt" for d in docs])
        for doc in docs:
            rec = json.loads((records / f"{doc}.json").read_text(encoding="utf-8"))
            out += [dict(a, doc=doc, round=r) for a in matched(rec, _gold(doc))]
    return out


def _combined(train_mod, X: list, y: list):
    """The classifier trained on (X, y), combined with the rules as the shipped one is."""
    shipped = role_classifier()
    spec = train_mod.train(X, y)
    spec.update(trusted_rules=sorted(shipped.trusted_rules), fallback_rules=sorted(shipped.fallback_rules),
                min_probability=shipped.min_probability)
    return classifier_from(spec)


def _scores(model, rows: list[dict]) -> dict[str, int]:
    s = {"n": len(rows), "rules": 0, "classifier": 0, "combination": 0}
    for r in rows:
        s["rules"] += r["role"] == r["gold"]
        s["classifier"] += model.predict(r["x"])[0] == r["gold"]
        s["combination"] += model.decide(r["x"], r["role"], r["rule"])[0] == r["gold"]
    return s


def held_out(train_mod, examples: list, blind: list[dict], round_of: dict[str, str], forward: bool) -> dict:
    """Scores per round of a classifier trained without the round (forward: without it and later ones)."""
    out = {}
    for r in sorted(ROUND_CODE, key=_number):
        keep = [(x, y) for doc, x, y in examples
                if round_of.get(doc) != r and (not forward or _number(round_of.get(doc, "h0")) < _number(r))]
        model = _combined(train_mod, [x for x, _ in keep], [y for _, y in keep])
        out[r] = _scores(model, [b for b in blind if b["round"] == r])
    return out


def strictly_forward(train_mod, blind: list[dict], round_of: dict[str, str], old: OldCode) -> dict:
    """Scores per round group of a classifier trained on the documents before the group, as the group's
    starting code tagged them."""
    out = {}
    for commit in dict.fromkeys(ROUND_CODE.values()):
        group = [r for r, c in ROUND_CODE.items() if c == commit]
        first = min(_number(r) for r in group)
        before = sorted(d for d, r in round_of.items() if _number(r) < first)
        dev_corpus = sorted((DEV_CORPUS / "gold").glob("*.json"))
        texts = [REAL / "raw" / f"{d}.txt" for d in before] + [DEV_CORPUS / "raw" / f"{g.stem}.txt" for g in dev_corpus]
        records = old.records(commit, f"before-h{first}", texts)
        rows = []
        for doc, gold in [(d, _gold(d)) for d in before] + \
                [(g.stem, json.loads(g.read_text(encoding="utf-8"))) for g in dev_corpus]:
            rows += matched(json.loads((records / f"{doc}.json").read_text(encoding="utf-8")), gold)
        model = _combined(train_mod, [r["x"] for r in rows], [r["gold"] for r in rows])
        out[f"{group[0]}–{group[-1]}" if len(group) > 1 else group[0]] = \
            _scores(model, [b for b in blind if b["round"] in group])
    return out


def cross_validation(train_mod, examples: list, context_only: bool = False, folds: int = 5) -> dict[str, int]:
    """Scores over grouped folds; `context_only`: the classifier without the rules' decision as features."""
    from sklearn.model_selection import GroupKFold

    def seen(x: dict) -> dict:
        return {k: v for k, v in x.items() if not k.startswith(("RR:", "RI:"))} if context_only else x

    def rule_of(x: dict, prefix: str) -> str:
        return next(k[3:] for k in x if k.startswith(prefix))

    total: dict[str, int] = defaultdict(int)
    for train_idx, test_idx in GroupKFold(folds).split(examples, groups=[doc for doc, _, _ in examples]):
        model = _combined(train_mod, [seen(examples[i][1]) for i in train_idx], [examples[i][2] for i in train_idx])
        rows = [{"x": seen(x), "gold": y, "role": rule_of(x, "RR:"), "rule": rule_of(x, "RI:")}
                for x, y in ((examples[i][1], examples[i][2]) for i in test_idx)]
        for k, n in _scores(model, rows).items():
            total[k] += n
    return dict(total)


def _pct(s: dict, key: str) -> str:
    return f"{s[key] / s['n']:.3f}" if s["n"] else "  –  "


def _line(name: str, s: dict) -> str:
    return f"{name:9s} {s['n']:7d} {_pct(s, 'rules'):>6s} {_pct(s, 'classifier'):>10s} {_pct(s, 'combination'):>11s}"


def report(title: str, per_round: dict, pools: bool = True) -> None:
    print(f"\n{title}\n{'round':9s} {'amounts':>7s} {'rules':>6s} {'classifier':>10s} {'combination':>11s}")
    for r, s in per_round.items():
        print(_line(r, s))
    for lo in POOLS if pools else (6,):
        pool: dict[str, int] = defaultdict(int)
        for r, s in per_round.items():
            if _number(r.split("–")[0]) >= lo:
                for k, n in s.items():
                    pool[k] += n
        print(_line(f"h{lo}+", pool))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the old code and its records here")
    args = parser.parse_args()
    old = OldCode(args.keep or Path(tempfile.mkdtemp(prefix="money-roles-blind-")))
    train_mod = _train_module()
    round_of = rounds()
    blind = blind_amounts(round_of, old)
    examples = train_mod.examples()
    report("leave one round out (trained on every other dev document and corpora/gold)",
           held_out(train_mod, examples, blind, round_of, forward=False))
    report("forward (trained on h1–h5, corpora/gold and the rounds before, tagged by today's rules)",
           held_out(train_mod, examples, blind, round_of, forward=True))
    report("strictly forward (trained on the documents before, tagged by the round's own starting code)",
           strictly_forward(train_mod, blind, round_of, old), pools=False)
    print("\ngrouped 5-fold CV over all dev and corpora/gold amounts (today's rules, which have seen them)")
    for title, context_only in (("with the rules' decision as features", False), ("context alone", True)):
        cv = cross_validation(train_mod, examples, context_only)
        print(f"{title}: {cv['n']} amounts, rules {_pct(cv, 'rules')}, classifier {_pct(cv, 'classifier')}, "
              f"combination {_pct(cv, 'combination')}")


if __name__ == "__main__":
    main()
