"""Property values as export text: one type per column, whole numbers without a `.0`, non-whole ones exact."""
from __future__ import annotations

import json
import re
from typing import Iterable

_LONG = 2 ** 63
_SURROGATE = re.compile("[\ud800-\udfff]")


def kind(value) -> str:
    """'boolean', 'long' (an int or a whole float), 'double' or 'string' (anything else, lists and dicts too)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        whole = isinstance(value, int) or value.is_integer()
        return "long" if whole and -_LONG <= value < _LONG else "double"
    return "string"


def column_type(values: Iterable) -> str:
    """The one type all the values (None left out) fit: boolean, long, double or string."""
    kinds = {kind(v) for v in values if v is not None}
    if kinds == {"boolean"}:
        return "boolean"
    if kinds and kinds <= {"long", "double"}:
        return "double" if "double" in kinds else "long"
    return "string"


def number_text(value: int | float) -> str:
    """`200000000` for 200000000.0, `0.5` for 0.5: whole numbers as integers, others as their shortest exact form."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def text(value) -> str:
    """A value as text: booleans as true/false, numbers by number_text, lists and dicts as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def utf8(s: str) -> str:
    """The text with any lone surrogate (which UTF-8 cannot encode) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", s)


def plain(value):
    """A JSON-ready copy with whole floats as ints (in lists and dicts too)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
