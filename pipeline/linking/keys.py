"""The link keys of a record (jurisdiction, title and number keys, what it cites): derived once, at extraction.

Later stages (the store, linking) read `record.keys`; records written before the keys existed get them
derived here on the way in, by the same functions.
"""
from __future__ import annotations

from dataclasses import asdict

from ..types import LinkKeys, Record
from .citations import Citation, find_citations
from .normalise import normalise_doc_number, series_key, title_key
from .summary import jurisdiction_of_record


def link_keys(record: Record) -> LinkKeys:
    """The keys of a record, derived from its meta, agencies and text."""
    cited = [{k: v for k, v in asdict(c).items() if k in ("text", "kind", "key", "start", "end", "cue")}
             for c in find_citations(record)]
    return LinkKeys(jurisdiction=jurisdiction_of_record(record), title_key=title_key(record.meta.title),
                    series_key=series_key(record.meta.title),
                    number_key=normalise_doc_number(record.meta.doc_number), citations=cited)


def keys_of(record: Record) -> LinkKeys:
    """The keys the record carries, derived for a record from before they existed."""
    return record.keys if record.keys is not None else link_keys(record)


def citations_of(record: Record) -> list[Citation]:
    """What a record cites, as linking's Citation objects (spans in Record.text)."""
    return [Citation(record.id, **c) for c in keys_of(record).citations]
