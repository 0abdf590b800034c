"""The project's scorer: gold turned into a perfect record scores 1.0; each kind of error counts."""
import copy

from pipeline.evaluate import agency_key, norm, score
from tests.corpus import load_gold


def record_from_gold(gold: dict) -> dict:
    """The record a perfect extractor would write for a gold annotation."""
    ents = [{"label": "MONEY", **m} for m in gold["money"]]
    ents += [{"label": "RATE", **r} for r in gold["rates"]]
    ents += [{"label": "AGENCY", "text": a["text"], "canonical": a["canonical"]} for a in gold["agencies"]]
    return {"id": gold["id"], "meta": gold["meta"], "entities": ents, "measures": gold["measures"],
            "proposal": gold["proposal"], "responses": gold["responses"]}


def test_perfect_record_scores_one():
    gold = load_gold("zs-2025-wenwaimao-measures")
    out = score([gold], {gold["id"]: record_from_gold(gold)})
    for k in ("money", "cap", "rate", "agency", "measure", "responsible"):
        assert out[k]["f1"] == 1.0, k
    assert out["money_role_accuracy"] == 1.0
    assert out["meta_accuracy"]["issuer"] == 1.0


def test_wrong_role_and_missing_cap_are_counted():
    gold = load_gold("zs-2025-wenwaimao-measures")
    rec = record_from_gold(gold)
    rec = copy.deepcopy(rec)
    money = [e for e in rec["entities"] if e["label"] == "MONEY"]
    money[0]["role"] = "cap"                       # 15万元 grant read as a cap
    rec["entities"].remove(money[-1])              # 最高3万元 cap missed
    out = score([gold], {gold["id"]: rec})
    assert out["money"]["fn"] == 1 and out["money"]["fp"] == 0
    assert out["cap"]["fp"] == 1 and out["cap"]["fn"] == 1
    assert out["role_confusion"] == {"grant->cap": 1}


def test_proposal_fields_scored_one_by_one():
    gold = load_gold("zs-2024-reply-133089")
    rec = record_from_gold(gold)
    rec["proposal"] = dict(rec["proposal"], proposers=["蔡先全"])
    out = score([gold], {gold["id"]: rec})
    assert out["proposal_accuracy"] == 0.75


def test_norm_and_agency_key():
    assert norm("中山商务贸函[2024] 8号") == "中山商务贸函〔2024〕8号"
    assert agency_key("中山市工业和信息化局") == agency_key("工业信息化局")
