"""tag_money over the dev corpus, scored with the project scorer's own matching (../shared/eval/score.py)."""
from __future__ import annotations

from functools import cache

import pytest

from pipeline.tagging.money import tag_money
from tests.corpus import DOC_IDS, f1, load_gold, raw_text
from tests.corpus import shared_scorer as scorer

@cache
def predictions(doc_id: str) -> list[dict]:
    return [e.to_dict() for e in tag_money(raw_text(doc_id))]


@cache
def corpus_figures() -> dict:
    """Money, cap and rate counts (tp, fp, fn) and role agreement over the whole corpus."""
    s = scorer()
    out = {"money": [0, 0, 0], "cap": [0, 0, 0], "rate": [0, 0, 0], "role_ok": 0, "role_n": 0}
    for doc in DOC_IDS:
        gold, ents = load_gold(doc), predictions(doc)
        pm = [e for e in ents if e["label"] == "MONEY"]
        pairs, fn, fp = s.match_money(gold.get("money", []), pm)
        out["money"] = [a + b for a, b in zip(out["money"], (len(pairs), fp, fn))]
        out["role_n"] += len(pairs)
        out["role_ok"] += sum(p["role"] == g["role"] for g, p in pairs)
        gcaps = [g for g in gold.get("money", []) if g["role"] == "cap"]
        cpairs, cfn, cfp = s.match_money(gcaps, [p for p in pm if p["role"] == "cap"])
        out["cap"] = [a + b for a, b in zip(out["cap"], (len(cpairs), cfp, cfn))]
        gr = [round(float(r["value"]), 4) for r in gold.get("rates", [])]
        pr = [round(float(e["value"]), 4) for e in ents if e["label"] == "RATE"]
        out["rate"] = [a + b for a, b in zip(out["rate"], s.set_prf(gr, pr))]
    return out


def test_money_f1():
    assert f1(*corpus_figures()["money"]) >= 0.97


def test_cap_f1():
    assert f1(*corpus_figures()["cap"]) >= 0.97


def test_role_accuracy():
    fig = corpus_figures()
    assert fig["role_n"] >= 50
    assert fig["role_ok"] / fig["role_n"] >= 0.95


def test_rate_f1():
    assert f1(*corpus_figures()["rate"]) >= 0.9


@pytest.mark.parametrize("doc", DOC_IDS)
def test_spans_are_the_documents_own_characters(doc):
    text = raw_text(doc)
    for e in predictions(doc):
        assert text[e["start"]:e["end"]] == e["text"]
        assert e["page"] is None


def test_zhongshan_measures_caps_with_rates_and_scopes():
    got = [(e["amount"], e["role"], e["rate"], e["scope"]) for e in predictions("zs-2025-wenwaimao-measures")
           if e["label"] == "MONEY" and e["role"] == "cap"]
    assert (500000, "cap", 0.3, None) in got
    assert (300000, "cap", 0.2, "每个案件") in got
    assert (1000000, "cap", None, "每个单位") in got


def test_traditional_range_keeps_its_own_characters():
    (rng,) = [e for e in predictions("huaihua-2023-measures-trad") if e.get("amount_max")]
    assert (rng["text"], rng["amount"], rng["amount_max"], rng["role"]) == ("3萬元-5萬元", 30000, 50000, "range")
