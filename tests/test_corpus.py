"""The whole dev corpus through `extract`, scored against its gold: the floors the issues set."""

import pytest

from pipeline.evaluate import score
from pipeline.extraction import extract
from tests.corpus import DOC_IDS, RAW, ROOT, load_gold

SHARED = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def figures():
    golds = [load_gold(i) for i in DOC_IDS]
    preds = {i: extract(RAW / f"{i}.txt", isolate=False).to_dict() for i in DOC_IDS}
    return score(golds, preds)


def test_every_shared_document_is_in_corpora():
    if not SHARED.exists():
        pytest.skip("../shared/corpus not beside this checkout")
    shared = {p.name for p in (SHARED / "raw").iterdir()} | {p.name for p in (SHARED / "gold").glob("*.json")}
    ours = {p.name for p in RAW.iterdir()} | {p.name for p in (ROOT / "corpora" / "gold").glob("*.json")}
    assert shared <= ours


# Issue 10 asks for >= 0.93 on every dev figure; each floor sits at or below the figure measured.
@pytest.mark.parametrize("field", ["money", "cap", "rate", "agency", "agency_canonical_pairs", "measure",
                                   "responsible", "response"])
def test_f1_floor(figures, field):
    assert figures[field]["f1"] >= 0.93, figures[field]


def test_role_meta_and_proposal_accuracy(figures):
    assert figures["money_role_accuracy"] >= 0.93, figures["role_confusion"]
    assert figures["proposal_accuracy"] >= 0.93
    assert all(v >= 0.93 for v in figures["meta_accuracy"].values()), figures["meta_accuracy"]


def test_zs_measures_are_the_fifteen_with_titles():
    record = extract(RAW / "zs-2025-wenwaimao-measures.txt", isolate=False)
    gold = load_gold("zs-2025-wenwaimao-measures")
    assert [(m.label, m.title) for m in record.measures] == [(m["label"], m["title"]) for m in gold["measures"]]
    six = next(m for m in record.measures if m.label == "六")
    cap = next(e for e in record.entities if e.label == "MONEY" and e.attrs.get("measure") == "六"
               and e.attrs["role"] == "cap")
    assert (cap.attrs["amount"], cap.attrs["rate"], six.responsible[0]) == (
        500000, 0.3, "中国出口信用保险公司广东分公司中山营业部")


def test_every_entity_span_is_its_text():
    for doc_id in DOC_IDS:
        record = extract(RAW / f"{doc_id}.txt", isolate=False)
        for e in record.entities:
            assert record.text[e.start:e.end] == e.text, (doc_id, e)
