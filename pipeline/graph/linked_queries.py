"""Questions answered by the linking edges: follow-through, reposts, supersession, citations, agency merges, diffs.

Every function takes an open Store and reads what `relink` stored (SQL over the linking tables);
nothing is recomputed per query.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..linking import PolicyDiff, diff_records
from ..types import Record
from .store import Store

_DOC = len("Document:")
_CITED = "CASE WHEN title_key != '' THEN 't:' || title_key ELSE 'n:' || number_key END"


def yuan(fen: int | None) -> int | float | None:
    """An amount in fen as the currency unit: an integer when whole (200000000 fen -> 2000000)."""
    if fen is None:
        return None
    return fen // 100 if fen % 100 == 0 else fen / 100


def doc_id_of(key: str) -> str:
    return key[_DOC:] if key.startswith("Document:") else key


# ---------------------------------------------------------------- reposts and versions
def reposts(store: Store, doc_ids) -> dict[str, str]:
    """For the given doc ids that are reposts: doc id -> the first copy's id (one Document, several sources)."""
    return store.notices_of(doc_ids)


def replaced(store: Store, on: str | None = None, doc_ids=None) -> dict[str, str]:
    """Superseded doc id -> the doc id replacing it; with `on`, only replacements in force by that ISO date;
    with `doc_ids`, only for those documents."""
    conds, args = ["1"], []
    if on is not None:
        conds.append("coalesce(n.effective_from, n.date) <= ?")
        args.append(on)
    if doc_ids is not None:
        ids = list(doc_ids)
        conds.append(f"s.older_id IN ({','.join('?' * len(ids))})" if ids else "0")
        args += ids
    out: dict[str, str] = {}
    for r in store.sql("SELECT s.older_id, s.newer_id FROM supersessions s JOIN documents n ON n.id = s.newer_id "
                       f"WHERE {' AND '.join(conds)} ORDER BY s.older_id, n.date, s.newer_id", args):
        out.setdefault(r["older_id"], r["newer_id"])
    return out


def versions(store: Store, doc_id: str) -> dict[str, list[dict]]:
    """The documents `doc_id` supersedes and those superseding it, with the rules that linked them."""
    out = store.sql("SELECT older_id AS doc_id, rules FROM supersessions WHERE newer_id = ? ORDER BY older_id",
                    [doc_id])
    into = store.sql("SELECT newer_id AS doc_id, rules FROM supersessions WHERE older_id = ? ORDER BY newer_id",
                     [doc_id])
    return {"supersedes": [{**r, "rules": json.loads(r["rules"])} for r in out],
            "superseded_by": [{**r, "rules": json.loads(r["rules"])} for r in into]}


# ---------------------------------------------------------------- citations
def citations(store: Store, doc_id: str, title_key: str = "", number_key: str = "") -> dict[str, list[dict]]:
    """What a document cites (resolved to ingested documents where possible) and which documents cite it."""
    cites: dict[str, dict] = {}
    for r in store.sql("SELECT * FROM citation_links WHERE document_id = ? ORDER BY start, text", [doc_id]):
        ident = r["target_id"] or r["cited_key"]
        cites.setdefault(ident, {"cited": r["text"], "doc_id": r["target_id"],
                                 "resolution": r["resolution"] or "unresolved", "cue": r["cue"],
                                 "start": r["start"], "end": r["end"]})
    merged = store.cited_documents(f"CitedDocument:{c['cited_key']}" for c in store.sql(
        f"SELECT {_CITED} AS cited_key FROM citations WHERE document_id = ?", [doc_id]))
    for r in store.sql(f"SELECT *, {_CITED} AS cited_key FROM citations WHERE document_id = ? ORDER BY start",
                       [doc_id]):
        resolved = merged.get(f"CitedDocument:{r['cited_key']}")
        ident = resolved or r["cited_key"]
        cites.setdefault(ident, {"cited": r["text"], "doc_id": resolved,
                                 "resolution": "title/number key" if resolved else "unresolved", "cue": None,
                                 "start": r["start"], "end": r["end"]})
    citing = {r["document_id"] for r in store.sql(
        "SELECT document_id FROM citation_links WHERE target_id = ? "
        "UNION SELECT document_id FROM citations WHERE (title_key = ? AND ? != '') OR (number_key = ? AND ? != '')",
        [doc_id, title_key, title_key, number_key, number_key])}
    citing.discard(doc_id)
    first = reposts(store, citing)
    return {"cites": list(cites.values()), "cited_by": sorted({first.get(d, d) for d in citing} - {doc_id})}


# ---------------------------------------------------------------- agencies
def agency_group(store: Store, name: str) -> tuple[str, list[str], list[dict]]:
    """(current canonical name, every canonical name of the same body, the merges with their reasons)."""
    renamed = store.sql("SELECT agency FROM agency_aliases WHERE alias = ? AND agency != ? "
                        "AND rule = 'reorganisation' ORDER BY agency LIMIT 1", [name, name])
    if renamed and store.sql("SELECT 1 FROM agencies WHERE name = ?", [renamed[0]["agency"]]):
        name = renamed[0]["agency"]
    merges = store.sql("SELECT alias, rule, detail, document_id AS doc_id FROM agency_aliases WHERE agency = ? "
                       "ORDER BY rule != 'reorganisation', alias, jurisdiction", [name])
    names = [name] + [r["name"] for r in store.sql(
        "SELECT name FROM agencies WHERE name IN (SELECT alias FROM agency_aliases WHERE agency = ?) "
        "AND name != ? ORDER BY name", [name, name])]
    return name, names, merges


def alias_agencies(store: Store, name: str) -> list[str]:
    """Canonical names a written name was merged into by linking (any jurisdiction)."""
    return [r["agency"] for r in store.sql(
        "SELECT DISTINCT agency FROM agency_aliases WHERE alias = ? ORDER BY agency", [name.strip()])]


# ---------------------------------------------------------------- follow-through
def followup(store: Store, number: str) -> list[dict]:
    """Per reply to proposal `number` (a number or a proposal id): per response, the ranked measures with
    document, units, caps, evidence."""
    out = []
    with store.read():
        for p in store.sql("SELECT * FROM proposals WHERE number = ?1 OR id = ?1 ORDER BY id", [number.strip()]):
            replies = store.sql(
                "SELECT d.id, d.title, d.date FROM replies r JOIN documents d ON d.id = r.document_id "
                "WHERE r.proposal_id = ? AND d.id NOT IN (SELECT document_id FROM reposts) "
                "ORDER BY coalesce(d.date, '9999'), d.id", [p["id"]])
            for reply in replies:
                responses = store.sql("SELECT id, label, suggestion, status FROM responses WHERE document_id = ? "
                                      "ORDER BY start, seq", [reply["id"]])
                sources = [(r["id"], r) for r in responses] or [(None, {"label": None})]
                out.append({"proposal": p["number"] or number, "proposal_id": p["id"], "title": p["title"], "session": p["session"],
                            "reply": reply["id"], "reply_title": reply["title"] or reply["id"], "date": reply["date"],
                            "responses": [{"response": r.get("label"), "suggestion": r.get("suggestion"),
                                           "status": r.get("status"), "measures": _ranked(store, reply["id"], rid)}
                                          for rid, r in sources]})
    return out


def _ranked(store: Store, reply: str, response: str | None) -> list[dict]:
    """The measures ranked for one response (or the proposal), best first, described for a reader."""
    rows = store.sql(
        "SELECT f.rank, f.score, f.evidence, m.label AS measure, m.title, m.id AS measure_id, d.id AS doc_id, "
        "coalesce(d.title, d.id) AS document, d.doc_number, d.date, "
        "(SELECT json_group_array(agency) FROM (SELECT agency FROM responsible_units "
        " WHERE measure_id = m.id ORDER BY rowid)) AS responsible, "
        "(SELECT json_group_array(amount_fen) FROM (SELECT amount_fen FROM amounts WHERE measure_id = m.id "
        " AND kind = 'money' AND +role = 'cap' AND +amount_fen IS NOT NULL ORDER BY start)) AS caps "
        "FROM followups f JOIN measures m ON m.id = f.measure_id JOIN documents d ON d.id = m.document_id "
        "WHERE f.reply_id = ? AND +f.response_id IS ? ORDER BY f.rank", [reply, response])
    # (the unary + keeps SQLite on the measure's and the reply's indexes, whatever statistics it has)
    return [{**r, "responsible": json.loads(r["responsible"]), "caps": [yuan(c) for c in json.loads(r["caps"])],
             "evidence": json.loads(r["evidence"] or "[]")} for r in rows]


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
