"""Scores records against gold annotations (../shared/eval/gold-format.md) with the project's metrics.

The same comparisons the project's dev-set scorer makes: money matched one-to-one on amount and
currency, caps among role=cap, rates as a multiset of values, agencies as distinct mention strings,
canonical names pairwise within a document, measures by label and similar title, responsible units
by a jurisdiction-free key, meta fields exactly (title by similarity), proposals field by field.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

from .batch import INPUT_SUFFIXES, load_records

_OPEN, _CLOSE = "〔［[(（【", "〕］])）】"


def norm(s) -> str | None:
    """NFKC, no white space, one bracket style."""
    if s is None:
        return None
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(s)))
    return s.translate(str.maketrans(_OPEN, "〔" * len(_OPEN))).translate(
        str.maketrans(_CLOSE, "〕" * len(_CLOSE)))


def agency_key(name: str) -> str:
    """The function part of an agency name (jurisdiction prefix dropped) for loose comparison."""
    s = (norm(name) or "").replace("和", "").replace("的", "")
    m = re.match(r"^(.{1,8}?(?:省|市|区|县|州|盟|旗))(.+(?:局|委|办|厅|委员会|办公室|管委会|政府))$", s)
    return m.group(2) if m else s


def similar(a, b) -> bool:
    a, b = norm(a) or "", norm(b) or ""
    return bool(a) and SequenceMatcher(None, a, b).ratio() >= 0.9


def same_heading(a, b) -> bool:
    """Measure titles match when similar, or when one is the other cut at a clause (>= 6 chars)."""
    if similar(a, b):
        return True
    short, long_ = sorted((norm(a) or "", norm(b) or ""), key=len)
    return len(short) >= 6 and long_.startswith(short)


class PRF:
    """Counts of true/false positives and false negatives, with precision, recall and F1."""

    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def figures(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _same_amount(a, b) -> bool:
    if a is None or b is None:
        return False
    a, b = float(a), float(b)
    return abs(a - b) <= max(1.0, 0.005 * max(abs(a), abs(b)))


def match_money(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one pairs on (amount, currency, amount_max)."""
    used, pairs = set(), []
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or (p.get("currency") or "CNY") != (g.get("currency") or "CNY"):
                continue
            if not _same_amount(p.get("amount"), g.get("amount")):
                continue
            if g.get("amount_max") is not None and not _same_amount(p.get("amount_max"), g["amount_max"]):
                continue
            used.add(i)
            pairs.append((g, p))
            break
    return pairs


def _multiset(gold: list, pred: list) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def score(golds: list[dict], preds: dict[str, dict], errors: dict | None = None) -> dict:
    """Figures for gold dicts against record dicts keyed by document id; `errors`, where given,
    receives what each document missed or added, field by field."""
    S = {k: PRF() for k in ("money", "cap", "rate", "agency", "measure", "responsible", "response")}
    role_ok = role_n = prop_ok = prop_n = 0
    meta_ok, meta_n, confusion = Counter(), Counter(), Counter()
    clusters: dict[tuple, tuple[str, str]] = {}
    for gold in golds:
        pred = preds.get(gold["id"], {})
        ents = pred.get("entities") or []
        money = [e for e in ents if e.get("label") == "MONEY"]
        pairs = match_money(gold.get("money", []), money)
        S["money"].add(len(pairs), len(money) - len(pairs), len(gold.get("money", [])) - len(pairs))
        err = {} if errors is None else errors.setdefault(gold["id"], {})
        for g, p in pairs:
            role_n += 1
            role_ok += p.get("role") == g["role"]
            if p.get("role") != g["role"]:
                confusion[f"{g['role']}->{p.get('role')}"] += 1
                err.setdefault("role", []).append(f"{g['text']}: {g['role']} -> {p.get('role')}")
        _note(err, "money_missed", [g["text"] for g in gold.get("money", []) if all(g is not x for x, _ in pairs)])
        _note(err, "money_extra", [p.get("text") for p in money if all(p is not y for _, y in pairs)])
        gcaps = [g for g in gold.get("money", []) if g["role"] == "cap"]
        pcaps = [p for p in money if p.get("role") == "cap"]
        cp = match_money(gcaps, pcaps)
        S["cap"].add(len(cp), len(pcaps) - len(cp), len(gcaps) - len(cp))
        S["rate"].add(*_multiset([round(float(r["value"]), 4) for r in gold.get("rates", [])],
                                 [round(float(e["value"]), 4) for e in ents
                                  if e.get("label") == "RATE" and e.get("value") is not None]))
        ga = {norm(a["text"]) for a in gold.get("agencies", [])}
        pa = {norm(e.get("text")) for e in ents if e.get("label") == "AGENCY"}
        S["agency"].add(len(ga & pa), len(pa - ga), len(ga - pa))
        _note(err, "agency_missed", sorted(ga - pa))
        _note(err, "agency_extra", sorted(pa - ga))
        canon = {}
        for e in ents:
            if e.get("label") == "AGENCY" and e.get("canonical"):
                canon.setdefault(norm(e["text"]), norm(e["canonical"]))
        for a in gold.get("agencies", []):
            if a.get("canonical") and norm(a["text"]) in canon:
                clusters[(gold["id"], norm(a["text"]))] = (norm(a["canonical"]), canon[norm(a["text"])])
        _score_measures(gold, pred, S, err)
        gm, pm = gold.get("meta") or {}, pred.get("meta") or {}
        for f in ("doc_number", "title", "doc_type", "issuer", "date"):
            if gm.get(f) is not None:
                meta_n[f] += 1
                ok = similar(pm.get(f), gm[f]) if f == "title" else norm(pm.get(f)) == norm(gm[f])
                meta_ok[f] += ok
                if not ok:
                    err.setdefault("meta", {})[f] = [gm[f], pm.get(f)]
        gp = gold.get("proposal")
        if gp:
            pp = pred.get("proposal") or {}
            for f in ("number", "session", "title"):
                prop_n += 1
                ok = similar(pp.get(f), gp[f]) if f == "title" else norm(pp.get(f)) == norm(gp[f])
                prop_ok += ok
                if not ok:
                    err.setdefault("proposal", {})[f] = [gp[f], pp.get(f)]
            prop_n += 1
            ok = sorted(map(norm, pp.get("proposers") or [])) == sorted(map(norm, gp["proposers"]))
            prop_ok += ok
            if not ok:
                err.setdefault("proposal", {})["proposers"] = [gp["proposers"], pp.get("proposers")]
        gres = [(norm(r["label"]), norm(r["status"])) for r in gold.get("responses", [])]
        pres = [(norm(r.get("label")), norm(r.get("status"))) for r in pred.get("responses") or []]
        S["response"].add(*_multiset(gres, pres))
        if Counter(gres) != Counter(pres):
            err["responses"] = [gres, pres]
    out = {k: v.figures() for k, v in S.items()}
    out["agency_canonical_pairs"] = _pairwise(clusters)
    out["money_role_accuracy"] = round(role_ok / role_n, 4) if role_n else None
    out["role_confusion"] = dict(confusion)
    out["meta_accuracy"] = {f: round(meta_ok[f] / meta_n[f], 4) for f in meta_n}
    out["proposal_accuracy"] = round(prop_ok / prop_n, 4) if prop_n else None
    out["documents"] = len(golds)
    return out


def _score_measures(gold: dict, pred: dict, S: dict, err: dict) -> None:
    pmeas, used = pred.get("measures") or [], set()
    for g in gold.get("measures", []):
        hit = next((i for i, p in enumerate(pmeas) if i not in used and norm(p.get("label")) == norm(g["label"])
                    and same_heading(p.get("title"), g["title"])), None)
        if hit is None:
            S["measure"].add(0, 0, 1)
            err.setdefault("measure_missed", []).append(f"{g['label']} {g['title']}")
            if not g.get("truncated"):
                S["responsible"].add(0, 0, len(g.get("responsible", [])))
            continue
        used.add(hit)
        S["measure"].add(1, 0, 0)
        if not g.get("truncated"):
            gk = [agency_key(x) for x in g.get("responsible", [])]
            pk = [agency_key(x) for x in pmeas[hit].get("responsible") or []]
            S["responsible"].add(*_multiset(gk, pk))
            if Counter(gk) != Counter(pk):
                err.setdefault("responsible", []).append(
                    f"{g['label']}: gold {g.get('responsible')} got {pmeas[hit].get('responsible')}")
    S["measure"].add(0, len(pmeas) - len(used), 0)
    _note(err, "measure_extra", [f"{p.get('label')} {p.get('title')}" for i, p in enumerate(pmeas) if i not in used])


def _note(err: dict, key: str, items: list) -> None:
    if items:
        err[key] = items


def _pairwise(clusters: dict) -> dict:
    keys, prf = sorted(clusters), PRF()
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            g = clusters[keys[i]][0] == clusters[keys[j]][0]
            p = clusters[keys[i]][1] == clusters[keys[j]][1]
            prf.add(int(g and p), int(p and not g), int(g and not p))
    return prf.figures()


def split_ids(gold_dir: str | Path, split: str) -> set[str]:
    """The document ids of a split named in splits.json beside the gold folder (corpora/real)."""
    path = Path(gold_dir).parent / "splits.json"
    if not path.exists():
        raise FileNotFoundError(f"no splits.json beside {gold_dir}")
    splits = json.loads(path.read_text(encoding="utf-8"))
    if split not in splits or split.startswith("_"):
        raise KeyError(f"no split {split!r} in {path} (there are: {', '.join(k for k in splits if not k.startswith('_'))})")
    return set(splits[split])


def score_dirs(gold_dir: str | Path, pred_dir: str | Path, errors: dict | None = None,
               only: set[str] | None = None) -> dict:
    """Figures for a folder of gold files (those of `only`, where given) against a folder of records."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.json"))
             if only is None or p.stem in only]
    preds = {k: r.to_dict() for k, r in load_records(pred_dir).items()}
    return score(golds, preds, errors)


def find_documents(gold_dir: str | Path, raw_dir: str | Path | None = None,
                   only: set[str] | None = None) -> list[Path]:
    """The document file of each gold <id>.json (of `only`, where given): in `raw_dir`, beside the
    gold, or in ../raw."""
    gold_dir = Path(gold_dir)
    places = [Path(raw_dir)] if raw_dir else [gold_dir, gold_dir.parent / "raw"]
    docs = []
    for g in sorted(gold_dir.glob("*.json")):
        if only is not None and g.stem not in only:
            continue
        for place in places:
            hits = [p for p in sorted(place.glob(g.stem + ".*")) if p.suffix.lower() in INPUT_SUFFIXES]
            if hits:
                docs.append(hits[0])
                break
    return docs


def format_scores(out: dict) -> str:
    """The figures as a table for people."""
    lines = [f"documents {out['documents']}"]
    for k in ("money", "cap", "rate", "agency", "agency_canonical_pairs", "measure", "responsible", "response"):
        f = out[k]
        lines.append(f"{k:24s} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}   "
                     f"(tp {f['tp']} fp {f['fp']} fn {f['fn']})")
    lines.append(f"{'money role accuracy':24s} {out['money_role_accuracy']}")
    lines.append(f"{'meta accuracy':24s} {json.dumps(out['meta_accuracy'], ensure_ascii=False)}")
    lines.append(f"{'proposal accuracy':24s} {out['proposal_accuracy']}")
    if out["role_confusion"]:
        lines.append(f"{'role confusion':24s} {json.dumps(out['role_confusion'])}")
    for doc, err in (out.get("errors") or {}).items():
        lines.append(f"\n{doc}")
        lines += [f"  {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in err.items()]
    return "\n".join(lines)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_error_rate(expected: str, text: str) -> float:
    """Edit distance over the expected length, white space removed and NFKC-folded (full- and half-width alike)."""
    fold = lambda t: re.sub(r"\s+", "", unicodedata.normalize("NFKC", t))  # noqa: E731
    e, t = fold(expected), fold(text)
    return edit_distance(e, t) / max(len(e), 1)
