"""Reposts read back through the real extractor (text and PDF) group with their original (issue 6)."""
from __future__ import annotations

import random

import pytest

from pipeline.linking.duplicates import group_duplicates
from pipeline.linking.normalise import normalise_text
from pipeline.linking.summary import DocSummary, figures_agree, figures_of
from tests.linking.sketch import corpus_records  # noqa: F401  (puts corpora/ on sys.path)

# The pinyin-noise notice and the long reply: their reposts split into several groups before the fix.
DOCS = ("shanghai-2017-notice-noisy", "zs-2024-reply-133089")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """{variant id: Record} of both documents' originals, text reposts and PDF reposts, as `make_variants` makes them."""
    try:
        from make_variants import real_documents, variants_of
        from pipeline.extraction import extract
        from render_pdf import render
    except ImportError as exc:
        pytest.skip(f"extractor or generator not available: {exc}")
    out = tmp_path_factory.mktemp("reposts")
    # The same random stream as `make_variants.py OUT --pdf` (seed 7, every document in order).
    variants = variants_of([(i, t, None) for i, t in real_documents()], random.Random(7))
    records = {}
    for v in variants:
        if v.base not in DOCS or v.kind == "revision":
            continue
        path = out / f"{v.id}.txt"
        path.write_text(v.text, encoding="utf-8")
        records[v.id] = extract(path, isolate=False)
        if v.kind == "repost":
            pdf = out / f"{v.id}.pdf"
            render(v.text, str(pdf), preformatted="rewrap" in v.forms)
            records[f"{v.id}.pdf"] = extract(pdf, isolate=False)
    for key, r in records.items():
        assert not r.error, (key, r.error)
        r.id = key                          # the sha-based id is the same for a repost and its copy
    return records


@pytest.mark.parametrize("doc", DOCS)
def test_all_seven_sources_of_a_notice_are_one_group(extracted, doc):
    records = list(extracted.values())
    groups = group_duplicates([DocSummary.from_record(r) for r in records])
    group = next(g for g in groups if doc in g.members)
    assert sorted(group.members) == sorted(k for k in extracted if k.startswith(doc))
    assert len(group.members) == 7                       # original + 3 text + 3 PDF reposts
    assert len(groups) == len(DOCS)                      # and the two notices never merge


@pytest.mark.parametrize("text, expected", [
    # a re-wrap that splits a pinyin gloss across lines (noise injected by a reposting site)
    ("本市加强(qiá\nng)政务诚信建设的实(s\nhí)施意见", "本市加强政务诚信建设的实施意见"),
    ("關於加強(qi\náng)營商環境建設", "关于加强营商环境建设"),
    # a '— n —' page number that extraction glued into a sentence
    ("同时提—1—\n案也指出", "同时提案也指出"),
    ("鼓励企业积 - 7 -极转化", "鼓励企业积极转化"),
    # a range is not a page number
    ("实施期限为2024—2026年", "实施期限为20242026年"),
    # bare-number lines: wrapped figure pieces are kept, a page sequence is dropped
    ("带动企业研发投入近6\n0\n亿元", "带动企业研发投入近60亿元"),
    ("提供智能改造方案\n6700\n余套", "提供智能改造方案6700余套"),
    ("第一条\n1\n第二条\n2\n第三条\n3\n第四条", "第一条第二条第三条第四条"),
])
def test_normalise_text_survives_wrapping_and_page_numbers(text, expected):
    assert normalise_text(text) == expected


@pytest.mark.parametrize("a, b, agree", [
    (("50万元", "60亿元"), ("50万元", "60亿元"), True),
    (("50万元", "60亿元"), ("50万元", "6亿元"), True),          # a wrapped '0' line lost in extraction
    (("1500万元",), ("150万元",), True),
    (("50万元",), ("100万元",), False),                         # a revision doubles a cap
    (("1000万元",), ("1500万元",), False),
    (("30%",), ("3万元",), False),                              # a different unit is a different figure
    (("20万元", "30%"), ("20万元",), False),                    # a figure gone entirely
    (("12%",), ("2%",), True),                                  # percentages alike
    (("20万元", "60亿元"), ("20万元", "亿元"), True),            # the whole number's line lost
    (("60亿元",), ("万元",), False),
])
def test_figures_agree_tolerates_lost_digits_only(a, b, agree):
    assert figures_agree(tuple(sorted(a)), tuple(sorted(b))) is agree
    assert figures_agree(tuple(sorted(b)), tuple(sorted(a))) is agree


@pytest.mark.parametrize("text, expected", [
    ("最高奖励50万元补贴比例30%", ("30%", "50万元")),
    ("研发投入近亿元", ("亿元",)),                             # digits lost in extraction: the unit stays
    ("给予1.5亿美元授信", ("1.5亿美元",)),
])
def test_figures_of_keeps_amounts_and_orphaned_units(text, expected):
    assert figures_of(text) == expected
