"""The ingest, query, stats and export commands as library functions (data out), and tables for humans.

pipeline/cli.py wraps these: it parses options, calls one function, prints `render(...)` or JSON.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from . import linked_queries, queries
from .export import export
from .ingest import IngestReport, ingest
from .store import open_store


def ingest_command(paths: Iterable[str | Path], store: str | Path | None = None, workers: int | None = None,
                   prune: bool = False, force: bool = False, quiet: bool = False) -> IngestReport:
    """policykg ingest: the run's report (`report.exit_code` is what the process should exit with).

    The progress bar goes to stderr, off with `quiet` or when stderr is not a terminal.
    """
    return ingest(paths, store, workers=workers, prune=prune, force=force,
                  progress=not quiet and sys.stderr.isatty())


def query_command(what: str, *args: str, store: str | Path | None = None, **options: Any) -> Any:
    """policykg query WHAT ...: agency NAME | proposal NUMBER | caps | doc ID | neighbours NODE | path A B
    | followup NUMBER."""
    functions = {"agency": queries.agency, "proposal": queries.proposal, "caps": queries.caps,
                 "doc": queries.document, "neighbours": queries.neighbours, "path": queries.path,
                 "followup": linked_queries.followup}
    if what not in functions:
        raise ValueError(f"unknown query {what!r}: one of {', '.join(functions)}")
    with open_store(store) as s:
        return functions[what](s, *args, **{k: v for k, v in options.items() if v is not None})


def diff_command(a: str, b: str, store: str | Path | None = None):
    """policykg diff A B: the PolicyDiff from A to B (doc ids, doc numbers or file paths)."""
    with open_store(store) as s:
        return linked_queries.diff(s, a, b)


def stats_command(store: str | Path | None = None) -> dict:
    """policykg stats: counts of nodes and edges by type, documents by type and year."""
    with open_store(store) as s:
        return queries.stats(s)


def export_command(fmt: str, out: str | Path, store: str | Path | None = None, force: bool = False,
                   bom: bool = False) -> list[Path]:
    """policykg export FORMAT --out PATH [--force] [--bom]: the files written (an `Exported` list).

    Raises ExportRefused (exit 2) for the store itself as --out, or an existing file without `force`; for neo4j
    the result's `command` is the neo4j-admin line that loads the files; `bom` marks CSV tables as UTF-8 for Excel.
    """
    with open_store(store) as s:
        return export(s, fmt, out, force=force, bom=bom)


# ---------------------------------------------------------------- rendering for humans
def _width(text: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _text(value: Any, limit: int = 60) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (list, tuple)):
        value = "、".join(_text(v, limit) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    s = str(value).replace("\n", " ")
    while _width(s) > limit:
        s = s[:-2] + "…"
    return s


def render_table(rows: list[dict], columns: list[str] | None = None) -> str:
    """Rows of dicts as an aligned text table (CJK-width aware); nested values joined or as JSON."""
    if not rows:
        return "(none)"
    columns = columns or list(dict.fromkeys(k for r in rows for k in r))
    cells = [[_text(r.get(c)) for c in columns] for r in rows]
    widths = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    pad = lambda s, w: s + " " * (w - _width(s))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(row, widths)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


def render(result: Any) -> str:
    """A query, stats or ingest result for humans: scalars as `key: value`, lists of dicts as tables."""
    if isinstance(result, IngestReport):
        result = {**result.to_dict(), "failures": [{"file": k, "reason": v} for k, v in result.failed.items()]}
        if "linking" in result:
            link = result.pop("linking")
            result["linked"] = (f"{link['seconds']}s, reposts {link['reposts']}, model refit {link['refit']}, "
                                f"replies ranked {link['replies_ranked']}, edges "
                                + ", ".join(f"{k} {v}" for k, v in link["edges"].items()))
    if isinstance(result, list):
        if result and all(isinstance(r, dict) and any(isinstance(v, list) and v and isinstance(v[0], dict)
                                                      for v in r.values()) for r in result):
            return "\n\n".join(render(r) for r in result)
        return render_table(result)
    if not isinstance(result, dict):
        return _text(result, 10_000)
    scalars, parts = [], []
    for key, value in result.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            parts.append(f"{key}:\n{render(value)}")
        elif isinstance(value, dict) and value and all(isinstance(v, (list, dict)) for v in value.values()):
            parts.append(f"{key}:\n{render(value)}")
        elif isinstance(value, dict):
            parts.append(f"{key}:\n" + render_table([{"": k, "count": v} for k, v in value.items()]))
        else:
            scalars.append(f"{key}: {_text(value, 200)}")
    return "\n".join(scalars) + ("\n\n" if scalars and parts else "") + "\n\n".join(parts)
