"""Probe set of made-up documents from other places and years (tests/fixtures/probe_tagging): score floors.

The twelve documents (province, city, district, county, street and central issuers; 2008-2024; web chrome,
traditional script, pinyin noise, PDF line breaks) were written to find where the tagging rules fail on
unseen text. The floors are the figures measured when the rules were fixed, less a small margin.
"""
from __future__ import annotations

import importlib.util

import pytest

from tests.corpus import ROOT, canonical_agreement



PROBE_SET = "probe_tagging"


@pytest.mark.parametrize("field, floor", [
    ("money", 0.98), ("cap", 0.98), ("rate", 0.95), ("agency", 0.97), ("agency_canonical_pairs", 0.95),
    ("responsible", 0.95), ("measure", 0.90),
])
def test_probe_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_probe_money_roles(figures):
    assert figures["money_role_accuracy"] >= 0.95, figures["role_confusion"]


def test_probe_canonical_names_match_gold(probe):
    """Stricter than pairwise clustering: the canonical name itself, for every gold mention found."""
    found, right = canonical_agreement(probe)
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
