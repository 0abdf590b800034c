"""Query-string parameters read the same way by the pages and the JSON API (a bad value is a 400 saying why)."""
from __future__ import annotations


from starlette.datastructures import QueryParams

from ..graph.queries import CAPS_ORDERS
from ..structure.dates import iso_day

PAGE_ROWS = 100           # caps shown on one page of the caps table


class BadValue(ValueError):
    """A parameter whose value cannot be read; its message names the parameter and what it wants."""


def _text(params: QueryParams, name: str) -> str | None:
    value = (params.get(name) or "").strip()
    return value or None


def iso_date(value: str | None, name: str = "on") -> str | None:
    if value is None:
        return None
    day = iso_day(value)
    if day is None:
        raise BadValue(f"{name} wants a date as YYYY-MM-DD (e.g. 2025-06-30), not {value!r}")
    return day


def number(value: str | None, name: str, whole: bool = False, least: float | None = None):
    if value is None:
        return None
    try:
        got = int(value) if whole else float(value.replace(",", ""))
    except ValueError:
        raise BadValue(f"{name} wants {'a whole number' if whole else 'a number'}, not {value!r}") from None
    if got != got or got in (float("inf"), float("-inf")) or (least is not None and got < least):
        raise BadValue(f"{name} wants a number{f' of at least {least:g}' if least is not None else ''}, "
                       f"not {value!r}")
    return got


def caps_question(params: QueryParams) -> dict:
    """The filters of the caps table: min (yuan), agency (any name), on (in force that day), type, year."""
    return {"min_amount": number(_text(params, "min"), "min", least=0), "agency_name": _text(params, "agency"),
            "in_force_on": iso_date(_text(params, "on")), "doc_type": _text(params, "type"),
            "year": number(_text(params, "year"), "year", whole=True)}


def caps_order(params: QueryParams) -> tuple[str, bool | None]:
    """The column the caps are sorted by and whether downwards (None: that column's usual way)."""
    sort = _text(params, "sort") or "amount"
    if sort not in CAPS_ORDERS:
        raise BadValue(f"sort wants one of {', '.join(CAPS_ORDERS)}, not {sort!r}")
    order = _text(params, "order")
    if order not in (None, "asc", "desc"):
        raise BadValue(f"order wants asc or desc, not {order!r}")
    return sort, None if order is None else order == "desc"


def page_number(params: QueryParams) -> int:
    return number(_text(params, "page"), "page", whole=True, least=1) or 1


def depth(params: QueryParams) -> int:
    got = number(_text(params, "depth"), "depth", whole=True) or 1
    if got not in (1, 2):
        raise BadValue(f"depth wants 1 or 2, not {got}")
    return got


def runs(params: QueryParams, default: int = 5, most: int = 50) -> int:
    """How many of the latest ingest runs a what's-new page or feed shows."""
    return min(number(_text(params, "runs"), "runs", whole=True, least=1) or default, most)


def limit(params: QueryParams, default: int = 10, most: int = 100) -> int:
    got = number(_text(params, "limit"), "limit", whole=True, least=1) or default
    return min(got, most)


def text(params: QueryParams, name: str) -> str | None:
    return _text(params, name)
