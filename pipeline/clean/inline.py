"""Numbered headings run into the previous paragraph (web copies that lost their line breaks:
'…（责任单位：市商务局） 二、支持商圈建设。…') split back onto lines of their own, and a label standing
alone on its line ('第一条' / '为规范…') joined to the text it labels."""
from __future__ import annotations

import re

from pipeline.clean.lines import FlowLine
from pipeline.numerals import cn_int

_DIGIT = "[一二三四五六七八九十百]"
_NUM = _DIGIT + "{1,4}"
# An article (第二条 before a space, or run into its text: 。第二条本办法适用于…), a level-1 (二、) or
# level-2 (（二）) label right after a sentence end or colon and optional spaces. 二、三季度 (second and
# third quarters) is an enumeration, not a heading; 第二条规定 a reference, not an article.
_INLINE = re.compile(rf"(?<=[。；;！？!?）)：:])[ \t\u3000\u00a0]*(?:第(?P<n0>{_NUM})条"
                     rf"(?=[ \t\u3000\u00a0]|(?!规定|所|的|之|中|至|和|或|第)[\u4e00-\u9fff])"
                     rf"|(?P<n1>{_NUM})、(?!{_DIGIT})|[（(](?P<n2>{_NUM})[）)])")
# A page stitched from a document's fragments (a policy site's digest: …单位,二、对新评定为…,三、…) runs whole items
# into one line after commas and drops some: in a line this long, a level-1 or level-2 label after a comma
# starts an item too, and may skip one number.
STITCHED_LINE = 300
_AFTER_COMMA = re.compile(rf"(?<=[，,])[ \t\u3000\u00a0]*(?:(?P<n1>{_NUM})、(?!{_DIGIT})|[（(](?P<n2>{_NUM})[）)])")
# A first （一） right after a run-in article's or part's heading (第三条 奖励标准（一）评选为…,
# 。一、鼓励发展首店首发经济(一)支持…); a scan may print its 一 as a hyphen: (-).
_AFTER_ARTICLE = re.compile(rf"(?:第{_NUM}条[ \t\u3000\u00a0]*[\u4e00-\u9fff]{{2,16}}"
                            rf"|(?:^|(?<=[。；;！？!?）)：:])){_NUM}、[\u4e00-\u9fff]{{2,16}})(?P<label>[（(][一-][）)])")
# An article whose heading stands in 【】 (第三条【企业落户奖】) is one wherever it stands: a copy stitched
# from fragments runs it on after a comma and may skip articles, so its number need only go up.
_BRACKETED = re.compile(rf"(?<!^)第(?P<n0>{_NUM})条(?=[ \t\u3000\u00a0]*【)")
# A chapter run in after a sentence end with its short name and its first article (。第二章支持范围及条件第二条符合…,
# a shared copy that lost its line breaks): the chapter and the article each start a line. Chapters keep their own
# count (CHAPTER) and leave the articles' numbering running on.
CHAPTER = -1
_CHAPTER = re.compile(rf"(?<=[。；;！？!?）)：:])[ \t\u3000\u00a0]*第(?P<nc>{_NUM})章[\u4e00-\u9fff]{{2,12}}?"
                      rf"(?P<article>第(?P<n0>{_NUM})条)")
_START = re.compile(rf"^\s*(?:第(?P<n0>{_NUM})条|(?P<n1>{_NUM})、|[（(](?P<n2>{_NUM})[）)])")


def _label(m: re.Match) -> tuple[int, int | None]:
    """(level, number) of a matched label: 0 an article, 1 一、, 2 （一）."""
    level = 0 if m.group("n0") else 1 if m.group("n1") else 2
    return level, cn_int(m.group(f"n{level}"))


def _cuts(text: str, last: dict[int, int]) -> list[int]:
    """Offsets where a label continuing the numbering of its level starts inside `text`.

    A label counts only as the next number of its level (二 after 一); a first label (一) only
    where its successor follows in the same text, so a stray '。一、' in prose stays.
    """
    found = [(m.end() - len(m.group(0).lstrip(" \t\u3000\u00a0")), *_label(m)) for m in _INLINE.finditer(text)]
    found += [(m.start("label"), 2, 1) for m in _AFTER_ARTICLE.finditer(text)]
    bracketed = {m.start(): cn_int(m.group("n0")) for m in _BRACKETED.finditer(text)}
    taken = {f[0] for f in found}
    found += [(at, 0, n) for at, n in bracketed.items() if at not in taken]
    for m in _CHAPTER.finditer(text):
        found.append((m.end() - len(m.group(0).lstrip(" \t\u3000\u00a0")), CHAPTER, cn_int(m.group("nc"))))
        found.append((m.start("article"), 0, cn_int(m.group("n0"))))
    stitched = set()
    if len(text) > STITCHED_LINE:
        for m in _AFTER_COMMA.finditer(text):
            at = m.end() - len(m.group(0).lstrip(" \t\u3000\u00a0"))
            stitched.add(at)
            found.append((at, 1, cn_int(m.group("n1"))) if m.group("n1") else (at, 2, cn_int(m.group("n2"))))
    found.sort()
    cuts = []
    for k, (at, level, n) in enumerate(found):
        expected = last.get(level, 0) + 1
        if n != expected and not (at in bracketed and n is not None and n > expected) \
                and not (at in stitched and n == expected + 1 and expected > 1):
            continue
        if n == 1 and not any(lv == level and nn == 2 for _, lv, nn in found[k + 1:]) \
                and not _opens_its_items(found[k + 1:], level):
            continue
        cuts.append(at)
        if level == CHAPTER:
            last[CHAPTER] = n
        else:
            _count(last, level, n)
    return cuts


def _opens_its_items(after: list[tuple[int, int, int | None]], level: int) -> bool:
    """True where a part's first label (一、) is followed by its own items (（一） then （二）): an excerpt
    that ends inside the first part still has that part."""
    below = [n for _, lv, n in after if lv == level + 1]
    return level == 1 and below[:2] == [1, 2]


def _count(last: dict[int, int], level: int, n: int) -> None:
    """Notes label n of a level; the levels below it start their numbering again."""
    last[level] = n
    for below in range(level + 1, 3):
        last.pop(below, None)


def split_inline_headings(lines: list[FlowLine]) -> list[FlowLine]:
    """Lines with run-in numbered headings split at each heading (the part after is a new paragraph)."""
    last: dict[int, int] = {}
    out: list[FlowLine] = []
    for line in lines:
        if line.table:
            out.append(line)
            continue
        m = _START.match(line.text)
        if m:
            level, n = _label(m)
            if n is not None:
                _count(last, level, n)
        cuts = _cuts(line.text, last) if len(line.text) > 20 else []
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for a, b in zip(bounds, bounds[1:]):
            piece = line.text[a:b].rstrip(" \t\u3000\u00a0")
            if piece:
                out.append(line.moved(text=piece, para_start=line.para_start or a > 0,
                                      full=line.full and b == len(line.text)))
    return out


# A numbering label of any outline level: 第一条, 第二章, 一、, （一）, （1）, 1.
LABEL = rf"(?:第[一二三四五六七八九十百零〇\d]{{1,5}}[条章节]|{_NUM}、|[（(](?:{_NUM}|\d{{1,2}})[）)]|\d{{1,2}}[.、．])"
_LONE_LABEL = re.compile(rf"^\s*{LABEL}\s*$")


def join_lone_labels(lines: list[FlowLine]) -> list[FlowLine]:
    """A line holding only a numbering label joined with the line after it (第一条 / 为规范资金管理…),
    where that line is text and not another label."""
    out: list[FlowLine] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and not line.table and not nxt.table and _LONE_LABEL.match(line.text) and nxt.text.strip() \
                and not _LONE_LABEL.match(nxt.text) and not _START.match(nxt.text):
            out.append(line.moved(text=line.text.rstrip() + " " + nxt.text.lstrip(), full=nxt.full))
            k += 2
            continue
        out.append(line)
        k += 1
    return out
