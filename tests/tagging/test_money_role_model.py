"""The trained money-role classifier (models/money_roles): a plain-data file the training script
reproduces, sensible on easy contexts, and combined with the rules so that it overrules only the weaker
rules, names itself where it decides and leaves the rule table's own examples as the rules decide them."""
from __future__ import annotations

import json

import pytest

from pipeline.rules import rule_table
from pipeline.settings import ROOT
from pipeline.tagging import money
from pipeline.tagging.money import role_examples, tag_money
from pipeline.tagging.money_role_model import MODEL_FILE, SETTINGS, classifier_from, role_classifier

ROLES = {"cap", "grant", "range", "threshold", "budget", "statistic", "target", "other"}


def _train_module():
    from pipeline.model_files import training_script
    return training_script(ROOT, "money_roles")


def _stub(role: str, trusted=("money.cap.bound",), min_probability: float = 0.5,
          fallback=("money.other.default",)) -> dict:
    """A model file whose classifier always gives `role` (its intercept), for the combination's mechanics."""
    classes = sorted(ROLES)
    return {"id": "money.stub-classifier", "version": "0.test", "settings": dict(SETTINGS),
            "trusted_rules": list(trusted), "fallback_rules": list(fallback), "min_probability": min_probability,
            "classes": classes,
            "intercept": [9.0 if c == role else 0.0 for c in classes], "weights": {}}


def test_model_file_is_plain_data_with_the_guide_roles():
    spec = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = role_classifier()
    assert set(model.classes) == ROLES
    assert model.name == f"{spec['id']}@{spec['version']}" and model.name.startswith("money.role-classifier@1.")
    assert "money.cap.bound" in model.trusted_rules and "money.cue.clause" not in model.trusted_rules
    assert spec["training"]["amounts"] > 500 and spec["settings"] == SETTINGS


def test_model_file_is_reproducible():
    """The saved weights are what models/money_roles/train.py trains on the corpora as they stand: retrain
    after changing the role rules, their lexicons, the money tagger or the gold."""
    train = _train_module()
    saved = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert train.same_model(saved, train.build()), "run: python models/money_roles/train.py"


def test_training_reads_only_the_dev_split():
    train = _train_module()
    splits = json.loads((ROOT / "corpora" / "real" / "splits.json").read_text(encoding="utf-8"))
    read = {gold.stem for _, gold in train.documents() if gold.parent.parent.name == "real"}
    assert read == set(splits["dev"]) and not read & set(splits["test"])


@pytest.mark.parametrize("text, policy, role", [
    ("对首次获得认定的企业，给予15万元的一次性补贴。", True, "grant"),
    ("2023年市财政安排专项资金1.2亿元，用于支持企业技术改造。", True, "budget"),
    ("对年销售收入达到5000万元以上的企业，给予奖励。", True, "threshold"),
    ("对获批的项目，最高奖励50万元。", True, "cap"),
])
def test_classifier_gives_easy_contexts_their_role(text, policy, role):
    [(amount, features)] = role_examples(text, policy)
    assert role_classifier().predict(features)[0] == role


def test_an_amount_the_classifier_decides_names_it_and_takes_the_scope_of_its_role(monkeypatch):
    text = "对新引进的企业，每家企业补助10万元。"
    [ruled] = [e for e in tag_money(text, policy=True, classifier=False) if e.label == "MONEY"]
    stub = classifier_from(_stub("threshold"))
    monkeypatch.setattr(money, "role_classifier", lambda: stub)
    [e] = [e for e in tag_money(text, policy=True) if e.label == "MONEY"]
    assert ruled.attrs["role"] == "grant" and ruled.attrs["scope"] == "每家企业"
    assert (e.attrs["role"], e.attrs["rule"], e.attrs["scope"]) == ("threshold", "money.stub-classifier@0.test", None)


def test_a_trusted_rule_or_an_unsure_classifier_leaves_the_rules_decision(monkeypatch):
    monkeypatch.setattr(money, "role_classifier", lambda: classifier_from(_stub("budget")))
    [cap] = [e for e in tag_money("每家企业最高奖励50万元。", policy=True) if e.label == "MONEY"]
    assert (cap.attrs["role"], cap.attrs["rule"]) == ("cap", "money.cap.bound")
    unsure = _stub("budget", min_probability=1.01)
    monkeypatch.setattr(money, "role_classifier", lambda: classifier_from(unsure))
    [grant] = [e for e in tag_money("给予15万元的一次性补贴。", policy=True) if e.label == "MONEY"]
    assert grant.attrs["role"] == "grant" and grant.attrs["rule"].startswith("money.")


def test_an_amount_no_rule_has_a_cue_for_takes_the_classifiers_role_however_unsure(monkeypatch):
    text = "标准为每人3000元。"
    [ruled] = [e for e in tag_money(text, policy=True, classifier=False) if e.label == "MONEY"]
    monkeypatch.setattr(money, "role_classifier", lambda: classifier_from(_stub("grant", min_probability=1.01)))
    [e] = [e for e in tag_money(text, policy=True) if e.label == "MONEY"]
    assert (ruled.attrs["role"], ruled.attrs["rule"]) == ("other", "money.other.default")
    assert (e.attrs["role"], e.attrs["rule"]) == ("grant", "money.stub-classifier@0.test")


def test_a_model_file_of_other_feature_settings_is_refused():
    spec = _stub("grant")
    spec["settings"] = dict(SETTINGS, left=10)
    with pytest.raises(ValueError, match="train.py"):
        classifier_from(spec)


def test_the_rule_tables_own_examples_keep_their_role_under_the_classifier():
    for rule in rule_table("money_roles"):
        for ex in rule.examples:
            [e] = [e for e in tag_money(ex["text"], policy=ex.get("policy", False))
                   if e.label == "MONEY" and e.text == ex["amount"]]
            assert e.attrs["role"] == ex["role"], (rule.id, ex["text"])
