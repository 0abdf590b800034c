"""Coverage over the real corpus (corpora/real/raw), no gold needed: what the text plainly has
against what the pipeline found. Finds the failures gold cannot; run it after every change of rules.

    python bench/coverage_real.py [--list] [--json OUT]

The frozen test split (corpora/real/splits.json "test") is left out. "Plainly has" is judged by
simple, independent patterns (models/coverage/plain.json): a line that is only a doc number or a
metadata 文号 field, a 成文日期 line or field, a title line of the first lines, a signature unit
over its date; numbered items at line starts of a policy (collected as kind measures); per-item
责任单位/牵头 cues. Prints each share with
its numerator and denominator and, with --list, the documents behind every miss.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extraction import extract  # noqa: E402

REAL = ROOT / "corpora" / "real"
PLAIN = json.loads((ROOT / "models" / "coverage" / "plain.json").read_text(encoding="utf-8"))


def _rx(key: str) -> re.Pattern:
    return re.compile(PLAIN[key]["pattern"], re.M)


def plainly(text: str) -> dict[str, bool]:
    """Which elements the text states plainly, by the independent patterns of plain.json."""
    head = "\n".join(text.splitlines()[:PLAIN["head_lines"]])
    return {
        "doc_number": bool(_rx("doc_number_line").search(head) or _rx("doc_number_field").search(head)),
        "date": bool(_rx("date_line").search(text) or _rx("date_field").search(head)),
        "title": bool(_rx("title_line").search(head)),
        "issuer": bool(_rx("signature").search(text) or _rx("title_issuer").search(head)),
        "numbered_items": len(_rx("item_line").findall(text)) >= PLAIN["min_items"]
        and bool(_rx("content_cue").search(_content_items(text)))
        and not (_rx("general_only").search(text) and PLAIN["general_only"]["next_chapter"] not in text),
        "units_per_item": len(_rx("unit_cue").findall(text)) >= PLAIN["min_unit_cues"],
    }


def collected_kinds() -> dict[str, str]:
    """The kind each document was collected as (reply | measures | notice), from the manifests."""
    return {row["id"]: row["kind"] for f in sorted((REAL / "manifests").glob("*.jsonl"))
            for row in map(json.loads, f.read_text(encoding="utf-8").splitlines()) if row}


def _content_items(text: str) -> str:
    """The text of the numbered items, framework items (指导思想, 基本原则 …) left out."""
    starts = [m.start() for m in _rx("item_line").finditer(text)] + [len(text)]
    items = [text[a:b] for a, b in zip(starts, starts[1:])]
    return "".join(i for i in items if not _rx("framework_item").search(i.strip().split("\n", 1)[0][:30]))


def documents(include_test: bool = False) -> list[Path]:
    test = set(json.loads((REAL / "splits.json").read_text(encoding="utf-8"))["test"])
    return [p for p in sorted((REAL / "raw").glob("*.txt")) if include_test or p.stem not in test]


def coverage(paths: list[Path], read=None) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """{figure: [hits, of]} and {figure: documents that missed}; `read` gives a path's record (default:
    extract it here)."""
    kinds = collected_kinds()
    fig: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    miss: dict[str, list[str]] = defaultdict(list)

    def count(name: str, hit: bool, doc: str) -> None:
        fig[name][1] += 1
        fig[name][0] += hit
        if not hit:
            miss[name].append(doc)

    for path in paths:
        text = path.read_text(encoding="utf-8")
        record = read(path) if read else extract(path, isolate=False)
        doc, plain, meta = path.stem, plainly(text), record.meta
        if record.error:
            count("readable", False, doc)
            continue
        count("readable", True, doc)
        for f in ("doc_number", "date", "title", "issuer"):
            if plain[f]:
                count(f"{f} found where plain", getattr(meta, f) is not None, doc)
        if kinds.get(doc) == "measures" and plain["numbered_items"]:
            count("measures found in policies with numbered items", bool(record.measures), doc)
        whole = [m for m in record.measures if not m.truncated]     # a cut item may lose its units
        if whole and plain["units_per_item"]:
            fig["measures with units where cues per item"][1] += len(whole)
            with_units = sum(bool(m.responsible or m.collectives) for m in whole)
            fig["measures with units where cues per item"][0] += with_units
            if with_units < len(whole):
                miss["measures with units where cues per item"].append(doc)
        money = [e for e in record.entities if e.label == "MONEY"]
        if money:
            fig["amounts with a role (not other)"][1] += len(money)
            fig["amounts with a role (not other)"][0] += sum(e.attrs.get("role") != "other" for e in money)
            if any(e.attrs.get("role") == "other" for e in money):
                miss["amounts with a role (not other)"].append(doc)
    return dict(fig), dict(miss)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="list the documents behind every miss")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    paths = documents()
    fig, miss = coverage(paths)
    print(f"{len(paths)} documents of corpora/real (test split left out)")
    for name, (hit, of) in fig.items():
        print(f"{name:44s} {hit / of if of else 1.0:6.1%}  ({hit}/{of})")
    if args.list:
        for name, docs in miss.items():
            print(f"\n{name}: {len(docs)}")
            for d in docs:
                print(f"  {d}")
    if args.json:
        args.json.write_text(json.dumps({"figures": fig, "misses": miss}, ensure_ascii=False, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
