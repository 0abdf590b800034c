"""Record -> graph rows: typed nodes, typed directed edges with provenance, agency mentions (pure)."""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..clean.script import to_simplified
from ..linking.normalise import normalise_doc_number, title_key
from ..settings import MODELS
from ..types import Entity, Measure, Record

NODE_TYPES = ("Document", "Agency", "Measure", "Amount", "Proposal", "Person", "Response",
              "Session", "CitedDocument", "Alias")
# The last four are written by linking (pipeline/graph/linked.py), CITES by both.
EDGE_TYPES = ("ISSUED_BY", "SENT_TO", "CC", "HAS_MEASURE", "RESPONSIBLE", "OFFERS", "STATES",
              "REPLIES_TO", "PROPOSED_BY", "AT", "CO_HANDLED_BY", "HAS_RESPONSE", "CITES",
              "SAME_NOTICE", "SUPERSEDES", "ALIAS_OF", "FOLLOWED_UP_BY")


@dataclass
class Node:
    """A graph node: `key` is `Type:identity`; `value` is the number of an Amount (for range queries)."""
    key: str
    type: str
    label: str
    value: float | None = None
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Edge:
    """A typed directed edge with its provenance: the document, page and character span it comes from."""
    type: str
    src: str
    dst: str
    doc_id: str
    page: int | None = None
    start: int | None = None
    end: int | None = None
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class Mention:
    """One written form of a node in a document (the aliases of an agency)."""
    node: str
    text: str
    doc_id: str
    page: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class DocumentRow:
    """The columns a store keeps per document: identity, change detection, and what queries filter on."""
    doc_id: str
    path: str
    sha256: str
    pipeline_version: str
    kind: str = "other"
    doc_type: str | None = None
    doc_number: str | None = None
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    effective_from: str | None = None
    effective_to: str | None = None
    title_key: str = ""
    number_key: str = ""

    @property
    def node_key(self) -> str:
        return node_key("Document", self.doc_id)


@dataclass
class GraphRows:
    """Everything one document contributes to the graph; a store replaces it as one unit."""
    document: DocumentRow
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def node_key(node_type: str, identity: str) -> str:
    """The store key of a node: `Agency:中山市工业和信息化局`, `Document:<record id>`."""
    return f"{node_type}:{identity}"


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


def document_row(record: Record, path: str, sha256: str, pipeline_version: str) -> DocumentRow:
    """The store row of a record's document."""
    m = record.meta
    return DocumentRow(
        doc_id=record.id, path=path, sha256=sha256, pipeline_version=pipeline_version,
        kind=record.kind, doc_type=m.doc_type, doc_number=m.doc_number, title=m.title, issuer=m.issuer,
        date=m.date, year=_year(m.date), effective_from=m.effective_from, effective_to=m.effective_to,
        title_key=title_key(m.title), number_key=normalise_doc_number(m.doc_number))


def _measure_of(entity: Entity, measures: list[Measure]) -> Measure | None:
    """The measure an amount belongs to: its `measure` label (the one containing it first), else the innermost containing it."""
    inside = [m for m in measures if m.start <= entity.start < m.end]
    label = entity.attrs.get("measure")
    if label:
        named = [m for m in measures if m.label == label]
        return next((m for m in named if m in inside), named[0] if named else None)
    return min(inside, key=lambda m: m.end - m.start) if inside else None


class _Builder:
    """Collects the rows of one record; helpers keep each edge's provenance."""

    def __init__(self, record: Record, row: DocumentRow):
        self.record, self.doc = record, row.node_key
        self.agencies = _Agencies(record.entities)
        self.pages = _Pages(record)
        self.rows = GraphRows(row)
        self.seen: set[str] = set()

    def node(self, node_type: str, identity: str, label: str, value: float | None = None, /, **props) -> str:
        key = node_key(node_type, identity)
        if key not in self.seen:
            self.seen.add(key)
            self.rows.nodes.append(Node(key, node_type, label, value,
                                        {k: v for k, v in props.items() if v not in (None, "", [])}))
        return key

    def edge(self, edge_type: str, src: str, dst: str, start: int | None = None, end: int | None = None,
             /, **props) -> None:
        self.rows.edges.append(Edge(edge_type, src, dst, self.record.id, self.pages.at(start), start, end,
                                    {k: v for k, v in props.items() if v not in (None, "", [])}))

    def span_of(self, written: str, last: bool = False) -> tuple[int | None, int | None]:
        """The first (or last) place `written` stands in the text; for an agency, else one of its mentions."""
        text = self.record.text
        i = text.rfind(written) if last else text.find(written)
        if written and i >= 0:
            return i, i + len(written)
        mentions = self.agencies.spans.get(self.agencies.resolve(written)[0]) if written else None
        return (mentions[-1] if last else mentions[0]) if mentions else (None, None)

    def agency(self, written: str) -> str:
        name, known = self.agencies.resolve(written)
        return self.node("Agency", name, name, canonical=name if known else None)

    def agency_edge(self, edge_type: str, src: str, written: str, last: bool = False,
                    span: tuple[int | None, int | None] | None = None, tagged_only: bool = False,
                    **props) -> None:
        """An edge to the agency a written name stands for: none for an empty name or a collective,
        nor, with `tagged_only`, for a name the tagger did not take for an agency (委员 addressed by a reply)."""
        if not written or not written.strip():
            return
        known = self.agencies.resolve(written)[1]
        if not known and (tagged_only or is_collective(written)):
            return
        self.edge(edge_type, src, self.agency(written), *(span or self.span_of(written, last)), **props)


def build_rows(record: Record, path: str = "", sha256: str = "", pipeline_version: str = "") -> GraphRows:
    """The nodes, edges and agency mentions of one record (nothing for a record with an error)."""
    row = document_row(record, path or record.source.get("path", ""),
                       sha256 or record.source.get("sha256", ""), pipeline_version or record.pipeline_version)
    b = _Builder(record, row)
    m = record.meta
    b.node("Document", record.id, m.title or row.path or record.id, kind=record.kind, doc_type=m.doc_type,
           doc_number=m.doc_number, title=m.title, issuer=m.issuer, date=m.date, path=row.path,
           effective_from=m.effective_from, effective_to=m.effective_to, recipients=m.recipients, cc=m.cc)
    if record.error:
        return b.rows
    _add_agency_mentions(b)
    _add_header(b)
    _add_measures(b)
    _add_reply(b)
    _add_citations(b)
    return b.rows


def _add_agency_mentions(b: _Builder) -> None:
    for e in b.record.entities:
        if e.label == "AGENCY" and e.attrs.get("canonical"):
            b.rows.mentions.append(Mention(b.agency(e.text), e.text, b.record.id, e.page, e.start, e.end))


def _add_header(b: _Builder) -> None:
    m = b.record.meta
    if m.issuer:
        b.agency_edge("ISSUED_BY", b.doc, m.issuer, last=True)
    for name in m.recipients:
        b.agency_edge("SENT_TO", b.doc, name, tagged_only=True)
    for name in m.cc:
        b.agency_edge("CC", b.doc, name, last=True, tagged_only=True)


def _add_measures(b: _Builder) -> None:
    doc_id = b.record.id
    keys: dict[int, str] = {}
    for i, ms in enumerate(b.record.measures):
        key = b.node("Measure", f"{doc_id}:{ms.start}:{ms.label}", f"{ms.label} {ms.title}".strip(),
                     section=ms.label, title=ms.title, truncated=ms.truncated or None,
                     collectives=ms.collectives)
        keys[id(ms)] = key
        b.edge("HAS_MEASURE", b.doc, key, ms.start, ms.end)
        roles = {**{n: "cooperating" for n in ms.cooperating}, **{n: "lead" for n in ms.lead}}
        for name in dict.fromkeys([*ms.lead, *ms.responsible, *ms.cooperating]):
            b.agency_edge("RESPONSIBLE", key, name, span=(ms.start, ms.end), role=roles.get(name))
    for e in b.record.entities:
        if e.label not in ("MONEY", "RATE"):
            continue
        a = e.attrs
        value = a.get("amount") if e.label == "MONEY" else a.get("value")
        amount = b.node("Amount", f"{doc_id}:{e.start}", e.text, value, kind=e.label.lower(), text=e.text,
                        amount=a.get("amount"), amount_max=a.get("amount_max"), currency=a.get("currency"),
                        value=a.get("value"), approx=a.get("approx") or None, role=a.get("role"),
                        rate=a.get("rate"), scope=a.get("scope"), measure=a.get("measure"))
        ms = _measure_of(e, b.record.measures)
        if ms is not None:
            b.edge("OFFERS", keys[id(ms)], amount, e.start, e.end)
        else:
            b.edge("STATES", b.doc, amount, e.start, e.end)


def _add_reply(b: _Builder) -> None:
    p, doc_id = b.record.proposal, b.record.id
    if p and (p.number or p.title):
        issuer = b.agencies.resolve(p.replying_unit or b.record.meta.issuer or "")[0]
        where = jurisdiction_of(p.session or "", issuer)
        session = qualified_session(p.session, issuer)
        identity = f"{session}#{p.number}" if p.number else f"title:{title_key(p.title)}"
        proposal = b.node("Proposal", identity, p.number or p.title or "", number=p.number,
                          session=session or None, title=p.title, category=p.category)
        b.edge("REPLIES_TO", b.doc, proposal, *b.span_of(p.number or p.title or ""),
               category=p.category)
        for person in p.proposers:
            key = b.node("Person", f"{person}|{where}", person, name=person, jurisdiction=where)
            b.edge("PROPOSED_BY", proposal, key, *b.span_of(person))
        if session:
            b.edge("AT", proposal, b.node("Session", session, session, written=p.session),
                   *b.span_of(p.session))
        for name in p.co_handlers:
            b.agency_edge("CO_HANDLED_BY", b.doc, name)
    for r in b.record.responses:
        key = b.node("Response", f"{doc_id}:{r.start}:{r.label}", f"{r.label} {r.status or ''}".strip(),
                     section=r.label, suggestion=r.suggestion, status=r.status)
        b.edge("HAS_RESPONSE", b.doc, key, r.start, r.end)


def _add_citations(b: _Builder) -> None:
    own = {title_key(b.record.meta.title), title_key(b.record.proposal.title if b.record.proposal else None)}
    for e in b.record.entities:
        if e.label != "CITATION":
            continue
        title = e.attrs.get("title") or (e.text.strip("《》") if e.text.startswith("《") else None)
        number = e.attrs.get("doc_number") or (None if title else e.text)
        tkey, nkey = title_key(title), normalise_doc_number(number)
        if (tkey and tkey in own) or not (tkey or nkey):
            continue
        cited = b.node("CitedDocument", f"t:{tkey}" if tkey else f"n:{nkey}", title or number or e.text,
                       title=title, doc_number=number, title_key=tkey, number_key=nkey)
        b.edge("CITES", b.doc, cited, e.start, e.end, text=e.text)
