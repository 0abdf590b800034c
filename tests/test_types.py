"""The record dataclasses: dict and JSON forms; a failed record carries no text and bounded messages."""
from __future__ import annotations

import json

from pipeline.types import MAX_MESSAGE_CHARS, Entity, Meta, Record


def test_record_to_json_keeps_chinese_readable_and_reads_back():
    record = Record(id="abc", source={"path": "a.txt"}, meta=Meta(title="中山市稳外贸促增长若干措施"),
                    entities=[Entity("MONEY", "最高100万元", 3, 10, attrs={"amount": 1000000.0})])
    text = record.to_json()
    assert "中山市稳外贸促增长若干措施" in text
    assert Record.from_dict(json.loads(text)).to_dict() == record.to_dict()
    assert "\n" not in record.to_json(indent=None)


def test_a_failed_record_keeps_no_text():
    text = "国务院办公厅" * 200_000
    record = Record(id="x", source={"path": "x.txt"}, text=text, entities=[Entity("AGENCY", "国务院办公厅", 0, 6)],
                    error=f"E199 internal error: ValueError: {text}", warnings=[f"ValueError: {text}"])
    d = record.to_dict()
    assert d["text"] == "" and d["entities"] == [] and d["measures"] == [] and d["sections"] == []
    assert len(d["error"]) == MAX_MESSAGE_CHARS and d["error"].startswith("E199")
    assert all(len(w) <= MAX_MESSAGE_CHARS for w in d["warnings"])


def test_a_record_without_error_keeps_everything():
    record = Record(id="x", source={}, text="国务院办公厅", entities=[Entity("AGENCY", "国务院办公厅", 0, 6)],
                    warnings=["W303 date not found"])
    d = record.to_dict()
    assert d["text"] == "国务院办公厅" and len(d["entities"]) == 1 and "error" not in d


def test_where_each_page_s_text_lies_is_kept_and_read_back():
    pages = [{"page": 1, "start": 0, "end": 3}, {"page": 2, "start": 3, "end": 6}]
    record = Record(id="x", source={}, text="国务院办公厅", pages=pages)
    assert record.to_dict()["pages"] == pages and Record.from_dict(record.to_dict()).pages == pages
    assert "pages" not in Record(id="y", source={}, text="无页").to_dict()                  # a text file has none
    assert "pages" not in Record(id="z", source={}, pages=pages, error="E111 corrupt").to_dict()
