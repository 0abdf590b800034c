"""What a reader browsing the store asks beyond the command line's queries: a document's measures with their
units and amounts, its versions measure by measure, which documents are in force on a day, what the store
holds (by year, type, issuer) and how the latest ingest went.

Every function takes an open Store, reads inside one snapshot, and returns plain dicts and lists.
"""
from __future__ import annotations

import json
from dataclasses import asdict

from . import linked_queries as linked
from .queries import IN_FORCE
from .store import LAST_INGEST, Store


def document_measures(store: Store, doc_id: str) -> list[dict]:
    """A document's measures in order: label, title, parent heading, page and span, responsible units with
    their role, and every amount or rate tagged in it (money in the currency unit, rates as numbers)."""
    with store.read():
        measures = store.sql("SELECT id AS measure_id, seq, label, title, parent_label, parent_title, page, start, "
                             "\"end\", truncated FROM measures WHERE document_id = ? ORDER BY seq", [doc_id])
        units = store.sql("SELECT ru.measure_id, ru.agency, ru.role FROM responsible_units ru JOIN measures m "
                          "ON m.id = ru.measure_id WHERE m.document_id = ? ORDER BY ru.rowid", [doc_id])
        amounts = store.sql("SELECT measure_id, kind, text, amount_fen, amount_max_fen, currency, rate, value, role, "
                            "scope, rule, page, start, \"end\" FROM amounts WHERE document_id = ? "
                            "AND measure_id IS NOT NULL ORDER BY start", [doc_id])
    by_measure: dict[str, dict] = {m["measure_id"]: {**m, "truncated": bool(m["truncated"]), "responsible": [],
                                                     "amounts": []} for m in measures}
    for u in units:
        by_measure[u["measure_id"]]["responsible"].append({"agency": u["agency"], "role": u["role"]})
    for a in amounts:
        by_measure[a.pop("measure_id")]["amounts"].append({
            **{k: a[k] for k in ("kind", "text", "currency", "role", "scope", "rule", "page", "start", "end")},
            "amount": linked.yuan(a["amount_fen"]), "amount_max": linked.yuan(a["amount_max_fen"]),
            "rate": float(a["rate"]) if a["rate"] is not None else None,
            "value": float(a["value"]) if a["value"] is not None else None})
    return list(by_measure.values())


def document_titles(store: Store, doc_ids: list[str]) -> dict[str, dict]:
    """id -> {id, title, doc_number, date} of the stored documents among `doc_ids`."""
    return {r["id"]: r for r in store.sql(
        "SELECT id, title, doc_number, date FROM documents WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(doc_ids))])}


def in_force(store: Store, doc_ids, on: str) -> set[str]:
    """The given documents that are in force on the ISO date `on` (valid that day and not superseded)."""
    ids = sorted(set(doc_ids))
    if not ids:
        return set()
    with store.read():
        return {r["id"] for r in store.sql(
            f"SELECT d.id FROM documents d WHERE d.id IN ({','.join(f':d{i}' for i in range(len(ids)))}) "
            f"AND {IN_FORCE}", {f"d{i}": d for i, d in enumerate(ids)} | {"on": on})}


def version_diffs(store: Store, doc_id: str) -> list[dict]:
    """Each version linked to a document (older ones it supersedes, newer ones superseding it), with the rules
    that linked them and what changed from the older to the newer, measure by measure."""
    out = []
    with store.read():
        versions = linked.versions(store, doc_id)
        titles = {r["id"]: r for r in store.sql(
            "SELECT id, title, doc_number, date FROM documents WHERE id IN (SELECT older_id FROM supersessions "
            "WHERE newer_id = ?1 UNION SELECT newer_id FROM supersessions WHERE older_id = ?1)", [doc_id])}
        for relation, older_of in (("supersedes", lambda other: (other, doc_id)),
                                   ("superseded_by", lambda other: (doc_id, other))):
            for v in versions[relation]:
                old, new = older_of(v["doc_id"])
                diff = linked.diff(store, old, new)
                other = titles.get(v["doc_id"], {})
                out.append({"relation": relation, "doc_id": v["doc_id"], "title": other.get("title"),
                            "doc_number": other.get("doc_number"), "date": other.get("date"), "rules": v["rules"],
                            "diff": asdict(diff)})
    return out


def overview(store: Store, issuers: int = 30) -> dict:
    """What the store holds: documents by year, type and issuing agency (the `issuers` commonest; a repost
    counts once), how many agencies, measures, caps and proposals, and the latest ingest (its summary and
    the failures it left, newest first). Cheap to ask: the graph's node and edge counts are `stats`."""
    def grouped(sql: str) -> dict:
        return {"?" if r["k"] is None else r["k"]: r["n"] for r in store.sql(sql)}

    copies = "SELECT document_id FROM reposts"
    with store.read():
        by_type = grouped("SELECT coalesce(doc_type, '?') AS k, count(*) AS n FROM documents GROUP BY 1 ORDER BY 1")
        by_year = grouped("SELECT year AS k, count(*) AS n FROM documents GROUP BY 1 ORDER BY year IS NULL, year")
        for k, n in grouped(f"SELECT coalesce(doc_type, '?') AS k, count(*) AS n FROM documents "
                            f"WHERE id IN ({copies}) GROUP BY 1").items():
            by_type[k] -= n
        for k, n in grouped(f"SELECT year AS k, count(*) AS n FROM documents "
                            f"WHERE id IN ({copies}) GROUP BY 1").items():
            by_year[k] -= n
        by_issuer = grouped(f"SELECT agency AS k, count(*) AS n FROM document_agencies WHERE relation = 'issued_by' "
                            f"AND document_id NOT IN ({copies}) GROUP BY agency ORDER BY n DESC, agency LIMIT {int(issuers)}")
        count = {t: store.sql(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in
                 ("documents", "sources", "agencies", "measures", "proposals", "reposts")}
        caps = store.sql("SELECT count(*) AS n FROM amounts WHERE kind = 'money' AND role = 'cap'")[0]["n"]
        last = store.info(LAST_INGEST)
        failures = store.sql("SELECT path, reason, at FROM failures ORDER BY at DESC, path")
        pending = store.linking_pending
    return {"documents": count["documents"] - count["reposts"], "copies": count["documents"],
            "sources": count["sources"], "documents_by_year": {k: n for k, n in by_year.items() if n},
            "documents_by_type": {k: n for k, n in by_type.items() if n}, "documents_by_issuer": by_issuer,
            "agencies": count["agencies"], "measures": count["measures"], "caps": caps,
            "proposals": count["proposals"], "linking_pending": pending,
            "last_ingest": json.loads(last) if last else None, "failures": failures}
