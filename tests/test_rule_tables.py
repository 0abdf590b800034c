"""Every rule table in models/rules runs its own examples and counter-examples: each example is
decided by its rule (the span names it in `rule`), no counter-example is."""
import pytest

from pipeline.rules import RULES_DIR, rule_table
from pipeline.tagging.money import tag_money
from pipeline.tagging.money_roles import ROLE_TESTS

TABLES = sorted(p.stem for p in RULES_DIR.glob("*.json"))


def _money(example: dict):
    ents = [e for e in tag_money(example["text"]) if e.label == "MONEY" and e.text == example["amount"]]
    assert ents, f"{example['amount']} not tagged in {example['text']}"
    return ents[0]


def test_every_table_has_a_note_unique_ids_and_ends_with_a_default():
    for name in TABLES:
        rules = rule_table(name)
        assert len({r.id for r in rules}) == len(rules), name
        assert rules[-1].test == "default" and not rules[-1].applied_by, name


def test_every_money_role_test_exists_and_every_test_is_used():
    used = {r.test for r in rule_table("money_roles")}
    assert used <= set(ROLE_TESTS) and set(ROLE_TESTS) <= used


@pytest.mark.parametrize("rule,example", [(r, ex) for r in rule_table("money_roles") for ex in r.examples],
                         ids=lambda x: getattr(x, "id", None) or x.get("amount"))
def test_money_role_examples_are_decided_by_their_rule(rule, example):
    e = _money(example)
    assert (e.attrs["role"], e.attrs["rule"]) == (example["role"], rule.id)


@pytest.mark.parametrize("rule,example", [(r, ex) for r in rule_table("money_roles") for ex in r.counter_examples],
                         ids=lambda x: getattr(x, "id", None) or x.get("amount"))
def test_money_role_counter_examples_are_not(rule, example):
    assert _money(example).attrs["rule"] != rule.id
