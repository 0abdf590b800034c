"""Measures of a policy document: the chosen numbered sections with their responsible units."""
from __future__ import annotations

from ..structure.measures import labels_units
from ..types import Entity, Measure, Section, Structure


def _own_text(text: str, sections: list[Section], index: int) -> str:
    """A section's text up to its first child: a parent's lead unit is not its children's list."""
    sec = sections[index]
    children = [s.start for s in sections if s.parent == index]
    return text[sec.start:min(children) if children else sec.end]


MAX_BARE_HEADING = 12       # a heading with no text of its own before its sub-points (第四条 管理职责)


def _heading_only(own: str, sec: Section) -> bool:
    """True where a measure's own text is its heading alone: its sub-points say all it does."""
    rest = own.strip()[len(sec.label):].strip(" 　:：")
    return "。" not in rest and len(rest) <= MAX_BARE_HEADING


def find_measures(text: str, structure: Structure, jurisdiction) -> list[Measure]:
    """Measures with label, title, span and responsible units (canonical names, lead first)."""
    from ..structure import measure_truncated, select_measures
    from .responsible import lead_written_first, parse_responsible

    sections = structure.sections
    index_of = {id(s): i for i, s in enumerate(sections)}
    measures = []
    lead_first = lead_written_first(text)
    chosen = [s for s in select_measures(structure, text) if s.title.strip()]   # a row id the excerpt cut alone
    heads = {sections[k].parent for k in (index_of.get(id(s)) for s in chosen) if k is not None}   # measures' parents
    for sec in chosen:
        i = index_of.get(id(sec))
        own = _own_text(text, sections, i) if i is not None else text[sec.start:sec.end]
        units = parse_responsible(own, jurisdiction, lead_first)
        if not units.responsible and i is not None and i not in heads \
                and (_heading_only(own, sec) or labels_units(text[len(own) + sec.start:sec.end])):
            units = parse_responsible(text[sec.start:sec.end], jurisdiction, lead_first)   # 第四条 管理职责 (一)…;
                                                    # 一、…给予奖励:(1)…(3)… 责任单位:…: the units of its bands
        parent = sec.parent
        while not units.responsible and parent is not None:  # (一) inherits 一's (区科技局牵头)
            units = parse_responsible(_own_text(text, sections, parent), jurisdiction, lead_first)
            parent = sections[parent].parent
        above = sections[sec.parent] if sec.parent is not None else None
        measures.append(Measure(
            label=sec.label, title=sec.title, start=sec.start, end=sec.end, level=sec.level,
            parent={"label": above.label, "title": above.title} if above else None,
            responsible=list(units.responsible), lead=list(units.lead),
            cooperating=list(units.cooperating), collectives=list(units.collectives),
            truncated=measure_truncated(sec, structure, text),
        ))
    return measures


def link_to_measures(entities: list[Entity], measures: list[Measure]) -> list[Entity]:
    """Sets `measure` on MONEY and RATE spans: the innermost measure whose span holds them."""
    for e in entities:
        if e.label not in ("MONEY", "RATE"):
            continue
        holders = [m for m in measures if m.start <= e.start < m.end]
        e.attrs["measure"] = min(holders, key=lambda m: m.end - m.start).label if holders else None
    return entities
