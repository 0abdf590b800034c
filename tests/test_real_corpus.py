"""The real corpus (corpora/real): its annotated dev and frozen test splits against their gold, and the
coverage report over every document outside the test split. Floors sit below the figures measured
(corpora/real/README.md); the test split is never used to write a rule, only to measure."""
from __future__ import annotations

import json
import sys
from functools import cache

import pytest

from pipeline.evaluate import score
from pipeline.extraction import extract
from tests.corpus import ROOT

REAL = ROOT / "corpora" / "real"
SPLITS = json.loads((REAL / "splits.json").read_text(encoding="utf-8"))


@cache
def _record(doc: str):
    """A document's record, extracted once for the split figures and the coverage report alike."""
    return extract(REAL / "raw" / f"{doc}.txt", isolate=False)


@cache
def _figures(split: str) -> dict:
    golds = [json.loads((REAL / "gold" / f"{i}.json").read_text(encoding="utf-8")) for i in SPLITS[split]]
    records = {g["id"]: _record(g["id"]).to_dict() for g in golds}
    return score(golds, records)


def test_the_corpus_is_real_and_wide():
    rows = [json.loads(line) for f in sorted((REAL / "manifests").glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150 and all((REAL / "raw" / f"{r['id']}.txt").exists() for r in rows)
    assert all(r["url"].startswith("http") for r in rows)
    assert len({r["province"] for r in rows}) >= 25
    assert {r["level"] for r in rows} >= {"central", "province", "city", "county", "township"}
    assert {r["kind"] for r in rows} == {"reply", "measures", "notice"}


def test_splits_are_annotated_apart_and_large_enough():
    test, dev = set(SPLITS["test"]), set(SPLITS["dev"])
    assert len(test) >= 30 and len(test) + len(dev) >= 60 and not test & dev
    assert all((REAL / "gold" / f"{i}.json").exists() for i in test | dev)


# Measured on the dev split (corpora/real/README.md); floors a little below. Canonical pairs: 0.947 with the
# twelfth session's rounds, whose golds leave more zone and bureau names without a canonical name. Rates: 0.948
# with the twenty-first session's rounds (their 14 rates of fund-use figures and ratios score 0.77).
DEV_FLOORS = {"money": 0.95, "cap": 0.95, "rate": 0.93, "agency": 0.86, "agency_canonical_pairs": 0.93,
              "measure": 0.82, "responsible": 0.68}


@pytest.mark.parametrize("field", sorted(DEV_FLOORS))
def test_dev_split_f1_floors(field):
    assert _figures("dev")[field]["f1"] >= DEV_FLOORS[field], _figures("dev")[field]


def test_dev_split_role_and_meta_floors():
    f = _figures("dev")
    assert f["money_role_accuracy"] >= 0.90, f["role_confusion"]
    assert all(v >= 0.82 for v in f["meta_accuracy"].values()), f["meta_accuracy"]


# Measured on the frozen test split, never tuned against; floors below the figure measured.
TEST_FLOORS = {"money": 0.90, "cap": 0.95, "agency": 0.88, "measure": 0.80, "responsible": 0.90}


@pytest.mark.parametrize("field", sorted(TEST_FLOORS))
def test_frozen_test_split_f1_floors(field):
    assert _figures("test")[field]["f1"] >= TEST_FLOORS[field], _figures("test")[field]


def test_frozen_test_split_role_and_meta_floors():
    f = _figures("test")
    assert f["money_role_accuracy"] >= 0.78
    assert all(v >= 0.75 for v in f["meta_accuracy"].values()), f["meta_accuracy"]


def test_coverage_of_what_real_documents_plainly_state():
    sys.path.insert(0, str(ROOT / "bench"))
    from coverage_real import coverage, documents
    fig, miss = coverage(documents(), read=lambda path: _record(path.stem))
    share = {name: hit / of for name, (hit, of) in fig.items() if of}
    for name in ("doc_number found where plain", "date found where plain", "title found where plain"):
        assert share[name] >= 0.95, (name, miss.get(name))
    assert share["measures found in policies with numbered items"] >= 0.90, miss
    assert share["measures with units where cues per item"] >= 0.90, miss
