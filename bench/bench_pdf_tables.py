"""Table benchmark: rows read exactly from the real-PDF table set, per table kind and producer.

    python bench/bench_pdf_tables.py [--show NAME]

For every PDF of tests/fixtures/real-pdfs/tables/manifest.jsonl (made by bench/make_pdf_set.py
--tables from real corpus tables) runs the pipeline (`extract(path)`) and compares its record's
table with the expected one (the source table, cell by cell): a body row is exact where every cell
equals the source's with white space removed; the header where every spread header row does; a
money cell is right where a MONEY entity with its table, row and column carries the amount with
the table's unit applied (cells compared with white space removed and NFKC-folded). Prints each
file, then per kind (ruled, three-line, row-rules, scan: a ruled table scanned and read by OCR) and
producer the share of rows exact beside the targets (ruled 95 %, the others 85 %), and the money
cells right.
`--show NAME` prints our table beside the expected one for one file.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "fixtures" / "real-pdfs" / "tables"
sys.path.insert(0, str(ROOT))
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# row-rules: a rule under every row only; scan: a ruled table printed and scanned (read by OCR); each counted apart
TARGET = {"ruled": 0.95, "three-line": 0.85, "row-rules": 0.85, "scan": 0.85}
WS = re.compile(r"\s+")


def manifest() -> list[dict]:
    rows = [json.loads(ln) for ln in (SET / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    for r in rows:
        r["expected_table"] = json.loads((SET / r["expected"]).read_text(encoding="utf-8"))
        r["name"] = Path(r["file"]).stem + (f"#{r['index']}" if "index" in r else "")
    return rows


def _norm(text: str) -> str:
    """A cell's text with white space removed and NFKC-folded (a full-width comma and the ASCII one are
    one character to a reader, and the source texts mix both: only OCR may read one for the other)."""
    return WS.sub("", unicodedata.normalize("NFKC", text))


def best_table(record, expected: dict) -> int | None:
    """Index of the record's table that the expected table is (most rows exact)."""
    scores = [(row_scores(t, expected)[0], k) for k, t in enumerate(record.tables)]
    return max(scores)[1] if scores else None


def row_scores(table: dict, expected: dict) -> tuple[int, int]:
    """(body rows exact, expected body rows)."""
    ours = [[_norm(c["text"]) for c in row] for row in table["rows"]]
    exact = sum(1 for k, row in enumerate(expected["rows"])
                if k < len(ours) and ours[k] == [_norm(c) for c in row])
    return exact, len(expected["rows"])


def money_scores(record, k: int, expected: dict) -> tuple[int, int]:
    """(money cells read with the unit applied, money cells expected)."""
    found = {(e.attrs.get("row"), e.attrs.get("column")): e.attrs.get("amount") for e in record.entities
             if e.label == "MONEY" and e.attrs.get("table") == k}
    right = sum(1 for m in expected["money"]
                if found.get((m["row"], m["column"])) is not None
                and abs(found[(m["row"], m["column"])] - m["amount"]) < 0.005)
    return right, len(expected["money"])


def main(argv: list[str] | None = None) -> int:
    from pipeline.extraction import extract

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show")
    a = ap.parse_args(argv)
    rows = manifest()
    if a.show:
        r = next(r for r in rows if r["name"] == a.show)
        record = extract(SET / r["file"], isolate=False)
        k = best_table(record, r["expected_table"])
        ours = record.tables[k] if k is not None else {"header": [], "rows": []}
        for label, theirs, mine in (("header", r["expected_table"]["header"], ours["header"]),
                                    ("rows", r["expected_table"]["rows"], [[c["text"] for c in row] for row in ours["rows"]])):
            for i in range(max(len(theirs), len(mine))):
                e = theirs[i] if i < len(theirs) else None
                o = mine[i] if i < len(mine) else None
                mark = "  " if e is not None and o is not None and [_norm(x) for x in e] == [_norm(x) for x in o] else "≠ "
                print(f"{mark}{label}[{i}] expected {e}\n{'':2}{'':{len(label) + 4}}ours     {o}")
        return 0
    print(f"{'kind':10} {'producer':12} {'file':36} {'rows':>7} {'header':>6} {'money':>7} {'s':>5}")
    per: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        exp = r["expected_table"]
        t0 = time.perf_counter()
        record = extract(SET / r["file"], isolate=False)
        took = time.perf_counter() - t0
        k = best_table(record, exp)
        if k is None:
            exact, n, head, (mright, mn) = 0, len(exp["rows"]), False, (0, len(exp["money"]))
        else:
            exact, n = row_scores(record.tables[k], exp)
            head = [[_norm(c) for c in h] for h in record.tables[k]["header"]] == [[_norm(c) for c in h] for h in exp["header"]]
            mright, mn = money_scores(record, k, exp)
        print(f"{r['kind']:10} {r['producer']:12} {r['name'][:36]:36} {exact:3}/{n:<3} {'yes' if head else 'no':>6} "
              f"{f'{mright}/{mn}' if mn else '-':>7} {took:5.2f}")
        acc = per.setdefault((r["kind"], r["producer"]), [0, 0, 0, 0, 0, 0])
        acc[0] += exact
        acc[1] += n
        acc[2] += mright
        acc[3] += mn
        acc[4] += int(head)
        acc[5] += 1
    print()
    print(f"{'kind':10} {'producer':12} {'rows exact':>14} {'headers':>8} {'money with unit':>16} {'target':>7}")
    for kind in TARGET:
        tot = [0, 0, 0, 0, 0, 0]
        for (k, producer), acc in sorted(per.items()):
            if k != kind:
                continue
            tot = [x + y for x, y in zip(tot, acc)]
            print(f"{kind:10} {producer:12} {acc[0]:4}/{acc[1]:<4} {acc[0] / acc[1]:5.1%} {acc[4]:3}/{acc[5]:<3} "
                  f"{acc[2]:6}/{acc[3]:<4} {acc[2] / acc[3] if acc[3] else 1:5.1%}")
        if tot[1]:
            print(f"{kind:10} {'all':12} {tot[0]:4}/{tot[1]:<4} {tot[0] / tot[1]:5.1%} {tot[4]:3}/{tot[5]:<3} "
                  f"{tot[2]:6}/{tot[3]:<4} {tot[2] / tot[3] if tot[3] else 1:5.1%} {TARGET[kind]:6.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
