"""Proposal 133089's four responses find the later Zhongshan measures that act on them, with evidence."""
from __future__ import annotations

import pytest

from pipeline.linking.followup import (FollowupModel, corpus_fingerprint, followup_edges, followup_queries,
                                       format_followup, policy_words)
from pipeline.types import Measure, Meta, Record
from tests.linking.sketch import corpus_records


@pytest.fixture(scope="module")
def corpus():
    records = list(corpus_records())
    return records, FollowupModel.fit(records)


@pytest.fixture(scope="module")
def reply(corpus):
    return next(r for r in corpus[0] if r.id == "zs-2024-reply-133089")


def _top(model, reply, label, k=3):
    query = next(q for q in followup_queries(reply) if q.label == label)
    return model.rank(query)[:k]


@pytest.mark.parametrize("label, expected_in_top3, term", [
    ("一", "推动产业转型升级", "转型"),                       # 创新为本，分类发展: technical upgrading
    ("二", "加大出口信用保险惠企额度", "出口信用保险"),       # 内需为主，精准对接: credit insurance, domestic sales
    ("三", "促进跨境电商发展", "跨境电商"),                   # 用好规则，做大市场: cross-border e-commerce
    ("四", "促进科技成果转化应用", "科技成果"),               # 引育结合，人才驱动: universities, research
])
def test_each_response_ranks_the_measures_acting_on_it(corpus, reply, label, expected_in_top3, term):
    ranked = _top(corpus[1], reply, label)
    assert expected_in_top3 in [r.measure.title for r in ranked]
    hit = next(r for r in ranked if r.measure.title == expected_in_top3)
    assert term in hit.evidence
    assert [r.rank for r in ranked] == [1, 2, 3] and ranked[0].score >= ranked[-1].score > 0.05
    assert all(r.measure.doc_id == "zs-2025-wenwaimao-measures" for r in ranked)


def test_only_same_jurisdiction_measures_issued_after_the_reply(corpus, reply):
    records, model = corpus
    query = followup_queries(reply)[0]
    ranked = model.rank(query, top_k=100)
    assert ranked and {r.measure.jurisdiction for r in ranked} == {"中山市"}
    assert all(r.measure.date > "2024-07-10" for r in ranked)
    earlier = Record(id="old", source={}, meta=Meta(title="中山市旧措施", issuer="中山市人民政府", date="2023-01-01"),
                     text="一、发展跨境电商。支持跨境电商产业带。", measures=[Measure("一", "发展跨境电商", 0, 20)])
    elsewhere = Record(id="jm", source={}, meta=Meta(title="江门市措施", issuer="江门市人民政府", date="2025-01-01"),
                       text="一、发展跨境电商。支持跨境电商产业带。", measures=[Measure("一", "发展跨境电商", 0, 20)])
    model2 = FollowupModel.fit(records + [earlier, elsewhere])
    docs = {r.measure.doc_id for r in model2.rank(query, top_k=100)}
    assert "old" not in docs and "jm" not in docs


def test_edges_carry_score_rank_evidence_and_provenance(corpus, reply):
    edges = followup_edges(corpus[1], [reply])
    assert {e.source for e in edges} == {"proposal:133089"} | {f"zs-2024-reply-133089#response:{x}" for x in "一二三四"}
    e = edges[0]
    assert e.type == "FOLLOWED_UP_BY" and e.target.startswith("zs-2025-wenwaimao-measures#measure:")
    assert e.attrs["rank"] == 1 and e.attrs["evidence"] and e.provenance[0].doc_id == "zs-2025-wenwaimao-measures"


def test_refitting_on_the_same_corpus_ranks_the_same(corpus, reply):
    model, again = corpus[1], FollowupModel.fit(corpus[0])
    query = followup_queries(reply)[3]
    assert [(r.measure.node, r.score) for r in again.rank(query)] == [(r.measure.node, r.score) for r in model.rank(query)]
    assert again.fingerprint == corpus_fingerprint(corpus[0])
    assert [r.measure.seq for r in model.rank(query)] and all(r.measure.seq >= 1 for r in model.rank(query))


def test_fingerprint_changes_with_the_corpus(corpus):
    records = corpus[0]
    assert corpus_fingerprint(records) != corpus_fingerprint(records[:-1])


def test_query_listing_shows_units_caps_and_evidence(corpus, reply):
    text = format_followup(corpus[1], [reply], "133089")
    assert text.count("evidence:") == 4 * 5 and "加大出口信用保险惠企额度" in text and "500,000" in text


@pytest.mark.parametrize("text, kept, dropped", [
    ("进一步加强跨境电商公共服务中心建设", "跨境电商", "加强"),
    ("对符合条件的企业给予最高50万元支持", "最高", "企业"),
])
def test_policy_words_drop_register_words_and_numbers(text, kept, dropped):
    words = policy_words(text)
    assert kept in words and dropped not in words and not any(w.isdigit() for w in words)


def test_queries_ranked_together_rank_as_one_by_one(corpus, reply):
    records, model = corpus
    queries = [q for r in records for q in followup_queries(r)]
    assert len({(q.jurisdiction, q.date) for q in queries}) < len(queries)      # some share their candidates
    together = model.rank_many(queries)
    assert any(together)
    for query, ranked in zip(queries, together):
        assert [(r.measure.node, r.score, r.rank, r.evidence) for r in ranked] == [
            (r.measure.node, r.score, r.rank, r.evidence) for r in model.rank_many([query])[0]]


def test_shared_words_listed_as_scipy_lists_them():
    """Evidence terms tied in weight keep the order of scipy's element-wise product (sorted rows: by
    column; a fitted matrix's unsorted rows: their own order reversed)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    from pipeline.linking.followup import shared_entries

    rng = np.random.default_rng(0)
    weights = np.array([0.125, 0.25, 0.3, 0.5], dtype=np.float32)          # ties on purpose
    for _ in range(500):
        n = int(rng.integers(1, 30))
        cols = rng.choice(n, int(rng.integers(0, n + 1)), replace=False).astype(np.int32)
        if rng.random() < 0.5:
            cols = np.sort(cols)
        q_cols = np.sort(rng.choice(n, int(rng.integers(0, n + 1)), replace=False)).astype(np.int32)
        data, q_data = rng.choice(weights, len(cols)), rng.choice(weights, len(q_cols))
        row, query = (csr_matrix((d, c, [0, len(c)]), shape=(1, n)) for d, c in ((data, cols), (q_data, q_cols)))
        expected = row.multiply(query).tocoo()
        got_cols, got_data = shared_entries(cols, data, q_cols, q_data)
        assert got_cols.tolist() == expected.col.tolist() and got_data.tolist() == expected.data.tolist()
        assert got_data.dtype == expected.data.dtype
