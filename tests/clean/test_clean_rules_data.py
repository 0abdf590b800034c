"""models/clean data: every pattern matches its own examples and nothing it must not."""
import json
import re

import pytest

from pipeline.clean.furniture import is_spam_line, without_jammer
from pipeline.clean.rules import RULES_PATH, layout_rules
from pipeline.clean.signatures import signature_pieces
from pipeline.settings import MODELS

DATA = json.loads(RULES_PATH.read_text(encoding="utf-8"))


def test_files_have_a_note():
    for path in (MODELS / "clean").glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["_note"]


@pytest.mark.parametrize("entry", DATA["page_number_patterns"], ids=lambda e: e["note"])
def test_page_number_examples(entry):
    for example in entry["examples"]:
        assert layout_rules().is_page_number(example), example


@pytest.mark.parametrize("entry", DATA["heading_patterns"], ids=lambda e: e["examples"][0])
def test_heading_examples(entry):
    for example in entry["examples"]:
        assert layout_rules().heading_level(example) == entry["level"], example


@pytest.mark.parametrize("text", ["2024年7月10日", "一、总体要求", "第二条 申报条件", "（三）强化保障",
                                  "共同推动", "3.5亿元", "中山市商务局", "—— 2023年版 ——"])
def test_not_page_numbers(text):
    assert not layout_rules().is_page_number(text)


@pytest.mark.parametrize("text, ends", [
    ("现答复如下：", True), ("请认真贯彻执行。", True), ("的通知》。", True), ("（试行）", False),
    ("“一企一策”", False), ("推动新质生产力", False), ("意见和建议，", False), ("是否可行？”", True),
])
def test_sentence_ends(text, ends):
    assert layout_rules().ends_sentence(text) is ends


@pytest.mark.parametrize("text, level", [("第三條 申報條件", 1), ("第二節 扶持標準", 1), ("（二）強化保障", 2)])
def test_traditional_headings(text, level):
    assert layout_rules().heading_level(text) == level


@pytest.mark.parametrize("text", ["第2頁", "第 3 頁 共 10 頁", "共10頁 第2頁"])
def test_traditional_page_numbers(text):
    assert layout_rules().is_page_number(text)


@pytest.mark.parametrize("example, expected", list(zip(DATA["forum_jammer"]["examples"], DATA["forum_jammer"]["expected"])))
def test_forum_jammer_examples_lose_their_filler(example, expected):
    assert without_jammer(example) == expected


@pytest.mark.parametrize("text", DATA["forum_jammer"]["counter_examples"])
def test_forum_jammer_counter_examples_stay_as_written(text):
    assert without_jammer(text) == text


@pytest.mark.parametrize("text", DATA["spam_line"]["examples"])
def test_spam_line_examples_read_as_spam(text):
    assert is_spam_line(text)


@pytest.mark.parametrize("text", DATA["spam_line"]["counter_examples"])
def test_spam_line_counter_examples_are_document_text(text):
    assert not is_spam_line(text)


def test_shared_document_banner_examples_read_as_banners():
    spec = DATA["shared_document_pages"]
    assert all(re.search(spec["banner"], e) for e in spec["examples"])
    assert not any(re.search(spec["banner"], e) for e in spec["counter_examples"])


@pytest.mark.parametrize("example, expected", list(zip(DATA["run_on_signature"]["examples"],
                                                       DATA["run_on_signature"]["expected"])))
def test_run_on_signature_examples_are_cut_around_the_unit_and_its_date(example, expected):
    assert signature_pieces(example) == expected


@pytest.mark.parametrize("text", DATA["run_on_signature"]["counter_examples"])
def test_run_on_signature_counter_examples_stay_whole(text):
    assert signature_pieces(text) == [text]
