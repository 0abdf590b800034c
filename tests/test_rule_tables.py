"""Every rule table in models/rules runs its own examples and counter-examples: each example is
decided by its rule (the span names it in `rule`), no counter-example is."""
import pytest

from pipeline.rules import RULES_DIR, rule_table
from pipeline.tagging.money import tag_money
from pipeline.tagging.money_roles import ROLE_TESTS

TABLES = sorted(p.stem for p in RULES_DIR.glob("*.json"))


def _money(example: dict):
    ents = [e for e in tag_money(example["text"], policy=example.get("policy", False), classifier=False)
            if e.label == "MONEY" and e.text == example["amount"]]
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


def _reply_statuses(example: dict):
    from pipeline.structure import parse_reply, parse_structure
    text = ("关于区政协五届二次会议第58号提案的答复\n李明委员：\n您提出的《关于加强服务的提案》收悉。现答复如下：\n"
            + "\n".join([example["heading"], *example["lines"]]) + "\n某区教育局\n2021年7月2日\n")
    [response] = parse_reply(text, parse_structure(text)).responses
    return response


@pytest.mark.parametrize("rule,example", [(r, ex) for r in rule_table("reply_statuses") for ex in r.examples],
                         ids=lambda x: getattr(x, "id", None) or x.get("heading")[:12])
def test_reply_status_examples_are_decided_by_their_rule(rule, example):
    r = _reply_statuses(example)
    assert (r.status, r.rule) == (example["status"], rule.id)


def test_every_reply_status_test_exists():
    from pipeline.structure.replies import STATUS_TESTS
    assert {r.test for r in rule_table("reply_statuses")} == set(STATUS_TESTS)


def _agency(example: dict):
    from pipeline.tagging.agencies import tag_agencies
    from pipeline.tagging.jurisdiction import infer_jurisdiction
    j = infer_jurisdiction(example["text"], issuer=example["issuer"])
    ents = [e for e in tag_agencies(example["text"], j) if e.text == example["mention"]]
    assert ents, f"{example['mention']} not tagged in {example['text']}"
    return ents[0]


@pytest.mark.parametrize("rule,example", [(r, ex) for r in rule_table("agency_names") for ex in r.examples],
                         ids=lambda x: getattr(x, "id", None) or x.get("mention"))
def test_agency_name_examples_are_decided_by_their_rule(rule, example):
    e = _agency(example)
    assert (e.attrs["canonical"], e.attrs["rule"]) == (example["canonical"], rule.id)


def test_every_agency_name_test_exists():
    from pipeline.tagging.agencies import NAME_TESTS
    assert {r.test for r in rule_table("agency_names")} == set(NAME_TESTS)


@pytest.mark.parametrize("rule,example", [(r, ex) for r in rule_table("rate_roles") for ex in r.examples],
                         ids=lambda x: getattr(x, "id", None) or x.get("rate"))
def test_rate_examples_are_decided_by_their_rule(rule, example):
    ents = [e for e in tag_money(example["text"]) if e.label == "RATE" and e.text == example["rate"]]
    assert ents and (ents[0].attrs["role"], ents[0].attrs["rule"]) == (example["role"], rule.id)


def test_every_rate_test_exists():
    from pipeline.tagging.money_roles import RATE_TESTS
    assert {r.test for r in rule_table("rate_roles")} == set(RATE_TESTS)
