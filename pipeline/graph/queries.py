"""Questions to the graph store: agencies, proposals, caps, documents, neighbourhoods and paths.

Every function takes an open Store, reads inside one snapshot, and returns plain dicts and lists.
"""
from __future__ import annotations

from collections import deque

import networkx as nx

from ..clean.script import to_simplified
from ..linking.normalise import normalise_doc_number
from . import linked_queries as linked
from .build import node_key
from .store import Store


def _doc(node: dict | None) -> dict:
    """The short form of a Document node that result tables show."""
    node = node or {}
    return {"doc_id": node.get("key", "")[len("Document:"):], "doc_number": node.get("doc_number"),
            "title": node.get("title") or node.get("label"), "date": node.get("date"), "kind": node.get("kind")}


def resolve_agencies(store: Store, name: str) -> list[str]:
    """Agency keys a name stands for: the canonical name, any alias seen or merged by linking, else names
    containing it; a renamed body's old name leads to its current Agency."""
    exact = node_key("Agency", name.strip())
    if store.node(exact):
        keys = [exact]
    else:
        keys = [k for k in store.nodes_by_alias(name) if k.startswith("Agency:")]
        keys = keys or linked.alias_agencies(store, to_simplified(name.strip()))
    if not keys:
        simplified = to_simplified(name.strip())
        keys = [n["key"] for n in store.search_nodes(simplified, "Agency", limit=50)]
    return list(dict.fromkeys(linked.agency_group(store, k)[0] for k in keys))


def agency(store: Store, name: str, in_force_on: str | None = None) -> list[dict]:
    """Per agency the name stands for: canonical name, aliases and merges (with reasons), documents issued,
    measures with caps, replies; reposts once; with `in_force_on`, only documents in force that day."""
    out = []
    with store.read():
        for key in resolve_agencies(store, name):
            key, group, merges = linked.agency_group(store, key)
            into = store.edges(dst=group, types=["ISSUED_BY", "RESPONSIBLE", "CO_HANDLED_BY"])
            issued = [e["src"] for e in into if e["type"] == "ISSUED_BY"]
            co_handled = [e["src"] for e in into if e["type"] == "CO_HANDLED_BY"]
            roles = {e["src"]: e.get("role") for e in into if e["type"] == "RESPONSIBLE"}
            measures = _measures(store, list(roles))
            docs = store.nodes(issued + co_handled + [node_key("Document", m["doc_id"]) for m in measures])
            replies = _proposals_of(store, issued + co_handled)
            doc_ids = {linked.doc_id_of(k) for k in docs}
            copies = linked.reposts(store, doc_ids)
            replaced_now = linked.replaced(store, None, doc_ids)
            replaced_then = linked.replaced(store, in_force_on, doc_ids) if in_force_on else {}

            def keep(doc_key: str) -> bool:
                doc_id = linked.doc_id_of(doc_key)
                if doc_id in copies:
                    return False
                return not in_force_on or (in_force(docs.get(doc_key, {}), in_force_on)
                                           and doc_id not in replaced_then)

            aliases = {a for k in group for a in store.aliases(k)} | {m["alias"] for m in merges}
            out.append({
                "canonical": key[len("Agency:"):],
                "aliases": sorted(aliases - {key[len("Agency:"):]}),
                "merged": merges,
                "documents_issued": [{**_doc(docs.get(k)), "superseded_by": replaced_now.get(linked.doc_id_of(k))}
                                     for k in dict.fromkeys(issued) if keep(k)],
                "measures": [{**{k: v for k, v in m.items() if k != "key"}, "role": roles.get(m["key"])}
                             for m in measures if keep(node_key("Document", m["doc_id"]))],
                "replies_written": [{**_doc(docs.get(k)), "proposal": replies.get(k)}
                                    for k in dict.fromkeys(issued) if k in replies and keep(k)],
                "replies_co_handled": [{**_doc(docs.get(k)), "proposal": replies.get(k)}
                                       for k in dict.fromkeys(co_handled) if keep(k)],
            })
    return out


def _measures(store: Store, keys: list[str]) -> list[dict]:
    """Measures with their document and the caps they offer."""
    nodes = store.nodes(keys)
    doc_of = {e["dst"]: e["src"] for e in store.edges(dst=keys, types=["HAS_MEASURE"])}
    offers = store.edges(src=keys, types=["OFFERS"])
    amounts = store.nodes(e["dst"] for e in offers)
    docs = store.nodes(doc_of.values())
    caps: dict[str, list[str]] = {}
    for e in offers:
        a = amounts.get(e["dst"], {})
        if a.get("role") == "cap":
            caps.setdefault(e["src"], []).append(a.get("text") or str(a.get("value")))
    rows = []
    for k in keys:
        d = _doc(docs.get(doc_of.get(k)))
        rows.append({"measure": nodes.get(k, {}).get("section"), "title": nodes.get(k, {}).get("title"),
                     "caps": caps.get(k, []), "doc_id": d["doc_id"], "doc_number": d["doc_number"],
                     "document": d["title"], "key": k})
    return rows


def _proposals_of(store: Store, doc_keys: list[str]) -> dict[str, str]:
    """Document key -> the number (or title) of the proposal it replies to."""
    edges = store.edges(src=doc_keys, types=["REPLIES_TO"])
    nodes = store.nodes(e["dst"] for e in edges)
    return {e["src"]: nodes.get(e["dst"], {}).get("label") for e in edges}


def proposal(store: Store, number: str) -> list[dict]:
    """Per proposal with this number: session, proposers, the replies, their units and responses with status."""
    out = []
    with store.read():
        for p in store.find_nodes("Proposal", label=number.strip()):
            key = p["key"]
            around = store.edges(src=[key], types=["PROPOSED_BY", "AT"])
            people = store.nodes(e["dst"] for e in around)
            replies = [e["src"] for e in store.edges(dst=[key], types=["REPLIES_TO"])]
            docs = store.nodes(replies)
            out_of_replies = store.edges(src=replies, types=["ISSUED_BY", "CO_HANDLED_BY", "HAS_RESPONSE"])
            responses = store.nodes(e["dst"] for e in out_of_replies if e["type"] == "HAS_RESPONSE")
            out.append({
                "number": p.get("number"), "session": p.get("session"), "title": p.get("title"),
                "category": p.get("category"),
                "proposers": [people[e["dst"]]["label"] for e in around
                              if e["type"] == "PROPOSED_BY" and e["dst"] in people],
                "replies": [{
                    **_doc(docs.get(r)),
                    "replying_units": [e["dst"][len("Agency:"):] for e in out_of_replies
                                       if e["src"] == r and e["type"] == "ISSUED_BY"],
                    "co_handlers": [e["dst"][len("Agency:"):] for e in out_of_replies
                                    if e["src"] == r and e["type"] == "CO_HANDLED_BY"],
                    "responses": [{"label": responses[e["dst"]].get("section"),
                                   "suggestion": responses[e["dst"]].get("suggestion"),
                                   "status": responses[e["dst"]].get("status")}
                                  for e in out_of_replies
                                  if e["src"] == r and e["type"] == "HAS_RESPONSE" and e["dst"] in responses],
                } for r in dict.fromkeys(replies)],
            })
    return out


def in_force(document: dict, date: str) -> bool:
    """True where `date` (ISO) lies in the document's validity: from its start (else its date) to its end."""
    start = document.get("effective_from") or document.get("date")
    end = document.get("effective_to")
    if not start and not end:
        return False
    return (not start or start <= date) and (not end or date <= end)


def caps(store: Store, min_amount: float | None = None, agency_name: str | None = None,
         in_force_on: str | None = None, limit: int | None = None) -> list[dict]:
    """Monetary caps, largest first, with measure, document, rate, scope and responsible units.

    agency_name keeps caps of measures the agency is responsible for or of documents it issued;
    in_force_on (ISO date) keeps caps of documents valid on that day; limit keeps the largest N.
    """
    rows: list[dict] = []
    with store.read():
        if agency_name:
            wanted = set(resolve_agencies(store, agency_name))
            amounts = [a for a in store.nodes(_amounts_of(store, wanted)).values()
                       if a.get("role") == "cap" and (min_amount is None or (a["value"] or 0) >= min_amount)]
            rows = _cap_rows(store, amounts, wanted, in_force_on)
        else:
            page, offset = max(4 * limit, 200) if limit else None, 0
            while True:
                amounts = store.find_nodes("Amount", min_value=min_amount, prop=("role", "cap"),
                                           largest_first=True, limit=page, offset=offset)
                rows += _cap_rows(store, amounts, None, in_force_on)
                if page is None or len(amounts) < page or (limit and len(rows) >= limit):
                    break
                offset += page
    rows.sort(key=lambda r: (-(r["amount"] or 0), r["doc_id"], r["text"] or ""))
    return rows[:limit] if limit else rows


def _amounts_of(store: Store, agencies: set[str]) -> set[str]:
    """Amount keys of the measures agencies are responsible for and of the documents they issued."""
    into = store.edges(dst=agencies, types=["RESPONSIBLE", "ISSUED_BY"])
    docs = {e["src"] for e in into if e["type"] == "ISSUED_BY"}
    measures = {e["src"] for e in into if e["type"] == "RESPONSIBLE"}
    measures |= {e["dst"] for e in store.edges(src=docs, types=["HAS_MEASURE"])}
    return {e["dst"] for e in store.edges(src=measures | docs, types=["OFFERS", "STATES"])}


def _cap_rows(store: Store, amounts: list[dict], wanted: set[str] | None, in_force_on: str | None) -> list[dict]:
    """Result rows for cap nodes: their measure, document, responsible units (filtered by agency and date)."""
    holder = {e["dst"]: e["src"] for e in store.edges(dst=[a["key"] for a in amounts], types=["OFFERS", "STATES"])}
    measure_keys = [k for k in holder.values() if k.startswith("Measure:")]
    doc_of = {e["dst"]: e["src"] for e in store.edges(dst=measure_keys, types=["HAS_MEASURE"])}
    responsible: dict[str, list[str]] = {}
    for e in store.edges(src=measure_keys, types=["RESPONSIBLE"]):
        responsible.setdefault(e["src"], []).append(e["dst"])
    measures = store.nodes(measure_keys)
    doc_keys = {doc_of.get(h, h) for h in holder.values()}
    issuers: dict[str, list[str]] = {}
    if wanted is not None:
        for e in store.edges(src=doc_keys, types=["ISSUED_BY"]):
            issuers.setdefault(e["src"], []).append(e["dst"])
    docs = store.nodes(doc_keys)
    copies = linked.reposts(store, map(linked.doc_id_of, doc_keys))
    replaced = linked.replaced(store, in_force_on, map(linked.doc_id_of, doc_keys)) if in_force_on else {}
    rows = []
    for a in amounts:
        h = holder.get(a["key"], "")
        d = doc_of.get(h, h)
        units = responsible.get(h, [])
        if wanted is not None and not wanted & set(units + issuers.get(d, [])):
            continue
        if linked.doc_id_of(d) in copies:
            continue
        if in_force_on and (not in_force(docs.get(d, {}), in_force_on) or linked.doc_id_of(d) in replaced):
            continue
        m = measures.get(h, {})
        doc = _doc(docs.get(d))
        rows.append({"amount": a.get("value"), "currency": a.get("currency"), "text": a.get("text"),
                     "rate": a.get("rate"), "scope": a.get("scope"), "measure": m.get("section"),
                     "measure_title": m.get("title"), "doc_id": doc["doc_id"], "doc_number": doc["doc_number"],
                     "document": doc["title"], "date": doc["date"],
                     "responsible": [u[len("Agency:"):] for u in units]})
    return rows


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
        return agencies[0]
    proposals = store.find_nodes("Proposal", label=ident)
    if proposals:
        return proposals[0]["key"]
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
