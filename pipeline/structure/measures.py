"""Which sections of a policy document are its measures (annotation guide, section 3)."""
from __future__ import annotations

import re

from ..clean.script import to_simplified
from ..types import Section, Structure
from .dates import is_date_line
from .kinds import issues_attached
from .lexicon import data, rx
from .meta import is_unit_line

_TRIM = re.compile(r"[\s。：:；;，,、]+")


def _normal(title: str) -> str:
    return _TRIM.sub("", to_simplified(title))


def is_framework(title: str) -> bool:
    """True for framework headings (总体要求, 指导思想, 保障措施 ...): neither they nor their items are measures."""
    t = _normal(title)
    for w in data("measures")["framework_headings"]:
        if t == w or (t.endswith(w) and len(t) <= len(w) + 4):
            return True
    return False


def is_group(title: str) -> bool:
    """True for group headings (主要任务, 重点任务 ...) whose items are the measures."""
    return _normal(title) in data("measures")["group_headings"]


def own_text(section: Section, sections: list[Section], text: str) -> str:
    """A section's text up to its first child section."""
    i = sections.index(section)
    children = [s.start for s in sections if s.parent == i]
    return text[section.start:min(children) if children else section.end]


def _has_own_content(section: Section, sections: list[Section], text: str) -> bool:
    m = data("measures")
    own = to_simplified(own_text(section, sections, text))
    heading = to_simplified(text[section.start:section.title_end])
    if rx(m["lead_unit_cues"]["body_pattern"]).search(heading):
        return True
    rest = own[len(heading):].strip()
    if rest.endswith(("：", ":")):              # 为…，实施以下支持政策： introduces its items
        return False
    return len(rest) >= m["own_content_min_chars"]


def select_measures(structure: Structure, text: str) -> list[Section]:
    """The sections that are policy measures, in order (the same Section objects as structure.sections)."""
    if structure.kind == "reply":
        return []
    if structure.kind != "measures" and not (
            structure.kind == "notice" and issues_attached(structure.meta.title, _cover(structure, text))):
        return []
    sections = structure.sections
    excluded: set[int] = set()
    out = []
    for i, sec in enumerate(sections):
        if sec.parent is not None and sec.parent in excluded:
            excluded.add(i)                    # under a framework heading, or a sub-point of a measure
            continue
        if is_framework(sec.title):
            excluded.add(i)
            continue
        if is_group(sec.title):
            continue
        has_children = any(s.parent == i for s in sections)
        if not has_children:
            out.append(sec)
        elif _inline_content(sec, text):       # （一）支持…。对…给予…: its 1. 2. are sub-points
            out.append(sec)
            excluded.add(i)
        elif _has_own_content(sec, sections, text):
            out.append(sec)                    # a group heading with its own lead unit or text
    return out


def _inline_content(section: Section, text: str) -> bool:
    """True where the heading line goes on past its title sentence (the item's body starts there)."""
    line_end = text.find("\n", section.title_end)
    line_end = section.end if line_end < 0 else min(line_end, section.end)
    return len(text[section.title_end:line_end].strip(" 。.；;")) >= 10


def _cover(structure: Structure, text: str) -> bool:
    """True where the text before the first section issues an attached document (现印发给你们)."""
    first = structure.sections[0].start if structure.sections else structure.body_end
    head = to_simplified(text[structure.body_start:first])
    return any(rx(p).search(head) for p in data("doc_types")["cover_letter"]["patterns"])


def measure_truncated(section: Section, structure: Structure, text: str) -> bool:
    """True where the excerpt cuts a measure off: it runs to the end of an unfinished text before
    its responsible units are complete (no 责任单位, or an unclosed （责任单位：… list)."""
    end = structure.body_end or len(text)
    if section.end < end or not _unfinished(text[:end]):
        return False
    own = to_simplified(own_text(section, structure.sections, text))
    m = list(rx(data("measures")["lead_unit_cues"]["body_pattern"]).finditer(own))
    if not m:
        return True
    tail = own[m[-1].start():]
    return tail.count("（") + tail.count("(") > tail.count("）") + tail.count(")") \
        or not tail.rstrip().endswith(("）", ")", "。"))


def _unfinished(text: str) -> bool:
    """True where a text stops mid-sentence: no final 。, closing parenthesis of a unit list or 版记."""
    tail = to_simplified(text.rstrip())
    last_line = tail.rsplit("\n", 1)[-1].strip()
    if tail.endswith(("。", "！", "？", "”", "」", "》")) or is_date_line(last_line) or is_unit_line(last_line):
        return False
    if tail.endswith(("）", ")")):
        opened = max(tail.rfind("（"), tail.rfind("("))
        return not rx(data("measures")["lead_unit_cues"]["body_pattern"]).search(tail[opened:])
    return True
