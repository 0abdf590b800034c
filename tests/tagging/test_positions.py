"""positions: range questions by bisection answer as a scan of every item would."""
from __future__ import annotations

import random

from pipeline.tagging.positions import FirstFrom, SpanIndex, any_between


def test_answers_match_a_scan():
    rng = random.Random(11)
    for _ in range(300):
        marks = sorted(rng.sample(range(60), rng.randint(0, 12)))
        keys = [rng.randrange(60) for _ in range(rng.randint(0, 12))]
        spans = [(s, s + rng.randint(0, 8)) for s in (rng.randrange(60) for _ in range(rng.randint(0, 8)))]
        first, index = FirstFrom.of(keys), SpanIndex.of(spans)
        for lo in range(-2, 62):
            for hi in (lo, lo + 1, lo + 5):
                assert any_between(marks, lo, hi) == any(lo <= m < hi for m in marks)
                assert index.overlaps(lo, hi) == any(s < hi and lo < e for s, e in spans)
            assert first.index(lo) == next((i for i, k in enumerate(keys) if k >= lo), None)
            assert index.covers(lo) == any(s <= lo < e for s, e in spans)
