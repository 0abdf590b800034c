"""Where an agency name may begin: a cheap, exact prefilter for the agency scan.

parse_at is tried only where a name can start (a core at i, or a prefix at i with a core close enough
after it); elsewhere it would return None. The scan output is the same, several times faster
(tests/tagging/test_agency_candidates.py checks the filter against parse_at at every position).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Callable

from .agency_data import body_prefix, core_lexicon, generic_suffixes, level_prefixes, place_first_stops
from .agency_names import (MAX_FUNCTION_CHARS, _all_place_suffixes, _core_lengths_by_first, _cores_at,
                           _level_by_first, _local, _longest_place, _place_lengths_by_first, _place_names,
                           _stop_first_counties, _suffixes_by_first, is_cjk)

__all__ = ["candidate_starts"]


@cache
def _generic_suffix_starts_re():
    return re.compile("(?=" + "|".join(re.escape(w) for w, _ in generic_suffixes()) + ")")


@cache
def _max_step() -> int:
    """The longest single prefix _prefix_steps can read."""
    newplace = 4 + max(map(len, _all_place_suffixes()))
    return max(len(body_prefix("party")), len(body_prefix("national")), len(body_prefix("state")), _longest_place(),
               max(map(len, level_prefixes())), newplace)


@cache
def _extra_by_first(extra_places: frozenset[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in extra_places:
        out.setdefault(w[:1], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


def _fixed_prefix_at(s: str, p: int, extra_places: frozenset[str]) -> bool:
    """True where a prefix other than an unseen place (中共, a gazetteer place, a level word) begins at p."""
    first = s[p]
    if first in _fixed_firsts() and any(s.startswith(body_prefix(kind), p) for kind in ("party", "national", "state")):
        return True
    lengths = _place_lengths_by_first().get(first)
    if lengths:
        names = _place_names()
        for n in lengths:
            if s[p:p + n] in names:
                return True
    for w in (*_extra_by_first(extra_places).get(first, ()), *_stop_first_counties().get(first, ())):
        if s.startswith(w, p):
            return True
    for w in _level_by_first().get(first, ()):
        if s.startswith(w, p):
            return True
    return False


@cache
def _fixed_firsts() -> frozenset[str]:
    """First characters of the fixed prefixes 中共, 国家 and 中华人民共和国."""
    return frozenset(body_prefix(kind)[:1] for kind in ("party", "national", "state"))


@cache
def _bare_ok(kind: str, key: str) -> bool:
    """True where a core may stand with no prefix at all (a 委 or 街道办事处 needs one)."""
    spec = _local(key) if kind == "local" else {}
    return not (spec.get("needs_prefix") or spec.get("needs_place") or spec.get("place_ends"))


@cache
def _core_heads() -> tuple[frozenset[str], frozenset[str]]:
    """(one-character cores, first two characters of longer cores): a cheap test for a core start."""
    lex = core_lexicon()
    return frozenset(w for w in lex if len(w) == 1), frozenset(w[:2] for w in lex if len(w) >= 2)


@cache
def _char_class(chars: frozenset[str]):
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@cache
def _prefix_firsts(extra_places: frozenset[str]) -> frozenset[str]:
    firsts = set(_place_lengths_by_first()) | set(_level_by_first()) | {w[:1] for w in extra_places if w} \
        | set(_stop_first_counties())
    return frozenset(firsts | {body_prefix("party")[0], body_prefix("national")[0]})


def candidate_starts(s: str, extra_places: frozenset[str], left_ok: Callable[[str, int], bool]) -> list[int]:
    """Positions where parse_at(s, i, extra_places, left_ok(s, i)) may find a name; it is None elsewhere.

    A name is a core at i, or a prefix at i (a fixed one, or an unseen place after a boundary with
    its suffix 2-4 characters on) with a core within three prefix lengths; testing that first lets a
    scan skip most positions (same output, several times faster).
    """
    singles, heads = _core_heads()
    core_firsts = _char_class(frozenset(_core_lengths_by_first()))
    found = [(q, hits) for q in (m.start() for m in core_firsts.finditer(s))
             if (s[q:q + 2] in heads or s[q] in singles) for hits in (_cores_at(s, q),) if hits]
    cores = [q for q, _ in found]
    gen_starts = [m.start() for m in _generic_suffix_starts_re().finditer(s)]
    reach = 3 * _max_step()
    out = {q for q, hits in found if any(_bare_ok(kind, key) for _, kind, key in hits)}

    n_cores, n_gen = len(cores), len(gen_starts)

    def core_near(i: int) -> bool:
        k = bisect_left(cores, i + 1)
        if k < n_cores and cores[k] <= i + reach:
            return True
        k = bisect_left(gen_starts, i + 2)
        return k < n_gen and gen_starts[k] <= i + reach + MAX_FUNCTION_CHARS

    for m in _char_class(_prefix_firsts(extra_places)).finditer(s):
        i = m.start()
        if i not in out and core_near(i) and _fixed_prefix_at(s, i, extra_places):
            out.add(i)
    stops = place_first_stops()
    for m in _char_class(frozenset(_suffixes_by_first())).finditer(s):
        for i in range(max(0, m.start() - 4), m.start() - 1):
            if i not in out and is_cjk(s[i]) and s[i] not in stops and core_near(i) and left_ok(s, i):
                out.add(i)
    return sorted(out)
