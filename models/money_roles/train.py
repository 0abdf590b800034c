"""Train the money-role classifier (models/money_roles/classifier.json) on the annotated real documents.

    python models/money_roles/train.py [--check]

Examples: every amount the pipeline tags with its rules alone (pipeline.tagging.money.role_examples) in
the `dev` split of corpora/real (corpora/real/splits.json; the frozen `test` split is never read) and in
corpora/gold, matched to its gold entry as the scorer matches them (pipeline.evaluate.match_money);
label: the gold role. Features: pipeline.tagging.money_role_model.role_features. Model: scikit-learn's
multinomial logistic regression (deterministic: lbfgs, fixed data order, no sampling), written as plain
JSON (classes, intercepts, weights by feature, rounded). --check only reports whether the file is current
(its trained weights within rounding of the saved ones). Retrain after a change of the role rules, their
lexicons, the money tagger or the gold: the rules' decision is a feature. How it was measured and why it
is combined with the rules as it is: models/money_roles/README.md.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = HERE / "classifier.json"
ID = "money.role-classifier"
MAJOR = 1                   # bumped when the features or the way the model is combined change
C = 3.0                     # inverse L2 strength: chosen by grouped 5-fold CV on dev without the rule features
MIN_COUNT = 3               # a feature seen in fewer training amounts is left out (a smaller file, the same figures)
CLASS_WEIGHT = "balanced"  # each role weighs the same in the loss (statistic, target, other are rare)
DECIMALS = 3
MIN_PROBABILITY = 0.5       # the model overrules a rule only when its role has at least this probability
# Rules that decide on an explicit cue in the amount's own words (a bound word, 罚款, a per-unit base, an
# old standard raised 提高到, two-bound bands, an eligibility or condition phrase, a report verb 共发放, a
# paying-out verb or a noun right after it): never overruled. On the blind rounds h6–h27, scored
# untouched, those that fired were right 90–100% of the time but for the report verbs (0 of 4: the gold
# took the sums for budgets) and a single floor; the fallbacks (nearest cue of the clause or sentence,
# default, figure words, ranges, goal sentences) 16–87%. A price ceiling (最高限价) and a bound on a project's
# cost (总投资控制在…以内) name the condition in the amount's own sentence too (blind rounds h331, h334).
TRUSTED_RULES = (
    "money.other.per-unit-base", "money.other.fine-or-charge", "money.other.superseded", "money.threshold.band",
    "money.threshold.floor", "money.threshold.bounded-condition", "money.cap.bound",
    "money.cap.own-bound-in-list", "money.threshold.per-increment", "money.threshold.eligibility",
    "money.threshold.condition-clause", "money.statistic.report", "money.threshold.reached-range",
    "money.per-unit.noun-after", "money.per-unit.paid-out", "money.cue.noun-after", "money.grant.paid-out",
    "money.range.range", "money.threshold.price-limit", "money.threshold.bounded-investment",
)
# Rules that decide with no cue at all: the model's role is taken whatever its probability (on the blind
# rounds the default rule's `other` was right for 7 of 33 amounts).
FALLBACK_RULES = ("money.other.default",)


def documents() -> list[tuple[Path, Path]]:
    """(raw text, gold) of the dev split of corpora/real, then of corpora/gold, sorted by id."""
    from pipeline.model_files import training_documents
    return training_documents(ROOT)


def examples(docs: list[tuple[Path, Path]] | None = None) -> list[tuple[str, dict[str, float], str]]:
    """(document id, features, gold role) of every tagged amount matched to gold, document by document."""
    from pipeline.clean import clean
    from pipeline.evaluate import match_money
    from pipeline.sources import load
    from pipeline.structure import parse_structure
    from pipeline.tagging.money import role_examples
    from pipeline.tagging.flow import money_policy

    out = []
    for raw, gold_path in documents() if docs is None else docs:
        text = clean(load(str(raw))).text
        found = role_examples(text, policy=money_policy(parse_structure(text)))
        tagged = [dict(t, index=k) for k, (t, _) in enumerate(found)]
        gold = json.loads(gold_path.read_text(encoding="utf-8")).get("money", [])
        out += [(raw.stem, found[p["index"]][1], g["role"]) for g, p in match_money(gold, tagged)]
    return out


def train(X: list[dict[str, float]], y: list[str]) -> dict:
    """The model file's contents for these examples."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if seen[k] >= MIN_COUNT} for x in X]
    vec = DictVectorizer(sort=True)
    model = LogisticRegression(C=C, class_weight=CLASS_WEIGHT, max_iter=10000, tol=1e-8)
    model.fit(vec.fit_transform(X), y)
    classes = [str(c) for c in model.classes_]
    intercept = [round(float(b), DECIMALS) for b in model.intercept_]
    weights = {}
    for j, name in enumerate(vec.feature_names_):
        w = [round(float(model.coef_[i, j]), DECIMALS) for i in range(len(classes))]
        if any(w):
            weights[name] = w
    body = json.dumps([classes, intercept, weights], ensure_ascii=False, sort_keys=True)
    return {
        "_note": "Trained by models/money_roles/train.py (see there and README.md); plain data: a multinomial "
                 "logistic model over pipeline.tagging.money_role_model.role_features. It never overrules "
                 "trusted_rules, always overrules fallback_rules, and overrules any other rule where its own "
                 "role has at least min_probability.",
        "id": ID,
        "version": f"{MAJOR}.{hashlib.sha256(body.encode()).hexdigest()[:8]}",
        "settings": _settings(),
        "trusted_rules": sorted(TRUSTED_RULES),
        "fallback_rules": sorted(FALLBACK_RULES),
        "min_probability": MIN_PROBABILITY,
        "training": {"amounts": len(y), "roles": dict(sorted(Counter(y).items())), "C": C,
                     "min_count": MIN_COUNT, "features": len(weights)},
        "classes": classes,
        "intercept": intercept,
        "weights": weights,
    }


def _settings() -> dict:
    from pipeline.tagging.money_role_model import SETTINGS
    return dict(SETTINGS)


def build() -> dict:
    """Train on the corpora as they stand."""
    found = examples()
    spec = train([x for _, x, _ in found], [role for _, _, role in found])
    spec["training"]["documents"] = len(documents())
    return spec


def same_model(a: dict, b: dict, tolerance: float = 2 * 10 ** -DECIMALS) -> bool:
    """True where two model files agree: the same classes, features and settings, weights within rounding
    (a last digit may differ between machines' floating point)."""
    from pipeline.model_files import models_agree
    return models_agree(a, b, ("classes", "settings", "trusted_rules", "fallback_rules", "min_probability"), tolerance)


def main(argv: list[str]) -> int:
    from pipeline.model_files import train_command
    return train_command(argv, build, OUT, same_model, "models/money_roles/train.py",
                         lambda t: f"{t['amounts']} amounts of {t['documents']} documents, {t['features']} features")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
