"""Range questions about positions and spans in a text, each answered in O(log n) by bisection, so
the tagging loops over long texts stay linear (issue 11: a 5 MB text must not take minutes)."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterable, Sequence


def any_between(marks: Sequence[int], lo: int, hi: int) -> bool:
    """True where some mark m has lo <= m < hi (`marks` in ascending order)."""
    k = bisect_left(marks, lo)
    return k < len(marks) and marks[k] < hi


@dataclass(frozen=True)
class FirstFrom:
    """The first item, in list order, whose key is at least x: the running maximum of the keys is
    sorted, and it first reaches x at that very item."""
    reach: tuple[int, ...]

    @classmethod
    def of(cls, keys: Iterable[int]) -> "FirstFrom":
        return cls(tuple(accumulate(keys, max)))

    def index(self, x: int) -> int | None:
        k = bisect_left(self.reach, x)
        return k if k < len(self.reach) else None


@dataclass(frozen=True)
class SpanIndex:
    """Spans [start, end), sorted by start, with the running maximum of their ends: does any overlap?"""
    starts: tuple[int, ...]
    reach: tuple[int, ...]

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> "SpanIndex":
        ordered = sorted(spans)
        return cls(tuple(s for s, _ in ordered), tuple(accumulate((e for _, e in ordered), max)))

    def overlaps(self, start: int, end: int) -> bool:
        """True where some span has s < end and start < e."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start

    def covers(self, pos: int) -> bool:
        """True where some span has s <= pos < e."""
        return self.overlaps(pos, pos + 1)
