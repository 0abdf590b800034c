"""The edges linking emits for the graph store: typed, attributed, with the rule and the evidence span."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Provenance:
    """Where in which document the evidence for an edge stands (offsets into Record.text)."""
    doc_id: str
    start: int | None = None
    end: int | None = None
    page: int | None = None


@dataclass
class Edge:
    """source -[type]-> target with attributes; `rule` says which linking rule made it.

    Types: SAME_NOTICE (repost -> first copy), SUPERSEDES (newer -> older), CITES (doc -> doc or
    cited:<key>), FOLLOWED_UP_BY (proposal/response -> measure), ALIAS_OF (name -> agency).
    Node ids: documents by Record.id; a response "<doc id>#response:<label>"; a measure
    "<doc id>#measure:<label>"; an unresolved citation "cited:<title key or doc number>".
    """
    type: str
    source: str
    target: str
    attrs: dict[str, Any] = field(default_factory=dict)
    rule: str = ""
    provenance: list[Provenance] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def measure_node(doc_id: str, label: str) -> str:
    """The node id of a measure of a document."""
    return f"{doc_id}#measure:{label}"


def response_node(doc_id: str, label: str) -> str:
    """The node id of a response section of a reply letter."""
    return f"{doc_id}#response:{label}"


def proposal_node(number: str) -> str:
    """The node id of a proposal by its number (shared by all replies to it)."""
    return f"proposal:{number}"
