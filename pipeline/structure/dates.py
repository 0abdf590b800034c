"""Written dates to ISO 8601: 2025年4月15日, 二〇二五年四月十五日, 二OO九年十月二十日; validity periods."""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import data, date_pattern, pattern, rx
from ..numerals import cn_int


_ZEROS = str.maketrans("0OＯo", "〇〇〇〇")


def parse_date(s: str, numeric: bool = False) -> str | None:
    """The ISO date of the first written date in `s`, or None; `numeric` also reads 2025-05-13
    (the form of a site's metadata fields)."""
    p = data("patterns")
    for key in ("date_arabic", "date_chinese") + (("date_numeric",) if numeric else ()):
        m = rx(p[key]["pattern"]).search(s)
        if m:
            year = m.group("y")
            if not year.isascii():                 # 二0一七: a zero typed as a digit among numerals
                year = year.translate(_ZEROS)
            y, mo, d = cn_int(year), cn_int(m.group("m")), cn_int(m.group("d"))
            try:
                return dt.date(y, mo, d).isoformat()
            except (TypeError, ValueError):
                continue
    return None


def bare_date(line: str) -> str | None:
    """The date of a signature line whose 年月日 were lost in copying ('2017919', '{ 2017 6 23'); where
    two readings are valid ('2019116': 1月16日 or 11月6日) the one-digit month, else None."""
    readings = bare_date_readings(line)
    return readings[0] if readings else None


def bare_date_readings(line: str) -> list[str]:
    """Every valid reading of a signature date that lost its 年月日, one-digit month first; a day or month
    written with a leading zero is no reading (年月日 are never zero-padded: '2025106' is 10月6日)."""
    m = pattern("date_bare").match(line.strip())
    if not m:
        return []
    y = int(m.group("y"))
    if m.group("m"):
        splits = [(m.group("m"), m.group("d"))]
    else:
        md = m.group("md")
        splits = [(md[:k], md[k:]) for k in (1, 2) if 0 < k < len(md) and len(md) - k <= 2]
        splits = [(mo, d) for mo, d in splits if not (mo.startswith("0") or d.startswith("0"))] or splits
    valid = []
    for mo, d in splits:
        try:
            valid.append(dt.date(y, int(mo), int(d)).isoformat())
        except ValueError:
            pass
    return valid


def is_date_line(line: str) -> bool:
    """True where a line is nothing but a written date (a 成文日期 line), perhaps with its
    公开方式 note: 2021年1月5日（此件公开发布）."""
    tail = data("patterns")["date_line_tail"]["pattern"]
    return bool(rx(r"^\s*" + date_pattern() + r"\s*(?:" + tail + r")?\s*$").match(line))


def _add_years(iso: str, years: int) -> str:
    d = dt.date.fromisoformat(iso)
    try:
        end = d.replace(year=d.year + years)
    except ValueError:                                  # 29 February
        end = d.replace(year=d.year + years, day=28)
    return (end - dt.timedelta(days=1)).isoformat()


def effective_period(text: str, issue_date: str | None) -> tuple[str | None, str | None]:
    """(effective_from, effective_to) from validity clauses: 自印发之日起实施, 至…止, 有效期N年."""
    start = end = None
    if pattern("effective", "from_issue").search(text):
        start = issue_date
    m = pattern("effective", "from_date").search(text)
    if m and start is None:
        start = parse_date(m.group("date"))
    for m in pattern("effective", "to_date").finditer(text):
        if m.group("stop") or m.group("cue").startswith("有效期"):
            end = parse_date(m.group("date"))
            break
    m = pattern("effective", "years").search(text)
    if m and end is None and start:
        n = cn_int(m.group("n"))
        if n:
            end = _add_years(start, n)
    return start, end


def iso_day(value: str) -> str | None:
    """A date given as YYYY-MM-DD (a query's in-force day), else None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None
