"""Questions to the graph store: agencies, proposals, caps, documents, neighbourhoods and paths.

Every function takes an open Store, reads inside one snapshot (SQL joins over the store's tables and
views), and returns plain dicts and lists.
"""
from __future__ import annotations

import json
import re
from collections import deque

import networkx as nx

from ..clean.script import to_simplified
from ..linking.normalise import normalise_doc_number
from . import linked_queries as linked
from .build import node_key
from .store import Store


_DOC_COLS = "d.id AS doc_id, d.doc_number, d.title, d.date, d.kind"
_FIRST_COPY = "d.id NOT IN (SELECT document_id FROM reposts)"          # a repost counts once
# Valid on :on and not replaced by a newer version in force by then.
IN_FORCE = ("(coalesce(d.effective_from, d.date) IS NOT NULL OR d.effective_to IS NOT NULL) "
            "AND (coalesce(d.effective_from, d.date) IS NULL OR coalesce(d.effective_from, d.date) <= :on) "
            "AND (d.effective_to IS NULL OR :on <= d.effective_to) "
            "AND NOT EXISTS (SELECT 1 FROM supersessions s JOIN documents n ON n.id = s.newer_id "
            "WHERE s.older_id = d.id AND coalesce(n.effective_from, n.date) <= :on)")


def resolve_agencies(store: Store, name: str) -> list[str]:
    """Canonical agency names a name stands for: the name itself and the bodies it is an alias of (a short
    name a placeless text left unresolved, 市工信局, is also the alias of 中山市工业和信息化局), else any alias
    merged by linking, else names containing it; a renamed body's old name leads to its current name."""
    name = name.strip()
    names = [r["name"] for r in store.sql("SELECT name FROM agencies WHERE name = ?", [name])]
    names += [k[len("Agency:"):] for k in store.nodes_by_alias(name)]
    names = names or linked.alias_agencies(store, to_simplified(name))
    if not names:
        names = [n["label"] for n in store.search_nodes(to_simplified(name), "Agency", limit=50)]
    return list(dict.fromkeys(linked.agency_group(store, n)[0] for n in names))


def agency(store: Store, name: str, in_force_on: str | None = None) -> list[dict]:
    """Per agency the name stands for: canonical name, aliases and merges (with reasons), documents issued,
    measures with caps, replies; reposts once; with `in_force_on`, only documents in force that day."""
    out = []
    with store.read():
        for canonical in resolve_agencies(store, name):
            canonical, group, merges = linked.agency_group(store, canonical)
            args = {f"a{i}": g for i, g in enumerate(group)} | {"on": in_force_on}
            names = ",".join(f":a{i}" for i in range(len(group)))
            when = f" AND {IN_FORCE}" if in_force_on else ""
            related = store.sql(
                f"SELECT DISTINCT {_DOC_COLS}, da.relation, p.number AS proposal, "
                f"(SELECT min(newer_id) FROM supersessions WHERE older_id = d.id) AS superseded_by "
                f"FROM document_agencies da JOIN documents d ON d.id = da.document_id "
                f"LEFT JOIN replies r ON r.document_id = d.id LEFT JOIN proposals p ON p.id = r.proposal_id "
                f"WHERE da.agency IN ({names}) AND da.relation IN ('issued_by', 'co_handled_by') "
                f"AND {_FIRST_COPY}{when} ORDER BY d.date, d.id", args)
            measures = store.sql(
                f"SELECT m.label AS measure, m.title, m.id AS measure_id, d.id AS doc_id, d.doc_number, d.title AS document, "
                f"min(ru.role) AS role, (SELECT json_group_array(text) FROM (SELECT a.text FROM amounts a "
                f"WHERE a.measure_id = m.id AND a.kind = 'money' AND a.role = 'cap' ORDER BY a.start)) AS caps "
                f"FROM responsible_units ru JOIN measures m ON m.id = ru.measure_id "
                f"JOIN documents d ON d.id = m.document_id "
                f"WHERE ru.agency IN ({names}) AND {_FIRST_COPY}{when} GROUP BY m.id, d.id ORDER BY d.date, d.id, m.seq",
                args)
            aliases = {r["alias"] for r in store.sql(
                f"SELECT text AS alias FROM mentions WHERE agency IN ({names}) "
                f"UNION SELECT alias FROM agency_aliases WHERE agency IN ({names})", args)}
            aliases |= {m["alias"] for m in merges}

            def listed(relation: str, replies_only: bool = False) -> list[dict]:
                return [{k: v for k, v in d.items() if k not in ("relation", "proposal", "superseded_by")}
                        | ({"proposal": d["proposal"]} if replies_only else {"superseded_by": d["superseded_by"]})
                        for d in related if d["relation"] == relation and (not replies_only or d["proposal"])]

            out.append({
                "canonical": canonical,
                "aliases": sorted(aliases - {canonical}),
                "merged": merges,
                "documents_issued": listed("issued_by"),
                "measures": [{**m, "caps": json.loads(m["caps"])} for m in measures],
                "replies_written": listed("issued_by", replies_only=True),
                "replies_co_handled": listed("co_handled_by", replies_only=True),
            })
    return out


def proposal(store: Store, number: str) -> list[dict]:
    """Per proposal with this number (or this id): session, proposers, the replies, their units and responses
    with status."""
    out = []
    with store.read():
        for p in store.sql("SELECT * FROM proposals WHERE number = ?1 OR id = ?1 ORDER BY id", [number.strip()]):
            people = store.sql("SELECT name FROM proposers WHERE proposal_id = ? GROUP BY name ORDER BY min(rowid)",
                               [p["id"]])
            replies = store.sql(f"SELECT {_DOC_COLS} FROM replies r JOIN documents d ON d.id = r.document_id "
                                f"WHERE r.proposal_id = ? ORDER BY d.date, d.id", [p["id"]])
            for reply in replies:
                units = store.sql("SELECT agency, relation FROM document_agencies WHERE document_id = ? "
                                  "AND relation IN ('issued_by', 'co_handled_by') ORDER BY rowid", [reply["doc_id"]])
                reply["replying_units"] = [u["agency"] for u in units if u["relation"] == "issued_by"]
                reply["co_handlers"] = [u["agency"] for u in units if u["relation"] == "co_handled_by"]
                reply["responses"] = store.sql("SELECT label, suggestion, status FROM responses "
                                               "WHERE document_id = ? ORDER BY seq", [reply["doc_id"]])
            out.append({"id": p["id"], "number": p["number"], "session": p["session"], "title": p["title"],
                        "category": p["category"], "proposers": [r["name"] for r in people], "replies": replies})
    return out


def in_force(document: dict, date: str) -> bool:
    """True where `date` (ISO) lies in the document's validity: from its start (else its date) to its end."""
    start = document.get("effective_from") or document.get("date")
    end = document.get("effective_to")
    if not start and not end:
        return False
    return (not start or start <= date) and (not end or date <= end)


# Orders `caps` can sort by (column name -> SQL over amounts c, documents d, measures m), each then by amount,
# document and text.
CAPS_ORDERS = {"amount": "c.amount_fen", "rate": "CAST(c.rate AS REAL)", "scope": "c.scope", "measure": "m.seq",
               "document": "d.title", "date": "d.date", "doc_type": "d.doc_type"}
_CAP = "c.kind = 'money' AND c.role = 'cap'"


def _caps_filter(store: Store, min_amount: float | None, agency_name: str | None, in_force_on: str | None,
                 doc_type: str | None, year: int | None) -> tuple[list[str], dict] | None:
    """The conditions over amounts c of a caps question and their arguments (what they ask of a document is
    asked once per document, in a subquery); None where the agency named is not stored."""
    conds, args = [_CAP, _FIRST_COPY.replace("d.id", "c.document_id")], {"on": in_force_on}
    if min_amount is not None:
        conds.append("c.amount_fen >= :min")
        args["min"] = round(min_amount * 100)
    if agency_name:
        group = [g for n in resolve_agencies(store, agency_name) for g in linked.agency_group(store, n)[1]]
        if not group:
            return None
        args |= {f"a{i}": g for i, g in enumerate(group)}
        names = ",".join(f":a{i}" for i in range(len(group)))
        conds.append(f"(c.measure_id IN (SELECT measure_id FROM responsible_units WHERE agency IN ({names})) "
                     f"OR c.document_id IN (SELECT document_id FROM document_agencies WHERE relation = 'issued_by' "
                     f"AND agency IN ({names})))")
    of_document = []
    if in_force_on:
        of_document.append(IN_FORCE)
    if doc_type:
        of_document.append("d.doc_type = :doc_type")
        args["doc_type"] = doc_type
    if year is not None:
        of_document.append("d.year = :year")
        args["year"] = year
    if of_document:
        conds.append(f"c.document_id IN (SELECT d.id FROM documents d WHERE {' AND '.join(of_document)})")
    return conds, args


def _caps_from(order: str = "") -> str:
    """The tables a caps question reads: amounts, and documents or measures only where its order needs them."""
    used = order
    return ("FROM amounts c" + (" JOIN documents d ON d.id = c.document_id" if re.search(r"\bd\.", used) else "")
            + (" LEFT JOIN measures m ON m.id = c.measure_id" if re.search(r"\bm\.", used) else ""))


def caps(store: Store, min_amount: float | None = None, agency_name: str | None = None,
         in_force_on: str | None = None, limit: int | None = None, doc_type: str | None = None,
         year: int | None = None, sort: str = "amount", descending: bool | None = None, offset: int = 0) -> list[dict]:
    """Monetary caps, largest first, with measure, document, rate, scope and responsible units.

    agency_name keeps caps of measures the agency is responsible for or of documents it issued;
    in_force_on (ISO date) keeps caps of documents valid on that day; doc_type and year those of documents
    of that type or year; limit keeps the first N (the largest, unless `sort` names another of CAPS_ORDERS;
    `descending` defaults to True for amounts, False otherwise), after `offset` rows.
    """
    if sort not in CAPS_ORDERS:
        raise ValueError(f"caps sort by one of {', '.join(CAPS_ORDERS)}, not {sort!r}")
    down = (sort == "amount") if descending is None else descending
    order = f"{CAPS_ORDERS[sort]} {'DESC' if down else 'ASC'} NULLS LAST, c.amount_fen DESC, c.document_id, c.text, c.page, c.start, c.id"
    with store.read():
        found = _caps_filter(store, min_amount, agency_name, in_force_on, doc_type, year)
        if found is None:
            return []
        conds, args = found
        ids = [r["id"] for r in store.sql(          # the page of caps first, then only their details
            f"SELECT c.id {_caps_from(order)} WHERE {' AND '.join(conds)} ORDER BY {order}"
            + (" LIMIT :limit" if limit else " LIMIT -1") + (" OFFSET :offset" if offset else ""),
            args | {"limit": limit, "offset": offset})]
        rows = {}
        for part in range(0, len(ids), 500):
            chunk = ids[part:part + 500]
            rows |= {r["id"]: r for r in store.sql(
                f"SELECT c.*, d.doc_type FROM caps c JOIN documents d ON d.id = c.document_id "
                f"WHERE c.id IN ({','.join('?' * len(chunk))})", chunk)}
        units: dict[str, list[str]] = {}
        measures = sorted({r["measure_id"] for r in rows.values() if r["measure_id"]})
        for part in range(0, len(measures), 500):
            chunk = measures[part:part + 500]
            for u in store.sql(f"SELECT measure_id, agency FROM responsible_units WHERE measure_id IN "
                               f"({','.join('?' * len(chunk))}) ORDER BY rowid", chunk):
                units.setdefault(u["measure_id"], []).append(u["agency"])
    out = []
    for cap_id in ids:
        r = rows[cap_id]
        out.append({"amount": linked.yuan(r["amount_fen"]), "amount_max": linked.yuan(r["amount_max_fen"]),
                    "currency": r["currency"], "text": r["text"], "rate": float(r["rate"]) if r["rate"] is not None else None,
                    "scope": r["scope"], "measure": r["measure"], "measure_title": r["measure_title"],
                    "doc_id": r["document_id"], "doc_number": r["doc_number"], "document": r["document"],
                    "date": r["date"], "responsible": units.get(r["measure_id"], []), "measure_id": r["measure_id"],
                    "doc_type": r["doc_type"], "effective_from": r["effective_from"],
                    "effective_to": r["effective_to"]})
    return out


def count_caps(store: Store, min_amount: float | None = None, agency_name: str | None = None,
               in_force_on: str | None = None, doc_type: str | None = None, year: int | None = None) -> int:
    """How many caps `caps` gives for the same question without a limit."""
    with store.read():
        found = _caps_filter(store, min_amount, agency_name, in_force_on, doc_type, year)
        if found is None:
            return 0
        conds, args = found
        return store.sql(f"SELECT count(*) AS n FROM amounts c WHERE {' AND '.join(conds)}", args)[0]["n"]


def find_documents(store: Store, ident: str) -> list[dict]:
    """Stored documents with this record id, doc number (any bracket or script form), or path."""
    ident = ident.strip()
    return (store.documents(doc_id=ident) or store.documents(number_key=normalise_doc_number(ident))
            or store.documents(path=ident))


def document(store: Store, ident: str) -> list[dict]:
    """Per matching notice: its row and sources (reposts), outgoing edges, what it cites and what cites it,
    the versions it supersedes or is superseded by."""
    out = []
    with store.read():
        rows = find_documents(store, ident)
        first = linked.reposts(store, [r["doc_id"] for r in rows])
        for doc_id in dict.fromkeys(first.get(r["doc_id"], r["doc_id"]) for r in rows):
            found = store.documents(doc_id=doc_id)
            if not found:
                continue
            row = found[0]
            key = node_key("Document", doc_id)
            edges = [e for e in store.edges(src=[key]) if e["type"] not in ("CITES", "SAME_NOTICE", "SUPERSEDES")]
            own_cites = store.edges(src=[key], types=["CITES"])
            targets = store.nodes(e["dst"] for e in edges + own_cites)
            cited = store.cited_documents([e["dst"] for e in own_cites if e["dst"].startswith("CitedDocument:")])
            listed = [{"edge": e["type"], "node": e["dst"], "label": targets.get(e["dst"], {}).get("label"),
                       "page": e["page"], "start": e["start"], "end": e["end"],
                       "ingested_as": cited.get(e["dst"]) or (linked.doc_id_of(e["dst"])
                                                              if e["dst"].startswith("Document:") else None)}
                      for e in edges + [e for e in own_cites if "resolution" not in e]]
            links = linked.citations(store, doc_id, row["title_key"], row["number_key"])
            out.append({**row, "sources": [s["path"] for s in store.sources(doc_id)], "edges": listed,
                        **links, **linked.versions(store, doc_id)})
    return out


def resolve_node(store: Store, ident: str) -> str | None:
    """The node an identifier names: a node key, a document id or number, an agency name, a proposal number."""
    ident = ident.strip()
    if store.node(ident):
        return ident
    docs = find_documents(store, ident)
    if docs:
        return node_key("Document", docs[0]["doc_id"])
    agencies = resolve_agencies(store, ident)
    if agencies:
        return node_key("Agency", agencies[0])
    proposals = store.sql("SELECT id FROM proposals WHERE number = ? ORDER BY id LIMIT 1", [ident])
    if proposals:
        return node_key("Proposal", proposals[0]["id"])
    found = store.search_nodes(ident, limit=1)
    return found[0]["key"] if found else None


def _expand(store: Store, frontier: list[str]) -> list[dict]:
    """Edges touching the frontier, either direction, with cited documents merged into stored ones."""
    edges = store.edges(src=frontier) + store.edges(dst=frontier)
    merged = {k: f"Document:{d}" for k, d in store.cited_documents(
        {e[s] for e in edges for s in ("src", "dst") if e[s].startswith("CitedDocument:")}).items()}
    return [{**e, "src": merged.get(e["src"], e["src"]), "dst": merged.get(e["dst"], e["dst"])} for e in edges]


def neighbours(store: Store, ident: str, depth: int = 1, limit: int = 500) -> dict:
    """The nodes within `depth` edges of a node (either direction), at most `limit`, with the edges between."""
    with store.read():
        start = resolve_node(store, ident)
        if start is None:
            return {"node": None, "nodes": [], "edges": []}
        distance = {start: 0}
        frontier, seen_edges = [start], {}
        for d in range(1, depth + 1):
            if not frontier or len(distance) >= limit:
                break
            nxt = []
            for e in _expand(store, frontier):
                for k in (e["src"], e["dst"]):
                    if k not in distance and len(distance) < limit:
                        distance[k] = d
                        nxt.append(k)
                if e["src"] in distance and e["dst"] in distance:
                    seen_edges[(e["type"], e["src"], e["dst"], e["start"])] = e
            frontier = nxt
        nodes = store.nodes(distance)
    return {"node": start,
            "nodes": [{"key": k, "type": nodes.get(k, {}).get("type"), "label": nodes.get(k, {}).get("label"),
                       "distance": dist} for k, dist in sorted(distance.items(), key=lambda kv: (kv[1], kv[0]))],
            "edges": [{k: e[k] for k in ("type", "src", "dst", "doc_id", "page", "start", "end")}
                      for e in seen_edges.values()]}


def path(store: Store, a: str, b: str, max_depth: int = 6) -> dict:
    """A shortest path between two nodes, ignoring direction (bidirectional search over the store)."""
    with store.read():
        src, dst = resolve_node(store, a), resolve_node(store, b)
        if src is None or dst is None:
            return {"from": src, "to": dst, "path": []}
        g = nx.MultiGraph()
        g.add_nodes_from([src, dst])
        sides = [({src}, deque([src])), ({dst}, deque([dst]))]
        for _ in range(max_depth):
            if nx.has_path(g, src, dst):
                break
            open_sides = [side for side in sides if side[1]]
            if not open_sides:
                break
            seen, frontier = min(open_sides, key=lambda side: len(side[1]))
            batch = list(frontier)
            frontier.clear()
            for e in _expand(store, batch):
                g.add_edge(e["src"], e["dst"], type=e["type"], src=e["src"], doc_id=e["doc_id"])
                for k in (e["src"], e["dst"]):
                    if k not in seen:
                        seen.add(k)
                        frontier.append(k)
        if not nx.has_path(g, src, dst):
            return {"from": src, "to": dst, "path": []}
        keys = nx.shortest_path(g, src, dst)
        nodes = store.nodes(keys)
    steps = []
    for i, k in enumerate(keys):
        steps.append({"node": k, "type": nodes.get(k, {}).get("type"), "label": nodes.get(k, {}).get("label")})
        if i + 1 < len(keys):
            e = next(iter(g.get_edge_data(k, keys[i + 1]).values()))
            steps.append({"edge": e["type"], "direction": "->" if e["src"] == k else "<-", "doc_id": e["doc_id"]})
    return {"from": src, "to": dst, "path": steps}


def stats(store: Store) -> dict:
    """Counts of nodes and edges by type, documents by type and by year."""
    with store.read():
        return store.counts()
