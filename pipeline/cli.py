"""policykg command line: thin wrappers over library functions (data on stdout, progress on stderr).

Exit codes everywhere: 0 found or did something, 1 no match (or an input failed), 2 a usage error or
no store to read. Each command imports what it needs when it runs, so start-up stays quick.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Chinese government notices and proposal replies in, JSON records and a knowledge graph out.")

NO_MATCH, USAGE = 1, 2


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _fail(msg: str, code: int = USAGE):
    """Print a one-line error on stderr and exit with `code`."""
    _err(f"Error: {msg}")
    raise typer.Exit(code)


def _version_line() -> str:
    from .settings import __version__, pipeline_version
    return f"policykg {__version__} pipeline {pipeline_version()}"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(_version_line())
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                              help="Print the package version and the pipeline digest, then exit.")):
    """Chinese government notices and proposal replies in, JSON records and a knowledge graph out."""


# ---------------------------------------------------------------- shared options
def _existing_store(value: Optional[Path]):
    """The store to read: --store (a file or a postgresql:// URL), else the default; exits 2 where there is none
    (never creates one) or its server cannot be reached."""
    from .graph.backend import errors, shown, store_exists, store_target
    from .settings import default_store
    path = store_target(value or default_store())
    try:
        found = store_exists(path)
    except errors() as exc:
        _fail(f"cannot reach the store {shown(path)}: {str(exc).strip()}")
    if not found:
        _fail(f"no store at {shown(path)}: build one with `policykg ingest FILES` (or give --store, or set "
              f"POLICYKG_STORE)")
    return path


def _iso_date(value: Optional[str]) -> Optional[str]:
    """An ISO date YYYY-MM-DD as given; anything else exits 2."""
    if value is None:
        return None
    from .structure.dates import iso_day
    return iso_day(value) or _fail(f"--in-force wants a date as YYYY-MM-DD (e.g. 2025-06-30), not {value!r}")


STORE_HELP = ("SQLite store file (default ./outputs/policykg.db, or $POLICYKG_STORE) or a PostgreSQL database "
              "postgresql://USER@HOST:PORT/DB")
STORE = typer.Option(None, "--store", callback=_existing_store, help=STORE_HELP + "; must exist")
NEW_STORE = typer.Option(None, "--store", help=STORE_HELP + "; created if missing")
IN_FORCE = typer.Option(None, "--in-force", callback=_iso_date, metavar="YYYY-MM-DD",
                        help="only documents in force that day (valid and not superseded)")
AS_JSON = typer.Option(False, "--json", help="the whole result as JSON, for programs")
AS_CSV = typer.Option(False, "--csv", help="rows as CSV (nested values as JSON)")
AS_NL = typer.Option(False, "--nl", help="rows as newline-delimited JSON, one object a line")
WIDE = typer.Option(False, "--wide", help="tables with every column and every cell whole")
QUIET = typer.Option(False, "--quiet", "-q", help="no progress bar")
WORKERS = typer.Option(None, "--workers", help="processes (default: core count)")
SCHEDULER = typer.Option(None, "--scheduler", metavar="tcp://HOST:8786",
                         help="extract on this Dask cluster (workers see the same files; pip install 'policykg[dask]')")
DASK_WORKERS = typer.Option(None, "--dask-workers", min=1, metavar="N",
                            help="extract on a local Dask cluster of N worker processes started for the run")


def _format(as_json: bool, as_csv: bool, as_nl: bool) -> str:
    """table, json, csv or nl; two at once exit 2."""
    chosen = [name for name, on in (("json", as_json), ("csv", as_csv), ("nl", as_nl)) if on]
    if len(chosen) > 1:
        _fail("choose one of --json, --csv, --nl")
    return chosen[0] if chosen else "table"


def _show(what: str, result, fmt: str, wide: bool, human=None) -> None:
    """Print a query or stats result in `fmt`; exit 1 (message on stderr) where it found nothing."""
    from .graph.commands import render, result_rows
    from .output import as_csv, as_json, as_nl
    rows = result_rows(what, result)
    if fmt == "json":
        typer.echo(as_json(result))
    elif rows and fmt == "csv":
        typer.echo(as_csv(rows))
    elif rows and fmt == "nl":
        typer.echo(as_nl(rows))
    elif rows:
        typer.echo(human(result) if human else render(result, name=what, wide=wide))
    if not rows:
        raise typer.Exit(NO_MATCH)


def _query(what: str, *args, store: Path, fmt: str, wide: bool, human=None, **options) -> None:
    from .graph.commands import query_command
    try:
        result = query_command(what, *args, store=store, **options)
    except LookupError as exc:
        _fail(str(exc), NO_MATCH)
    try:
        _show(what, result, fmt, wide, human)
    except typer.Exit:
        _err(f"nothing found: query {' '.join([what, *map(str, args)])} in {store}")
        raise


# ---------------------------------------------------------------- documents -> records
def _progress_bar(total: int, desc: str, quiet: bool, stream=None):
    """A tqdm bar on stderr, off with -q or when stderr is not a terminal."""
    from tqdm import tqdm
    stream = stream or sys.stderr
    return tqdm(total=total, file=stream, unit="doc", desc=desc, disable=quiet or not stream.isatty())


@contextmanager
def _cluster(scheduler: Optional[str], dask_workers: Optional[int]):
    """The Dask cluster the options name, entered (None for none); exits 2 where it cannot be had."""
    if scheduler and dask_workers:
        _fail("choose one of --scheduler, --dask-workers")
    if not (scheduler or dask_workers):
        yield None
        return
    from .cluster import Cluster, ClusterError
    try:
        with Cluster(scheduler, dask_workers) as cluster:
            yield cluster
    except ClusterError as exc:
        _fail(str(exc))


@app.command()
def extract(inputs: List[Path] = typer.Argument(..., help="files or folders (pdf, txt, docx, html)"),
            out: Path = typer.Option(Path("outputs/records"), "--out", "-o", help="folder for <stem>.json records"),
            workers: Optional[int] = WORKERS,
            scheduler: Optional[str] = SCHEDULER,
            dask_workers: Optional[int] = DASK_WORKERS,
            quiet: bool = QUIET):
    """Extract one JSON record per input into OUT. Exit 1 if any input failed.

    On a Dask cluster (--scheduler, --dask-workers) the workers write the records in shards under
    OUT/_shards, and a rerun takes what they hold; the record files are the same.

    Example: policykg extract corpora/raw --out outputs/records
    """
    from .batch import extract_to_dir, walk_inputs

    with _cluster(scheduler, dask_workers) as cluster, \
            _progress_bar(len(list(walk_inputs(inputs))), "extract", quiet) as bar:
        report = extract_to_dir(inputs, out, workers, lambda path, error: bar.update(), cluster=cluster)
    _err(f"{len(report.written)} records written to {out}, {len(report.failed)} failed")
    for path, reason in report.failed.items():
        _err(f"  failed: {path}: {reason}")
    raise typer.Exit(1 if report.failed else 0)


@app.command("eval")
def evaluate(gold: Path = typer.Option(..., "--gold", help="folder of gold <id>.json files"),
             raw: Optional[Path] = typer.Option(None, "--raw", help="folder of the documents (default: beside the gold, or ../raw)"),
             out: Optional[Path] = typer.Option(None, "--out", help="keep the records here"),
             as_json: bool = AS_JSON,
             show_errors: bool = typer.Option(False, "--errors", help="also list, per document, what was missed or added"),
             split: Optional[str] = typer.Option(None, "--split", help="only the documents of this split of ../splits.json (corpora/real: dev, test)")):
    """Run extraction on an annotated set and print precision/recall/F1 per field.

    Example: policykg eval --gold corpora/gold
             policykg eval --gold corpora/real/gold --split dev --errors
    """
    import tempfile

    from .batch import extract_to_dir
    from .evaluate import find_documents, format_scores, score_dirs, split_ids
    from .output import as_json as json_text

    try:
        only = split_ids(gold, split) if split else None
    except (FileNotFoundError, KeyError) as exc:
        _fail(exc.args[0])
    docs = find_documents(gold, raw, only)
    if not docs:
        _fail(f"no documents found for the gold files in {gold}")
    with tempfile.TemporaryDirectory() as tmp:
        pred = out or Path(tmp)
        extract_to_dir(docs, pred)
        errors = {} if show_errors else None
        scores = score_dirs(gold, pred, errors, only)
    if errors is not None:
        scores["errors"] = {doc: e for doc, e in errors.items() if e}
    typer.echo(json_text(scores) if as_json else format_scores(scores))


@app.command()
def show(path: Path = typer.Argument(..., exists=True, dir_okay=False, help="a document file"),
         out: Optional[Path] = typer.Option(None, "--out", help="HTML file (default: stdout)"),
         force: bool = typer.Option(False, "--force", help="replace an existing --out file")):
    """Render a document with its tags highlighted (displaCy HTML) for review.

    Example: policykg show corpora/raw/zs-2025-wenwaimao-measures.txt --out outputs/zs.html
    """
    from .extraction import extract as extract_record
    from .render import render_html

    if out and out.resolve() == path.resolve():
        _fail(f"--out {out} is the input document: choose another file")
    if out and out.exists() and not force:
        _fail(f"{out} exists: add --force to replace it")

    record = extract_record(path)
    if record.error:
        _fail(f"{path}: {record.error}", 1)
    html = render_html(record)
    if out:
        out.write_text(html, encoding="utf-8")
        _err(f"wrote {out}")
    else:
        sys.stdout.write(html)


# ---------------------------------------------------------------- the graph
@app.command()
def ingest(paths: List[Path] = typer.Argument(..., help="files or folders"),
           store: Optional[Path] = NEW_STORE,
           workers: Optional[int] = WORKERS,
           scheduler: Optional[str] = SCHEDULER,
           dask_workers: Optional[int] = DASK_WORKERS,
           shards: Optional[Path] = typer.Option(None, "--shards", help="with a Dask cluster: the folder of its "
                                                 "record shards (default: <store>.shards beside the store)"),
           prune: bool = typer.Option(False, "--prune", help="remove documents whose files are gone"),
           force: bool = typer.Option(False, "--force", help="re-process unchanged files too"),
           wait: Optional[float] = typer.Option(None, "--wait", metavar="SECONDS",
                                                help="how long to wait while another run writes to the store "
                                                     "(default: as long as it takes; 0: not at all, exit 2)"),
           quiet: bool = QUIET,
           as_json: bool = AS_JSON):
    """Ingest documents into the graph store; unchanged files are skipped. Exit 1 if any failed.

    One run writes to a store at a time. SIGTERM rolls back the document being stored and exits 143;
    the next run finishes the work. The run is recorded in the store with what it changed: the last lines
    say it in short (the whole report: policykg changes).

    Example: policykg ingest corpora/
    """
    from .graph.commands import ingest_command, render
    from .graph.ingest import Terminated
    from .graph.lock import StoreBusy
    from .output import as_json as json_text
    from .settings import default_store
    try:
        with _cluster(scheduler, dask_workers) as cluster:
            report = ingest_command(paths, store or default_store(), workers, prune, force, quiet, wait,
                                    cluster=cluster, shards=shards)
    except StoreBusy as exc:
        _fail(str(exc))
    except Terminated:
        _fail("terminated: what was stored stays; run the same command again to finish", 143)
    typer.echo(json_text(report.to_dict()) if as_json else render(report))
    raise typer.Exit(report.exit_code)


query_app = typer.Typer(no_args_is_help=True,
                        help="Query the knowledge graph: tables for people; --json, --csv or --nl for programs.")
app.add_typer(query_app, name="query")


@query_app.command("agency")
def query_agency(name: str = typer.Argument(..., help="any name of the agency: canonical, alias, abbreviation"),
                 in_force: Optional[str] = IN_FORCE, store: Path = STORE, as_json: bool = AS_JSON,
                 as_csv: bool = AS_CSV, as_nl: bool = AS_NL, wide: bool = WIDE):
    """An agency by any alias: canonical name, aliases and merges with reasons, documents, measures with caps,
    replies (reposts once; superseded documents marked, left out with --in-force).

    Example: policykg query agency 市工信局
    """
    _query("agency", name, store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide, in_force_on=in_force)


@query_app.command("proposal")
def query_proposal(number: str = typer.Argument(..., help="the proposal number, e.g. 133089"),
                   store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
                   wide: bool = WIDE):
    """A proposal: proposers, session, reply, replying and co-handling units, responses.

    Example: policykg query proposal 133089
    """
    _query("proposal", number, store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide)


@query_app.command("caps")
def query_caps(min_amount: Optional[float] = typer.Option(None, "--min", help="at least this amount (yuan)"),
               agency: Optional[str] = typer.Option(None, "--agency", help="responsible or issuing agency (any alias)"),
               in_force: Optional[str] = IN_FORCE,
               doc_type: Optional[str] = typer.Option(None, "--type", help="only documents of this type (通知, 措施, 函 ...)"),
               year: Optional[int] = typer.Option(None, "--year", help="only documents of this year"),
               limit: Optional[int] = typer.Option(None, "--limit", min=1, help="only the N largest caps"),
               store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
               wide: bool = WIDE):
    """Monetary caps, largest first, with their measure, document, rate and scope (--wide: also the text,
    doc number and responsible units).

    Example: policykg query caps --min 1000000 --in-force 2025-06-30
    """
    _query("caps", store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide, min_amount=min_amount,
           agency_name=agency, in_force_on=in_force, doc_type=doc_type, year=year, limit=limit)


@query_app.command("doc")
def query_doc(ident: str = typer.Argument(..., help="a record id, a doc number or a file path"),
              store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
              wide: bool = WIDE):
    """A document by id or doc number: meta, measures, what it cites and what cites it.

    Example: policykg query doc 中山商务贸函〔2024〕8号
    """
    _query("doc", ident, store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide)


@query_app.command("followup")
def query_followup(number: str = typer.Argument(..., help="the proposal number, e.g. 133089"),
                   store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL):
    """Follow-through of a proposal: per response, the later measures acting on it (document, date, units,
    caps, score, evidence terms), as ranked when the corpus was linked.

    Example: policykg query followup 133089
    """
    from .graph.linked_queries import format_followup_rows
    _query("followup", number, store=store, fmt=_format(as_json, as_csv, as_nl), wide=False,
           human=format_followup_rows)


@query_app.command("search")
def query_search(text: str = typer.Argument(..., help="any part of a name, a doc number, words of a text"),
                 limit: int = typer.Option(10, "--limit", min=1, help="results of each kind"),
                 store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
                 wide: bool = WIDE):
    """Agencies (any alias or part of a name), documents (title, doc number, words of the text), measures and
    proposals matching TEXT, grouped by kind, best first (Chinese full-text search).

    Example: policykg query search 工信
    """
    _query("search", text, store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide, limit=limit)


@query_app.command("neighbours")
def query_neighbours(node: str = typer.Argument(..., help="an agency alias, doc number, proposal number or node id"),
                     depth: int = typer.Option(1, "--depth", min=1, help="how many edges away"),
                     store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
                     wide: bool = WIDE):
    """Nodes within DEPTH edges of NODE (an agency alias, doc number, proposal number or node id).

    Example: policykg query neighbours 中山市商务局 --depth 1
    """
    _query("neighbours", node, store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide, depth=depth)


@query_app.command("path")
def query_path(a: str = typer.Argument(..., help="one node: agency, doc number, proposal number or node id"),
               b: str = typer.Argument(..., help="the other node"),
               store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
               wide: bool = WIDE):
    """The shortest path between two nodes.

    Example: policykg query path 133089 中山海关
    """
    _query("path", a, b, store=store, fmt=_format(as_json, as_csv, as_nl), wide=wide)


@app.command()
def diff(a: str = typer.Argument(..., help="older version: doc id, doc number or file"),
         b: str = typer.Argument(..., help="newer version: doc id, doc number or file"),
         store: Path = STORE, as_json: bool = AS_JSON):
    """Measure by measure what changed from A to B: added, removed, changed caps, rates, units, validity dates.

    Example: policykg diff 中府办〔2023〕5号 中府办〔2025〕1号
    """
    from dataclasses import asdict

    from .graph.commands import diff_command
    from .linking.diff import format_diff
    from .output import as_json as json_text
    try:
        result = diff_command(a, b, store)
    except LookupError as exc:
        _fail(str(exc), NO_MATCH)
    typer.echo(json_text(asdict(result)) if as_json else format_diff(result))


@app.command()
def runs(store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL, wide: bool = WIDE):
    """The ingest runs recorded in the store, oldest first: when, inputs, status, counts, changes, failures.

    Example: policykg runs
    """
    from .graph.commands import format_runs, runs_command
    try:
        _show("runs", runs_command(store), _format(as_json, as_csv, as_nl), wide,
              human=lambda rows: format_runs(rows, wide=wide))
    except typer.Exit:
        _err(f"no ingest run recorded in {store}")
        raise


@app.command()
def changes(run: Optional[int] = typer.Option(None, "--run", min=1, help="the report of run N (see policykg runs)"),
            since: Optional[str] = typer.Option(None, "--since", metavar="DATE",
                                                help="the reports of the complete runs started since DATE "
                                                     "(YYYY-MM-DD, or an ISO date and time)"),
            store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL):
    """What an ingest run changed, grouped by document, with provenance: documents added, updated, pruned,
    superseded; measures added, removed, out of force; caps, grants and rates changed; units added or dropped;
    replies and the proposals they answer; follow-up links. Default: the latest complete run.

    Example: policykg changes
             policykg changes --since 2025-06-01 --csv
    """
    from .graph.commands import changes_command, format_changes
    from .graph.runs import change_rows, since_timestamp
    from .output import as_csv as csv_text, as_json as json_text, as_nl as nl_text
    fmt = _format(as_json, as_csv, as_nl)
    if run is not None and since is not None:
        _fail("choose one of --run, --since")
    moment = None
    if since is not None:
        try:
            moment = since_timestamp(since)
        except ValueError:
            _fail(f"--since wants a date as YYYY-MM-DD (or an ISO date and time), not {since!r}")
    try:
        report = changes_command(store, run, moment)
    except LookupError as exc:
        _fail(str(exc), NO_MATCH)
    rows = change_rows(report)
    if fmt == "json":
        typer.echo(json_text(report))
    elif fmt == "table" and report["runs"]:
        typer.echo(format_changes(report))
    elif rows:
        typer.echo(csv_text(rows) if fmt == "csv" else nl_text(rows))
    if not rows:
        when = f" since {since}" if since else ""
        _err(f"no changes: {'no complete run recorded' + when + ' in ' + str(store) if not report['runs'] else 'none'}")
        raise typer.Exit(NO_MATCH)


@app.command()
def stats(store: Path = STORE, as_json: bool = AS_JSON, as_csv: bool = AS_CSV, as_nl: bool = AS_NL,
          wide: bool = WIDE):
    """Counts of nodes and edges by type, documents by type and year.

    Example: policykg stats
    """
    from .graph.commands import stats_command
    _show("stats", stats_command(store), _format(as_json, as_csv, as_nl), wide)


@app.command()
def export(fmt: str = typer.Argument(..., help="graphml | gexf | json | neo4j | csv | parquet"),
           out: Path = typer.Option(..., "--out", "-o", help="the file (graphml, gexf, json) or folder to write"),
           store: Path = STORE,
           force: bool = typer.Option(False, "--force", help="replace existing files (never the store itself)"),
           bom: bool = typer.Option(False, "--bom", help="CSV tables with a byte order mark, for Excel")):
    """Export the graph: GraphML, GEXF, node-link JSON, Neo4j import CSVs, flat CSV/Parquet tables.

    Files are written whole or not at all; an existing file is kept unless --force.

    Example: policykg export graphml --out outputs/graph.graphml
             policykg export neo4j --out outputs/neo4j      (prints the neo4j-admin import command)
    """
    from .graph.commands import export_command
    from .graph.export import FORMATS, ExportRefused
    if fmt not in FORMATS:
        _fail(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    try:
        written = export_command(fmt, out, store, force=force, bom=bom)
    except ExportRefused as exc:
        _fail(str(exc))
    for path in written:
        typer.echo(str(path))
    if getattr(written, "dropped", 0):
        _err(f"warning: {written.dropped} characters XML 1.0 does not allow were left out")
    if getattr(written, "command", None):
        _err(f"load into Neo4j with:\n  {written.command}")


@app.command()
def serve(store: Path = STORE,
          host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (this machine only by default)"),
          port: int = typer.Option(8765, "--port", min=0, max=65535, help="port to listen on"),
          quiet: bool = QUIET):
    """Serve the web app on the store: search, agencies, documents, proposals, caps, the graph (read only).

    Every page has a JSON twin under /api/ (what `query ... --json` prints). Stop with Ctrl-C.

    Example: policykg serve --store outputs/policykg.db
    """
    from .graph.store import StoreVersionError
    from .web.server import serve as serve_app
    try:
        serve_app(store, host, port, log=not quiet)
    except (StoreVersionError, OSError) as exc:
        _fail(str(exc))


@app.command()
def version():
    """Print the package version and the pipeline digest (it changes with the code and models/ data)."""
    typer.echo(_version_line())


def main():  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
