"""Hostile inputs at full size: wall time and peak memory of each, through the whole pipeline (issue 11).

    .venv/bin/python bench/bench_hostile.py [--quick]

Each input is written to a temporary folder and extracted as `policykg extract` does it: in a worker under
the per-document limits (120 s, 2 GiB beyond the worker's start). Prints figures; never run as a test.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import extract_records  # noqa: E402
from tests import hostile  # noqa: E402


def inputs(quick: bool) -> dict[str, tuple[str, bytes]]:
    scale = 10 if quick else 1
    agencies, _ = hostile.agency_text(5_000_000 // scale)
    numbers, _ = hostile.numbers_text(100_000 // scale)
    return {
        "5 MB of agency names": ("agencies.txt", agencies.encode()),
        "100k numbers": ("numbers.txt", numbers.encode()),
        "DOCX zip bomb (100 MB inside)": ("bomb.docx", hostile.zip_bomb_docx(100)),
        "DOCX billion laughs": ("laughs.docx", hostile.billion_laughs_docx()),
        "HTML nested 20,000 deep": ("deep.html", hostile.deep_html(20_000, inner="<a>链接</a>文字").encode()),
        "10 MB single line": ("line.txt", b"a" * (10_000_000 // scale)),
        "control characters": ("control.txt", hostile.control_text().encode("utf-8", "surrogatepass")),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    args = ap.parse_args()
    print(f"{'input':32} {'seconds':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for label, (name, data) in inputs(args.quick).items():
            path = Path(tmp) / name
            path.write_bytes(data)
            started = time.perf_counter()
            [(_, record)] = list(extract_records([path], workers=1))
            took = time.perf_counter() - started
            outcome = record.get("error") or (f"{len(record['entities'])} entities, "
                                              f"{sum(e['label'] == 'MONEY' for e in record['entities'])} amounts")
            print(f"{label:32} {took:8.1f}  {outcome[:90]}")


if __name__ == "__main__":
    main()
