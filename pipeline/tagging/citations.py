"""CITATION spans: titles in 《…》 (with 〈…〉 or <…> nested inside) and the doc number written after them.

'《湖南省人民政府办公厅印发<关于…>的通知》(湘政办发〔2023〕4号)' is one citation with
title '湖南省人民政府办公厅印发<关于…>的通知' and doc_number '湘政办发〔2023〕4号'.
"""
from __future__ import annotations


from ..clean.script import make_view
from ..types import Entity
from .agency_data import pattern

MAX_TITLE = 200                        # an unclosed 《 (excerpt cut) is no citation
_OPEN, _CLOSE = "《", "》"


def _closing(s: str, i: int) -> int | None:
    """Index of the 》 closing the 《 at i, allowing nested 《》 pairs; None where there is none."""
    depth = 0
    for k in range(i, min(len(s), i + MAX_TITLE)):
        if s[k] == _OPEN:
            depth += 1
        elif s[k] == _CLOSE:
            depth -= 1
            if depth == 0:
                return k
    return None


def _breaking_space(s: str, p: int) -> bool:
    """White space that a line break or layout put inside Chinese text (not between Latin words)."""
    if not s[p].isspace():
        return False
    a = s[:p].rstrip()[-1:]
    b = s[p:].lstrip()[:1]
    return not (a.isascii() and a.isalnum() and b.isascii() and b.isalnum())


def tag_citations(text: str) -> list[Entity]:
    """CITATION entities, outermost titles only, in text order (attrs: title, doc_number)."""
    view = make_view(text)
    s = view.text
    out, i = [], 0
    while i < len(s):
        if s[i] != _OPEN:
            i += 1
            continue
        k = _closing(s, i)
        if k is None:
            i += 1
            continue
        a, b = view.span_to_original(i, k + 1)
        # the title in the document's own characters, noise and line breaks left out
        title = "".join(text[view.orig[p]] for p in range(i + 1, k) if not _breaking_space(s, p))
        attrs = {"title": title, "doc_number": None}
        m = pattern("cited_doc_number").match(s, k + 1)
        if m:
            _, b = view.span_to_original(i, m.end())
            attrs["doc_number"] = "".join(text[view.orig[p]] for p in range(m.start(1), m.end(1))
                                          if not s[p].isspace())
        out.append(Entity("CITATION", text[a:b], a, b, None, attrs))
        i = k + 1
    return out
