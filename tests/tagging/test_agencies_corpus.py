"""Agencies, canonical names and responsible units over the dev corpus, scored with the scorer's own rules.

Jurisdiction comes from the gold meta (issuer, title, doc number) since the structure stage is
separate; measure sections are cut from the raw text at the gold measures' titles.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from pipeline.tagging.agencies import tag_agencies
from pipeline.tagging.jurisdiction import infer_jurisdiction
from pipeline.tagging.responsible import parse_responsible
from tests.corpus import DOC_IDS, f1, load_gold, raw_text
from tests.corpus import shared_scorer as scorer

@cache
def jurisdiction(doc_id: str):
    meta = load_gold(doc_id)["meta"]
    return infer_jurisdiction(raw_text(doc_id), meta.get("issuer"), meta.get("title"), meta.get("doc_number"))


@cache
def entities(doc_id: str) -> list[dict]:
    return [e.to_dict() for e in tag_agencies(raw_text(doc_id), jurisdiction(doc_id))]


@cache
def agency_figures() -> dict:
    """Agency (tp, fp, fn) on distinct mention strings and canonical-pair (tp, fp, fn), as score.py counts."""
    norm = scorer().norm
    tp = fp = fn = 0
    gold_clusters, pred_clusters = {}, {}
    for doc in DOC_IDS:
        gold, ents = load_gold(doc), entities(doc)
        ga = {norm(a["text"]) for a in gold["agencies"]}
        pa = {norm(e["text"]) for e in ents}
        tp, fp, fn = tp + len(ga & pa), fp + len(pa - ga), fn + len(ga - pa)
        canon = {}
        for e in ents:
            if e.get("canonical"):
                canon.setdefault(norm(e["text"]), norm(e["canonical"]))
        for a in gold["agencies"]:
            if a.get("canonical") and norm(a["text"]) in canon:
                gold_clusters[(doc, norm(a["text"]))] = norm(a["canonical"])
                pred_clusters[(doc, norm(a["text"]))] = canon[norm(a["text"])]
    keys = sorted(gold_clusters)
    ptp = pfp = pfn = 0
    for i in range(len(keys)):
        for k in range(i + 1, len(keys)):
            g = gold_clusters[keys[i]] == gold_clusters[keys[k]]
            p = pred_clusters[keys[i]] == pred_clusters[keys[k]]
            ptp, pfp, pfn = ptp + (g and p), pfp + (p and not g), pfn + (g and not p)
    return {"agency": (tp, fp, fn), "pairs": (ptp, pfp, pfn), "canonical_keys": len(keys)}


def measure_text(doc_id: str, index: int) -> str:
    """The raw text of gold measure `index`: from its title's line to the next gold measure's title."""
    text, measures = raw_text(doc_id), load_gold(doc_id)["measures"]
    start = text.find(measures[index]["title"][:8])
    assert start >= 0, (doc_id, measures[index]["label"])
    end = len(text)
    for other in measures:
        k = text.find(other["title"][:8], start + 1)
        if start < k < end:
            end = k
    return text[text.rfind("\n", 0, start) + 1:end]


@cache
def responsible_figures() -> tuple[int, int, int]:
    key = scorer().agency_key
    tp = fp = fn = 0
    for doc in DOC_IDS:
        for i, m in enumerate(load_gold(doc)["measures"]):
            if m.get("truncated"):
                continue                          # the scorer leaves truncated measures out
            units = parse_responsible(measure_text(doc, i), jurisdiction(doc)).responsible
            g, p = Counter(map(key, m["responsible"])), Counter(map(key, units))
            hit = sum((g & p).values())
            tp, fp, fn = tp + hit, fp + sum(p.values()) - hit, fn + sum(g.values()) - hit
    return tp, fp, fn


def test_agency_f1_on_distinct_mentions():
    figures = agency_figures()
    print("agency tp/fp/fn", figures["agency"], "F1 %.3f" % f1(*figures["agency"]))
    assert f1(*figures["agency"]) >= 0.97


def test_canonical_pairs_f1():
    figures = agency_figures()
    print("canonical pairs tp/fp/fn", figures["pairs"], "over", figures["canonical_keys"], "mentions")
    assert figures["canonical_keys"] >= 60            # canonical names given for most gold mentions
    assert f1(*figures["pairs"]) >= 0.95


def test_responsible_f1():
    figures = responsible_figures()
    print("responsible tp/fp/fn", figures, "F1 %.3f" % f1(*figures))
    assert f1(*figures) >= 0.97


@pytest.mark.parametrize("doc_id, text, canonical", [
    ("zs-2025-wenwaimao-measures", "工业和信息化局", "中山市工业和信息化局"),
    ("zs-2025-wenwaimao-measures", "市市场监管局", "中山市市场监督管理局"),
    ("zs-2024-reply-133089", "市税务局", "国家税务总局中山市税务局"),
    ("hubei-2018-opinions-trad", "省住建廳", "湖北省住房和城鄉建設廳"),
    ("huaihua-2023-measures-trad", "市委", "中共懷化市委員會"),
    ("xiamen-2009-notice", "省政府办公厅", "福建省人民政府办公厅"),
    ("shanghai-2017-notice-noisy", "國務(wù)院", "國務院"),
    ("wucheng-2025-measures", "区科技局", "金华市婺城区科学技术局"),
])
def test_corpus_canonical_names(doc_id, text, canonical):
    found = {e["text"]: e["canonical"] for e in entities(doc_id)}
    assert found[text] == canonical


def test_entity_offsets_point_into_the_raw_text():
    for doc in DOC_IDS:
        text = raw_text(doc)
        for e in entities(doc):
            assert text[e["start"]:e["end"]] == e["text"]
