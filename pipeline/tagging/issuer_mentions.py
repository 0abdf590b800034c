"""The issuer's own name where the text writes it whole and the scanners missed it or broke it
(models/agencies/issuer_mention.json): one AGENCY mention, rule agency.issuer."""
from __future__ import annotations

import json
import re
from functools import cache

from ..clean.script import to_simplified
from ..types import Entity
from .agency_data import AGENCY_DIR
from .agency_names import LEVEL_CHARS, canonicalize, juris_places, parse_at, place_starts_at
from .agencies import site_chrome_spans
from .jurisdiction import Jurisdiction
from .positions import SpanIndex

RULE = "agency.issuer"


@cache
def _spec() -> dict:
    return json.loads((AGENCY_DIR / "issuer_mention.json").read_text(encoding="utf-8"))


def issuer_parts(issuer: str | None) -> list[str]:
    """The bodies an issuer names, each a plausible whole name: joint issuers split at spaces and 、."""
    spec = _spec()
    out = []
    for part in re.split(r"[\s、]+", issuer or ""):
        if spec["min_chars"] <= len(part) <= spec["max_chars"] and to_simplified(part).endswith(tuple(spec["endings"])) \
                and not any(ch in spec["not_chars"] for ch in part) and part not in out:
            out.append(part)
    return out


def _opens_with_place(part: str, j: Jurisdiction) -> bool:
    """True for a name that opens with its place, its level or a national word (唐山市…, 自治区…, 中共…): a
    signature cut at a line break (工作领导小组办公室) opens with none."""
    part = to_simplified(part)
    return place_starts_at(part, 0) or part[0] in LEVEL_CHARS or part.startswith(tuple(_spec()["opening_words"])) \
        or any(part.startswith(place) for place in juris_places(j) if place)


def _two_bodies(part: str, j: Jurisdiction) -> bool:
    """True for two names run together (中共杭州市委杭州市人民政府): a second whole name starts inside."""
    endings = tuple(_spec()["endings"])
    places = juris_places(j)
    part = to_simplified(part)
    for k in range(2, len(part) - 1):
        if part[:k].endswith(endings) and (p := parse_at(part, k, places)) is not None and p.end == len(part):
            return True
    return False


def _stands_alone(text: str, a: int, b: int) -> bool:
    """True where the name is not a piece of a longer one: nothing of a name before it, nothing after it but a
    title's start (…指挥部关于…) or no Chinese at all."""
    spec = _spec()
    if a > 0 and re.match(f"[{spec['not_before']}]", text[a - 1]):
        return False
    return b >= len(text) or not re.match(r"[\u4e00-\u9fff]", text[b]) or text.startswith(tuple(spec["follows_ok"]), b)


def issuer_mentions(text: str, issuer: str | None, entities: list[Entity], j: Jurisdiction) -> list[Entity]:
    """`entities` with the issuer's parts tagged where written whole and untagged, or tagged only in pieces
    (the pieces give way); a name across a tagged one's edge is left as it is."""
    parts = [p for p in issuer_parts(issuer) if _opens_with_place(p, j) and not _two_bodies(p, j)]
    if not parts:
        return entities
    chrome = SpanIndex.of(site_chrome_spans(text))
    agencies = [e for e in entities if e.label == "AGENCY"]
    added, dropped = [], set()
    for part in parts:
        for m in re.finditer(re.escape(part), text):
            a, b = m.span()
            if chrome.covers(a) or not _stands_alone(text, a, b):
                continue
            touching = [e for e in agencies if e.start < b and a < e.end]
            if any(e.start < a or e.end > b for e in touching) or any(e.start == a and e.end == b for e in touching):
                continue
            dropped.update(id(e) for e in touching)
            added.append(Entity("AGENCY", part, a, b, None, {"canonical": canonicalize(part, j), "rule": RULE}))
    if not added:
        return entities
    kept = [e for e in entities if id(e) not in dropped]
    return kept + added
