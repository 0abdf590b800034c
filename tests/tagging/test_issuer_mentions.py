"""The issuer's own name, written whole where the scanners miss or break it, is one agency mention."""
import json

import pytest

from pipeline.extraction import extract
from pipeline.tagging.agency_data import AGENCY_DIR
from pipeline.tagging.issuer_mentions import RULE, issuer_mentions, issuer_parts
from pipeline.tagging.jurisdiction import infer_jurisdiction
from pipeline.types import Entity

SPEC = json.loads((AGENCY_DIR / "issuer_mention.json").read_text(encoding="utf-8"))


def _mentions(text: str, issuer: str, entities=()) -> list[tuple[str, int, str]]:
    j = infer_jurisdiction(text, issuer, None, None)
    return [(e.text, e.start, e.attrs["rule"]) for e in issuer_mentions(text, issuer, list(entities), j)]


@pytest.mark.parametrize("example", SPEC["examples"], ids=lambda x: x["mention"])
def test_examples_are_tagged_by_the_issuer_rule(example):
    found = _mentions(example["text"], example["issuer"])
    assert (example["mention"], example["text"].index(example["mention"]), RULE) in found


@pytest.mark.parametrize("example", SPEC["counter_examples"], ids=lambda x: x["why"])
def test_counter_examples_are_not(example):
    assert _mentions(example["text"], example["issuer"]) == []


def test_a_signature_the_scanners_miss_is_tagged_in_a_whole_record(tmp_path):
    text = "关于启动重污染天气应急响应的通知\n各县(市、区):\n现启动应急响应。\n唐山市重污染天气应对指挥部\n2023年12月24日\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    record = extract(tmp_path / "t.txt").to_dict()
    assert ("唐山市重污染天气应对指挥部", "agency.issuer") in [
        (e["text"], e.get("rule")) for e in record["entities"] if e["label"] == "AGENCY"]


def test_pieces_of_the_name_give_way_but_a_name_across_a_tagged_edge_stays():
    text = "领导小组成员单位:\n自治区推进丝绸之路经济带核心区建设工作领导小组办公室\n2017年10月13日"
    issuer = "自治区推进丝绸之路经济带核心区建设工作领导小组办公室"
    a = text.index(issuer)
    piece = Entity("AGENCY", "济带核心区建设工作领导小组办公室", a + 10, a + len(issuer), None, {"rule": "x"})
    assert _mentions(text, issuer, [piece]) == [(issuer, a, RULE)]
    across = Entity("AGENCY", text[a - 3:a + 5], a - 3, a + 5, None, {"rule": "x"})
    assert _mentions(text, issuer, [across]) == [(across.text, a - 3, "x")]


def test_joint_issuers_split_at_spaces_and_only_names_that_end_like_a_body_count():
    assert issuer_parts("吕梁市商务局 吕梁市财政局") == ["吕梁市商务局", "吕梁市财政局"]
    assert issuer_parts("长兴县") == [] and issuer_parts("办公室") == []


def test_two_bodies_run_together_in_traditional_script_are_no_one_name():
    text = "特此通知。\n中共齊齊哈爾市委辦公室齊齊哈爾市人民政府辦公室\n2018年5月2日"
    assert _mentions(text, "中共齊齊哈爾市委辦公室齊齊哈爾市人民政府辦公室") == []
