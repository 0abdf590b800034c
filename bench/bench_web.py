"""Web app benchmark: search and pages on a store of 10,000 generated documents, timed on the server side.

    .venv/bin/python bench/bench_web.py [--docs 10000] [--repeat 40] [--store FILE]

Builds (or reuses) a store from bench/make_corpus.py's documents with the oracle extractor (what
bench/bench_graph.py does), then asks the app in-process for search results and pages with names, numbers
and words drawn from the store, and prints p50/p95 per kind of request of the app's own time (its
`Server-Timing` header: from the request reaching the app to the response starting), with the targets:
search p95 <= 100 ms, page p95 <= 200 ms.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_graph import oracle_extract  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from pipeline.graph.fulltext import query_words  # noqa: E402
from pipeline.graph.ingest import ingest  # noqa: E402
from pipeline.graph.store import open_store  # noqa: E402

SEARCH_P95_MS, PAGE_P95_MS = 100, 200


def build_store(out: Path, docs: int, workers: int | None) -> Path:
    """A store of `docs` generated documents under `out` (kept: a later run with as many reuses it)."""
    db = out / "bench.db"
    if db.exists():
        with open_store(db) as s:
            if s.sql("SELECT count(*) AS n FROM documents")[0]["n"] == docs:
                return db
    corpus = out / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    for p in out.glob("bench.db*"):
        p.unlink()
    started = time.perf_counter()
    make_corpus(corpus, docs)
    report = ingest(sorted((corpus / "raw").glob("*.txt")), db, workers=workers, extract_fn=oracle_extract,
                    pipeline_version="oracle", progress=sys.stderr.isatty())
    print(f"built the store: {len(report.added)} documents in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return db


def requests(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """Addresses per kind of request, drawn from what the store holds."""
    with open_store(db) as s:
        agencies = [r["name"] for r in s.sql("SELECT name FROM agencies ORDER BY name")]
        aliases = [r["text"] for r in s.sql("SELECT DISTINCT text FROM mentions ORDER BY text")]
        docs = s.sql("SELECT id, doc_number, title FROM documents ORDER BY id")
        numbers = [d["doc_number"] for d in docs if d["doc_number"]]
        proposals = [r["number"] for r in s.sql("SELECT DISTINCT number FROM proposals WHERE number IS NOT NULL "
                                                "ORDER BY number")]
        words = [w for d in rng.sample(docs, min(200, len(docs))) for w in query_words(d["title"] or "")
                 if len(w) > 1]
    part = [a[i:i + 2] for a in aliases for i in range(0, max(1, len(a) - 1), 2)]
    pick = rng.choice
    search = [pick(part), pick(aliases), pick(numbers or ["x"]), pick(proposals or ["1"]), pick(words),
              pick(words) + pick(words), pick(agencies)]
    return {
        "search (api)": [f"/api/search?{urlencode({'q': pick(search)})}" for _ in range(3)],
        "search (page)": [f"/search?{urlencode({'q': pick(search)})}"],
        "agency": [f"/agency/{quote(pick(agencies), safe='')}"],
        "document": [f"/doc/{pick(docs)['id']}"],
        "proposal": [f"/proposal/{quote(pick(proposals or ['1']), safe='')}"],
        "caps": ["/caps", "/caps?" + urlencode({"agency": pick(agencies)}),
                 "/caps?" + urlencode({"on": f"20{rng.randint(20, 26)}-06-30", "min": pick((0, 100000, 1000000))}),
                 "/caps?" + urlencode({"sort": pick(("date", "document", "rate")), "page": rng.randint(1, 5)})],
        "graph depth 1": ["/graph?" + urlencode({"node": f"Document:{pick(docs)['id']}", "depth": 1})],
        "graph depth 2": ["/graph?" + urlencode({"node": pick(proposals or agencies), "depth": 2})],
        "overview": ["/"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=40, help="requests of each kind")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--store", type=Path, default=None, help="time this store instead of building one")
    ap.add_argument("--out", type=Path, default=Path("outputs/bench-web"))
    args = ap.parse_args()

    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

    from pipeline.web.app import create_app

    db = args.store or build_store(args.out, args.docs, args.workers)
    open_store(db).close()                                       # an older store is upgraded before timing
    with open_store(db) as s:
        n = s.sql("SELECT count(*) AS n FROM documents")[0]["n"]
    rng = random.Random(7)
    server: dict[str, list[float]] = {}
    wall: dict[str, list[float]] = {}
    with TestClient(create_app(db)) as client:
        client.get("/")                                          # the first request warms the connection
        for _ in range(args.repeat):
            for kind, paths in requests(db, rng).items():
                for path in paths:
                    started = time.perf_counter()
                    response = client.get(path)
                    wall.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise SystemExit(f"{path}: {response.status_code}")
                    ms = float(response.headers["server-timing"].split("dur=")[1])
                    server.setdefault(kind, []).append(ms)

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]

    print(f"store                {db} ({n} documents, {db.stat().st_size / 2**20:.0f} MiB)")
    print(f"{'request':22} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}   {'client p95':>10}")
    for kind, xs in server.items():
        print(f"{kind:22} {len(xs):5d} {statistics.median(xs):8.1f} {pct(xs, .95):8.1f} {max(xs):8.1f}   "
              f"{pct(wall[kind], .95):10.1f}")
    searches = server["search (api)"] + server["search (page)"]
    pages = [x for k, xs in server.items() if not k.startswith("search") for x in xs]
    print(f"{'all searches':22} {len(searches):5d} {statistics.median(searches):8.1f} {pct(searches, .95):8.1f}"
          f"   target p95 <= {SEARCH_P95_MS} ms: {'met' if pct(searches, .95) <= SEARCH_P95_MS else 'NOT met'}")
    print(f"{'all pages':22} {len(pages):5d} {statistics.median(pages):8.1f} {pct(pages, .95):8.1f}"
          f"   target p95 <= {PAGE_P95_MS} ms: {'met' if pct(pages, .95) <= PAGE_P95_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
