"""What changed between two versions of a document, in the store's terms (pure): each kind of change once, with
its provenance, and the ids a new version gives the old one's document, measures and responses."""
from __future__ import annotations

import copy

from pipeline.graph.build import build_rows
from pipeline.graph.changes import (KINDS, counts, document_changes, followup_change, summary,
                                    supersession_changes)
from pipeline.graph.runs import new_version
from pipeline.types import Entity, Measure
from tests.graph.fakes import measures_record, reply_record


def _version(record):
    return new_version(build_rows(record, "s" * 64, "test-1"), record.to_dict())


def _facts(found):
    return [(c.kind, c.measure_label, c.field, c.old, c.new) for c in found]


def _revised(**changes):
    """The fake measures notice under another id, changed by `changes` (a function of the record each)."""
    record = measures_record("measures02")
    for change in changes.values():
        change(record)
    return record


def test_the_same_version_twice_changes_nothing():
    v = _version(measures_record())
    assert document_changes(v, copy.deepcopy(v)) == ([], {})


def test_a_new_document_lists_its_measures_units_amounts_and_those_outside_measures():
    record = measures_record()
    record.entities.append(Entity("MONEY", "2000万元", 0, 6, 1, {"amount": 20_000_000, "currency": "CNY",
                                                                 "role": "grant", "measure": None}))
    found, renames = document_changes(None, _version(record), "/docs/m.txt")
    assert renames == {} and [c.kind for c in found] == ["document_added", "measure_added", "measure_added",
                                                         "amount_added"]
    head, first, second, outside = found
    assert head.detail == {"path": "/docs/m.txt", "doc_number": "中府办〔2025〕1号", "date": "2025-01-02",
                           "issuer": "中山市人民政府办公室", "kind": "measures"}
    assert (first.measure_id, first.measure_label, first.measure_title) == ("measures01/m1", "一", "加快开拓国际市场")
    assert first.detail["units"] == ["中山市商务局", "中山市工业和信息化局"]
    assert first.detail["amounts"] == [{"role": "cap", "text": "最高50万元", "amount": 500000, "currency": "CNY",
                                        "rate": 0.5, "scope": "每家企业"}]
    assert (second.page, second.detail["amounts"][0]["role"]) == (2, "grant")
    assert (outside.measure_id, outside.field, outside.new["amount"], outside.start) == (None, "grant", 20_000_000, 0)


def test_a_cap_changed_in_amount_rate_and_scope_is_one_row_a_field_at_the_new_span():
    def cap(record):
        e = record.entities[0]
        e.attrs.update(amount=800000, rate=0.3, scope="每个项目")
    old, new = _version(measures_record()), _version(_revised(cap=cap))
    found, renames = document_changes(old, new, "/docs/m.txt")
    assert _facts(found) == [("document_updated", None, None, "measures01", "measures02"),
                             ("amount_changed", "一", "amount", 500000, 800000),
                             ("amount_changed", "一", "rate", 0.5, 0.3),
                             ("amount_changed", "一", "scope", "每家企业", "每个项目")]
    cap_row = found[1]
    assert (cap_row.source_id, cap_row.start, cap_row.page) == ("measures02", new.text.index("最高"), 1)
    assert cap_row.detail["old_provenance"]["document_id"] == "measures01"
    assert renames == {"measures01": "measures02", "measures01/m1": "measures02/m1", "measures01/m2": "measures02/m2"}


def test_amounts_equal_in_both_versions_pair_first_and_the_rest_are_added_or_removed():
    def more(record):
        m = record.measures[0]
        record.entities += [Entity("MONEY", "10万元", m.start + 2, m.start + 6, 1,
                                   {"amount": 100000, "currency": "CNY", "role": "cap", "measure": "一"}),
                            Entity("RATE", "30%", m.start + 8, m.start + 11, 1, {"value": 0.3, "role": "rate",
                                                                                  "measure": "一"})]
        record.entities = [e for e in record.entities if e.text != "15万元"]
    found, _ = document_changes(_version(measures_record()), _version(_revised(more=more)))
    assert _facts(found)[1:] == [("amount_added", "一", "cap", None, {"role": "cap", "text": "10万元",
                                                                      "amount": 100000, "currency": "CNY"}),
                                 ("amount_added", "一", "rate", None, {"role": "rate", "text": "30%", "rate": 0.3}),
                                 ("amount_removed", "二", "grant", {"role": "grant", "text": "15万元",
                                                                    "amount": 150000, "currency": "CNY"}, None)]
    assert found[-1].source_id == "measures01"          # what went is shown where it stood


def test_a_unit_added_and_a_unit_dropped_are_shown_where_the_measure_names_them():
    def units(record):
        record.measures[0].responsible = ["中山市商务局", "中山市财政局"]
    old, new = _version(measures_record()), _version(_revised(units=units))
    found, _ = document_changes(old, new)
    assert _facts(found)[1:] == [("unit_added", "一", "unit", None, "中山市财政局"),
                                 ("unit_dropped", "一", "unit", "中山市工业和信息化局", None)]
    added, dropped = found[1:]
    m = new.rows("measures")[0]
    assert (added.source_id, added.start, added.end) == ("measures02", m["start"], m["end"])   # not named inside
    assert (dropped.source_id, old.text[dropped.start:dropped.end]) == ("measures01", "工业和信息化局")


def test_measures_added_removed_and_retitled_are_paired_as_diff_pairs_them():
    def outline(record):
        one, two = record.measures
        record.measures = [Measure("一", "加快开拓国际市场", one.start, one.end, one.responsible, one.lead),
                           Measure("二", "支持贸易融资发展", two.start, two.end, two.responsible),
                           Measure("三", "培育外贸新业态", two.end, two.end + 1)]
    found, renames = document_changes(_version(measures_record()), _version(_revised(outline=outline)))
    assert _facts(found)[1:] == [("measure_retitled", "二", "title", "支持贸易融资", "支持贸易融资发展"),
                                 ("measure_added", "三", None, None, None)]
    found, renames = document_changes(_version(_revised(outline=outline)), _version(measures_record()))
    assert [c.kind for c in found] == ["document_updated", "measure_retitled", "measure_removed"]
    assert found[-1].measure_id == "measures02/m3" and "measures02/m3" not in renames


def test_dates_and_validity_changes_are_meta_changes_found_in_the_text():
    def dates(record):
        record.meta.effective_to = "2026-12-31"
        record.meta.title = "中山市促进外经贸发展若干措施（修订）"
        record.text = record.meta.title + record.text[len("中山市促进外经贸发展若干措施"):]
    found, _ = document_changes(_version(measures_record()), _version(_revised(dates=dates)))
    assert _facts(found) == [("document_updated", None, None, "measures01", "measures02"),
                             ("meta_changed", None, "effective_to", "2025-12-31", "2026-12-31"),
                             ("meta_changed", None, "title", "中山市促进外经贸发展若干措施",
                              "中山市促进外经贸发展若干措施（修订）")]
    title = found[2]
    assert (title.start, title.end) == (0, len("中山市促进外经贸发展若干措施（修订）"))
    assert found[1].start is None and found[1].source_id == "measures02"


def test_a_reply_names_the_proposal_it_answers_and_its_responses_keep_their_labels():
    new = _version(reply_record())
    found, _ = document_changes(None, new)
    [reply] = [c for c in found if c.kind == "reply_added"]
    assert reply.new == "中山市政协十三届三次会议#133089" and reply.detail["number"] == "133089"
    assert new.text[reply.start:reply.end] == "133089"
    _, renames = document_changes(new, _version(reply_record("reply2")))
    assert renames == {"reply133089": "reply2", "reply133089/r1": "reply2/r1", "reply133089/r2": "reply2/r2"}


def test_a_document_gone_lists_its_measures_where_they_stood():
    old = _version(measures_record())
    found, renames = document_changes(old, None, "/docs/m.txt")
    assert [c.kind for c in found] == ["document_pruned", "measure_removed", "measure_removed"] and renames == {}
    assert found[0].detail == {"path": "/docs/m.txt", "doc_number": "中府办〔2025〕1号", "date": "2025-01-02"}
    assert all(c.source_id == "measures01" and c.start is not None for c in found[1:])


def test_extracting_the_same_bytes_again_with_other_facts_is_an_update_of_the_same_id():
    def cap(record):
        record.entities[0].attrs["amount"] = 600000
    old = _version(measures_record())
    again = measures_record()
    cap(again)
    new = new_version(build_rows(again, "s" * 64, "test-2"), again.to_dict())
    found, renames = document_changes(old, new)
    assert _facts(found) == [("document_updated", None, None, None, "measures01"),
                             ("amount_changed", "一", "amount", 500000, 600000)]
    assert found[0].detail["pipeline_version"] == ["test-1", "test-2"] and renames == {}


def test_a_supersession_puts_the_older_measures_out_of_force_once():
    edge = {"newer_id": "n1", "older_id": "o1", "rules": '["title-series"]', "page": 2, "start": 5, "end": 9,
            "newer_title": "新措施", "newer_start": "2026-01-01", "older_title": "旧措施"}
    measures = [{"id": "o1/m1", "label": "一", "title": "甲", "page": 1, "start": 10, "end": 20}]
    head, out = supersession_changes(edge, measures, already_superseded=False)
    assert (head.kind, head.document_id, head.new, head.source_id, head.start) == ("superseded", "o1", "n1", "n1", 5)
    assert head.detail == {"newer_id": "n1", "newer": "新措施", "from": "2026-01-01", "rules": ["title-series"]}
    assert (out.kind, out.measure_id, out.source_id, out.start, out.detail) == \
        ("measure_out_of_force", "o1/m1", "o1", 10, {"newer_id": "n1", "from": "2026-01-01"})
    assert [c.kind for c in supersession_changes(edge, measures, already_superseded=True)] == ["superseded"]


def test_a_follow_up_link_is_reported_under_the_measure_acting_on_the_reply():
    link = {"reply_id": "r1", "response_id": "r1/r2", "measure_id": "d1/m3", "rank": 1, "score": 0.31,
            "document_id": "d1", "label": "三", "title": "丙", "page": 1, "start": 40, "end": 80,
            "document": "某措施", "proposal_id": "s#1", "proposal_number": "1", "proposal_title": "建议",
            "response_label": "二"}
    c = followup_change(link)
    assert (c.kind, c.document_id, c.measure_id, c.new, c.start) == ("followup_added", "d1", "d1/m3", "r1", 40)
    assert c.detail == {"reply_id": "r1", "proposal": "1", "proposal_title": "建议", "response": "二", "rank": 1,
                        "score": 0.31}


def test_counts_follow_the_order_of_kinds_and_read_as_a_line():
    counted = counts(["unit_added", "document_updated", "amount_changed", "unit_added"])
    assert list(counted) == ["document_updated", "amount_changed", "unit_added"]
    assert summary(counted) == "documents updated 1 · caps, grants or rates changed 1 · units added 2"
    assert summary({}) == "none" and len(set(KINDS)) == len(KINDS)
