"""Record -> store rows: one document's facts for each table of pipeline/graph/schema.py, with provenance (pure)."""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache
from typing import Any

from ..clean.script import to_simplified
from ..linking.normalise import normalise_doc_number, title_key
from ..settings import MODELS
from ..types import Entity, Measure, Record


@dataclass
class DocumentRows:
    """Everything one document contributes to the store: its `documents` row and its rows in the other
    tables (table name -> rows as column dicts); a store replaces them as one unit."""
    document: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.document["id"]

    def add(self, table: str, **row: Any) -> dict[str, Any]:
        self.tables.setdefault(table, []).append(row)
        return row

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])


def node_key(node_type: str, identity: str) -> str:
    """The graph key of a node: `Agency:中山市工业和信息化局`, `Document:<record id>`, `Measure:<id>/m3`."""
    return f"{node_type}:{identity}"


def measure_id(doc_id: str, seq: int) -> str:
    """The id of the seq-th measure (from 1) of a document."""
    return f"{doc_id}/m{seq}"


def response_id(doc_id: str, seq: int) -> str:
    """The id of the seq-th response section (from 1) of a reply."""
    return f"{doc_id}/r{seq}"


def proposal_id(session: str, number: str | None, title: str | None) -> str:
    """A proposal's id: its session (with jurisdiction) and number, else its title key."""
    return f"{session}#{number}" if number else f"title:{title_key(title)}"


def to_fen(amount: Any) -> int | None:
    """An amount in hundredths of its currency unit, exactly (2000000.0 -> 200000000)."""
    if amount is None or isinstance(amount, bool):
        return None
    try:
        return int((Decimal(str(amount)) * 100).to_integral_value(ROUND_HALF_EVEN))
    except (InvalidOperation, ValueError):
        return None


def to_decimal_text(value: Any) -> str | None:
    """A rate as exact decimal text (0.5 -> '0.5', 1e-05 -> '0.00001')."""
    if value is None or isinstance(value, bool):
        return None
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return format(d.normalize(), "f")


@cache
def _relative_levels() -> tuple[str, ...]:
    data = json.loads((MODELS / "graph" / "keys.json").read_text(encoding="utf-8"))
    return tuple(data["relative_levels"]["chars"])


@cache
def _collective() -> re.Pattern:
    data = json.loads((MODELS / "agencies" / "generic.json").read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["collective_patterns"]["regex"]))


def is_collective(name: str) -> bool:
    """True for a generic collective (各镇人民政府, 有关部门): no agency node of its own."""
    return bool(_collective().match(to_simplified(name.strip())))


def qualified_session(session: str | None, issuer: str | None) -> str:
    """A session name with the issuer's jurisdiction (市政协十三届三次会议 -> 中山市政协十三届三次会议)."""
    if not session:
        return ""
    where = jurisdiction_of(session, issuer)
    return where + session[1:] if where else session


def jurisdiction_of(relative_name: str, issuer: str | None) -> str:
    """The issuer's jurisdiction at the level `relative_name` starts with (市政协…, 中山市商务局 -> 中山市)."""
    if not relative_name or not issuer or relative_name[0] not in _relative_levels():
        return ""
    i = to_simplified(issuer).find(to_simplified(relative_name[0]))
    return issuer[:i + 1] if i > 0 else ""


class _Agencies:
    """Resolves a written agency name to its canonical name with the document's AGENCY entities."""

    def __init__(self, entities: list[Entity]):
        self.canonical: dict[str, str] = {}
        self.spans: dict[str, list[tuple[int, int]]] = {}
        for e in entities:
            if e.label == "AGENCY" and e.attrs.get("canonical"):
                self.spans.setdefault(e.attrs["canonical"], []).append((e.start, e.end))
                for form in (e.text, e.attrs["canonical"]):
                    self.canonical.setdefault(form, e.attrs["canonical"])
                    self.canonical.setdefault(to_simplified(form), e.attrs["canonical"])

    def resolve(self, name: str) -> tuple[str, bool]:
        """(canonical name, True) where the document's tagging knows it, else (name as written, False)."""
        name = name.strip()
        found = self.canonical.get(name) or self.canonical.get(to_simplified(name))
        return (found, True) if found else (name, False)


class _Pages:
    """The source page at an offset, from the pages the tagger gave entities, measures and responses."""

    def __init__(self, record: Record):
        marks = sorted({(x.start, x.page) for x in (*record.entities, *record.measures, *record.responses)
                        if x.page is not None})
        self.starts = [s for s, _ in marks]
        self.pages = [p for _, p in marks]

    def at(self, offset: int | None) -> int | None:
        if offset is None or not self.starts:
            return None
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.pages[max(i, 0)]


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def document_row(record: Record, sha256: str, pipeline_version: str) -> dict[str, Any]:
    """The `documents` row of a record (the record itself is added by the store)."""
    from ..linking.keys import keys_of
    m, keys = record.meta, keys_of(record)
    return {"id": record.id, "sha256": sha256, "pipeline_version": pipeline_version, "kind": record.kind,
            "doc_type": m.doc_type, "doc_number": m.doc_number, "title": m.title, "issuer": m.issuer,
            "date": m.date, "year": _year(m.date), "effective_from": m.effective_from,
            "effective_to": m.effective_to, "jurisdiction": keys.jurisdiction,
            "recipients": json.dumps(m.recipients, ensure_ascii=False) if m.recipients else None,
            "cc": json.dumps(m.cc, ensure_ascii=False) if m.cc else None,
            "title_key": keys.title_key, "number_key": keys.number_key}


def _measure_of(entity: Entity, measures: list[Measure]) -> int | None:
    """The index of the measure an amount belongs to: its `measure` label (the one containing it first),
    else the innermost measure containing it."""
    inside = [i for i, m in enumerate(measures) if m.start <= entity.start < m.end]
    label = entity.attrs.get("measure")
    if label:
        named = [i for i, m in enumerate(measures) if m.label == label]
        return next((i for i in named if i in inside), named[0] if named else None)
    return min(inside, key=lambda i: measures[i].end - measures[i].start) if inside else None


class _Builder:
    """Collects the rows of one record; helpers keep each fact's provenance (page and character span)."""

    def __init__(self, record: Record, rows: DocumentRows):
        self.record, self.rows, self.doc_id = record, rows, record.id
        self.agencies = _Agencies(record.entities)
        self.pages = _Pages(record)
        self.tagged: dict[str, int] = {}

    def span(self, start: int | None, end: int | None) -> dict[str, Any]:
        return {"page": self.pages.at(start), "start": start, "end": end}

    def span_of(self, written: str, last: bool = False) -> tuple[int | None, int | None]:
        """The first (or last) place `written` stands in the text; for an agency, else one of its mentions."""
        text = self.record.text
        i = text.rfind(written) if last else text.find(written)
        if written and i >= 0:
            return i, i + len(written)
        mentions = self.agencies.spans.get(self.agencies.resolve(written)[0]) if written else None
        return (mentions[-1] if last else mentions[0]) if mentions else (None, None)

    def agency(self, written: str) -> str:
        """The canonical name of a written agency name (added to the document's agencies)."""
        name, known = self.agencies.resolve(written)
        self.tagged[name] = max(self.tagged.get(name, 0), int(known))
        return name

    def agency_name(self, written: str, tagged_only: bool = False) -> str | None:
        """The agency a written name stands for: none for an empty name or a collective, nor, with
        `tagged_only`, for a name the tagger did not take for an agency (委员 addressed by a reply)."""
        if not written or not written.strip():
            return None
        known = self.agencies.resolve(written)[1]
        if not known and (tagged_only or is_collective(written)):
            return None
        return self.agency(written)

    def relation(self, relation: str, written: str, last: bool = False, tagged_only: bool = False) -> None:
        name = self.agency_name(written, tagged_only)
        if name and not any(r["agency"] == name and r["relation"] == relation
                            for r in self.rows.rows("document_agencies")):
            self.rows.add("document_agencies", document_id=self.doc_id, agency=name, relation=relation,
                          **self.span(*self.span_of(written, last)))


def build_rows(record: Record, sha256: str = "", pipeline_version: str = "") -> DocumentRows:
    """The rows of one record in every table (only the document's row for a record with an error)."""
    rows = DocumentRows(document_row(record, sha256 or record.source.get("sha256", ""),
                                     pipeline_version or record.pipeline_version))
    if record.error:
        return rows
    b = _Builder(record, rows)
    _add_agency_mentions(b)
    _add_header(b)
    _add_measures(b)
    _add_reply(b)
    _add_citations(b)
    _add_link_inputs(b)
    _add_search(b)
    for name, tagged in b.tagged.items():
        rows.add("agencies", name=name, tagged=tagged)
    return rows


def _add_agency_mentions(b: _Builder) -> None:
    for e in b.record.entities:
        if e.label == "AGENCY" and e.attrs.get("canonical"):
            b.rows.add("mentions", document_id=b.doc_id, agency=b.agency(e.text), text=e.text,
                       norm=to_simplified(e.text.strip()), page=e.page, start=e.start, end=e.end)


def _add_header(b: _Builder) -> None:
    m = b.record.meta
    if m.issuer:
        b.relation("issued_by", m.issuer, last=True)
    for name in m.recipients:
        b.relation("sent_to", name, tagged_only=True)
    for name in m.cc:
        b.relation("cc", name, last=True, tagged_only=True)


def _add_measures(b: _Builder) -> None:
    measures = b.record.measures
    for seq, ms in enumerate(measures, 1):
        mid = measure_id(b.doc_id, seq)
        parent = ms.parent or {}
        b.rows.add("measures", id=mid, document_id=b.doc_id, seq=seq, label=ms.label, title=ms.title,
                   parent_label=parent.get("label"), parent_title=parent.get("title"), truncated=int(ms.truncated),
                   collectives=json.dumps(ms.collectives, ensure_ascii=False) if ms.collectives else None,
                   page=ms.page if ms.page is not None else b.pages.at(ms.start), start=ms.start, end=ms.end)
        roles = {**{n: "cooperating" for n in ms.cooperating}, **{n: "lead" for n in ms.lead}}
        units: dict[str, str | None] = {}
        for written in dict.fromkeys([*ms.lead, *ms.responsible, *ms.cooperating]):
            name = b.agency_name(written)
            if name and name not in units:
                units[name] = roles.get(written)
        for name, role in units.items():
            b.rows.add("responsible_units", measure_id=mid, agency=name, role=role, **b.span(ms.start, ms.end))
    seq = 0
    for e in b.record.entities:
        if e.label not in ("MONEY", "RATE"):
            continue
        seq += 1
        a = e.attrs
        at = _measure_of(e, measures)
        money = e.label == "MONEY"
        b.rows.add("amounts", id=f"{b.doc_id}/a{seq}", document_id=b.doc_id,
                   measure_id=measure_id(b.doc_id, at + 1) if at is not None else None,
                   kind="money" if money else "rate", text=e.text,
                   amount_fen=to_fen(a.get("amount")) if money else None,
                   amount_max_fen=to_fen(a.get("amount_max")) if money else None,
                   currency=a.get("currency"), rate=to_decimal_text(a.get("rate")),
                   value=None if money else to_decimal_text(a.get("value")), approx=int(bool(a.get("approx"))),
                   role=a.get("role"), scope=a.get("scope"), rule=a.get("rule"), page=e.page,
                   start=e.start, end=e.end)


def _add_reply(b: _Builder) -> None:
    p = b.record.proposal
    if p and (p.number or p.title):
        issuer = b.agencies.resolve(p.replying_unit or b.record.meta.issuer or "")[0]
        where = jurisdiction_of(p.session or "", issuer)
        session = qualified_session(p.session, issuer)
        pid = proposal_id(session, p.number, p.title)
        b.rows.add("proposals", id=pid, number=p.number, session=session or None, title=p.title,
                   category=p.category)
        at = b.span_of(p.session) if p.session else (None, None)
        session_span = b.span(*at)
        b.rows.add("replies", document_id=b.doc_id, proposal_id=pid, category=p.category,
                   session_written=p.session, **b.span(*b.span_of(p.number or p.title or "")),
                   session_page=session_span["page"], session_start=at[0], session_end=at[1])
        for person in dict.fromkeys(p.proposers):
            b.rows.add("proposers", proposal_id=pid, document_id=b.doc_id, name=person, jurisdiction=where,
                       **b.span(*b.span_of(person)))
        for name in p.co_handlers:
            b.relation("co_handled_by", name)
    for seq, r in enumerate(b.record.responses, 1):
        b.rows.add("responses", id=response_id(b.doc_id, seq), document_id=b.doc_id, seq=seq, label=r.label,
                   suggestion=r.suggestion, status=r.status, rule=r.rule,
                   page=r.page if r.page is not None else b.pages.at(r.start), start=r.start, end=r.end)


def _add_citations(b: _Builder) -> None:
    own = {title_key(b.record.meta.title), title_key(b.record.proposal.title if b.record.proposal else None)}
    seq = 0
    for e in b.record.entities:
        if e.label != "CITATION":
            continue
        title = e.attrs.get("title") or (e.text.strip("《》") if e.text.startswith("《") else None)
        number = e.attrs.get("doc_number") or (None if title else e.text)
        tkey, nkey = title_key(title), normalise_doc_number(number)
        if (tkey and tkey in own) or not (tkey or nkey):
            continue
        seq += 1
        b.rows.add("citations", id=f"{b.doc_id}/c{seq}", document_id=b.doc_id, text=e.text, title=title,
                   doc_number=number, title_key=tkey, number_key=nkey, page=e.page, start=e.start, end=e.end)


def _add_link_inputs(b: _Builder) -> None:
    """What linking reads of this document, so that linking never reads the record again."""
    from ..linking.agencies import agency_names
    from ..linking.citations import subject_and_genre
    from ..linking.duplicates import bands, signature
    from ..linking.followup import measure_items, policy_words
    from ..linking.keys import citations_of
    from ..linking.summary import DocSummary, jurisdiction_of_name

    r, doc = b.record, b.doc_id
    s = DocSummary.from_record(r)
    sig = signature(s.text)
    subject, genre = subject_and_genre(s.title)
    b.rows.add("link_inputs", document_id=doc, date=s.date, jurisdiction=s.jurisdiction, title=s.title,
               title_key=s.title_key, series_key=s.series_key, number_key=s.doc_number, kind=s.kind,
               figures=json.dumps(list(s.figures), ensure_ascii=False), effective_from=s.effective_from,
               effective_to=s.effective_to, subject=subject, genre=genre, signature=sig.tobytes())
    for band, bucket in bands(sig):
        b.rows.add("lsh_bands", band=band, bucket=bucket, document_id=doc)
    for seq, (_, agency, alias, rule, detail) in enumerate(agency_names(r)):
        b.rows.add("agency_names", document_id=doc, seq=seq, agency=agency,
                   place=jurisdiction_of_name(agency) or "", alias=alias, rule=rule, detail=detail)
    for seq, c in enumerate(citations_of(r)):
        subject, genre = subject_and_genre(c.text) if c.kind == "title" else (None, None)
        b.rows.add("found_citations", document_id=doc, seq=seq, kind=c.kind, key=c.key, text=c.text,
                   subject=subject, genre=genre, cue=c.cue, page=c.page if c.page is not None else b.pages.at(c.start),
                   start=c.start, end=c.end)
    for seq, text in enumerate(measure_items(r)[1], 1):
        b.rows.add("measure_texts", measure_id=measure_id(doc, seq), text=text, words=" ".join(policy_words(text)))
    for row in reply_query_rows(r):
        b.rows.add("reply_queries", **row)


def search_rows(record: Record) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The full-text search rows of a document (title and doc number; text) and of its measures (label and
    title; text), as index terms (pipeline/graph/fulltext.py): the text is cut once for all of them."""
    from .fulltext import indexed, indexed_spans

    r = record
    body, *bodies = indexed_spans(r.text, [(0, len(r.text))] + [(m.start, m.end) for m in r.measures])
    document = {"name": indexed(" ".join(x for x in (r.meta.title, r.meta.doc_number) if x)), "body": body}
    measures = [{"measure_id": measure_id(r.id, seq), "name": indexed(f"{m.label} {m.title or ''}"), "body": text}
                for seq, (m, text) in enumerate(zip(r.measures, bodies), 1)]
    return document, measures


def _add_search(b: _Builder) -> None:
    document, measures = search_rows(b.record)
    b.rows.add("search_documents", **document)
    for row in measures:
        b.rows.add("search_measures", **row)


def reply_query_rows(record: Record) -> list[dict[str, Any]]:
    """The reply_queries rows of a record: its follow-up queries, each with its response and content words."""
    from ..linking.followup import followup_queries, policy_words

    responses: dict[str, str] = {}
    for seq, r in enumerate(record.responses, 1):
        responses.setdefault(r.label, response_id(record.id, seq))
    return [{"document_id": record.id, "seq": seq, "label": q.label,
             "response_id": responses.get(q.label) if q.label is not None else None,
             "text": q.text, "words": " ".join(policy_words(q.text))}
            for seq, q in enumerate(followup_queries(record))]
