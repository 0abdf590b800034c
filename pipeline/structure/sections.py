"""The body's numbered outline: 第X章 / 第X节 / 第X条 / 一、 / （一） / 1. / （1） / ① as Sections.

One parser for every style (models/structure/outline.json): a label counts where its number starts
(1) or continues its style's sequence; a style nests under the styles open above it unless it is
more major by convention (a style of equal rank that starts at 1 inside an item nests under it:
第六条 …：一、…二、…); labels after a sentence end inside a line count where they continue a
sequence (items written on one line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..numerals import cn_int
from ..types import Section
from .layout import Reader, TextLine
from .lexicon import data, rx
from .tables import is_table_header, vertical_cell, vertical_header

_SENTENCE_END = re.compile(r"[。！？!?]")
_LEAD_GAP = re.compile(r"[\s?？]*")
_COLON = re.compile(r"[：:]")
_LABELS_ONLY = re.compile(r"(?:\s*第\s*[一二三四五六七八九十百零〇\d]{1,5}\s*[条條章节節])+\s*")
_BRACKET_HEADING = re.compile(r"[【\[〔]\s*([^【】\[\]〔〕。，,]{2,20}?)\s*[】\]〕]")   # an article's own heading
MAX_COLON_HEADING = 30          # a colon this early ends a heading (指导思想：…); later ones are prose
INLINE_LOOKAHEAD = 3000         # how far an inline 1 looks for its 2
RUN_AFTER = 2                   # a list may start past 1 where this many numbers follow in order


@dataclass(frozen=True)
class Heading:
    """A numbering label: style rank (level), number, label as written, end of the label and punctuation."""
    level: int
    number: int
    label: str
    label_end: int          # offset in the line after the label and its punctuation
    series: int = 0         # index of the numbering style in outline.json
    loose: bool = False     # matched only by a continuation pattern (11.121…)
    table: bool = False     # a table row's 序号: its title is its first cell
    cell: tuple[int, int] | None = None   # a row copied cell by cell: (title cell after the id, cells per row)


@dataclass(frozen=True)
class _Candidate:
    line: TextLine
    pos: int                # offset of the label in the line
    heading: Heading
    inline: bool
    attachment: bool = False   # the first item of a list opened by 附件： (attachment titles)


@cache
def _styles() -> tuple[tuple[str, int, re.Pattern, re.Pattern | None], ...]:
    return tuple((s["id"], s["rank"], rx("^" + s["pattern"]),
                  rx("^" + s["continuation"]) if s.get("continuation") else None)
                 for s in data("outline")["styles"])


def _may_skip_one(series: int) -> bool:
    """True for a style an abridged copy may leave one number out of (articles: outline.json may_skip_one)."""
    styles = data("outline")["styles"]
    return series < len(styles) and bool(styles[series].get("may_skip_one"))


@cache
def _ordinal_styles() -> tuple[tuple[int, int, re.Pattern], ...]:
    base = len(data("outline")["styles"])
    return tuple((base + k, s["rank"], rx("^" + s["pattern"])) for k, s in enumerate(data("outline")["ordinal_styles"]))


def _ordinal(line: str) -> Heading | None:
    """A paragraph opened 一是, 二是 (read only where a reply has no other numbering)."""
    for series, rank, pattern in _ordinal_styles():
        m = pattern.match(line)
        if m and line[m.end():].strip():
            return Heading(rank, cn_int(m.group("num")), m.group("label"), m.end(), series)
    return None


def _number(num: str) -> int | None:
    for chars in ("circled_digits", "paren_digits", "stop_digits", "paren_ideographs"):   # ① ⑴ ⒈ ㈠: one each
        if num in data("outline")[chars]:
            return data("outline")[chars].index(num) + 1
    if num in data("outline")["misread_one"]["chars"]:                # (-): a scan's 一
        return 1
    return cn_int(num)


@cache
def _any_style(loose: bool) -> re.Pattern | None:
    """One pattern for every style (strict, or continuation where `loose`): a line that none starts
    needs no trial of each."""
    key = "continuation" if loose else "pattern"
    patterns = [re.sub(r"\(\?P<\w+>", "(?:", s[key]) for s in data("outline")["styles"] if s.get(key)]
    try:
        return rx("^(?:" + "|".join(patterns) + ")") if patterns else None
    except re.error:
        return None


def _match(line: str, loose: bool) -> Heading | None:
    any_style = _any_style(loose)
    if any_style is not None and not any_style.match(line):
        return None
    for series, (_, rank, strict, continuation) in enumerate(_styles()):
        pattern = continuation if loose else strict
        m = pattern.match(line) if pattern is not None else None
        if m:
            n = _number(m.group("num"))
            if n is None or n == 0 or not line[m.end():].strip() or _LABELS_ONLY.fullmatch(line[m.end():]):
                return None                     # 第十一條 第二十一條 第三十一條: a page's links to articles
            return Heading(rank, n, m.group("label"), m.end(), series, loose)
    return None


def match_heading(line: str) -> Heading | None:
    """The numbering label a line starts with, or None (第一章 -> rank 0, 一、 or 第一条 -> 2, （一） -> 3,
    1. -> 4, （1） -> 5, ① -> 6)."""
    return _match(line, loose=False)


def heading_title(rest: str) -> tuple[str, int]:
    """The heading sentence after a label (to the first 。, a colon after a short heading, or the
    line end) and its length as written: 指导思想：以… -> 指导思想."""
    m = _SENTENCE_END.search(rest)
    sentence = rest[:m.start()] if m else rest
    colon = _COLON.search(sentence)
    if colon and 0 < colon.start() <= MAX_COLON_HEADING and sentence.count("“", 0, colon.start()) \
            == sentence.count("”", 0, colon.start()):
        sentence = sentence[:colon.start()]
    return sentence.rstrip("：:；; "), len(sentence)


def strip_lead_unit(title: str) -> str:
    """A heading title without its trailing lead-unit clause: 强化科技创新(区科技局牵头) -> 强化科技创新."""
    return rx(data("measures")["lead_unit_cues"]["pattern"]).sub("", title).strip()


def _table_row(line: str) -> tuple[int, Heading] | None:
    """(offset, label) of a table row's 序号: at the line start (1 | 推动… | 县卫健委 |) or after a
    group cell (财政资金支持(共48项) 1 建立复工复产帮扶机制 …)."""
    spec = data("outline")["table_rows"]
    lead = rx("^(?:" + spec["lead_cell"] + ")?").match(line)
    for pos in dict.fromkeys((0, lead.end())):
        m = rx(spec["row"]).match(line, pos)
        if m and int(m.group("num")) > 0:
            series = len(data("outline")["styles"]) + len(data("outline")["ordinal_styles"])
            return pos, Heading(spec["rank"], int(m.group("num")), m.group("label"), m.end() - pos, series,
                                table=True)
    return None


def _vertical_row(line: str, cell: tuple[int, int]) -> Heading | None:
    """A row of a table copied cell by cell, opened by its id alone on a line (1, A01)."""
    m = rx(data("outline")["table_rows"]["vertical"]["row_id"]).match(vertical_cell(line))
    if not m or int(m.group("num")) == 0:
        return None
    series = len(data("outline")["styles"]) + len(data("outline")["ordinal_styles"]) + 1 \
        + (ord(m.group("letter")) - 64 if m.group("letter") else 0)
    return Heading(data("outline")["table_rows"]["rank"], int(m.group("num")), vertical_cell(line), len(line), series,
                   table=True, cell=cell)


def _article_after_chapter(line: str, h: Heading) -> tuple[int, Heading] | None:
    """(offset, label) of an article run on after a chapter's short title (第一章  总则第一条 为…), else None."""
    spec = data("outline")["article_after_chapter"]
    if h.level >= spec["rank"]:
        return None
    for k in range(h.label_end, min(len(line), h.label_end + spec["max_title_chars"] + 1)):
        if line[k] == "第" and (a := match_heading(line[k:])) and a.level == spec["rank"]:
            return k, a
    return None


def contents_lines(lines: list[TextLine]) -> frozenset[int]:
    """Indices of a table of contents' entries: lines ending in dot leaders, and the numbered lines right
    under a 目录 line (an entry may have lost its leaders) until a number comes again."""
    spec = data("outline")["toc_entry"]
    leaders, heading = rx(spec["pattern"]), rx(spec["heading"])
    out, under, listed = set(), False, set()
    for ln in lines:
        if leaders.search(ln.text):
            out.add(ln.index)
        elif under and (h := match_heading(ln.text)) and (h.series, h.number) not in listed \
                and not any(ch in ln.text for ch in spec["not_in_entry"]):
            out.add(ln.index)                  # the contents end where a number comes again (第一章 总则 below them)
            listed.add((h.series, h.number))
            continue
        under = bool(heading.fullmatch(ln.text.strip())) or (under and ln.index in out)
        if not under:
            listed = set()
    return frozenset(out)


def _candidates(lines: list[TextLine], first: int, last: int, skip: frozenset[int],
                ordinals: bool = False) -> list[_Candidate]:
    """Every label at a line start (strict or continuation) and after a sentence end inside a line;
    `ordinals`: paragraphs opened 一是 too; the rows of a table under its header."""
    inline = rx("[" + re.escape(data("outline")["inline_after"]) + r"]\s*")
    out = []
    table = any(is_table_header(ln.text) for ln in lines[:first])
    vertical, header_end = None, -1                # (title cell offset) of a table copied cell by cell
    toc = contents_lines(lines)
    for ln in lines[first:last + 1]:
        if ln.index in skip or ln.index <= header_end or ln.index in toc:
            continue                               # …方案(2024-2026年)……… 3: a table of contents' entry
        if is_table_header(ln.text):
            table = True
            continue
        head = vertical_header(lines, ln.index) if vertical is None else None
        if head:
            header_end, vertical = head
            continue
        if vertical is not None:                   # inside such a table only its row ids open items
            row = _vertical_row(ln.text, vertical)
            if row:
                out.append(_Candidate(ln, 0, row, False))
            continue
        h = match_heading(ln.text) or _match(ln.text, loose=True) or (_ordinal(ln.text) if ordinals else None)
        lead = 0
        spec = data("outline")["bullet"]
        decorated = None if h else rx(spec["decorated"]).match(ln.text)
        bullet = decorated or (None if h else rx(spec["pattern"]).match(ln.text))
        if bullet and (b := match_heading(ln.text[bullet.end():])) and (decorated or b.level <= spec["max_rank"]):
            h, lead = b, bullet.end()               # - 第一条 …: a web list's bullet before an article label
        row = _table_row(ln.text) if table and not h else None
        if h:
            out.append(_Candidate(ln, lead, h, False))
            if article := _article_after_chapter(ln.text, h):
                out.append(_Candidate(ln, article[0], article[1], True))
        elif row:
            out.append(_Candidate(ln, row[0], row[1], False))
        for m in inline.finditer(ln.text):
            h = match_heading(ln.text[m.end():])
            if h:
                before = ln.text[:m.end()]
                opened = rx(data("outline")["attachment_list"]).search(before) \
                    or rx(data("outline")["field_list"]).search(before)      # 申报材料:1.…;2.…
                out.append(_Candidate(ln, m.end(), h, True, attachment=bool(opened)))
                if article := _article_after_chapter(ln.text[m.end():], h):     # …。第二章 管理第五条 …
                    out.append(_Candidate(ln, m.end() + article[0], article[1], True))
        for m in _ordinal_inline().finditer(ln.text) if ordinals else ():    # 我局落实…，一是…；二是…
            h = _ordinal(ln.text[m.end():])
            if h and not _restating().search(ln.text[max(0, m.end() - 30):m.end()]):
                out.append(_Candidate(ln, m.end(), h, True))
    ordinal = len(data("outline")["styles"])         # the first series of the ordinal styles (一是)
    if sum(c.heading.series >= ordinal and c.heading.number == 1 for c in out) > 1:
        out = [c for c in out if not (c.inline and c.heading.series >= ordinal)]   # 一是… then 下阶段一是…: prose
    return out


def _glued_candidates(lines: list[TextLine], first: int, last: int, skip: frozenset[int]) -> list[_Candidate]:
    """Every label in a run-on text whose items were joined without breaks (a digest of snippets:
    …开发区管委会二、加快花卉苗木交易市场建设，…): a label after any character but a numeral, its title
    opening with a word (not 二、三产业)."""
    spec = data("outline")["glued"]
    opener, not_before, not_after = rx(spec["label_opener"]), spec["not_before"], spec["not_title_start"]
    toc = contents_lines(lines)
    out = []
    for ln in lines[first:last + 1]:
        if ln.index in skip or ln.index in toc:
            continue
        for m in opener.finditer(ln.text):
            k = m.start()
            if k and ln.text[k - 1] in not_before:
                continue
            h = match_heading(ln.text[k:])
            rest = ln.text[k + h.label_end:].lstrip() if h else ""
            if h and len(rest) >= spec["min_title"] and rest[0] not in not_after:
                out.append(_Candidate(ln, k, h, k > 0))
    return out


@cache
def _restating() -> re.Pattern:
    """Words restating the proposal before an inline series (反映的问题如下,一是…): its suggestions, not answers."""
    return rx(data("outline")["ordinal_restating"]["pattern"])


@cache
def _ordinal_inline() -> re.Pattern:
    return rx("[" + re.escape(data("outline")["ordinal_inline_after"]) + r"]\s*")


def _run_follows(cands: list[_Candidate], k: int) -> bool:
    """True where a line-start label is followed by the next RUN_AFTER numbers of its style at line
    starts: a list whose first item was lost in the copy (2. 3. 4. after a damaged 1.); the first label
    of a text needs only the next number after it."""
    h = cands[k].heading
    if cands[k].inline or h.loose:
        return False
    same = [c.heading.number for c in cands[k + 1:] if c.heading.series == h.series and not c.inline]
    if k == 0 and same[:1] == [h.number + 1]:
        return True                             # an excerpt that opens inside a list (2.… 3.… 二、…)
    return same[:RUN_AFTER] == list(range(h.number + 1, h.number + 1 + RUN_AFTER))


def _is_article(h: Heading) -> bool:
    """True for a label of the article style (第五条, 第19条)."""
    styles = _styles()
    return h.series < len(styles) and styles[h.series][0] == "article"


def _paren_article_heading(h: Heading, rest: str, pad: int) -> re.Match | None:
    """An article's own heading in round brackets on its line (第二条(奖项设置) / 市政府设立…), as rules databases
    print them; only an article's, and only a short one with nothing after it on the line."""
    return rx(data("outline")["paren_article_heading"]["pattern"]).match(rest, pad) if _is_article(h) else None


def _articles_under(heading: _Candidate, c: _Candidate) -> bool:
    """True for an article right under a bare heading of a smaller rank (（一）促进数字经济发展 / 第一条 强化…):
    the articles are that group's items, though their style ranks above it."""
    spec = data("outline")["articles_under_groups"]
    return _is_article(c.heading) and heading.heading.level > c.heading.level \
        and not c.inline and c.line.index == heading.line.index + 1 \
        and len(rest := heading.line.text[heading.pos + heading.heading.label_end:].strip()) <= spec["max_heading_chars"] \
        and not any(ch in rest for ch in spec["not_in_heading"])


def _accepted(cands: list[_Candidate], glued: bool = False) -> list[tuple[_Candidate, int, int | None]]:
    """(candidate, depth, parent index) of the labels that keep their style's sequence; `glued`: of
    labels that go up their style's numbers, gaps allowed (a digest leaves items out)."""
    last_number: dict[int, int] = {}
    stack: list[tuple[int, int, int]] = []          # (series, rank, index in the result)
    out: list[tuple[_Candidate, int, int | None]] = []
    attached: set[int] = set()                      # series of an attachment list (附件：1.… 2.…)
    for k, c in enumerate(cands):
        h = c.heading
        continues = h.number == last_number.get(h.series, 0) + 1 \
            or (glued and (h.number == 1 or h.number > last_number.get(h.series, 0)))
        if c.attachment or (h.series in attached and continues):
            attached.add(h.series)
            last_number[h.series] = h.number
            continue
        attached.discard(h.series)
        if h.loose and not (continues and h.number >= 2):
            continue
        if c.inline and not continues:
            continue
        if c.inline and h.number == 1 and not any(
                o.heading.series == h.series and o.heading.number == 2
                and o.line.start + o.pos - c.line.start - c.pos <= INLINE_LOOKAHEAD for o in cands[k + 1:]):
            continue                                # a lone 1. after a colon is a reference, not a list
        skips_one = h.series in last_number and h.number == last_number[h.series] + 2 and not c.inline \
            and not h.loose and _may_skip_one(h.series)
        skips_on = h.series in last_number and h.number > last_number[h.series] and not c.inline \
            and not h.loose and _may_skip_one(h.series) and _BRACKET_HEADING.match(c.line.text, c.pos + h.label_end)
        if h.number != 1 and not continues and not skips_one and not skips_on and not _run_follows(cands, k):
            continue                            # (an article may be left out of an abridged copy: 第三条, 第五条)
        last_number[h.series] = h.number
        same = next((i for i, e in enumerate(stack) if e[0] == h.series), None)
        if same is not None:
            del stack[same:]
        elif not (out and stack and stack[-1][2] == len(out) - 1 and _articles_under(out[-1][0], c)):
            while stack and (stack[-1][1] > h.level or (stack[-1][1] == h.level and h.number != 1)):
                stack.pop()                     # nests (第六条 … 一、二、), one that goes on does not
        parent = stack[-1][2] if stack else None
        stack.append((h.series, h.level, len(out)))
        out.append((c, len(stack), parent))
    return out


def find_sections(reader: Reader, lines: list[TextLine], first: int, last: int,
                  end_offset: int, skip: frozenset[int] = frozenset(), ordinals: bool = False,
                  glued: bool = False) -> list[Section]:
    """Sections of lines [first, last] whose numbering keeps its sequence, with depths, parents, spans.

    `end_offset` (view) closes the last sections: the letter's closing formula or signature; `glued`
    reads a run-on digest's labels wherever they stand (`_glued_candidates`).
    """
    cands = _glued_candidates(lines, first, last, skip) if glued else _candidates(lines, first, last, skip, ordinals)
    found = _accepted(cands, glued)
    sections: list[Section] = []
    for i, (c, depth, parent) in enumerate(found):
        ln, h = c.line, c.heading
        start = ln.start + c.pos
        end = end_offset
        for later, ldepth, _ in found[i + 1:]:
            if ldepth <= depth:
                end = later.line.start + later.pos
                break
        if end <= start:                          # the closing formula stands on this line
            end = ln.start + len(ln.text)
        label_len, head_start = len(h.label), start
        if h.cell is not None:                    # a row copied cell by cell: its title is a later line
            stop = found[i + 1][0].line.index if i + 1 < len(found) else last + 1
            cells = [x for x in lines[ln.index + 1:stop] if x.index not in skip]
            ids = data("outline")["table_rows"]["vertical"]["id_columns"]    # the header printed again on
            cells = cells[:next((k for k, x in enumerate(cells) if x.text.strip() in ids), len(cells))]  # a new page
            if cells:                             # a merged group cell (重点任务) is written in its first row only
                at, width = h.cell
                ln = cells[max(0, min(at - max(0, width - len(cells)), len(cells) - 1))]
                c, h, head_start = _Candidate(ln, 0, h, False), Heading(h.level, h.number, "", 0, h.series), ln.start
        rest = ln.text[c.pos + h.label_end:]
        nxt = next((o for o, _, _ in found[i + 1:i + 2] if o.line is ln), None)
        if nxt is not None:                       # the next item stands on this line
            rest = rest[:nxt.pos - c.pos - h.label_end]
        pad = _LEAD_GAP.match(rest).end()           # (一)?促进…: a space the copy lost to ?
        tag = _BRACKET_HEADING.match(rest, pad)       # 第二条【落户奖励】对新引进的…
        paren = None if tag else _paren_article_heading(h, rest, pad)      # 第二条(奖项设置)
        if paren:
            title, length, pad = paren.group(1), paren.end(1) - paren.start(1), paren.start(1)
        elif tag and rx(data("outline")["bracket_content_labels"]["pattern"]).match(tag.group(1).strip()):
            pad = tag.end() + len(rest[tag.end():]) - len(rest[tag.end():].lstrip())
            tag = None                                # 1.【优惠内容】对企业…: a field's label, the heading follows
        if tag:
            title, length = tag.group(1).strip(), tag.end(1) - tag.start(1)
            pad = tag.start(1)
        elif not paren:
            title, length = heading_title(rest[pad:])
        if glued and (cut := rx("[" + re.escape(data("outline")["glued"]["title_end"]) + "]").search(title)):
            title, length = title[:cut.start()], cut.start()
        if h.table:                                   # a row's title is its first cell
            cell = rx(data("outline")["table_rows"]["cell_end"]).search(rest, pad)
            cut = cell.start() - pad if cell else None
            t0 = head_start + h.label_end + pad
            gap = reader.first_gap(t0, t0 + (cut if cut is not None else length))
            cut = gap - t0 if gap is not None else cut
            if cut is not None and cut < length:
                title, length = rest[pad:pad + cut], cut
        title = strip_lead_unit(title)
        t_start = head_start + h.label_end + pad
        t_end = t_start + length
        s, e = reader.span(start, _trim_end(reader, start, end))
        ts, te = reader.span(t_start, t_end)
        label_s, label_e = reader.span(start, start + label_len)
        sections.append(Section(
            label=reader.text[label_s:label_e], level=depth,
            title=reader.value(t_start, t_start + len(title)) if title else "",
            start=s, end=e, title_start=ts, title_end=te, parent=parent))
    return sections


def _trim_end(reader: Reader, start: int, end: int) -> int:
    """A view end moved back over trailing white space."""
    text = reader.view.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
