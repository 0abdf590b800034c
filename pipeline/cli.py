"""policykg command line: thin wrappers over library functions (data on stdout, progress on stderr)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .settings import DEFAULT_STORE

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese government notices and proposal replies in, JSON records and a knowledge graph out.")


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def extract(inputs: List[Path] = typer.Argument(..., help="files or folders (pdf, txt, docx, html)"),
            out: Path = typer.Option(Path("outputs/records"), "--out", "-o", help="folder for <stem>.json records"),
            workers: Optional[int] = typer.Option(None, help="processes (default: core count)"),
            quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Extract one JSON record per input into OUT. Exit 1 if any input failed.

    Example: policykg extract corpora/raw --out outputs/records
    """
    from .batch import extract_to_dir

    def progress(path, record):
        if not quiet:
            status = f"FAILED {record['error']}" if record.get("error") else "ok"
            _err(f"{path}: {status}")

    report = extract_to_dir(inputs, out, workers, progress)
    _err(f"{len(report.written)} records written to {out}, {len(report.failed)} failed")
    for path, reason in report.failed.items():
        _err(f"  failed: {path}: {reason}")
    raise typer.Exit(1 if report.failed else 0)


@app.command("eval")
def evaluate(gold: Path = typer.Option(..., "--gold", help="folder of gold <id>.json files"),
             raw: Optional[Path] = typer.Option(None, "--raw", help="folder of the documents (default: beside the gold, or ../raw)"),
             out: Optional[Path] = typer.Option(None, "--out", help="keep the records here"),
             as_json: bool = typer.Option(False, "--json"),
             show_errors: bool = typer.Option(False, "--errors", help="also list, per document, what was missed or added"),
             split: Optional[str] = typer.Option(None, "--split", help="only the documents of this split of ../splits.json (corpora/real: dev, test)")):
    """Run extraction on an annotated set and print precision/recall/F1 per field.

    Example: policykg eval --gold corpora/gold
             policykg eval --gold corpora/real/gold --split dev --errors
    """
    import tempfile

    from .batch import extract_to_dir
    from .evaluate import find_documents, format_scores, score_dirs, split_ids

    try:
        only = split_ids(gold, split) if split else None
    except (FileNotFoundError, KeyError) as exc:
        _err(exc.args[0])
        raise typer.Exit(2)
    docs = find_documents(gold, raw, only)
    if not docs:
        _err(f"no documents found for the gold files in {gold}")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        pred = out or Path(tmp)
        extract_to_dir(docs, pred)
        errors = {} if show_errors else None
        scores = score_dirs(gold, pred, errors, only)
    if errors is not None:
        scores["errors"] = {doc: e for doc, e in errors.items() if e}
    typer.echo(json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_scores(scores))


@app.command()
def show(path: Path, out: Optional[Path] = typer.Option(None, "--out", help="HTML file (default: stdout)")):
    """Render a document with its tags highlighted (displaCy HTML) for review.

    Example: policykg show corpora/raw/zs-2025-wenwaimao-measures.txt --out outputs/zs.html
    """
    from .extraction import extract
    from .render import render_html

    record = extract(path)
    if record.error:
        _err(f"{path}: {record.error}")
        raise typer.Exit(1)
    html = render_html(record)
    if out:
        out.write_text(html, encoding="utf-8")
        _err(f"wrote {out}")
    else:
        sys.stdout.write(html)


query_app = typer.Typer(no_args_is_help=True, help="Query the knowledge graph (tables; --json for programs).")
app.add_typer(query_app, name="query")

STORE = typer.Option(DEFAULT_STORE, "--store", help="SQLite store (default outputs/policykg.db)")
AS_JSON = typer.Option(False, "--json", help="JSON for programs instead of a table")


def _print(result, as_json: bool) -> None:
    from .graph.commands import render
    typer.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str) if as_json else render(result))


def _query(what: str, *args, store: Path, as_json: bool, **options) -> None:
    from .graph.commands import query_command
    try:
        result = query_command(what, *args, store=store, **options)
    except LookupError as exc:
        _err(f"Error: {exc}")
        raise typer.Exit(1)
    if result is None or (result == [] and what != "caps"):
        _err(f"Error: no {what} matches {' '.join(map(str, args))!r} in {store}")
        raise typer.Exit(1)
    _print(result, as_json)


@app.command()
def ingest(paths: List[Path] = typer.Argument(..., help="files or folders"),
           store: Path = STORE,
           workers: Optional[int] = typer.Option(None, help="processes (default: core count)"),
           prune: bool = typer.Option(False, "--prune", help="remove documents whose files are gone"),
           force: bool = typer.Option(False, "--force", help="re-process unchanged files too"),
           quiet: bool = typer.Option(False, "--quiet", "-q"),
           as_json: bool = AS_JSON):
    """Ingest documents into the graph store; unchanged files are skipped. Exit 1 if any failed.

    Example: policykg ingest corpora/
    """
    from .graph.commands import ingest_command, render
    report = ingest_command(paths, store, workers, prune, force, quiet)
    typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) if as_json else render(report))
    raise typer.Exit(report.exit_code)


@query_app.command("agency")
def query_agency(name: str,
                 in_force: Optional[str] = typer.Option(None, "--in-force", help="only documents in force on this ISO date"),
                 store: Path = STORE, as_json: bool = AS_JSON):
    """An agency by any alias: canonical name, aliases and merges with reasons, documents, measures with caps,
    replies (reposts once; superseded documents marked, left out with --in-force).

    Example: policykg query agency 市工信局
    """
    _query("agency", name, store=store, as_json=as_json, in_force_on=in_force)


@query_app.command("proposal")
def query_proposal(number: str, store: Path = STORE, as_json: bool = AS_JSON):
    """A proposal: proposers, session, reply, replying and co-handling units, responses.

    Example: policykg query proposal 133089
    """
    _query("proposal", number, store=store, as_json=as_json)


@query_app.command("caps")
def query_caps(min_amount: Optional[float] = typer.Option(None, "--min", help="at least this amount (yuan)"),
               agency: Optional[str] = typer.Option(None, "--agency", help="responsible agency (any alias)"),
               in_force: Optional[str] = typer.Option(None, "--in-force", help="in force on this ISO date"),
               limit: Optional[int] = typer.Option(None, "--limit"),
               store: Path = STORE, as_json: bool = AS_JSON):
    """Monetary caps with their measure, document, rate and scope (--in-force: valid and not superseded).

    Example: policykg query caps --min 1000000 --in-force 2025-06-30
    """
    _query("caps", store=store, as_json=as_json, min_amount=min_amount, agency_name=agency,
           in_force_on=in_force, limit=limit)


@query_app.command("doc")
def query_doc(ident: str, store: Path = STORE, as_json: bool = AS_JSON):
    """A document by id or doc number: meta, measures, what it cites and what cites it.

    Example: policykg query doc 中山商务贸函〔2024〕8号
    """
    _query("doc", ident, store=store, as_json=as_json)


@query_app.command("followup")
def query_followup(number: str, store: Path = STORE, as_json: bool = AS_JSON):
    """Follow-through of a proposal: per response, the later measures acting on it (document, date, units,
    caps, score, evidence terms), as ranked when the corpus was linked.

    Example: policykg query followup 133089
    """
    if as_json:
        _query("followup", number, store=store, as_json=True)
        return
    from .graph.commands import query_command
    from .graph.linked_queries import format_followup_rows
    result = query_command("followup", number, store=store)
    if not result:
        _err(f"Error: no followup matches {number!r} in {store}")
        raise typer.Exit(1)
    typer.echo(format_followup_rows(result))


@query_app.command("neighbours")
def query_neighbours(node: str, depth: int = typer.Option(1, "--depth"), store: Path = STORE,
                     as_json: bool = AS_JSON):
    """Nodes within DEPTH edges of NODE (an agency alias, doc number, proposal number or node id).

    Example: policykg query neighbours 中山市商务局 --depth 1
    """
    _query("neighbours", node, store=store, as_json=as_json, depth=depth)


@query_app.command("path")
def query_path(a: str, b: str, store: Path = STORE, as_json: bool = AS_JSON):
    """The shortest path between two nodes.

    Example: policykg query path 133089 中山海关
    """
    _query("path", a, b, store=store, as_json=as_json)


@app.command()
def diff(a: str = typer.Argument(..., help="older version: doc id, doc number or file"),
         b: str = typer.Argument(..., help="newer version: doc id, doc number or file"),
         store: Path = STORE, as_json: bool = AS_JSON):
    """Measure by measure what changed from A to B: added, removed, changed caps, rates, units, validity dates.

    Example: policykg diff 中府办〔2023〕5号 中府办〔2025〕1号
    """
    from dataclasses import asdict

    from .graph.commands import diff_command
    from .linking import format_diff
    try:
        result = diff_command(a, b, store)
    except LookupError as exc:
        _err(f"Error: {exc}")
        raise typer.Exit(1)
    typer.echo(json.dumps(asdict(result), ensure_ascii=False, indent=1, default=str) if as_json
               else format_diff(result))


@app.command()
def stats(store: Path = STORE, as_json: bool = AS_JSON):
    """Counts of nodes and edges by type, documents by type and year.

    Example: policykg stats
    """
    from .graph.commands import stats_command
    _print(stats_command(store), as_json)


@app.command()
def export(fmt: str = typer.Argument(..., help="graphml | gexf | json | neo4j | csv | parquet"),
           out: Path = typer.Option(..., "--out", "-o"), store: Path = STORE):
    """Export the graph: GraphML, GEXF, node-link JSON, Neo4j import CSVs, flat CSV/Parquet tables.

    Example: policykg export graphml --out outputs/graph.graphml
    """
    from .graph.commands import export_command
    for path in export_command(fmt, out, store):
        typer.echo(str(path))


@app.command()
def version():
    """Print the package and pipeline version (the latter changes with code and models/ data)."""
    from .settings import __version__, pipeline_version
    typer.echo(f"policykg {__version__} pipeline {pipeline_version()}")


def main():  # pragma: no cover
    app()
