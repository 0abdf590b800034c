"""Linking time on the generated corpus at 1,000 to 10,000 documents, and its growth (log-log slope).

    .venv/bin/python bench/bench_linking.py [--sizes 1000 2000 5000 10000]

Documents come from corpora/make_variants.generated_corpus (synthetic notices, 2 in 10 reposted,
1 in 10 revised) as light Records (tests/linking/sketch.py); only the linking is timed.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]

from make_variants import generated_corpus  # noqa: E402

from pipeline.linking import FollowupModel, link_records  # noqa: E402
from tests.linking.sketch import sketch_record  # noqa: E402


def run(n: int) -> dict:
    """Times of one corpus size: linking (reposts, versions, citations, agencies) and follow-up fit."""
    variants = generated_corpus(n, seed=1)
    records = [sketch_record(v.id, v.text, v.title, "示例市人民政府办公室") for v in variants]
    t0 = time.perf_counter()
    result = link_records(records)
    t1 = time.perf_counter()
    FollowupModel.fit(records)
    t2 = time.perf_counter()
    rep = {m: g.document_id for g in result.groups for m in g.members}
    truth = {v.id: v.base for v in variants if v.kind in ("synthetic", "repost")}
    reposts = sum(v.kind == "repost" for v in variants)
    grouped = sum(v.kind == "repost" and rep[v.id] == rep[v.base] for v in variants)
    false = sum(len(g.members) - 1 for g in result.groups) - grouped
    assert false >= 0 and all(truth.get(m) == truth.get(g.document_id) for g in result.groups for m in g.members
                              if len(g.members) > 1), "a group mixes different notices"
    revisions = {(v.id, v.base) for v in variants if v.kind == "revision"}
    linked = revisions & {(e.source, e.target) for e in result.supersedes}
    return {"n": n, "link_s": t1 - t0, "fit_s": t2 - t1, "pairs": len(result.pairs),
            "reposts": reposts, "grouped": grouped, "false": false, "revisions": len(revisions), "linked": len(linked)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    sizes = ap.parse_args().sizes
    rows = []
    print(f"{'docs':>6} {'link s':>8} {'fit s':>7} {'ms/doc':>7} {'pairs':>6} {'reposts':>8} {'grouped':>8} "
          f"{'wrong':>6} {'revs':>5} {'linked':>6}")
    for n in sizes:
        r = run(n)
        rows.append(r)
        print(f"{r['n']:>6} {r['link_s']:>8.2f} {r['fit_s']:>7.2f} {1000 * r['link_s'] / n:>7.2f} {r['pairs']:>6} "
              f"{r['reposts']:>8} {r['grouped']:>8} {r['false']:>6} {r['revisions']:>5} {r['linked']:>6}", flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        slope = math.log((b["link_s"] + b["fit_s"]) / (a["link_s"] + a["fit_s"])) / math.log(b["n"] / a["n"])
        print(f"growth exponent {a['n']}->{b['n']}: {slope:.2f} (1 = linear, 2 = quadratic)")


if __name__ == "__main__":
    main()
