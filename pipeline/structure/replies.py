"""Replies to proposals and suggestions: the proposal answered, co-handling mentions, responses."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean.script import View, make_view, to_simplified
from ..types import Proposal, Response, Structure
from .layout import Reader, split_lines
from .sections import match_heading
from .titles import is_unit_line
from ..rules import decide
from .lexicon import data, rx, words


@dataclass
class Mention:
    """A unit mention as written, with its span in the text."""
    text: str
    start: int
    end: int


@dataclass
class ReplyParts:
    """What a reply letter says about the proposal it answers, and its numbered responses."""
    proposal: Proposal
    responses: list[Response] = field(default_factory=list)
    co_handler_mentions: list[Mention] = field(default_factory=list)


def _search(pattern: str, s: str, pos: int = 0, end: int | None = None):
    return rx(pattern).search(s, pos, len(s) if end is None else end)


def _view_of(structure: Structure, text: str, view: View | None):
    v = view or make_view(text)
    inv = {o: i for i, o in enumerate(v.orig)}
    vs = inv.get(structure.body_start, 0)
    ve = inv.get(structure.body_end, len(v.text)) if structure.body_end else len(v.text)
    return v, inv, vs, ve


def proposers_of(recipients: list[str]) -> list[str]:
    """Proposers from the letter's recipients: 蔡先全，杜姬芳，陆玲委员 -> 3 names; 唐如伟、李征平等代表."""
    suffixes = words("replies", "proposer_suffixes")
    unit_suffixes = words("elements", "unit_suffixes", "words")
    out = []
    for r in recipients:
        for part in re.split(r"[、，,]", r):
            part = part.strip()
            simple = to_simplified(part)           # same length: cut the original where it matches
            for pre in data("replies")["proposer_prefixes"]:
                if simple.startswith(pre):
                    part, simple = part[len(pre):], simple[len(pre):]
            count = rx(data("replies")["proposer_count_suffix"]["pattern"]).search(simple)
            if count:                                  # 高占毕代表等7名代表: the count, then the title
                part, simple = part[:count.start()], simple[:count.start()]
            if not simple.endswith(unit_suffixes):
                for suf in suffixes:
                    if simple.endswith(suf) and len(simple) > len(suf):
                        part = part[:-len(suf)]
                        break
            if _named(part):
                out.append(part)
    return out


def _named(part: str) -> bool:
    """True where a proposer's part has a name in it; a masked one (***代表) names nobody."""
    return bool(re.search(r"[^\W\d_]", part))


def _same_unit(mention: str, issuer: str | None) -> bool:
    if not issuer:
        return False
    core = mention.lstrip("省市区县")
    return mention == issuer or (len(core) >= 2 and issuer.endswith(core))


_FIRM_ENDS = ("公司", "集团")                  # a state firm handling with the unit (国网某县供电公司)


def _co_handlers(reader: Reader, vs: int, ve: int, issuer: str | None) -> list[Mention]:
    out: list[Mention] = []
    s = reader.view.text
    for p in data("replies")["co_handlers"]["patterns"]:
        for m in rx(p).finditer(s, vs, ve):
            pos = m.start("v")
            for part in re.split(r"([、，,；;])", m.group("v")):
                a, pos = pos, pos + len(part)
                core = _strip_affixes(part.strip())
                flat = re.sub(r"\s+", "", core)
                if len(flat) < 2 or part in "、，,；;" or not (is_unit_line(flat) or flat.endswith(_FIRM_ENDS)):
                    continue                  # 接到此协办提案: no unit
                off = a + part.index(core)
                o_s, o_e = reader.span(off, off + len(core))
                if not _same_unit(flat, issuer and to_simplified(issuer)) and all(x.start != o_s for x in out):
                    out.append(Mention(reader.text[o_s:o_e], o_s, o_e))
    return out


def _strip_affixes(mention: str) -> str:
    """A list item without its connective prefix (由, 会同) and suffix (等单位)."""
    cfg = data("replies")["co_handlers"]
    for p in sorted(cfg["strip_prefixes"], key=len, reverse=True):
        if mention.startswith(p):
            mention = mention[len(p):]
            break
    for sfx in sorted(cfg["strip_suffixes"], key=len, reverse=True):
        if mention.endswith(sfx):
            mention = mention[:-len(sfx)]
            break
    return mention


@dataclass
class StatusContext:
    """A response section: its heading line and the lines after it, with the status words."""
    heading: str
    lines: list[str]
    statuses: tuple[str, ...]


def _heading_tail(c: StatusContext) -> str | None:
    m = re.search(r"[（(【]([^（）()【】]{2,12})[）)】]\s*$|[：:—-]\s*([^：:—-]{2,12})$", c.heading)
    cand = (m.group(1) or m.group(2) or "").strip("。 ") if m else ""
    return cand if cand in c.statuses else None


def _heading_bracket(c: StatusContext) -> str | None:
    return next((x for x in re.findall(r"[（(【]\s*([^（）()【】]{2,12}?)\s*[）)】]", c.heading)
                 if x in c.statuses), None)


def _own_line(c: StatusContext) -> str | None:
    return next((t for t in (ln.strip().rstrip("。.！!；;") for ln in c.lines[:8]) if t in c.statuses), None)


def _trailing_bracket(c: StatusContext) -> str | None:
    for ln in c.lines:                            # …长效机制研究方案。（留作参考）
        m = re.search(r"[（(【]\s*([^（）()【】]{2,12}?)\s*[）)】][。.]?\s*$", ln)
        if m and m.group(1) in c.statuses:
            return m.group(1)
    return None


def _result_cue(c: StatusContext) -> str | None:
    cue = rx(data("replies")["status_words"]["cue_pattern"])
    for ln in c.lines:                            # 办理结果：正在解决。 anywhere in the section
        for m in cue.finditer(ln):
            v = m.group("v").strip()
            hit = next((w for w in c.statuses if v == w or v.startswith(w)), None)
            if hit:
                return hit
    return None


def _opening(c: StatusContext) -> str | None:
    return _opening_status(next((ln.strip() for ln in c.lines if ln.strip()), ""), list(c.statuses))


STATUS_TESTS = {
    "heading_tail": _heading_tail,
    "heading_bracket": _heading_bracket,
    "own_line": _own_line,
    "trailing_bracket": _trailing_bracket,
    "result_cue": _result_cue,
    "opening": _opening,
    "closing": lambda c: _closing_status(c.lines, list(c.statuses)),
    "letter_opening": lambda c: None,             # applied by parse_reply over all sections
    "default": lambda c: True,
}
LETTER_OPENING = "status.letter-opening"


def _status(heading_line: str, lines_after: list[str]) -> tuple[str | None, str]:
    """(status as the letter prints it, or None; rule id): models/rules/reply_statuses.json."""
    context = StatusContext(heading_line, lines_after, words("replies", "status_words", "words"))
    status, why = decide("reply_statuses", STATUS_TESTS, context)
    return (None if status == "none" else status), why


def _closing_status(lines_after: list[str], statuses: list[str]) -> str | None:
    """A status sentence with its own subject inside a section (……。该建议已采纳。), as written."""
    lead = rx(data("replies")["status_words"]["lead_in"]["pattern"])
    for ln in lines_after:
        for sentence in re.split(r"(?<=[。！；;])", ln):
            m = lead.match(sentence.strip())
            if not m or not m.group(0) or m.group(0).startswith(("建议", "提案", "议案", "意见")):
                continue                  # the subject needs its determiner: 该建议, 您的提案
            rest = sentence.strip()[m.end():].rstrip("。！；; ")
            if rest in statuses:
                return rest
    return None


def _opening_status(first: str, statuses: list[str]) -> str | None:
    """A status opening a paragraph, after its subject (该建议我局吸收采纳。) and aspect marker (已)."""
    lead = data("replies")["status_words"]["lead_in"]
    m = rx(lead["pattern"]).match(first)
    after = first[m.end():] if m else first
    candidates = [after[len(a):] for a in lead["aspect_prefixes"] if after.startswith(a)] + [after]
    for text in dict.fromkeys(candidates):
        for word in sorted(statuses, key=len, reverse=True):  # 部分采纳。2023年，我局……
            if text.startswith(word) and text[len(word):len(word) + 1] in ("。", "，", ",", "：", ":", "；", ";"):
                return word
    return None


def _suggestion(rest: str, rest_start: int, title: str, par: str | None, par_start: int) -> tuple[int, int] | None:
    """The view span of the suggestion a response answers: the quoted words of its heading, its
    topic clause, or the request its first paragraph quotes; None for procedural sections."""
    sg = data("replies")["suggestion"]
    m = rx(sg["heading_quote"]).search(rest)
    if not m and title in data("replies")["procedural_headings"]:
        return None
    m = m or rx(sg["quote_start"]).search(rest) or rx(sg["heading_about"]).search(rest) \
        or rx(sg["topic_clause"]).search(rest)
    if m:
        return rest_start + m.start("v"), rest_start + m.end("v")
    m = rx(sg["request"]).search(par) if par else None
    return (par_start + m.start("v"), par_start + m.end("v")) if m else None


def parse_reply(text: str, structure: Structure, view: View | None = None) -> ReplyParts | None:
    """The proposal and the responses of a reply letter; None when the structure is not a reply."""
    if structure.kind != "reply":
        return None
    v, inv, vs, ve = _view_of(structure, text, view)
    reader = Reader(text, v)
    s = v.text
    meta = structure.meta
    title_v = make_view(meta.title or "").text           # simplified, injected readings removed
    first_sec = structure.sections[0].start if structure.sections else structure.body_end
    opening_end = inv.get(first_sec, ve)
    r = data("replies")
    after_title = s.find(title_v, vs, opening_end) if title_v else -1
    told_from = after_title + len(title_v) if after_title >= 0 else vs     # a page's headline (…人大建议答复内容公开) tells none
    if structure.sections and not rx(r["reply_title"]["proposal_words"]).search(s, told_from, opening_end):
        opening_end = inv.get(structure.sections[0].end, ve)   # 一、基本情况 …您提出关于…的提案: told in the first section
    proposal = Proposal(category=meta.category, replying_unit=meta.issuer)

    for source in (title_v, s[vs:opening_end]):
        m = rx(r["proposal_number"]["pattern"]).search(source)
        if m and proposal.number is None:
            numbers = ["".join((m.group("v") or m.group("w") or m.group("x") or m.group("y") or m.group("z")).split())]
            more, at = rx(r["proposal_number"]["more"]), m.end()
            while m.group("v") and (n := more.match(source, at)):
                numbers.append(n.group("n"))              # 第119号、120号、121号提案: one letter answers three
                at = n.end()
            proposal.number = "、".join(numbers)
    proposal.session = _session(reader, meta.title, s, vs, opening_end)
    handlers = words("replies", "handler_suffixes", "words")
    parties = tuple(data("replies")["handler_suffixes"]["proposing_bodies"])
    people = [r for r in meta.recipients if not to_simplified(r).strip().endswith(handlers)
              or to_simplified(r).strip().startswith(parties)]            # 民革平凉市委: a party that proposes
    proposal.proposers = proposers_of(people)
    if not proposal.proposers:
        m = rx(r["proposer_in_opening"]["pattern"]).search(s, vs, opening_end) \
            or rx(r["proposer_in_opening"]["title_first"]).search(s, vs, opening_end) \
            or rx(r["salutation_line"]["pattern"], re.M).search(s, vs, opening_end)
        if m:
            proposal.proposers = [x for x in re.split(r"[、，,]", reader.value(m.start("v"), m.end("v"))) if _named(x)]
        elif field := rx(r["proposer_field"]["pattern"]).search(text, 0, reader.span(vs, opening_end)[1]):
            proposal.proposers = re.split(r"[、，,\s]+", field.group("v"))    # 代表姓名:马新创 边会均 王珺 (as written)
    for p in r["proposal_title"]["patterns"]:
        m = rx(p, re.M).search(s, vs, opening_end)
        if m:
            proposal.title = reader.value(m.start("v"), m.end("v"))
            break
    for p in r["proposal_title"]["in_title"] if proposal.title is None else ():
        m = rx(p, re.M).search(s, 0, opening_end)   # the reply's title line(s) above or in the opening
        if m:
            proposal.title = reader.value(m.start("v"), m.end("v"))
            break
    mentions = _co_handlers(reader, vs, ve, meta.issuer)
    proposal.co_handlers = [re.sub(r"\s+", "", x.text) for x in mentions]
    responses = _responses(structure, reader, inv)
    every = rx(r["status_words"]["collective_pattern"]).search(s, vs, opening_end)
    if every:
        for resp in responses:
            if not resp.status:
                resp.status, resp.rule = reader.value(every.start("v"), every.end("v")), LETTER_OPENING
    return ReplyParts(proposal, responses, mentions)


def _session(reader: Reader, title: str | None, s: str, vs: int, ve: int) -> str | None:
    """The session (市政协十三届三次会议) from the title, else from the opening, as written."""
    r = data("replies")["session"]
    title_view = make_view(title or "")
    for source, base in ((title_view.text, None), (s[vs:ve], vs)):
        m = next((m for p in [r["pattern"], *r["alt_patterns"]] if (m := rx(p).search(source))), None)
        if not m:
            continue
        value = m.group("v")
        cut = max((value.rfind(b) + len(b) for b in r["boundaries"] if b in value), default=0)
        value = value[cut:]
        if base is None and title:
            start = m.start("v") + cut
            a, b = title_view.span_to_original(start, start + len(value))
            return title[a:b]
        return reader.value(base + m.start("v") + cut, base + m.end("v"))
    return None


def _responses(structure: Structure, reader: Reader, inv: dict[int, int]) -> list[Response]:
    secs = structure.sections
    if not secs:
        return []
    top = min(x.level for x in secs)
    out = []
    for i, sec in enumerate(secs):
        if sec.level != top:
            continue
        a, b = inv.get(sec.start), inv.get(sec.end, len(reader.view.text))
        if a is None:
            continue
        body = reader.view.text[a:b]
        lines = [ln.text for ln in split_lines(body)]
        heading = lines[0] if lines else ""
        h = match_heading(heading)
        rest = heading[h.label_end:] if h else heading
        children = [c.start for c in secs if c.parent == i]
        own_end = inv.get(min(children), b) if children else b
        own = split_lines(reader.view.text[a:own_end])[1:]
        par_start = par_end = None
        for ln in own:                      # the first paragraph, wrapped lines included
            par_start = a + ln.start if par_start is None else par_start
            par_end = a + ln.end
            if ln.text.endswith(("。", "！", "？", "：", ":")):
                break
        first_par = reader.view.text[par_start:par_end] if par_start is not None else None
        label_end = h.label_end if h else 0
        span = _suggestion(rest, a + label_end, to_simplified(sec.title), first_par, par_start or 0)
        suggestion = reader.value(*span) if span else None
        status, why = _status(heading, lines[1:])
        if status and (at := reader.view.text.find(status, a, b)) >= 0:
            status = reader.value(at, at + len(status))       # as written: 吸收採納 in a traditional text
        out.append(Response(label=sec.label, suggestion=suggestion, status=status,
                            start=sec.start, end=sec.end, rule=why))
    return out
