"""The trained money-role classifier (models/money_roles/classifier.json) and when it overrules the rules.

A linear model over the words around an amount (character n-grams of its sentence's left and right
context, its bound word, its magnitude, whether it opens a numbered item) and the rules' own decision
(role and rule id). It is trained by models/money_roles/train.py on the annotated real documents; the
file is plain data (classes, intercepts, weights by feature), read here with no code run from disk.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..settings import MODELS

MODEL_FILE = MODELS / "money_roles" / "classifier.json"

# The feature settings; the model file records the ones it was trained with (checked on load).
SETTINGS = {"left": 30, "right": 20, "near": 8, "ngram": 3, "window": 120}

_SENTENCE_END = re.compile(r"[。！？!?；;]")
_SPACE = re.compile(r"[^\S\n]+")
_BREAKS = re.compile(r"\n+")
_ITEM = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|第[一二三四五六七八九十百\d]+条)")
_NUMBER = re.compile(r"[\d.,一二三四五六七八九十百千万亿两零〇]+")


def _squeeze(s: str) -> str:
    """White space out, a run of line breaks kept as one ¶ (a line start is a cue)."""
    return _BREAKS.sub("¶", _SPACE.sub("", s))


def _ngrams(prefix: str, s: str, n: int) -> list[str]:
    """prefix + every substring of `s` of 1 to n characters."""
    return [prefix + s[i:i + k] for k in range(1, n + 1) for i in range(len(s) - k + 1)]


def role_features(v: str, start: int, end: int, value: float, is_range: bool, approx: bool,
                  role: str, rule: str, policy: bool) -> dict[str, float]:
    """Features of the amount at view[start:end] (the view text the rules read), with the rules' decision:
    each feature's count."""
    S = SETTINGS
    lo = max(0, start - S["window"])
    left = _squeeze(v[lo:start])
    stop = None
    for stop in _SENTENCE_END.finditer(left):
        pass
    left = (left[stop.end():] if stop else left)[-S["left"]:]
    right = _squeeze(v[end:end + S["window"]])
    stop = _SENTENCE_END.search(right)
    right = (right[:stop.start()] if stop else right)[:S["right"]]
    nl = v.rfind("\n", lo, start)                # bounded: a text without line breaks stays linear
    line = _squeeze(v[nl + 1:start] if nl >= 0 else v[:start] if lo == 0 else "").lstrip("¶")
    written = _squeeze(v[start:end])
    number = _NUMBER.search(written)

    n, near = S["ngram"], S["near"]
    keys = _ngrams("L:", left, n) + _ngrams("R:", right, n) + _ngrams("LN:", left[-near:], n) \
        + _ngrams("RN:", right[:near], n)
    keys += ["RP:" + right[:k] for k in range(1, min(4, len(right)) + 1)]
    keys += ["LP:" + left[-k:] for k in range(1, min(4, len(left)) + 1)]
    keys.append("BP:" + (written[:number.start()] if number else written))
    keys += [g for g in _ngrams("E:", written, 2) if not g[2].isdigit()]
    keys.append("MAG:%d" % (int(math.log10(value)) if value and value > 0 else -1))
    keys += ["RANGE"] * is_range + ["APPROX"] * bool(approx) + ["ITEM"] * bool(_ITEM.match(line)) \
        + ["LEFT0"] * (not left)
    keys += [f"POL:{bool(policy)}", f"RR:{role}", f"RI:{rule}"]
    return {k: float(c) for k, c in Counter(keys).items()}


@dataclass(frozen=True)
class RoleClassifier:
    """A multinomial logistic model and the terms on which it overrules a rule."""
    name: str                               # what `rule` says where it decided: id@version
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    trusted_rules: frozenset[str]           # rules that decide on an explicit cue: never overruled
    fallback_rules: frozenset[str]          # rules that decide with no cue at all: always the model's say
    min_probability: float

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        get = self.weights.get
        rows = [self.intercept]
        for key, count in features.items():        # counts are whole numbers (role_features)
            w = get(key)
            if w:
                rows += [w] * int(count)
        scores = [sum(column) for column in zip(*rows)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp)}

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """(role, probability) the model gives the amount."""
        p = self.probabilities(features)
        best = max(self.classes, key=lambda c: (p[c], c))
        return best, p[best]

    def decide(self, features: dict[str, float], role: str, rule: str) -> tuple[str, str]:
        """(role, rule): a trusted rule's decision stands; a fallback rule's gives way to the model's role;
        any other rule's gives way where the model, at least `min_probability` sure, gives another role.
        Where the model's role is taken, the model names itself."""
        if rule in self.trusted_rules:
            return role, rule
        best, p = self.predict(features)
        if best == role or (p < self.min_probability and rule not in self.fallback_rules):
            return role, rule
        return best, self.name


def classifier_from(spec: dict) -> RoleClassifier:
    """The classifier a model file describes; a file trained with other feature settings is refused."""
    if spec.get("settings") != SETTINGS:
        raise ValueError(f"{MODEL_FILE.name} was trained with feature settings {spec.get('settings')}, "
                         f"the code reads {SETTINGS}: run models/money_roles/train.py")
    classes = tuple(spec["classes"])
    weights = {k: tuple(w) for k, w in spec["weights"].items()}
    if len(spec["intercept"]) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
        raise ValueError(f"{MODEL_FILE.name}: weights do not match its {len(classes)} classes")
    return RoleClassifier(f"{spec['id']}@{spec['version']}", classes, tuple(spec["intercept"]), weights,
                          frozenset(spec["trusted_rules"]), frozenset(spec["fallback_rules"]),
                          float(spec["min_probability"]))


@cache
def role_classifier() -> RoleClassifier:
    """The shipped classifier, loaded once."""
    return classifier_from(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
