"""The store on SQLite beside PostgreSQL: build a generated corpus into each, then add one document to each.

    .venv/bin/python bench/bench_store_backends.py [--docs 10000] [--pg postgresql://USER@HOST:PORT/DB]

Both stores get the same documents through the same ingest (the oracle extractor of bench_graph.py, so the
figures are the graph layer's: storing, linking). Prints, per backend: the first ingest (documents/s, of which
linking), then adding one new document to the whole store: the ingest call's seconds (start-up aside: the
extractor runs in this process), of which storing and linking. PostgreSQL is the local server of
scripts/pg-dev unless --pg names one; its store goes into a schema of its own, dropped afterwards.

Measured here (2 cores shared with other jobs, PostgreSQL 15 on the same machine, 10,000 documents):
first ingest 75 documents/s on SQLite, 34 on PostgreSQL (linking 23.8 s and 31.9 s of it); adding one
document to the 10,000: 0.56 s on SQLite, 0.65 s on PostgreSQL (linking 0.31 s and 0.40 s of it).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_graph import oracle_extract  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from pipeline.graph.ingest import ingest  # noqa: E402
from pipeline.graph.store import open_store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _pg_url(given: str | None) -> str:
    if given:
        return given
    return subprocess.run([str(ROOT / "scripts" / "pg-dev"), "start"], check=True, capture_output=True,
                          text=True).stdout.strip()


def run(target, files: list[Path], extra: Path) -> dict:
    """Builds the store from `files`, then adds `extra`; the figures of both."""
    options = {"extract_fn": oracle_extract, "pipeline_version": "oracle", "progress": False, "limits": None}
    first = ingest(files, target, **options)
    started = time.perf_counter()
    one = ingest([extra], target, **options)
    wall = time.perf_counter() - started
    with open_store(target) as s:
        documents = s.counts()["copies"]
    link_first, link_one = (first.linking or {}).get("seconds", 0.0), (one.linking or {}).get("seconds", 0.0)
    return {"documents": documents, "first": first.seconds, "first_link": link_first, "one": one.seconds,
            "one_wall": wall, "one_link": link_one, "added": len(one.added)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--pg", default=None, help="a PostgreSQL database URL (default: scripts/pg-dev's server)")
    ap.add_argument("--out", type=Path, default=Path("outputs/bench-backends"))
    args = ap.parse_args()

    corpus = args.out / "corpus"
    existing = len(list((corpus / "raw").glob("*.txt"))) if (corpus / "raw").exists() else 0
    if existing != args.docs + 1:
        shutil.rmtree(corpus, ignore_errors=True)
        make_corpus(corpus, args.docs + 1)
    files = sorted((corpus / "raw").glob("*.txt"))
    extra, files = files[-1], files[:-1]

    import psycopg
    url = _pg_url(args.pg)
    schema = "bench_store_backends"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    db = args.out / "bench.db"
    for p in args.out.glob("bench.db*"):
        p.unlink()
    try:
        figures = {"SQLite": run(db, files, extra),
                   "PostgreSQL": run(f"{url}?options=-csearch_path%3D{schema}", files, extra)}
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    print(f"{'':34}{'SQLite':>12}{'PostgreSQL':>14}")
    rows = (("documents stored", "documents", "{:.0f}"),
            ("first ingest, s", "first", "{:.1f}"),
            ("  documents/s", None, None),
            ("  of which linking, s", "first_link", "{:.1f}"),
            ("adding 1 document: ingest, s", "one", "{:.3f}"),
            ("  of which linking, s", "one_link", "{:.3f}"),
            ("  of which storing etc., s", None, None),
            ("  wall (call, incl. open), s", "one_wall", "{:.3f}"))
    for label, key, fmt in rows:
        values = []
        for f in figures.values():
            if label.strip() == "documents/s":
                values.append(f"{args.docs / f['first']:.0f}")
            elif key is None:
                values.append(f"{f['one'] - f['one_link']:.3f}")
            else:
                values.append(fmt.format(f[key]))
        print(f"{label:34}{values[0]:>12}{values[1]:>14}")


if __name__ == "__main__":
    main()
