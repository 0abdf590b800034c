"""Questions answered by the linking edges: follow-through, reposts, supersession, citations, agency merges, diffs.

Every function takes an open Store and reads what `relink` stored; nothing is recomputed per query.
"""
from __future__ import annotations

from pathlib import Path

from ..linking import PolicyDiff, diff_records
from ..types import Record
from .build import node_key
from .store import Store

_DOC = len("Document:")


def doc_id_of(key: str) -> str:
    return key[_DOC:] if key.startswith("Document:") else key


# ---------------------------------------------------------------- reposts and versions
def reposts(store: Store, doc_ids) -> dict[str, str]:
    """For the given doc ids that are reposts: doc id -> the first copy's id (one Document, several sources)."""
    return store.notices_of(doc_ids)


def replaced(store: Store, on: str | None = None, doc_ids=None) -> dict[str, str]:
    """Superseded doc id -> the doc id replacing it; with `on`, only replacements in force by that ISO date;
    with `doc_ids`, only for those documents (read through the edge index instead of all SUPERSEDES)."""
    if doc_ids is None:
        edges = store.linking_edges("SUPERSEDES")
    else:
        edges = store.edges(dst=[node_key("Document", d) for d in doc_ids], types=["SUPERSEDES"])
    newer = store.nodes(e["src"] for e in edges)
    out: dict[str, str] = {}
    for e in edges:
        n = newer.get(e["src"], {})
        start = n.get("effective_from") or n.get("date")
        if on is None or (start and start <= on):
            out.setdefault(doc_id_of(e["dst"]), doc_id_of(e["src"]))
    return out


def versions(store: Store, doc_id: str) -> dict[str, list[dict]]:
    """The documents `doc_id` supersedes and those superseding it, with the rules that linked them."""
    key = node_key("Document", doc_id)
    out = store.edges(src=[key], types=["SUPERSEDES"])
    into = store.edges(dst=[key], types=["SUPERSEDES"])
    return {"supersedes": [{"doc_id": doc_id_of(e["dst"]), "rules": e.get("rules")} for e in out],
            "superseded_by": [{"doc_id": doc_id_of(e["src"]), "rules": e.get("rules")} for e in into]}


# ---------------------------------------------------------------- citations
def citations(store: Store, doc_id: str, title_key: str = "", number_key: str = "") -> dict[str, list[dict]]:
    """What a document cites (resolved to ingested documents where possible) and which documents cite it."""
    key = node_key("Document", doc_id)
    out_edges = store.edges(src=[key], types=["CITES"])
    merged = store.cited_documents([e["dst"] for e in out_edges if e["dst"].startswith("CitedDocument:")])
    targets = store.nodes(e["dst"] for e in out_edges)
    cites: dict[str, dict] = {}
    for e in sorted(out_edges, key=lambda e: e.get("resolution") is None):      # resolved by linking first
        target = e["dst"]
        resolved = doc_id_of(target) if target.startswith("Document:") else merged.get(target)
        ident = resolved or target
        if ident in cites:
            continue
        node = targets.get(target, {})
        cites[ident] = {"cited": e.get("text") or node.get("label"), "doc_id": resolved,
                        "resolution": e.get("resolution") or ("title/number key" if resolved else "unresolved"),
                        "cue": e.get("cue"), "start": e["start"], "end": e["end"]}
    citing = {e["doc_id"] for e in store.edges(dst=[key], types=["CITES"])}
    named = [n["key"] for col, value in (("title_key", title_key), ("number_key", number_key)) if value
             for n in store.find_nodes("CitedDocument", prop=(col, value))]
    if named:
        citing |= {e["doc_id"] for e in store.edges(dst=named, types=["CITES"])}
    citing.discard(doc_id)
    first = reposts(store, citing)
    return {"cites": list(cites.values()), "cited_by": sorted({first.get(d, d) for d in citing} - {doc_id})}


# ---------------------------------------------------------------- agencies
def agency_group(store: Store, key: str) -> tuple[str, list[str], list[dict]]:
    """(current agency key, every Agency key of the same body, the merges with their reasons)."""
    name = key[len("Agency:"):]
    as_alias = store.edges(src=[n["key"] for n in store.find_nodes("Alias", label=name)], types=["ALIAS_OF"])
    renamed = [e["dst"] for e in as_alias if e["dst"] != key and e.get("rule") == "reorganisation"]
    if renamed and store.node(renamed[0]):
        key = renamed[0]
    into = store.edges(dst=[key], types=["ALIAS_OF"])
    aliases = store.nodes(e["src"] for e in into)
    merges, keys = [], [key]
    for e in into:
        alias = aliases.get(e["src"], {}).get("label") or e.get("alias")
        merges.append({"alias": alias, "rule": e.get("rule"), "detail": e.get("detail"), "doc_id": e["doc_id"]})
        other = node_key("Agency", alias)
        if other != key and other not in keys and store.node(other):
            keys.append(other)
    merges.sort(key=lambda m: (m["rule"] != "reorganisation", m["alias"] or ""))
    return key, keys, merges


def alias_agencies(store: Store, name: str) -> list[str]:
    """Agency keys a written name was merged into by linking (any jurisdiction)."""
    aliases = [n["key"] for n in store.find_nodes("Alias", label=name.strip())]
    return list(dict.fromkeys(e["dst"] for e in store.edges(src=aliases, types=["ALIAS_OF"]))) if aliases else []


# ---------------------------------------------------------------- follow-through
def followup(store: Store, number: str) -> list[dict]:
    """Per reply to proposal `number`: per response, the ranked measures with document, units, caps, evidence."""
    out = []
    with store.read():
        for p in store.find_nodes("Proposal", label=number.strip()):
            replies = [e["src"] for e in store.edges(dst=[p["key"]], types=["REPLIES_TO"])]
            first = reposts(store, map(doc_id_of, replies))
            docs = store.nodes(replies)
            for reply in dict.fromkeys(replies):
                if doc_id_of(reply) in first:
                    continue
                doc = docs.get(reply, {})
                has = sorted(store.edges(src=[reply], types=["HAS_RESPONSE"]), key=lambda e: e["start"] or 0)
                responses = store.nodes(e["dst"] for e in has)
                sources = [(e["dst"], responses.get(e["dst"], {})) for e in has] or [(p["key"], {"section": None})]
                out.append({"proposal": number, "title": p.get("title"), "session": p.get("session"),
                            "reply": doc_id_of(reply), "reply_title": doc.get("title") or doc.get("label"),
                            "date": doc.get("date"),
                            "responses": [{"response": r.get("section"), "suggestion": r.get("suggestion"),
                                           "status": r.get("status"), "measures": _ranked(store, key, reply)}
                                          for key, r in sources]})
    return out


def _ranked(store: Store, source: str, reply: str) -> list[dict]:
    """The FOLLOWED_UP_BY targets of one response (or proposal), best first, described for a reader."""
    edges = [e for e in store.edges(src=[source], types=["FOLLOWED_UP_BY"]) if e.get("reply") == doc_id_of(reply)]
    edges.sort(key=lambda e: e.get("rank") or 0)
    keys = [e["dst"] for e in edges]
    measures = store.nodes(keys)
    doc_of = {e["dst"]: e["src"] for e in store.edges(dst=keys, types=["HAS_MEASURE"])}
    docs = store.nodes(doc_of.values())
    units: dict[str, list[str]] = {}
    for e in store.edges(src=keys, types=["RESPONSIBLE"]):
        units.setdefault(e["src"], []).append(e["dst"][len("Agency:"):])
    offers = store.edges(src=keys, types=["OFFERS"])
    amounts = store.nodes(e["dst"] for e in offers)
    caps: dict[str, list[float]] = {}
    for e in offers:
        a = amounts.get(e["dst"], {})
        if a.get("role") == "cap" and a.get("value") is not None:
            caps.setdefault(e["src"], []).append(a["value"])
    rows = []
    for e in edges:
        m, d = measures.get(e["dst"], {}), docs.get(doc_of.get(e["dst"], ""), {})
        rows.append({"rank": e.get("rank"), "score": e.get("score"), "measure": m.get("section"),
                     "title": m.get("title"), "doc_id": e["doc_id"], "document": d.get("title") or d.get("label"),
                     "doc_number": d.get("doc_number"), "date": d.get("date"),
                     "responsible": units.get(e["dst"], []), "caps": caps.get(e["dst"], []),
                     "evidence": e.get("evidence") or []})
    return rows


def format_followup_rows(result: list[dict]) -> str:
    """`query followup` for humans: per reply and response, numbered measures with their facts and evidence."""
    lines = []
    for reply in result:
        lines.append(f"proposal {reply['proposal']} {reply['title'] or ''}  reply {reply['reply']} "
                     f"({reply['date'] or 'undated'}) {reply['reply_title'] or ''}")
        for r in reply["responses"]:
            lines.append(f"  {r['response'] or '(proposal)'}  {r['suggestion'] or ''}  [{r['status'] or '-'}]")
            if not r["measures"]:
                lines.append("    (no later measures of this jurisdiction)")
            for m in r["measures"]:
                caps = "、".join(f"{c:,.0f}" for c in m["caps"]) or "-"
                lines.append(f"    {m['rank']}. [{m['score']:.3f}] {m['document'] or m['doc_id']} {m['measure']}、"
                             f"{m['title']} ({m['date'] or '-'})")
                lines.append(f"       units: {'、'.join(m['responsible']) or '-'}  caps: {caps}  "
                             f"evidence: {'、'.join(m['evidence']) or '-'}")
    return "\n".join(lines)


# ---------------------------------------------------------------- diff
def load_record(store: Store, ident: str, extract_missing: bool = True) -> Record:
    """The record of a doc id, doc number or file path: from the store, else extracted from the file."""
    from .queries import find_documents
    path = Path(ident)
    rows = find_documents(store, ident) or (find_documents(store, str(path.resolve())) if path.exists() else [])
    for row in rows:
        data = store.record(row["doc_id"])
        if data:
            return Record.from_dict(data)
    if extract_missing and path.is_file():
        from ..extraction import extract
        record = extract(path)
        if not record.error:
            return record
        raise LookupError(f"{ident}: {record.error}")
    raise LookupError(f"no document {ident!r} in {store.path} (give a doc id, a doc number or a file)")


def diff(store: Store, a: str, b: str) -> PolicyDiff:
    """Measure by measure what changed from document A to document B (each a doc id, number or path)."""
    with store.read():
        old, new = load_record(store, a), load_record(store, b)
    return diff_records(old, new)
