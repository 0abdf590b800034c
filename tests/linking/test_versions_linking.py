"""Revisions are linked SUPERSEDES and `diff` reports exactly the changes the generator made."""
from __future__ import annotations


import pytest

from pipeline.linking import diff_records, format_diff, in_force, link_records
from pipeline.linking.diff import match_measures, title_similarity
from pipeline.types import Measure, Meta, Record
from tests.linking.sketch import sketch_record, variant_records


def assert_diff_is_exactly(changes: list[dict], diff) -> None:
    """The diff's measure changes and dates are the generated ones, nothing more."""
    measures = {}
    for c in changes:
        if c["kind"] != "dates":
            measures.setdefault(c["measure"], []).append(c)
    assert len(diff.measures) == len(measures), format_diff(diff)
    by_title = {m.title: m for m in diff.measures}
    for title, made in measures.items():
        m = by_title[title]
        for c in made:
            if c["kind"] == "removed":
                assert m.kind == "removed"
                continue
            assert m.kind == "changed"
            fields = {f.field: f for f in m.changes}
            if c["kind"] == "cap":
                f = fields["caps"]
                assert c["old"] in f.old and c["new"] in f.new
                assert sorted(f.old) == sorted([x for x in f.new if x != c["new"]] + [c["old"]])
            elif c["kind"] == "responsible":
                f = fields["responsible"]
                assert set(f.old) - set(f.new) == {c["removed"]} and set(f.new) - set(f.old) == {c["added"]}
        assert {f.field for f in m.changes} <= {"caps", "responsible"}
    shift = next(c["shift_years"] for c in changes if c["kind"] == "dates")
    date = next(f for f in diff.meta if f.field == "date")
    assert int(date.new[:4]) - int(date.old[:4]) == shift and date.new[4:] == date.old[4:]


def test_every_revision_of_the_dev_corpus_is_linked_and_diffed_exactly():
    variants, records = variant_records()
    by_id = {r.id: r for r in records}
    result = link_records(records)
    links = {(e.source, e.target) for e in result.supersedes}
    revisions = [v for v in variants if v.kind == "revision"]
    assert len(revisions) >= 2
    for v in revisions:
        assert (v.id, v.base) in links
        assert_diff_is_exactly(v.changes, diff_records(by_id[v.base], by_id[v.id]))
    assert all(e.source in {v.id for v in revisions} for e in result.supersedes)   # nothing else linked


def test_every_revision_of_a_generated_corpus_is_linked_and_diffed_exactly():
    from make_variants import generated_corpus
    variants = generated_corpus(250, seed=2)
    records = [sketch_record(v.id, v.text, v.title, "示例市人民政府办公室") for v in variants]
    by_id = {r.id: r for r in records}
    links = {(e.source, e.target) for e in link_records(records).supersedes}
    revisions = [v for v in variants if v.kind == "revision"]
    assert len(revisions) >= 10
    for v in revisions:
        assert (v.id, v.base) in links
        assert_diff_is_exactly(v.changes, diff_records(by_id[v.base], by_id[v.id]))
    assert len(links) == len(revisions)


def _notice(doc_id: str, title: str, date: str, issuer: str, text: str = "") -> Record:
    return Record(id=doc_id, source={}, meta=Meta(title=title, issuer=issuer, date=date), text=text or title)


@pytest.mark.parametrize("older, newer, linked", [
    ("关于做好2023年度安全生产工作的通知", "关于做好2024年度安全生产工作的通知", True),
    ("成都市促进民营经济发展若干措施（试行）", "成都市促进民营经济发展若干措施", True),
    ("绍兴市人才引进实施办法", "绍兴市人才引进实施办法（2024年修订）", True),
    ("关于做好2023年度安全生产工作的通知", "关于做好2024年度防汛工作的通知", False),
])
def test_title_series_supersedes_within_a_jurisdiction(older, newer, linked):
    a = _notice("a", older, "2023-02-01", "某某市人民政府办公室", older + "。第一条内容甲。")
    b = _notice("b", newer, "2024-02-01", "某某市人民政府办公室", newer + "。第二条内容乙。")
    edges = link_records([a, b]).supersedes
    assert [(e.source, e.target) for e in edges] == ([("b", "a")] if linked else [])


def test_same_series_in_two_jurisdictions_is_not_a_version():
    a = _notice("a", "关于做好2023年度安全生产工作的通知", "2023-02-01", "甲市人民政府办公室")
    b = _notice("b", "关于做好2024年度安全生产工作的通知", "2024-02-01", "乙县人民政府办公室")
    assert link_records([a, b]).supersedes == []


def test_explicit_repeal_clause_supersedes_the_cited_document():
    old = _notice("old", "嘉兴市科技创新券管理办法", "2019-05-01", "嘉兴市科学技术局")
    old.meta.doc_number = "嘉科〔2019〕12号"
    text = "本办法自2023年1月1日起施行，《嘉兴市科技创新券管理办法》（嘉科〔2019〕12号）同时废止。"
    new = _notice("new", "嘉兴市科技创新券使用办法", "2022-12-01", "嘉兴市科学技术局", text)
    [edge] = link_records([old, new]).supersedes
    assert (edge.source, edge.target) == ("new", "old") and "explicit-repeal" in edge.attrs["rules"]
    assert edge.provenance[0].doc_id == "new" and text[edge.provenance[0].start:edge.provenance[0].end] \
        in ("嘉兴市科技创新券管理办法", "嘉科〔2019〕12号")


def test_in_force_uses_validity_and_supersession():
    a = _notice("a", "某市促进消费若干措施", "2023-03-01", "某市人民政府")
    a.meta.effective_to = "2025-12-31"
    b = _notice("b", "某市促进消费若干措施（修订）", "2024-06-01", "某市人民政府")
    c = _notice("c", "某市稳就业若干措施", "2022-01-01", "某市人民政府")
    c.meta.effective_to = "2023-12-31"
    result = link_records([a, b, c])
    assert in_force(result.summaries, result.supersedes, "2023-06-01") == {"a", "c"}
    assert in_force(result.summaries, result.supersedes, "2024-07-01") == {"b"}


def test_measures_match_by_title_across_renumbering_and_rewording():
    old = [Measure("一", "加快开拓国际市场", 0, 1), Measure("二", "实施强企培优计划", 1, 2),
           Measure("三", "促进跨境电商发展", 2, 3)]
    new = [Measure("一", "加快开拓国际国内市场", 0, 1), Measure("二", "促进跨境电商发展", 2, 3)]
    pairs = {(a.label if a else None, b.label if b else None) for a, b in match_measures(old, new)}
    assert pairs == {("一", "一"), ("三", "二"), ("二", None)}
    assert title_similarity("加快开拓国际市场", "加快开拓国际国内市场") >= 0.6 > \
        title_similarity("实施强企培优计划", "促进跨境电商发展")


def test_diff_of_identical_records_is_empty():
    _, records = variant_records()
    assert diff_records(records[0], records[0]).empty


def test_caps_in_force_follow_supersession():
    from pipeline.linking.versions import caps_in_force
    from pipeline.types import Entity
    a = _notice("a", "某市促进消费若干措施", "2023-03-01", "某市人民政府", "一、补贴。最高10万元。")
    a.entities = [Entity("MONEY", "最高10万元", 6, 12, attrs={"amount": 100000, "role": "cap", "measure": "一"})]
    b = _notice("b", "某市促进消费若干措施（修订）", "2024-06-01", "某市人民政府", "一、补贴。最高20万元。")
    b.entities = [Entity("MONEY", "最高20万元", 6, 12, attrs={"amount": 200000, "role": "cap", "measure": "一"})]
    result = link_records([a, b])
    assert [c.amount for c in caps_in_force([a, b], result.summaries, result.supersedes, "2023-12-01")] == [100000]
    assert [c.amount for c in caps_in_force([a, b], result.summaries, result.supersedes, "2024-12-01")] == [200000]
