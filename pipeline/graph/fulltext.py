"""Chinese full-text search terms: jieba words of the simplified text for the store's FTS5 index, and the
MATCH expression a query becomes (pure functions; pipeline/graph/search_index.py keeps the index). On
PostgreSQL the same terms make a tsvector, cut into tokens as FTS5's unicode61 tokenizer cuts them, and a
query the tsquery of the same phrases.

A text is indexed as its jieba words (the project's dictionary) joined by spaces, and, like jieba's own
search mode, with the dictionary words of two and three characters inside each longer word as well, so
信息化 finds 工业和信息化局. A query is cut the same way; each of its words must occur, a word of two or
more characters also as the start of a longer one (工信 finds 工信局).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..clean.script import to_simplified

_WORD = re.compile(r"\w", re.UNICODE)        # a term holds a letter, digit or Han character; the rest separates
_TOKEN = re.compile(r"[^\W_]+")               # what FTS5's unicode61 keeps of a text (letters and numbers)


def _search_words(words: Iterable[str]) -> Iterator[str]:
    """jieba's search mode over words already cut: the dictionary's 2- and 3-character words inside each
    longer word, then the word itself."""
    from ..tagging.segment import tokenizer
    freq = tokenizer().FREQ
    for w in words:
        for n in (2, 3):
            if len(w) > n:
                for i in range(len(w) - n + 1):
                    if freq.get(w[i:i + n]):
                        yield w[i:i + n]
        yield w


def terms(text: str) -> list[str]:
    """The index terms of a text: its simplified jieba words in search mode, punctuation and spaces left out."""
    from ..tagging.segment import cut
    if not text:
        return []
    return [w for w in _search_words(cut(to_simplified(text))) if _WORD.search(w)]


def indexed(text: str | None) -> str:
    """A text as the FTS5 index stores it: its terms parted by spaces."""
    return " ".join(terms(text or ""))


def indexed_spans(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The indexed form of several slices of one text, cutting the text once (a document and its measures)."""
    from ..tagging.segment import cut
    words, pos = [], 0
    for w in cut(to_simplified(text)):
        words.append((pos, w))
        pos += len(w)
    out = []
    for start, end in spans:
        inside = [w for at, w in words if start <= at < end]
        out.append(" ".join(w for w in _search_words(inside) if _WORD.search(w)))
    return out


def query_words(query: str) -> list[str]:
    """The words of a query (simplified, jieba), without punctuation, each once."""
    from ..tagging.segment import cut
    words = [w.strip() for w in cut(to_simplified(query or ""))]
    return list(dict.fromkeys(w for w in words if _WORD.search(w)))


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression of a query: every word must occur, one of two or more characters also as the
    start of a longer word; None where the query has no word. Words are quoted, so no query is FTS5 syntax."""
    parts = []
    for w in query_words(query):
        quoted = '"' + w.replace('"', '""') + '"'
        parts.append(quoted + ("*" if len(w) > 1 else ""))
    return " AND ".join(parts) or None


def plain(snippet_text: str) -> str:
    """An indexed text read back for people: the spaces jieba's cut put between Han characters taken out."""
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", snippet_text)


def tokens(indexed_text: str | None) -> list[str]:
    """The tokens FTS5's unicode61 tokenizer makes of an indexed text (case folded), in order."""
    return [t.lower() for t in _TOKEN.findall(indexed_text or "")]


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector(columns: list[tuple[str | None, str]]) -> tuple[str, int]:
    """A tsvector (as text) of indexed texts, each with its weight letter, and their number of tokens: positions
    run on from column to column with a gap, so no phrase spans two columns."""
    positions: dict[str, list[str]] = {}
    at, size = 1, 0
    for text, weight in columns:
        found = tokens(text)
        for i, token in enumerate(found):
            positions.setdefault(token, []).append(f"{min(at + i, 16383)}{weight}")
        at += len(found) + 1
        size += len(found)
    return " ".join(f"{_lexeme(t)}:{','.join(dict.fromkeys(p))}" for t, p in positions.items()), size


def phrases(query: str) -> list[tuple[list[str], bool]]:
    """The phrases of a query as FTS5 reads match_expression: each word's tokens, and whether the last is a
    prefix (a word of two or more characters); words without a token are left out."""
    out = []
    for w in query_words(query):
        found = tokens(w)
        if found:
            out.append((found, len(w) > 1))
    return out


def tsquery(parts: list[tuple[list[str], bool]]) -> str | None:
    """The tsquery (as text) of phrases: every phrase must occur, its tokens in a row."""
    return " & ".join("(" + " <-> ".join(_lexeme(t) + (":*" if prefix and i == len(toks) - 1 else "")
                                         for i, t in enumerate(toks)) + ")" for toks, prefix in parts) or None
