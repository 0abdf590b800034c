"""Third probe set of made-up documents (tests/fixtures/probe_tagging3): score floors and canonical names.

Eleven web excerpts written for robustness round 3 (district, county, prefecture, new-area, city and province
issuers; 2018-2024; Guangdong, Fujian, Sichuan, Guizhou, Hunan, Jiangxi, Shandong, Ningxia, Hainan), dense in
money (roles, ranges, tiers, Chinese numerals, 美元/欧元/日元/韩元/港元/新台币, per-unit scopes, rates tied to caps)
and agencies (牵头/配合 lists, shared prefixes and suffixes, central + provincial + city + county bodies, party,
congress and CPPCC organs, traditional script, a PDF text layer). Floors are the measured figures less a margin.
"""
from __future__ import annotations


import pytest

from tests.corpus import canonical_agreement



PROBE_SET = "probe_tagging3"


@pytest.mark.parametrize("field, floor", [
    ("money", 0.98), ("cap", 0.97), ("rate", 0.95), ("agency", 0.92), ("agency_canonical_pairs", 0.95),
    ("responsible", 0.91), ("measure", 0.95),
])
def test_probe3_f1_floors(figures, field, floor):
    assert figures[field]["f1"] >= floor, figures[field]


def test_probe3_money_roles(figures):
    assert figures["money_role_accuracy"] >= 0.96, figures["role_confusion"]


def test_probe3_foreign_currencies(records):
    """新台币 written before the number, 美元/欧元/日元/韩元/港元 after it."""
    codes = {e["currency"] for r in records.values() for e in r["entities"] if e["label"] == "MONEY"}
    assert {"CNY", "USD", "EUR", "JPY", "KRW", "HKD", "TWD"} <= codes


def test_probe3_canonical_names_match_gold(probe):
    """The canonical name itself, for every gold mention found (scripts as written: 廈門市財政局)."""
    found, right = canonical_agreement(probe)
    assert found >= 160
    assert right / found >= 0.93
