"""What linking needs of one Record: ids, dates, jurisdiction, title keys, normalised text, figures."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..clean.script import to_simplified
from ..types import Record
from .normalise import (load_json, normalise_doc_number, normalise_text, series_key,
                        title_key)

# Support figures: an amount with its unit or a percentage (what a revision changes, a repost keeps).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千)?(?:元|美元|港元|欧元)|\d+(?:\.\d+)?%")
_DATE_IN_TEXT = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@cache
def _place_pattern() -> re.Pattern:
    data = load_json("jurisdictions.json")
    suffixes = "|".join(sorted(data["suffixes"], key=len, reverse=True))
    # A place name: 2-10 characters ending in a division suffix, possibly nested (市 + 区).
    return re.compile(rf"^(?:[\u4e00-\u9fff]{{1,9}}?(?:{suffixes})){{1,3}}")


@cache
def _organ_markers() -> re.Pattern:
    return re.compile("|".join(load_json("jurisdictions.json")["organ_markers"]))


def jurisdiction_of_name(name: str | None) -> str | None:
    """The place an organ's full name starts with (中山市商务局 -> 中山市), None for an unplaced name."""
    if not name:
        return None
    name = to_simplified(re.sub(r"\s+", "", name))
    m = _place_pattern().match(name)
    if m and _organ_markers().search(m.group(0)):
        # A national body's local office (国家税务总局中山市税务局): the place follows the organ.
        last = list(_organ_markers().finditer(m.group(0)))[-1]
        m = _place_pattern().match(name[last.end():])
    if not m or len(m.group(0)) < 2:
        return None
    return m.group(0)


def jurisdiction_of_record(record: Record) -> str | None:
    """A document's jurisdiction: from its issuer, else its title, else its most frequent canonical agency."""
    for name in (record.meta.issuer, record.meta.title):
        place = jurisdiction_of_name(name)
        if place:
            return place
    counts: dict[str, int] = {}
    for e in record.entities:
        if e.label == "AGENCY":
            place = jurisdiction_of_name(e.attrs.get("canonical"))
            if place:
                counts[place] = counts.get(place, 0) + 1
    return max(counts, key=counts.get) if counts else None


def document_date(record: Record) -> str | None:
    """The document's ISO date: meta.date, else effective_from."""
    return record.meta.date or record.meta.effective_from


def figures_of(text: str) -> tuple[str, ...]:
    """The sorted support figures (50万元, 30%) of a normalised text: equal for reposts, not for revisions."""
    return tuple(sorted(_FIGURE.findall(text)))


@dataclass
class DocSummary:
    """The per-document facts the linking functions read; cheap to build, storable as a row."""
    id: str
    date: str | None
    jurisdiction: str | None
    title: str | None
    title_key: str
    series_key: str
    doc_number: str
    kind: str
    text: str                                    # normalised (see normalise_text)
    figures: tuple[str, ...] = field(default_factory=tuple)
    source_path: str | None = None
    effective_from: str | None = None
    effective_to: str | None = None

    @classmethod
    def from_record(cls, record: Record) -> "DocSummary":
        text = normalise_text(record.text)
        return cls(
            id=record.id, date=document_date(record), jurisdiction=jurisdiction_of_record(record),
            title=record.meta.title, title_key=title_key(record.meta.title),
            series_key=series_key(record.meta.title),
            doc_number=normalise_doc_number(record.meta.doc_number), kind=record.kind,
            text=text, figures=figures_of(text), source_path=(record.source or {}).get("path"),
            effective_from=record.meta.effective_from, effective_to=record.meta.effective_to,
        )
