"""Regenerate models/jieba/userdict.txt from models/agencies data and models/jieba/policy_terms.txt.

    python models/jieba/build_userdict.py [--check]

The dictionary keeps public-body names, places and policy terms whole when jieba segments a text.
Order and frequencies follow models/jieba/README.md; --check only reports whether the file is current.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
AGENCIES = HERE.parent / "agencies"
LEVELS = ("市", "县", "区", "省")          # prefixes written before a department or body core
OFFICES = ("人民政府", "人民政府办公室", "人民政府办公厅")


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _departments() -> list[tuple[str, int, str]]:
    """Standard department cores and abbreviations, bare (3000) and with level prefixes (2000)."""
    out = []
    for row in _rows(AGENCIES / "departments.tsv"):
        names = [row[0]] + [a for a in (row[1].split(",") if len(row) > 1 else []) if a]
        for name in dict.fromkeys(names):
            out.append((name, 3000, "nt"))
            prefixes = ("省",) if name.endswith("厅") else LEVELS
            out += [(p + name, 2000, "nt") for p in prefixes]
    return out


def _bodies() -> list[tuple[str, int, str]]:
    """Party, legislative, judicial and state bodies (2000), national bodies (3000), state firms (2000)."""
    bodies = json.loads((AGENCIES / "bodies.json").read_text(encoding="utf-8"))
    out = []
    for core, spec in bodies["local_bodies"].items():
        if core.startswith("_") or spec.get("at_end_only"):
            continue                           # 县检察: only a cut-off name, never a dictionary word
        out += [(p + core, 2000, "nt") for p in ("省", "市", "县", "区")]
        if not spec.get("needs_prefix"):
            out.append((core, 2000, "nt"))
    out += [(name, 3000, "nt") for name in bodies["national_bodies"] if not name.startswith("_")]
    for alias, full in bodies["state_firms"].items():
        if not alias.startswith("_"):
            out += [(alias, 2000, "nt")] + ([(full, 2000, "nt")] if full else [])
    return out


def _provinces() -> list[list[str]]:
    rows = []
    for row in _rows(AGENCIES / "provinces.tsv"):
        row += [""] * (5 - len(row))
        if row[3] != "corps":                  # 新疆生产建设兵团 is a body, not a place with a government
            rows.append(row)
    return rows


def _places() -> list[tuple[str, int, str]]:
    """Prefecture-level cities (1500) and provinces (3000)."""
    out = []
    for name, _, _, _, cities in _provinces():
        out += [(c, 1500, "ns") for c in cities.split()]
        out.append((name, 3000, "ns"))
    return out


def _terms() -> list[tuple[str, int, str]]:
    return [(t.strip(), 2500, "n") for t in (HERE / "policy_terms.txt").read_text(encoding="utf-8").splitlines()
            if t.strip() and not t.startswith("#")]


def _governments() -> list[tuple[str, int, str]]:
    """People's governments of provinces and prefecture-level cities and their general offices (1000)."""
    out = []
    for name, _, _, _, cities in _provinces():
        for place in [name] + cities.split():
            out += [(place + o, 1000, "nt") for o in OFFICES]
    return out


def build() -> str:
    """The dictionary text: one `word frequency POS` a line, first occurrence of a word kept."""
    seen, lines = set(), []
    for word, freq, pos in _departments() + _bodies() + _places() + _terms() + _governments():
        if word not in seen:
            seen.add(word)
            lines.append(f"{word} {freq} {pos}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    target = HERE / "userdict.txt"
    text = build()
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") == text
        print("userdict.txt is current" if current else "userdict.txt differs from the data")
        return 0 if current else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({text.count(chr(10))} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
