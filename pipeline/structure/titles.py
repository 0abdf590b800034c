"""The title block of a letter (GB/T 9704 标题) and the lines around it: which header lines are unit
names, doc numbers, announcement numbers, attachment marks, and how a title printed over several lines
(or glued to site furniture) is read."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..clean.script import to_simplified
from .chrome import has_site_cue, strip_leading_chrome
from .dates import is_date_line
from .layout import TextLine
from .lexicon import data, date_pattern, expand, pattern, rx, words
from .sections import match_heading
from .sitemeta import starts_with_site_key
from .tables import vertical_header

PUNCT = re.compile(r"[，,。：:；;、《》“”\"（）()！？!?\-–—_|｜]")
_NUMBER_BRACKET = re.compile(r"[〔\[(（【［]")
PARENS_END = re.compile(r"[（(]([^（）()]{1,16})[）)]$")
_DATE_LEAD = re.compile(r"\s*" + date_pattern())
_NAMED_WHOLE = re.compile(r"^《([^《》]+)》\s*(?:全文|原文|[（(]全文[）)])?$")
MIN_TITLE_CHARS = 6          # what must follow a site's title key for the row to hold a title


def is_unit_line(line: str) -> bool:
    """A short line that is nothing but a unit name (署名 or 发文机关标志), not a title's first line
    (关于…人民代表大会)."""
    grammar = data("elements")["title_grammar"]
    line = _without_bracketed_names(line)
    return len(line) <= data("elements")["max_unit_line"] and not PUNCT.search(line) \
        and line.endswith(words("elements", "unit_suffixes", "words")) and not is_date_line(line) \
        and not line.startswith(tuple(grammar["words"])) and not _site_section(line) and not is_person_post(line) \
        and not line.startswith(words("elements", "lead_in_phrases", "words")) \
        and not any(w in line for w in grammar["words"] if w not in grammar["block_only"])   # 某厅关于推动公立医院


_INNER_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{1,8}[）)](?=[\u4e00-\u9fff])")
_SECOND_NAME = re.compile(r"[（(]([\u4e00-\u9fff]{2,20})[）)]$")
# A slogan quoted inside a body's name (云南省打造世界一流“绿色食品牌”工作领导小组办公室), or at the end of
# its first line where the name wraps (云南省打造世界一流“绿色食品牌” / 工作领导小组办公室)
_QUOTED_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])“([\u4e00-\u9fff\d]{1,10})”(?=[\u4e00-\u9fff]|$)")


def unquoted_words(text: str) -> str:
    """A name's line with the slogan it quotes read without its quotes."""
    return _QUOTED_WORDS.sub(r"\1", text)


def _without_bracketed_names(line: str) -> str:
    """A unit line without the names it brackets: a part of its own name (黄石新港(物流)工业园区…) or
    the second name of the same body (…住房和城乡建设局(县城市执法管理局)); a slogan it quotes keeps its words."""
    line = unquoted_words(_INNER_NAME.sub("", line))
    m = _SECOND_NAME.search(line)
    suffixes = words("elements", "unit_suffixes", "words")
    if m and m.start() and m.group(1).endswith(suffixes) and m.group(1) not in suffixes:   # not 某县人民政府(办公室)
        line = line[:m.start()]
    return line


def _site_section(line: str) -> bool:
    """A part of the website or one of its controls (首页 > 新闻中心, 登录个人中心), not a unit."""
    return (line.endswith(words("elements", "site_sections", "ends"))
            and not line.endswith(words("elements", "site_sections", "unit_ends"))) \
        or line.startswith(words("elements", "site_sections", "starts"))


def is_person_post(line: str) -> bool:
    """A line naming a person's post, though it ends like a unit (苗进新 林业站干部)."""
    return line.endswith(words("elements", "person_posts", "ends"))


NUMBER_OPENERS = "（([ \u3000"    # what may stand before a doc number opening a line: ( 吉府发〔2003〕37号 )


def doc_number_at(line: str) -> re.Match | None:
    """The doc number a line starts with, possibly inside parentheses: (厦府办〔2009〕255号), or after a
    site's key glued to it in the view (发文字号豫政〔2015〕24号)."""
    s = line.lstrip(NUMBER_OPENERS)
    keys = data("site_fields")["fields"]["doc_number"]
    key = next((k for k in keys if s.startswith(k)), "")
    m = pattern("doc_number").match(s, len(key))
    mark = data("patterns")["doc_number"]["mark_before"]            # 中共海南省委文件琼发〔2018〕15号: the mark
    if m is None and (head := re.match(r"[\u4e00-\u9fff\s]{2,40}?" + mark + r"\s*", s)):
        m = pattern("doc_number").match(s, head.end())  # 中共元江…县委办公室文件 元办发〔2020〕4号: the mark's line
        if m and s[m.end():].strip():
            m = None
    if m:                                  # 效力状态有效文号陕市监函〔2025〕442号: fields run together, the key inside
        inner = max((m.group("v").rfind(k) + len(k) for k in (*keys, mark) if k in m.group("v")), default=0)
        if inner:
            m = pattern("doc_number").match(s, m.start("v") + inner)
    if m and m.group("v").startswith(tuple(data("patterns")["doc_number"]["not_openers"])):
        return None                        # 关于…第B(2025)174号建议的回复: a title, not a number
    return m


@lru_cache(maxsize=4096)                      # a line is asked several times in a row (title_text, _title_blocks)
def title_doc_type(line: str) -> tuple[str | None, int] | None:
    """(doc_type, kept length) where a line ends like a title (…的通知, 若干措施(试行)); else None."""
    line = rx(data("doc_types")["title_site_suffix"]["pattern"]).sub("", line)
    line = rx(data("doc_types")["title_trailing_date"]["pattern"]).sub("", line)
    line = rx(data("doc_types")["title_trailing_category"]["pattern"]).sub("", line)
    line = rx(expand(data("doc_types")["title_trailing_number"]["pattern"])).sub("", line)
    opening = data("doc_types")["title_not_starts"]
    if line.startswith(tuple(opening["words"])) \
            and ("，" in line.replace(",", "，") or rx(opening["preamble_end"]).search(line)):
        return None                              # 为深入贯彻…, 全面落实…; 为…提出如下意见: a preamble sentence
    if line.startswith(tuple(data("doc_types")["title_not_field"]["words"])):
        return None                              # 承办单位及答复: a web form's field
    colon = rx(data("doc_types")["title_proposal_tail"]["colon_pattern"]).search(line)
    if colon and colon.start() > 0 and (hit := title_doc_type(line[:colon.start()])) and hit[1] == colon.start():
        return hit[0], len(line)                 # …的答复:关于…的提案: the proposal's title is part of it
    if any(ch in line for ch in "。：:；;") or len(line) > data("elements")["max_title_chars"]:
        return None
    issuing = data("doc_types")["issuing_title_without_type"]
    if rx(issuing["pattern"]).match(line):
        return issuing["doc_type"], len(line)
    tail = rx(data("doc_types")["title_proposal_tail"]["pattern"]).search(line)
    if tail and tail.start() > 0 and (hit := title_doc_type(line[:tail.start()])) and hit[1] == tail.start():
        return hit[0], len(line)                 # …的答复(关于…的建议): the proposal's title is part of it
    kept = len(line)
    qualifier = rx(data("doc_types")["title_qualifiers"]["pattern"])
    core = line
    m = PARENS_END.search(core)
    if m and not _qualifies(core, m):                  # a site tag such as (苏州)
        core = core[:m.start()].rstrip()
        kept = len(core)
    while (m := PARENS_END.search(core)) and _qualifies(core, m):
        core = core[:m.start()].rstrip()
    if len(core) < data("elements")["min_title_chars"]:
        return None
    cut = data("doc_types")["issuing_title_cut"]
    for ending, doc_type, _ in data("doc_types")["title_endings"]:
        if core.endswith(ending) and len(core) > len(ending):
            if doc_type != cut["doc_type"] and rx(cut["pattern"]).search(core) \
                    and not core[:-len(ending)].endswith("的"):
                return cut["doc_type"], kept         # 关于印发…工作方案: the 通知 issuing it, its 的通知 left off
            return doc_type, kept
    package = rx(data("doc_types")["title_numbered_package"]["pattern"]).search(core)
    return (package.group("type"), kept) if package else None     # 招商引资政策黄金十条


def strip_leading_tags(text: str) -> str:
    """The text after the tags a site or copy puts before a title (• 【区级】, 附件1, (B类))."""
    tag = rx(data("doc_types")["title_leading_tag"]["pattern"])
    while (m := tag.match(text)) and m.end() > 0:
        text = text[m.end():]
    return text


def _without_title_key(text: str) -> str:
    """A site's title row read without its key, which the view glues on: 名称 汉阴县… -> 汉阴县…."""
    for key in sorted(data("site_fields")["fields"]["title"], key=len, reverse=True):
        if text.startswith(key) and len(text) > len(key) + MIN_TITLE_CHARS:
            return text[len(key):].lstrip(" :：|｜")
    return text


def printed_twice(text: str, min_half: int = 2) -> bool:
    """True for a name or title a web copy printed twice in a row (吉林省人民政府吉林省人民政府)."""
    half = len(text) // 2
    return len(text) % 2 == 0 and half >= min_half and text[:half] == text[half:]


def _site_name_after(text: str) -> str | None:
    """A full title (某局关于…的通知) before the site's name a page title ends with (-凯发官方), else None."""
    spec = data("doc_types")["title_site_suffix_glued"]
    m = rx(spec["pattern"]).match(text)
    title = m.group("title") if m else ""
    return title if m and not title_doc_type(text) and title_doc_type(title) \
        and any(w in title for w in spec["requires"]) and not any(w in title for w in spec["not_with"]) else None


def _after_cut_copy(text: str, min_chars: int = 8) -> str:
    """A title after the cut copy of its head a site prints before it (国务院办公厅关于发展银发经济 国务院办公厅
    关于发展银发经济增进老年人福祉的意见: the whole title); `text` itself where there is none or the line is
    longer than a title's two copies."""
    if len(text) > 2 * data("elements")["max_title_chars"]:
        return text
    for k in range(len(text) // 2, min_chars - 1, -1):
        head, rest = re.sub(r"\s", "", text[:k]), text[k:].lstrip()
        if len(head) >= min_chars and re.sub(r"\s", "", rest).startswith(head):
            return rest
    return text


def title_text(ln: TextLine) -> tuple[str, int]:
    """A line's text that may hold a title: after a leading doc number, before glued site fields."""
    whole = ln.text.rstrip(" |｜")                 # …的通知 |: a table cell's edge
    if whole.endswith(('"', "'")) and whole.count(whole[-1]) % 2:
        whole = whole[:-1].rstrip()            # …的通知": a stray quote of the page's markup, left unpaired
    one_cell = len([c for c in re.split(r"[|｜]", whole) if c.strip()]) == 1
    text = _without_title_key(strip_leading_chrome(whole.lstrip(" |｜") if one_cell else whole))   # | …的答复 | |||
    crumb = rx(data("doc_types")["title_breadcrumb"]["pattern"]).match(text)
    if crumb:                                  # 首页->…->建议提案办理结果公开对政协…的答复
        rest = text[crumb.end():]
        starts = [rest.find(w) for w in data("doc_types")["title_breadcrumb"]["title_starts"] if w in rest]
        first = min(starts, default=0)
        text = rest[first:] if first and not is_unit_line(rest[:first]) else rest
    text = strip_leading_tags(text)
    offset = len(whole) - len(text)
    m = doc_number_at(text)
    if m:
        lead = len(text) - len(text.lstrip(NUMBER_OPENERS))
        rest = text[lead + m.end():].lstrip(" ）)]：:")                          # 鹿政规〔2021〕11号:关于…
        rest = strip_leading_tags(rest)                                           # …141号 签发人:姜涛
        offset, text = len(whole) - len(rest), rest
    cut = rx(data("chrome")["inline_cues"]["pattern"]).search(text)
    if cut and cut.start() > 0:
        text = text[:cut.start()].rstrip()
    if printed_twice(text, min_half=8):        # 禁止焚烧秸秆的通告禁止焚烧秸秆的通告
        text = text[:len(text) // 2]
    full = _after_cut_copy(text)
    offset, text = offset + len(text) - len(full), full
    named = _NAMED_WHOLE.match(text)           # 《…关于印发〈…〉的通知》, 《…若干政策意见》全文 (a news page's head)
    if named:
        offset, text = offset + 1, named.group(1)
    text = _site_name_after(text) or text                 # …关于…的通知-凯发官方: the page title's site name
    if not title_doc_type(text):                          # …提案的答复 张阳委员: 您提出的… / …办法为充分调动…
        glued = _title_before_glued(text)
        if glued:
            return glued, offset
        number = number_after_title(text.split("。")[0])      # …政策清单 内政发〔2023〕3 号 为全面…
        if number:
            return _NUMBER_LABEL_END.sub("", text[:number.start()]).rstrip(), offset
    colon = max(text.rfind("："), text.rfind(":"))
    if colon > 0 and not title_doc_type(text):           # 某区奖励政策:关于…的若干政策意见
        if rx(data("elements")["attachment_mark"]["inline"]).search(text[:colon + 1]):
            return "", offset                              # 附件:1. …名单: the attachments' names
        tail = text[colon + 1:].lstrip(" \t\u3000|｜")            # 標??題: | …的批復 |: a table cell's edge
        if len(tail) >= data("doc_types")["title_after_colon"]["min_chars"] and title_doc_type(tail):
            offset, text = offset + len(text) - len(tail), tail
    return text, offset


_NUMBER_LABEL_END = re.compile(r"\s*[【\[（(]\s*(?:编号|文号)\s*[:：]?\s*$")     # …的函(编号:


def number_after_title(line: str) -> re.Match | None:
    """A doc number right after a whole title on one line (not a citation: 《…》(国发〔2016〕33号))."""
    if not _NUMBER_BRACKET.search(line):
        return None                          # a number without its year in brackets is not taken below
    for m in pattern("doc_number").finditer(line):
        opening = re.search(r"[〔\[(（【［]", m.group("v"))
        if not opening:                                      # 某令第3号
            continue
        bracket = m.start("v") + opening.start()
        for k in range(bracket - 1, m.start("v") - 1, -1):     # the longest title before the number
            before = _NUMBER_LABEL_END.sub("", line[:k]).rstrip().rstrip("【[（(").rstrip()  # …的答复【穗林业园林提[2013]63号】
            hit = title_doc_type(before)
            if hit and _only_a_date(before[hit[1]:]) and (number := pattern("doc_number").match(line, k)):
                return number                            # …的决定(二○一一年十二月七日)漯政〔2011〕66号
    return None


def _only_a_date(rest: str) -> bool:
    """True for nothing, or a bracketed date (the date printed under a 决定's title: (二○一一年十二月七日))."""
    inner = rest.strip().strip("（()）").strip()
    return not inner or (rest.strip()[:1] in "（(" and is_date_line(inner))


def _qualifies(core: str, m: re.Match) -> bool:
    """True for a title's closing bracket that belongs to it: (试行), (征求意见稿), or an edition's year glued
    to the 文种 (若干措施(2020)), not one written after a space (管理办法 (2001), a site's tag)."""
    spec = data("doc_types")["title_qualifiers"]
    return bool(rx(spec["pattern"]).fullmatch(m.group(0))) \
        or (rx(spec["glued_pattern"]).fullmatch(m.group(0)) and m.start() > 0 and not core[m.start() - 1].isspace())


def _title_before_glued(text: str) -> str | None:
    """The title a line starts with where a salutation or the body is glued to it."""
    if not _title_endings().search(text, 1):
        return None                                  # no ending after the first character: none below
    salutation = rx(data("elements")["glued_salutation"]["pattern"])
    body = rx(data("elements")["glued_body"]["pattern"])
    qualifier = rx(r"\s*(?:" + data("doc_types")["title_qualifiers"]["pattern"] + ")")
    for ending, _, _ in data("doc_types")["title_endings"]:
        at = text.find(ending)
        if at <= 0:
            continue
        end = at + len(ending)
        if salutation.match(text, end) and title_doc_type(text[:end]):
            return text[:end]
        q = qualifier.match(text, end)
        end = q.end() if q else end
        if body.match(text, end) and title_doc_type(text[:end]):
            return text[:end]
    return None


@cache
def _title_endings() -> re.Pattern:
    """Any title ending (doc_types.json title_endings)."""
    return re.compile("|".join(re.escape(ending) for ending, _, _ in data("doc_types")["title_endings"]))


def title_block(lines: list[TextLine], body: list[int], limit: int, chrome: frozenset[int]):
    """The title's first/last line and view span: of the title lines before the 主送 line or the
    first sentence, the last (a page heading above gives way to the title under the doc number)."""
    blocks = []
    found = list(_title_blocks(lines, body, limit, chrome))
    skip_to, filled = 0, [i for i in body if lines[i].text.strip()]
    for k, block in enumerate(found):
        if k < skip_to:
            continue
        if blocks and _cut_notice_title(_block_text(lines, blocks[-1]), _block_text(lines, block)):
            blocks[-1] = block                     # …若干政策措施(修订)的通知 / 连城县加快…若干政策措施(修订)
            continue
        if blocks and (any(_ends_header(lines[i].text) for i in body if blocks[-1][1] < i < block[0])
                       or _runs_into_body(lines, blocks[-1])):
            head = next((n for n in range(k, len(found)) if _numbered_head(lines, filled, found[n])), None)
            current = bare_title(_block_text(lines, blocks[-1]))
            if head is not None and not _numbered_head(lines, filled, blocks[-1]) \
                    and not bare_title(_block_text(lines, found[head])).endswith(current):
                blocks[-1], skip_to = found[head], head + 1     # a page's headline and blurb above the letter's head
                continue
            break
        if blocks and issues_document(_block_text(lines, blocks[-1]), _block_text(lines, block)):
            break                                  # 关于印发X的通知 / X: the attached document's title
        if blocks and _with_issuer(_block_text(lines, blocks[-1]), _block_text(lines, block)):
            break                                  # 某局关于…的函 / 关于…的函: the same title, its issuer left out
        if blocks and (typed := title_doc_type(_block_text(lines, block))) and typed[0] is None:
            break                                  # 关于印发…的通知 / …任务分解表: a table under the title
        blocks.append(block)
    return blocks[-1] if blocks else None


NUMBER_REACH = 3            # filled lines between a letter's title and its doc number (issuer lines, the number)


def _numbered_head(lines: list[TextLine], filled: list[int], block) -> bool:
    """True where a doc number stands alone on a filled line just above or below the title block (苏发〔2011〕16号 /
    中共江苏省委 江苏省人民政府 / 关于印发…的通知; …的通知 / 豫政辦〔2022〕87號): the letter's own head."""
    above = [i for i in filled if i < block[0]][-NUMBER_REACH:]
    below = [i for i in filled if i > block[1]][:1]
    for i in above + below:
        text = lines[i].text.strip()
        m = doc_number_at(text)
        if m and not text.lstrip(NUMBER_OPENERS)[m.end():].strip(" ）)"):
            return True
    return False


def _runs_into_body(lines: list[TextLine], block) -> bool:
    """True where the rest of a title's last line holds a sentence (…的通知文章属性•…正文…各区人民政府:《…》…印发给你们。):
    a copy that lost its breaks runs the letter on after its title, and the header ends there."""
    last = lines[block[1]]
    return "。" in last.text[max(0, block[2][1] - last.start):]


def bare_title(text: str) -> str:
    """A title without 的, book-title marks, quotes and white space, for comparing two copies of it."""
    return re.sub(r"[的《》〈〉<>“”\"\s]", "", text)


def _cut_notice_title(title: str, other: str) -> bool:
    """True where `title` is a page's copy of the notice issuing `other` that lost its head (…发展若干政策措施
    (修订)的通知 over 连城县加快…发展若干政策措施(修订)): the attached document's full title is the better."""
    whole = "".join(title.split())
    cut = re.sub(r"的?通知$", "", whole)
    bare_cut, full = bare_title(cut), bare_title(other)
    return cut != whole and not cut.startswith(("关于", "關于", "關於")) \
        and len(bare_cut) >= MIN_TITLE_CHARS and full != bare_cut and full.endswith(bare_cut)


def _with_issuer(title: str, other: str) -> bool:
    """True where `title` is `other` with its issuing unit before it (西山区农业农村局关于… / 关于…, 某县林业局对…
    的答复 / 对…的答复)."""
    title, other = "".join(title.split()), "".join(other.split())
    return len(title) > len(other) and title.endswith(other) and other.startswith(("关于", "对")) \
        and is_unit_line(title[:len(title) - len(other)])


def _block_text(lines: list[TextLine], block) -> str:
    return "".join(lines[i].text for i in range(block[0], block[1] + 1))


def issues_document(title: str, other: str) -> bool:
    """True where `title` is a notice issuing the document titled `other` (关于印发《X》的通知 / X)."""
    issued, issuing = bare_title(other), bare_title(title)        # 《…的若干措施》 / …若干措施
    cues = data("doc_types")["issuing_cues"]["words"]
    return issued != issuing and issued in issuing \
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
        if announcement_number(ln.text) or _is_counter(ln.text) or _DATE_LEAD.match(ln.text) or _menu_item(ln.text):
            continue                               # 第3号, a site's counter (7059), a date, • 申报通知: no title's head
        text, offset = title_text(ln)
        last, hit, joined = ln, title_doc_type(text), text
        unit = is_unit_line(text) and not rx(data("elements")["title_grammar"]["reply_head"]).search(text)
        wraps = not (is_date_line(text) or unit or match_heading(text)
                     or (_is_breadcrumb(ln.text) and not _open_title(text)))   # …>>投資政策: a column, not a head
        below = body[pos + 1] if pos + 1 < len(body) and body[pos + 1] < limit else None
        if unit and below is not None and (typed := _short_title_under_unit(lines[below].text, text)):
            last, hit, joined = lines[below], typed, text + lines[below].text
        pending, pending_last = joined, ln         # lines taken while the title is still open
        for nxt_i in body[pos + 1:pos + 4] if wraps else ():
            nxt = lines[nxt_i]
            if nxt_i >= limit or not pending or pending[-1] in "。：:；;，," \
                    or any(k in chrome for k in range(pending_last.index + 1, nxt_i)):
                break                              # a site line (发布时间…) parts a site header from the title
            if vertical_header(lines, nxt_i):
                break                              # 序号 / 重点任务 / …: a table's header cells, not the title's tail
            open_book = pending.count("《") > pending.count("》") \
                or pending.endswith(tuple(data("elements")["title_grammar"]["words"]))    # …转发 / 《…》的通知
            if len(nxt.text) > (40 if open_book else 20) or doc_number_at(nxt.text) or announcement_number(nxt.text) \
                    or _DATE_LEAD.match(nxt.text):
                break                              # 1993年11月2日,国家税务总局: the date under the title
            if hit and not nxt.text.startswith(tuple(data("doc_types")["complete_title"]["continued_by"])):
                break                              # a whole title: 政策 or the attached title is not its tail
            if _heads_nothing(pending, nxt.text):
                break                              # 政策法规 / 揭阳市…扶持办法: a column's name over a whole title
            if _starts_a_title(nxt.text) and not _open_title(pending):
                break                              # 远航企业广场C座8楼 / 关于…实施细则: a title of its own starts
            tagged = strip_leading_tags(nxt.text)
            if tagged != nxt.text and _starts_a_title(tagged) and not _open_title(pending):
                break                              # …查看内容 / 举报有奖丨关于…的通告: a channel's tag over a title
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
        if above and is_attachment_mark(lines[above[-1]].text):
            taken = last.index
            continue                               # 附件 / 某名单: an attachment's own title
        taken = last.index
        yield start_line, last.index, (start, last.start + (offset if last is ln else 0) + kept), doc_type


def _menu_item(line: str) -> bool:
    """True for a bulleted column name in a site's menu (• 申报通知 / • 公示公告 / • 管理办法), not a title."""
    spec = data("elements")["menu_item"]
    text = line.strip()
    return text[:1] in spec["bullets"] and len(text[1:].strip()) <= spec["max_chars"]


def _is_counter(line: str) -> bool:
    """A line without a Chinese character: a site's counter or control (7059 under a page heading, • +1 over
    it), never part of a title."""
    return not any("\u4e00" <= ch <= "\u9fff" for ch in line)


def _short_title_under_unit(tail: str, unit: str) -> tuple[str, int] | None:
    """(doc_type, length) of a short title printed under its issuer's name (某区防灾减灾救灾委员会 / 入汛通告),
    too short to be read as a title alone: the two lines are one title."""
    spec = data("doc_types")["short_title_under_unit"]
    if len(tail) > spec["max_chars"] or not tail.endswith(tuple(spec["types"])) or title_doc_type(tail):
        return None
    hit = title_doc_type(unit + tail)
    return (hit[0], len(tail)) if hit and hit[1] == len(unit + tail) else None


def _starts_a_title(line: str) -> bool:
    """True for a whole title opening with its subject (关于…的通知): no line above runs into it unless
    that line is left open (…印发 / 《…)."""
    return whole_title(line) and to_simplified(line).startswith("关于")


def _issuer_opens_title(line: str) -> bool:
    """True for a whole title opening with its issuer and subject (某厅对…答复的函, 某局关于…的通知)."""
    simple = to_simplified(line)
    heads = [simple.find(w) for w in ("关于", "对") if w in simple]
    return whole_title(line) and bool(heads) and min(heads) > 0 and is_unit_line(simple[:min(heads)])


def _heads_nothing(pending: str, line: str) -> bool:
    """True where `line` is a whole title opening with its own place (after its year, if any) and `pending`
    holds none of a title's grammar (关于, 印发, 对): the line above is no part of the title."""
    grammar = data("elements")["title_grammar"]["words"]
    return whole_title(line) and bool(rx(data("elements")["title_head"]["place_start"]).match(line)) \
        and not any(w in pending for w in grammar)


def _is_breadcrumb(line: str) -> bool:
    return bool(rx(data("doc_types")["title_breadcrumb"]["pattern"]).match(strip_leading_chrome(line)))


def _last_crumb(line: str) -> str:
    """A breadcrumb's last item, the column the page sits in (…> 建议提案办理 > 办理结果公开)."""
    text = strip_leading_chrome(line)
    return text[rx(data("doc_types")["title_breadcrumb"]["pattern"]).match(text).end():].strip()


def whole_title(text: str) -> bool:
    """True for a line that is a title on its own: it ends as one, and an issuing title (关于印发…)
    has its 通知 (关于印发2021年区政府工作报告 / 目标任务分解方案的通知 goes on)."""
    hit = title_doc_type(text)
    if not hit or hit[1] != len(text):
        return False
    cues = data("doc_types")["issuing_cues"]
    return not any(w in text for w in cues["words"]) or bool(rx(cues["title_tail"]).search(text))


def is_attachment_mark(line: str) -> bool:
    return bool(rx(data("elements")["attachment_mark"]["line"]).match(line.strip()))


def _open_title(text: str) -> bool:
    """True for a title's head that cannot stand alone: it ends with 关于/印发 or leaves a 《 open, or it
    runs on past its 关于 with no type word yet (市工业和信息化局市财政局关于下达2022年度 / …的通知)."""
    spec = data("elements")["title_grammar"]
    grammar = tuple(spec["words"])
    subject = [w for w in grammar if w not in spec["block_only"]]
    return text.endswith(grammar) or (text.count("《") > text.count("》") and any(w in text for w in grammar)) \
        or (len(text) >= spec["open_head_min_chars"] and any(w in text for w in subject)
            and not PUNCT.search(text) and not title_doc_type(text) and not rx(spec["proposal_end"]).search(text))


def _fuller_title_follows(lines: list[TextLine], after: list[int], limit: int, title: str) -> bool:
    """True where a line below holds a (web page) title in a fuller title: with its issuer in front
    (某局关于…的答复) or as the document a notice issues (关于印发《…》的通知)."""
    for i in after:
        if i >= limit:
            break
        text, _ = title_text(lines[i])
        if len(text) > len(title) and title in text and title_doc_type(text):
            return True
    return False


MIN_UNIT_CHARS = 4          # a unit's name in a run of joint issuers: 舟山海事局, never 政府 alone


def _joint_issuers_wrapped(above: str, line: str) -> bool:
    """True where a title opening with its joint issuers wraps them from the line above (舟山市港航和口岸管理局
    …舟山市交通运输局 / 舟山市生态环境局 舟山海事局关于印发…的函): both parts name two units or more, none a site's row."""
    at = line.find("关于")
    lead = line[:at] if at > 0 else ""
    return _several_units(lead) and _several_units(above) and not starts_with_site_key(above) \
        and not has_site_cue(above)


def _several_units(text: str) -> bool:
    """True for two units' names or more run together (舟山市生态环境局舟山海事局)."""
    return any(is_unit_line(text[:k]) and is_unit_line(text[k:])
               for k in range(MIN_UNIT_CHARS, len(text) - MIN_UNIT_CHARS + 1))


def _extend_back(lines: list[TextLine], before: list[int], ln: TextLine, wrapped: bool = False) -> tuple[int, int]:
    """Earlier lines of a title printed over several lines (a unit line only before 关于…, or before
    对… where the title is printed as a block of lines: 某街道办事处 / 对…第18号提案的 / 答复)."""
    first, start = ln, ln.start
    marks = tuple(data("elements")["issuer_mark"]["words"])
    suffixes = data("elements")["unit_suffixes"]["words"]
    head = data("elements")["title_head"]
    if rx(head["place_start"]).match(ln.text):
        above = before[-1] if before else None
        right_above = above is not None and not any(lines[j].text.strip() for j in range(above + 1, ln.index))
        if right_above and _joint_issuers_wrapped(lines[above].text.strip(), ln.text.strip()):
            return above, lines[above].start
        if right_above and rx(head["year_head"]).match(lines[above].text.strip()) \
                and ln.text.strip()[:6] not in lines[above].text:      # not the title printed above with its years
            return above, lines[above].start       # “天府里·悦生活”2022年 / 冕宁县…方案: its slogan and year
        return first.index, start                  # 思南县2014年…方案: opens with its own place, no head above
    columns = {_last_crumb(above.text) for above in lines[:ln.index] if _is_breadcrumb(above.text)}
    for i in reversed(before[-3:]):
        if any(lines[j].text.strip() for j in range(i + 1, first.index)):
            break                                  # a skipped line (breadcrumb) parts them
        prev, prev_offset = title_text(lines[i])
        if is_attachment_mark(lines[i].text) or announcement_number(lines[i].text):
            break
        if whole_title(prev) and (issues_document(prev, first.text) or _issuer_opens_title(first.text)):
            break                                  # 关于印发X的通知 above X: the attached document's title; a
                                                   # page heading (…建议的答复) above the letter's own (某厅对…的函)
        if not prev and not doc_number_at(lines[i].text):
            break                                  # (此件主动公开), 签发人:… : tags, not the title's head
        grammar = [w for w in data("elements")["title_grammar"]["words"] if w in first.text
                   and (wrapped or w not in data("elements")["title_grammar"]["block_only"])]
        if grammar:                                # the title's grammar starts on this line
            lead = first.text[:min(first.text.find(w) for w in grammar)]
            stacked = i > 0 and is_unit_line(lines[i - 1].text)    # 某财政局 / 某农业农村局 / 关于…: joint issuers' mark
            if lead == "" and is_unit_line(prev) and prev_offset == 0 \
                    and not stacked:
                first, start = lines[i], lines[i].start
            elif lead in suffixes and is_unit_line(prev + lead):   # 盘山县人民政府 / 办公室关于…
                first, start = lines[i], lines[i].start + prev_offset
            break
        if rx(data("elements")["title_grammar"]["reply_head"]).match(first.text) and whole_title(first.text):
            break                                  # 对政协…提案的答复 whole on its line: C类 / 公开 above are tags
        t = lines[i].text
        if first is ln and is_unit_line(ln.text) and is_unit_line(t.strip()) \
                and is_unit_line(t.strip() + ln.text.strip()):      # 某省第十三届人民代表大会 / 常务委员会 / 公告
            first, start = lines[i], lines[i].start
            break
        if doc_number_at(t) and prev and prev[-1] not in "。：:；;，,":    # 88号盘山县…关于印发《…
            first, start = lines[i], lines[i].start + prev_offset
            break
        if t.strip() in columns:
            break                                  # …> 办理结果公开 / 办理结果公开: the column's name repeated
        if doc_number_at(t) or is_date_line(t) or _DATE_LEAD.match(t) or match_heading(t) or len(t) > 60 \
                or "：" in t or ":" in t \
                or t[-1] in "。；;，,?？!！" or t.endswith(marks) or is_unit_line(t) \
                or any(c in t for c in head["separators"]) or first.text.startswith(t.strip()) \
                or ln.text.strip() in t or _is_counter(t) or _term_list(t):
            break                                  # a field line (办理结果:(C)), this title printed above, a counter,
                                                   # the page's keywords (康养产业,康养产业规划,康养产业发展)
        first, start = lines[i], lines[i].start
    return first.index, start


def _term_list(line: str) -> bool:
    """A line of three or more short terms parted by commas: a page's keywords, not a title's head."""
    terms = re.split(r"[,，]", line.strip())
    return len(terms) >= 3 and all(0 < len(t.strip()) <= 12 for t in terms)


def announcement_number(line: str) -> re.Match | None:
    return rx(data("elements")["announcement_heading"]["number"]).match(line.strip())
