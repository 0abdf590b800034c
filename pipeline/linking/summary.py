"""What linking needs of one Record: ids, dates, jurisdiction, title keys, normalised text, figures."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..clean.script import to_simplified
from ..types import Record
from .normalise import (load_json, normalise_doc_number, normalise_text, series_key,
                        title_key)

# Support figures: an amount with its unit or a percentage (what a revision changes, a repost keeps).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千)?(?:元|美元|港元|欧元)|\d+(?:\.\d+)?%")
_DATE_IN_TEXT = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


@cache
def _level_pattern() -> re.Pattern:
    suffixes = "|".join(_suffixes())
    # One level of a place name: 1-9 characters and a division suffix (中山市, 婺城区, 恩施土家族苗族自治州).
    return re.compile(rf"[\u4e00-\u9fff]{{1,9}}?(?:{suffixes})")


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_json("jurisdictions.json")["suffixes"], key=len, reverse=True))


def leading_place(name: str) -> str:
    """The nested place name a name starts with (up to 3 levels: 金华市婺城区), '' if none."""
    end = 0
    for _ in range(3):
        m = _level_pattern().match(name, end)
        if not m or name[end] in _suffixes():        # a level never starts with a suffix (杭州市|市场监督…)
            break
        end = m.end()
        # 苏州 ends at the suffix 州 inside the city name 苏州市: a suffix right after belongs to the place.
        end += len(next((x for x in _suffixes() if name.startswith(x, end)
                         and not name.startswith(x + "场", end)), ""))
    return name[:end]


@cache
def _organ_markers() -> re.Pattern:
    return re.compile("|".join(load_json("jurisdictions.json")["organ_markers"]))


@lru_cache(maxsize=1 << 16)          # the same few hundred organ names recur in every document
def jurisdiction_of_name(name: str | None) -> str | None:
    """The place an organ's full name starts with (中山市商务局 -> 中山市), None for an unplaced name."""
    if not name:
        return None
    name = to_simplified(re.sub(r"\s+", "", name))
    place = leading_place(name)
    if place and _organ_markers().search(place):
        # A national body's local office (国家税务总局中山市税务局): the place follows the organ.
        last = list(_organ_markers().finditer(place))[-1]
        place = leading_place(name[last.end():])
    return place if len(place) >= 2 else None



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
