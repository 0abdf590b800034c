"""What linking needs of one Record: ids, dates, jurisdiction, title keys, normalised text, figures."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..clean.script import to_simplified
from ..types import Record
from .normalise import load_json, normalise_text

# Support figures: an amount with its unit or a percentage (what a revision changes, a repost keeps).
# A 万元/亿元/% with no digits before it is kept too (as the bare unit): where extraction dropped a
# wrapped line holding the whole number (近 / 60 / 亿元), the copy still shows a figure was there.
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千)?(?:元|美元|港元|欧元)|\d+(?:\.\d+)?%"
                     r"|(?<![\d.千])(?:万|亿)元|(?<![\d.])%")
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


_FIGURE_PARTS = re.compile(r"([\d.]*)(\D*)")


def _lost_digits(short: str, long: str) -> bool:
    """True when figure `short` is `long` with digits dropped (6亿元 or bare 亿元 from 60亿元: a wrapped line lost)."""
    (n_s, unit_s), (n_l, unit_l) = _FIGURE_PARTS.fullmatch(short).groups(), _FIGURE_PARTS.fullmatch(long).groups()
    if unit_s != unit_l or len(n_s) >= len(n_l):
        return False
    rest = iter(n_l)
    return all(ch in rest for ch in n_s)           # n_s is a subsequence of n_l


def figures_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal figures, or differing only where one copy lost digits in extraction; a changed amount disagrees.

    Extraction can drop a wrapped line that held only digits (近6 / 0 / 亿元 -> 近6亿元), so a repost may
    carry a figure with digits missing; a revision changes an amount to one that is no such subsequence.
    """
    only_a, only_b = list(a), list(b)
    for f in b:
        if f in only_a:
            only_a.remove(f)
            only_b.remove(f)
    if len(only_a) != len(only_b):
        return False
    for f in sorted(only_a, key=len, reverse=True):
        match = next((g for g in only_b if _lost_digits(f, g) or _lost_digits(g, f)), None)
        if match is None:
            return False
        only_b.remove(match)
    return True


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
        from .keys import keys_of
        text = normalise_text(record.text)
        keys = keys_of(record)
        return cls(
            id=record.id, date=document_date(record), jurisdiction=keys.jurisdiction,
            title=record.meta.title, title_key=keys.title_key, series_key=keys.series_key,
            doc_number=keys.number_key, kind=record.kind,
            text=text, figures=figures_of(text), source_path=(record.source or {}).get("path"),
            effective_from=record.meta.effective_from, effective_to=record.meta.effective_to,
        )
