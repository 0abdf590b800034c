"""The record dataclasses: dict and JSON forms."""
import json

from pipeline.types import Entity, Meta, Record


def test_record_to_json_keeps_chinese_readable_and_reads_back():
    record = Record(id="abc", source={"path": "a.txt"}, meta=Meta(title="中山市稳外贸促增长若干措施"),
                    entities=[Entity("MONEY", "最高100万元", 3, 10, attrs={"amount": 1000000.0})])
    text = record.to_json()
    assert "中山市稳外贸促增长若干措施" in text
    assert Record.from_dict(json.loads(text)).to_dict() == record.to_dict()
    assert "\n" not in record.to_json(indent=None)
