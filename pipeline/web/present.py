"""What the pages show, made from query results (pure functions): addresses of things, a record's text as
lines of plain and tagged pieces with page numbers, excerpts with the query's words marked, amounts.

Nothing here writes HTML: templates escape every piece of text they are given.
"""
from __future__ import annotations

import bisect
import re
from urllib.parse import quote, urlencode

from ..clean.script import to_simplified

TAGGED = ("AGENCY", "MONEY", "RATE", "CITATION")


def q(value: str) -> str:
    """A path segment: every character that is not plainly safe percent-encoded (# / ? included)."""
    return quote(str(value), safe="")


def url_for(kind: str, key: str) -> str:
    """The permanent address of a thing by kind and key: agency (canonical name), document (id), measure
    (id: its document's page, at the measure), proposal (id), node (graph key: its neighbourhood)."""
    if kind == "agency":
        return f"/agency/{q(key)}"
    if kind == "document":
        return f"/doc/{q(key)}"
    if kind == "measure":
        doc_id, _, seq = key.rpartition("/")
        return f"/doc/{q(doc_id)}#{seq}"
    if kind == "proposal":
        return f"/proposal/{q(key)}"
    if kind == "node":
        return "/graph?" + urlencode({"node": key})
    raise ValueError(f"no address for a {kind!r}")


NODE_PAGES = {"Agency": "agency", "Document": "document", "Measure": "measure", "Proposal": "proposal"}


def node_url(key: str) -> str:
    """The page of a graph node (agency, document, measure, proposal), else its neighbourhood in the graph."""
    node_type, _, ident = key.partition(":")
    kind = NODE_PAGES.get(node_type)
    return url_for(kind, ident) if kind else url_for("node", key)


def money(value) -> str:
    """An amount for people: thousands parted by commas, cents only where there are any."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def rate(value) -> str:
    """A rate as a percentage (0.5 -> 50%)."""
    if value is None:
        return ""
    pct = round(float(value) * 100, 4)
    return f"{pct:g}%"


def marked(text: str | None, query: str) -> list[tuple[str, bool]]:
    """A text as pieces, those where the query or one of its words stands marked True (compared simplified)."""
    if not text:
        return []
    from ..graph.fulltext import query_words
    words = sorted({to_simplified(w) for w in [query, *query_words(query)] if w.strip()}, key=len, reverse=True)
    if not words:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    simple, out, pos = to_simplified(text), [], 0
    for m in pattern.finditer(simple):                 # simplified text has the original's offsets
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((text[m.start():m.end()], True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def page_starts(record: dict) -> list[tuple[int, int]]:
    """(offset, page) where each source page's text starts: the record's `pages`, else (records made before
    it was kept) the first tagged span, measure or section seen on each page."""
    if record.get("pages"):
        return [(p["start"], p["page"]) for p in sorted(record["pages"], key=lambda p: p["start"])]
    marks = sorted({(x["start"], x["page"]) for part in ("entities", "measures", "responses")
                    for x in record.get(part) or [] if x.get("page") is not None})
    out: list[tuple[int, int]] = []
    for start, page in marks:
        if not out or page != out[-1][1]:
            out.append((0 if not out else start, page))
    return out


def _spans(record: dict, cited: dict[int, str]) -> list[dict]:
    """The tagged spans shown, left to right without overlaps (the longer of two starting together)."""
    out, last = [], -1
    for e in sorted(record.get("entities") or [], key=lambda e: (e["start"], -(e["end"] - e["start"]))):
        if e["label"] not in TAGGED or e["start"] < last or e["end"] <= e["start"]:
            continue
        href = None
        if e["label"] == "AGENCY" and e.get("canonical"):
            href = url_for("agency", e["canonical"])
        elif e["label"] == "CITATION" and cited.get(e["start"]):
            href = url_for("document", cited[e["start"]])
        out.append({"start": e["start"], "end": e["end"], "label": e["label"], "role": e.get("role"),
                    "href": href, "title": _span_title(e)})
        last = e["end"]
    return out


def _span_title(e: dict) -> str:
    """What a tagged span is, for its tooltip."""
    if e["label"] == "AGENCY":
        return f"机构 agency: {e.get('canonical') or e['text']}"
    if e["label"] == "MONEY":
        parts = [f"金额 money ({e.get('role') or '?'})", money(e.get("amount")), e.get("currency") or ""]
        if e.get("rate") is not None:
            parts.append(f"rate {rate(e['rate'])}")
        if e.get("scope"):
            parts.append(f"scope {e['scope']}")
        return " ".join(p for p in parts if p)
    if e["label"] == "RATE":
        return f"比例 rate ({e.get('role') or '?'}) {rate(e.get('value'))}"
    return "引用 citation"


def text_lines(record: dict, cited: dict[int, str] | None = None,
               measure_starts: dict[int, str] | None = None) -> list[dict]:
    """The record's text as lines for the page: each {"page": the page number where a new source page starts
    (else None), "anchor": a measure's anchor where one starts on the line, "pieces": [{"text", "label",
    "role", "href", "title"}]} (label None for plain text); a span running over a line end is cut in two.

    `cited` maps a citation's start to the stored document it resolved to; `measure_starts` a measure's
    start offset to its anchor (m3)."""
    text = record.get("text") or ""
    spans = _spans(record, cited or {})
    starts = page_starts(record)
    offsets = [s for s, _ in starts]
    anchors = sorted((measure_starts or {}).items())
    lines, pos, shown_page, k, a = [], 0, None, 0, 0
    for line in text.split("\n"):
        end = pos + len(line)
        i = bisect.bisect_right(offsets, end if line else pos) - 1
        page = starts[i][1] if i >= 0 else None
        anchor = None
        while a < len(anchors) and anchors[a][0] <= end:
            anchor = anchor or anchors[a][1]
            a += 1
        pieces, at = [], pos
        while k < len(spans) and spans[k]["end"] <= pos:
            k += 1
        j = k
        while j < len(spans) and spans[j]["start"] < end:
            sp = spans[j]
            s, e = max(sp["start"], pos), min(sp["end"], end)
            if s > at:
                pieces.append({"text": text[at:s], "label": None})
            pieces.append({"text": text[s:e], **{x: sp[x] for x in ("label", "role", "href", "title")}})
            at = e
            j += 1
        if at < end:
            pieces.append({"text": text[at:end], "label": None})
        lines.append({"page": page if page != shown_page else None, "anchor": anchor, "pieces": pieces})
        shown_page = page if page is not None else shown_page
        pos = end + 1
    return lines


def timestamp(seconds) -> str:
    """A Unix time as local date and time (2025-06-30 14:05:09)."""
    import time
    if seconds is None:
        return ""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(seconds)))


def change_detail(detail) -> str:
    """A change's detail in a line: text before and after (最高奖补200万元 → 最高奖补300万元), then the other plain
    fields; nested provenance is shown in its own column."""
    if not isinstance(detail, dict):
        return "" if detail is None else str(detail)
    parts = []
    for key, value in detail.items():
        if isinstance(value, dict):
            continue
        if isinstance(value, list):
            value = " → ".join(str(v) for v in value)
        parts.append(value if key == "text" else f"{key}: {value}")
    return "; ".join(str(p) for p in parts)
