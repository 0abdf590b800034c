"""What an ingest run changed, fact by fact (pure): two versions of a document compared in the store's terms,
and the supersessions and follow-up links linking added.

A version is a document's `documents` row, its fact rows (measures, amounts, responsible units, mentions,
replies) and its text. Measures are paired across versions as `policykg diff` pairs them
(pipeline.linking.diff.match_measures); within a pair, caps, grants and support rates are paired (equal ones
first, then the rest of one role in text order) and units compared by canonical name. Every change carries
its provenance: the document, page and character span of the fact (the new one; the old one when it went).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any, Iterable

from ..linking.diff import match_measures, meta_changes
from ..linking.normalise import normalise_title
from .linked_queries import yuan

# Every kind of change, in the order a document's changes are listed (document facts, then each measure's).
KINDS = ("document_added", "document_updated", "document_pruned", "meta_changed", "superseded",
         "supersession_dropped", "reply_added", "measure_added", "measure_removed", "measure_retitled",
         "measure_out_of_force", "amount_added", "amount_removed", "amount_changed", "unit_added", "unit_dropped",
         "followup_added")
# What a summary calls each kind, counted.
LABELS = {"document_added": "documents added", "document_updated": "documents updated",
          "document_pruned": "documents pruned", "meta_changed": "dates, numbers or titles changed",
          "superseded": "documents superseded", "supersession_dropped": "supersessions dropped",
          "reply_added": "replies added", "measure_added": "measures added", "measure_removed": "measures removed",
          "measure_retitled": "measures retitled", "measure_out_of_force": "measures out of force",
          "amount_added": "caps, grants or rates added", "amount_removed": "caps, grants or rates removed",
          "amount_changed": "caps, grants or rates changed", "unit_added": "units added",
          "unit_dropped": "units dropped", "followup_added": "follow-up links added"}
# The amounts a change report follows: money offered (caps, grants) and support rates.
SUPPORT = {("money", "cap"), ("money", "grant"), ("rate", "rate"), ("rate", "rate_cap")}


@dataclass
class Version:
    """One version of a document as the store holds it: its documents row, fact rows by table, text."""
    doc: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = _field(default_factory=dict)
    text: str = ""

    @property
    def id(self) -> str:
        return self.doc["id"]

    @property
    def name(self) -> str:
        """What a reader calls the document: its title, else its doc number, else its id."""
        return self.doc.get("title") or self.doc.get("doc_number") or self.id

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])


@dataclass
class Change:
    """One changed fact, reported under a document, with its provenance (source document, page, span)."""
    kind: str
    document_id: str
    document: str | None = None
    measure_id: str | None = None
    measure_label: str | None = None
    measure_title: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    detail: dict[str, Any] = _field(default_factory=dict)
    source_id: str | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None

    def row(self) -> dict[str, Any]:
        """The run_changes row (values and detail as JSON)."""
        return {"document_id": self.document_id, "document": self.document, "kind": self.kind,
                "measure_id": self.measure_id, "measure_label": self.measure_label,
                "measure_title": self.measure_title, "field": self.field,
                "old": None if self.old is None else _json(self.old),
                "new": None if self.new is None else _json(self.new),
                "detail": _json(self.detail) if self.detail else None, "source_id": self.source_id,
                "page": self.page, "start": self.start, "end": self.end}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _rate(text: str | None) -> float | None:
    return float(text) if text is not None else None


def _at(row: dict, source: str) -> dict[str, Any]:
    """Provenance keywords of a row with page and span."""
    return {"source_id": source, "page": row.get("page"), "start": row.get("start"), "end": row.get("end")}


def _measure(m: dict) -> dict[str, Any]:
    return {"measure_id": m["id"], "measure_label": m["label"], "measure_title": m["title"]}


class _Measure:
    """A measure row as measure matching reads it (label, title), keeping the row."""

    def __init__(self, row: dict):
        self.row, self.label, self.title = row, row["label"], row["title"]


# ---------------------------------------------------------------- one document, two versions
def document_changes(old: Version | None, new: Version | None, path: str | None = None
                     ) -> tuple[list[Change], dict[str, str]]:
    """The changes from `old` to `new` (None: the document was not there, or is gone), and the ids the new
    version gives the old one's document, measures and responses (for comparing linking before and after).

    A new document lists its measures, the caps and grants outside them and the proposal it answers; a
    document gone lists its measures; an update lists what differs, under a `document_updated` when the
    content changed (a new id) or any fact did."""
    if new is None and old is None:
        return [], {}
    if old is None:
        return _added(new, path), {}
    if new is None:
        return _gone(old, path), {}
    facts: list[Change] = []
    renames = {old.id: new.id} if old.id != new.id else {}
    base = {"document_id": new.id, "document": new.name}
    for c in meta_changes(old.doc, new.doc):
        facts.append(Change("meta_changed", **base, field=c.field, old=c.old, new=c.new,
                            **_text_at(new, c.new)))
    facts += _reply(old, new, base)
    old_units, new_units = _units_by_measure(old), _units_by_measure(new)
    old_amounts, new_amounts = _amounts_by_measure(old), _amounts_by_measure(new)
    pairs = match_measures([_Measure(m) for m in old.rows("measures")], [_Measure(m) for m in new.rows("measures")])
    for a, b in pairs:
        if b is None:
            facts.append(_measure_change("measure_removed", old, a.row, base, old_units, old_amounts))
        elif a is None:
            facts.append(_measure_change("measure_added", new, b.row, base, new_units, new_amounts))
        else:
            renames[a.row["id"]] = b.row["id"]
            facts += _measure_pair(old, new, a.row, b.row, base, old_units, new_units, old_amounts, new_amounts)
    facts += _amount_changes(old, new, old_amounts.get(None, []), new_amounts.get(None, []), base, {})
    old_responses = {r["label"]: r["id"] for r in old.rows("responses")}
    for r in new.rows("responses"):
        if r["label"] in old_responses:
            renames.setdefault(old_responses.pop(r["label"]), r["id"])
    renames = {k: v for k, v in renames.items() if k != v}
    if old.id == new.id and not facts:
        return [], renames
    detail = {"path": path} if path else {}
    if old.doc.get("pipeline_version") != new.doc.get("pipeline_version"):
        detail["pipeline_version"] = [old.doc.get("pipeline_version"), new.doc.get("pipeline_version")]
    head = Change("document_updated", **base, old=old.id if old.id != new.id else None, new=new.id,
                  detail=detail, source_id=new.id)
    return [head, *facts], renames


def _added(new: Version, path: str | None) -> list[Change]:
    doc = new.doc
    base = {"document_id": new.id, "document": new.name}
    detail = {k: doc.get(k) for k in ("doc_number", "date", "issuer", "kind") if doc.get(k)}
    out = [Change("document_added", **base, new=new.id, detail={**({"path": path} if path else {}), **detail},
                  source_id=new.id)]
    out += _reply(None, new, base)
    units, amounts = _units_by_measure(new), _amounts_by_measure(new)
    out += [_measure_change("measure_added", new, m, base, units, amounts) for m in new.rows("measures")]
    out += [_amount_change("amount_added", a, new, base, None) for a in amounts.get(None, [])]
    return out


def _gone(old: Version, path: str | None) -> list[Change]:
    base = {"document_id": old.id, "document": old.name}
    detail = {k: old.doc.get(k) for k in ("doc_number", "date") if old.doc.get(k)}
    out = [Change("document_pruned", **base, old=old.id, detail={**({"path": path} if path else {}), **detail},
                  source_id=old.id)]
    units, amounts = _units_by_measure(old), _amounts_by_measure(old)
    out += [_measure_change("measure_removed", old, m, base, units, amounts) for m in old.rows("measures")]
    out += [_amount_change("amount_removed", a, old, base, None) for a in amounts.get(None, [])]
    return out


def _text_at(version: Version, value: Any) -> dict[str, Any]:
    """Provenance of a value in a version's text (its first place), else of the document alone."""
    i = version.text.find(value) if isinstance(value, str) and value else -1
    if i < 0:
        return {"source_id": version.id}
    return {"source_id": version.id, "page": _page_at(version, i), "start": i, "end": i + len(value)}


def _page_at(version: Version, offset: int) -> int | None:
    """The page of an offset, from the spans of the version's measures, amounts and mentions."""
    best = None
    for table in ("measures", "amounts", "mentions"):
        for r in version.rows(table):
            if r.get("page") is not None and r.get("start") is not None and r["start"] <= offset \
                    and (best is None or r["start"] > best[0]):
                best = (r["start"], r["page"])
    return best[1] if best else None


def _reply(old: Version | None, new: Version, base: dict) -> list[Change]:
    """A reply added: the new version answers a proposal the old one did not."""
    was = {r["proposal_id"] for r in old.rows("replies")} if old else set()
    proposals = {p["id"]: p for p in new.rows("proposals")}
    out = []
    for r in new.rows("replies"):
        if r["proposal_id"] in was:
            continue
        p = proposals.get(r["proposal_id"], {})
        detail = {"proposal_id": r["proposal_id"], **{k: p.get(k) for k in ("number", "title", "session") if p.get(k)}}
        out.append(Change("reply_added", **base, new=r["proposal_id"], detail=detail, **_at(r, new.id)))
    return out


def _units_by_measure(v: Version) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for r in v.rows("responsible_units"):
        out.setdefault(r["measure_id"], {})[r["agency"]] = r
    return out


def _amounts_by_measure(v: Version) -> dict[str | None, list[dict]]:
    out: dict[str | None, list[dict]] = {}
    for a in sorted(v.rows("amounts"), key=lambda a: (a.get("start") is None, a.get("start") or 0)):
        if (a["kind"], a.get("role")) in SUPPORT:
            out.setdefault(a.get("measure_id"), []).append(a)
    return out


def amount_value(a: dict) -> dict[str, Any]:
    """An amount row as a report shows it: role, text, amount (yuan) or rate, scope."""
    out = {"role": a.get("role"), "text": a["text"]}
    if a["kind"] == "money":
        out |= {"amount": yuan(a.get("amount_fen")), "currency": a.get("currency")}
        if a.get("amount_max_fen") is not None:
            out["amount_max"] = yuan(a["amount_max_fen"])
        if a.get("rate") is not None:
            out["rate"] = _rate(a["rate"])
    else:
        out["rate"] = _rate(a.get("value"))
    if a.get("scope"):
        out["scope"] = a["scope"]
    return out


def _measure_change(kind: str, v: Version, m: dict, base: dict, units: dict, amounts: dict) -> Change:
    """A measure added or removed, with its units and the caps, grants and rates it offers."""
    detail = {"units": list(units.get(m["id"], {})), "amounts": [amount_value(a) for a in amounts.get(m["id"], [])]}
    if m.get("parent_label") or m.get("parent_title"):
        detail["parent"] = " ".join(x for x in (m.get("parent_label"), m.get("parent_title")) if x)
    return Change(kind, **base, **_measure(m), detail={k: v for k, v in detail.items() if v}, **_at(m, v.id))


def _measure_pair(old: Version, new: Version, a: dict, b: dict, base: dict, old_units: dict, new_units: dict,
                  old_amounts: dict, new_amounts: dict) -> list[Change]:
    """What changed in one measure: its title, its caps, grants and rates, its responsible units."""
    out = []
    where = {**base, **_measure(b)}
    if normalise_title(a["title"]) != normalise_title(b["title"]):
        out.append(Change("measure_retitled", **where, field="title", old=a["title"], new=b["title"],
                          detail={"label": [a["label"], b["label"]]} if a["label"] != b["label"] else {},
                          **_at(b, new.id)))
    out += _amount_changes(old, new, old_amounts.get(a["id"], []), new_amounts.get(b["id"], []), base, _measure(b))
    was, now = old_units.get(a["id"], {}), new_units.get(b["id"], {})
    for name in now:
        if name not in was:
            out.append(Change("unit_added", **where, field="unit", new=name,
                              detail={"role": now[name]["role"]} if now[name].get("role") else {},
                              **_unit_at(new, b, name)))
    for name in was:
        if name not in now:
            out.append(Change("unit_dropped", **where, field="unit", old=name, **_unit_at(old, a, name)))
    return out


def _unit_at(v: Version, m: dict, agency: str) -> dict[str, Any]:
    """Where a measure names a unit: its first mention inside the measure, else the measure."""
    inside = [r for r in v.rows("mentions") if r["agency"] == agency and r.get("start") is not None
              and m.get("start") is not None and m["start"] <= r["start"] < (m.get("end") or r["start"] + 1)]
    return _at(min(inside, key=lambda r: r["start"]) if inside else m, v.id)


def _amount_key(a: dict) -> tuple:
    return (a["kind"], a.get("role"), a.get("amount_fen"), a.get("amount_max_fen"), a.get("currency"),
            a.get("rate"), a.get("value"), a.get("scope"))


def _amount_changes(old: Version, new: Version, was: list[dict], now: list[dict], base: dict,
                    measure: dict) -> list[Change]:
    """Caps, grants and rates of one measure (or outside measures) paired across versions: equal ones first,
    then the rest of each role in text order (changed: one row per field); the others added or removed."""
    left, right = list(was), list(now)
    for a in list(left):
        twin = next((b for b in right if _amount_key(b) == _amount_key(a)), None)
        if twin is not None:
            left.remove(a)
            right.remove(twin)
    out = []
    for a in list(left):
        b = next((b for b in right if (b["kind"], b.get("role")) == (a["kind"], a.get("role"))), None)
        if b is None:
            continue
        left.remove(a)
        right.remove(b)
        va, vb = amount_value(a), amount_value(b)
        detail = {"role": b.get("role"), "text": [a["text"], b["text"]],
                  "old_provenance": {"document_id": old.id, "page": a.get("page"), "start": a.get("start"),
                                     "end": a.get("end")}}
        for name in ("amount", "amount_max", "rate", "scope"):
            if va.get(name) != vb.get(name):
                out.append(Change("amount_changed", **base, **measure, field=name, old=va.get(name), new=vb.get(name),
                                  detail=detail, **_at(b, new.id)))
    out += [_amount_change("amount_removed", a, old, base, measure) for a in left]
    out += [_amount_change("amount_added", b, new, base, measure) for b in right]
    return out


def _amount_change(kind: str, a: dict, v: Version, base: dict, measure: dict | None) -> Change:
    value = amount_value(a)
    return Change(kind, **base, **(measure or {}), field=a.get("role"),
                  **({"new": value} if kind == "amount_added" else {"old": value}), **_at(a, v.id))


# ---------------------------------------------------------------- what linking added
def supersession_changes(edge: dict, older_measures: Iterable[dict], already_superseded: bool) -> list[Change]:
    """A notice superseded by a newer one (reported under the older, with the newer's clause or the document
    as provenance), and each of its measures out of force from the newer's start (unless an earlier newer
    version had already put them out of force).

    `edge`: newer_id, older_id, rules (JSON list), page, start, end, and newer_/older_ title, date, start
    (effective from, else date)."""
    base = {"document_id": edge["older_id"], "document": edge.get("older_title") or edge["older_id"]}
    by = {"newer_id": edge["newer_id"], "newer": edge.get("newer_title"), "from": edge.get("newer_start"),
          "rules": json.loads(edge["rules"]) if isinstance(edge.get("rules"), str) else edge.get("rules")}
    by = {k: v for k, v in by.items() if v}
    out = [Change("superseded", **base, new=edge["newer_id"], detail=by, **_at(edge, edge["newer_id"]))]
    if not already_superseded:
        for m in older_measures:
            out.append(Change("measure_out_of_force", **base, **_measure(m),
                              detail={k: v for k, v in by.items() if k in ("newer_id", "from")},
                              **_at(m, edge["older_id"])))
    return out


def supersession_dropped(older_id: str, older_title: str | None, newer_id: str) -> Change:
    """A notice no longer superseded by one it was (the newer one changed or went)."""
    return Change("supersession_dropped", older_id, older_title or older_id, old=newer_id, source_id=older_id)


def followup_change(link: dict) -> Change:
    """A later measure found acting on a reply (its proposal, or one response), reported under the measure's
    document with the measure's span.

    `link`: reply_id, response_id, measure_id, rank, score, the measure's document_id, label, title, page,
    start, end, its document's title, the proposal's number and title, the response's label."""
    detail = {"reply_id": link["reply_id"], "proposal": link.get("proposal_number") or link.get("proposal_id"),
              "proposal_title": link.get("proposal_title"), "response": link.get("response_label"),
              "rank": link.get("rank"), "score": link.get("score")}
    return Change("followup_added", link["document_id"], link.get("document") or link["document_id"],
                  measure_id=link["measure_id"], measure_label=link.get("label"), measure_title=link.get("title"),
                  new=link["reply_id"], detail={k: v for k, v in detail.items() if v is not None},
                  **_at(link, link["document_id"]))


def summary(counted: dict[str, int]) -> str:
    """Counts by kind in a line: 'documents updated 1 · caps, grants or rates changed 1 · units added 1'."""
    return " · ".join(f"{LABELS.get(k, k)} {n}" for k, n in counted.items()) or "none"


def counts(kinds: Iterable[str]) -> dict[str, int]:
    """Changes by kind, in the order of KINDS."""
    found: dict[str, int] = {}
    for k in kinds:
        found[k] = found.get(k, 0) + 1
    return {k: found[k] for k in KINDS if k in found}
