"""The dev corpus for tests: raw documents and their gold annotations in corpora/."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpora" / "raw"
GOLD = ROOT / "corpora" / "gold"
DOC_IDS = sorted(p.stem for p in GOLD.glob("*.json"))


def load_gold(doc_id: str) -> dict:
    return json.loads((GOLD / f"{doc_id}.json").read_text(encoding="utf-8"))


def raw_text(doc_id: str) -> str:
    return (RAW / f"{doc_id}.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------- annotated probe sets
from dataclasses import dataclass  # noqa: E402
from functools import cache  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


@dataclass(frozen=True)
class AnnotatedSet:
    """An annotated folder (<id>.txt + <id>.json) extracted and scored once per test session."""
    folder: Path
    golds: list
    records: dict
    figures: dict


@cache
def annotated_set(name: str) -> AnnotatedSet:
    """tests/fixtures/<name> through `extract` and the project's scorer (cached for the session)."""
    from pipeline.evaluate import score
    from pipeline.extract import extract
    folder = FIXTURES / name
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    records = {g["id"]: extract(folder / f"{g['id']}.txt", isolate=False).to_dict() for g in golds}
    return AnnotatedSet(folder, golds, records, score(golds, records))


def canonical_agreement(aset: AnnotatedSet) -> tuple[int, int]:
    """(gold mentions with a canonical name that were found, of those the ones named exactly right)."""
    from pipeline.evaluate import norm
    found = right = 0
    for g in aset.golds:
        canon = {norm(e["text"]): norm(e.get("canonical")) for e in aset.records[g["id"]]["entities"]
                 if e["label"] == "AGENCY"}
        for a in g["agencies"]:
            if a["canonical"] and norm(a["text"]) in canon:
                found += 1
                right += canon[norm(a["text"])] == norm(a["canonical"])
    return found, right


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
