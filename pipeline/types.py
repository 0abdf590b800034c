"""The small dataclasses every stage passes on: source pages, clean text, structure, spans, record.

Flow: bytes -> Source(pages of Lines) -> CleanText(text + page map) -> Structure(meta, sections)
-> tagged Entity spans, Measures, Proposal, Responses -> Record (the JSON output contract).
"""
from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "policykg.document/1"
MAX_MESSAGE_CHARS = 500     # an error, and each warning of a failed record, is cut to this


# ---------------------------------------------------------------- sources: bytes -> pages of lines
@dataclass
class Line:
    """One text line as the source gives it, with layout where the format has one (PDF points)."""
    text: str
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    size: float | None = None          # median font size of the line's characters
    color: tuple | None = None         # non-stroking colour of most characters (red issuer header)
    table: bool = False                # a table's row (or header row) as one line, cells parted by ' | '


CELL_SEPARATOR = " | "       # between a table row's cells in the text (the form tables copied as text take)


def row_line(cells: list[str]) -> tuple[str, list[tuple[int, int] | None]]:
    """A table row written as one line, its cells parted by ' | ' (empty cells at either end left
    out), and each cell's span in that line (None for an empty cell)."""
    cells = [" ".join(c.split()) for c in cells]
    filled = [i for i, c in enumerate(cells) if c]
    spans: list[tuple[int, int] | None] = [None] * len(cells)
    if not filled:
        return "", spans
    parts, pos = [], 0
    for i in range(filled[0], filled[-1] + 1):
        if parts:
            parts.append(CELL_SEPARATOR)
            pos += len(CELL_SEPARATOR)
        if cells[i]:
            spans[i] = (pos, pos + len(cells[i]))
        parts.append(cells[i])
        pos += len(cells[i])
    return "".join(parts), spans


@dataclass
class Table:
    """A table read from a source: header rows with a merged cell's text spread over the columns
    and rows it spans, body rows of cell texts ("" for an empty or merged-over cell), and the
    lines it stands as in the text (a row a line, or more where a row runs onto the next page)."""
    page: int | None
    kind: str                          # ruled | three-line | docx | html
    header: list[list[str]]
    rows: list[list[str]]
    header_lines: list[list[str]] = field(default_factory=list)   # cell texts of each header line as written
    pieces: list[list[list[str]]] = field(default_factory=list)   # per body row: its lines' cell texts
    piece_pages: list[list[int | None]] = field(default_factory=list)   # the page of each of those lines
    caption: str | None = None
    unit_line: str | None = None       # a 单位：万元 line standing above the table
    warnings: list[str] = field(default_factory=list)


@dataclass
class Page:
    """A source page (1-based number); text and html sources have a single page-less Page 0."""
    number: int
    lines: list[Line]
    width: float | None = None
    height: float | None = None
    tables: list[Table] = field(default_factory=list)   # tables read on this page (their rows are lines too)


@dataclass
class Source:
    """What a loader read from one input file: pages of lines, or an error saying why not."""
    path: str
    sha256: str
    format: str                        # pdf, txt, html, docx
    pages: list[Page] = field(default_factory=list)
    has_pages: bool = False            # True where page numbers are real (PDF)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None           # E-code message where nothing could be read
    ocr: list[dict] = field(default_factory=list)   # pages read by OCR: {"page", "confidence"}

    @property
    def page_count(self) -> int | None:
        return len(self.pages) if self.has_pages else None


# ---------------------------------------------------------------- clean: lines -> text + page map
@dataclass
class PageRun:
    """Characters [start, end) of the clean text come from source page `page`."""
    start: int
    end: int
    page: int


@dataclass
class CleanText:
    """The cleaned document text, with the source page of every character."""
    text: str
    runs: list[PageRun] = field(default_factory=list)   # sorted by start, covering text
    warnings: list[str] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """The 1-based source page of the character at `offset` (None for page-less sources)."""
        if not self.runs:
            return None
        starts = [r.start for r in self.runs]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return self.runs[0].page
        return self.runs[i].page


# ---------------------------------------------------------------- structure: GB/T 9704 elements
@dataclass
class Meta:
    """Header and footer elements of an official document (values in the document's script)."""
    doc_number: str | None = None
    title: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None            # ISO 8601
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    printer: str | None = None
    print_date: str | None = None
    disclosure: str | None = None
    effective_from: str | None = None
    effective_to: str | None = None
    category: str | None = None        # letter-level handling category of a reply (A/B/C)


@dataclass
class Section:
    """A numbered item of the body (第一章 / 第一条 / 一、 / （一） / 1. / （1） / ①) with its title and span."""
    label: str                         # as written, without punctuation: 一, （一）, 1, （1）
    level: int                         # depth in the outline: 1 for the outermost numbering used
    title: str                         # the heading sentence (may be empty)
    start: int                         # span of the whole item in CleanText.text
    end: int
    title_start: int = 0
    title_end: int = 0
    parent: int | None = None          # index of the enclosing section in Structure.sections


@dataclass
class Structure:
    """Meta plus the body's numbered hierarchy; body_start/end bound the letter inside any chrome."""
    meta: Meta
    sections: list[Section] = field(default_factory=list)
    body_start: int = 0
    body_end: int = 0
    kind: str = "other"                # reply | measures | notice | other
    warnings: list[str] = field(default_factory=list)
    cover_end: int | None = None       # where the cover letter of an issued document is signed


# ---------------------------------------------------------------- tagging: spans and their facts
@dataclass
class Entity:
    """A tagged character span: AGENCY, MONEY, RATE, CITATION ... with label-specific attributes."""
    label: str
    text: str
    start: int
    end: int
    page: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"label": self.label, "text": self.text, "start": self.start, "end": self.end,
             "page": self.page}
        d.update(self.attrs)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Entity":
        base = {k: d.get(k) for k in ("label", "text", "start", "end", "page")}
        return cls(**base, attrs={k: v for k, v in d.items() if k not in base})


@dataclass
class Measure:
    """A numbered policy item with its responsible units (canonical names where known)."""
    label: str
    title: str
    start: int
    end: int
    responsible: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)          # 牵头单位
    cooperating: list[str] = field(default_factory=list)   # 配合单位
    collectives: list[str] = field(default_factory=list)   # 各镇街, 各有关单位: kept apart
    page: int | None = None
    truncated: bool = False
    level: int = 1                                         # depth in the numbered outline
    parent: dict | None = None                             # {"label", "title"} of the heading above


@dataclass
class Proposal:
    """The proposal or suggestion a reply letter answers."""
    number: str | None = None
    session: str | None = None
    proposers: list[str] = field(default_factory=list)
    title: str | None = None
    category: str | None = None
    replying_unit: str | None = None
    co_handlers: list[str] = field(default_factory=list)


@dataclass
class Response:
    """One numbered section of a reply, with the suggestion it answers and its status."""
    label: str
    suggestion: str | None = None
    status: str | None = None
    start: int = 0
    end: int = 0
    page: int | None = None
    rule: str | None = None            # the reply_statuses rule that decided the status


@dataclass
class LinkKeys:
    """What later stages look a document up by, derived once at extraction (normalised forms)."""
    jurisdiction: str | None = None    # the place of its issuer (中山市, 金华市婺城区)
    title_key: str = ""                # title without script, punctuation or wrapper differences
    series_key: str = ""               # title key without edition markers (年份, 修订, 试行)
    number_key: str = ""               # doc number in one bracket and script form
    citations: list[dict] = field(default_factory=list)   # what it cites: text, kind, key, start, end, cue


# ---------------------------------------------------------------- the record: output contract
@dataclass
class Record:
    """One document's JSON record (../shared/spec/output-contract.md)."""
    id: str
    source: dict
    meta: Meta = field(default_factory=Meta)
    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    proposal: Proposal | None = None
    responses: list[Response] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    kind: str = "other"
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    pipeline_version: str = ""
    keys: LinkKeys | None = None        # set at extraction; None in records from before it existed
    tables: list[dict] = field(default_factory=list)   # the contract's optional `tables`
    ocr: list[dict] = field(default_factory=list)   # pages read by OCR: {"page", "confidence"}
    pages: list[dict] = field(default_factory=list)   # where each source page's text lies: {"page", "start", "end"}

    def to_dict(self) -> dict:
        """The JSON record. A failed record (with `error`) carries no text and nothing that points
        into it, whatever stage failed, and messages of bounded length (an exception may quote the text)."""
        failed = bool(self.error)
        d = {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "meta": asdict(self.meta),
            "kind": self.kind,
            "text": "" if failed else self.text,
            "entities": [] if failed else [e.to_dict() for e in self.entities],
            "measures": [] if failed else [asdict(m) for m in self.measures],
            "proposal": asdict(self.proposal) if self.proposal else None,
            "responses": [] if failed else [asdict(r) for r in self.responses],
            "sections": [] if failed else [asdict(s) for s in self.sections],
            "warnings": [w[:MAX_MESSAGE_CHARS] for w in self.warnings] if failed else self.warnings,
            "pipeline_version": self.pipeline_version,
        }
        if self.keys is not None:
            d["keys"] = asdict(self.keys)
        if self.tables and not failed:
            d["tables"] = self.tables
        if self.ocr:
            d["ocr"] = self.ocr
        if self.pages and not failed:
            d["pages"] = self.pages
        if failed:
            d["error"] = self.error[:MAX_MESSAGE_CHARS]
        return d

    def to_json(self, indent: int | None = 1) -> str:
        """The record as JSON text, Chinese kept readable (what `policykg extract` writes)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict) -> "Record":
        return cls(
            id=d["id"], source=d.get("source") or {},
            meta=Meta(**(d.get("meta") or {})),
            text=d.get("text") or "",
            entities=[Entity.from_dict(e) for e in d.get("entities") or []],
            measures=[Measure(**m) for m in d.get("measures") or []],
            proposal=Proposal(**d["proposal"]) if d.get("proposal") else None,
            responses=[Response(**r) for r in d.get("responses") or []],
            sections=[Section(**s) for s in d.get("sections") or []],
            kind=d.get("kind") or "other",
            warnings=list(d.get("warnings") or []),
            error=d.get("error"),
            pipeline_version=d.get("pipeline_version") or "",
            keys=LinkKeys(**d["keys"]) if d.get("keys") else None,
            tables=list(d.get("tables") or []),
            ocr=list(d.get("ocr") or []),
            pages=list(d.get("pages") or []),
        )
