"""Corpora for tests: the dev corpus (raw documents and their gold in corpora/), the real corpus's folders, the
invented texts of the rule tests, and the shared scorer."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpora" / "raw"
GOLD = ROOT / "corpora" / "gold"
REAL_RAW = ROOT / "corpora" / "real" / "raw"
REAL_GOLD = ROOT / "corpora" / "real" / "gold"
DOC_IDS = sorted(p.stem for p in GOLD.glob("*.json"))


def load_gold(doc_id: str) -> dict:
    return json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))


def raw_text(doc_id: str) -> str:
    return (RAW / f"{doc_id}.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- invented texts
# Made-up documents for unit tests of single rules (tests/fixtures/invented/README.md): never an accuracy set.
INVENTED = ROOT / "tests" / "fixtures" / "invented"


# ---------------------------------------------------------------- the shared scorer
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@cache
def shared_scorer():
    """The project's dev-set scorer (../shared/eval/score.py) as a module; skips where it is absent."""
    import importlib.util

    import pytest
    if not SHARED_SCORER.exists():
        pytest.skip(f"scorer not found at {SHARED_SCORER}")
    spec = importlib.util.spec_from_file_location("policykg_shared_score", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def f1(tp: int, fp: int, fn: int) -> float:
    """F1 from counts, 1.0 where there is nothing to find and nothing found."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0
