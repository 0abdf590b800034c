"""Citations of other documents (《title》, doc numbers) and their resolution to ingested documents."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterable

from ..clean.script import make_view
from ..types import Record
from .edges import Edge, Provenance
from .normalise import load_json, normalise_doc_number, series_key, title_key, title_parts
from .summary import DocSummary, jurisdiction_of_name

_TITLE = re.compile(r"《([^《》]{2,150})》")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")


@dataclass
class Citation:
    """One cited document in a citing document, and what it resolved to (None: a CitedDocument node)."""
    doc_id: str
    text: str                       # as written in the citing document
    kind: str                       # title | doc_number
    key: str                        # title key or normalised doc number
    start: int
    end: int
    page: int | None = None
    cue: str | None = None          # repeal | replace | revise: the citing document replaces the cited one
    target_id: str | None = None
    resolution: str | None = None   # doc_number | title | similar-title
    score: float | None = None

    @property
    def target_node(self) -> str:
        return self.target_id or f"cited:{self.key}"


@cache
def _cues() -> dict:
    return load_json("supersession.json")


def _cue_at(view_text: str, start: int, end: int) -> str | None:
    """repeal / replace / revise where a cue word stands right after (or before) the citation."""
    data = _cues()
    after = re.split(r"[。；;《]", view_text[end:end + data["window"]], maxsplit=1)[0]
    # The doc number in brackets after a title, 原 before it: skip to the verb.
    if any(cue in after for cue in data["repeal_after"]):
        return "repeal"
    before = view_text[max(0, start - 6):start]
    if any(before.rstrip("原").endswith(cue) for cue in data["replace_before"]):
        return "replace"
    if any(before.endswith(cue) for cue in data["revise_before"]):
        return "revise"
    return None


def _doc_number_span(m: re.Match) -> tuple[int, int]:
    """The match without words before the issuer code (日下达了文市政复〔2019〕1号 -> 文市政复〔2019〕1号)."""
    stop = load_json("titles.json")["doc_number_prefix_stop"]["chars"]
    bracket = re.search(r"[〔\[［(（]", m.group(0)).start()
    cut = max((i + 1 for i, ch in enumerate(m.group(0)[:bracket]) if ch in stop), default=0)
    return m.start() + cut, m.end()


def find_citations(record: Record) -> list[Citation]:
    """Cited titles and doc numbers of a record (its own title and number excluded), spans in Record.text."""
    view = make_view(record.text)
    own_title, own_number = title_key(record.meta.title), normalise_doc_number(record.meta.doc_number)
    # A reply quotes the proposal it answers: that is no citation of a document.
    proposal_title = title_key(record.proposal.title) if record.proposal and record.proposal.title else None
    out: list[Citation] = []
    for kind, pattern in (("title", _TITLE), ("doc_number", _DOC_NUMBER)):
        for m in pattern.finditer(view.text):
            span = m.span(1) if kind == "title" else _doc_number_span(m)
            key = title_key(m.group(1)) if kind == "title" else normalise_doc_number(view.text[span[0]:span[1]])
            if not key or key in (own_title, own_number, proposal_title):
                continue
            start, end = view.span_to_original(*span)
            out.append(Citation(record.id, record.text[start:end], kind, key, start, end,
                                cue=_cue_at(view.text, m.start(), m.end())))
    return sorted(out, key=lambda c: c.start)


def subject_and_genre(title: str | None) -> tuple[str, str]:
    """A title's subject and genre, without wrapper, edition markers and leading place name."""
    key = series_key(title) or title_key(title)
    return title_parts(key, jurisdiction_of_name(key))


def _genre_compatible(a: str, b: str) -> bool:
    return not a or not b or a == b


@dataclass
class CitationIndex:
    """Ingested documents by doc number, title key and title subject n-grams; rebuilt after an ingest batch."""
    summaries: dict[str, DocSummary]
    by_number: dict[str, list[str]] = field(default_factory=dict)
    by_title: dict[str, list[str]] = field(default_factory=dict)
    by_subject: dict[str, list[tuple[str, str]]] = field(default_factory=dict)   # subject -> (genre, id)
    subjects: list[str] = field(default_factory=list)
    matrix: object = None

    @classmethod
    def build(cls, summaries: Iterable[DocSummary]) -> "CitationIndex":
        index = cls({s.id: s for s in summaries})
        for s in index.summaries.values():
            if s.doc_number:
                index.by_number.setdefault(s.doc_number, []).append(s.id)
            if s.title_key:
                index.by_title.setdefault(s.title_key, []).append(s.id)
                subject, genre = subject_and_genre(s.title)
                if subject:
                    index.by_subject.setdefault(subject, []).append((genre, s.id))
        index.subjects = list(index.by_subject)
        if index.subjects:
            index.matrix = subject_vectors(index.subjects)
        return index

    def similar_subjects(self, subjects: list[str], top: int = 5) -> list[list[tuple[str, float]]]:
        """For each subject, the most similar ingested subjects with their cosine (char 2-3-grams; a pair's
        score depends on the two subjects alone, so adding documents never changes it)."""
        if not subjects or self.matrix is None:
            return [[] for _ in subjects]
        import numpy as np
        sims = (subject_vectors(subjects) @ self.matrix.T).tocsr()
        out = []
        for row in range(sims.shape[0]):
            lo, hi = sims.indptr[row], sims.indptr[row + 1]
            scores = np.round(sims.data[lo:hi], 6)
            names = [self.subjects[i] for i in sims.indices[lo:hi]]
            order = sorted(range(hi - lo), key=lambda k: (-scores[k], names[k]))[:top]
            out.append([(names[k], float(scores[k])) for k in order])
        return out

    def _pick(self, ids: list[str], citing: str) -> str:
        """Among several documents with one key, the latest issued no later than the citing one."""
        date = self.summaries[citing].date if citing in self.summaries else None
        dated = sorted(ids, key=lambda i: self.summaries[i].date or "")
        earlier = [i for i in dated if not date or (self.summaries[i].date or "") <= date]
        return (earlier or dated)[-1]


def subject_vectors(subjects: list[str]):
    """Unit vectors of subjects over hashed char 2-3-grams, counts damped (1 + log), no corpus weighting."""
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize
    counts = HashingVectorizer(analyzer="char", ngram_range=(2, 3), n_features=1 << 20, alternate_sign=False,
                               norm=None, dtype=np.float64).transform(subjects)
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts)


@cache
def title_match_min() -> float:
    """Cosine above which a cited title's subject names an ingested one (tests/linking/test_citations_linking.py)."""
    return float(load_json("matching.json")["title_match_min_cosine"])


def resolve_citations(citations: list[Citation], index: CitationIndex) -> list[Citation]:
    """Sets target_id/resolution/score: exact doc number, then exact title key, then similar title subject."""
    pending = []
    for c in citations:
        table = index.by_number if c.kind == "doc_number" else index.by_title
        ids = [i for i in table.get(c.key, []) if i != c.doc_id]
        if ids:
            c.target_id, c.resolution, c.score = index._pick(ids, c.doc_id), c.kind, 1.0
        elif c.kind == "title":
            pending.append(c)
    parts = [subject_and_genre(c.text) for c in pending]
    for c, (_, genre), near in zip(pending, parts, index.similar_subjects([p[0] for p in parts])):
        for subject, score in near:
            if score < title_match_min():
                break
            ids = [i for g, i in index.by_subject[subject] if i != c.doc_id and _genre_compatible(g, genre)]
            if ids:
                c.target_id, c.resolution, c.score = index._pick(ids, c.doc_id), "similar-title", round(score, 3)
                break
    return citations


def citation_edges(citations: Iterable[Citation]) -> list[Edge]:
    """CITES edges citing document -> document or cited:<key> node, one per distinct target."""
    edges: dict[tuple[str, str], Edge] = {}
    for c in citations:
        e = edges.setdefault((c.doc_id, c.target_node), Edge(
            "CITES", c.doc_id, c.target_node,
            {"text": c.text, "kind": c.kind, "resolution": c.resolution, "score": c.score, "cue": c.cue},
            rule=c.resolution or "unresolved"))
        e.provenance.append(Provenance(c.doc_id, c.start, c.end, c.page))
    return list(edges.values())


def citation_listing(doc_id: str, edges: Iterable[Edge]) -> tuple[list[Edge], list[Edge]]:
    """(what `doc_id` cites, what cites it) among CITES edges: the two lists of `query doc`."""
    edges = [e for e in edges if e.type == "CITES"]
    return [e for e in edges if e.source == doc_id], [e for e in edges if e.target == doc_id]
