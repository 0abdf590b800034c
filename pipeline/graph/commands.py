"""The ingest, query, stats and export commands as library functions (data out), and tables for humans.

pipeline/cli.py wraps these: it parses options, calls one function, prints `render(...)` or JSON.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from .ingest import IngestReport

# Each function imports its stage when called: a query pays neither for ingest nor for the exports.


def ingest_command(paths: Iterable[str | Path], store: str | Path | None = None, workers: int | None = None,
                   prune: bool = False, force: bool = False, quiet: bool = False,
                   wait: float | None = None, cluster=None, shards: str | Path | None = None) -> IngestReport:
    """policykg ingest: the run's report (`report.exit_code` is what the process should exit with).

    The progress bar goes to stderr, off with `quiet` or when stderr is not a terminal; `wait` is how long
    to wait for another run writing to the store (None: as long as it takes). With a `cluster`
    (pipeline.cluster.Cluster, entered) its workers extract, writing record shards into `shards`
    (default: `<store>.shards` beside the store).
    """
    from .ingest import ingest
    from ..settings import default_store
    folder = Path(shards) if shards else Path(f"{store or default_store()}.shards")

    def on_cluster(todo, version):
        return cluster.records(dict(todo), folder, version=version)    # path -> sha256, hashed by the run already
    return ingest(paths, store, workers=workers, prune=prune, force=force,
                  progress=not quiet and sys.stderr.isatty(), wait=wait,
                  records=on_cluster if cluster is not None else None)


QUERIES = ("agency", "proposal", "caps", "doc", "neighbours", "path", "followup", "search")


def query_command(what: str, *args: str, store: str | Path | None = None, **options: Any) -> Any:
    """policykg query WHAT ...: agency NAME | proposal NUMBER | caps | doc ID | neighbours NODE | path A B
    | followup NUMBER | search TEXT."""
    if what not in QUERIES:
        raise ValueError(f"unknown query {what!r}: one of {', '.join(QUERIES)}")
    from . import linked_queries, queries, search
    from .store import open_store
    functions = {"agency": queries.agency, "proposal": queries.proposal, "caps": queries.caps,
                 "doc": queries.document, "neighbours": queries.neighbours, "path": queries.path,
                 "followup": linked_queries.followup, "search": search.search}
    with open_store(store) as s:
        return functions[what](s, *args, **{k: v for k, v in options.items() if v is not None})


def diff_command(a: str, b: str, store: str | Path | None = None):
    """policykg diff A B: the PolicyDiff from A to B (doc ids, doc numbers or file paths)."""
    from . import linked_queries
    from .store import open_store
    with open_store(store) as s:
        return linked_queries.diff(s, a, b)


def stats_command(store: str | Path | None = None) -> dict:
    """policykg stats: counts of nodes and edges by type, documents by type and year."""
    from . import queries
    from .store import open_store
    with open_store(store) as s:
        return queries.stats(s)


def export_command(fmt: str, out: str | Path, store: str | Path | None = None, force: bool = False,
                   bom: bool = False) -> list[Path]:
    """policykg export FORMAT --out PATH [--force] [--bom]: the files written (an `Exported` list).

    Raises ExportRefused (exit 2) for the store itself as --out, or an existing file without `force`; for neo4j
    the result's `command` is the neo4j-admin line that loads the files; `bom` marks CSV tables as UTF-8 for Excel.
    """
    from .export import export
    from .store import open_store
    with open_store(store) as s:
        return export(s, fmt, out, force=force, bom=bom)


def result_rows(what: str, result: Any) -> list[dict]:
    """The rows --csv and --nl print for a query (or "stats"): one per item found, nested values kept;
    a neighbourhood's nodes, a path's steps, one row per count of the stats. Empty: nothing matched."""
    if not result:
        return []
    if what == "stats":
        totals = [{"group": "total", "key": k, "count": v} for k, v in result.items() if not isinstance(v, dict)]
        return totals + [{"group": group, "key": k, "count": v} for group, counts in result.items()
                         if isinstance(counts, dict) for k, v in counts.items()]
    if what == "neighbours":
        return result["nodes"] if result.get("node") else []
    if what == "path":
        return result["path"]
    return list(result)


# ---------------------------------------------------------------- rendering for humans
# The columns a table shows by default, by result (query name) or section; --wide shows every column.
COLUMNS = {
    "caps": ["amount", "currency", "rate", "scope", "measure", "measure_title", "document", "date"],
    "measures": ["measure", "title", "caps", "document", "role"],
    "documents_issued": ["doc_number", "title", "date", "kind", "superseded_by"],
    "replies_written": ["doc_number", "title", "date", "proposal"],
    "replies_co_handled": ["doc_number", "title", "date", "proposal"],
    "merged": ["alias", "rule", "detail"],
    "edges": ["edge", "type", "src", "dst", "label", "page", "ingested_as", "doc_id"],
    "nodes": ["distance", "type", "label", "key"],
    "cites": ["doc_number", "title", "resolution", "doc_id"],
    "search": ["kind", "name", "detail", "key"],
}


def table_columns(name: str | None, rows: list[dict], wide: bool = False) -> list[str] | None:
    """The default columns of a table that has them (those present), else None: every column."""
    from ..output import columns_of
    if wide or name not in COLUMNS:
        return None
    present = set(columns_of(rows))
    return [c for c in COLUMNS[name] if c in present] or None


def render_table(rows: list[dict], columns: list[str] | None = None, name: str | None = None,
                 wide: bool = False, width: int | None = None) -> str:
    """Rows as a table fitting `width` (the terminal): a named result's default columns unless `wide`."""
    from ..output import table
    return table(rows, columns or table_columns(name, rows, wide), width=width, wide=wide)


def _is_table(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def render(result: Any, name: str | None = None, wide: bool = False, width: int | None = None) -> str:
    """A query, stats or ingest result for people: scalars as `key: value`, lists of dicts as tables
    (`name` picks a query's default columns, `wide` shows every column and every cell whole)."""
    from ..output import cell_text
    if not isinstance(result, (list, dict)):
        from .ingest import IngestReport
        if isinstance(result, IngestReport):
            return render(_ingest_view(result), wide=wide, width=width)
        return cell_text(result)
    if isinstance(result, list):
        if _is_table(result) and any(_is_table(v) for r in result for v in r.values()):
            return "\n\n".join(render(r, wide=wide, width=width) for r in result)
        return render_table(result, name=name, wide=wide, width=width) if _is_table(result) or not result \
            else cell_text(result)
    scalars, parts = [], []
    for key, value in result.items():
        if _is_table(value):
            parts.append(f"{key}:\n{render(value, name=key, wide=wide, width=width)}")
        elif isinstance(value, dict) and value and all(isinstance(v, (list, dict)) for v in value.values()):
            parts.append(f"{key}:\n{render(value, wide=wide, width=width)}")
        elif isinstance(value, dict):
            parts.append(f"{key}:\n" + render_table([{"": k, "count": v} for k, v in value.items()],
                                                     wide=wide, width=width))
        else:
            scalars.append(f"{key}: {cell_text(value)}")
    return "\n".join(scalars) + ("\n\n" if scalars and parts else "") + "\n\n".join(parts)


def _ingest_view(report: IngestReport) -> dict:
    """An ingest report as counts, one line about linking, one about what the run changed, and a table of
    failures."""
    view = {**report.to_dict(), "failures": [{"file": k, "reason": v} for k, v in report.failed.items()]}
    if "linking" in view:
        link = view.pop("linking")
        view["linked"] = (f"{link['seconds']}s for {link['changed']} changed documents, reposts {link['reposts']}, "
                          f"replies ranked {link['replies_ranked']}, edges "
                          + ", ".join(f"{k} {v}" for k, v in link["edges"].items()))
    if "changes" in view:
        from .changes import summary
        view["changes"] = summary(view["changes"]) + (
            f"   (report: policykg changes --run {report.run})" if view["changes"] else "")
    return view


# ---------------------------------------------------------------- the change log: runs and their changes
COLUMNS["runs"] = ["run", "started", "status", "added", "updated", "pruned", "failed", "changes", "inputs"]


def runs_command(store: str | Path | None = None) -> list[dict]:
    """policykg runs: every ingest run recorded in the store, oldest first."""
    from .runs import list_runs
    from .store import open_store
    with open_store(store) as s:
        return list_runs(s)


def format_runs(rows: list[dict], wide: bool = False, width: int | None = None) -> str:
    """The runs as a table for people (times to the minute, local)."""
    shown = [{**r, "started": (r["started"] or "")[:16].replace("T", " ")} for r in rows]
    return render_table(shown, name="runs", wide=wide, width=width)


def changes_command(store: str | Path | None = None, run: int | None = None, since: float | None = None) -> dict:
    """policykg changes [--run N | --since DATE]: the report of one run, of the complete runs since a moment,
    or of the latest complete run; raises LookupError for a run not recorded."""
    from .runs import changes
    from .store import open_store
    with open_store(store) as s:
        return changes(s, run=run, since=since)


_SIGNS = {"document_added": "+", "document_updated": "~", "document_pruned": "-", "meta_changed": "~",
          "superseded": "×", "supersession_dropped": "~", "reply_added": "+", "measure_added": "+",
          "measure_removed": "-", "measure_retitled": "~", "measure_out_of_force": "×", "amount_added": "+",
          "amount_removed": "-", "amount_changed": "~", "unit_added": "+", "unit_dropped": "-", "followup_added": "→"}


def _amount_text(value: dict) -> str:
    figure = value.get("amount") if value.get("amount") is not None else value.get("rate")
    return f"{value.get('role')} {value.get('text')} ({figure})"


def _change_text(c: dict) -> str:
    """One change in words (without its measure and provenance)."""
    from ..output import cell_text
    d, kind = c["detail"], c["kind"]
    if kind == "document_added":
        copy = [f"copy of {d['copy_of_title']} ({d['copy_of']})"] if d.get("copy_of") else []
        return "document added: " + ", ".join(copy + [str(d[k]) for k in ("doc_number", "date", "path") if d.get(k)])
    if kind == "document_updated":
        how = f"new version of {c['old']}" if c["old"] else "extracted again"
        if d.get("pipeline_version"):
            how += " (pipeline {} -> {})".format(*d["pipeline_version"])
        return f"document updated: {how}" + (f", {d['path']}" if d.get("path") else "")
    if kind == "document_pruned":
        return "document pruned: its file is gone" + (f" ({d['path']})" if d.get("path") else "")
    if kind == "meta_changed":
        return f"{c['field']}: {c['old']} -> {c['new']}"
    if kind == "superseded":
        return (f"superseded by {d.get('newer') or c['new']} ({c['new']})" + (f" from {d['from']}" if d.get("from") else "")
                + (f" [{', '.join(d['rules'])}]" if d.get("rules") else ""))
    if kind == "supersession_dropped":
        return f"no longer superseded by {c['old']}"
    if kind == "reply_added":
        return f"reply to proposal {d.get('number') or c['new']}" + (f" {d['title']}" if d.get("title") else "")
    if kind in ("measure_added", "measure_removed"):
        parts = [f"measure {'added' if kind == 'measure_added' else 'removed'}"]
        if d.get("units"):
            parts.append("units: " + cell_text(d["units"]))
        if d.get("amounts"):
            parts.append("amounts: " + "; ".join(_amount_text(a) for a in d["amounts"]))
        return "  ".join(parts)
    if kind == "measure_retitled":
        return f"title: {c['old']} -> {c['new']}"
    if kind == "measure_out_of_force":
        return "out of force" + (f" from {d['from']}" if d.get("from") else "") + f" (superseded by {d.get('newer_id')})"
    if kind in ("amount_added", "amount_removed"):
        return f"{kind.split('_')[1]}: " + _amount_text(c["new"] if kind == "amount_added" else c["old"])
    if kind == "amount_changed":
        texts = d.get("text") or ["", ""]
        return f"{d.get('role')} {c['field']}: {c['old']} -> {c['new']}  ({texts[0]} -> {texts[1]})"
    if kind in ("unit_added", "unit_dropped"):
        return f"unit {'added' if kind == 'unit_added' else 'dropped'}: {c['new'] or c['old']}"
    if kind == "followup_added":
        response = f" response {d['response']}" if d.get("response") else ""
        return f"acts on proposal {d.get('proposal')}{response} (rank {d.get('rank')}, score {d.get('score')})"
    return f"{kind} {c['field'] or ''} {c['old']} -> {c['new']}"


def _where(c: dict, document_id: str) -> str:
    p = c["provenance"]
    doc = "" if p["document_id"] == document_id else f"{p['document_id']} "
    page = f"p{p['page']} " if p["page"] is not None else ""
    span = f"{p['start']}-{p['end']}" if p["start"] is not None else ""
    return f"[{doc}{page}{span}]".replace(" ]", "]") if doc or page or span else ""


def format_changes(report: dict) -> str:
    """A change report for people: each run's header, then per document its changes, one a line, each with
    its measure and its provenance ([other document] [page] span)."""
    from .changes import summary
    out = []
    for r in report["runs"]:
        head = f"run {r['run']}  {r['status']}  {r['started']}  {', '.join(r['inputs'])}  pipeline {r['pipeline_version']}"
        out.append(head)
        if r["status"] != "complete":
            out.append(f"  not complete: its changes are reported with run {r['carried_to']}" if r.get("carried_to")
                       else "  not complete: its changes will be reported with the run that finishes its work")
            continue
        counted = ", ".join(f"{k} {r[k]}" for k in ("added", "updated", "unchanged", "aliases", "pruned", "failed")
                            if r[k])
        out.append("  files: " + (counted or "none"))
        out.append(f"  changes: {summary(r['counts'])}")
        for path, reason in r["failures"].items():
            out.append(f"  failed: {path}: {reason}")
        for d in r["documents"]:
            out.append(f"\n{d['document']}  {d['document_id']}")
            for c in d["changes"]:
                measure = " ".join(x for x in (c["measure"], c["measure_title"]) if x)
                line = f"  {_SIGNS.get(c['kind'], '*')} " + (f"{measure}  " if measure else "") + _change_text(c)
                out.append(f"{line}  {_where(c, d['document_id'])}".rstrip())
        out.append("")
    return "\n".join(out).rstrip()
