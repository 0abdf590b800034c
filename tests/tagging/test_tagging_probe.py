"""Probe set of made-up documents from other places and years (tests/fixtures/probe_tagging): score floors.

The twelve documents (province, city, district, county, street and central issuers; 2008-2024; web chrome,
traditional script, pinyin noise, PDF line breaks) were written to find where the tagging rules fail on
unseen text. The floors are the figures measured when the rules were fixed, less a small margin.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.evaluate import norm, score
from pipeline.extract import extract

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "probe_tagging"
ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(PROBE.glob("*.json"))]


@pytest.fixture(scope="module")
def records(golds) -> dict[str, dict]:
    return {g["id"]: extract(PROBE / f"{g['id']}.txt", isolate=False).to_dict() for g in golds}


@pytest.fixture(scope="module")
def figures(golds, records) -> dict:
    return score(golds, records)


def test_probe_set_is_complete_and_consistent(golds):
    assert len(golds) >= 10
    for g in golds:
        text = "".join((PROBE / f"{g['id']}.txt").read_text(encoding="utf-8").split())
        for m in g["money"]:
            assert "".join(m["text"].split()) in text, (g["id"], m["text"])
        for a in g["agencies"]:
            assert "".join(a["text"].split()) in text, (g["id"], a["text"])


@pytest.mark.parametrize("field, floor", [
    ("money", 0.98), ("cap", 0.98), ("rate", 0.95), ("agency", 0.97), ("agency_canonical_pairs", 0.95),
    ("responsible", 0.95), ("measure", 0.90),
])
def test_probe_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_probe_money_roles(figures):
    assert figures["money_role_accuracy"] >= 0.95, figures["role_confusion"]


def test_probe_canonical_names_match_gold(golds, records):
    """Stricter than pairwise clustering: the canonical name itself, for every gold mention found."""
    found = right = 0
    for g in golds:
        canon = {norm(e["text"]): norm(e.get("canonical")) for e in records[g["id"]]["entities"]
                 if e["label"] == "AGENCY"}
        for a in g["agencies"]:
            if a["canonical"] and norm(a["text"]) in canon:
                found += 1
                right += canon[norm(a["text"])] == norm(a["canonical"])
    assert found >= 70
    assert right / found >= 0.95


def test_jieba_userdict_is_reproducible():
    path = ROOT / "models" / "jieba" / "build_userdict.py"
    spec = importlib.util.spec_from_file_location("build_userdict", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.build()
    assert text == (ROOT / "models" / "jieba" / "userdict.txt").read_text(encoding="utf-8")
    assert "县国税局 2000 nt" in text and "专精特新 2500 n" in text and "中山市人民政府办公室 1000 nt" in text
