"""A simplified-script working copy of a text, character for character, so offsets stay valid.

Rules are written for simplified Chinese; traditional documents are analysed through this copy
while records keep the document's own characters. OpenCC converts one character at a time
(phrase-level conversions could change the length), cached per character.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Callable


@cache
def _t2s():
    """OpenCC's traditional -> simplified converter, loaded on first use (~40 ms), not on import."""
    import opencc
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _simplify_char(ch: str) -> str:
    if "\ud800" <= ch <= "\udfff":            # a lone surrogate has no UTF-8 form for OpenCC
        return ch
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


@cache
def _variants() -> dict[str, str]:
    """Variant brackets and look-alike zeros read as the standard ones (models/clean/char_variants.json)."""
    import json
    from ..settings import MODELS
    return json.loads((MODELS / "clean" / "char_variants.json").read_text(encoding="utf-8"))["map"]


class _Table(dict):
    """str.translate table filled as characters turn up (a character converted once, in C after that)."""

    def __init__(self, convert: Callable[[str], str]):
        super().__init__()
        self.convert = convert

    def __missing__(self, code: int) -> str:
        if len(self) > 65536:                    # a text of every code point does not fill memory
            self.clear()
        out = self[code] = self.convert(chr(code))
        return out


_TABLE = _Table(lambda ch: _variants().get(ch) or (_simplify_char(ch) if ch > "\u2e7f" else ch))
_T2S = _Table(_simplify_char)                   # OpenCC alone, no variant brackets
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")


def to_simplified(text: str) -> str:
    """The text in simplified characters, same length, same offsets."""
    if text.isascii():
        return text
    return text.translate(_TABLE)


def traditional_share(text: str, sample: int = 4000) -> float:
    """Share of CJK characters in the first `sample` that simplification would change."""
    cjk = "".join(_CJK_RUN.findall(text, 0, sample))
    if not cjk:
        return 0.0
    simplified = cjk.translate(_T2S)
    return 0.0 if simplified == cjk else sum(a != b for a, b in zip(cjk, simplified)) / len(cjk)


def is_traditional(text: str) -> bool:
    """True where the text reads as traditional script (a few percent of characters differ)."""
    return traditional_share(text) > 0.04


# ---------------------------------------------------------------- the analysis view
from dataclasses import dataclass  # noqa: E402

# A romanised reading injected after a character by some web copies: 發(fā), 關(guān).
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)")
# A comma some web copies inject before every punctuation mark: 一,、 積極…,。 …稅收,、金融.
_INJECTED_COMMA = re.compile(r",(?=[、。，,；;：:])")
# An encyclopedia copy's footnote mark after a sentence or a line: …二〇〇七年五月二十四日[1].
_FOOTNOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff。”）)])\[\d{1,2}\](?=[\s。，,；;]|$)")
# Horizontal white space between two CJK characters or digits: an extraction or copy artefact.
_INNER_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef0-9])[ \t\u3000\u00a0]+(?=[\u3000-\u9fff\uff00-\uffef0-9])")


@dataclass
class View:
    """Simplified text with injected noise (readings, commas, footnote marks) and inner spaces removed,
    mapped back to the original.

    `orig[i]` is the offset in the original text of view character i; `orig[len(text)]` is the
    original length, so a view span [s, e) maps back to [orig[s], orig[e - 1] + 1).
    """
    text: str
    orig: list[int]
    readings: dict[int, int] | None = None   # original start -> end of each dropped reading

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of a view span; a reading dropped right after it stays with it (號(hào))."""
        if end <= start:
            o = self.orig[start]
            return o, o
        stop = self.orig[end - 1] + 1
        return self.orig[start], (self.readings or {}).get(stop, stop)


@lru_cache(maxsize=4)
def make_view(text: str) -> View:
    """The analysis view of a clean text: what rules read; spans map back with `span_to_original`."""
    return _build_view(text)


def view_text(text: str) -> str:
    """The view text of a short string (a heading, a title), built without touching the cache the
    document views live in."""
    return _build_view(text).text


def without_readings(text: str) -> str:
    """The text without the romanised readings a web copy injected (大興區(qū) -> 大興區); spaces kept."""
    return _PINYIN_GLOSS.sub("", text)


def _build_view(text: str) -> View:
    dropped, readings = [], {}
    for pattern in (_PINYIN_GLOSS, _INJECTED_COMMA, _FOOTNOTE_MARK, _INNER_SPACE):
        for m in pattern.finditer(text):
            dropped.append(m.span())
            if pattern is _PINYIN_GLOSS:
                readings[m.start()] = m.end()
    simplified = to_simplified(text)
    parts, keep, pos = [], [], 0
    for start, end in sorted(dropped):           # the kept runs between dropped spans, in C
        if start > pos:
            parts.append(simplified[pos:start])
            keep.extend(range(pos, start))
        pos = max(pos, end)
    parts.append(simplified[pos:])
    keep.extend(range(pos, len(text) + 1))      # and orig[len(view)] = len(text)
    return View("".join(parts), keep, readings)
