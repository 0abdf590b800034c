"""Link keys: derived once at extraction, carried by the record, the same when derived later."""
from __future__ import annotations

from pipeline.extraction import extract
from pipeline.linking.keys import citations_of, keys_of, link_keys
from pipeline.types import Record
from tests.corpus import RAW


def test_an_extracted_record_carries_its_keys_and_they_survive_json():
    record = extract(RAW / "zs-2024-reply-133089.txt")
    assert record.keys is not None and record.keys.jurisdiction == "中山市"
    assert record.keys.number_key == "中山商务贸函20248号"
    again = Record.from_dict(record.to_dict())
    assert again.keys == record.keys


def test_a_record_without_keys_gets_the_same_keys_derived():
    record = extract(RAW / "zs-2024-reply-133089.txt")
    old = Record.from_dict({k: v for k, v in record.to_dict().items() if k != "keys"})
    assert old.keys is None and keys_of(old) == link_keys(record) == record.keys


def test_citations_come_back_with_their_spans_in_the_text():
    record = extract(RAW / "zs-2024-reply-133089.txt")
    cited = citations_of(record)
    assert cited and all(record.text[c.start:c.end] == c.text for c in cited)
