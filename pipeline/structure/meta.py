"""GB/T 9704 header and footer elements: doc number, title, doc type, issuer, date, recipients, 版记."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..clean.script import to_simplified, view_text
from ..types import Meta
from .dates import bare_date, bare_date_readings, effective_period, is_date_line, parse_date
from .layout import Reader, TextLine
from .lexicon import data, date_pattern, pattern, rx
from .sections import match_heading
from .sitemeta import (key_alone, key_ending, label_row_fields, opens_with_key, site_field_item, site_fields,
                       starts_with_site_key)
from .chrome import has_site_cue, is_chrome, is_disclosure, is_related_list_header
from .titles import (NUMBER_OPENERS, PARENS_END, PUNCT, announcement_number, bare_title, doc_number_at, is_person_post,
                     is_unit_line, issues_document, number_after_title, printed_twice, strip_leading_tags,
                     title_block, title_doc_type, unquoted_words)

_JUNK_END = re.compile(r"[?？|｜\s]+$")
BULLETS = "•·●○■□◆◇▲△►▶★☆- \u3000"
MIN_SOURCE_UNIT = 4          # a unit named in a source field before a glued number: 市林业局 and longer
MIN_TITLE_TAIL = 8           # a title read short that a site's fuller title ends with: …第1192号建议办理情况的答复


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
    date_readings: tuple[str, ...] = ()              # a signature date that lost its 年月日, read more than one way
    cut_readings: tuple[str, ...] = ()               # a signature date the excerpt cut inside its day (2025年4月1)
    headline: bool = False                           # the title is the page's headline, no title line of the letter
    decree_maker: str | None = None                  # the body a decree's number names (某省人民政府令第1号)
    adopted_by: str | None = None                    # the standing committee whose meeting adopted the rules


def is_cover_text(text: str) -> bool:
    """True where a cover text issues an attached document (《…方案》已经市人民政府同意，现印发给你们): above a
    title, or an untitled letter above its signature."""
    return any(rx(p).search(text) for p in data("doc_types")["cover_letter"]["patterns"])


def is_dated_signature(line: str) -> bool:
    """True for a 署名 and 成文日期 on one line: 某市商务局　2022年4月20日."""
    m = rx(r"^(?P<unit>.+?)\s*(?P<date>" + date_pattern() + r")$").match(line)
    return bool(m) and is_unit_line(m.group("unit").strip())


def read_header(reader: Reader, lines: list[TextLine], first: int, last: int,
                chrome: frozenset[int]) -> Header:
    """The header and footer elements of the letter in lines [first, last]."""
    body = [ln.index for ln in lines[first:last + 1] if ln.index not in chrome]
    limit = next((i for i in body if match_heading(lines[i].text) and not site_field_item(lines[i].text)
                  and not rx(data("elements")["file_name_line"]["pattern"]).search(lines[i].text)), last + 1)
    meta = Meta()
    head = Header(meta=meta, limit=limit)

    block = title_block(lines, body, limit, chrome)
    if block:
        t_first, t_last, (ts, te), meta.doc_type = block
        head.title_lines, head.title_span = (t_first, t_last), (ts, te)
        meta.title = reader.value(ts, te)
        before = reader.view.text[lines[body[0]].start:lines[t_first].start] if body else ""
        head.cover_issues = is_cover_text(before)
        if meta.doc_type != "通知" and head.cover_issues:
            meta.doc_type = "通知"

    if meta.title is None:
        _title_in_opening(reader, lines, body, head)
    if meta.title is None:
        _title_issued_below(reader, lines, body, limit, head)
    if meta.title is None:
        _type_alone_title(reader, lines, body, limit, head)
    if meta.title is None:
        _headline_over_posting(reader, lines, limit, head)
    _read_doc_number(reader, lines, body, limit, head)
    _read_recipients(reader, lines, body, limit, head)
    _read_signature(reader, lines, body, head)
    if meta.date is None and meta.issuer is None:
        _read_closing_fields(reader, lines, body, head)
    if meta.date is None and head.title_span:
        _date_under_title(reader, head)
    if meta.date is None and head.title_lines:
        _date_beside_issuer(lines, body, limit, head)
    heading_issuer = _read_announcement(reader, lines, body, limit, head)
    heading_issuer = _read_decree(reader, lines, body, limit, head) or heading_issuer
    site_issuer = _read_site_fields(reader, lines, first, limit, head) or _read_label_rows(reader, lines, head) \
        or _unlabelled_catalogue_unit(reader, lines, limit)
    if len(head.date_readings) > 1 and meta.date in head.date_readings:
        _reading_before_posting(lines, head)
    if meta.date is None:
        _date_under_number(lines, body, limit, head)
    if meta.date is None:
        _date_from_handling_row(lines, head)
    if meta.date is None:
        _date_of_adoption(reader, lines, body, limit, head)
    if meta.date is None:
        _date_after_number(lines, head)
    if meta.date is None:
        _date_closing_attachment(lines, body, head)
    _prefer_printed_brackets(reader, lines, body, head)
    if meta.issuer is None:
        meta.issuer = heading_issuer
    if meta.issuer is None and not (head.headline and site_issuer):
        _issuer_from_title(reader, lines, body, head)     # a headline yields to the page's 来源 (县卫健委… / 灵璧县卫生健康委员会)
    if meta.issuer is None:
        _issuer_above_number(reader, lines, body, head)
    if meta.issuer is None and head.title_lines:
        _signed_under_title(reader, lines, body, head)
    if meta.issuer is None:
        _issuer_from_handling_field(reader, lines, body, head)
    if meta.issuer is None:
        meta.issuer = head.decree_maker            # (…成都市人民政府令第128号公布): before the page's 来源
    if meta.issuer is None or (site_issuer and meta.issuer in site_issuer and meta.issuer != site_issuer
                               and rx(data("elements")["place_issuer"]["in_site_issuer"]).fullmatch(meta.issuer)) \
            or (site_issuer and _level_only_of(meta.issuer, site_issuer)):
        meta.issuer = site_issuer                  # 闵行区关于… with 来源:上海市闵行区经济委员会: the unit itself
    if meta.issuer is None and meta.title and not head.title_span:
        _issuer_from_named_title(meta)
    if meta.issuer is None:
        meta.issuer = head.adopted_by
    if meta.issuer is None and head.title_lines:
        _issuer_from_byline(reader, lines, body, head)
    if meta.issuer is None:
        _issuer_from_breadcrumb(reader, lines, 0, limit, head)    # the breadcrumb is the site's: above the letter
    if meta.issuer is None:
        _issuer_from_news_lead(reader, lines[:first], head)
    if meta.issuer is None:                        # a lead about this very document: in the first lines, or above its title
        lead = sorted({*body[:3], *(i for i in body if head.title_lines and i < head.title_lines[0])})
        _issuer_from_news_lead(reader, [lines[i] for i in lead], head, about=meta.title)
    if meta.issuer:
        meta.issuer = meta.issuer.lstrip(BULLETS) or None        # • 盤錦市人民政府: a list bullet
    if meta.issuer and (year := rx(data("elements")["issuer_lead_year"]["pattern"]).match(meta.issuer)):
        meta.issuer = meta.issuer[year.end():]                   # 2022年度市中区人民政府关于…: the year is no part of it
    if meta.issuer and meta.title:
        meta.issuer = _as_the_title_writes(meta.issuer, meta.title)
    _read_category(lines, first, limit, meta)
    _read_footer(reader, lines, body, meta)
    if body:
        text = reader.view.text[lines[body[0]].start:lines[body[-1]].end]
        meta.effective_from, meta.effective_to = effective_period(text, meta.date)
    return head


def _as_the_title_writes(issuer: str, title: str) -> str:
    """The issuer without the province a signature adds before a city's body, where the title writes
    that body without it (青海省西宁市人民政府 under 西宁市人民政府关于…的通知: 西宁市人民政府)."""
    m = rx(data("elements")["issuer_province_prefix"]["pattern"]).match(to_simplified(issuer))
    if m and to_simplified(title).startswith(to_simplified(issuer[m.end():])):
        return issuer[m.end():]
    return issuer


def _number_in_source(value: str) -> tuple[int, int] | None:
    """The span of a doc number that is a source field's value (井府办字〔2018〕184号), or that follows the
    unit the field names where a line join glued the letter's number to it (中山市商务局 / 中山商务贸函〔2024〕8号)."""
    lead = len(value) - len(value.lstrip())
    v = value.strip()
    units = [k for k in range(len(v) - 1, MIN_SOURCE_UNIT - 1, -1) if is_unit_line(v[:k])]
    for k in units + [0]:
        d = pattern("doc_number").fullmatch(v, k)
        if d and d.start("v") == k:
            return lead + d.start("v"), lead + d.end("v")
    return None


def _date_under_title(reader: Reader, head: Header) -> None:
    """成文日期 in parentheses right under (or after) the title, as a 决定 or 命令 prints it where it has no
    signature: …的决定 / (二○一一年十二月七日)."""
    m = rx(r"\s*[（(]\s*(?P<d>" + date_pattern() + r")\s*[）)]").match(reader.view.text, head.title_span[1])
    if m:
        head.meta.date = parse_date(m.group("d"))


def _date_of_adoption(reader: Reader, lines, body, limit, head: Header) -> None:
    """A rule's date from its note under the title ((…会议通过 …令第1号公布)): the promulgation's date, with
    the decree's number, where the note gives one, else the first date."""
    after = head.title_lines[1] if head.title_lines else -1      # a page that starts with the note: no title
    candidates = [b for b in body if after < b < limit]
    title = bare_title(to_simplified(head.meta.title or ""))
    again = [b for pos, b in enumerate(candidates[1:], start=1)   # the title printed again above the text
             if title and bare_title(to_simplified(lines[candidates[pos - 1]].text)) == title]
    for i in candidates[:MAX_NOTE_LINES] + again:
        ln = lines[i]
        note = ln.text.strip()
        m = pattern("adoption_note").match(note)
        cut = not note.endswith((")", "）"))          # (1997年3月29日西藏自治区第六届 / …: the page broke it
        if not m or not (cut or rx(data("patterns")["adoption_note"]["cues"]).search(m.group("rest"))):
            continue
        head.meta.date = parse_date(m.group("first"))
        at = ln.start + len(ln.text) - len(ln.text.lstrip())
        if p := pattern("adoption_note", "promulgated").search(note):
            head.meta.date = parse_date(p.group("date"))
            if head.meta.doc_number is None:
                head.meta.doc_number = reader.value(at + p.start("number"), at + p.end("number"))
            maker = p.group("number")[:p.group("number").index("令")]
            if is_unit_line(maker):                 # 吉林省人民政府令第163号: the government, where nothing else names it
                head.decree_maker = reader.value(at + p.start("number"), at + p.start("number") + len(maker))
        elif p := pattern("adoption_note", "published").search(note):
            head.meta.date = parse_date(p.group("date"))       # …审议批准 2023年9月27日某办公厅 某办公厅发布
            spans = _unit_spans(p.group("by"))
            if head.meta.issuer is None and spans:
                head.meta.issuer = _joined_spans(reader, at + p.start("by"), spans)
        elif (p := pattern("adoption_note", "adopted_by").match(m.group("rest"))) and "批准" not in m.group("rest"):
            by = at + m.start("rest") + p.start("by")           # (…某省第十二届人民代表大会常务委员会第十三次会议通过)
            head.adopted_by = reader.value(by, by + len(p.group("by")))
        return


def _date_after_number(lines, head: Header) -> None:
    """成文日期 glued to the doc number opening its line, as a gazette's abstract runs a letter's head
    together (赣府厅字[2018]87号2018年9月18日各市、县(区)人民政府,…)."""
    if head.doc_number_line is None:
        return
    text = lines[head.doc_number_line].text.lstrip(NUMBER_OPENERS)
    m = doc_number_at(text)
    if m and m.start() == 0 and (d := pattern("number_dated").match(text, m.end())):
        head.meta.date = parse_date(d.group("d"))


def _date_closing_attachment(lines, body, head: Header) -> None:
    """成文日期 run onto the attachment line by a page that lost the signature's line breaks
    (附件:2014年度…预算表 2015年4月23日)."""
    for i in body:
        if m := pattern("attachment_dated_line").fullmatch(lines[i].text):
            head.meta.date = parse_date(m.group("d"))
            return


MAX_NOTE_LINES = 4          # a rule's note stands within the first lines under its title


def _reading_before_posting(lines, head: Header) -> None:
    """A signature date read two ways (2023114): the latest reading not after the page's posting date."""
    posted = next((m for ln in lines if (m := pattern("date_bare", "posted").search(ln.text))), None)
    when = parse_date(posted.group("date"), numeric=True) if posted else None
    before = [r for r in head.date_readings if when and r <= when]
    if before:
        head.meta.date = max(before)


def _date_beside_issuer(lines, body, limit, head: Header) -> None:
    """成文日期 printed with the issuing body on a line under the title (1999年7月13日,国家海洋局), as a law
    database prints a rule that has no signature."""
    spec = pattern("dated_issuer_line")
    for i in (i for i in body if head.title_lines[1] < i < limit):
        m = spec.fullmatch(lines[i].text)
        if m and is_unit_line(m.group("u")):
            head.meta.date = parse_date(m.group("d"))
            return


def _date_under_number(lines, body, limit, head: Header) -> None:
    """成文日期 on its own line under the doc number under a title line, as a collection of documents prints
    them (…的通知 / 工信厅信发函〔2021〕27号 / 2021年2月20日)."""
    header = [i for i in body if i < limit]
    for above, number, date in zip(header, header[1:], header[2:]):
        d = doc_number_at(lines[number].text)
        if d and d.end() >= len(lines[number].text.rstrip()) and number == above + 1 and date == number + 1 \
                and is_date_line(lines[date].text) and title_doc_type(lines[above].text):
            head.meta.date = parse_date(lines[date].text)
            return


def _title_in_opening(reader: Reader, lines, body, head: Header) -> None:
    """No title line: the 《》 name of the document the opening sentence (the first line with a 。, or the
    first to present one, in a news lead above the letter too) presents (…联合制定了《…实施方案》)."""
    spec = data("doc_types")["title_in_opening"]
    presented = rx(spec["pattern"])
    lead = list(range(body[0])) if body else []          # a news lead above the letter (近日，某厅发布《…》。)
    opening = next((i for i in lead + body[:spec["lines"]]
                    if "。" in lines[i].text or presented.search(lines[i].text)), None)
    m = presented.search(lines[opening].text) if opening is not None else None
    typed = title_doc_type(m.group("v")) if m else None
    if typed:
        start = lines[opening].start + m.start("v")
        head.meta.title = reader.value(start, lines[opening].start + m.end("v"))
        head.meta.doc_type = "通知" if is_cover_text(lines[opening].text) else typed[0]    # …制定了《X》。现印发给你们
        number = rx(r"》\s*[（(]\s*").match(lines[opening].text, m.end("v"))     # 《…方案》(官发〔2024〕11号)
        d = pattern("doc_number").match(lines[opening].text, number.end()) if number else None
        if d and d.start("v") == number.end() and head.meta.doc_number is None:
            head.meta.doc_number = reader.value(lines[opening].start + d.start("v"), lines[opening].start + d.end("v"))


def _type_alone_title(reader: Reader, lines, body, limit, head: Header) -> None:
    """A notice titled by its type alone (通 告) on its own line before its first sentence."""
    for i in body:
        text = lines[i].text
        if i >= limit or "。" in text or text.rstrip().endswith((":", "：")):
            return
        if "".join(text.split()) in data("elements")["type_alone_title"]["words"]:
            ln = lines[i]
            head.title_lines, head.title_span = (i, i), (ln.start, ln.start + len(ln.text.rstrip()))
            head.meta.title = reader.value(*head.title_span)
            head.meta.doc_type = "".join(text.split())
            return


def _headline_over_posting(reader: Reader, lines, limit, head: Header) -> None:
    """No title line: the page's headline over the line telling when and where it was posted
    (官亭镇调度秸秆禁烧工作 / 发布时间:2020-10-07 发布机构:…)."""
    spec = data("elements")["posting_line"]
    filled = [ln for ln in lines[:limit] if ln.text.strip()]
    at = next((k for k, ln in enumerate(filled) if rx(spec["pattern"]).match(ln.text)), None)
    if not at:
        return
    ln = filled[at - 1]
    text = ln.text.strip().rstrip(spec["markup_tail"])             # …24条措施">: a page's markup left on
    if "。" in text or rx(spec["not_headline"]).search(text) or not rx(spec["headline"]).search(text) \
            or not data("elements")["min_title_chars"] <= len(text) <= data("elements")["max_title_chars"] \
            or is_unit_line(text) or is_date_line(text) or is_chrome(text) or starts_with_site_key(text) \
            or rx(data("doc_types")["title_breadcrumb"]["pattern"]).match(text) or match_heading(text):
        return
    start = ln.start + len(ln.text) - len(ln.text.lstrip())
    head.title_lines, head.title_span = (ln.index, ln.index), (start, start + len(text))
    head.meta.title = reader.value(*head.title_span)
    head.meta.doc_type = (title_doc_type(text) or (None,))[0]
    head.headline = True


def _title_issued_below(reader: Reader, lines, body, limit, head: Header) -> None:
    """No title line: the document a cover sentence issues (现将《X》印发给你们) is the title where its own
    title line X follows the cover; the document is then a 通知."""
    cover = [rx(p) for p in data("doc_types")["cover_letter"]["patterns"]]
    named = rx(data("doc_types")["title_issued_below"]["named"])
    header = [i for i in body if i < limit]
    for pos, i in enumerate(header):
        if not any(p.search(lines[i].text) for p in cover):
            continue
        mark = rx("^" + data("elements")["attachment_mark"]["inline"] + r"\s*")
        for m in named.finditer(lines[i].text):
            name = "".join(m.group("v").split())
            for j in header[pos + 1:]:
                text = lines[j].text.strip()
                at = mark.match(text)            # 附件: 河北省农民工工作联席会议2007年工作要点
                if "".join(text[at.end() if at else 0:].split()) == name:
                    start = lines[j].start + len(lines[j].text) - len(lines[j].text.lstrip()) + (at.end() if at else 0)
                    head.meta.title = reader.value(start, start + len(text) - (at.end() if at else 0))
                    head.meta.doc_type = "通知"
                    return
        return


def _read_doc_number(reader: Reader, lines, body, limit, head: Header) -> None:
    """发文字号: the first header line that starts with one, before the 主送 line or the first sentence
    after the title (a site's blurb above the document may hold sentences, and so may its 导读 row)."""
    title_line = head.title_lines[0] if head.title_lines else -1
    for i in body:
        if i >= limit:
            break
        ln = lines[i]
        marked = rx(data("patterns")["category"]["line_prefix"]).match(ln.text)     # 类别:B 杨退军函〔2023〕6号
        text = strip_leading_tags(ln.text[marked.end():] if marked else ln.text)     # (此文件废止)盘政办发〔2018〕69号…
        m = doc_number_at(text) or pattern("doc_number_field").fullmatch(text.strip()) \
            or pattern("doc_number_damaged").match(text)            # 工信厅规函[2018]56, 大府办函〔201697
        if not m and (dated := _dated_number(text)):
            date, text, m = dated                                   # 2001年12月5日  财建〔2001〕899号
            head.meta.date = head.meta.date or date
        if m:
            lead = len(ln.text) - len(text.lstrip(NUMBER_OPENERS))
            head.meta.doc_number = reader.value(ln.start + lead + m.start("v"), ln.start + lead + m.end("v"))
            head.doc_number_line = i
            return
        if i > title_line and not starts_with_site_key(ln.text) and not is_chrome(ln.text) and (
                "。" in ln.text or (ln.text.endswith(("：", ":")) and not has_site_cue(ln.text)
                                   and not _is_form_label(ln.text) and not is_related_list_header(ln.text))):
            break
    for ln in (lines[i] for i in body if i < limit):     # 关于…的通知 财农〔2020〕10号 2020年3月24日 (a site line)
        number = number_after_title(ln.text.split("。")[0])    # …政策清单 内政发〔2023〕3 号 为全面贯彻…。
        if "。" in ln.text and not number:
            break
        if number:
            head.meta.doc_number = reader.value(ln.start + number.start("v"), ln.start + number.end("v"))
            head.doc_number_line = ln.index
            return


def _dated_number(text: str) -> tuple[str | None, str, re.Match] | None:
    """For a line printing its date before the doc number that ends it (2001年12月5日  财建〔2001〕899号): the
    date, the rest of the line from the number on, and the number read in that rest."""
    d = pattern("dated_number_line").match(text)
    rest = text[d.end():] if d else ""
    m = doc_number_at(rest) if d else None
    if not m or rest.lstrip(NUMBER_OPENERS)[m.end():].strip():
        return None
    return parse_date(d.group("d")), rest, m


def _prefer_printed_brackets(reader: Reader, lines, body, head: Header) -> None:
    """A doc number read with square brackets (a database's 【字号】徐府办发[2012]19号) gives way to the same
    number printed with the standard 〔〕 in the letter's head (GB/T 9704)."""
    number = head.meta.doc_number
    if not number or not body or not any(b in number for b in "[［"):
        return
    printed = number.translate(str.maketrans("[［]］", "〔〔〕〕"))
    head_lines = [i for i in body if i < head.limit] or body[:1]
    at = reader.view.text.find(printed, lines[head_lines[0]].start, lines[head_lines[-1]].end)
    if at >= 0:
        head.meta.doc_number = reader.value(at, at + len(printed))


def _is_form_label(line: str) -> bool:
    """A reply form's field label with an empty value (建议人:), printed above the letter."""
    return bool(rx(data("elements")["form_field_label"]["pattern"]).match(line.strip()))


def _read_announcement(reader: Reader, lines, body, limit, head: Header) -> str | None:
    """An announcement's heading (某办公室通告 / (2022年第32号)): its number is the doc number where
    none is printed; returns the heading's body as issuer, if it reads as a unit."""
    types = tuple(data("elements")["announcement_heading"]["types"])
    for pos, i in enumerate(body):
        if i >= limit or "。" in lines[i].text:
            break
        m = announcement_number(lines[i].text)
        if m and pos == 0 and m.group("v") and head.meta.doc_number is None:   # 2013年 第10号 opening a copy
            head.meta.doc_number = reader.value(lines[i].start + m.start("v"), lines[i].start + m.end("v"))
            continue
        if not m or pos == 0 or not lines[body[pos - 1]].text.endswith(types):
            continue
        if head.meta.doc_number is None:
            g = "v" if m.group("v") else "w"
            head.meta.doc_number = reader.value(lines[i].start + m.start(g), lines[i].start + m.end(g))
        heading = lines[body[pos - 1]]
        cut = next(len(heading.text) - len(t) for t in types if heading.text.endswith(t))
        above = lines[body[pos - 2]] if pos > 1 else None
        in_title = bool(head.title_lines) and above is not None \
            and head.title_lines[0] <= above.index < heading.index <= head.title_lines[1]
        if is_unit_line(heading.text[:cut]) and not (in_title and is_unit_line(above.text + heading.text[:cut])):
            return reader.value(heading.start, heading.start + cut)
        if above and not is_unit_line(above.text) and "。" not in above.text \
                and is_unit_line(above.text + heading.text[:cut]):          # 太原市…疫情 / 防控…办公室通告
            return reader.value(above.start, heading.start + cut)
        return None
    return None


def _read_decree(reader: Reader, lines, body, limit, head: Header) -> str | None:
    """A decree (某省人民政府令 / 第71号 / 《…办法》已经…通过，现予公布) carries the rules it promulgates: their
    name is the title and gives the 文种, the heading with its number is the doc number (elements.json decree);
    returns the heading's body as the issuer."""
    spec = data("elements")["decree"]
    for pos, i in enumerate(body):
        if i >= limit:
            return None
        one = rx(spec["one_line"]).match(lines[i].text.strip())
        lead = len(lines[i].text) - len(lines[i].text.lstrip())
        run = rx(spec["run_on"]).match(lines[i].text, lead)     # …令第243号《…办法》已经…: one run-on line
        number_end = None
        if one and is_unit_line(one.group("maker")[:-1]):   # 湖北省人民政府令(第52号): heading and number on one line
            heading, printed_number, maker = lines[i], "", len(one.group("maker"))
        elif run and is_unit_line(run.group("maker")[:-1]):
            heading, printed_number, maker, number_end = lines[i], "", len(run.group("maker")), run.end("w")
        else:
            number = announcement_number(lines[i].text) if pos else None
            heading = lines[body[pos - 1]]
            name = heading.text.strip()
            if not number or not number.group("w") or not name.endswith("令") or not is_unit_line(name[:-1]):
                continue
            printed_number = reader.value(lines[i].start + number.start("w"), lines[i].start + number.end("w"))
            maker = len(name)
        after = ([lines[i]] if number_end else []) + lines[i + 1:i + 1 + spec["window_lines"]]
        for ln in after:
            m = rx(spec["promulgation"]).search(ln.text, number_end or 0)
            if m is None:
                continue
            title = reader.value(ln.start + m.start("name"), ln.start + m.end("name"))
            head.meta.title, head.title_span = title, None
            typed = title_doc_type(to_simplified(m.group("name")))
            head.meta.doc_type = typed[0] if typed and typed[0] else head.meta.doc_type
            printed = reader.value(heading.start, heading.start + number_end if number_end else heading.end).strip()
            head.meta.doc_number = printed + printed_number
            if number_end and head.meta.date is None and (signed := rx(spec["signed_date"]).search(ln.text, m.end())):
                head.meta.date = parse_date(signed.group("d"))   # …现予公布。省长巴音朝鲁2013年12月6日第一条…
            return printed[:maker - 1]                  # the body, without 令
        return None
    return None


def _is_paragraph(line: str) -> bool:
    """A line of running text: at least one sentence and longer than any heading or salutation."""
    return "。" in line and len(line) > data("elements")["max_unit_line"]


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
        if _is_paragraph(ln.text) and pos and _is_paragraph(lines[body[pos - 1]].text):
            break                              # two paragraphs of body text: a colon line below is a form's field
        if (is_date_line(ln.text) or bare_date(ln.text)) \
                and not (i and key_alone(lines[i - 1].text.lstrip(BULLETS))):
            break                              # the letter's date (not a site's 成文日期: / value): the page's below
        text = _JUNK_END.sub("", ln.text)
        if not text.endswith(("：", ":")) or "。" in text or len(text) > 200 or len(text.rstrip("：:").strip()) < 2:
            continue                           # 号: a site's label cut to its last character
        if any(w in text for w in data("elements")["not_recipients"]["words"]) or _is_form_label(text) \
                or is_related_list_header(text) or key_alone(text.lstrip(BULLETS)) \
                or starts_with_site_key(text.lstrip(BULLETS)) or has_site_cue(text):
            continue                           # 内容概览: | |, …发文单位: 点击数:: a site's field with no value
        if pos and lines[body[pos - 1]].text.endswith(("，", ",", "、")):
            continue
        end = ln.start + len(text.rstrip("：:"))                          # 张某等代表:: a colon typed twice
        cell = max(text.rfind("|"), text.rfind("｜")) + 1                 # | 问题答复: | 江伟洪代表: its last cell
        begin = ln.start + cell + len(text[cell:]) - len(text[cell:].lstrip())
        m = doc_number_at(text)
        if m:                                  # 雁政建复〔2024〕4号(B类)唐如伟、李征平等代表:
            lead = len(text) - len(text.lstrip(NUMBER_OPENERS))
            rest = rx(r"[\s）)\]]*(?:[（(][A-CＡ-Ｃ]类[）)])?\s*").match(text, m.end() + lead)
            begin = ln.start + rest.end()
        raw = reader.value(begin, end)
        head.recipients_line = i
        head.meta.recipients = [p.strip() for p in re.split(r"[，,；;]", raw) if p.strip()]
        return


def _level_only_of(issuer: str, full: str) -> bool:
    """True where `issuer` names a body by its level alone (市政府, 县人民政府办公室) and `full`, the site's
    field, is that body with its place (无锡市人民政府)."""
    spec = data("elements")["level_only_issuer"]
    m = rx(spec["pattern"]).fullmatch(issuer)
    if not m:
        return False
    body = m.group("level") + m.group("body")
    for short, long in spec["full_forms"].items():
        body = re.sub(short, long, body)
    full = "".join(full.split())
    return full.endswith(body) and len(full) > len(body)


def _read_signature(reader: Reader, lines, body, head: Header) -> None:
    """成文日期 and 署名: the first date line after the first sentence, and the unit line above it."""
    meta = head.meta
    started = False
    for pos, i in enumerate(body):
        ln = lines[i]
        if not started:
            started = "。" in ln.text or any(rx(p).search(ln.text) for p in data("doc_types")["cover_letter"]["patterns"])
            continue
        m = rx(r"^(?P<open>[（(])?(?P<unit>.+?)\s*(?P<date>" + date_pattern() + r")(?(open)[）)])(?P<tag>.*)$").match(
            ln.text.rstrip(" |｜"))                                  # …交通运输局 2019年10月28日 |: a table cell
        if m and m.group("tag").strip() and not is_disclosure(m.group("tag")):
            m = None                                                # …2024年12月30日 (此件公开发布): its note may follow
        if m and is_unit_line(m.group("unit").strip()):            # 署名 and date on one line, (…) or not
            meta.date = parse_date(m.group("date"))
            meta.issuer = reader.value(ln.start + m.start("unit"), ln.start + m.start("unit") + len(m.group("unit").rstrip()))
            break
        if not is_date_line(ln.text) and (bare := bare_date(ln.text)) and (
                "月" in ln.text or _signed_above(lines, body[:pos]) or lines[body[pos - 1]].text.rstrip().endswith("。")
                or (pos + 1 < len(body) and is_disclosure(lines[body[pos + 1]].text))):   # 2025724 / (此件公开发布)
            meta.date = bare                                        # 2017919, 20246月14: 年月日 lost in the copy
            head.date_readings = tuple(bare_date_readings(ln.text))
            units = _signature_units(lines, [b for b in body[:pos] if not is_disclosure(lines[b].text)], reader)
            units = units or _unit_below(lines, body, pos)
            if units:
                meta.issuer = _joined(reader, units)
            break
        dated = _without_disclosure_note(ln.text)           # 2020 年 9 月 17 日(信息公开形式:主动公开)
        if is_date_line(dated):
            units = _signature_units(lines, body[:pos], reader) or _unit_below(lines, body, pos) \
                or _unit_after_sentence(lines[body[pos - 1]])
            if not units and _signed_below_salutation(lines, body, pos):
                continue                        # the suggestion's own date, printed above the reply to it
            meta.date = parse_date(dated)
            if units:
                meta.issuer = _joined(reader, units)
            if meta.date and i == len(lines) - 1:
                head.cut_readings = _cut_day_readings(dated, meta.date)
            break
    signed = body[:-1] if len(body) > 2 and rx(data("elements")["contact_line"]["pattern"]).match(
        lines[body[-1]].text.strip()) else body                       # …教育局 / (联系人:董 斌 …)
    if meta.issuer is None and meta.date is None and len(signed) > 1:  # 感谢…支持! / 南华县交通运输局: no date
        last, closing = lines[signed[-1]], lines[signed[-2]]
        if is_unit_line(last.text) and (any(rx(p).search(closing.text)
                                            for p in data("elements")["closing_formulas"]["patterns"])
                                        or (closing.text.rstrip().endswith("。") and _bare_unit(last.text))):
            meta.issuer = reader.value(last.start, last.end)     # …经营条件等支出。 / 某区残疾人联合会: the last line
        elif is_unit_line(closing.text) and rx(data("elements")["cut_date"]["pattern"]).match(last.text.strip()):
            units = _signature_units(lines, signed[:-1], reader)     # 巩义市人力资源和社会保障局 / 2023年2: cut
            meta.issuer = _joined(reader, units)
        elif len(signed) > 2 and is_unit_line(last.text) and is_unit_line(closing.text) \
                and lines[signed[-3]].text.rstrip().endswith("。") and signed[-1] == len(lines) - 1:
            meta.issuer = _joined(reader, [closing, last])          # …鲜活经验。 / 某厅 某厅 / 某厅: joint signers, the
                                                                    # excerpt cut before their date
    if meta.date is None:                      # …作出更大贡献。 二○○五年二月七日: line breaks lost
        tail = rx(r"[。！：:]\s*(?P<date>" + date_pattern() + r")\s*$")
        started = False
        for i in body:
            started = started or "。" in lines[i].text
            m = tail.search(lines[i].text) if started else None
            if m and rx(data("patterns")["effective_date_key"]["pattern"]).search(
                    to_simplified(lines[i].text[:m.start("date")])):
                continue                       # 实施时间:2021年8月1日: when it takes effect
            if m:
                meta.date = parse_date(m.group("date"))
                break
    if meta.date is None:                      # …请认真贯彻执行。某市人民政府2023年7月8日某市…: all run together
        glued = [(i, name) for name in ("glued_signature", "glued_signature_at_end", "glued_signature_before_title",
                                        "glued_signature_after_attachment")
                 for i in body]
        for i, name in glued:
            m = pattern(name).search(lines[i].text)
            if m and name == "glued_signature_before_title" and not _opens_title(m, meta.title):
                m = None
            if m and is_unit_line(m.group("unit")):
                meta.date = parse_date(m.group("date"))
                if meta.issuer is None:
                    meta.issuer = reader.value(lines[i].start + m.start("unit"), lines[i].start + m.end("unit"))
                break
    for i in body[:12]:                        # (2003年3月19日 沪府办发[2003]4号) under the title: gazette style
        m = pattern("gazette_date").match(lines[i].text)
        if m:
            meta.date = meta.date or parse_date(m.group("date"))
            g = "n1" if m.group("n1") else "n2" if m.group("n2") else None
            if g and meta.doc_number is None:
                meta.doc_number = reader.value(lines[i].start + m.start(g), lines[i].start + m.end(g))
            break


def _cut_day_readings(dated: str, date: str) -> tuple[str, ...]:
    """The dates a signature date may be where the excerpt ends inside its day (2025年4月1 at the text's end:
    4月1日 or 4月10–19日); none where the day is whole (two digits, or 日 written)."""
    day = re.search(r"(\d+)\s*$", dated.strip())
    if not day or len(day.group(1)) != 1:
        return ()
    first, readings = dt.date.fromisoformat(date), [date]
    for later in range(first.day * 10, first.day * 10 + 10):
        try:
            readings.append(first.replace(day=later).isoformat())
        except ValueError:                     # 4月30–39日: no such day
            pass
    return tuple(readings)


def _bare_unit(line: str) -> bool:
    """A line that is a unit's name and nothing else: no heading, label (【牵头部门】) or cut formula (感谢…对政府)."""
    return bool(re.match(r"[\u4e00-\u9fff]", line)) and not match_heading(line) and not re.search(r"[【】\[\]:：]", line) \
        and not any(w in line for w in data("elements")["closing_formulas"]["cut_words"])


def _without_disclosure_note(line: str) -> str:
    """A line without the 公开方式 note in brackets run onto its end ((信息公开形式:主动公开))."""
    m = re.match(r"^(.*?)\s*([（(][^（）()]{2,20}[）)])\s*$", line)
    return m.group(1) if m and is_disclosure(m.group(2)) else line


def _signed_below_salutation(lines, body: list[int], pos: int) -> bool:
    """True where a signed date (unit line, then date) stands below a reply's salutation after the unsigned
    date at `pos`: a page printing the suggestion, dated, above the letter answering it."""
    salutation = rx(data("replies")["salutation_line"]["pattern"])
    greeted = False
    for k in range(pos + 1, len(body)):
        text = lines[body[k]].text
        greeted = greeted or bool(salutation.match(text))
        if greeted and is_date_line(text) and _signature_units(lines, body[:k]):
            return True
    return False


def _opens_title(m: re.Match, title: str | None) -> bool:
    """The text after a run-in signature's date opens the title, or with the place the unit opens with."""
    after = m.string[m.start("next"):].lstrip("0123456789年")
    return after.startswith(m.group("unit")[:2]) or bool(title) and after.startswith(title[:4])


def _unit_before_subject(rest: str, max_subject: int) -> str:
    """The longest body's name opening a title's words before its type, a short subject after it
    (宁武县人民政府 | 封山 | 令); never a bare place."""
    rest = rest.rstrip()
    for k in range(len(rest), max(len(rest) - max_subject, 1) - 1, -1):
        unit = rest[:k].rstrip()
        if is_unit_line(unit) and not rx(data("elements")["place_issuer"]["pattern"]).fullmatch(unit):
            return unit
    return ""


def _issuer_from_title(reader: Reader, lines, body, head: Header) -> None:
    """The issuer a title starts with (某局关于…), or a unit line printed above the title."""
    meta = head.meta
    if not head.title_span:
        return
    ts, te = head.title_span
    title = reader.view.text[ts:te]
    cut = _issuer_end(title)
    year = rx(data("elements")["title_issuer_separators"]["year"]).search(title)
    head_unit = title[:year.start()].strip() if year else ""
    if cut is None and year and year.start() > 1 and is_unit_line(head_unit) \
            and not rx(data("elements")["place_issuer"]["pattern"]).fullmatch(head_unit):
        meta.issuer = reader.value(ts, ts + len(title[:year.start()].rstrip()))   # 某县人民政府2022年…命令
        return
    seps = data("elements")["title_issuer_separators"]
    bare = next((w for w in seps["bare_types"] if title.endswith(w)), None)
    unit = _unit_before_subject(title[:-len(bare)], seps["bare_subject_chars"]) if cut is None and bare else ""
    if unit:
        meta.issuer = reader.value(ts, ts + len(unit))    # 某指挥部公告, 某县人民政府封山禁火令: the body, a subject, the type
        return
    if cut is not None:
        written = title[:cut].rstrip(" 《")               # 某县人民政府办公室《关于…》的通知
        unit = written.strip()
        if is_unit_line(unit) or rx(data("elements")["place_issuer"]["pattern"]).fullmatch(unit):
            meta.issuer = reader.value(ts, ts + len(written))   # 某局 / 五华区 关于…
            mark = _issuer_mark(lines, body, head.title_lines[0], unit)
            if mark:                               # 贵阳市人民政府办公厅 / 筑府办函… / 市人民政府办公厅关于…
                meta.issuer = reader.value(mark.start, mark.end)
            return
        spans = _unit_spans(written)                     # 四川省环境保护厅、四川省农业厅关于…
        if 1 < len(spans) <= data("elements")["max_joint_issuers"]:
            meta.issuer = _joined_spans(reader, ts, spans)
            return
    t_head = lines[head.title_lines[0]]
    if head.title_lines[1] > head.title_lines[0] and is_unit_line(t_head.text.strip()):
        meta.issuer = reader.value(t_head.start, t_head.start + len(t_head.text.rstrip()))   # 某委员会 / 入汛通告
        return
    t_last = lines[head.title_lines[1]]
    tag = PARENS_END.search(reader.view.text[te:t_last.end].strip())
    if tag and is_unit_line(tag.group(1)):          # 关于…的答复(水利局): the answering unit in brackets
        at = reader.view.text.index(tag.group(1), te)
        meta.issuer = reader.value(at, at + len(tag.group(1)))
        return
    t_first = head.title_lines[0]
    for i in reversed([b for b in body if b < t_first][-3:]):
        if i == head.doc_number_line:
            return                                 # what stands over the number is its mark: _issuer_above_number
        if any(lines[j].text.strip() and not _category_line(lines[j].text) for j in range(i + 1, t_first)
               if j not in body):
            break                                  # site lines between: a site's name, not the issuer
        if site_field_item(lines[i].text):
            continue                               # 5. [发文机关] 某镇人民政府: the site's field, read as one
        if is_unit_line(lines[i].text):
            meta.issuer = _joined(reader, _stacked_units(lines, body, i))
            return
        mark = _mark_at(lines, body, i)
        if mark:
            meta.issuer = "".join(reader.value(*mark).split())
            return


def _stacked_units(lines, body: list[int], last: int) -> list[TextLine]:
    """The unit line at `last` and the unit lines stacked right above it: a joint issue's names over its
    title (中共冷水滩区委办公室 / 冷水滩区人民政府办公室 / 关于调整每周清扫日的通知)."""
    units = [lines[last]]
    for i in range(last - 1, max(-1, last - data("elements")["max_joint_issuers"]), -1):
        if i not in body or not is_unit_line(lines[i].text) or site_field_item(lines[i].text) \
                or len(lines[i].text.strip()) < data("elements")["issuer_mark"]["min_chars"]:
            break
        units.insert(0, lines[i])
    return units


def _category_line(line: str) -> bool:
    """True for a line that only gives a reply's handling category (分类:B), a letter's element."""
    return any((m := rx(p).search(line)) and not line.replace(m.group(0), "").strip()
               for p in data("patterns")["category"]["patterns"])


def _mark_word(compact: str) -> str | None:
    """The word a 发文机关标志 ends with (…人民政府文件: 文件), if the line ends with one."""
    return next((w for w in data("elements")["issuer_mark"]["words"] if compact.endswith(w)), None)


def _mark_on_one_line(line: TextLine) -> tuple[int, int] | None:
    """The unit's span of a 发文机关标志 on one line (开化县桐村镇人民政府文件)."""
    compact = "".join(line.text.split())
    mark = _mark_word(compact)
    if not mark or not is_unit_line(compact[:-len(mark)]):
        return None
    end = line.text.rstrip().rfind(mark[0])
    return line.start, line.start + len(line.text[:end].rstrip())


def _mark_at(lines, body: list[int], i: int) -> tuple[int, int] | None:
    """The unit's span of a 发文机关标志 ending on line i, over two lines or on one."""
    return (_mark_over_two_lines(lines, i) if i - 1 in body else None) or _mark_on_one_line(lines[i])


def _mark_over_two_lines(lines, i: int) -> tuple[int, int] | None:
    """The unit's span of a 发文机关标志 printed over two lines, its place above its body and 文件
    (新疆维吾尔自治区 / 人 民 政 府 文 件)."""
    above, line = lines[i - 1], lines[i]
    compact = "".join(line.text.split())
    mark = _mark_word(compact)
    body = compact[:-len(mark)] if mark else ""
    if not body or not is_unit_line("".join(above.text.split()) + body):
        return None
    seen = 0
    for k, ch in enumerate(line.text):
        seen += not ch.isspace()
        if seen == len(body):
            return above.start, line.start + k + 1
    return None


def _issuer_from_named_title(meta: Meta) -> None:
    """The unit a title read from the text's opening starts with (…发布了《自治区人民政府办公厅关于印发…的通知》)."""
    title = meta.title.lstrip("《")
    simple = view_text(title)                       # 辦公廳關于: the separators and units as simplified
    cut = _issuer_end(simple)
    if cut is not None and len(simple) == len(title) and is_unit_line(simple[:cut].strip()):
        meta.issuer = title[:cut].strip()


def _read_closing_fields(reader: Reader, lines, body, head: Header) -> None:
    """A reply closed by form fields, not a signature (单位名称:昆区农牧局 / 答复日期:2023年3月20日): the
    unit and the date they give, after the letter's first sentence (the date's line may close the page)."""
    spec = data("elements")["closing_fields"]
    started = False
    for i in range(body[0], len(lines)) if body else ():
        text = lines[i].text
        if not started:
            started = "。" in text
            continue
        if (m := rx(spec["unit"]).match(text)) and is_unit_line(m.group("v")):
            head.meta.issuer = reader.value(lines[i].start + m.start("v"), lines[i].start + m.end("v"))
        elif (m := rx(spec["date"]).match(text)) and (date := parse_date(m.group("v"), numeric=True)):
            head.meta.date = date


def _issuer_end(title: str) -> int | None:
    """Where the issuing unit a title may start with ends: before its first 关于, 对, 印发… (not at its start)."""
    seps = [title.find(w) for w in data("elements")["title_issuer_separators"]["words"] if title.find(w) > 1]
    return min(seps) if seps else None


def _issuer_from_handling_field(reader: Reader, lines, body, head: Header) -> None:
    """承办单位:某局 in a reply's own fields, or on the row under a reply table's header, where it names a unit."""
    row = _handling_row(lines)
    if row:
        unit = row[0]
        head.meta.issuer = reader.value(unit.start, unit.start + len(unit.text.rstrip()))
        return
    spec, inside = data("elements")["handling_unit_field"], set(body)
    for i in range(len(lines)) if body else ():     # the contact lines after a 抄送 line too
        m = rx(spec["pattern"]).search(lines[i].text)
        if not m or rx(spec["site_footer"]).search(lines[i].text):
            continue
        if i < body[0] and not rx(spec["above_letter"]).match(m.group("label")):
            continue
        if i > body[0] and i not in inside and not rx(spec["after_letter"]).match(m.group("label")) \
                and not (i == body[-1] + 1 and rx(spec["above_letter"]).match(m.group("label"))):
            continue                               # …2020年10月29日 / 承办单位:地区发改委: the letter's last line
        v = m.group("v")
        v = v[:min((at for at in map(v.find, spec["next_keys"]) if at > 0), default=len(v))]   # 农水局处理状态
        k = next((k for k in range(len(v), 1, -1) if is_unit_line(v[:k])), 0)   # …建设局单位负责人: glued
        if k:
            head.meta.issuer = reader.value(lines[i].start + m.start("v"), lines[i].start + m.start("v") + k)
            return


def _date_from_handling_row(lines, head: Header) -> None:
    """The 答复日期 on the row under a reply table's header, after the handling unit (承办单位 答复日期 答复内容 /
    水务厅 / 2010年7月19日), where nothing signed gives the date."""
    row = _handling_row(lines)
    date = row[1] if row else None
    if date is not None and (is_date_line(date.text)
                             or rx(data("patterns")["date_numeric"]["pattern"]).fullmatch(date.text.strip())):
        head.meta.date = parse_date(date.text, numeric=True)


def _handling_row(lines) -> tuple[TextLine, TextLine | None] | None:
    """The handling unit's line under a reply table's header (承办单位 答复日期 答复内容 / 水务厅), and the line
    after it (None at the end)."""
    header = rx(data("elements")["handling_unit_field"]["header_row"])
    for k, (ln, unit) in enumerate(zip(lines, lines[1:])):
        if header.match(ln.text) and is_unit_line(unit.text.strip()):
            return unit, lines[k + 2] if k + 2 < len(lines) else None
    return None


def _issuer_from_byline(reader: Reader, lines, body, head: Header) -> None:
    """The unit of a page's byline beside the title: with the posting time on the line above or below it
    (四平市民政局 2025-09-29 09:02:00), or alone under it over the page's address and time."""
    stamp = data("elements")["byline"]["stamp"]
    with_stamp, stamp_alone = rx(r"(?P<u>\S.*?)\s*" + stamp + r"\s*"), rx(r"\s*" + stamp + r"\s*")
    stamp_first = rx(r"\s*" + stamp + r"\s*(?P<u>\S.*?)\s*")      # 2026-01-26 15:53 市人大常委会办公室
    first, last = head.title_lines
    filled = [ln for ln in lines if ln.text.strip()]
    at = {ln.index: k for k, ln in enumerate(filled)}
    if first not in at or last not in at:
        return
    under = next((lines[i] for i in body if i > last), None)          # under a 【字体: 打印】 row of chrome
    for ln in dict.fromkeys([*(filled[k] for k in (at[first] - 1, at[last] + 1) if 0 <= k < len(filled)),
                             *([under] if under else [])]):
        m = with_stamp.fullmatch(ln.text) or stamp_first.fullmatch(ln.text)
        if m and is_unit_line(m.group("u")) and not _site_row(m.group("u")):
            head.meta.issuer = reader.value(ln.start + m.start("u"), ln.start + m.end("u"))
            return
    below = filled[at[last] + 1:at[last] + 3]
    if len(below) == 2 and is_unit_line(below[0].text) and stamp_alone.fullmatch(below[1].text):
        head.meta.issuer = reader.value(below[0].start, below[0].end)


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


def _issuer_from_news_lead(reader: Reader, lead: list[TextLine], head: Header, about: str | None = None) -> None:
    """The body a news lead says issued the document (日前,安义县人民政府出台…), where nothing else names it;
    in the letter's own first lines only a lead about this very document (…出台了《<its title>》)."""
    cue = rx(data("chrome")["news_lead"]["issuer"]["pattern"])
    about = view_text(about) if about else None
    for ln in lead:
        m = cue.search(ln.text)
        if m and about and not ln.text[m.end():].lstrip("《").startswith(about):
            continue                           # 近日，国务院印发了《…》: another document, cited
        g = "v" if m and m.group("v") else "w"
        if m and all(map(is_unit_line, m.group(g).split("、"))):     # joint issuers: 中共某省委办公厅、某省人民政府办公厅
            head.meta.issuer = reader.value(ln.start + m.start(g), ln.start + m.end(g))
            return


def _issuer_mark(lines, body: list[int], title_first: int, unit: str) -> TextLine | None:
    """The 发文机关标志 over a title whose issuer is written short: a unit line a few lines above that
    ends with the title's unit and names more (贵阳市人民政府办公厅 over 市人民政府办公厅关于…)."""
    for i in [b for b in body if b < title_first][-4:]:
        text = lines[i].text.removesuffix("文件").strip()
        if is_unit_line(text) and text.endswith(unit) and len(text) > len(unit):
            return TextLine(i, lines[i].start, lines[i].start + len(text), text)
    return None


def _issuer_above_number(reader: Reader, lines, body: list[int], head: Header) -> None:
    """The 发文机关标志 printed over the doc number (九江市农业农村局 / . / 九农案字(2025)4号), dots and rules
    between aside; a joint issue's stacked units (某厅 / 文件 / 某委 / 某局) all of them. A site line between
    parts them: then the unit is the site's."""
    rule, most = data("elements")["issuer_mark"], data("elements")["max_joint_issuers"]
    units: list[str] = []
    for i in range(head.doc_number_line - 1 if head.doc_number_line is not None else -1, -1, -1):
        text = lines[i].text.strip()
        if i not in body or len(units) >= most or (not units and site_field_item(text)):
            break
        if len(text.strip(rule["rule_chars"])) <= 1 and not units:
            continue                               # a rule, dots or a stray character (江西… / 西 / 赣工信…)
        if text in rule["words"]:
            continue                               # 某某人民政府 / 文件 / 某政发…: the mark's word on its own line
        if is_unit_line(text) and len(text) >= rule["min_chars"]:
            units.insert(0, reader.value(lines[i].start, lines[i].end).strip())
            continue
        if mark := _mark_at(lines, body, i):
            units.insert(0, "".join(reader.value(*mark).split()))
        break
    if units:
        head.meta.issuer = " ".join(units)


def _signed_under_title(reader: Reader, lines, body: list[int], head: Header) -> None:
    """A report's or speech's unit under its title, its date or the addressee under that (…提案办理情况汇报 /
    宁县人民政府办公室 / (2025年11月19日); …办理情况的报告 / 省人大选举任免联络委员会 / 省人大常委会:): the issuer."""
    after = [i for i in body if i > head.title_lines[1]][:2]
    if len(after) == 2 and is_unit_line(lines[after[0]].text) and not _site_row(lines[after[0]].text) \
            and (is_date_line(lines[after[1]].text.strip().strip("（()）"))
                 or head.meta.recipients and lines[after[1]].text.rstrip().endswith(("：", ":"))):
        head.meta.issuer = reader.value(lines[after[0]].start, lines[after[0]].end)


def _site_row(text: str) -> bool:
    """True for a row of a site's metadata block (公开方式主动公开所属机构某中心…, 来  源 某市人民政府)."""
    return bool(site_fields(text)) or opens_with_key(text) or bool(key_alone(text))


def _unit_below(lines, body: list[int], pos: int) -> list[TextLine]:
    """A unit line right under a date that has none above it (a web copy printing the date first)."""
    nxt = lines[body[pos + 1]] if pos + 1 < len(body) else None
    if nxt and (tail := rx(data("elements")["contact_tail"]["pattern"]).search(nxt.text)):
        nxt = TextLine(nxt.index, nxt.start, nxt.start + tail.start(), nxt.text[:tail.start()])
    return [nxt] if nxt and is_unit_line(nxt.text) and not match_heading(nxt.text) else []


def _signed_above(lines, before: list[int]) -> bool:
    """True where the line above (a 公开方式 note aside) is a unit line: a signature."""
    above = [b for b in before if not is_disclosure(lines[b].text)]
    return bool(above) and is_unit_line(lines[above[-1]].text)


def _unit_after_sentence(ln: TextLine) -> list[TextLine]:
    """The 署名 glued to the body's last sentence above the date (…作出新的贡献。|||  重庆市商业委员会)."""
    end = max(ln.text.rfind("。"), ln.text.rfind("！"))
    if end < 0:
        return []
    tail = ln.text[end + 1:]
    unit = tail.lstrip(" |｜\t\u3000")
    if not is_unit_line(unit):
        return []
    start = ln.start + end + 1 + len(tail) - len(unit)
    return [TextLine(ln.index, start, ln.end, unit)]


def _joined(reader: Reader, units: list[TextLine]) -> str:
    """Signed units as the issuer: their names as printed, one space between."""
    return _joined_spans(reader, 0, [(u.start, u.end) for u in units])


def _joined_spans(reader: Reader, offset: int, spans: list[tuple[int, int]]) -> str:
    """Units at view spans (from `offset`) as one issuer, as a joint signature prints them: one space between."""
    return " ".join(reader.value(offset + a, offset + b) for a, b in spans)


_LISTED_UNIT = re.compile(r"[^、\s]+")


def _unit_spans(text: str) -> list[tuple[int, int]]:
    """The spans of unit names written in a row, parted by 、 or spaces (某厅、某厅 / 某办公厅 某办公厅); none
    where a part is no unit."""
    spans = [m.span() for m in _LISTED_UNIT.finditer(text)]
    return spans if all(is_unit_line(text[a:b]) for a, b in spans) else []


def _signature_units(lines, before: list[int], reader: Reader | None = None) -> list[TextLine]:
    """The unit lines signed above a date: one issuer, or the stacked names of a joint issue, several to a
    row where spaces part them (安溪县教育局     安溪县卫生健康局), the first maybe glued to the last
    sentence (…严肃查处。高邮市环境保护局 / 高邮市建筑工程管理局)."""
    units: list[TextLine] = []
    acting = rx(data("elements")["acting_mark"]["pattern"])
    if before and rx(data("elements")["stamp_note"]["pattern"]).match(lines[before[-1]].text):
        before = before[:-1]                        # 某领导小组 / (某厅代章): the seal's note under the signer
    elif len(before) > 1 and (seal := acting.search(lines[before[-1]].text)) and "章" in seal.group() \
            and is_unit_line(lines[before[-2]].text):
        before = before[:-1]                        # 某领导小组办公室 / 某局(代章): the seal's owner under the signer
    for i in reversed(before[-data("elements")["max_joint_issuers"]:]):
        ln = lines[i]
        if m := acting.search(ln.text):             # 某指挥部(代): signed on the government's behalf
            ln = TextLine(ln.index, ln.start, ln.start + m.start(), ln.text[:m.start()])
        row = _row_units(reader, ln) if reader else []
        if row:
            units[:0] = row
            continue
        if units and (glued := _unit_after_sentence(ln)):
            units[:0] = glued
            break
        if not is_unit_line(ln.text) or match_heading(ln.text):
            break
        units.insert(0, ln)
    head = before.index(units[0].index) if units else -1
    if len(units) == 1 and head > 0:              # a long name wrapped: 遼寧省統籌推進…防控 / 和經濟…總指揮部
        prev = lines[before[head - 1]]
        closing = any(rx(p).search(prev.text) for p in data("elements")["closing_formulas"]["patterns"])
        wrapped = units[0].text.startswith(("和", "及", "与")) or (      # 太原市疫情防控 / 领导小组办公室
            len(prev.text) <= 16 and not PUNCT.search(unquoted_words(prev.text)) and not match_heading(prev.text)
            and not is_disclosure(prev.text) and not any(ch.isdigit() for ch in prev.text)    # 县人社局 0938…: a phone
            and not is_person_post(prev.text))                                                # 王明海 林业站干部
        above = lines[before[head - 2]].text if head > 1 else ""
        listed = (bool(match_heading(above)) and not above.rstrip().endswith("。")) or _attachment_name_open(above)
        # 3.…2018年 / 任务清单, 附件:…停车服务 / 收费政府指导价标准: an attachment's name wrapped, not the signer's
        if not closing and not is_unit_line(prev.text) and "。" not in prev.text and not listed \
                and is_unit_line(prev.text + units[0].text) and wrapped:
            units = [TextLine(prev.index, prev.start, units[0].end, prev.text + units[0].text)]
    return units


def _row_units(reader: Reader, ln: TextLine) -> list[TextLine]:
    """The units of a signature row that prints several, parted by spaces the view dropped
    (安溪县人力资源和社会保障局     安溪县市场监督管理局): each part a unit line, else none."""
    cuts, k = [0], ln.start
    while (gap := reader.first_gap(k, ln.end)) is not None:
        cuts.append(gap - ln.start)
        k = gap
    parts = [(a, b) for a, b in zip(cuts, cuts[1:] + [len(ln.text)]) if ln.text[a:b].strip()]
    if len(parts) < 2 or not all(is_unit_line(ln.text[a:b].strip()) for a, b in parts):
        return []
    return [TextLine(ln.index, ln.start + a, ln.start + b, ln.text[a:b]) for a, b in parts]


def _attachment_name_open(line: str) -> bool:
    """True for a line naming an attachment whose name runs on to the next line (附件:…停车服务), not one
    whose name ends there (附件:…名单.xls, 附件:《…》, 附件:…的通知)."""
    spec = data("elements")["attachment_mark"]
    mark = rx(spec["inline"]).match(line.strip())
    if not mark:
        return False
    name = line.strip()[mark.end():].strip()
    return bool(name) and not rx(spec["name_closed"]).search(name) and title_doc_type(name) is None


def _read_site_fields(reader: Reader, lines, first, limit, head: Header) -> str | None:
    """Doc number, date and title from a site's metadata block where the letter does not show them
    (成文日期 only: a web 发布日期 is not the document's date); returns the block's issuer (发布机构,
    else a 来源 that names a unit), if any."""
    meta, issuer, from_source = head.meta, None, False
    first_sentence = next((ln.index for ln in lines if "。" in ln.text), len(lines))
    block = lines[:max(limit, first + 1, first_sentence)]
    for k, ln in enumerate(block):
        label = match_heading(ln.text)          # 6. [发文字号] 政府令〔2018〕277号: a numbered metadata list
        fields = site_fields(ln.text[label.label_end:] if label else ln.text)
        if label:
            ln = TextLine(ln.index, ln.start + label.label_end, ln.end, ln.text[label.label_end:])
        elif (field := key_alone(ln.text.lstrip(BULLETS)) or (not fields and key_ending(ln.text))) \
                and field != "other" and k + 1 < len(block) \
                and not starts_with_site_key(block[k + 1].text):     # 发 布 机 构 : / 天津市人民政府政务服务办公室
            ln = block[k + 1]
            if field == "doc_number":
                ln = _number_lines(reader, block[k + 1:k + 1 + MAX_NUMBER_LINES])
            fields = {field: (0, len(ln.text))}
        if "title" in fields:
            s, e = fields["title"]
            _site_title(reader, ln, s, s + len(ln.text[s:e].rstrip(" |｜")), head)   # 名称: | …的通知 |
        if "doc_number" in fields and (meta.doc_number is None or _damaged(meta.doc_number)):
            s, e = fields["doc_number"]
            d = pattern("doc_number").search(ln.text, s, e) or pattern("doc_number_field").match(ln.text[:e].rstrip(), s) \
                or _site_number_value(ln.text[:e], s)
            mark = data("patterns")["doc_number"]["mark_before"]
            cut = d.group("v").rfind(mark) + len(mark) if d and mark in d.group("v") else 0    # 中共某省委文件琼发…
            if d and (meta.doc_number is None or _compact_number(d.group("v")[cut:]) == _compact_number(meta.doc_number)):
                meta.doc_number = reader.value(ln.start + d.start("v") + cut, ln.start + d.end("v"))
        if "date" in fields and (meta.date is None or len(head.date_readings) > 1 or head.cut_readings):
            s, e = fields["date"]
            site_date = parse_date(ln.text[s:e], numeric=True)
            if meta.date is None or site_date in head.date_readings or site_date in head.cut_readings:
                meta.date = site_date                  # 成文日期 2016-12-01 settles a signature's 2016121
                head.date_readings = ()
        if "source" in fields and meta.doc_number is None:
            s, e = fields["source"]                    # 信息来源:井府办字〔2018〕184号: a number in the source field
            if (at := _number_in_source(ln.text[s:e])) is not None:
                meta.doc_number = reader.value(ln.start + s + at[0], ln.start + s + at[1])
        for key in ("issuer", "source"):
            if key in fields and (issuer is None or (key == "issuer" and from_source)):
                s, e = fields[key]
                if key == "source" and (site := rx(data("site_fields")["source_site_suffix"]["pattern"]).search(ln.text, s, e)):
                    e = site.start()                   # 来源: 农业农村部网站
                for step in rx(data("site_fields")["issuer_path"]["pattern"]).finditer(ln.text, s, e):
                    s = step.end()                     # 发布机构:某市人民政府->某市人社局: the path's last step
                if printed_twice(ln.text[s:e]):
                    e = s + (e - s) // 2               # 发布单位 | 吉林省人民政府 吉林省人民政府 |: the name twice
                if is_unit_line(ln.text[s:e]) or (key == "issuer" and rx(data("elements")["place_issuer"]["pattern"])
                                                  .fullmatch(ln.text[s:e].strip())):   # 发布机构 喀什地区: a place
                    issuer, from_source = reader.value(ln.start + s, ln.start + e), key == "source"
    return issuer


def _unlabelled_catalogue_unit(reader: Reader, lines, limit: int) -> str | None:
    """The publishing unit of a disclosure catalogue printed without its keys (• 00529508X/2023-00092 / • 中牟县水利局 /
    • 人大建议… / • 2023-09-25): the unit line right under the index number, above the letter."""
    index = rx(data("site_fields")["unlabelled_catalogue"]["index_number"])
    for k, ln in enumerate(lines[:limit]):
        if index.fullmatch(ln.text.strip().lstrip(BULLETS).strip()) and k + 1 < len(lines):
            nxt = lines[k + 1]
            unit = nxt.text.strip().lstrip(BULLETS).strip()
            if is_unit_line(unit):
                start = nxt.start + nxt.text.index(unit)
                return reader.value(start, start + len(unit))
            return None
    return None


MAX_NUMBER_LINES = 3         # a 发文字号 value a site prints over lines: 普绿容 / 〔2019〕 / 44号


def _number_lines(reader: Reader, after: list[TextLine]) -> TextLine:
    """The value under a 发文字号 key standing alone: its next line, or the next lines together where the
    site parts one number over them (普绿容 / 〔2019〕 / 44号)."""
    for n in range(1, len(after) + 1):
        if n > 1 and starts_with_site_key(after[n - 1].text):
            break
        ln = TextLine(after[0].index, after[0].start, after[n - 1].end,
                      reader.view.text[after[0].start:after[n - 1].end])
        if pattern("doc_number").fullmatch(ln.text):
            return ln
    return after[0]


def _damaged(number: str) -> bool:
    """A printed doc number whose closing bracket and 号 the copy lost (芜政〔201936)."""
    return bool(pattern("doc_number_damaged").match(view_text(number)))


def _compact_number(number: str) -> str:
    """A doc number without its brackets, 号 and spaces: 芜政〔2019〕36号 and its damaged print 芜政〔201936 agree."""
    return re.sub(r"[〔〕\[\]［］【】()（）号\s]", "", view_text(number))


def _read_label_rows(reader: Reader, lines, head: Header) -> str | None:
    """Doc number and 成文日期 from a metadata table flattened into a row of keys over rows of values, where
    nothing else gave them; returns its 发布机构 as the block's issuer, if it reads as a unit. Read in the
    original text: the white space that parts the values is gone from the view."""
    meta = head.meta
    spans = [reader.span(ln.start, ln.end) for ln in lines]
    texts = [reader.text[s:e] for s, e in spans]
    fields = label_row_fields(texts)

    def value(field: str) -> tuple[int, int]:
        i, s, e = fields[field]
        return spans[i][0] + s, spans[i][0] + e

    if "doc_number" in fields and meta.doc_number is None:
        s, e = value("doc_number")
        if pattern("doc_number").fullmatch(reader.text, s, e) or _site_number_value(reader.text[:e], s):
            meta.doc_number = reader.original_value(s, e)
    if "date" in fields and meta.date is None:
        s, e = value("date")
        meta.date = parse_date(reader.text[s:e], numeric=True)
    if "issuer" in fields:
        s, e = value("issuer")
        if is_unit_line(reader.text[s:e]):
            return reader.original_value(s, e)
    return None


def _site_number_value(line: str, start: int) -> re.Match | None:
    """A 发文字号 field's whole value in a form of its own (2022-92): the key vouches for it; never a date."""
    end = len(line.rstrip())
    if pattern("doc_number_site_value", "not").fullmatch(line, start, end):
        return None
    return pattern("doc_number_site_value").fullmatch(line, start, end)


def _site_title(reader: Reader, ln: TextLine, s: int, e: int, head: Header) -> None:
    """The title in a site's metadata block, where the letter shows none or shows only the attached
    document's (名称: 市人民政府办公室关于印发X的通知 over the page's X); a doc number before it is read too."""
    meta = head.meta
    value = ln.text[s:e]
    s += len(value) - len(strip_leading_tags(value))          # 20230607 沂水县…的通知: a posting date before it
    value = ln.text[s:e]
    if meta.title is not None and not issues_document(value, meta.title) and not _ends_with(value, meta.title):
        return
    number = doc_number_at(value)
    if number:
        if meta.doc_number is None:
            meta.doc_number = reader.value(ln.start + s + number.start("v"), ln.start + s + number.end("v"))
        s += len(value) - len(value[number.end():].lstrip(" —–-－:：|"))
        value = ln.text[s:e]
    hit = title_doc_type(value)
    if hit:
        attached = meta.title is not None
        meta.title = reader.value(ln.start + s, ln.start + s + hit[1])
        meta.doc_type = hit[0] if attached else meta.doc_type or hit[0]
        head.title_span = (ln.start + s, ln.start + s + hit[1])
        head.title_lines = (ln.index, ln.index)


def _ends_with(site_title: str, title: str) -> bool:
    """True where the letter's title read is only the end of the site's (the title's first lines lost),
    not the site's title behind a column tag (【补助标准】…)."""
    site, own = "".join(site_title.split()), "".join(title.split())
    lost = site[:len(site) - len(own)]
    return len(own) >= MIN_TITLE_TAIL and bool(lost) and site.endswith(own) and not any(b in lost for b in "】]")


def _read_category(lines, first, limit, meta: Meta) -> None:
    """A reply's handling category near its doc number or in the page's fields above the letter: 类别:A,
    (B类), 签发人:刘庆 答复类别:A类."""
    spec = data("patterns")["category"]
    window = lines[max(0, first - 10):min(limit, first + 20)]
    for k, ln in enumerate(window):
        for p in spec["patterns"]:
            m = rx(p).search(ln.text)
            if m:
                meta.category = m.group("v").translate(str.maketrans("ＡＢＣＤＥ", "ABCDE"))
                return
        m = rx(spec["alone"]).match(ln.text.strip())
        if m and any(rx(spec["alone_near"]).search(later.text) for later in window[k + 1:k + 6]):
            meta.category = m.group("v")           # C / 某局关于…建议的答复: a lone letter over the reply
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
