"""Chinese numerals as written in headings and dates: 十五 -> 15, 二〇二五 -> 2025, 二OO九 -> 2009."""
from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3,
          "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_int(s: str) -> int | None:
    """The value of a Chinese (or Arabic) numeral below 10000; None if it is not one."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in DIGITS for c in s):                 # digit by digit: 二〇二五
        return int("".join(str(DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in DIGITS:
            current = DIGITS[c]
        elif c in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return total + current
