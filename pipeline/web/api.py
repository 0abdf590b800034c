"""The JSON API under /api/: for every page, what the command line's `--json` prints for the same question
(the same functions, the same JSON text), and the caps as CSV (what `query caps --csv` prints).
"""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from ..graph import browse, linked_queries, queries
from ..graph.commands import result_rows
from ..graph.runs import latest_changes
from ..graph.search import search
from ..output import as_csv, as_json
from . import params, present
from .app import NotFound, route
from .pages import reading_params, store_of


def json_response(data, status: int = 200) -> Response:
    return Response(as_json(data), status, media_type="application/json")


def _found(result, what: str):
    if not result:
        raise NotFound(f"no {what} in the store")
    return result


@reading_params
def search_api(request: Request) -> Response:
    """[{kind, name, url, key, detail, excerpt, doc_id}]: `query search TEXT --json` with each result's address."""
    text = params.text(request.query_params, "q") or ""
    found = search(store_of(request), text, limit=params.limit(request.query_params)) if text else []
    return json_response([{"kind": r["kind"], "name": r["name"], "url": present.url_for(r["kind"], r["key"]), **r}
                          for r in found])


def agency_api(request: Request) -> Response:
    name = request.path_params["name"]
    return json_response(_found(name.strip() and queries.agency(store_of(request), name), f"agency named {name!r}"))


def document_api(request: Request) -> Response:
    ident = request.path_params["ident"]
    store = store_of(request)
    part = request.path_params.get("part")
    found = _found(ident.strip() and queries.document(store, ident), f"document {ident!r}")
    if part is None:
        return json_response(found)
    doc_id = found[0]["doc_id"]
    if part == "measures":
        return json_response(browse.document_measures(store, doc_id))
    if part == "versions":
        return json_response(browse.version_diffs(store, doc_id))
    if part == "record":
        return json_response(store.record(doc_id))
    raise NotFound(f"a document has no {part!r}: measures, versions or record")


def proposal_api(request: Request) -> Response:
    ident = request.path_params["ident"]
    return json_response(_found(ident.strip() and queries.proposal(store_of(request), ident), f"proposal {ident!r}"))


def followup_api(request: Request) -> Response:
    ident = request.path_params["ident"]
    return json_response(_found(ident.strip() and linked_queries.followup(store_of(request), ident),
                                f"reply to a proposal {ident!r}"))


def _caps(request: Request) -> list[dict]:
    sort, down = params.caps_order(request.query_params)
    return queries.caps(store_of(request), **params.caps_question(request.query_params), sort=sort,
                        descending=down)


@reading_params
def caps_api(request: Request) -> Response:
    return json_response(_caps(request))


@reading_params
def caps_csv(request: Request) -> Response:
    rows = result_rows("caps", _caps(request))
    body = "\ufeff" + as_csv(rows) + "\n" if rows else "\ufeff"
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="caps.csv"'})


@reading_params
def graph_api(request: Request) -> Response:
    node = params.text(request.query_params, "node")
    if not node:
        raise NotFound("give the node to start from: /api/graph?node=<agency, doc number, proposal or node key>")
    hood = queries.neighbours(store_of(request), node, params.depth(request.query_params))
    return json_response(_found(hood["node"] and hood, f"node {node!r}"))


def overview_api(request: Request) -> Response:
    return json_response(browse.overview(store_of(request)))


@reading_params
def changes_api(request: Request) -> Response:
    """What's new, as a feed: the change reports of the latest ingest runs (`policykg changes --json`, per run)."""
    return json_response(latest_changes(store_of(request), runs=params.runs(request.query_params)))


def stats_api(request: Request) -> Response:
    return json_response(queries.stats(store_of(request)))


def routes() -> list:
    return [route("/api/search", search_api), route("/api/agency/{name:path}", agency_api),
            route("/api/doc/{ident}/{part}", document_api), route("/api/doc/{ident:path}", document_api),
            route("/api/proposal/{ident:path}", proposal_api), route("/api/followup/{ident:path}", followup_api),
            route("/api/caps", caps_api), route("/caps.csv", caps_csv), route("/api/graph", graph_api),
            route("/api/overview", overview_api), route("/api/stats", stats_api), route("/api/changes", changes_api)]
