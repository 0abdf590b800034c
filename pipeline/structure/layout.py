"""Lines of the analysis view with their offsets, and values read back from the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.script import View

_CJK_GAP = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\u3000\u00a0]+(?=[\u3000-\u9fff\uff00-\uffef])")
_BREAK = re.compile(r"[ \t\u3000\u00a0]*\n\s*")


@dataclass(frozen=True)
class TextLine:
    """A non-blank line of the view: [start, end) are view offsets of its stripped text."""
    index: int
    start: int
    end: int
    text: str


def split_lines(view_text: str) -> list[TextLine]:
    """The non-blank lines of a view text, stripped, with their offsets."""
    out, pos = [], 0
    for raw in view_text.split("\n"):
        stripped = raw.strip(" \t\u3000\u00a0\r\ufeff").rstrip("?").rstrip(" \t\u3000\u00a0")   # ???: lost spaces
        if stripped:
            start = pos + raw.index(stripped)
            out.append(TextLine(len(out), start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


class Reader:
    """The original text and its view: maps view spans back and reads values as written."""

    def __init__(self, text: str, view: View):
        self.text = text
        self.view = view

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of a view span."""
        return self.view.span_to_original(start, end)

    def first_gap(self, start: int, end: int) -> int | None:
        """The first view offset in (start, end) where the original had white space the view dropped
        (a table's cell boundary: 对疫情防控…贴息支持 对国家…)."""
        for k in range(start + 1, end):
            a, b = self.span(k - 1, k)[1], self.span(k, k + 1)[0]
            if b > a and self.text[a:b].isspace():
                return k
        return None

    def value(self, start: int, end: int) -> str:
        """The original characters of a view span, with line breaks and CJK gaps removed."""
        return self.original_value(*self.span(start, end))

    def original_value(self, start: int, end: int) -> str:
        """The original characters of an original span, with line breaks and CJK gaps removed."""
        return _CJK_GAP.sub("", _BREAK.sub("", self.text[start:end])).strip()
