"""A record as displaCy HTML: the clean text with its tags highlighted, for people reviewing extractions."""
from __future__ import annotations

from spacy import displacy

from .types import Record

COLORS = {"AGENCY": "#a3d5ff", "MONEY·cap": "#ff9f9f", "MONEY": "#ffd28f", "RATE": "#c8f7a6",
          "CITATION": "#e2c6ff"}


def display_label(entity) -> str:
    """AGENCY, MONEY·cap, RATE·rate_cap ...: the label with the role a reviewer checks."""
    role = entity.attrs.get("role")
    return f"{entity.label}·{role}" if role else entity.label


def render_html(record: Record) -> str:
    """A standalone HTML page: meta header, then the text with non-overlapping entity highlights."""
    ents, last_end = [], -1
    for e in sorted(record.entities, key=lambda e: (e.start, -(e.end - e.start))):
        if e.start >= last_end and e.end > e.start:
            ents.append({"start": e.start, "end": e.end, "label": display_label(e)})
            last_end = e.end
    colors = dict(COLORS)
    for ent in ents:
        colors.setdefault(ent["label"], COLORS.get(ent["label"].split("·")[0], "#ddd"))
    title = record.meta.title or record.source.get("path", "")
    return displacy.render({"text": record.text, "ents": ents, "title": title}, style="ent",
                           manual=True, page=True, options={"colors": colors})
