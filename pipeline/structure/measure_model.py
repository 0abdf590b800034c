"""The trained measure chooser (models/measure_choice/classifier.json) and where it overrules the rules.

A logistic model over an outline node's features: its label's kind, depth, items and siblings, what the
rule tests of measures.py say of it (framework, group, article, rules clause, units, support, amounts) and
the characters of its title. It never reads the rules' own choice, so on places the rules were not
written for it judges afresh. It only takes out a measure the rules chose, where it is sure (`margin` off
0.5) and the node's text gives no support, no amount and no units: a framework heading, a rules clause,
a background section the rules took for a measure. Trained by
models/measure_choice/train.py; the file is plain data, read here with no code run from disk.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache

from ..clean.script import make_view, view_text
from ..settings import MODELS
from ..types import Section, Structure
from . import measures as rules
from .lexicon import data, rx
from .tables import names_unit_table

MODEL_FILE = MODELS / "measure_choice" / "classifier.json"

# The feature settings; the model file records the ones it was trained with (checked on load).
SETTINGS = {"title_chars": 12, "ngram": 2}

_SPACE = re.compile(r"\s+")


def label_series(label: str) -> str:
    """The kind of an item's label (article, cn, bcn, ar …; models/structure/measures.json label_series)."""
    written = view_text(label).strip()
    for name, pattern in data("measures")["label_series"]["series"].items():
        if rx(pattern).search(written):
            return name
    return "other"


@dataclass
class _Outline:
    """What every node's features read of the document: its text's view and the outline's shape."""
    structure: Structure
    text: str
    children: dict[int | None, list[int]]
    fields: set[int]
    scope: set[int] | None
    unit_table: bool                        # the text holds a table with a column of units (责任单位)
    bodies: dict[tuple[int, int], str] = field(default_factory=dict)

    def body(self, s: Section) -> str:
        """A section's whole text in the view, read once (siblings' bodies are asked for every node)."""
        key = (s.start, s.end)
        if key not in self.bodies:
            self.bodies[key] = view_text(self.text[s.start:s.end])
        return self.bodies[key]


def _outline(structure: Structure, text: str) -> _Outline:
    sections = structure.sections
    children: dict[int | None, list[int]] = {}
    for i, sec in enumerate(sections):
        children.setdefault(sec.parent, []).append(i)
    fields = {i for kids in children.values() if rules.is_field_list([sections[k] for k in kids]) for i in kids}
    scope = rules._support_scope(sections) if structure.kind == "notice" else None
    return _Outline(structure, text, children, fields, scope, names_unit_table(make_view(text).text))


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def node_features(i: int, o: _Outline) -> dict[str, float]:
    """Features of outline node i: its kind and place, the rule tests' verdicts on it, its items' and
    siblings' content, the characters of its title."""
    st, text = o.structure, o.text
    secs = st.sections
    s = secs[i]
    kids = [secs[k] for k in o.children.get(i, [])]
    siblings = o.children.get(s.parent, [i])
    own = view_text(rules.own_text(s, secs, text))
    body = o.body(s)
    m = data("measures")
    amount = rules._AMOUNT
    support = rx(m["articles"]["support_pattern"])
    unit = rx(m["lead_unit_cues"]["body_pattern"])
    duty = rx(m["duty_assignment"]["pattern"])
    parent = secs[s.parent] if s.parent is not None else None
    article = rules.is_article(s)
    f: dict[str, float] = {
        "kind=" + st.kind: 1, "ser=" + label_series(s.label): 1,
        "pser=" + (label_series(parent.label) if parent else "root"): 1,
        "level": min(s.level, 5) / 5, "nkids": math.log1p(len(kids)), "haskids": float(bool(kids)),
        "nsib": math.log1p(len(siblings)),
        "sibpos": siblings.index(i) / (len(siblings) - 1) if len(siblings) > 1 else 0.0,
        "framework": float(rules.is_framework(s.title)), "group": float(rules.is_group(s.title)),
        "article": float(article), "measure_article": float(article and rules.is_measure_article(s, text)),
        "rules_clause": float(rules.is_rules_clause(s)), "purpose": float(rules._purpose_item(s, text)),
        "action": float(rules.is_action_item(s, text)), "policy_item": float(rules.is_policy_item(s, text)),
        "procedural": float(rules._procedural(s, text)), "carries": float(rules.carries_content(s, text)),
        "own_unit": float(rules._heads_own_unit(s, secs, text)),
        "closed_units": float(rules.closed_by_units(i, secs, text)),
        "inline": float(rules._inline_content(s, text)),
        "support_content": float(rules.is_support_content(s.title)),
        "field": float(i in o.fields), "scope": float(o.scope is not None and i in o.scope),
        "truncated": float(rules.measure_truncated(s, st, text)),
        "amount_own": float(bool(amount.search(own))), "amount_body": float(bool(amount.search(body))),
        "support_own": float(bool(support.search(own))), "support_body": float(bool(support.search(body))),
        "unit_own": float(bool(unit.search(own))), "unit_body": float(bool(unit.search(body))),
        "duty_own": float(bool(duty.search(own))),
        "unit_row": float(o.unit_table and not kids),
        "unit_duty": float(rules.gives_unit_duty(s, text)),
        "len_own": math.log1p(len(own)) / 8, "len_title": math.log1p(len(s.title)) / 6,
    }
    if kids:
        texts = [o.body(k) for k in kids]
        f.update({
            "kids_amount": _share([bool(amount.search(t)) for t in texts]),
            "kids_support": _share([bool(support.search(t)) for t in texts]),
            "kids_unit": _share([bool(unit.search(t)) for t in texts]),
            "kids_carry": _share([rules.carries_content(k, text) for k in kids]),
            "kids_sub": float(all(rules._is_subpoint(k) for k in kids)),
            "kids_parts": float(rules._parts_of_one_support(kids)),
            "introduces": float(rules._introduces_clauses(s, kids, secs, text)),
            "grants_std": float(rules._grants_by_standards(s, kids, secs, text)),
            "kids_framework": _share([rules.is_framework(k.title) for k in kids]),
            "kser=" + label_series(kids[0].label): 1,
        })
    f["sib_haskids"] = _share([k in o.children for k in siblings])
    f["sib_amount"] = _share([bool(amount.search(o.body(secs[k]))) for k in siblings])
    f["sib_framework"] = _share([rules.is_framework(secs[k].title) for k in siblings])
    if parent:
        f["par_framework"] = float(rules.is_framework(parent.title))
        f["par_group"] = float(rules.is_group(parent.title))
    title = _SPACE.sub("", view_text(s.title))[:SETTINGS["title_chars"]]
    for n in range(1, SETTINGS["ngram"] + 1):
        for a in range(len(title) - n + 1):
            f[f"t{n}={title[a:a + n]}"] = 1
    return f


def outline_features(structure: Structure, text: str) -> list[dict[str, float]]:
    """node_features of every section of the outline, in order."""
    o = _outline(structure, text)
    return [node_features(i, o) for i in range(len(structure.sections))]


@dataclass(frozen=True)
class MeasureChooser:
    """A logistic model of 'this node is a measure' and how sure it must be to overrule the rules."""
    name: str                              # id@version
    intercept: float
    weights: dict[str, float]
    margin: float                          # takes out a rule's measure where p <= 0.5 - margin
    max_nodes: int                         # the longest outline it reads
    kept_when: tuple[tuple[str, ...], ...]  # feature sets that keep a rule's measure
    adds_alone: float                      # where the rules chose nothing, takes the nodes at least this sure

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))

    def kept(self, features: dict[str, float]) -> bool:
        """True where the rules' choice stands whatever the model says: the node's text gives support, an
        amount or its units (one of `kept_when`'s feature sets all present)."""
        return any(all(features.get(k) for k in keys) for keys in self.kept_when)

    def overrule(self, chosen: dict[int, Section], structure: Structure, text: str) -> dict[int, Section]:
        """The rules' choice (section index -> section) without the measures the model is sure are none
        (probability at most 0.5 - margin) and that are not kept; an outline longer than any it was trained
        on (max_nodes) keeps the rules' choice. Where the rules chose nothing, the nodes the model gives at
        least `adds_alone` are the measures: an excerpt cut inside its first item, a policy in a layout the
        rules do not read."""
        if len(structure.sections) > self.max_nodes:
            return chosen
        o = _outline(structure, text)
        if not chosen:
            return {i: sec for i, sec in enumerate(structure.sections)
                    if not _framed(i, structure.sections)
                    and self.probability(node_features(i, o)) >= self.adds_alone}
        out = {}
        for i, sec in chosen.items():             # only the chosen nodes are judged
            f = node_features(i, o)
            if self.kept(f) or self.probability(f) > 0.5 - self.margin:
                out[i] = sec
        return out


def _framed(i: int, sections: list[Section]) -> bool:
    """True for a framework heading or an item under one (一、深刻认识…的重大意义 (一)…是…的必然要求): the rules
    read support or duties there and found none, so the model adds none of them."""
    k: int | None = i
    while k is not None:
        if rules.is_framework(sections[k].title):
            return True
        k = sections[k].parent
    return False


def chooser_from(spec: dict) -> MeasureChooser:
    """The chooser a model file describes; a file trained with other feature settings is refused."""
    if spec.get("settings") != SETTINGS:
        raise ValueError(f"{MODEL_FILE.name} was trained with feature settings {spec.get('settings')}, "
                         f"the code reads {SETTINGS}: run models/measure_choice/train.py")
    return MeasureChooser(f"{spec['id']}@{spec['version']}", float(spec["intercept"]),
                          {k: float(w) for k, w in spec["weights"].items()}, float(spec["margin"]),
                          int(spec["max_nodes"]), tuple(tuple(k) for k in spec["kept_when"]),
                          float(spec["adds_alone"]))


@cache
def measure_chooser() -> MeasureChooser:
    """The shipped chooser, loaded once."""
    return chooser_from(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
