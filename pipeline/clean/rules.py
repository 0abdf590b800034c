"""The cleaning stage's language cues, loaded once from models/clean/layout_rules.json."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from pipeline.clean.script import to_simplified
from pipeline.settings import MODELS

RULES_PATH = MODELS / "clean" / "layout_rules.json"


@dataclass(frozen=True)
class LayoutRules:
    """Compiled cues: sentence punctuation, page-number and heading patterns (matched on the
    simplified form, so traditional-script 第2頁 and 第三條 read like 第2页 and 第三条)."""
    sentence_end: str
    sentence_close: str
    full_stop: str
    page_number: tuple[re.Pattern, ...]
    headings: tuple[tuple[int, re.Pattern], ...]
    displaceable_levels: frozenset[int]
    title_end: re.Pattern = re.compile(r"(?!)")
    title_continuation: re.Pattern = re.compile(r"(?!)")
    glued_site_tail: re.Pattern = re.compile(r"(?!)")

    def ends_title(self, text: str, nxt: str) -> bool:
        """True where a line ends a document title (…的通知) and the next line does not go on with it."""
        t = to_simplified(text.rstrip())
        return bool(self.title_end.search(t)) and t.count("《") <= t.count("》") and \
            not self.title_continuation.match(to_simplified(nxt.lstrip()))

    def is_page_number(self, text: str) -> bool:
        t = to_simplified(text.strip())
        return bool(t) and any(p.match(t) for p in self.page_number)

    def heading_level(self, text: str) -> int | None:
        t = to_simplified(text.lstrip()[:12])
        for level, pattern in self.headings:
            if pattern.match(t):
                return level
        return None

    def ends_sentence(self, text: str) -> bool:
        t = text.rstrip().rstrip(self.sentence_close)
        return bool(t) and t[-1] in self.sentence_end


@cache
def layout_data() -> dict:
    """The rules file as parsed JSON (cached: read once per process)."""
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


@cache
def layout_rules() -> LayoutRules:
    """The rules file, compiled."""
    data = layout_data()
    return LayoutRules(
        sentence_end=data["sentence_end"],
        sentence_close=data["sentence_close"],
        full_stop=data["full_stop"],
        page_number=tuple(re.compile(p["pattern"]) for p in data["page_number_patterns"]),
        headings=tuple((h["level"], re.compile(h["pattern"])) for h in data["heading_patterns"]),
        displaceable_levels=frozenset(data["displaceable_heading_levels"]),
        title_end=re.compile(data["title_end"]["pattern"]),
        title_continuation=re.compile(data["title_end"]["continuation"]),
        glued_site_tail=re.compile(data["glued_site_tail"]["pattern"]),
    )
