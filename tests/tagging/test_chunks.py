"""Long texts tagged in chunks (issue 11: no length limit that fails): the cuts, and spans near them found
once, at their offsets in the whole text, as tagging the text whole finds them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extraction import extract
from pipeline.structure import parse_structure
from pipeline.tagging.chunks import CHUNK_CHARS, chunk_bounds, tag_spans, windows
from pipeline.tagging.flow import jurisdiction_of, tag_text
from pipeline.tagging.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[2]


def _covers(text: str, bounds: list[tuple[int, int]], size: int) -> None:
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b <= a + size for a, b in bounds)
    assert all(b == c for (_, b), (c, _) in zip(bounds, bounds[1:]))


def test_chunks_cover_the_text_and_end_after_a_line_break():
    text = "".join(f"第{i}行，对企业给予奖励。\n" for i in range(2000))
    bounds = chunk_bounds(text, 1000)
    _covers(text, bounds, 1000)
    assert all(text[b - 1] == "\n" for _, b in bounds)


def test_chunks_prefer_a_blank_line_then_a_sentence_end_then_any_cut():
    para = "对企业给予奖励。\n" * 10 + "\n"
    text = para * 40
    bounds = chunk_bounds(text, 500)
    _covers(text, bounds, 500)
    assert all(text[b - 2:b] == "\n\n" for _, b in bounds[:-1])
    line = "对企业给予奖励。" * 1000                       # one line: cut after a sentence end
    bounds = chunk_bounds(line, 700)
    _covers(line, bounds, 700)
    assert all(line[b - 1] == "。" for _, b in bounds[:-1])
    run = "a" * 10_000                                    # nothing to cut at: cut where full
    assert chunk_bounds(run, 3000) == [(0, 3000), (3000, 6000), (6000, 9000), (9000, 10_000)]


def test_each_chunk_is_tagged_with_whole_lines_of_context():
    text = "".join(f"第{i}行\n" for i in range(5000))
    for start, end, lo, hi in windows(text, 2000, margin=300):
        assert lo <= start - 300 or lo == 0
        assert hi >= end + 300 or hi == len(text)
        assert lo == 0 or text[lo - 1] == "\n"
        assert hi == len(text) or text[hi] == "\n"


def _corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "raw").glob("*.txt"))]
    return "\n".join(texts)


@pytest.mark.parametrize("size, margin", [(2000, 400), (5000, 2000)])
def test_tagging_in_chunks_finds_what_tagging_whole_finds(size, margin):
    text = _corpus()
    structure = parse_structure(text)
    j = jurisdiction_of(text, structure)

    def spans(**kw):
        return sorted((e.label, e.start, e.end, e.text, repr(sorted(e.attrs.items())))
                      for e in tag_spans(text, structure, j, **kw))

    whole = spans(size=len(text) + 1)
    assert len(whole) > 400
    assert spans(size=size, margin=margin) == whole


def test_tagging_without_spacy_finds_what_the_spacy_pipeline_finds():
    text = (ROOT / "corpora" / "raw" / "zs-2025-wenwaimao-measures.txt").read_text(encoding="utf-8")
    doc = load_nlp()(text)
    tagged = tag_text(text)
    assert load_nlp().max_length == CHUNK_CHARS
    key = lambda e: (e.label, e.start, e.end, e.text, repr(sorted(e.attrs.items())))
    assert sorted(map(key, tagged.entities)) == sorted(map(key, doc._.entities))
    assert tagged.measures == doc._.measures and tagged.structure == doc._.structure


def test_a_span_across_a_cut_where_nothing_marks_one_is_found_once():
    text = "由市商务局负责对企业给予最高50万元奖励" * 300        # no line break, sentence or clause mark
    structure = parse_structure(text)
    j = jurisdiction_of(text, structure)

    def spans(**kw):
        return sorted((e.label, e.start, e.end, repr(sorted(e.attrs.items())))
                      for e in tag_spans(text, structure, j, **kw))

    whole = spans(size=len(text) + 1)
    assert len(whole) == 600
    assert chunk_bounds(text, 1000)[0] == (0, 1000)              # cut inside 最高50万元 (at 995-1001)
    assert spans(size=1000, margin=300) == whole


GLUED = "由市商务局负责对企业给予最高50万元奖励"       # no mark a chunk could end after
PERIOD = GLUED + "x" * 80


def _long_text(chunks: int) -> tuple[str, int]:
    """Lines of filler, and around every multiple of CHUNK_CHARS a line of 300,000 characters with a unit
    every 100 characters and no mark to cut after: the chunk is cut there where it is full, inside the
    amount of a unit. Returns the text and how many units it holds."""
    parts, size, units = [], 0, 0
    for k in range(1, chunks):
        cut = k * CHUNK_CHARS
        start = cut - 250_000
        start -= (cut - start - GLUED.index("最高") - 3) % len(PERIOD)      # the cut falls inside 最高50万元
        while size + 1000 <= start:
            parts.append("x" * 999 + "\n")
            size += 1000
        line = PERIOD * (300_000 // len(PERIOD))
        parts.append("x" * (start - size) + line + "\n")
        size, units = start + len(line) + 1, units + 300_000 // len(PERIOD)
    while size < chunks * CHUNK_CHARS:
        parts.append("x" * 999 + "\n")
        size += 1000
    return "".join(parts), units


@pytest.mark.slow
def test_a_6m_character_text_gives_a_record_with_every_span_once_at_its_offset(tmp_path):
    text, units = _long_text(6)
    assert len(text) >= 6_000_000
    assert [b for _, b in chunk_bounds(text)][:5] == [k * CHUNK_CHARS for k in range(1, 6)]   # cut where full
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    record = extract(path, isolate=False)
    assert record.error is None and len(record.text) >= 6_000_000
    starts = [m.start() for m in re.finditer(GLUED, record.text)]
    assert len(starts) == units
    a, m = GLUED.index("市商务局"), GLUED.index("最高")
    expected = {("AGENCY", u + a, u + a + 4) for u in starts} | {("MONEY", u + m, u + m + 6) for u in starts}
    found = [(e.label, e.start, e.end) for e in record.entities]
    assert len(found) == len(set(found)) and set(found) == expected
    assert all(record.text[e.start:e.end] == e.text for e in record.entities)
    money = [e for e in record.entities if e.label == "MONEY"]
    assert {(e.attrs["amount"], e.attrs["role"]) for e in money} == {(500000, "cap")}
