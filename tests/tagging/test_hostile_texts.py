"""Hostile texts for the taggers (issue 11): names and numbers by the hundred thousand are all tagged,
with work that grows linearly (counted, not timed: bench/bench_hostile.py prints the times), and absurd
figures are no amounts."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.tagging.agencies import tag_agencies
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction
from pipeline.tagging.money import tag_money
from tests import hostile

ROOT = Path(__file__).resolve().parents[2]


def _growth(fn, small, large) -> float:
    fn(small)                                   # caches and tables filled before counting
    return hostile.steps(fn, large) / hostile.steps(fn, small)


def test_agency_scan_work_grows_linearly_with_the_line_breaks():
    # every break of a column of names is recorded; each candidate name once tested them all
    def scan(chars):
        return tag_agencies(hostile.agency_column(chars)[0], Jurisdiction())
    assert _growth(scan, 4000, 16000) < 5


def test_every_name_of_an_agency_dense_text_is_tagged():
    text, names = hostile.agency_text(60_000)
    j = infer_jurisdiction(text, "中山市商务局", None, None)
    found = tag_agencies(text, j)
    assert len(found) == names
    assert found[-1].end == len(text) - 1


def _rates_and_caps(n: int) -> str:
    return "".join(f"按{i % 90 + 1}%给予补贴，最高{i + 1}万元；" for i in range(n))


def test_tying_rates_to_caps_grows_linearly():
    assert _growth(lambda n: tag_money(_rates_and_caps(n), policy=True), 500, 2000) < 5


def test_rates_are_still_tied_to_their_caps():
    caps = [e for e in tag_money(_rates_and_caps(300), policy=True) if e.label == "MONEY"]
    assert len(caps) == 300
    assert all(e.attrs["role"] == "cap" and e.attrs["rate"] == (i % 90 + 1) / 100 for i, e in enumerate(caps))


def test_every_amount_among_many_numbers_is_tagged():
    text, money = hostile.numbers_text(20_000)
    found = [e for e in tag_money(text, policy=True) if e.label == "MONEY"]
    assert len(found) == money


@pytest.mark.parametrize("text", [
    "补助" + "9" * 100_000 + "万元",                       # jiao/fen pattern retried at every digit
    "补助" + ",".join(["123"] * 50_000) + "元",             # thousands groups retried at every comma
    "补助" + "9" * 5000 + "元",                             # an infinite float
    "补助" + "九千九百九十九万" * 2000 + "元",               # one recursion per 万
    "补助0." + "5" * 100_000 + "万元",
    "按" + "9" * 100_000 + "%给予补贴",
], ids=["digits", "thousands", "infinite", "nested", "decimals", "percent"])
def test_absurd_figures_are_no_amounts(text):
    assert tag_money(text, policy=True) == []           # the cost: bench/bench_hostile.py


def test_amounts_stay_below_what_the_store_can_hold():
    found = tag_money("安排资金" + "9" * 30 + "元；安排资金9999万亿元。", policy=True)
    assert [e.attrs["amount"] for e in found] == [9999e12]


# ---------------------------------------------------------------- segmentation and the spaCy pipeline
def test_a_long_run_without_punctuation_is_segmented_whole():
    from pipeline.tagging.segment import segment
    words = segment("国" * 200_000)                    # jieba's HMM alone: quadratic, minutes
    assert "".join(words) == "国" * 200_000


def test_ordinary_text_is_segmented_as_jieba_does():
    from pipeline.tagging.segment import segment, tokenizer
    text = (ROOT / "corpora" / "raw" / "zs-2025-wenwaimao-measures.txt").read_text(encoding="utf-8")
    assert segment(text) == tokenizer().lcut(text)


def test_lone_surrogates_do_not_stop_the_pipeline():
    from pipeline.tagging.nlp import load_nlp
    text = "中山市商务局\ud800关于印发若干措施的通知\n一、对企业给予最高\udfff50万元奖励。"
    doc = load_nlp()(text)
    assert len(doc.text) == len(text)
    money = [e for e in doc._.entities if e.label == "MONEY"]
    assert [text[e.start:e.end] for e in money] == ["最高\udfff50万元"]


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_tagged_to_its_end(tmp_path):
    from pipeline.extraction import extract
    body = (ROOT / "corpora" / "raw" / "zs-2025-wenwaimao-measures.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text((body + "\n") * (1_100_000 // len(body) + 1), encoding="utf-8")
    record = extract(path, isolate=False)
    assert record.error is None and len(record.text) > 1_000_000
    assert max(e.end for e in record.entities) > len(record.text) - len(body)


class _Window:
    """A compiled pattern that records the longest stretch of text a search was given."""

    def __init__(self, pattern, seen):
        self.pattern, self.seen = pattern, seen

    def _note(self, text, pos=0, endpos=None):
        end = len(text) if endpos is None else min(endpos, len(text))
        self.seen.append(end - max(0, pos))

    def search(self, text, pos=0, endpos=None):
        self._note(text, pos, endpos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text, pos=0, endpos=None):
        self._note(text, pos, endpos)
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def test_role_rules_read_a_bounded_window_before_each_amount(monkeypatch):
    # a text of many amounts with no line break: every rule must look back a bounded distance, or
    # the work grows with the square of the text (a listed project's line once ran back to its start)
    import dataclasses
    import re
    from pipeline.tagging import money, money_lexicon
    seen: list[int] = []
    base = money_lexicon.lexicon()
    watched = {"project_line", "per_increment", "reached_range", "support_verbs_any", "condition_topic"}
    patched = dataclasses.replace(base, **{f.name: _Window(getattr(base, f.name), seen)
                                           for f in dataclasses.fields(base) if f.name in watched
                                           and isinstance(getattr(base, f.name), re.Pattern)})
    monkeypatch.setattr(money, "lexicon", lambda: patched)
    text = "".join(f"{i % 7 + 1}.大同区第{i}个建设项目{i + 100}万元，" for i in range(3000))
    assert len([e for e in money.tag_money(text, policy=True) if e.label == "MONEY"]) == 3000
    assert seen and max(seen) < 2000


def test_a_sentence_is_read_a_bounded_way_ahead_of_each_amount(monkeypatch):
    # figures of a plan with no sentence end anywhere: looking for the end of each amount's sentence
    # must stop within a window, or the work grows with the square of the text
    from pipeline.tagging import money_roles
    seen: list[int] = []
    monkeypatch.setattr(money_roles, "_SENTENCE_END", _Window(money_roles._SENTENCE_END, seen))
    text = "".join(f"全市实现产值{i + 100}万元，" for i in range(3000))
    assert len([e for e in tag_money(text, policy=True) if e.label == "MONEY"]) == 3000
    assert seen and max(seen) < 2000
