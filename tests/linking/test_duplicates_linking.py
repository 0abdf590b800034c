"""Reposts of one notice are one group; revisions and different notices are not; no all-pairs comparison."""
from __future__ import annotations

import itertools
import random

import pytest

from pipeline.linking.duplicates import LSHIndex, estimated_jaccard, group_duplicates, signature, similar_pairs
from pipeline.linking.normalise import normalise_text
from pipeline.linking.summary import DocSummary
from tests.corpus import DOC_IDS
from tests.linking.sketch import corpus_records, variant_records


def _pairwise(groups: dict[str, str]) -> set[frozenset]:
    by = {}
    for doc, g in groups.items():
        by.setdefault(g, []).append(doc)
    return {frozenset(p) for members in by.values() for p in itertools.combinations(members, 2)}


def test_reposts_grouped_with_precision_and_recall_at_least_095():
    variants, records = variant_records()
    groups = group_duplicates([DocSummary.from_record(r) for r in records])
    predicted = _pairwise({m: g.document_id for g in groups for m in g.members})
    truth = _pairwise({v.id: v.base if v.kind in ("original", "repost") else v.id for v in variants})
    tp = len(predicted & truth)
    precision, recall = tp / len(predicted), tp / len(truth)
    assert len(truth) == len(DOC_IDS) * 6           # every notice, 4 copies each
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    revisions = {v.id for v in variants if v.kind == "revision"}
    assert revisions and all(len(g.members) == 1 for g in groups if g.document_id in revisions)
    assert len(groups) == len(DOC_IDS) + len(revisions)   # counted once each


@pytest.mark.parametrize("form", ["rewrap", "chrome", "traditional", "pages"])
def test_each_repost_form_normalises_to_nearly_the_same_text(form):
    from make_variants import add_chrome, add_page_numbers, rewrap, to_traditional
    rng = random.Random(3)
    base = corpus_records()[-1].text                     # the Zhongshan measures notice
    change = {"rewrap": lambda t: rewrap(t, rng), "chrome": lambda t: add_chrome(t, rng),
              "traditional": to_traditional, "pages": lambda t: add_page_numbers(t, rng)}[form]
    j = estimated_jaccard(signature(normalise_text(base)), signature(normalise_text(change(base))))
    assert j >= 0.9                                       # the same-notice threshold is 0.8


def test_chrome_and_page_numbers_are_removed_before_shingling():
    text = ("当前位置：首页 > 政务公开\n發布時間：2019-03-02 信息來源：市政府辦公室\n【字体：大 中 小】\n"
            "各区人民政府：\n— 3 —\n现将有关事项通知如下。\n第 2 页 共 5 页\n【打印本页】【关闭窗口】")
    assert normalise_text(text) == "各区人民政府现将有关事项通知如下"


def test_distinct_notices_of_one_genre_stay_apart():
    records = corpus_records()
    sigs = [signature(DocSummary.from_record(r).text) for r in records]
    worst = max(estimated_jaccard(a, b) for a, b in itertools.combinations(sigs, 2))
    assert worst < 0.3


def test_lsh_compares_only_colliding_documents():
    from make_variants import generated_corpus
    variants = generated_corpus(400, seed=5)
    index, compared = LSHIndex(), 0
    for v in variants:
        compared += len(index.add(v.id, signature(normalise_text(v.text))))
    assert compared < 0.01 * len(variants) ** 2 / 2      # vs 79,800 pairs for all-pairs


def test_similar_but_redated_text_is_a_revision_not_a_repost():
    base = corpus_records()[-1]
    a = DocSummary.from_record(base)
    b = DocSummary(**{**a.__dict__, "id": "later", "date": "2026-04-15"})
    [pair] = similar_pairs([a, b])
    assert pair.jaccard > 0.95 and not pair.same_notice and pair.conflict == "date"
