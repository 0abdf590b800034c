"""Dev-corpus access for the structure tests: raw texts (zs PDF dumps crudely pre-joined) and gold."""
from __future__ import annotations

import re
import sys
from functools import cache

from tests.corpus import DOC_IDS as DOCS, RAW, ROOT, load_gold, raw_text

__all__ = ["DOCS", "RAW", "prejoin", "raw", "gold", "norm", "similar"]

_LABEL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")


def prejoin(text: str) -> str:
    """Crude join of a PDF dump: drop blank lines, join a full-width wrapped line to the next one."""
    out: list[str] = []
    for line in (ln for ln in text.split("\n") if ln.strip()):
        prev = out[-1].strip() if out else ""
        if prev and len(prev) >= 24 and not re.search(r"[。：:；！？]$", prev) \
                and not _LABEL.match(line) and not _LABEL.match(prev):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


@cache
def raw(doc: str) -> str:
    text = raw_text(doc)
    return prejoin(text) if doc.startswith("zs-2024") else text


@cache
def gold(doc: str) -> dict:
    return load_gold(doc)


@cache
def _scorer():
    sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
    import score
    return score


def norm(s):
    """The scorer's loose string comparison key."""
    return _scorer().norm(s)


def similar(a, b) -> bool:
    """The scorer's title comparison."""
    return _scorer().similar(a, b)
