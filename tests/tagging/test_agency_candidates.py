"""The candidate prefilter of the agency scan skips only positions where parse_at finds nothing (same output)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.tagging.agencies import _left_ok, compact_view
from pipeline.tagging.agency_candidates import candidate_starts
from pipeline.tagging.agency_names import is_cjk, juris_places, parse_at
from pipeline.tagging.jurisdiction import Jurisdiction, infer_jurisdiction

ROOT = Path(__file__).resolve().parent.parent.parent
TEXTS = sorted([*ROOT.glob("corpora/raw/*.txt"), *ROOT.glob("tests/fixtures/invented/*.txt")])


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_candidates_cover_every_parse(path):
    text = path.read_text(encoding="utf-8")
    j = infer_jurisdiction(text, None, None, None)
    s = compact_view(text).text
    extra = juris_places(j)
    found = {i for i in range(len(s)) if is_cjk(s[i]) and parse_at(s, i, extra, _left_ok(s, i)) is not None}
    assert found <= set(candidate_starts(s, extra, _left_ok))


@pytest.mark.parametrize("text, j", [
    ("国家疾控局、中共苏州市委、甘泉县乡村振兴局、五常街道办事处，济源示范区管委会", Jurisdiction()),
    ("（区科技局牵头，区财政局、区人社局配合）", Jurisdiction(city="金华市", county="婺城区", level="county")),
    ("人行福州中心支行、中国信保广东分公司东莞办事处、市公安局交警支队", Jurisdiction(city="福州市", level="city")),
])
def test_candidates_cover_inline_names(text, j):
    s = compact_view(text).text
    extra = juris_places(j)
    found = {i for i in range(len(s)) if parse_at(s, i, extra, _left_ok(s, i)) is not None}
    assert found and found <= set(candidate_starts(s, extra, _left_ok))
