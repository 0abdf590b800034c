"""Web-page furniture around a copied letter: chrome lines, news leads and trailing site text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean.script import to_simplified
from .dates import bare_date, is_date_line
from .layout import TextLine
from .lexicon import data, pattern, rx
from .sitemeta import site_field_item, starts_with_site_key


@dataclass
class Bounds:
    """Line indices [first, last] of the letter and the set of chrome line indices inside the text."""
    first: int
    last: int
    chrome: frozenset[int]


def strip_leading_chrome(line: str) -> str:
    """A line without bracketed page controls at its start: 【字体：大中小】文山市财政局… -> 文山市财政局…"""
    return rx(data("chrome")["leading_chrome"]["pattern"]).sub("", line)


def is_chrome(line: str) -> bool:
    """True where a line is site furniture (返回, 发布时间:…, 点击:, [字体: ], registration numbers).

    A line that only ends in glued site fields (a title followed by 来源:…) is not furniture.
    """
    c = data("chrome")
    if line in c["exact_lines"] or not strip_leading_chrome(line):
        return True
    cells = [cell.strip() for cell in re.split(r"[|｜]", line) if cell.strip()]
    if len(cells) > 1 and all(cell in c["exact_lines"] for cell in cells):
        return True                            # 繁体 | 简体 | 进入关怀版 | 无障碍: page controls on one line
    control = next((w for w in c["control_before_site_name"]["words"] if line.startswith(w)), None)
    if control and 0 < len(line[len(control):].strip()) <= c["control_before_site_name"]["max_name_chars"] \
            and not re.search("[。，,；;：:]", line):
        return True                            # 长者模式 南华县人民政府: a control, then the site's name
    line = strip_leading_chrome(line)
    if any(rx(p).search(line) for p in c["site_notice_lines"]["patterns"]):
        return True
    if "。" in line or len(line) > 120:
        return False
    if starts_with_site_key(line):
        return True
    hits = [m.start() for p, _ in c["line_cues"] if (m := rx(p).search(line))]
    return bool(hits) and min(hits) <= c["max_cue_offset"]


def has_site_cue(line: str) -> bool:
    """True where a site field cue (发布时间:, 【字体:, 来源:) stands anywhere in the line."""
    return any(rx(p).search(line) for p, _ in data("chrome")["line_cues"] if not p.startswith("^"))


def _is_trailing(line: str) -> bool:
    """True for a site line after the letter: chrome, a short 打印本页/上一篇 line, a footer."""
    c = data("chrome")
    footer = c["footer_cues"]
    return is_chrome(line) or (len(line) <= 30 and any(w in line for w in c["trailing_cues"])) \
        or (len(line) <= footer["max_chars"] and any(w in line for w in footer["words"]))


def is_disclosure(line: str) -> bool:
    """True for a line holding a 公开方式 note ((此件公开发布), 信息公开形式:主动公开)."""
    return any(rx(p).search(line) for p in data("patterns")["disclosure"]["patterns"])


def _is_anchor(line: str) -> bool:
    """A closing element of a letter: 成文日期, 版记 lines (抄送, 印发, 公开方式)."""
    return bool(is_date_line(line) or pattern("printer").match(line) or pattern("cc").match(line)) \
        or is_disclosure(line)


def find_bounds(lines: list[TextLine]) -> Bounds:
    """The letter's first and last line: skips leading chrome and news leads, trailing site text."""
    chrome = {ln.index for ln in lines if is_chrome(ln.text)}
    if not lines:
        return Bounds(0, -1, frozenset())
    first = next((ln.index for ln in lines if ln.index not in chrome), 0)
    crumbs = _numbered_breadcrumb(lines, first)
    if crumbs:
        chrome.update(crumbs)
        first = next((ln.index for ln in lines if ln.index not in chrome), first)
    c = data("chrome")
    if rx(c["news_lead"]["pattern"]).search(lines[first].text):
        cue = next((ln.index for ln in lines[first:first + 12]
                    if rx(c["full_text_cue"]["pattern"]).search(ln.text)), None)
        if cue is None:                       # no 文件详情如下: the lead ends with its last sentence
            cue = first
            while cue + 1 < len(lines) and "。" in lines[cue + 1].text:
                cue += 1
        if cue + 1 < len(lines):
            first = cue + 1
            chrome.update(range(0, first))
    last = len(lines) - 1
    while last > first and _is_trailing(lines[last].text):
        chrome.add(last)
        last -= 1
    last = _cut_site_tail(lines, first, last, chrome)
    return Bounds(first, last, frozenset(chrome))


MIN_SITE_ROWS = 3           # numbered rows of site keys that make a catalogue's field list, not an item


def numbered_site_rows(lines: list[TextLine]) -> frozenset[int]:
    """Indices of a disclosure catalogue's fields printed as a numbered list (1. [索引号]… 7. [标题]…): the
    site's rows, never the letter's items (the header reads them as fields); none where fewer than
    MIN_SITE_ROWS lines are such rows."""
    rows = {ln.index for ln in lines if site_field_item(ln.text)}
    return frozenset(rows) if len(rows) >= MIN_SITE_ROWS else frozenset()


def _numbered_breadcrumb(lines: list[TextLine], first: int) -> list[int]:
    """Indices of a breadcrumb copied as a numbered list from line `first` (1. 首页 / 2. 信息公开 / …),
    or none."""
    spec = data("chrome")["numbered_breadcrumb"]
    if first >= len(lines):
        return []
    while first > 0 and not rx(spec["first"]).match(lines[first].text.strip()) \
            and any(rx(spec[k]).match(lines[first - 1].text.strip()) for k in ("first", "item")):
        first -= 1                            # 1. 当前位置: / 2. 首页 > …: read as chrome already, 3. > 正文 not
    if not rx(spec["first"]).match(lines[first].text.strip()):
        return []
    out, number = [first], 1
    for ln in lines[first + 1:]:
        m = rx(spec["item"]).match(ln.text.strip())
        if not m or int(m.group("n")) != number + 1:
            break
        out.append(ln.index)
        number += 1
    return out


def _cut_site_tail(lines: list[TextLine], first: int, last: int, chrome: set[int]) -> int:
    """After the last closing element, a related-articles list or a short run without sentences is
    the site's, not the letter's."""
    anchors = [i for i in range(first, last + 1) if _is_anchor(lines[i].text)]
    if not anchors:
        return last
    a = anchors[-1]
    m = pattern("cc").match(lines[a].text)
    if m and not m.group("v").strip(" |｜") and a < last:   # 抄送: with its list on the next line
        a += 1
    if is_disclosure(lines[a].text) and a + 2 <= last and "。" not in lines[a + 1].text \
            and bare_date(lines[a + 2].text):
        a += 2                                        # (此件予以公开) / 中阳县交通运输局 / 2024719: signed after it
    cue = next((i for i in range(a + 1, last + 1) if is_related_list_header(lines[i].text)), None)
    if cue is not None and (issued := _issued_title_below(lines, first, a, cue, last)) is not None:
        chrome.update(range(cue, issued))             # 相关链接： 《X》政策解读, then X itself: the issued document
        return last
    if cue is not None:                               # 相关文件： and the titles listed under it
        chrome.update(range(cue, last + 1))
        last = cue - 1
    rest = lines[a + 1:last + 1]
    if rest and sum(len(ln.text) for ln in rest) <= data("chrome")["trailing_max_chars"] \
            and not any("。" in ln.text for ln in rest):
        chrome.update(ln.index for ln in rest)
        return a
    return last


def _issued_title_below(lines: list[TextLine], first: int, a: int, cue: int, last: int) -> int | None:
    """The line after a related-pages header that prints the title of the document the letter issues
    (现将《X》印发你们 … 相关链接： … X): where that document begins, or None."""
    names = {"".join(n.split()) for n in re.findall(r"《([^《》\n]{4,80})》", "\n".join(ln.text for ln in lines[first:a + 1]))}
    return next((i for i in range(cue + 1, last + 1) if "".join(lines[i].text.split()) in names), None)


def is_related_list_header(line: str) -> bool:
    """True for the header of a site's list of other pages (相关文件：, 【相关阅读】, 访谈解读:)."""
    return bool(rx(data("chrome")["related_list_cues"]["pattern"]).match(to_simplified(line).strip()))
