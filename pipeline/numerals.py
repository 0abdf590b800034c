"""Numbers as Chinese documents write them: Arabic, full-width, Chinese numerals, 万/亿 magnitudes.

Shared by every stage that reads numbers: headings and dates (clean, structure) and amounts (tagging).
"""
from __future__ import annotations

import json
import math
import re
from functools import cache

from .settings import MODELS

UNITS_FILE = MODELS / "lexicons" / "units.json"

# Full-width digits and signs -> ASCII, one character for one (offsets stay valid).
HALF_WIDTH = str.maketrans("０１２３４５６７８９．，％～－", "0123456789.,%~-")

_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


@cache
def units() -> dict:
    """The numerals, magnitudes and currencies of models/lexicons/units.json (read once)."""
    return json.loads(UNITS_FILE.read_text(encoding="utf-8"))


@cache
def _tables() -> tuple[dict, dict, dict, str]:
    u = units()
    return u["digits"], u["small_units"], u["big_units"], u["decimal_point"]


def _parse_small(s: str) -> float | None:
    """A number below 万: Arabic (3.5), Chinese (一千五百, 十二, 零点五) or mixed (3千)."""
    digits, small, _, point = _tables()
    if not s:
        return None
    m = _ARABIC.fullmatch(s)
    if m:
        return float(s.replace(",", ""))
    if point in s:
        whole, _, frac = s.partition(point)
        if not whole or not frac or any(c not in digits for c in frac):
            return None
        w = _parse_small(whole)
        if w is None:
            return None
        return w + float("0." + "".join(str(digits[c]) for c in frac))
    if all(c in digits for c in s):                 # digit by digit: 二〇〇九, 二OO九
        return float("".join(str(digits[c]) for c in s))
    total, number = 0.0, None
    i = 0
    while i < len(s):
        c = s[i]
        if c in digits:
            number = float(digits[c]) if number is None or digits[c] else number
        elif c in small:
            total += (1.0 if number is None else number) * small[c]
            number = None
        else:
            m = _ARABIC.match(s, i)
            if not m:
                return None
            number = float(m.group().replace(",", ""))
            i = m.end()
            continue
        i += 1
    return total + (number or 0.0)


@cache
def max_chars() -> int:
    """The longest figure read as a number (models/lexicons/units.json, limits)."""
    return units()["limits"]["max_chars"]


def parse_number(s: str) -> float | None:
    """The value of a written number: '1,200', '３．５', '五十万', '一千五百万', '两亿', '1.2亿', '二OO九';
    None for what is no number, or longer than max_chars(), or too large for a float."""
    if not s:
        return None
    s = "".join(s.translate(HALF_WIDTH).split())
    if len(s) > max_chars():
        return None
    value = _parse_big(s)
    return value if value is None or math.isfinite(value) else None


def _parse_big(s: str) -> float | None:
    """parse_number of a figure without white space: 万 and 亿 split it, the largest first."""
    _, _, big, _ = _tables()
    for unit in sorted(big, key=big.get, reverse=True):   # 亿 before 万: 三万亿 = 3万 × 亿
        if unit in s:
            head, _, tail = s.rpartition(unit)
            h = parse_number(head)
            if h is None:
                return None
            t = parse_number(tail) if tail else 0.0
            if t is None:
                return None
            if tail and t < 10 and _is_bare_digit(tail):   # 一万五 = 15000
                t *= big[unit] / 10
            return h * big[unit] + t
    return _parse_small(s)


def _is_bare_digit(s: str) -> bool:
    digits, _, _, _ = _tables()
    return len(s) == 1 and s in digits and digits[s] > 0


def cn_int(s: str) -> int | None:
    """A whole number as headings and dates write it (十五 -> 15, 二〇二五 -> 2025), else None."""
    value = parse_number(s.strip()) if s else None
    return int(value) if value is not None and value == int(value) else None
