"""One Agency per public body across documents: full names, short names, renamed predecessors, each merge explained."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Iterable, Iterator

from ..clean.script import to_simplified
from ..types import Entity, Record
from .edges import Edge, Provenance
from .keys import keys_of
from .normalise import LINKING_MODELS, load_json
from .summary import jurisdiction_of_name


@dataclass(frozen=True)
class Rename:
    """A reorganisation row: in `scope` (a jurisdiction or *), organ `old` became `new` from `date`."""
    scope: str
    old: str
    new: str
    date: str
    source: str


@cache
def renames() -> tuple[Rename, ...]:
    """The reorganisation table models/linking/reorganisations.tsv."""
    path = LINKING_MODELS / "reorganisations.tsv"
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return tuple(Rename(r["scope"], r["old"], r["new"], r["from"], r["source"])
                 for r in csv.DictReader(rows, delimiter="\t"))


@dataclass
class MergeReason:
    """Why a written name belongs to an Agency: the rule, its evidence, the document it was seen in."""
    alias: str
    rule: str                        # tagger-canonical | jurisdiction-prefix | document-jurisdiction | reorganisation
    detail: str
    doc_id: str


@dataclass
class Agency:
    """A public body: its current full name, jurisdiction, every name it was written as, and why."""
    name: str
    jurisdiction: str | None
    aliases: list[str] = field(default_factory=list)
    reasons: list[MergeReason] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[Provenance] = field(default_factory=list)


def _short_prefixes() -> tuple[str, ...]:
    return tuple(load_json("jurisdictions.json")["short_forms"]["prefixes"])


@lru_cache(maxsize=1 << 16)          # pure in its arguments; organ names recur across documents
def full_name(text: str, canonical: str | None, place: str | None) -> tuple[str, str, str]:
    """(full name, rule, detail) of one mention in a document of jurisdiction `place`."""
    if canonical:
        return to_simplified(canonical), "tagger-canonical", "canonical name given by the tagger"
    name = to_simplified(text)
    if jurisdiction_of_name(name) or not place:
        return name, "as-written", "the name carries its own jurisdiction"
    if name[0] in _short_prefixes() and not name.startswith("市场"):
        # 市商务局 in a document of 金华市婺城区 is the enclosing city's: 金华市商务局.
        levels = [place[:i] for i in range(2, len(place) + 1)
                  if place[i - 1] == name[0] and jurisdiction_of_name(place[:i] + "政府") == place[:i]]
        if levels:
            return levels[-1] + name[1:], "jurisdiction-prefix", f"{name[0]}- in a document of {place}"
        return name, "as-written", f"no {name[0]}-level jurisdiction known for a document of {place}"
    if name.endswith(("局", "委", "委员会", "办", "办公室", "厅")):
        return place + name, "document-jurisdiction", f"unplaced organ name in a document of {place}"
    return name, "as-written", "a body with its own proper name"


@lru_cache(maxsize=1 << 16)
def successor(name: str) -> tuple[str, Rename | None]:
    """The current name of a body after the reorganisations in the table (chains followed), with the last row used."""
    used = None
    for _ in range(4):
        place = jurisdiction_of_name(name) or ""
        organ = name[len(place):]
        row = next((r for r in renames() if r.old == organ and r.scope in ("*", place) and place), None)
        if row is None:
            break
        name, used = place + row.new, row
    return name, used


def agency_names(record: Record) -> Iterator[tuple[Entity, str, str, str, str]]:
    """(mention, agency, alias, rule, detail) for each name an AGENCY mention gives its body, in text order:
    the name as written, then its full name; the agency is the body's current full name."""
    place = keys_of(record).jurisdiction
    for e in record.entities:
        if e.label != "AGENCY":
            continue
        full, rule, detail = full_name(e.text, e.attrs.get("canonical"), place)
        current, row = successor(full)
        yield e, current, e.text, rule, detail
        yield e, current, full, ("reorganisation" if row else rule), \
            (f"{row.old} -> {row.new} from {row.date}: {row.source}" if row else detail)


def resolve_agencies(records: Iterable[Record]) -> list[Agency]:
    """Agencies of all records' AGENCY mentions: same full (or successor) name, same Agency; places kept apart.

    An alias keeps the reason it was first given (records in the order given, mentions in text order)."""
    agencies: dict[str, Agency] = {}
    for record in records:
        for e, current, alias, rule, detail in agency_names(record):
            agency = agencies.setdefault(current, Agency(current, jurisdiction_of_name(current)))
            if alias != current and alias not in agency.aliases:
                agency.aliases.append(alias)
                agency.reasons.append(MergeReason(alias, rule, detail, record.id))
            if record.id not in agency.documents:
                agency.documents.append(record.id)
            if alias == e.text:
                agency.mentions.append(Provenance(record.id, e.start, e.end, e.page))
    return sorted(agencies.values(), key=lambda a: a.name)


def agency_edges(agencies: Iterable[Agency]) -> list[Edge]:
    """ALIAS_OF edges alias -> agency name with the merge rule and detail."""
    return [Edge("ALIAS_OF", f"alias:{r.alias}@{a.jurisdiction or ''}", a.name,
                 {"alias": r.alias, "detail": r.detail}, rule=r.rule, provenance=[Provenance(r.doc_id)])
            for a in agencies for r in a.reasons]
