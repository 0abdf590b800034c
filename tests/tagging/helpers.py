"""Helpers the tagging tests share: the entities tagged in a text, as tuples to compare."""
from __future__ import annotations

from pipeline.tagging.agencies import tag_agencies
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction
from pipeline.tagging.money import tag_money


def tagged(text: str, j: Jurisdiction) -> list[tuple[str, str | None]]:
    """(mention, canonical name) of every agency tagged in `text` under jurisdiction `j`."""
    return [(e.text, e.attrs["canonical"]) for e in tag_agencies(text, j)]


def agencies(text: str, issuer: str) -> list[tuple[str, str | None]]:
    """(mention, canonical name) of every agency tagged in `text` of a letter `issuer` signed."""
    j = infer_jurisdiction("", issuer, None, None)
    return [(e.text, e.attrs["canonical"]) for e in tag_agencies(text, j)]


def ruled_money(text: str, policy: bool = False) -> list:
    """tag_money with the role rules alone: what the rule tables decide (the trained classifier that may
    overrule the weaker rules is tested in test_money_role_model.py)."""
    return tag_money(text, policy=policy, classifier=False)


def amounts(text: str) -> list[tuple]:
    """(amount, amount_max, currency, role) of every MONEY entity in `text`, roles by the rules."""
    return [(e.attrs["amount"], e.attrs["amount_max"], e.attrs["currency"], e.attrs["role"])
            for e in ruled_money(text) if e.label == "MONEY"]
