"""GB/T 9704 header and footer elements: doc number, title, doc type, issuer, date, recipients, 版记."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Meta
from .dates import bare_date, effective_period, is_date_line, parse_date
from .layout import Reader, TextLine
from .lexicon import data, date_pattern, pattern, rx, words
from .sections import match_heading
from .sitemeta import site_fields
from .chrome import has_site_cue

_JUNK_END = re.compile(r"[?？|｜\s]+$")
BULLETS = "•·●○■□◆◇▲△►▶★☆- \u3000"
_PUNCT = re.compile(r"[，,。：:；;、《》“”\"（）()！？!?\-–—_|｜]")
_PARENS_END = re.compile(r"[（(]([^（）()]{1,16})[）)]$")


@dataclass
class Header:
    """Meta plus where its parts stand (line indices) for the later steps."""
    meta: Meta
    title_span: tuple[int, int] | None = None       # view offsets
    title_lines: tuple[int, int] | None = None      # first and last line index
    recipients_line: int | None = None
    doc_number_line: int | None = None
    limit: int = 0                                   # index of the first numbered heading line
    cover_issues: bool = False                       # a cover text issues an attached document


def is_unit_line(line: str) -> bool:
    """A short line that is nothing but a unit name (署名 or 发文机关标志), not a title's first line
    (关于…人民代表大会)."""
    return len(line) <= data("elements")["max_unit_line"] and not _PUNCT.search(line) \
        and line.endswith(words("elements", "unit_suffixes", "words")) and not is_date_line(line) \
        and not line.startswith(tuple(data("elements")["title_grammar"]["words"]))


def is_dated_signature(line: str) -> bool:
    """True for a 署名 and 成文日期 on one line: 某市商务局　2022年4月20日."""
    m = rx(r"^(?P<unit>.+?)\s*(?P<date>" + date_pattern() + r")$").match(line)
    return bool(m) and is_unit_line(m.group("unit").strip())


def doc_number_at(line: str) -> re.Match | None:
    """The doc number a line starts with, possibly inside parentheses: (厦府办〔2009〕255号)."""
    return pattern("doc_number").match(line.lstrip("（(["))


def title_doc_type(line: str) -> tuple[str, int] | None:
    """(doc_type, kept length) where a line ends like a title (…的通知, 若干措施(试行)); else None."""
    line = rx(data("doc_types")["title_site_suffix"]["pattern"]).sub("", line)
    line = rx(data("doc_types")["title_trailing_date"]["pattern"]).sub("", line)
    if line.startswith(tuple(data("doc_types")["title_not_starts"]["words"])) and "，" in line.replace(",", "，"):
        return None                              # 为深入贯彻…, 全面落实…: a preamble sentence
    if "。" in line or "：" in line or ":" in line or len(line) > data("elements")["max_title_chars"]:
        return None
    kept = len(line)
    qualifier = rx(data("doc_types")["title_qualifiers"]["pattern"])
    core = line
    m = _PARENS_END.search(core)
    if m and not qualifier.fullmatch(m.group(0)):       # a site tag such as (苏州)
        core = core[:m.start()].rstrip()
        kept = len(core)
    while (m := _PARENS_END.search(core)) and qualifier.fullmatch(m.group(0)):
        core = core[:m.start()].rstrip()
    if len(core) < data("elements")["min_title_chars"]:
        return None
    for ending, doc_type, _ in data("doc_types")["title_endings"]:
        if core.endswith(ending) and len(core) > len(ending):
            return doc_type, kept
    return None


def _title_text(ln: TextLine) -> tuple[str, int]:
    """A line's text that may hold a title: after a leading doc number, before glued site fields."""
    from .chrome import strip_leading_chrome
    whole = ln.text.rstrip(" |｜")                 # …的通知 |: a table cell's edge
    text = strip_leading_chrome(whole)
    crumb = rx(data("doc_types")["title_breadcrumb"]["pattern"]).match(text)
    if crumb:                                  # 首页->…->建议提案办理结果公开对政协…的答复
        rest = text[crumb.end():]
        starts = [rest.find(w) for w in data("doc_types")["title_breadcrumb"]["title_starts"] if w in rest]
        first = min(starts, default=0)
        text = rest[first:] if first and not is_unit_line(rest[:first]) else rest
    text = rx(data("doc_types")["title_leading_tag"]["pattern"]).sub("", text)
    offset = len(whole) - len(text)
    m = doc_number_at(text)
    if m:
        rest = text[len(text) - len(text.lstrip("（([")) + m.end():].lstrip(" ）)]")
        rest = rx(data("doc_types")["title_leading_tag"]["pattern"]).sub("", rest)   # …141号 签发人:姜涛
        offset, text = len(whole) - len(rest), rest
    cut = rx(data("chrome")["inline_cues"]["pattern"]).search(text)
    if cut and cut.start() > 0:
        text = text[:cut.start()].rstrip()
    half = len(text) // 2
    if len(text) % 2 == 0 and half >= 8 and text[:half] == text[half:]:     # 禁止焚烧秸秆的通告禁止焚烧秸秆的通告
        text = text[:half]
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:   # 《…关于印发〈…〉的通知》
        offset, text = offset + 1, text[1:-1]
    if not title_doc_type(text):                          # …提案的答复 张阳委员: 您提出的…
        salutation = rx(data("elements")["glued_salutation"]["pattern"])
        for ending, _, _ in data("doc_types")["title_endings"]:
            at = text.find(ending)
            if at > 0 and salutation.match(text, at + len(ending)) and title_doc_type(text[:at + len(ending)]):
                return text[:at + len(ending)], offset
    colon = max(text.rfind("："), text.rfind(":"))
    if colon > 0 and not title_doc_type(text):           # 某区奖励政策:关于…的若干政策意见
        if rx(data("elements")["attachment_mark"]["inline"]).search(text[:colon + 1]):
            return "", offset                              # 附件:1. …名单: the attachments' names
        tail = text[colon + 1:].lstrip()
        if len(tail) >= data("doc_types")["title_after_colon"]["min_chars"] and title_doc_type(tail):
            offset, text = offset + len(text) - len(tail), tail
    return text, offset


def _title_block(lines: list[TextLine], body: list[int], limit: int, chrome: frozenset[int]):
    """The title's first/last line and view span: of the title lines before the 主送 line or the
    first sentence, the last (a page heading above gives way to the title under the doc number)."""
    blocks = []
    for block in _title_blocks(lines, body, limit, chrome):
        if blocks and any(_ends_header(lines[i].text) for i in body if blocks[-1][1] < i < block[0]):
            break
        if blocks and _issues(_block_text(lines, blocks[-1]), _block_text(lines, block)):
            break                                  # 关于印发X的通知 / X: the attached document's title
        blocks.append(block)
    return blocks[-1] if blocks else None


def _block_text(lines: list[TextLine], block) -> str:
    return "".join(lines[i].text for i in range(block[0], block[1] + 1))


def _issues(title: str, other: str) -> bool:
    """True where `title` is a notice issuing the document titled `other` (关于印发《X》的通知 / X)."""
    bare = lambda t: re.sub(r"[的《》〈〉<>“”\"\s]", "", t)        # 《…的若干措施》 / …若干措施
    cues = data("doc_types")["issuing_cues"]["words"]
    return bare(other) != bare(title) and bare(other) in bare(title) \
        and any(w in title for w in cues) and not any(w in other for w in cues)


def _ends_header(line: str) -> bool:
    """A 主送 line or a sentence: the header's title block lies above it."""
    return "。" in line or (line.endswith(("：", ":")) and not has_site_cue(line))


def _title_blocks(lines: list[TextLine], body: list[int], limit: int, chrome: frozenset[int]):
    """Every title block in the header: a title line joined with its lead lines and with a wrapped
    tail (…若干政策举措 / (2025年版)的通知)."""
    taken = -1
    for pos, i in enumerate(body):
        if i <= taken:
            continue
        if i >= limit:
            break
        ln = lines[i]
        if _announcement_number(ln.text):
            continue
        text, offset = _title_text(ln)
        last, hit, joined = ln, title_doc_type(text), text
        wraps = not (is_date_line(text) or is_unit_line(text) or match_heading(text))
        pending, pending_last = joined, ln         # lines taken while the title is still open
        for nxt_i in body[pos + 1:pos + 4] if wraps else ():
            nxt = lines[nxt_i]
            if nxt_i >= limit or not pending or pending[-1] in "。：:；;，," \
                    or any(k in chrome for k in range(pending_last.index + 1, nxt_i)):
                break                              # a site line (发布时间…) parts a site header from the title
            open_book = pending.count("《") > pending.count("》")
            if len(nxt.text) > (40 if open_book else 20) or doc_number_at(nxt.text) or _announcement_number(nxt.text):
                break
            if hit and not nxt.text.startswith(tuple(data("doc_types")["complete_title"]["continued_by"])):
                break                              # a whole title: 政策 or the attached title is not its tail
            longer = title_doc_type(pending + nxt.text)
            if longer and longer[1] > len(pending):        # the title runs into this line
                last, hit = nxt, (longer[0], longer[1] - len(pending))
                joined = pending = pending + nxt.text
                pending_last = nxt
                continue
            if hit or not _open_title(pending) or nxt_i != body[pos + 1] or nxt.text[:6] == pending[:6]:
                break                              # only a title's open head (…关于 / 印发《…) runs on
            pending, pending_last = pending + nxt.text, nxt
        if not hit:
            continue
        if _fuller_title_follows(lines, body[pos + 1:pos + 4], limit, joined[:len(joined) - len(text) + hit[1]]):
            continue                           # a page title, repeated under it with its issuer
        doc_type, kept = hit
        start_line, start = i, ln.start + offset
        if offset == 0:
            start_line, start = _extend_back(lines, body[:pos], ln, wrapped=last is not ln)
        above = [b for b in body[:pos] if b < start_line]
        if above and _is_attachment_mark(lines[above[-1]].text):
            taken = last.index
            continue                               # 附件 / 某名单: an attachment's own title
        taken = last.index
        yield start_line, last.index, (start, last.start + (offset if last is ln else 0) + kept), doc_type


def _whole_title(text: str) -> bool:
    """True for a line that is a title on its own: it ends as one, and an issuing title (关于印发…)
    has its 通知 (关于印发2021年区政府工作报告 / 目标任务分解方案的通知 goes on)."""
    hit = title_doc_type(text)
    if not hit or hit[1] != len(text):
        return False
    cues = data("doc_types")["issuing_cues"]
    return not any(w in text for w in cues["words"]) or bool(rx(cues["title_tail"]).search(text))


def _is_attachment_mark(line: str) -> bool:
    return bool(rx(data("elements")["attachment_mark"]["line"]).match(line.strip()))


def _open_title(text: str) -> bool:
    """True for a title's head that cannot stand alone: it ends with 关于/印发 or leaves a 《 open."""
    grammar = tuple(data("elements")["title_grammar"]["words"])
    return text.endswith(grammar) or (text.count("《") > text.count("》") and any(w in text for w in grammar))


def _fuller_title_follows(lines: list[TextLine], after: list[int], limit: int, title: str) -> bool:
    """True where a line below holds a (web page) title in a fuller title: with its issuer in front
    (某局关于…的答复) or as the document a notice issues (关于印发《…》的通知)."""
    for i in after:
        if i >= limit:
            break
        text, _ = _title_text(lines[i])
        if len(text) > len(title) and title in text and title_doc_type(text):
            return True
    return False


def _extend_back(lines: list[TextLine], before: list[int], ln: TextLine, wrapped: bool = False) -> tuple[int, int]:
    """Earlier lines of a title printed over several lines (a unit line only before 关于…, or before
    对… where the title is printed as a block of lines: 某街道办事处 / 对…第18号提案的 / 答复)."""
    first, start = ln, ln.start
    marks = tuple(data("elements")["issuer_mark"]["words"])
    suffixes = data("elements")["unit_suffixes"]["words"]
    for i in reversed(before[-3:]):
        if any(lines[j].text.strip() for j in range(i + 1, first.index)):
            break                                  # a skipped line (breadcrumb) parts them
        prev, prev_offset = _title_text(lines[i])
        if _is_attachment_mark(lines[i].text) or _announcement_number(lines[i].text):
            break
        if _whole_title(prev) and _issues(prev, first.text):
            break                                  # 关于印发X的通知 above X: the attached document's title
        if not prev and not doc_number_at(lines[i].text):
            break                                  # (此件主动公开), 签发人:… : tags, not the title's head
        grammar = [w for w in data("elements")["title_grammar"]["words"] if w in first.text
                   and (wrapped or w not in data("elements")["title_grammar"]["block_only"])]
        if grammar:                                # the title's grammar starts on this line
            lead = first.text[:min(first.text.find(w) for w in grammar)]
            if lead == "" and first.text.startswith(grammar[0]) and is_unit_line(prev) and prev_offset == 0:
                first, start = lines[i], lines[i].start
            elif lead in suffixes and is_unit_line(prev + lead):   # 盘山县人民政府 / 办公室关于…
                first, start = lines[i], lines[i].start + prev_offset
            break
        t = lines[i].text
        if doc_number_at(t) and prev and prev[-1] not in "。：:；;，,":    # 88号盘山县…关于印发《…
            first, start = lines[i], lines[i].start + prev_offset
            break
        if doc_number_at(t) or is_date_line(t) or match_heading(t) or len(t) > 60 or "：" in t or ":" in t \
                or t[-1] in "。；;，,?？" or t.endswith(marks) or is_unit_line(t):
            break                                  # a field line (办理结果:(C)) is not the title's head
        first, start = lines[i], lines[i].start
    return first.index, start


def read_header(reader: Reader, lines: list[TextLine], first: int, last: int,
                chrome: frozenset[int]) -> Header:
    """The header and footer elements of the letter in lines [first, last]."""
    body = [ln.index for ln in lines[first:last + 1] if ln.index not in chrome]
    limit = next((i for i in body if match_heading(lines[i].text) and not _site_field_item(lines[i].text)), last + 1)
    meta = Meta()
    head = Header(meta=meta, limit=limit)

    block = _title_block(lines, body, limit, chrome)
    if block:
        t_first, t_last, (ts, te), meta.doc_type = block
        head.title_lines, head.title_span = (t_first, t_last), (ts, te)
        meta.title = reader.value(ts, te)
        before = reader.view.text[lines[body[0]].start:lines[t_first].start] if body else ""
        cover = [rx(p) for p in data("doc_types")["cover_letter"]["patterns"]]
        head.cover_issues = any(p.search(before) for p in cover)
        if meta.doc_type != "通知" and head.cover_issues:
            meta.doc_type = "通知"

    _read_doc_number(reader, lines, body, limit, head)
    _read_recipients(reader, lines, body, limit, head)
    _read_signature(reader, lines, body, head)
    heading_issuer = _read_announcement(reader, lines, body, limit, head)
    site_issuer = _read_site_fields(reader, lines, first, limit, head)
    if meta.issuer is None:
        meta.issuer = heading_issuer
    if meta.issuer is None:
        _issuer_from_title(reader, lines, body, head)
    if meta.issuer is None:
        _issuer_from_handling_field(reader, lines, body, head)
    if meta.issuer is None:
        meta.issuer = site_issuer
    if meta.issuer is None:
        _issuer_from_breadcrumb(reader, lines, first, limit, head)
    if meta.issuer:
        meta.issuer = meta.issuer.lstrip(BULLETS) or None        # • 盤錦市人民政府: a list bullet
    _read_category(lines, first, limit, meta)
    _read_footer(reader, lines, body, meta)
    if body:
        text = reader.view.text[lines[body[0]].start:lines[body[-1]].end]
        meta.effective_from, meta.effective_to = effective_period(text, meta.date)
    return head


def _site_field_item(line: str) -> bool:
    """True for a numbered line of a site's metadata list (6. [发文字号] 政府令〔2018〕277号)."""
    label = match_heading(line)
    return bool(label) and bool(site_fields(line[label.label_end:]))


def _read_doc_number(reader: Reader, lines, body, limit, head: Header) -> None:
    """发文字号: the first header line that starts with one, before the 主送 line or the first sentence
    after the title (a site's blurb above the document may hold sentences)."""
    title_line = head.title_lines[0] if head.title_lines else -1
    for i in body:
        if i >= limit:
            break
        ln = lines[i]
        m = doc_number_at(ln.text) or pattern("doc_number_field").fullmatch(ln.text.strip())   # 工信厅规函[2018]56
        if m:
            lead = len(ln.text) - len(ln.text.lstrip("（(["))
            head.meta.doc_number = reader.value(ln.start + lead + m.start("v"), ln.start + lead + m.end("v"))
            head.doc_number_line = i
            return
        if i > title_line and ("。" in ln.text or (ln.text.endswith(("：", ":")) and not has_site_cue(ln.text))):
            break
    for ln in lines[body[0] if body else 0:limit]:     # 关于…的通知 财农〔2020〕10号 2020年3月24日 (a site line)
        if "。" in ln.text:
            break
        for m in pattern("doc_number").finditer(ln.text):
            bracket = m.start("v") + re.search(r"[〔\[(（【［]", m.group("v")).start()
            for k in range(bracket - 1, m.start("v") - 1, -1):     # the longest title before a number
                before = ln.text[:k].rstrip()
                hit = title_doc_type(before)
                number = pattern("doc_number").match(ln.text, k)     # not a citation: 《…》(国发〔2016〕33号)
                if hit and hit[1] == len(before) and number:
                    head.meta.doc_number = reader.value(ln.start + number.start("v"), ln.start + number.end("v"))
                    head.doc_number_line = ln.index
                    return


def _announcement_number(line: str) -> re.Match | None:
    return rx(data("elements")["announcement_heading"]["number"]).match(line.strip())


def _read_announcement(reader: Reader, lines, body, limit, head: Header) -> str | None:
    """An announcement's heading (某办公室通告 / (2022年第32号)): its number is the doc number where
    none is printed; returns the heading's body as issuer, if it reads as a unit."""
    types = tuple(data("elements")["announcement_heading"]["types"])
    for pos, i in enumerate(body):
        if i >= limit or "。" in lines[i].text:
            break
        m = _announcement_number(lines[i].text)
        if not m or pos == 0 or not lines[body[pos - 1]].text.endswith(types):
            continue
        if head.meta.doc_number is None:
            g = "v" if m.group("v") else "w"
            head.meta.doc_number = reader.value(lines[i].start + m.start(g), lines[i].start + m.end(g))
        heading = lines[body[pos - 1]]
        cut = next(len(heading.text) - len(t) for t in types if heading.text.endswith(t))
        above = lines[body[pos - 2]] if pos > 1 else None
        if is_unit_line(heading.text[:cut]):
            return reader.value(heading.start, heading.start + cut)
        if above and not is_unit_line(above.text) and "。" not in above.text \
                and is_unit_line(above.text + heading.text[:cut]):          # 太原市…疫情 / 防控…办公室通告
            return reader.value(above.start, heading.start + cut)
        return None
    return None


def _read_recipients(reader: Reader, lines, body, limit, head: Header) -> None:
    """主送机关: the first line after the title and before the body's headings that ends with a colon
    (a colon line above the title is site furniture: 主题词：, 分享到：)."""
    after = head.title_lines[1] if head.title_lines else -1
    for pos, i in enumerate(body):
        if i >= limit:
            break
        if i <= after:
            continue
        ln = lines[i]
        text = _JUNK_END.sub("", ln.text)
        if not text.endswith(("：", ":")) or "。" in text or len(text) > 200:
            continue
        if any(w in text for w in data("elements")["not_recipients"]["words"]):
            continue
        if pos and lines[body[pos - 1]].text.endswith(("，", ",", "、")):
            continue
        end = ln.start + len(text) - 1
        begin = ln.start
        m = doc_number_at(text)
        if m:                                  # 雁政建复〔2024〕4号(B类)唐如伟、李征平等代表:
            rest = rx(r"[\s）)\]]*(?:[（(][A-CＡ-Ｃ]类[）)])?\s*").match(text, m.end() + len(text) - len(text.lstrip("（([")))
            begin = ln.start + rest.end()
        raw = reader.value(begin, end)
        head.recipients_line = i
        head.meta.recipients = [p.strip() for p in re.split(r"[，,；;]", raw) if p.strip()]
        return


def _read_signature(reader: Reader, lines, body, head: Header) -> None:
    """成文日期 and 署名: the first date line after the first sentence, and the unit line above it."""
    meta = head.meta
    started = False
    for pos, i in enumerate(body):
        ln = lines[i]
        if not started:
            started = "。" in ln.text
            continue
        m = rx(r"^(?P<unit>.+?)\s*(?P<date>" + date_pattern() + r")$").match(ln.text)
        if m and is_unit_line(m.group("unit").strip()):            # 署名 and date on one line
            meta.date = parse_date(m.group("date"))
            meta.issuer = reader.value(ln.start, ln.start + len(m.group("unit").rstrip()))
            break
        if not is_date_line(ln.text) and (bare := bare_date(ln.text)) and (
                _signed_above(lines, body[:pos]) or lines[body[pos - 1]].text.rstrip().endswith("。")):
            meta.date = bare                                        # 2017919: 年月日 lost in the copy
            units = _signature_units(lines, [b for b in body[:pos] if not _is_disclosure(lines[b].text)])
            units = units or _unit_below(lines, body, pos)
            if units:
                meta.issuer = " ".join(reader.value(u.start, u.end) for u in units)
            break
        if is_date_line(ln.text):
            meta.date = parse_date(ln.text)
            units = _signature_units(lines, body[:pos]) or _unit_below(lines, body, pos)
            if units:
                meta.issuer = " ".join(reader.value(u.start, u.end) for u in units)
            break
    if meta.date is None:                      # …作出更大贡献。 二○○五年二月七日: line breaks lost
        tail = rx(r"[。！：:]\s*(?P<date>" + date_pattern() + r")\s*$")
        started = False
        for i in body:
            started = started or "。" in lines[i].text
            m = tail.search(lines[i].text) if started else None
            if m:
                meta.date = parse_date(m.group("date"))
                break
    if meta.date is None:
        for i in body[:12]:
            m = pattern("gazette_date").match(lines[i].text)
            if m:
                meta.date = parse_date(m.group("date"))
                break


def _issuer_from_title(reader: Reader, lines, body, head: Header) -> None:
    """The issuer a title starts with (某局关于…), or a unit line printed above the title."""
    meta = head.meta
    if not head.title_span:
        return
    ts, te = head.title_span
    title = reader.view.text[ts:te]
    seps = [title.find(w) for w in data("elements")["title_issuer_separators"]["words"] if title.find(w) > 1]
    if seps:
        unit = title[:min(seps)].strip()
        joint = [u for u in re.split(r"[、\s]+", unit) if u]      # 四川省环境保护厅、四川省农业厅关于…
        if is_unit_line(unit) or rx(data("elements")["place_issuer"]["pattern"]).fullmatch(unit):
            meta.issuer = reader.value(ts, ts + len(title[:min(seps)].rstrip()))   # 某局 / 五华区 关于…
            mark = _issuer_mark(lines, body, head.title_lines[0], unit)
            if mark:                               # 贵阳市人民政府办公厅 / 筑府办函… / 市人民政府办公厅关于…
                meta.issuer = reader.value(mark.start, mark.end)
            return
        if 1 < len(joint) <= data("elements")["max_joint_issuers"] and all(map(is_unit_line, joint)):
            spans = [(m.start(), m.end()) for m in re.finditer(r"[^、\s]+", title[:min(seps)])]
            meta.issuer = " ".join(reader.value(ts + a, ts + b) for a, b in spans)   # as a joint signature
            return
    t_last = lines[head.title_lines[1]]
    tag = _PARENS_END.search(reader.view.text[te:t_last.end].strip())
    if tag and is_unit_line(tag.group(1)):          # 关于…的答复(水利局): the answering unit in brackets
        at = reader.view.text.index(tag.group(1), te)
        meta.issuer = reader.value(at, at + len(tag.group(1)))
        return
    t_first = head.title_lines[0]
    for i in reversed([b for b in body if b < t_first][-3:]):
        if any(lines[j].text.strip() for j in range(i + 1, t_first) if j not in body):
            break                                  # site lines between: a site's name, not the issuer
        if is_unit_line(lines[i].text):
            meta.issuer = reader.value(lines[i].start, lines[i].end)
            return


def _issuer_from_handling_field(reader: Reader, lines, body, head: Header) -> None:
    """承办单位:某局 in a reply's own fields, where it names a unit."""
    for i in body:
        m = rx(data("elements")["handling_unit_field"]["pattern"]).match(lines[i].text)
        if not m:
            continue
        v = m.group("v")
        k = next((k for k in range(len(v), 1, -1) if is_unit_line(v[:k])), 0)   # …建设局单位负责人: glued
        if k:
            head.meta.issuer = reader.value(lines[i].start + m.start("v"), lines[i].start + m.start("v") + k)
            return


def _issuer_from_breadcrumb(reader: Reader, lines, first, limit, head: Header) -> None:
    """A department's own pages (首页>部门信息公开目录>市交通运输局>回应关切): the last unit named in the
    breadcrumb over the letter, where nothing else names the issuer."""
    for ln in lines[first:limit]:
        crumbs = list(re.finditer(r"[^>»›＞\s]+", ln.text))
        if len(crumbs) < 3 or not rx(data("doc_types")["title_breadcrumb"]["pattern"]).match(ln.text):
            continue
        units = [c for c in crumbs[1:] if is_unit_line(c.group())]
        if units:
            head.meta.issuer = reader.value(ln.start + units[-1].start(), ln.start + units[-1].end())
        return


def _is_disclosure(line: str) -> bool:
    return any(rx(p).search(line) for p in data("patterns")["disclosure"]["patterns"])


def _issuer_mark(lines, body: list[int], title_first: int, unit: str) -> TextLine | None:
    """The 发文机关标志 over a title whose issuer is written short: a unit line a few lines above that
    ends with the title's unit and names more (贵阳市人民政府办公厅 over 市人民政府办公厅关于…)."""
    for i in [b for b in body if b < title_first][-4:]:
        text = lines[i].text.removesuffix("文件").strip()
        if is_unit_line(text) and text.endswith(unit) and len(text) > len(unit):
            return TextLine(i, lines[i].start, lines[i].start + len(text), text)
    return None


def _unit_below(lines, body: list[int], pos: int) -> list[TextLine]:
    """A unit line right under a date that has none above it (a web copy printing the date first)."""
    nxt = lines[body[pos + 1]] if pos + 1 < len(body) else None
    return [nxt] if nxt and is_unit_line(nxt.text) and not match_heading(nxt.text) else []


def _signed_above(lines, before: list[int]) -> bool:
    """True where the line above (a 公开方式 note aside) is a unit line: a signature."""
    above = [b for b in before if not _is_disclosure(lines[b].text)]
    return bool(above) and is_unit_line(lines[above[-1]].text)


def _signature_units(lines, before: list[int]) -> list[TextLine]:
    """The unit lines signed above a date: one issuer, or the stacked names of a joint issue."""
    units: list[TextLine] = []
    for i in reversed(before[-data("elements")["max_joint_issuers"]:]):
        if not is_unit_line(lines[i].text) or match_heading(lines[i].text):
            break
        units.insert(0, lines[i])
    head = before.index(units[0].index) if units else -1
    if len(units) == 1 and head > 0:              # a long name wrapped: 遼寧省統籌推進…防控 / 和經濟…總指揮部
        prev = lines[before[head - 1]]
        closing = any(rx(p).search(prev.text) for p in data("elements")["closing_formulas"]["patterns"])
        wrapped = units[0].text.startswith(("和", "及", "与")) or (      # 太原市疫情防控 / 领导小组办公室
            len(prev.text) <= 16 and not _PUNCT.search(prev.text) and not match_heading(prev.text)
            and not _is_disclosure(prev.text))
        if not closing and not is_unit_line(prev.text) and "。" not in prev.text \
                and is_unit_line(prev.text + units[0].text) and wrapped:
            units = [TextLine(prev.index, prev.start, units[0].end, prev.text + units[0].text)]
    return units


def _read_site_fields(reader: Reader, lines, first, limit, head: Header) -> str | None:
    """Doc number, date and title from a site's metadata block where the letter does not show them
    (成文日期 only: a web 发布日期 is not the document's date); returns the block's issuer (发布机构,
    else a 来源 that names a unit), if any."""
    meta, issuer, from_source = head.meta, None, False
    first_sentence = next((ln.index for ln in lines if "。" in ln.text), len(lines))
    for ln in lines[:max(limit, first + 1, first_sentence)]:
        label = match_heading(ln.text)          # 6. [发文字号] 政府令〔2018〕277号: a numbered metadata list
        fields = site_fields(ln.text[label.label_end:] if label else ln.text)
        if label:
            ln = TextLine(ln.index, ln.start + label.label_end, ln.end, ln.text[label.label_end:])
        if "title" in fields and meta.title is None:
            s, e = fields["title"]
            value = ln.text[s:e]
            number = doc_number_at(value)
            if number:
                if meta.doc_number is None:
                    meta.doc_number = reader.value(ln.start + s + number.start("v"), ln.start + s + number.end("v"))
                s += len(value) - len(value[number.end():].lstrip(" —–-－:：|"))
                value = ln.text[s:e]
            hit = title_doc_type(value)
            if hit:
                meta.title, meta.doc_type = reader.value(ln.start + s, ln.start + s + hit[1]), meta.doc_type or hit[0]
                head.title_span = (ln.start + s, ln.start + s + hit[1])
                head.title_lines = (ln.index, ln.index)
        if "doc_number" in fields and meta.doc_number is None:
            s, e = fields["doc_number"]
            d = pattern("doc_number").search(ln.text, s, e) or pattern("doc_number_field").match(ln.text[:e].rstrip(), s)
            if d:
                meta.doc_number = reader.value(ln.start + d.start("v"), ln.start + d.end("v"))
        if "date" in fields and meta.date is None:
            s, e = fields["date"]
            meta.date = parse_date(ln.text[s:e], numeric=True)
        for key in ("issuer", "source"):
            if key in fields and (issuer is None or (key == "issuer" and from_source)):
                s, e = fields[key]
                if is_unit_line(ln.text[s:e]):
                    issuer, from_source = reader.value(ln.start + s, ln.start + e), key == "source"
    return issuer


def _read_category(lines, first, limit, meta: Meta) -> None:
    """A reply's handling category near its doc number: 类别:A, (B类)."""
    for ln in lines[first:min(limit, first + 20)]:
        for p in data("patterns")["category"]["patterns"]:
            m = rx(p).search(ln.text)
            if m:
                meta.category = m.group("v").translate(str.maketrans("ＡＢＣ", "ABC"))
                return


def _read_footer(reader: Reader, lines, body, meta: Meta) -> None:
    """版记 and 公开方式: disclosure, printing office and date, 抄送 list."""
    for pos, i in enumerate(body):
        ln = lines[i]
        if meta.disclosure is None:
            for p in data("patterns")["disclosure"]["patterns"]:
                m = rx(p).search(ln.text)
                if m:
                    meta.disclosure = reader.value(ln.start + m.start("v"), ln.start + m.end("v"))
                    break
        m = pattern("printer").match(ln.text)
        if m and meta.printer is None:
            meta.printer = reader.value(ln.start + m.start("unit"), ln.start + m.end("unit"))
            meta.print_date = parse_date(m.group("date"))
        m = pattern("cc").match(ln.text)
        if m and not meta.cc:
            start, end = ln.start + m.start("v"), ln.end
            if not m.group("v").strip(" |｜") and pos + 1 < len(body):
                nxt = lines[body[pos + 1]]
                start, end = nxt.start, nxt.end
            raw = reader.value(start, end)
            meta.cc = [p.strip(" |｜。.") for p in re.split(r"[，,、；;]", raw) if p.strip(" |｜。.")]
