"""Script-, layout- and chrome-free forms of texts and titles, so reposts and citations compare equal."""
from __future__ import annotations

import json
import re
import unicodedata
from functools import cache

from ..clean.script import make_view, to_simplified
from ..settings import MODELS

LINKING_MODELS = MODELS / "linking"

# Everything that is not a CJK ideograph, a letter or a digit: punctuation, spaces, symbols.
_NOT_CONTENT = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]+")


@cache
def load_json(name: str) -> dict:
    """One data file of models/linking/, read once per process."""
    return json.loads((LINKING_MODELS / name).read_text(encoding="utf-8"))


@cache
def _line_filters() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    data = load_json("matching.json")
    return (re.compile("|".join(f"(?:{p})" for p in data["chrome_line"])),
            re.compile("|".join(f"(?:{p})" for p in data["page_number_line"])),
            re.compile(data["bare_number_line"]), re.compile(data["inline_page_marker"]))


def is_furniture_line(line: str) -> bool:
    """True for a website chrome line or a marked page-number line (— 2 —, 第2页; simplified script expected)."""
    chrome, page_number, _, _ = _line_filters()
    if page_number.search(line):
        return True
    line = line.strip().lstrip("【[(（ 　")
    return len(line) <= load_json("matching.json")["chrome_max_chars"] and bool(chrome.search(line))


def page_number_lines(lines: list[str]) -> set[int]:
    """Indexes of bare-number lines that continue a page sequence (1, 2, 3 ...), not wrapped figure pieces."""
    bare = _line_filters()[2]
    found, last = set(), None
    for i, line in enumerate(lines):
        m = bare.match(line)
        if not m:
            continue
        n = int(m.group(1))
        if (last is None and 1 <= n <= 3) or (last is not None and last < n <= last + 2):
            found.add(i)
            last = n
    return found


def normalise_text(text: str) -> str:
    """The text's content characters only: simplified, without pinyin noise, chrome, page numbers, punctuation.

    Lines are joined before the analysis view is made a second time, so a pinyin gloss that a re-wrap
    split across two lines (加强(qiá / ng)) is recognised like an unbroken one.
    """
    lines = make_view(unicodedata.normalize("NFKC", text)).text.splitlines()
    pages = page_number_lines(lines)
    kept = "".join(line for i, line in enumerate(lines)
                   if line.strip() and i not in pages and not is_furniture_line(line))
    kept = _line_filters()[3].sub("", make_view(kept).text)
    return _NOT_CONTENT.sub("", kept).lower()


def normalise_title(title: str | None) -> str:
    """A title or doc number compared as content: simplified, half-width, no punctuation or spaces."""
    if not title:
        return ""
    return _NOT_CONTENT.sub("", to_simplified(unicodedata.normalize("NFKC", title))).lower()


@cache
def _title_patterns() -> tuple[list[re.Pattern], list[re.Pattern]]:
    data = load_json("titles.json")
    return ([re.compile(p) for p in data["transmit_wrapper"]],
            [re.compile(p) for p in data["edition_markers"]])


def unwrap_title(title: str | None) -> str:
    """The policy a transmitting notice carries (关于印发《X》的通知 -> X), else the title itself."""
    if not title:
        return ""
    t = re.sub(r"\s+", "", to_simplified(unicodedata.normalize("NFKC", title)))
    wrappers, _ = _title_patterns()
    for pattern in wrappers:
        m = pattern.match(t)
        if m and len(m.group(1)) >= 4:
            return m.group(1)
    return t


def title_key(title: str | None) -> str:
    """The normalised unwrapped title: what a citation of this document is matched on."""
    return normalise_title(unwrap_title(title))


def series_key(title: str | None) -> str:
    """The title key without edition markers (年份, 修订, 试行): successive versions share it."""
    t = unwrap_title(title)
    _, markers = _title_patterns()
    for pattern in markers:
        t = pattern.sub("", t)
    key = normalise_title(t)
    return key if len(key) >= load_json("titles.json")["min_series_key_chars"] else ""


def normalise_doc_number(number: str | None) -> str:
    """A doc number compared as content: 〔2024〕, [2024], (2024) and 號/号 all alike."""
    return normalise_title(number)


@cache
def _genres() -> tuple[str, ...]:
    return tuple(sorted(load_json("titles.json")["genres"]["words"], key=len, reverse=True))


def title_parts(key: str, place: str | None = None) -> tuple[str, str]:
    """(subject, genre) of a title key: 中山市稳外贸促增长若干措施 -> (稳外贸促增长, 若干措施), place prefix dropped."""
    subject = key[len(place):] if place and key.startswith(place) else key
    subject = subject[2:] if subject.startswith("关于") else subject
    genre = next((g for g in _genres() if subject.endswith(g) and len(subject) > len(g)), "")
    subject = subject[:len(subject) - len(genre)]
    return subject.removesuffix("的"), genre
