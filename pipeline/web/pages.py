"""The HTML pages: each reads the store through the query functions of pipeline/graph and fills a template.

Permanent addresses: /agency/<canonical name>, /doc/<document id>, /proposal/<proposal id or number>,
/caps?<filters>, /graph?node=<node key or name>&depth=1|2, /search?q=<text>, / (the overview).
"""
from __future__ import annotations

from datetime import date
from functools import wraps
from typing import TYPE_CHECKING, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..graph import browse, linked_queries, queries
from ..graph.runs import latest_changes
from ..graph.search import search
from ..linking.summary import jurisdiction_of_name
from . import params, present
from .app import BadRequest, NotFound, route

if TYPE_CHECKING:
    from ..graph.store import Store

KIND_TITLES = {"agency": "机构 Agencies", "document": "文件 Documents", "measure": "措施 Measures",
               "proposal": "提案 Proposals"}


def store_of(request: Request):
    return request.app.state.stores.get()


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    env = request.app.state.env
    context.setdefault("query", request.query_params.get("q", ""))
    return HTMLResponse(env.get_template(template).render(request=request, **context), status)


def partial(request: Request) -> bool:
    """True for htmx's requests, which want only the part of the page they replace."""
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"


def reading_params(handler):
    """A bad parameter value becomes a 400 page naming the parameter."""
    @wraps(handler)
    def wrapped(request: Request) -> Response:
        try:
            return handler(request)
        except params.BadValue as exc:
            raise BadRequest(str(exc)) from None
    return wrapped


def today() -> str:
    return date.today().isoformat()


# ---------------------------------------------------------------- overview and search
def overview_page(request: Request) -> Response:
    o = browse.overview(store_of(request))
    return render(request, "overview.html", o=o, today=today())


@reading_params
def changes_page(request: Request) -> Response:
    """What's new: the latest ingest runs and what each changed, by document, with provenance."""
    report = latest_changes(store_of(request), runs=params.runs(request.query_params))
    return render(request, "changes.html", report=report)


@reading_params
def search_page(request: Request) -> Response:
    text = params.text(request.query_params, "q") or ""
    results = search(store_of(request), text, limit=params.limit(request.query_params)) if text else []
    groups = {kind: [r for r in results if r["kind"] == kind] for kind in KIND_TITLES}
    template = "_results.html" if partial(request) else "search.html"
    return render(request, template, groups=groups, kind_titles=KIND_TITLES, text=text, marked=present.marked)


# ---------------------------------------------------------------- agency
def _look_up(request: Request, key: str, query: Callable[[Store, str], list], missing: str) -> tuple[str, Store, list]:
    """(the address's name, the store, what `query` finds for it); NotFound (`missing`, {name} filled in)
    where it finds nothing or the name is blank."""
    name = request.path_params[key]
    store = store_of(request)
    found = query(store, name) if name.strip() else []
    if not found:
        raise NotFound(missing.format(name=name))
    return name, store, found


def agency_page(request: Request) -> Response:
    name, store, found = _look_up(request, "name", queries.agency,
                                  "No agency named “{name}” is in the store. The search box finds agencies by "
                                  "any part of a name or alias.")
    if len(found) == 1 and found[0]["canonical"] != name:
        return RedirectResponse(present.url_for("agency", found[0]["canonical"]), 302)
    on = today()
    live = browse.in_force(store, {m["doc_id"] for a in found for m in a["measures"]}, on)
    agencies = [{**a, "jurisdiction": jurisdiction_of_name(a["canonical"])} for a in found]
    return render(request, "agency.html", agencies=agencies, in_force=live, today=on)


# ---------------------------------------------------------------- document
def document_page(request: Request) -> Response:
    ident, store, found = _look_up(request, "ident", queries.document,
                                   "No document with the id or doc number “{name}” is in the store.")
    if len(found) > 1:
        return render(request, "choose.html", ident=ident, documents=found)
    doc = found[0]
    if doc["doc_id"] != ident:
        return RedirectResponse(present.url_for("document", doc["doc_id"]), 302)
    record = store.record(doc["doc_id"]) or {}
    measures = browse.document_measures(store, doc["doc_id"])
    cited = {c["start"]: c["doc_id"] for c in doc["cites"] if c.get("doc_id") and c.get("start") is not None}
    lines = present.text_lines(record, cited, {m["start"]: f"m{m['seq']}" for m in measures if m["start"] is not None})
    titles = browse.document_titles(store, [c["doc_id"] for c in doc["cites"] if c.get("doc_id")] + doc["cited_by"])
    on = today()
    return render(request, "document.html", doc=doc, record=record, meta=record.get("meta") or {}, lines=lines,
                  measures=measures, versions=browse.version_diffs(store, doc["doc_id"]), titles=titles,
                  in_force=bool(browse.in_force(store, [doc["doc_id"]], on)), today=on)


# ---------------------------------------------------------------- proposal
def proposal_page(request: Request) -> Response:
    ident, store, found = _look_up(request, "ident", queries.proposal,
                                   "No proposal with the number or id “{name}” is in the store.")
    if len(found) == 1 and found[0]["id"] != ident and found[0]["number"] != ident:
        return RedirectResponse(present.url_for("proposal", found[0]["id"]), 302)
    follow = linked_queries.followup(store, ident)
    by_reply = {(f["proposal_id"], f["reply"]): {r["response"]: r for r in f["responses"]} for f in follow}
    return render(request, "proposal.html", proposals=found, followups=by_reply, ident=ident)


# ---------------------------------------------------------------- caps
@reading_params
def caps_page(request: Request) -> Response:
    p = request.query_params
    question = params.caps_question(p)
    sort, down = params.caps_order(p)
    page = params.page_number(p)
    store = store_of(request)
    total = queries.count_caps(store, **question)
    rows = queries.caps(store, **question, sort=sort, descending=down, limit=params.PAGE_ROWS,
                        offset=(page - 1) * params.PAGE_ROWS)
    choices = store.sql("SELECT DISTINCT doc_type FROM documents WHERE doc_type IS NOT NULL ORDER BY doc_type")
    years = store.sql("SELECT DISTINCT year FROM documents WHERE year IS NOT NULL ORDER BY year DESC")
    filters = {k: v for k, v in p.items() if k in ("min", "agency", "on", "type", "year") and v.strip()}
    context = dict(rows=rows, total=total, page=page, pages=max(1, -(-total // params.PAGE_ROWS)), sort=sort,
                   descending=down if down is not None else sort == "amount", filters=filters,
                   types=[r["doc_type"] for r in choices], years=[r["year"] for r in years],
                   query_string=_query_string, today=today())
    return render(request, "_caps_table.html" if partial(request) else "caps.html", **context)


def _query_string(filters: dict, **more) -> str:
    return urlencode({**filters, **{k: v for k, v in more.items() if v is not None}})


# ---------------------------------------------------------------- graph
@reading_params
def graph_page(request: Request) -> Response:
    node = params.text(request.query_params, "node")
    depth = params.depth(request.query_params)
    if not node:
        return render(request, "graph.html", node=None, depth=depth, hood=None, elements=None)
    hood = queries.neighbours(store_of(request), node, depth, limit=150)
    if hood["node"] is None:
        raise NotFound(f"Nothing in the store is called “{node}”: give an agency name, a doc number, a proposal "
                       f"number or a node key.")
    elements = [{"data": {"id": n["key"], "label": _short(n["label"] or n["key"]), "type": n["type"],
                          "distance": n["distance"], "page": present.node_url(n["key"]),
                          "walk": "/graph?" + _query_string({"node": n["key"], "depth": depth})}}
                for n in hood["nodes"]]
    elements += [{"data": {"id": f"e{i}", "source": e["src"], "target": e["dst"], "label": e["type"]}}
                 for i, e in enumerate(hood["edges"])]
    return render(request, "graph.html", node=node, depth=depth, hood=hood, elements=elements)


def _short(label: str, most: int = 18) -> str:
    return label if len(label) <= most else label[:most - 1] + "…"


def routes() -> list:
    return [route("/", overview_page), route("/search", search_page),
            route("/agency/{name:path}", agency_page), route("/doc/{ident:path}", document_page),
            route("/proposal/{ident:path}", proposal_page), route("/caps", caps_page),
            route("/graph", graph_page), route("/changes", changes_page)]
