"""The web app (Starlette): routes, templates, the read-only store each worker thread reads, error pages.

Every route answers GET (and HEAD) only: there is no way to change the store from the app. Every asset is
served from the package (pipeline/web/static), and the Content-Security-Policy tells the browser to load
nothing from anywhere else.
"""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..graph.store import Store, open_store, store_file
from . import present

HERE = Path(__file__).resolve().parent
log = logging.getLogger("policykg.web")

SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class Stores:
    """One read-only connection to the store per worker thread (SQLite connections stay in their thread)."""

    def __init__(self, path: Path):
        self.path = store_file(path)
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.path, read_only=True)
        return store


def templates() -> Environment:
    """The pages' templates; autoescape on, so every text given to them is escaped."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url_for=present.url_for, node_url=present.node_url, q=present.q)
    env.filters.update(money=present.money, rate=present.rate, timestamp=present.timestamp,
                       change_detail=present.change_detail)
    return env


class NotFound(HTTPException):
    """An address that names nothing in the store: a 404 page saying what was looked for."""

    def __init__(self, detail: str):
        super().__init__(404, detail)


class BadRequest(HTTPException):
    def __init__(self, detail: str):
        super().__init__(400, detail)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(store_path: str | Path) -> Starlette:
    """The app on a store file (opened read-only: it must exist and be at the current schema)."""
    from . import api, pages

    open_store(store_path, read_only=True).close()    # fails now, with its message, if the store cannot be read
    stores = Stores(store_path)
    env = templates()

    async def http_error(request: Request, exc: HTTPException) -> Response:
        titles = {400: "Bad request", 404: "Not found", 405: "Method not allowed"}
        detail = exc.detail if exc.status_code in (400, 404) else titles.get(exc.status_code, "Error")
        if wants_json(request):
            return JSONResponse({"error": detail, "status": exc.status_code}, exc.status_code)
        html = env.get_template("error.html").render(title=titles.get(exc.status_code, "Error"), detail=detail,
                                                     status=exc.status_code, query="")
        return HTMLResponse(html, exc.status_code, headers=getattr(exc, "headers", None))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        detail = "Something went wrong reading the store; the server's log says what."
        if wants_json(request):
            return JSONResponse({"error": detail, "status": 500}, 500)
        return HTMLResponse(env.get_template("error.html").render(title="Server error", detail=detail, status=500,
                                                                  query=""), 500)

    routes = pages.routes() + api.routes() + [
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error, Exception: server_error})
    app.state.stores = stores
    app.state.env = env
    from ..graph.fulltext import terms
    terms("中山市")                         # loads jieba's dictionary now, not on the first search
    return Timed(Secured(app))


class _HeaderAdder:
    """ASGI middleware that adds headers, computed when the response starts, to every HTTP response."""

    def __init__(self, app):
        self.app = app

    def __getattr__(self, name):
        return getattr(self.app, name)

    def headers(self, started: float) -> list[tuple[bytes, bytes]]:
        raise NotImplementedError

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers(started)
            await send(message)
        await self.app(scope, receive, send_with_headers)


class Secured(_HeaderAdder):
    """Adds the security headers to every response."""

    def headers(self, started: float) -> list[tuple[bytes, bytes]]:
        return [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


class Timed(_HeaderAdder):
    """Adds `Server-Timing: app;dur=<ms>`: how long the app took to answer, measured on the server."""

    def headers(self, started: float) -> list[tuple[bytes, bytes]]:
        return [(b"server-timing", f"app;dur={(time.perf_counter() - started) * 1000:.2f}".encode())]


def route(path: str, endpoint, name: str | None = None) -> Route:
    """A GET (and HEAD) route: every other method gets 405."""
    return Route(path, endpoint, methods=["GET"], name=name)
