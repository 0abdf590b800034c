"""What the pages are made of: addresses, a record's text as lines of plain and tagged pieces with page
numbers in the margin, the query's words marked, amounts and rates for people."""
from __future__ import annotations

from pipeline.web.present import marked, money, node_url, page_starts, rate, text_lines, url_for


def _record(text, entities=(), pages=None, measures=()):
    return {"text": text, "entities": list(entities), "measures": list(measures), "responses": [],
            **({"pages": pages} if pages else {})}


def _agency(text, start, canonical, page=None):
    return {"label": "AGENCY", "text": text, "start": start, "end": start + len(text), "page": page,
            "canonical": canonical}


def test_addresses_are_permanent_and_encode_every_special_character():
    assert url_for("agency", "中山市商务局") == "/agency/%E4%B8%AD%E5%B1%B1%E5%B8%82%E5%95%86%E5%8A%A1%E5%B1%80"
    assert url_for("proposal", "市政协#133089") == "/proposal/%E5%B8%82%E6%94%BF%E5%8D%8F%23133089"
    assert url_for("measure", "abc/m7") == "/doc/abc#m7"
    assert node_url("Document:abc") == "/doc/abc" and node_url("Person:王伟|") == "/graph?node=Person%3A%E7%8E%8B%E4%BC%9F%7C"


def test_tagged_spans_become_pieces_with_links_and_a_span_over_a_line_end_is_cut():
    text = "市商务局负责。\n给予最高50万\n元支持。"
    money_at = text.index("最高")
    record = _record(text, [_agency("市商务局", 0, "中山市商务局"),
                            {"label": "MONEY", "text": "最高50万\n元", "start": money_at, "end": money_at + 7,
                             "page": None, "amount": 500000, "role": "cap", "currency": "CNY"}])
    first, second, third = text_lines(record)
    assert first["pieces"][0] == {"text": "市商务局", "label": "AGENCY", "role": None,
                                  "href": url_for("agency", "中山市商务局"), "title": "机构 agency: 中山市商务局"}
    assert first["pieces"][1] == {"text": "负责。", "label": None}
    assert [(p["text"], p["label"]) for p in second["pieces"]] == [("给予", None), ("最高50万", "MONEY")]
    assert [(p["text"], p["label"], p.get("role")) for p in third["pieces"]] == [("元", "MONEY", "cap"),
                                                                                  ("支持。", None, None)]
    assert "500,000" in second["pieces"][1]["title"]


def test_overlapping_spans_keep_the_longer_one_starting_first():
    record = _record("中山市商务局", [_agency("中山市商务局", 0, "中山市商务局"), _agency("商务局", 3, "x")])
    [line] = text_lines(record)
    assert [(p["text"], p["label"]) for p in line["pieces"]] == [("中山市商务局", "AGENCY")]


def test_page_numbers_stand_where_each_page_starts():
    text = "第一页\n还是第一页\n第二页开始\n第三页"
    pages = [{"page": 1, "start": 0, "end": 10}, {"page": 2, "start": 10, "end": 16}, {"page": 3, "start": 16, "end": 19}]
    assert [line["page"] for line in text_lines(_record(text, pages=pages))] == [1, None, 2, 3]


def test_without_kept_pages_the_tagged_spans_tell_where_pages_start():
    text = "甲\n乙市商务局\n丙市财政局"
    record = _record(text, [_agency("市商务局", 3, "a", page=1), _agency("市财政局", 9, "b", page=2)])
    assert page_starts(record) == [(0, 1), (9, 2)]
    assert [line["page"] for line in text_lines(record)] == [1, None, 2]


def test_a_measure_s_line_carries_its_anchor():
    text = "前言\n一、开拓市场\n正文"
    lines = text_lines(_record(text), measure_starts={text.index("一"): "m1"})
    assert [line["anchor"] for line in lines] == [None, "m1", None]


def test_the_query_and_its_words_are_marked_in_the_original_script():
    assert marked("中山市穩外貿促增長", "稳外贸") == [("中山市", False), ("穩外貿", True), ("促增長", False)]
    assert marked("市工信局、市商务局", "工信") == [("市", False), ("工信", True), ("局、市商务局", False)]
    assert marked(None, "x") == []


def test_amounts_and_rates_for_people():
    assert (money(2000000), money(1500.5), money(None)) == ("2,000,000", "1,500.50", "")
    assert (rate(0.5), rate(0.015), rate(None)) == ("50%", "1.5%", "")


def test_a_change_detail_reads_as_text_before_and_after_then_plain_fields():
    from pipeline.web.present import change_detail
    detail = {"text": ["最高奖补200万元", "最高奖补300万元"], "role": "cap", "old_provenance": {"start": 1}}
    assert change_detail(detail) == "最高奖补200万元 → 最高奖补300万元; role: cap"
    assert change_detail(None) == ""
