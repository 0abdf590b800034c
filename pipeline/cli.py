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
             as_json: bool = typer.Option(False, "--json")):
    """Run extraction on an annotated set and print precision/recall/F1 per field.

    Example: policykg eval --gold corpora/gold
    """
    import tempfile

    from .batch import extract_to_dir
    from .evaluate import find_documents, format_scores, score_dirs

    docs = find_documents(gold, raw)
    if not docs:
        _err(f"no documents found for the gold files in {gold}")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        pred = out or Path(tmp)
        extract_to_dir(docs, pred)
        scores = score_dirs(gold, pred)
    typer.echo(json.dumps(scores, ensure_ascii=False, indent=1) if as_json else format_scores(scores))


@app.command()
def show(path: Path, out: Optional[Path] = typer.Option(None, "--out", help="HTML file (default: stdout)")):
    """Render a document with its tags highlighted (displaCy HTML) for review.

    Example: policykg show corpora/raw/zs-2025-wenwaimao-measures.txt --out outputs/zs.html
    """
    from .extract import extract
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


@app.command()
def version():
    """Print the package and pipeline version (the latter changes with code and models/ data)."""
    from .settings import __version__, pipeline_version
    typer.echo(f"policykg {__version__} pipeline {pipeline_version()}")


def main():  # pragma: no cover
    app()
