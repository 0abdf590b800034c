"""Replies to proposals: the proposal answered, its co-handling units and the numbered responses."""
from __future__ import annotations

from ..types import Proposal, Response, Structure


def find_reply(text: str, structure: Structure, jurisdiction) -> tuple[Proposal | None, list[Response]]:
    """The Proposal (co-handlers as canonical names) and Responses of a reply letter, else (None, [])."""
    from ..structure import parse_reply
    from .agencies import canonicalize

    parts = parse_reply(text, structure)
    if parts is None:
        return None, []
    proposal = parts.proposal
    proposal.co_handlers = _unique(canonicalize(m, jurisdiction) or m for m in proposal.co_handlers)
    if proposal.replying_unit:
        proposal.replying_unit = canonicalize(proposal.replying_unit, jurisdiction) or proposal.replying_unit
    return proposal, list(parts.responses)


def _unique(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
