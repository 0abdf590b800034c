"""Reposts of one notice: character shingles, MinHash signatures and LSH banding (no all-pairs loop)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Callable, Iterable

import numpy as np

from .edges import Edge
from .normalise import load_json
from .summary import DocSummary, figures_agree

_MASK = np.uint64(0xFFFFFFFFFFFFFFFF)
# A document keeps its related (not same-notice) pairs to this many most similar earlier documents only:
# a revision replaces its closest predecessor, and boilerplate-heavy corpora stay O(n) in pairs and memory.
MAX_RELATED_PER_DOCUMENT = 3


@dataclass(frozen=True)
class MinHashParams:
    """Shingle length, signature length and banding (rows = permutations / bands)."""
    shingle: int = 5
    permutations: int = 64
    bands: int = 16
    seed: int = 20240710

    @property
    def rows(self) -> int:
        return self.permutations // self.bands


@cache
def default_params() -> MinHashParams:
    data = load_json("matching.json")
    return MinHashParams(data["shingle_chars"], data["minhash_permutations"], data["lsh_bands"])


@cache
def _coefficients(params: MinHashParams) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(params.seed)
    a = rng.integers(1, 2**63, params.permutations, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, params.permutations, dtype=np.uint64)
    return a, b


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """Stable 64-bit hashes of the distinct k-character shingles of `text` (polynomial, vectorised)."""
    if len(text) < k:
        text = text.ljust(k, "\0")
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    base = np.uint64(1000003)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * base + codes[j:j + n]
    return np.unique(h)


def signature(text: str, params: MinHashParams | None = None) -> np.ndarray:
    """The MinHash signature (uint64 per permutation) of a normalised text; storable as bytes."""
    params = params or default_params()
    a, b = _coefficients(params)
    h = shingle_hashes(text, params.shingle)
    out = np.empty(params.permutations, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, params.permutations, 16):       # bounded memory on long texts
            block = (h[:, None] * a[None, start:start + 16] + b[None, start:start + 16]) >> np.uint64(16)
            out[start:start + 16] = block.min(axis=0)
    return out


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of equal MinHash slots: an unbiased estimate of the shingle sets' Jaccard similarity."""
    return float(np.mean(sig_a == sig_b))


def bands(sig: np.ndarray, params: MinHashParams | None = None) -> list[tuple[int, bytes]]:
    """The LSH band buckets of a signature: (band number, its rows as bytes)."""
    params = params or default_params()
    r = params.rows
    return [(i, sig[i * r:(i + 1) * r].tobytes()) for i in range(params.bands)]


class LSHIndex:
    """Banded MinHash buckets: documents sharing any band are candidates; add() is incremental."""

    def __init__(self, params: MinHashParams | None = None):
        self.params = params or default_params()
        self.signatures: dict[str, np.ndarray] = {}
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in range(self.params.bands)]

    def _bands(self, sig: np.ndarray) -> Iterable[tuple[int, bytes]]:
        return bands(sig, self.params)

    def candidates(self, sig: np.ndarray) -> set[str]:
        """Ids already indexed that share at least one band with `sig`."""
        found: set[str] = set()
        for i, key in self._bands(sig):
            found.update(self._buckets[i].get(key, ()))
        return found

    def add(self, doc_id: str, sig: np.ndarray) -> set[str]:
        """Index a document; returns the earlier documents it collides with."""
        found = self.candidates(sig)
        found.discard(doc_id)
        self.signatures[doc_id] = sig
        for i, key in self._bands(sig):
            self._buckets[i].setdefault(key, []).append(doc_id)
        return found


@dataclass
class SimilarPair:
    """Two documents whose texts overlap, with the reason they are or are not the same notice."""
    a: str
    b: str
    jaccard: float
    same_notice: bool
    conflict: str | None = None      # date / doc_number / figures: why a similar pair is not one notice


@dataclass
class DuplicateGroup:
    """One notice and the documents (sources) that carry it; `document_id` is the first ingested."""
    document_id: str
    members: list[str] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def _conflict(a: DocSummary, b: DocSummary) -> str | None:
    """Why two similar texts are different notices (a revision), or None where nothing differs."""
    if a.date and b.date and a.date != b.date:
        return "date"
    if a.doc_number and b.doc_number and a.doc_number != b.doc_number:
        return "doc_number"
    if not figures_agree(a.figures, b.figures):
        return "figures"
    return None


class _Signatures:
    """The signatures seen so far as rows of one growing matrix (candidates are compared in one step)."""

    def __init__(self, width: int):
        self.matrix = np.empty((1024, width), dtype=np.uint64)
        self.row: dict[str, int] = {}
        self.ids: list[str] = []

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        if len(self.row) == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.empty_like(self.matrix)])
        self.row[doc_id] = len(self.ids)
        self.ids.append(doc_id)
        self.matrix[self.row[doc_id]] = sig

    def rows(self, ids: Iterable[str]) -> np.ndarray:
        """Row numbers (= order seen) of the ids already added, ascending."""
        row = self.row
        return np.sort(np.fromiter((row[i] for i in ids if i in row), dtype=np.int64))

    def jaccard(self, rows: np.ndarray, sig: np.ndarray) -> np.ndarray:
        return (self.matrix[rows] == sig).mean(axis=1)


def similar_pairs(summaries: Iterable[DocSummary], index: LSHIndex | None = None,
                  signatures: dict[str, np.ndarray] | None = None) -> list[SimilarPair]:
    """Verified LSH candidate pairs above the related threshold, each marked same notice or not.

    Every same-notice pair is kept; of the merely related ones, each document keeps its
    MAX_RELATED_PER_DOCUMENT most similar earlier documents. `signatures` are the documents' MinHash
    signatures where they were computed before (from their texts otherwise).
    """
    index = index or LSHIndex()
    seen = _Signatures(index.params.permutations)
    by_id: dict[str, DocSummary] = {}
    pairs = []
    for s in summaries:
        sig = signatures[s.id] if signatures is not None else signature(s.text, index.params)
        by_id[s.id] = s
        rows = seen.rows(index.add(s.id, sig))
        seen.add(s.id, sig)
        if rows.size:
            pairs += pairs_with_earlier(s, [seen.ids[r] for r in rows], seen.jaccard(rows, sig), by_id.__getitem__)
    return pairs


def pairs_with_earlier(s: DocSummary, earlier: list[str], scores: np.ndarray,
                       summary_of: Callable[[str], DocSummary]) -> list[SimilarPair]:
    """The pairs a document forms with the earlier ones it shares an LSH band with (ids in the order they
    came, with their estimated Jaccard): every same notice, and its most similar related ones."""
    data = load_json("matching.json")
    related_min, same_min = data["related_min_jaccard"], data["same_notice_min_jaccard"]
    pairs, related = [], 0
    for k in np.argsort(-scores, kind="stable"):
        j = float(scores[k])
        if j < related_min:
            break
        other = summary_of(earlier[k])
        conflict = _conflict(other, s) if j >= same_min or related < MAX_RELATED_PER_DOCUMENT else "-"
        if j >= same_min and conflict is None:
            pairs.append(SimilarPair(other.id, s.id, j, True))
        elif related < MAX_RELATED_PER_DOCUMENT:
            related += 1
            pairs.append(SimilarPair(other.id, s.id, j, False, conflict))
        elif j < same_min:
            break
    return pairs


def group_duplicates(summaries: list[DocSummary], pairs: list[SimilarPair] | None = None) -> list[DuplicateGroup]:
    """Documents grouped into notices (union-find over same-notice pairs), singletons included."""
    pairs = similar_pairs(summaries) if pairs is None else pairs
    order = {s.id: i for i, s in enumerate(summaries)}
    parent = {s.id: s.id for s in summaries}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        if p.same_notice:
            ra, rb = find(p.a), find(p.b)
            if ra != rb:
                first, second = sorted((ra, rb), key=order.get)
                parent[second] = first
    groups: dict[str, DuplicateGroup] = {}
    for s in summaries:
        root = find(s.id)
        groups.setdefault(root, DuplicateGroup(root)).members.append(s.id)
    for p in pairs:
        if p.same_notice:
            root = find(p.a)
            groups[root].edges.append(Edge("SAME_NOTICE", p.b, p.a, {"jaccard": round(p.jaccard, 3)},
                                           rule="minhash-lsh"))
    return list(groups.values())
