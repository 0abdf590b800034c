"""The web app for the policy office: search, agencies, documents, proposals, caps and the graph, read only.

`create_app(store)` makes the Starlette app (pipeline/web/app.py); `policykg serve` runs it. Pages and their
JSON twins read the store through the query functions of pipeline/graph; templates (Jinja2, autoescaped),
htmx and cytoscape.js are served from this package, nothing from elsewhere.
"""
from __future__ import annotations


def create_app(store):
    from .app import create_app as make
    return make(store)
