"""Graph benchmark: ingest a generated corpus, re-ingest it, edit one file, then time the queries.

    .venv/bin/python bench/bench_graph.py [--docs 10000] [--workers 2] [--extractor oracle|real] [--limit N]

Prints documents/second (ingest including the linking run), the linking time and what it stored, the
re-ingest cost ratio (an unchanged corpus is not linked again), peak memory (parent and workers), memory
at the middle and end of the run (flat when streaming works), and p50/p95 latency per query command.
The oracle extractor reads the record bench/make_corpus.py wrote beside each document, so the figures
are those of the graph layer; --extractor real runs pipeline.extraction (use --limit where it is slow).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.make_corpus import make_corpus  # noqa: E402
from pipeline.graph import linked_queries, queries  # noqa: E402
from pipeline.graph.ingest import ingest  # noqa: E402
from pipeline.graph.store import open_store  # noqa: E402
from pipeline.types import Record  # noqa: E402
from pipeline.workers import Workers  # noqa: E402


def oracle_extract(path: str) -> Record:
    """The record make_corpus wrote for a generated document (raw/<n>.txt -> truth/<n>.json)."""
    p = Path(path)
    data = p.read_bytes()
    record = Record.from_dict(json.loads((p.parent.parent / "truth" / f"{p.stem}.json").read_text(encoding="utf-8")))
    record.source = {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "format": "txt", "pages": None}
    return record


class MemoryWatch:
    """Samples the resident memory of this process and its children (workers) in a thread."""

    def __init__(self, interval: float = 0.2):
        self.interval, self.samples, self._stop = interval, [], threading.Event()
        self.proc = psutil.Process()

    def _rss(self) -> tuple[int, int]:
        children = 0
        for c in self.proc.children(recursive=True):
            try:
                children += c.memory_info().rss
            except psutil.Error:
                pass
        return self.proc.memory_info().rss, children

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.samples.append(self._rss())

    def __enter__(self) -> "MemoryWatch":
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.thread.join()


def _percentiles(times: list[float]) -> tuple[float, float]:
    ms = sorted(t * 1000 for t in times)
    return statistics.median(ms), ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]


def time_queries(store_path: Path, repeat: int, rng: random.Random) -> dict[str, tuple[float, float]]:
    """p50/p95 milliseconds per query command, on names and numbers drawn from the store."""
    with open_store(store_path) as s:
        agencies = [r["name"] for r in s.sql("SELECT name FROM agencies ORDER BY name")]
        aliases = [a for n in rng.sample(agencies, min(20, len(agencies))) for a in s.aliases(n)]
        proposals = [r["number"] for r in s.sql("SELECT DISTINCT number FROM proposals WHERE number IS NOT NULL "
                                                "ORDER BY number")] or ["none"]
        docs = s.documents()
        numbers = [d["doc_number"] for d in docs if d["doc_number"]] or [docs[0]["doc_id"]]
        cases = {
            "agency": lambda: queries.agency(s, rng.choice(agencies + aliases)),
            "proposal": lambda: queries.proposal(s, rng.choice(proposals)),
            "caps --min": lambda: queries.caps(s, min_amount=rng.choice((1e6, 3e6, 5e6))),
            "caps --min --limit 50": lambda: queries.caps(s, min_amount=rng.choice((1e6, 3e6, 5e6)), limit=50),
            "caps --agency": lambda: queries.caps(s, agency_name=rng.choice(agencies)),
            "caps --in-force": lambda: queries.caps(s, min_amount=2e6, in_force_on="2024-06-30"),
            "doc ID": lambda: queries.document(s, rng.choice(docs)["doc_id"]),
            "doc NUMBER": lambda: queries.document(s, rng.choice(numbers)),
            "neighbours --depth 1": lambda: queries.neighbours(s, rng.choice(docs)["doc_id"], 1),
            "neighbours --depth 2": lambda: queries.neighbours(s, rng.choice(proposals), 2),
            "path": lambda: queries.path(s, rng.choice(proposals), rng.choice(docs)["doc_id"]),
            "followup": lambda: linked_queries.followup(s, rng.choice(proposals)),
            "agency --in-force": lambda: queries.agency(s, rng.choice(agencies), in_force_on="2024-06-30"),
            "stats": lambda: queries.stats(s),
        }
        out = {}
        for name, run in cases.items():
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                run()
                times.append(time.perf_counter() - t)
            out[name] = _percentiles(times)
    return out


def _load_pipeline(_: int) -> int:
    """What a fresh worker does before its first document: load the pipeline (spaCy, jieba and its
    dictionary, rule data) and the modules that build a record's graph rows (scikit-learn)."""
    from pipeline.extraction import extract
    from pipeline.graph import build  # noqa: F401
    from pipeline.linking import followup  # noqa: F401
    from pipeline.tagging.nlp import load_nlp
    load_nlp()("某市人民政府关于印发若干措施的通知\n各区人民政府：\n现印发给你们。\n")   # jieba's dictionary loads on first use
    return 0 if extract else 1


def worker_startup_seconds() -> float:
    """Wall time to start one extraction worker and load the pipeline in it: ingest's start-up cost."""
    started = time.perf_counter()
    pool = Workers(_load_pipeline, lambda item, reason: 1, 1)
    list(pool.map([0]))
    pool.stop()
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--extractor", choices=("oracle", "real"), default="oracle")
    ap.add_argument("--limit", type=int, default=None, help="ingest only the first N documents")
    ap.add_argument("--repeat", type=int, default=30, help="runs per query for the latency figures")
    ap.add_argument("--out", type=Path, default=Path("outputs/bench-graph"))
    args = ap.parse_args()

    corpus = args.out / "corpus"
    existing = len(list((corpus / "raw").glob("*.txt"))) if (corpus / "raw").exists() else 0
    if existing != args.docs:
        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        make_corpus(corpus, args.docs)
        print(f"generated {args.docs} documents in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    files = sorted((corpus / "raw").glob("*.txt"))[:args.limit]
    db = args.out / "bench.db"
    for p in args.out.glob("bench.db*"):          # the store, its WAL and its lock
        shutil.rmtree(p) if p.is_dir() else p.unlink()
    options = {"workers": args.workers, "progress": sys.stderr.isatty()}
    if args.extractor == "oracle":
        options.update(extract_fn=oracle_extract, pipeline_version="oracle")

    with MemoryWatch() as mem:
        first = ingest(files, db, **options)
    second = ingest(files, db, **options)
    edited = files[len(files) // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = ingest(files, db, **options)
    edited.write_text(edited.read_text(encoding="utf-8")[:-1], encoding="utf-8")
    extra = args.out / "one-more.txt"                  # one new document, added to the whole store
    extra.write_text(files[len(files) // 3].read_text(encoding="utf-8").replace("。", "。\n", 3) + "\n附则。\n",
                     encoding="utf-8")
    startup = worker_startup_seconds()
    started = time.perf_counter()
    fourth = ingest([extra], db, **{**options, "workers": 1})
    fourth_wall = time.perf_counter() - started
    extra.unlink()
    latencies = time_queries(db, args.repeat, random.Random(1))

    n = len(files)
    half = mem.samples[: len(mem.samples) // 2] or mem.samples
    peak = lambda xs: max((p + c for p, c in xs), default=0) / 2**20  # noqa: E731
    with open_store(db) as s:
        counts = s.counts()
    print(f"documents            {n} ({args.extractor} extractor, {options['workers'] or 'all'} workers)")
    print(f"first ingest         {first.seconds:.1f}s  {n / first.seconds:.0f} documents/s  "
          f"added {len(first.added)} failed {len(first.failed)}")
    link = first.linking or {}
    print(f"  of which linking   {link.get('seconds', 0):.1f}s  edges {link.get('edges')}  reposts {link.get('reposts')}")
    print(f"second ingest        {second.seconds:.2f}s  unchanged {second.unchanged}  "
          f"cost ratio {second.seconds / first.seconds:.3f}  linking re-run: {second.linking is not None}")
    print(f"after editing 1 file {third.seconds:.2f}s  updated {len(third.updated)} unchanged {third.unchanged}  "
          f"linking {(third.linking or {}).get('seconds', 0):.2f}s, pairs redone "
          f"{(third.linking or {}).get('pairs_redone')}, replies re-ranked {(third.linking or {}).get('replies_ranked')}")
    print(f"adding 1 document    {fourth.seconds:.2f}s in the ingest call ({fourth_wall:.2f}s wall) to {n}: "
          f"added {len(fourth.added)}, linking {(fourth.linking or {}).get('seconds', 0):.2f}s")
    print(f"  start-up aside     {max(0.0, fourth.seconds - startup):.2f}s  (a worker's start-up, pipeline "
          f"loaded, measured alone: {startup:.2f}s)")
    print(f"peak memory          {peak(mem.samples):.0f} MiB (parent + workers); first half of the run "
          f"{peak(half):.0f} MiB; parent alone {max((p for p, _ in mem.samples), default=0) / 2**20:.0f} MiB")
    print(f"store                {db.stat().st_size / 2**20:.0f} MiB, {sum(counts['nodes'].values())} nodes, "
          f"{sum(counts['edges'].values())} edges")
    print(f"{'query':24} {'p50 ms':>8} {'p95 ms':>8}")
    for name, (p50, p95) in latencies.items():
        print(f"{name:24} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
