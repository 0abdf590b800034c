"""Follow-through from proposals and reply sections to later measures: TF-IDF (words + char n-grams), cosine."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Iterable

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..clean.script import make_view
from ..types import Record
from .edges import Edge, Provenance, measure_node, proposal_node, response_node
from .normalise import load_json
from .keys import keys_of
from .summary import document_date

_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")
_PLACEHOLDER = "空置占位"        # the text of a model without measures (never a candidate: not in `measures`)


@cache
def _settings() -> dict:
    return load_json("followup.json")


@cache
def _stop_terms() -> frozenset[str]:
    return frozenset(_settings()["stop_terms"])


def policy_words(text: str) -> list[str]:
    """Content words of a text: project segmentation, CJK words of 2+ characters, register words dropped."""
    return list(_policy_words(text))


def _content_words(doc: str | tuple[str, ...]) -> list[str]:
    """policy_words of a text; a tuple is words segmented before."""
    return list(doc) if isinstance(doc, tuple) else policy_words(doc)


@lru_cache(maxsize=1 << 15)          # a measure is compared for every reply of its place: segment it once
def _policy_words(text: str) -> tuple[str, ...]:
    try:
        from ..tagging.segment import segment
        words = segment(text)
    except ImportError:                                        # pragma: no cover
        import jieba
        words = jieba.lcut(text)
    stop = _stop_terms()
    return tuple(w for w in words if _CJK_WORD.match(w) and w not in stop)


def _analysis_text(text: str) -> str:
    """Simplified, pinyin-free text of a span (traditional documents are compared in simplified)."""
    return make_view(text).text


@dataclass
class MeasureItem:
    """A measure of an ingested policy document, with what a follow-up listing shows of it."""
    node: str
    doc_id: str
    label: str
    title: str
    date: str | None
    jurisdiction: str | None
    doc_title: str | None
    responsible: list[str] = field(default_factory=list)
    caps: list[float] = field(default_factory=list)
    start: int = 0
    end: int = 0
    page: int | None = None
    seq: int = 0                        # its place among the document's measures, from 1


@dataclass
class FollowupQuery:
    """A proposal or one reply section whose follow-through is sought."""
    node: str
    doc_id: str
    label: str | None
    text: str
    date: str | None
    jurisdiction: str | None
    suggestion: str | None = None
    words: tuple[str, ...] | None = None        # its content words where segmented before (policy_words)


@dataclass
class RankedMeasure:
    """One measure ranked for a query: cosine score, rank (1 = best) and the shared key terms."""
    measure: MeasureItem
    score: float
    rank: int
    evidence: list[str]


def measure_items(record: Record) -> tuple[list[MeasureItem], list[str]]:
    """The record's measures as items, and their texts (title + body, analysis view)."""
    items, texts = [], []
    date, place = document_date(record), keys_of(record).jurisdiction
    for seq, m in enumerate(record.measures, 1):
        caps = [e.attrs["amount"] for e in record.entities
                if e.label == "MONEY" and e.attrs.get("role") == "cap" and e.attrs.get("amount") is not None
                and (e.attrs.get("measure") == m.label or m.start <= e.start < m.end)]
        items.append(MeasureItem(measure_node(record.id, m.label), record.id, m.label, m.title, date, place,
                                 record.meta.title, list(m.responsible), caps, m.start, m.end, m.page, seq))
        texts.append(_analysis_text(m.title + "。" + record.text[m.start:m.end]))
    return items, texts


def followup_queries(record: Record) -> list[FollowupQuery]:
    """The proposal (whole reply) and each reply section with a suggestion, as queries."""
    if not record.proposal or not record.proposal.number:
        return []
    date, place = document_date(record), keys_of(record).jurisdiction
    body = record.text
    out = [FollowupQuery(proposal_node(record.proposal.number), record.id, None,
                         _analysis_text((record.proposal.title or "") + "。" + body), date, place)]
    for r in record.responses:
        if r.end <= r.start:
            continue
        out.append(FollowupQuery(response_node(record.id, r.label), record.id, r.label,
                                 _analysis_text((r.suggestion or "") + "。" + body[r.start:r.end]),
                                 date, place, r.suggestion))
    return out


def fingerprint_key(record: Record) -> str | None:
    """What a record adds to the corpus fingerprint (None for a record without measures): id, version, bytes."""
    if not record.measures or record.error:
        return None
    return f"{record.id}:{record.pipeline_version}:{(record.source or {}).get('sha256', '')}"


def fingerprint_of(keys: Iterable[str]) -> str:
    """The digest of some fingerprint keys (order does not matter)."""
    h = hashlib.sha256()
    for key in sorted(keys):
        h.update(key.encode())
    return h.hexdigest()[:16]


def corpus_fingerprint(records: Iterable[Record]) -> str:
    """A digest of the documents and pipeline versions: the model is refit when it changes."""
    return fingerprint_of(k for k in map(fingerprint_key, records) if k)


class FollowupModel:
    """The fitted vectorisers and measure matrix, in memory only (fitted when replies need ranking)."""

    def __init__(self, measures: list[MeasureItem], words: TfidfVectorizer, chars: TfidfVectorizer,
                 matrix, word_matrix, fingerprint: str):
        self.measures, self.words, self.chars = measures, words, chars
        self.matrix, self.word_matrix, self.fingerprint = matrix, word_matrix, fingerprint

    @classmethod
    def fit(cls, records: Iterable[Record]) -> "FollowupModel":
        """Vectorisers fitted on the measures of all policy records (and nothing else); records read once."""
        measures, texts, keys = [], [], []
        for r in records:
            key = fingerprint_key(r)
            if key is None:
                continue
            keys.append(key)
            items, item_texts = measure_items(r)
            measures += items
            texts += item_texts
        return cls.from_items(measures, texts, fingerprint_of(keys))

    @classmethod
    def from_items(cls, measures: list[MeasureItem], texts: list[str], fingerprint: str = "",
                   words_of: list[list[str]] | None = None) -> "FollowupModel":
        """Vectorisers fitted on these measures' texts alone (the measures of one place, or a corpus);
        `words_of` gives their content words where they were segmented before (policy_words)."""
        cfg = _settings()
        words = TfidfVectorizer(analyzer=_content_words, sublinear_tf=True, dtype=np.float32)
        chars = TfidfVectorizer(analyzer="char", ngram_range=tuple(cfg["char_ngram_range"]), sublinear_tf=True,
                                min_df=1, max_features=200_000, dtype=np.float32)
        corpus = texts or [_PLACEHOLDER]
        segmented = list(map(tuple, words_of)) if words_of is not None and texts else corpus
        try:
            word_matrix = words.fit_transform(segmented)
        except ValueError:              # no content word in any measure: a placeholder row keeps the shapes valid
            corpus, segmented = corpus + [_PLACEHOLDER], list(segmented) + [_PLACEHOLDER]
            word_matrix = words.fit_transform(segmented)
        char_matrix = chars.fit_transform(corpus)
        matrix = normalize(hstack([word_matrix, char_matrix]).tocsr())
        return cls(measures, words, chars, matrix, word_matrix, fingerprint)

    def _vectors(self, texts: list[str], words: list[tuple[str, ...] | None] | None = None):
        """Query vectors (and their word part) of some texts; `words` gives a text's content words where
        they were segmented before."""
        w = self.words.transform([t if ws is None else ws for t, ws in zip(texts, words or [None] * len(texts))])
        return normalize(hstack([w, self.chars.transform(texts)]).tocsr()), w

    def _candidates(self, jurisdiction: str | None, after: str | None) -> np.ndarray:
        """Indices of the measures of a jurisdiction issued after a date (per-place date index, built once)."""
        if not hasattr(self, "_by_place"):
            by_place: dict[str, list[tuple[str, int]]] = {}
            for i, m in enumerate(self.measures):
                if m.jurisdiction and m.date:
                    by_place.setdefault(m.jurisdiction, []).append((m.date, i))
            self._by_place = {k: (np.array([d for d, _ in sorted(v)]), np.array([i for _, i in sorted(v)], dtype=int))
                              for k, v in by_place.items()}
        if jurisdiction is None or not after or jurisdiction not in self._by_place:
            return np.array([], dtype=int)
        dates, idx = self._by_place[jurisdiction]
        return np.sort(idx[np.searchsorted(dates, after, side="right"):])

    def _vocabulary(self) -> np.ndarray:
        if not hasattr(self, "_vocab"):
            self._vocab = self.words.get_feature_names_out()
        return self._vocab

    def rank(self, query: FollowupQuery, top_k: int | None = None) -> list[RankedMeasure]:
        """Measures of the query's jurisdiction issued after it, best first, with shared key terms."""
        return self.rank_many([query], top_k)[0]

    def rank_many(self, queries: list[FollowupQuery], top_k: int | None = None) -> list[list[RankedMeasure]]:
        """`rank` for several queries, vectorised together (the queries of one reply, or of many replies:
        the queries with the same candidates are scored in one product)."""
        cfg = _settings()
        top_k = top_k or cfg["top_k"]
        allowed = [self._candidates(q.jurisdiction, q.date) for q in queries]
        todo = [k for k, a in enumerate(allowed) if a.size]
        out: list[list[RankedMeasure]] = [[] for _ in queries]
        if not todo:
            return out
        vectors, word_vectors = self._vectors([queries[k].text for k in todo], [queries[k].words for k in todo])
        vocab = self._vocabulary()
        together: dict[tuple, list[int]] = {}
        for row, k in enumerate(todo):
            together.setdefault((queries[k].jurisdiction, queries[k].date), []).append(row)
        for rows in together.values():
            ids = allowed[todo[rows[0]]]
            block = (self.matrix[ids] @ vectors[rows].T).toarray()         # candidates x queries
            for col, row in enumerate(rows):
                k = todo[row]
                query, scores = queries[k], block[:, col]
                qw = word_vectors[row]
                for rank, j in enumerate(np.argsort(-scores, kind="stable")[:top_k], 1):
                    if scores[j] < cfg["min_score"]:
                        break
                    i = ids[j]
                    cols, data = self._shared_words(i, qw)
                    terms = [vocab[c] for c in cols[np.argsort(-data)]
                             if vocab[c] not in query.jurisdiction][:cfg["evidence_terms"]]   # 中山 in 中山市: no evidence
                    out[k].append(RankedMeasure(self.measures[i], round(float(scores[j]), 4), rank, terms))
        return out

    def _shared_words(self, i: int, qw) -> tuple[np.ndarray, np.ndarray]:
        """The words measure `i` shares with a query (its word vector row `qw`) and the products of their
        weights, in the order scipy's element-wise product lists them (what ties are ranked in)."""
        m = self.word_matrix
        cols, data = m.indices[m.indptr[i]:m.indptr[i + 1]], m.data[m.indptr[i]:m.indptr[i + 1]]
        return shared_entries(cols, data, qw.indices, qw.data)


def shared_entries(cols: np.ndarray, data: np.ndarray, q_cols: np.ndarray, q_data: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """(columns, products) of the element-wise product of two sparse rows, ordered as
    `csr_matrix.multiply(...).tocoo()` orders them: by column when both rows are canonical (sorted
    columns, no repeats), else the first row's own order reversed (scipy's sparsetools csr_binop_csr)."""
    def canonical(c: np.ndarray) -> bool:
        return bool(np.all(c[1:] > c[:-1]))

    if not canonical(q_cols) or len(np.unique(cols)) != len(cols):
        from scipy.sparse import csr_matrix
        n = int(max(cols.max(initial=-1), q_cols.max(initial=-1))) + 1
        shared = csr_matrix((data, cols, [0, len(cols)]), shape=(1, n)).multiply(
            csr_matrix((q_data, q_cols, [0, len(q_cols)]), shape=(1, n))).tocoo()
        return shared.col, shared.data
    at = np.minimum(np.searchsorted(q_cols, cols), max(len(q_cols) - 1, 0))
    hit = (q_cols[at] == cols) if len(q_cols) else np.zeros(len(cols), dtype=bool)
    out_cols, products = cols[hit], data[hit] * q_data[at[hit]]
    kept = products != 0
    out_cols, products = out_cols[kept], products[kept]
    if canonical(cols):
        return out_cols, products
    return out_cols[::-1], products[::-1]


def followup_edges(model: FollowupModel, records: Iterable[Record], top_k: int | None = None) -> list[Edge]:
    """FOLLOWED_UP_BY edges from each proposal and response of the reply records to its ranked measures."""
    edges = []
    for record in records:
        queries = followup_queries(record)
        for query, ranked in zip(queries, model.rank_many(queries, top_k)):
            for r in ranked:
                m = r.measure
                edges.append(Edge("FOLLOWED_UP_BY", query.node, m.node,
                                  {"score": r.score, "rank": r.rank, "evidence": r.evidence,
                                   "reply": record.id, "measure_doc": m.doc_id},
                                  rule="tfidf-cosine",
                                  provenance=[Provenance(m.doc_id, m.start, m.end, m.page)]))
    return edges


def format_followup(model: FollowupModel, records: Iterable[Record], number: str) -> str:
    """Per response of the replies to proposal `number`: ranked measures with document, date, units, caps, terms."""
    lines = []
    for record in records:
        if not record.proposal or record.proposal.number != number:
            continue
        lines.append(f"proposal {number}: {record.proposal.title or ''}  (reply {record.meta.title or record.id}, "
                     f"{document_date(record) or 'undated'})")
        for query in followup_queries(record)[1:] or followup_queries(record):
            lines.append(f"  {query.label or 'proposal'}  {query.suggestion or ''}")
            ranked = model.rank(query)
            if not ranked:
                lines.append("    (no later measures of this jurisdiction)")
            for r in ranked:
                m = r.measure
                caps = "、".join(f"{c:,.0f}" for c in m.caps) or "-"
                lines.append(f"    {r.rank}. [{r.score:.3f}] {m.doc_title or m.doc_id} {m.label}、{m.title} "
                             f"({m.date}) units: {'、'.join(m.responsible) or '-'} caps: {caps}")
                lines.append(f"       evidence: {'、'.join(r.evidence)}")
    return "\n".join(lines) or f"no reply to proposal {number} ingested"
