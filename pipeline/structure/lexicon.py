"""The structure stage's language data (models/structure/*.json), loaded once and compiled."""
from __future__ import annotations

import json
import re
from functools import cache

from ..settings import MODELS

DATA_DIR = MODELS / "structure"


@cache
def data(name: str) -> dict:
    """The parsed JSON file models/structure/<name>.json."""
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@cache
def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """A compiled regular expression, cached by pattern."""
    return re.compile(pattern, flags)


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def date_pattern() -> str:
    """One pattern for a written date (Arabic or Chinese numerals), without named groups."""
    p = data("patterns")
    return "(?:" + _unnamed(p["date_arabic"]["pattern"]) + "|" + _unnamed(p["date_chinese"]["pattern"]) + ")"


@cache
def doc_number_pattern() -> str:
    """The doc number pattern (patterns.json doc_number) without named groups."""
    return "(?:" + _unnamed(data("patterns")["doc_number"]["pattern"]) + ")"


@cache
def expand(text: str) -> str:
    """A data pattern with its placeholders filled: DATE (a written date), DOCNO (a doc number)."""
    return text.replace("DATE", date_pattern()).replace("DOCNO", doc_number_pattern())


@cache
def pattern(section: str, key: str = "pattern") -> re.Pattern:
    """The compiled pattern models/structure/patterns.json[section][key], DATE and DOCNO expanded."""
    return rx(expand(data("patterns")[section][key]))


@cache
def words(name: str, *path: str) -> tuple[str, ...]:
    """A word list from a data file, longest first so that longer cues win."""
    node = data(name)
    for key in path:
        node = node[key]
    return tuple(sorted(node, key=len, reverse=True))
