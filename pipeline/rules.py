"""Ordered rule tables (models/rules/<name>.json) and the one engine that runs them.

A table is a list of rules, each with an id, the name of its test (a predicate the stage supplies),
its result (a value, or "cue": the value the test found), a note, and examples and counter-examples
that the tests run. The first rule whose test holds decides and names itself: the record carries
that id in the entity's `rule` field, so a reader can see why.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .settings import MODELS

RULES_DIR = MODELS / "rules"
CUE = "cue"                     # result taken from what the test found (a cue word's role)


@dataclass(frozen=True)
class Rule:
    """One row of a rule table."""
    id: str
    test: str
    result: str
    note: str = ""
    examples: tuple = ()
    counter_examples: tuple = ()
    applied_by: str | None = None      # decided by a later step of the stage, not by `decide`


@cache
def rule_table(name: str) -> tuple[Rule, ...]:
    """The rules of models/rules/<name>.json, in order."""
    spec = json.loads((RULES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return tuple(Rule(r["id"], r["test"], r["result"], r.get("note", ""), tuple(r.get("examples", ())),
                      tuple(r.get("counter_examples", ())), r.get("applied_by")) for r in spec["rules"])


def rule(name: str, rule_id: str) -> Rule:
    """The rule of a table with this id (for the steps that apply a rule themselves)."""
    return next(r for r in rule_table(name) if r.id == rule_id)


def decide(name: str, tests: Mapping[str, Callable[[Any], Any]], context: Any) -> tuple[Any, str]:
    """(result, rule id) of the first rule of table `name` whose test holds for `context`."""
    for r in rule_table(name):
        if r.applied_by:
            continue
        hit = tests[r.test](context)
        if hit:
            return (hit if r.result == CUE else r.result), r.id
    raise LookupError(f"no rule of {name} decided: the table must end with a default rule")
