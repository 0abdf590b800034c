"""The units responsible for a measure: lead (牵头), responsible (责任单位), cooperating (配合), collectives.

Reads '（责任单位：市商务局、工业和信息化局、财政局，各镇街）', '（牵头单位：省发展改革委；责任单位：…）',
'（区科技局牵头）' and '由县农业局牵头，县委县政府督查室、县财政局配合'; names are canonical where known.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from ..clean.script import to_simplified
from .agencies import Mention, find_mentions, lower_level_government
from .agency_names import LEVEL_CHARS, canonicalize
from .agency_data import AGENCY_DIR, agency_data
from .jurisdiction import Jurisdiction


# An item's own label at the start of its text (第二条, （一）, 1.): a clause's subject may follow it at once.
_ITEM_LABEL = re.compile(r"\s*(?:第[一二三四五六七八九十百零〇\d]{1,5}条|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}[、.．])\s*")


@dataclass
class ResponsibleUnits:
    """Units named for a measure, in the order written; `responsible` lists them all, lead first."""
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    collectives: list[str] = field(default_factory=list)


@cache
def _cues() -> dict:
    return json.loads((AGENCY_DIR / "responsible_cues.json").read_text(encoding="utf-8"))


@cache
def _label_re() -> re.Pattern:
    """A unit label and its colon, or a unit label closed by its bracket (【政策落实单位】市工信局…)."""
    labels = sorted((k for k in _cues()["labels"] if not k.startswith("_")), key=len, reverse=True)
    return re.compile("(" + "|".join(labels) + ")" + _cues()["label_person_suffix"] + r"(?:\s*[：:]|(?<=单位|部门)[】\]])")


@cache
def _next_field_re() -> re.Pattern:
    """An item's next field glued to its unit list (…莲塘镇任务目标:…): its key and colon."""
    return re.compile("(?:" + "|".join(sorted(_cues()["next_fields"], key=len, reverse=True)) + r")\s*[：:]")


@cache
def _after_re() -> re.Pattern:
    verbs = sorted((k for k in _cues()["after"] if not k.startswith("_")), key=len, reverse=True)
    stops = "|".join(_cues()["after_not_followed_by"]["words"])
    return re.compile("(" + "|".join(verbs) + r")(?!" + stops + r"|\s*[：:])")


@cache
def _collective_res() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(r) for r in agency_data().generic["collective_patterns"]["regex"])


def _is_collective(chunk: str) -> bool:
    return any(r.match(chunk) for r in _collective_res())


def _split_outside_brackets(text: str, seps: str) -> list[tuple[int, str]]:
    """(offset, chunk) pieces of text between separators, not splitting inside （…）: 各区（市、县）政府.

    A joining word (和及与) splits only after a unit's closing character: 自然资源和规划厅 stays whole.
    """
    joins, ends = _cues()["joining_words"], _cues()["unit_final_chars"]
    out, depth, begin = [], 0, 0
    for k, ch in enumerate(text + seps[0]):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in seps and (depth == 0 or k == len(text)):
            if ch in joins and k < len(text) and (k == begin or text[k - 1] not in ends):
                continue
            out.append((begin, text[begin:k]))
            begin = k + 1
    return out


def _may_be_unit(chunk: str, any_ending: bool = False) -> bool:
    """An unrecognised chunk of a labelled list that may still name a unit: ending as units end
    (县电商办, 商贸物流园, 洛克乡), or however it ends (`any_ending`: 中储粮株洲直属库); not a note
    after the units (事后奖补方式)."""
    rule = _cues()["unrecognised_unit"]
    return rule["min_chars"] <= len(chunk) <= rule["max_chars"] and not any(ch in rule["sentence_chars"] for ch in chunk) \
        and (any_ending or chunk[-1] in _cues()["unit_final_chars"] or chunk.endswith(tuple(rule["final_words"])))


@cache
def _closed_list() -> re.Pattern:
    """A list's closing filler and a joining word at a chunk's start (等部门及, 等单位和): what follows is
    another item of the list."""
    fillers = sorted((f for f in _cues()["list_fillers"] if f.startswith("等")), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, fillers)) + ")[" + _cues()["joining_words"] + "]")


def _strip_role_verb(chunk: str) -> str:
    """'第一海洋研究所配合' -> '第一海洋研究所', '商贸物流园等' -> '商贸物流园': a role verb or a list
    filler written after the last unit of a list."""
    closers = [f for f in _cues()["list_fillers"] if f.startswith(("等", "及"))]     # not 市各有关单位's 有关单位
    endings = [k for k in _cues()["after"] if not k.startswith("_")] + closers
    for ending in sorted(endings, key=len, reverse=True):
        if chunk.endswith(ending) and len(chunk) > len(ending):
            return chunk[:-len(ending)]
    return chunk


def _is_joining_word(chunk: str) -> bool:
    """True for a joining word standing alone between two units (市财政局和市体育局, …以及…)."""
    return chunk in _cues()["joining_words"] or chunk in _cues()["joining_phrases"]


def _items(s: str, start: int, end: int, mentions: list[Mention],
           keep_other: bool = False) -> list[tuple[int, str, Mention | None]]:
    """The units of a list span: mentions, and the other chunks between separators (collectives …);
    `keep_other` also keeps chunks that are no unit (一次性奖励5万元的基础上), so a chain stops there."""
    seps = _cues()["separators"]
    out, pos = [], start
    inside = [m for m in mentions if m.start >= start and m.end <= end]
    for m in inside + [None]:
        stop = m.start if m else end
        for offset, chunk in _split_outside_brackets(s[pos:stop], seps):
            trim = " （）()" if chunk.count("（") + chunk.count("(") == 0 else " "
            lead = len(chunk) - len(chunk.lstrip(trim))
            chunk = _strip_role_verb(chunk.strip(trim))
            if out and out[-1][2] is not None and len(chunk) > 2 and chunk[0] in "（(" and chunk[-1] in "）)" \
                    and _second_nameplate(s, pos + offset + lead, pos + offset + lead + len(chunk) - 1):
                lead, chunk = lead + 1, chunk[1:-1]     # 区编办(审改办): the second name a unit of its own
            if offset == 0 and out and out[-1][2] is not None and len(chunk) > 1 \
                    and chunk[0] in _cues()["joining_words"]:
                lead, chunk = lead + 1, chunk[1:]      # 省林业局和有关市县人民政府: the word joining the unit before
            closed = _closed_list().match(chunk)       # 等部门及各市: the collective after the list's filler
            if closed and closed.end() < len(chunk):
                lead, chunk = lead + closed.end(), chunk[closed.end():]
            if chunk.strip("（）()") and chunk not in _cues()["list_fillers"] and not _is_joining_word(chunk) \
                    and (keep_other or not _not_unit_re().search(chunk)):
                out.append((pos + offset + lead, chunk, None))
        if m:
            out.append((m.start, s[m.start:m.end], m))
            pos = m.end
    return out


def _chain_before(s: str, v: int, mentions: list[Mention],
                  collective_at: set[int] | None = None) -> list[tuple[int, str, Mention | None]]:
    """The list of units that ends right before the role verb at v: mentions, units the gazetteer lacks
    and collectives (their positions put in `collective_at`) separated by 、，和, back to a clause boundary
    or the previous role verb (省发展改革委、财政厅牵头；省工业和信息化委、…、地税局，国家开发银行云南省分行，
    各州、市人民政府配合)."""
    lo = _chain_start(s, v)
    for prev in _after_re().finditer(s, lo, v):
        lo = prev.end()
    items = _items(s, lo, v, mentions, keep_other=True)
    collective = _collective_flags(items)
    chain: list[tuple[int, str, Mention | None]] = []
    named = any(item[2] is not None for item in items)
    for item, is_collective in zip(reversed(items), reversed(collective)):
        if is_collective:
            chain.insert(0, (item[0], item[1], None))
            if collective_at is not None:
                collective_at.add(item[0])
        elif item[2] is not None or (named and _unlisted_unit(item[1])):
            chain.insert(0, item)
        else:
            break
    return chain


MAX_LEVEL_NOTE = 4          # a level's note in brackets inside a unit's name: (地), (行署), (市、区)


def _chain_start(s: str, v: int) -> int:
    """Where a list of units before v begins: after the last clause stop, a bracket closed within the list
    being a level's note (有关市(地)政府(行署)按职责分工负责), not a stop."""
    stops, closing = _cues()["chain_stops"], None
    for k in range(v - 1, -1, -1):
        ch = s[k]
        if ch in "）)" and closing is None:
            closing = k
        elif ch in "（(" and closing is not None:
            if (closing + 1 == v or s[closing + 1] in _cues()["separators"]) and _second_nameplate(s, k, closing):
                closing = None                 # 区编办(审改办)牵头: one office's second name, in the list
                continue
            if closing - k - 1 > MAX_LEVEL_NOTE or s[closing - 1] in "局委办厅部":
                return closing + 1             # …(试行)》 X局负责, 经委(经济局)是…: a bracket of its own
            closing = None
        elif ch in stops:
            return k + 1
    return 0 if closing is None else closing + 1


def _second_nameplate(s: str, opening: int, closing: int) -> bool:
    """True where the bracket from `opening` to `closing` holds a body's second name right after the body
    (区编办(审改办), 市委宣传部(市文明办)): an office with two nameplates, both units."""
    if not (opening > 0 and s[opening - 1] in _cues()["unit_final_chars"] and _unlisted_unit(s[opening + 1:closing])):
        return False
    stops = _cues()["separators"] + _cues()["chain_stops"] + "由"
    head = s[max((s.rfind(ch, 0, opening) for ch in stops), default=-1) + 1:opening]
    return not re.match(f"[{LEVEL_CHARS}]{{2}}", head)     # 县市区政府(园区管委会): levels and their alternative, no one office


def _own_level_name(chunk: str, j: Jurisdiction) -> str | None:
    """The full name of a party department or people's organisation written bare in a list of the letter's
    own units (宣传部、总工会、妇联 in a region's task list): the body of the letter's own level."""
    level = {"province": "区" if (j.province or "").endswith("自治区") else "省", "city": "市"}.get(j.level or "") \
        or (j.county[-1] if j.level == "county" and j.county else None)
    if not level or not _own_level_body(chunk):
        return None
    return next((full for written in (level + chunk, level + "党委" + chunk)
                 if (full := canonicalize(written, j))), None)


def _own_level_body(chunk: str) -> bool:
    """A party department or people's organisation written bare (宣传部, 残联): a unit of the letter's own level."""
    return chunk in _cues()["unlisted_unit"]["own_level_bodies"]


def _unlisted_unit(chunk: str) -> bool:
    """A chunk of a list beside known bodies that names a body the gazetteer lacks by a body's last
    character (…、工业园区管委会、商工局负责): a unit as written."""
    rule = _cues()["unlisted_unit"]
    if _own_level_body(chunk):
        return True
    plain = not any(ch.isdigit() or ch in rule["not_chars"] for ch in chunk) and not any(w in chunk for w in rule["not_words"])
    return _may_be_unit(chunk) and rule["min_chars"] <= len(chunk) <= rule["max_chars"] \
        and chunk[-1] in _cues()["unit_final_chars"] and plain and not _is_collective(chunk)


def _collective_flags(items: list[tuple[int, str, Mention | None]]) -> list[bool]:
    """Which items of a unit list are collectives: 各… and what shares its 各 after it (各州、市人民政府,
    各县、市、区政府: a bare level or level government right after a collective)."""
    flags, shared = [], False
    for _, chunk, m in items:
        bare = chunk in tuple("省市县区州") or (chunk[:1] in "省市县区州" and _is_bare_government(chunk))
        shared = (m is None and _is_collective(chunk)) or (shared and bare)
        flags.append(shared)
    return flags


def _is_bare_government(chunk: str) -> bool:
    return chunk[1:] in _cues()["bare_governments"]


def _name(item: tuple[int, str, Mention | None], text: str, c) -> str:
    pos, chunk, m = item
    if m is None:
        a, b = c.span(pos, pos + len(chunk))
        return "".join(text[a:b].split())
    if m.canonical:
        return m.canonical
    a, b = c.span(m.start, m.end)
    return "".join(text[a:b].split())


def _list_end(s: str, start: int, breaks: frozenset[int], inside_mention: set[int],
              unit_at: dict[int, int] | None = None) -> int:
    """Where a labelled list ends: a closing bracket or full stop, the next label, or a line break; a
    semicolon only where no unit follows it whole (市商务局；市教育局、市科技局: the list goes on)."""
    ends, seps = _cues()["list_end"], _cues()["separators"]
    depth, k = 0, start
    while k < len(s):
        ch = s[k]
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        elif ch in "；;" and _unit_follows(s, k + 1, unit_at or {}):
            pass
        elif ch in ends or _label_re().match(s, k) or _next_field_re().match(s, k):
            break
        elif k in breaks and k not in inside_mention and s[k - 1] not in seps:
            break
        k += 1
    return k


def _unit_follows(s: str, k: int, unit_at: dict[int, int]) -> bool:
    """True where a known unit starts at k and a list separator or the list's end follows it."""
    end = unit_at.get(k)
    return end is not None and (end == len(s) or s[end] in _cues()["separators"] or s[end] in _cues()["list_end"])


def _bare_unit_lists(s: str, mentions, section_text: str, c, collectives: list) -> list[tuple[int, str, str]]:
    """Units in a parenthesis of their own at the end of a sentence or item, with no label:
    '……给予补助。(市工信委、市财政局)', '……最高支持200万元(市科委、中关村管委会)。' (annotation guide §3:
    the units responsible for it). At least one is a known body; the others end as units end."""
    out = []
    for m in _bare_list_re().finditer(s):
        group = next(g for g in range(1, (m.re.groups or 0) + 1) if m.group(g) is not None)
        items = _items(s, m.start(group), m.end(group), mentions)
        noted = _lead_first_re().search(s, m.end(group), m.end()) is not None     # …。排名第一的为牵头单位,下同)
        for item, collective in _list_units(items, [it[2] is None and _is_collective(it[1]) for it in items], noted):
            if collective:
                collectives.append((item[0], _name(item, section_text, c)))
            else:
                out.append((item[0], "responsible", _name(item, section_text, c)))
    return out


def _list_units(items: list, flags: list[bool], noted: bool = False) -> list[tuple[tuple, bool]]:
    """(item, is it a collective) for a list of chunks that names units: one known body at least and each
    other chunk a collective (`flags`) or ending as units end (自然资源分局 beside 区发展改革局), or, in a
    list noted as units (`noted`: 排名第一的为牵头单位), a name of a unit's length; [] otherwise."""
    if not any(it[2] is not None and not f for it, f in zip(items, flags)) \
            or not all(it[2] is not None or f or _may_be_unit(it[1], noted) or _own_level_body(it[1])
                       for it, f in zip(items, flags)):
        return []
    return [(it, f or (it[2] is None and _is_collective(it[1]))) for it, f in zip(items, flags)]


_CELL_EDGE = re.compile(r"\s*[|｜\t]\s*|[ \u3000]+")


@cache
def _joined_collective() -> re.Pattern:
    """Where a cell's collective (各…) follows a unit with no separator: a cut before it."""
    return re.compile(f"(?<=[{_cues()['unit_final_chars']}])(?={re.escape(_cues()['cell_collective_opener'])})")


def _cells(section_text: str):
    """(offset, text) of every line of a measure and every cell of a table row (parted by | or white
    space), the item's own first cell left out: it is the task."""
    pos = 0
    footer = tuple(_cues()["footer_fields"]["words"])
    for k, line in enumerate(section_text.split("\n")):
        start, pos = pos, pos + len(line) + 1
        if k > 0 and line.strip().startswith(footer):
            return                                     # 抄送: the copy recipients
        edges = [0] + [e for m in _CELL_EDGE.finditer(line) for e in (m.start(), m.end())] + [len(line)]
        row = "|" in line or "｜" in line              # a table's row: its cells may hold lines read back joined
        if k == 0 and len(edges) == 2 and 0 <= (stop := line.rfind("。")) < len(line.rstrip()) - 1:
            yield start + stop + 1, line[stop + 1:]     # a row run together: its unit cell after its last full stop
        for j, (a, b) in enumerate(zip(edges[::2], edges[1::2])):
            if (k == 0 and j == 0) or not line[a:b].strip():
                continue
            for cut in _joined_collective().split(line[a:b]) if row else [line[a:b]]:   # 县教体局各相关乡镇政府
                if cut:
                    yield start + a, cut
                    a += len(cut)
        if k > 0 and len(edges) > 2 and line.strip():
            yield start, line                          # a whole line of units, spaces and all


def _unit_lines(section_text: str, jurisdiction: Jurisdiction, collectives: list) -> list[tuple[int, str, str]]:
    """A line or cell after the item's text that holds nothing but units: the 责任单位 cell of a task
    table flattened into text (市经信局、市财政局等,各县、市、区政府,咸宁高新区管委会; 1 | 任务 | 县卫健委 |)."""
    out, lone = [], []
    for start, line in _cells(section_text):
        c, mentions = find_mentions(line, jurisdiction)
        items = _items(c.text, 0, len(c.text), mentions)
        units = _list_units(items, _collective_flags(items))
        for item, collective in units:
            if collective:
                collectives.append((start + item[0], _name(item, line, c)))
            else:
                name = (item[2] is None and _own_level_name(item[1], jurisdiction)) or _name(item, line, c)
                out.append((start + item[0], "responsible", name))
        if not units and len(items) == 1 and items[0][2] is None and c.text.strip() == items[0][1] \
                and _may_be_unit(items[0][1]) and not _is_collective(items[0][1]):
            lone.append((start + items[0][0], "responsible", _name(items[0], line, c)))
    # a unit cell copied one unit a line (县住建局 / 县代建中心): a line the tables do not know beside one they do
    return sorted(out + [u for u in lone if u[2] not in {o[2] for o in out}]) if out else out


_CELL_BAR = re.compile(r"[|｜]")


def _column_units(section_text: str, jurisdiction: Jurisdiction) -> list[tuple[int, str, str]]:
    """The units of the first table's unit column read by its header (专项整治行业名称 | 时间安排 | 责任单位 |, then
    rows 烟花爆竹 | 1月份 | 安监站 安监所 |): every cell under a unit label is units, known bodies or not."""
    labels = {k: v for k, v in _cues()["labels"].items() if not k.startswith("_")}
    lines, out = section_text.split("\n"), []
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for k, line in enumerate(lines):
        head = [cell.strip() for cell in _CELL_BAR.split(line)]
        columns = [j for j, cell in enumerate(head) if cell in labels]
        if len(head) < 3 or not columns:
            continue
        j = columns[0]
        for row, at in zip(lines[k + 1:], starts[k + 1:]):
            cells = _CELL_BAR.split(row)
            if len(cells) != len(head):
                break
            offset = at + sum(len(x) + 1 for x in cells[:j])
            for piece in re.finditer(r"\S+", cells[j]):
                c, mentions = find_mentions(piece.group(), jurisdiction)
                for item in _items(c.text, 0, len(c.text), mentions):
                    if item[2] is not None or (_may_be_unit(item[1]) and not _is_collective(item[1])):
                        out.append((offset + piece.start() + item[0], labels[head[j]], _name(item, piece.group(), c)))
        break
    return out


def _doers(s: str, mentions, section_text: str, c, subjects: bool = True) -> list[tuple[int, str, str]]:
    """Bodies the item names as deciding or doing it: the list before a doing verb (由市计划委员会、市财政局
    共同确定; 经县领导小组审核给予; 市节约用水办公室设立…) and, with `subjects` (no unit labelled), a
    clause's subject (省财政厅按本办法…给予奖励)."""
    out = []
    for v in _doer_re().finditer(s):
        end = _before_adverb(s, v.start())  # 会同县财政局具体组织实施: the list ends before the adverb
        end = _before_note(_alias_re(), s, _before_note(_leadership_re(), s, end))   # …领导小组的领导下; …(以下简称…)负责
        approval = s.startswith(tuple(_cues()["doers"]["approval_after_report"]), v.start())
        for item in _chain_before(s, end, mentions):
            if _top_body_leading(s, item[2]):
                continue                    # 在县人民政府领导下，由县农业局…实施: the government oversees, the bureau does
            if (item[2] is not None or _unlisted_unit(item[1])) \
                    and (not _after_object_marker(s, item[0]) or (approval and _reported_to(s, item[0]))):
                out.append((item[0], "responsible", _name(item, section_text, c)))
    markers = tuple(_cues()["doers"]["subject_markers"])
    label = _ITEM_LABEL.match(s)
    for k, m in enumerate(mentions if subjects else ()):   # 省财政厅按本办法…对各市给予奖励: a clause's subject
        if not (m.start == (label.end() if label else 0) or s[m.start - 1] in "。；;，,：: \u3000\n"):
            continue
        chain = [m]                         # 市科技局、财政局对…实行监督管理: a list of bodies as the subject
        while k + len(chain) < len(mentions) and s[chain[-1].end:chain[-1].end + 1] in _cues()["separators"] \
                and mentions[k + len(chain)].start == chain[-1].end + 1:
            chain.append(mentions[k + len(chain)])
        end = chain[-1].end
        if alias := _alias_after_re().match(s, end):    # 县财政局(以下简称“县财政局”)按照…规定,负责…
            end = alias.end()
        if label is not None and m.start == label.end() and (duty := _heading_duties_re().match(s, end)) \
                and (duty.end() in c.breaks or s[duty.end():duty.end() + 1] in _cues()["doers"]["heading_ends"] + "\n"):
            end = duty.end()                # 四、镇河长办职责 ⏎ 承担河长制日常工作
        headed = label is not None and m.start == label.end() \
            and (s[end:end + 1] in _cues()["doers"]["heading_ends"] + "\n" or end in c.breaks or not s[end:].strip())   # 十五、省商务厅 ⏎ (一)…
        if headed or (s.startswith(markers, end) and _doer_re().search(s, end, _sentence_end(s, end))):
            out += [(x.start, "responsible", _name((x.start, s[x.start:x.end], x), section_text, c)) for x in chain]
    starts = {m.start: m for m in mentions}
    for opener in re.finditer(_cues()["doers"]["agent_marker"], s):     # 由省政府和兰州市人民政府按7:3的比例筹集
        k = opener.end()
        if k not in starts and (unit := _unlisted_agent(s, k)):
            out.append((k, "responsible", _name((k, unit, None), section_text, c)))
        while k in starts:
            m = starts[k]
            out.append((m.start, "responsible", _name((m.start, s[m.start:m.end], m), section_text, c)))
            k = m.end + (1 if s[m.end:m.end + 1] and s[m.end] in _cues()["separators"] else 0)
    return sorted(set(out))


def _before_adverb(s: str, end: int) -> int:
    """Where a list of units before a doing verb at `end` ends: before an adverb written between them (具体, 全面)."""
    adverbs = sorted(_cues()["doers"]["adverbs"], key=len, reverse=True)    # 主要, not its 要
    adverb = next((a for a in adverbs if s.endswith(a, 0, end)), "")
    return end - len(adverb)


def _unlisted_agent(s: str, k: int) -> str | None:
    """A body the gazetteer lacks written alone after 由 or 经 and right before a doing verb (由蓝田县猿人遗址
    文管所全面负责…): the unit that does the item, where it opens with its place or level and ends as a body
    ends (由保险公司负责, 由村委会负责: no particular body)."""
    doers = _cues()["doers"]
    reach = _cues()["unlisted_unit"]["max_chars"] + max(map(len, doers["adverbs"])) + max(map(len, doers["verbs"]))
    verb = _doer_re().search(s, k, k + reach)
    if verb is None:
        return None
    chunk = s[k:_before_adverb(s, verb.start())]
    plain = not any(ch in chunk for ch in _cues()["separators"] + _cues()["chain_stops"])
    return chunk if plain and _placed_re().match(chunk) and _unlisted_unit(chunk) else None


@cache
def _placed_re() -> re.Pattern:
    return re.compile(_cues()["unlisted_unit"]["placed_pattern"])


def _units_after_cue(s: str, mentions, section_text: str, c) -> list[tuple[int, str, str]]:
    """Units listed after a cue giving their role (会同县住建委、农委等单位: cooperating), up to 等, a
    clause mark or the first chunk that names no unit."""
    out = []
    stops = _cues()["chain_stops"] + "，,等"
    for cue, role in _cues()["before"].items():
        for k in (m.end() for m in re.finditer(cue, s)):
            end = min([e for e in (s.find(ch, k) for ch in stops) if e >= 0] + [len(s)])
            for n, item in enumerate(_items(s, k, end, mentions, keep_other=True)):
                if item[2] is None and (n == 0 or not _may_be_unit(item[1])):
                    break                   # 会同人社、财税等部门: no unit named; 美丽办 after named units is one
                out.append((item[0], role, _name(item, section_text, c)))
    return out


def _sentence_end(s: str, pos: int) -> int:
    """Where the sentence holding pos ends (its 。 or ；, or the text's end)."""
    ends = [k for k in (s.find(ch, pos) for ch in "。；;\n") if k >= 0]
    return min(ends, default=len(s))


def _reported_to(s: str, pos: int) -> bool:
    """True where a list starts right after 报 (报县政府批准: the body approves)."""
    marker = _cues()["doers"]["report_marker"]
    return s.endswith(marker, 0, pos)


def _after_object_marker(s: str, pos: int) -> bool:
    """True where a list starts after a word that makes it an object (向市财政局申请, 对…给予)."""
    k = pos
    while k > 0 and s[k - 1] in _cues()["separators"]:
        k -= 1
    return any(s[max(0, k - len(w)):k] == w for w in _cues()["doers"]["object_markers"])


@cache
def _not_unit_re() -> re.Pattern:
    return re.compile(_cues()["not_unit_chunk"]["pattern"])


@cache
def _bare_list_re() -> re.Pattern:
    notes = _cues()["lead_first_note"] + "|" + _cues()["other_list_note"]
    return re.compile(_cues()["bare_list"]["pattern"].replace("<list_notes>", notes))


@cache
def _doer_re() -> re.Pattern:
    verbs = sorted(_cues()["doers"]["verbs"], key=len, reverse=True)
    nouns = "|".join(w for w in _cues()["after_not_followed_by"]["words"] if w != "解释")   # 主要负责人: a person
    return re.compile("(?:" + "|".join(verbs) + ")(?!" + nouns + ")")


@cache
def _heading_duties_re() -> re.Pattern:
    return re.compile(_cues()["doers"]["heading_duties"])


def _top_body_leading(s: str, m: Mention | None) -> bool:
    """True for a government or party committee written right before 领导 (在县人民政府领导下): it leads the
    work, no unit of the item; a leading group under whose leadership work is done decides it."""
    return m is not None and m.parse is not None and m.parse.elements[-1].kind == "local" \
        and s.startswith(_cues()["doers"]["leads_only"], m.end)


@cache
def _leadership_re() -> re.Pattern:
    return re.compile(_cues()["doers"]["leadership_frame"])


@cache
def _alias_re() -> re.Pattern:
    return re.compile(_cues()["doers"]["alias_note"])


def _before_note(note: re.Pattern, s: str, end: int) -> int:
    """Where a note ending at `end` (a body's short name in brackets, 在…的领导下) starts; `end` where none does."""
    m = note.search(s, 0, end)
    return m.start() if m else end


@cache
def _alias_after_re() -> re.Pattern:
    """A body's short name in brackets right after it (…财政局(以下简称“县财政局”)), matched where it starts."""
    return re.compile(_cues()["doers"]["alias_note"].removesuffix("$"))


@cache
def _lead_first_re() -> re.Pattern:
    return re.compile(_cues()["lead_first_note"])


def lead_written_first(text: str) -> bool:
    """True where the document notes that the unit written first in a list leads (列第一位者为牵头单位，下同)."""
    return bool(_lead_first_re().search(to_simplified(text)))


def parse_responsible(section_text: str, jurisdiction: Jurisdiction, lead_first: bool = False) -> ResponsibleUnits:
    """Lead, responsible, cooperating units and collectives named in a measure's text (canonical names);
    `lead_first`: the document says the unit written first leads, where no unit is labelled lead."""
    out = ResponsibleUnits()
    if not section_text:
        return out
    c, mentions = find_mentions(section_text, jurisdiction)
    s = c.text
    roles: list[tuple[int, str, str]] = []          # (position, role, name)
    collectives: list[tuple[int, str]] = []
    labels = _cues()["labels"]
    inside_mention = {k for mm in mentions for k in range(mm.start + 1, mm.end)}
    unit_at = {mm.start: mm.end for mm in mentions}
    for m in _label_re().finditer(s):
        stop = _list_end(s, m.end(), c.breaks, inside_mention, unit_at)
        after_collective = False
        for item in _items(s, m.end(), stop, mentions):
            # 各镇人民政府、街道办事处: an unnamed unit right after a collective shares its 各
            if (item[2] is None and after_collective) or _is_collective(item[1]):
                collectives.append((item[0], _name(item, section_text, c)))
                after_collective = True
            elif item[2] is not None or _may_be_unit(item[1]):
                after_collective = False
                roles.append((item[0], labels[m.group(1)], _name(item, section_text, c)))
    labelled = bool(roles)
    for v in _after_re().finditer(s):
        if _label_re().match(s, v.start()):
            continue
        shared: set[int] = set()
        for item in _chain_before(s, _before_note(_alias_re(), s, v.start()), mentions, shared):   # …(简称区政府应急办)负责
            if item[0] in shared:
                collectives.append((item[0], _name(item, section_text, c)))
            else:
                name = _name(item, section_text, c)
                name = (_own_level_name(name, jurisdiction) or name) if item[2] is None else name
                roles.append((item[0], _cues()["after"][v.group(1)], name))
    if roles:
        named = {r[2] for r in roles}
        roles += [r for r in _units_after_cue(s, mentions, section_text, c) if r[2] not in named]
    if not roles:
        roles += _bare_unit_lists(s, mentions, section_text, c, collectives)
    if not roles:
        roles += _unit_lines(section_text, jurisdiction, collectives)
    if not roles:
        roles += _column_units(section_text, jurisdiction)
    labelled = labelled or any(r[1] in ("lead", "cooperating") for r in roles)
    doers = _doers(s, mentions, section_text, c, subjects=not roles)
    if not labelled:
        roles += [d for d in doers if d[2] not in {r[2] for r in roles}]   # 由国土资源部会同农业部负责: in text order
    else:                                   # named after the labelled lead and cooperating units (guide §3)
        roles += [(len(s) + pos, role, name) for pos, role, name in doers]
    generic = {name for _, _, name in roles if lower_level_government(name, jurisdiction)}   # 由区人民政府批准
    collectives += [(pos, name) for pos, _, name in roles if name in generic]
    roles = sorted((r for r in roles if r[2] not in generic), key=lambda r: r[0])
    seen: set[str] = set()
    for role in ("lead", "cooperating"):
        for _, r, name in roles:
            if r == role and name not in getattr(out, role):
                getattr(out, role).append(name)
    for _, r, name in sorted(roles, key=lambda r: (r[1] != "lead", r[0])):
        if name not in seen:
            seen.add(name)
            out.responsible.append(name)
    for _, chunk in sorted(collectives):
        if chunk not in out.collectives:
            out.collectives.append(chunk)
    if lead_first and out.responsible and not out.lead:
        out.lead = out.responsible[:1]
    return out
