"""Every models/structure data file parses, and every pattern matches its own examples."""
import json
import re

import pytest

from pipeline.structure.lexicon import DATA_DIR, data, expand

FILES = sorted(p.stem for p in DATA_DIR.glob("*.json"))


def test_data_files_parse_and_have_a_note():
    assert {"patterns", "outline", "doc_types", "chrome", "elements", "measures", "replies"} <= set(FILES)
    for name in FILES:
        d = json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert d["_note"].strip()


def _pattern_cases():
    p = data("patterns")
    for key in ("doc_number", "doc_number_damaged", "doc_number_site_value", "date_arabic", "date_chinese",
                "date_numeric", "date_bare"):
        for ex in p[key]["examples"]:
            yield key, p[key]["pattern"], ex
    for spec in data("outline")["styles"]:
        for ex in spec["examples"]:
            yield spec["id"], spec["pattern"], ex
    for key in ("category", "disclosure"):
        for ex in p[key]["examples"]:
            yield key, "|".join(f"(?:{x})" for x in p[key]["patterns"]).replace("?P<v>", ""), ex
    for ex in p["printer"]["examples"]:
        yield "printer", p["printer"]["pattern"], ex
    for ex in data("chrome")["line_cues"]:
        yield "chrome", ex[0], ex[1]
    r = data("replies")
    for key in ("proposal_number", "session"):
        for ex in r[key]["examples"]:
            yield key, r[key]["pattern"], ex


@pytest.mark.parametrize("name,pattern,example", list(_pattern_cases()))
def test_pattern_matches_its_examples(name, pattern, example):
    assert re.search(pattern, example), (name, example)


def _element_cases(kind: str):
    """Each element pattern with its examples (those written as text only, not with an explanation after)."""
    for name, spec in data("elements").items():
        if isinstance(spec, dict) and isinstance(spec.get("pattern"), str):
            for ex in spec.get(kind, []):
                if isinstance(ex, str) and " (" not in ex and " / " not in ex:
                    yield name, spec["pattern"], ex


@pytest.mark.parametrize("name,pattern,example", list(_element_cases("examples")))
def test_element_pattern_matches_its_examples(name, pattern, example):
    assert re.search(pattern, example), (name, example)


@pytest.mark.parametrize("name,pattern,example", list(_element_cases("counter_examples")))
def test_element_pattern_misses_its_counter_examples(name, pattern, example):
    assert not re.search(pattern, example), (name, example)


def _doc_type_cases(kind: str):
    """Each doc_types rule written as a pattern (or patterns) with its examples as plain text."""
    for name, spec in data("doc_types").items():
        if not isinstance(spec, dict):
            continue
        patterns = [spec["pattern"]] if isinstance(spec.get("pattern"), str) else spec.get("patterns")
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            continue
        patterns = patterns + [v for k, v in spec.items() if k.endswith("_pattern") and isinstance(v, str)]
        for ex in spec.get(kind, []):
            if isinstance(ex, str) and " (" not in ex:
                yield name, tuple(patterns), ex


@pytest.mark.parametrize("name,patterns,example", list(_doc_type_cases("examples")))
def test_doc_type_rule_matches_its_examples(name, patterns, example):
    assert any(re.search(expand(p), example) for p in patterns), (name, example)


@pytest.mark.parametrize("name,patterns,example", list(_doc_type_cases("counter_examples")))
def test_doc_type_rule_misses_its_counter_examples(name, patterns, example):
    assert not any(re.search(expand(p), example) for p in patterns), (name, example)


def test_a_citations_verb_is_no_part_of_the_doc_number_it_cites():
    from pipeline.structure.lexicon import pattern
    assert pattern("doc_number").search("奖补政策参照谯政秘〔2018〕30号文件").group("v") == "谯政秘〔2018〕30号"
    assert pattern("doc_number").search("根据豫政〔2023〕33号精神").group("v") == "豫政〔2023〕33号"


@pytest.mark.parametrize("spec,example,hit", [
    (spec, ex, hit) for spec in (data("measures")["unit_duty"], data("measures")["duty_assignment"],
                                 data("measures")["unit_heading"], data("outline")["bracket_content_labels"])
    for key, hit in (("examples", True), ("counter_examples", False)) for ex in spec[key]])
def test_a_rule_pattern_takes_its_examples_and_leaves_its_counter_examples(spec, example, hit):
    assert bool(re.search(spec["pattern"], example)) is hit
