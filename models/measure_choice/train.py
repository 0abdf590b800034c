"""Train the measure chooser (models/measure_choice/classifier.json) on the annotated real documents.

    python models/measure_choice/train.py [--check]

Examples: every node of the numbered outline (pipeline.structure.parse_structure) of the documents of the
`dev` split of corpora/real (corpora/real/splits.json; the frozen `test` split is never read) and of
corpora/gold; label: whether a gold measure has the node's label and heading, as the scorer matches them
(pipeline.evaluate.norm, same_heading). Features: pipeline.structure.measure_model.node_features (never the
rules' own choice). Model: scikit-learn's logistic regression (deterministic: lbfgs, fixed data order, no
sampling), written as plain JSON (intercept, weights by feature, rounded). --check only reports whether
the file is current. Retrain after a change of the outline parser, the measure rules or their data, or
the gold. How it was measured and why it is combined with the rules as it is: README.md here.
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
REAL = ROOT / "corpora" / "real"
ID = "measure.chooser"
MAJOR = 2                   # bumped when the features or the way the model is combined change
C = 1.0                     # inverse L2 strength (0.3–3 gave the same forward figures, README.md)
MIN_COUNT = 3               # a feature seen on fewer training nodes is left out
DECIMALS = 3
MARGIN = 0.2                # the model takes out a rule's measure where its probability is <= 0.3
# A rule's measure whose text gives support (给予, 奖励 …), an amount or its units (a unit list, a heading
# naming its lead unit, a closing unit line), or whose own text gives a body its duties (…应当履行下列职责),
# is kept: the model only judges the rest (README.md).
KEPT_WHEN = (("support_body",), ("amount_body",), ("unit_body",), ("own_unit",), ("closed_units",), ("duty_own",),
             ("unit_row",), ("unit_duty",))
ADDS_ALONE = 0.8            # where the rules chose no measure, the nodes the model gives this much are measures
MAX_NODES = 60              # outlines longer than this keep the rules' choice (the training outlines have at most 26)
DEV_CORPUS_WEIGHT = 5.0     # a node of corpora/gold counts this many times: its golds are the shared annotators'


def documents() -> list[tuple[Path, Path]]:
    """(raw text, gold) of the dev split of corpora/real, then of corpora/gold, sorted by id."""
    from pipeline.model_files import training_documents
    return training_documents(ROOT)


def gold_nodes(sections, gold: list[dict]) -> set[int]:
    """Indices of the sections a gold measure names (its label, its heading), one section each."""
    from pipeline.evaluate import norm, same_heading

    used: set[int] = set()
    for g in gold:
        for k, sec in enumerate(sections):
            if k not in used and norm(sec.label) == norm(g["label"]) and same_heading(sec.title, g["title"]):
                used.add(k)
                break
    return used


def examples(docs: list[tuple[Path, Path]] | None = None) -> list[tuple[str, dict[str, float], int]]:
    """(document id, features, 1 for a measure) of every outline node, document by document (ids of
    corpora/gold prefixed `corpora/`)."""
    from pipeline.clean import clean
    from pipeline.sources import load
    from pipeline.structure import parse_structure
    from pipeline.structure.measure_model import outline_features
    from pipeline.tagging.flow import without_surrogates

    out = []
    for raw, gold_path in documents() if docs is None else docs:
        text = without_surrogates(clean(load(str(raw))).text)
        structure = parse_structure(text)
        gold = json.loads(gold_path.read_text(encoding="utf-8")).get("measures") or []
        measures = gold_nodes(structure.sections, gold)
        name = raw.stem if raw.parent.parent == REAL else f"corpora/{raw.stem}"
        out += [(name, f, int(k in measures)) for k, f in enumerate(outline_features(structure, text))]
    return out


def train(X: list[dict[str, float]], y: list[int], weight: list[float] | None = None) -> dict:
    """The model file's contents for these examples (each counted `weight` times, default once)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(k for x in X for k in x)
    X = [{k: v for k, v in x.items() if seen[k] >= MIN_COUNT} for x in X]
    vec = DictVectorizer(sort=True)
    model = LogisticRegression(C=C, max_iter=10000, tol=1e-8)
    model.fit(vec.fit_transform(X), y, sample_weight=weight)
    intercept = round(float(model.intercept_[0]), DECIMALS)
    weights = {name: round(float(w), DECIMALS) for name, w in zip(vec.feature_names_, model.coef_[0])}
    weights = {k: w for k, w in weights.items() if w}
    body = json.dumps([intercept, weights], ensure_ascii=False, sort_keys=True)
    return {
        "_note": "Trained by models/measure_choice/train.py (see there and README.md); plain data: a logistic "
                 "model of 'this outline node is a measure' over pipeline.structure.measure_model.node_features. "
                 "It takes a measure out of the rules' choice where its probability is at most 0.5 - margin and "
                 "the node has none of the feature sets of kept_when; where the rules chose nothing, it takes the "
                 "nodes it gives at least adds_alone.",
        "id": ID,
        "version": f"{MAJOR}.{hashlib.sha256(body.encode()).hexdigest()[:8]}",
        "settings": _settings(),
        "margin": MARGIN,
        "max_nodes": MAX_NODES,
        "adds_alone": ADDS_ALONE,
        "kept_when": [list(k) for k in KEPT_WHEN],
        "training": {"nodes": len(y), "measures": sum(y), "C": C, "min_count": MIN_COUNT,
                     "dev_corpus_weight": DEV_CORPUS_WEIGHT, "features": len(weights)},
        "intercept": intercept,
        "weights": weights,
    }


def _settings() -> dict:
    from pipeline.structure.measure_model import SETTINGS
    return dict(SETTINGS)


def build() -> dict:
    """Train on the corpora as they stand."""
    found = examples()
    weight = [DEV_CORPUS_WEIGHT if name.startswith("corpora/") else 1.0 for name, _, _ in found]
    spec = train([x for _, x, _ in found], [y for _, _, y in found], weight)
    spec["training"]["documents"] = len(documents())
    return spec


def same_model(a: dict, b: dict, tolerance: float = 2 * 10 ** -DECIMALS) -> bool:
    """True where two model files agree: the same features, settings and margin, weights within rounding."""
    from pipeline.model_files import models_agree
    return models_agree(a, b, ("settings", "margin", "max_nodes", "kept_when", "adds_alone"), tolerance)


def main(argv: list[str]) -> int:
    from pipeline.model_files import train_command
    return train_command(argv, build, OUT, same_model, "models/measure_choice/train.py",
                         lambda t: (f"{t['nodes']} nodes ({t['measures']} measures) of {t['documents']} documents, "
                                             f"{t['features']} features"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
