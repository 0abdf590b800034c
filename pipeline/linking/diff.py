"""What changed between two versions of a policy, measure by measure: caps, rates, units, dates."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Protocol, TypeVar

from ..types import Measure, Record
from .normalise import normalise_title

META_FIELDS = ("effective_from", "effective_to", "date", "doc_number", "title")
# Titles this similar (character-bigram Dice) are one measure reworded; below, two different ones.
SAME_MEASURE_MIN_SIMILARITY = 0.6


class Titled(Protocol):
    """What measure matching reads of a measure: its label and title (a Measure, or a stored measure row)."""
    label: str
    title: str | None


M = TypeVar("M", bound=Titled)


@dataclass
class FieldChange:
    """One compared field: old and new values (lists for caps, rates and units)."""
    field: str
    old: Any
    new: Any


@dataclass
class MeasureChange:
    """A measure added, removed or changed; labels on both sides (renumbering alone is no change)."""
    kind: str                        # added | removed | changed
    title: str
    old_label: str | None = None
    new_label: str | None = None
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class PolicyDiff:
    """The differences from record `old` to record `new`."""
    old_id: str
    new_id: str
    meta: list[FieldChange] = field(default_factory=list)
    measures: list[MeasureChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.meta and not self.measures


def _bigrams(text: str) -> set[str]:
    t = normalise_title(text)
    return {t[i:i + 2] for i in range(len(t) - 1)} or {t}


def title_similarity(a: str, b: str) -> float:
    """Dice coefficient of the titles' character bigrams (0..1)."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 1.0


def measure_facts(record: Record, measure: Measure) -> dict[str, list]:
    """The comparable facts of one measure: caps (amounts), rates and responsible units, sorted."""
    caps, rates = [], []
    for e in record.entities:
        if e.attrs.get("measure") not in (measure.label, None) or not measure.start <= e.start < measure.end:
            continue
        if e.label == "MONEY" and e.attrs.get("role") == "cap" and e.attrs.get("amount") is not None:
            caps.append(e.attrs["amount"])
            if e.attrs.get("rate") is not None:
                rates.append(e.attrs["rate"])
        elif e.label == "RATE" and e.attrs.get("value") is not None:
            rates.append(e.attrs["value"])
    units = measure.responsible or (measure.lead + measure.cooperating)
    return {"caps": sorted(caps), "rates": sorted(rates), "responsible": sorted(set(units))}


def match_measures(old: list[M], new: list[M]) -> list[tuple[M | None, M | None]]:
    """Pairs of the same measure across versions: equal titles, then label with similar title, then best similar title."""
    pairs: list[tuple[M | None, M | None]] = []
    left, right = list(old), list(new)
    by_title = {}
    for m in right:
        by_title.setdefault(normalise_title(m.title), m)
    for m in list(left):
        twin = by_title.get(normalise_title(m.title))
        if twin is not None and twin in right:
            pairs.append((m, twin))
            left.remove(m)
            right.remove(twin)
    for m in list(left):
        same_label = next((n for n in right if n.label == m.label), None)
        if same_label and title_similarity(m.title, same_label.title) >= SAME_MEASURE_MIN_SIMILARITY:
            pairs.append((m, same_label))
            left.remove(m)
            right.remove(same_label)
    for m in list(left):
        scored = [(title_similarity(m.title, n.title), i) for i, n in enumerate(right)]
        best = max(scored, default=(0.0, -1))
        if best[0] >= SAME_MEASURE_MIN_SIMILARITY:
            pairs.append((m, right.pop(best[1])))
            left.remove(m)
    pairs += [(m, None) for m in left] + [(None, n) for n in right]
    return pairs


def meta_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[FieldChange]:
    """The META_FIELDS (validity, date, number, title) that differ between two versions' meta or document rows."""
    return [FieldChange(name, old.get(name), new.get(name)) for name in META_FIELDS if old.get(name) != new.get(name)]


def diff_records(old: Record, new: Record) -> PolicyDiff:
    """Meta (validity, date, number, title) and per-measure differences from `old` to `new`."""
    out = PolicyDiff(old.id, new.id, meta=meta_changes(vars(old.meta), vars(new.meta)))
    for a, b in match_measures(old.measures, new.measures):
        if b is None:
            out.measures.append(MeasureChange("removed", a.title, old_label=a.label))
        elif a is None:
            out.measures.append(MeasureChange("added", b.title, new_label=b.label))
        else:
            fa, fb = measure_facts(old, a), measure_facts(new, b)
            changes = [FieldChange(k, fa[k], fb[k]) for k in fa if fa[k] != fb[k]]
            if normalise_title(a.title) != normalise_title(b.title):
                changes.insert(0, FieldChange("title", a.title, b.title))
            if changes:
                out.measures.append(MeasureChange("changed", b.title, a.label, b.label, changes))
    return out


def format_diff(diff: PolicyDiff) -> str:
    """The diff as lines a reader scans: '- removed', '+ added', '~ changed: field old -> new'."""
    lines = [f"diff {diff.old_id} -> {diff.new_id}"]
    for c in diff.meta:
        lines.append(f"  meta {c.field}: {c.old} -> {c.new}")
    for m in diff.measures:
        if m.kind == "removed":
            lines.append(f"- {m.old_label}、{m.title}")
        elif m.kind == "added":
            lines.append(f"+ {m.new_label}、{m.title}")
        else:
            label = m.new_label if m.old_label == m.new_label else f"{m.old_label}->{m.new_label}"
            lines.append(f"~ {label}、{m.title}")
            for c in m.changes:
                if c.field == "responsible":
                    gone, came = sorted(set(c.old) - set(c.new)), sorted(set(c.new) - set(c.old))
                    lines.append(f"    responsible: -{'、'.join(gone) or '∅'} +{'、'.join(came) or '∅'}")
                else:
                    lines.append(f"    {c.field}: {c.old} -> {c.new}")
    if diff.empty:
        lines.append("  (no differences)")
    return "\n".join(lines)
