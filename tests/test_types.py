"""Record.to_dict: a failed record carries no text, nothing pointing into it, and bounded messages."""
from __future__ import annotations

from pipeline.types import MAX_MESSAGE_CHARS, Entity, Record


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
