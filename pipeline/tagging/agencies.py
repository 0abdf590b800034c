"""AGENCY spans: every mention of a public body (annotation guide section 1) with its canonical name.

Works on characters, not jieba tokens: the text is simplified, de-noised (make_view) and compacted
(line breaks inside names removed), scanned for jurisdiction + function + suffix names, filtered for
generic collectives, and mapped back to the document's own characters and offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from ..clean.script import is_traditional, make_view, to_simplified
from ..types import Entity
from .agency_candidates import candidate_starts
from .agency_data import (agency_data, chrome_pattern, continues_word, ends_with_word, footer_words,
                          generic_words, is_place_stem, league_template, list_connectors, pattern, pattern_spec,
                          starts_with_word, stop_chars)
from .agency_names import (LEVEL_CHARS, Element, Parse, canonical_of_parse, canonicalize, is_cjk,
                           juris_places, parse_at, place_starts_at, short_place, to_script)
from ..rules import decide
from .jurisdiction import Jurisdiction
from .positions import SpanIndex, any_between

__all__ = ["tag_agencies", "find_mentions", "canonicalize", "compact_view", "site_chrome_spans"]

_BOUNDARY = set("、，,。；;：:（）()《》〈〉<>“”\"'！？!?|　 \n\t")
_LIST_SEPARATORS = "、,，"
_COLLECTIVE_ITEM_CHARS = 16          # a 各… item a bare core shares: 各县区商务主管部门、
_WHITE_RUN = re.compile(r"\s+")


@dataclass
class Compact:
    """Simplified text without noise or white space inside Chinese runs, with original offsets."""
    text: str
    orig: list[int]                    # orig[i]: offset in the original of compact character i
    breaks: frozenset[int] = frozenset()   # compact positions where a dropped line break stood before
    gaps: frozenset[int] = frozenset()     # compact positions where any dropped white space stood before
    readings: dict[int, int] | None = None  # original start -> end of each romanised reading the view dropped

    @property
    def marks(self) -> tuple[int, ...]:
        """`breaks` in ascending order, for range questions (positions.any_between)."""
        return tuple(sorted(self.breaks))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span; a reading injected after its last character stays with it (高新區(qū))."""
        stop = self.orig[end - 1] + 1
        return self.orig[start], (self.readings or {}).get(stop, stop)


def compact_view(text: str) -> Compact:
    """make_view, then drop white space (line breaks too) between two Chinese characters."""
    view = make_view(text)
    s = view.text
    parts, orig, breaks, gaps, size, last = [], [], set(), set(), 0, 0
    for run in _WHITE_RUN.finditer(s):
        i, j = run.span()
        if 0 < i and j < len(s) and is_cjk(s[i - 1]) and is_cjk(s[j]):
            parts.append(s[last:i])
            orig.extend(view.orig[last:i])
            size += i - last
            if "\n" in run.group():
                breaks.add(size)
            gaps.add(size)
            last = j
    parts.append(s[last:])
    orig.extend(view.orig[last:len(s)])
    gaps.update(i for i in range(1, len(orig)) if orig[i] - orig[i - 1] > 1
                and text[orig[i - 1] + 1:orig[i]].isspace())        # white space the view dropped
    return Compact("".join(parts), orig, frozenset(breaks), frozenset(gaps), view.readings)


SHORT_NAME_RULE = "agency.defined-short-name"


@dataclass
class Mention:
    """A body mention found in the compact text, before it becomes an Entity."""
    start: int
    end: int
    parse: Parse | None
    canonical: str | None = None
    kind: str = "body"                 # body | zone | division | league
    rule: str | None = None            # the agency_names rule that gave the canonical name


def _left_ok(s: str, i: int) -> bool:
    """True where a name may begin at s[i]: after a boundary, or after a word that introduces one (经合川区政府)."""
    return i == 0 or s[i - 1] in _BOUNDARY or not is_cjk(s[i - 1]) or ends_with_word(s[max(0, i - 2):i], "name_openers")


@cache
def _collective_cue() -> str | None:
    """The character both collective patterns begin with (各), which their window must hold; None where
    they begin otherwise."""
    first = {pattern(key).pattern[:1] for key in ("list_collective", "each_before")}
    cue = first.pop() if len(first) == 1 else None
    return cue if cue and is_cjk(cue) else None


def _is_collective(s: str, start: int, end: int, named: bool = False) -> bool:
    """True for a body that a 各 before it makes a collective (各市、县人民政府); a body with its own place's
    name listed after such an item (各行署、拉萨市人民政府) is one body, not a member (`named`)."""
    before = s[max(0, start - 6):start]
    if ends_with_word(before, "collective_before"):
        return True
    window = s[max(0, start - 24):start]
    cue = _collective_cue()
    listed = named and start > 0 and s[start - 1] in _LIST_SEPARATORS
    if (cue is None or cue in window) and not listed and (pattern("list_collective").search(window)
                                           or pattern("each_before").search(s[max(0, start - 10):start])):
        return True
    if ends_with_word(before, "non_agency_before"):
        return True
    return starts_with_word(s, end, "collective_after") and not starts_with_word(s, end, "collective_after_allowed")


def _in_collective_list(s: str, start: int) -> bool:
    """'各市县教育局、党委编办、发展改革委、公安局:': a bare body listed in a 主送 line after a 各 (or 有关) item
    shares the 各 (each place's bureau), as the line's first item does."""
    if start == 0 or s[start - 1] != "、":
        return False
    k = max(s.rfind(w, max(0, start - 60), start) for w in ("各", "有关"))    # 有关市(州)、扩权县财政局、…: as 各
    if k < 0 or not all(is_cjk(c) or c in "、（）()" for c in s[k:start]):
        return False
    end = re.search(r"[，,。；;：:]", s[start:])
    return bool(end) and end.group() in "：:"


def _after_level_list(s: str, start: int, j: Jurisdiction) -> bool:
    """市、区人民政府, 县(市)、区政府 in a city's letter: bare levels listed before one body, the last below
    the letter's own level, name the bodies of every such place at once (a level list, like 各); 省、市政府
    in a district's letter names the province's and the city's, one body each (patterns.json level_list)."""
    spec = pattern_spec("level_list")
    own = spec["letter_ranks"].get(j.level or "")
    rank = spec["ranks"].get(s[start]) if start > 0 else None
    return own is not None and rank is not None and rank > own \
        and bool(pattern("level_list").search(s, max(0, start - 6), start))


def _own_rank(j: Jurisdiction) -> int | None:
    """The rank of a government writing its own letter (patterns.json level_list letter_ranks), None for a
    department's letter (a bureau's reply: 县政府 answering for the county it names) or a guessed level."""
    spec = pattern_spec("level_list")
    own_letter = j.level_from_issuer and j.department in (None, *spec["government_offices"])
    return spec["letter_ranks"].get(j.level or "") if own_letter else None


def lower_level_government(name: str, j: Jurisdiction) -> bool:
    """区人民政府 in a city's or province's own rules (由区人民政府批准): a bare level below the government's names
    every such place's government, no one body (patterns.json level_list)."""
    own = _own_rank(j)
    return own is not None and _lower_level_name(name, own, j)


def _lower_level_name(name: str, own: int, j: Jurisdiction) -> bool:
    """True for a name written whole as a bare level's government ranking below `own` (区人民政府, not 区人民政府(fu))."""
    spec = pattern_spec("level_list")
    s = to_simplified("".join(name.split()))
    p = parse_at(s, 0, juris_places(j)) if s[:1] in spec["ranks"] else None
    if p is None or p.end != len(s) or len(p.elements) != 1:
        return False
    el = p.elements[0]
    return len(el.prefixes) == 1 and el.prefixes[0][1] == "level" \
        and spec["ranks"].get(el.prefixes[0][0], -1) > own and el.core in spec["bare_government_cores"]


@cache
def _non_agency_inside() -> tuple[tuple[int, re.Pattern], ...]:
    """(length, pattern of the non_agency_inside words of that length): a word of length n lies in a
    mention's span or overlaps its start where it occurs in s[start - n + 1:end]."""
    by_length: dict[int, list[str]] = {}
    for w in generic_words("non_agency_inside"):
        by_length.setdefault(len(w), []).append(w)
    return tuple((n, re.compile("|".join(map(re.escape, ws)))) for n, ws in sorted(by_length.items()))


def _not_a_body(s: str, m: Parse, start: int) -> bool:
    """人大代表, 政协委员, 海关AEO, 财政部门, a cut 县检察 inside a word."""
    end = m.end
    last = m.elements[-1]
    sub = last.kind == "sub"            # 经济建设处, 军民融合办, 政务公开办: its own name (公开办 is not 开办)
    for n, words in _non_agency_inside():
        if words.search(s, max(0, start - n + 1), end - len(last.core) if sub else end):
            return True
    if starts_with_word(s, end, "non_agency_after") and not starts_with_word(s, end, "non_agency_after_allowed"):
        return True
    head = m.elements[-1].core
    if continues_word(head, s[end:end + 1]):
        return True
    body = agency_data().local_bodies.get(head, {})
    if body.get("at_end_only") and end < len(s) and is_cjk(s[end]):
        return True
    first = m.elements[0]
    if s.startswith(tuple(body.get("not_followed_by", ())), end) \
            and not s.startswith(tuple(body.get("followed_by_allowed", ())), end) \
            and not (body.get("bare_only_not_followed_by") and (first.prefixes or len(m.elements) > 1)):
        return True                     # 政协提案: a CPPCC proposal, not the committee acting
    if body.get("not_followed_by_pattern") and re.match(body["not_followed_by_pattern"], s[end:end + 12]):
        return True                     # 政协绿春县委员: a member's designation
    if first.kind == "dept" and not first.prefixes and len(first.core) <= 2 and not _listed_after_body(s, start):
        return True
    if first.kind == "national" and first.core == "中央" and len(m.elements) == 1:
        return not (end < len(s) and s[end] in "、和及与") and not _central_acts(s, end)
    return _joint_levels(s, start)


def _listed_after_body(s: str, start: int) -> bool:
    """True where a name follows a list separator right after a body's last character (省发改委、农委)."""
    spec = agency_data().generic["listed_short_departments"]
    return start >= 2 and s[start - 1] in spec["separators"] and s[start - 2] in spec["after_chars"]


def _central_acts(s: str, end: int) -> bool:
    """True where the words after a bare 中央 make it act (中央关于…; 中央、省投入…), not a budget word."""
    return starts_with_word(s, end, "central_acting_after") \
        or bool(re.match(agency_data().generic["central_acting_list"]["pattern"], s[end:end + 6]))


def _joint_levels(s: str, start: int) -> bool:
    """川渝两省市政府, 省市县委: two levels written before one body name several bodies at once (not tagged)."""
    k = start
    while k < len(s) and s[k] in LEVEL_CHARS and s[k] not in s[start:k]:
        k += 1
    if k - start < 2:
        return False
    core = parse_at(s, k - 1)                  # 省市场监管局: 市 begins the core 市场监督管理局
    return not (core and not core.elements[0].prefixes)


def _break_between_prefixes(i: int, p: Parse, marks: tuple[int, ...]) -> bool:
    """True where a line break parts the prefixes of a name: a line ending in 区 before a line that
    opens with a place of its own (…区|嵊州市人民政府), not a name wrapped after its level (市|商务局)."""
    prefixes = p.elements[0].prefixes
    if len(prefixes) < 2:
        return False
    last_prefix_start = i + sum(len(w) for w, _ in prefixes[:-1])
    return any_between(marks, i + 1, last_prefix_start + 1)


def _member_of_collective(s: str, start: int, m: Parse, dropped_end: int) -> bool:
    """A bare core listed right after a collective shares it: 各地级以上市科技局、财政局 (also after a note in
    brackets: 各…卫生健康局(老龄办)、发展改革局); so does a bare level's government (各盟行政公署、市人民政府)."""
    if 0 <= dropped_end < len(s) and s[dropped_end] in "(（":
        close = next((k for k in range(dropped_end + 1, min(len(s), dropped_end + 12)) if s[k] in ")）"), None)
        dropped_end = close + 1 if close is not None else dropped_end
    if start < 1 or s[start - 1] not in "、":
        return False
    if m.elements[0].prefixes:          # 各盟行政公署、市人民政府: a bare level's government shares the 各
        el = m.elements[0]
        return start == dropped_end + 1 and len(el.prefixes) == 1 and el.prefixes[0][1] == "level" \
            and el.core in generic_words("collective_level_members") and len(m.elements) == 1
    if start == dropped_end + 1:
        return True
    item = start - 1                    # 各县区商务主管部门、财政局: the item before opens with 各
    while item > 0 and s[item - 1] not in _LIST_SEPARATORS + "；;。：:\n（）()":
        item -= 1
    return s.startswith("各", item) and start - item <= _COLLECTIVE_ITEM_CHARS


def _newplace_end(i: int, p: Parse) -> int:
    """The end of an unseen place name the parse at i opens with (甘泉县), else i: nothing to check."""
    end = i
    for text, kind in p.elements[0].prefixes:
        end += len(text)
        if kind == "newplace":
            return end
    return i


def _doc_number_mask(s: str) -> bytearray:
    mask = bytearray(len(s))
    for m in pattern("doc_number").finditer(s):
        mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def _closes_level_word(s: str, i: int) -> bool:
    """True where s[i] is the level character closing a word for a kind of place (直管市, 省辖市)."""
    return any(s.endswith(w, 0, i + 1) for w in agency_data().generic["level_word_ends"]["words"])


def _scan_bodies(s: str, j: Jurisdiction, marks: tuple[int, ...] = (),
                 gaps: frozenset[int] = frozenset()) -> list[Mention]:
    extra = juris_places(j)
    mask = _doc_number_mask(s)
    spaces = tuple(sorted(gaps))
    starts = candidate_starts(s, extra, lambda text, i: _left_ok(text, i) or i in gaps)
    candidates = [i for i in starts if is_cjk(s[i]) and not mask[i]]
    out, pos, dropped_end = [], 0, -2
    for i in candidates:
        if i < pos:
            continue
        p = parse_at(s, i, extra, _left_ok(s, i) or i in gaps)     # white space before a name bounds it
        if p is not None and _closes_level_word(s, i) and len(p.elements[0].prefixes) > 1 \
                and p.elements[0].prefixes[1][1] in ("place", "newplace"):
            i += 1                      # 直管市神农架林区农业农村局: the place after the kind of place begins the name
            p = parse_at(s, i, extra, True)
        if p is None or (any_between(marks, i + 1, p.end)
                         and any(k == "newplace" for _, k in p.elements[0].prefixes)) \
                or _break_between_prefixes(i, p, marks) or any_between(spaces, i + 1, _newplace_end(i, p)):
            continue                    # a place does not run across lines (政务服务|区教育局, …区|嵊州市人民政府)
                                        # nor across a space (何勇兵 市水利局: a name, then the body)
        named = p.elements[0].prefixes[:1] and p.elements[0].prefixes[0][1] == "place"
        if _is_collective(s, i, p.end, bool(named)) or _member_of_collective(s, i, p, dropped_end) \
                or _after_level_list(s, i, j) \
                or (not p.elements[0].prefixes and _in_collective_list(s, i)):
            dropped_end = p.end
        elif not _not_a_body(s, p, i):
            out.append(Mention(i, p.end, p))
        pos = p.end
    # bare 中央 only in a list of party bodies (中央、省委、市委): the next mention must follow at once
    kept = []
    for k, m in enumerate(out):
        el = m.parse.elements[0]
        if el.kind == "national" and el.core == "中央" and len(m.parse.elements) == 1 \
                and not _central_acts(s, m.end):
            nxt = out[k + 1] if k + 1 < len(out) else None
            if nxt is None or nxt.start != m.end + 1:
                continue
        kept.append(m)
    return kept


def _zone_start(s: str, k: int) -> int | None:
    """Where the zone name before a 管委会 at k starts (after a boundary or at a place / level prefix)."""
    stops = stop_chars()
    j = k
    while j > 0 and k - j < 20:
        if is_cjk(s[j - 1]) and s[j - 1] not in stops:
            j -= 1
        elif (inner := _bracketed_place_before(s, j)) is not None:
            j = inner                   # 中韩(长春)国际合作示范区: a place in brackets inside the name
        else:
            break
    region = s[j:k]
    stop = max((region.rfind(w) + len(w) for w in agency_data().zone_name_stops if w in region), default=0)
    j, region = j + stop, region[stop:]           # 已经高新区管委会, 省人民政府设立洋浦经济开发区管理委员会
    joined = max(region.rfind(c) for c in list_connectors())
    if joined > 0 and region[:joined].endswith(_joint_heads()):
        j, region = j + joined + 1, region[joined + 1:]     # 衡水高新区和滨湖新区管委会: the second zone's board
    if not region.endswith(agency_data().zones):
        return None
    bounded = stop > 0 or _left_ok(s, j)
    if region.endswith(agency_data().named_zones) and not region.startswith(_place_heads()):
        return j if bounded else None           # 长白山管委会: the mountain's name whole
    if bounded and any(len(z) >= 3 and region.startswith(z) and len(region) > len(z) for z in agency_data().zones):
        return j                                # 自贸区福州片区管委会: a zone's part named after the zone
    bracket = next((p for p in range(j, k) if s[p] in "(（"), k)
    for p in range(j, bracket - 1):
        if s[p] in LEVEL_CHARS or place_starts_at(s, p):
            return p
    return j if bounded else None


def _bracketed_place_before(s: str, j: int) -> int | None:
    """Start of a bracketed place name (（长春）) ending at j and written after a name's first part, else None."""
    if j < 4 or s[j - 1] not in ")）":
        return None
    o = max(s.rfind("(", max(0, j - 8), j - 1), s.rfind("（", max(0, j - 8), j - 1))
    inner = s[o + 1:j - 1]
    if o < 1 or not inner or not all(is_cjk(c) for c in inner) or not is_cjk(s[o - 1]) \
            or not inner.startswith(_place_heads()):
        return None
    return o


def _zone_canonical(name: str, board: str, j: Jurisdiction) -> str | None:
    d = agency_data()
    for short, template in d.province_zones.items():   # 自贸区福州片区 -> 中国(福建)自由贸易试验区福州片区
        if name.startswith(short) and j.province:
            suffix = "管理委员会" if board in ("管委会", "管理委员会") else board
            return template.format(p=short_place(j.province)) + name[len(short):] + suffix
    for short, whole in d.zone_full_forms.items():     # 咸宁高新区 -> 咸宁高新技术产业开发区; 高新区 -> 襄阳高新…
        if name.endswith(short):
            name = name[:-len(short)] + whole
            break
    full = name + ("管理委员会" if board in ("管委会", "管理委员会") else board)
    own = tuple(n[:-1] for n in (j.city, j.county) if n and len(n) >= 3)
    if name.startswith(_place_heads()) or name.startswith(tuple(n for n in own if len(n) >= 2)) \
            or any(_bracketed_place_before(name, i + 1) is not None for i, c in enumerate(name) if c in ")）"):
        return full                     # named after its place, or with its place in brackets (中韩(长春)…)
    county = j.county if j.level == "county" and j.county and j.county.endswith("县") \
        and not j.county.endswith("自治县") else None
    if county:                          # 县经济开发区管委会, 经济开发区管委会 in a 灵璧县 document: 灵璧经济开发区管理委员会
        stem = county[:-1] if len(county) >= 3 else county           # 冠县经济开发区: a two-character county whole
        return stem + (full[1:] if name.startswith("县") else full)
    if name.startswith("县"):
        return None                     # a county's zone, in no county's document
    if j.city:                          # 两江新区管委会 in a 重庆市 document: 重庆两江新区管理委员会
        short = j.city[:-1] if j.city.endswith("市") and len(j.city) >= 3 else j.city
        return short + full
    return None


@cache
def _joint_heads() -> tuple[str, ...]:
    """What a name before a joint (和, 、) ends with where a zone's board name starts after it: a zone (衡水高新区和…)
    or a body (区政府和灞河新区管委会)."""
    return (*agency_data().zones, *agency_data().generic["bodies_before_zone"]["words"])


@cache
def _place_heads() -> tuple[str, ...]:
    """City and province names (short forms too) a zone's name may start with."""
    d = agency_data()
    return tuple(n for n in (*d.city_by_name, *d.province_by_name) if len(n) >= 2)


def _after_collective_item(s: str, start: int) -> bool:
    """'各区人民政府、开发区管委会': a zone board listed right after a 各 item shares its 各."""
    if start == 0 or s[start - 1] != "、":
        return False
    k = start - 1
    while k > 0 and s[k - 1] not in "、，。；：:\n（(":
        k -= 1
    return s.startswith("各", k)


def _scan_zones(s: str, j: Jurisdiction, marks: tuple[int, ...] = ()) -> list[Mention]:
    out = []
    boards = "|".join(sorted(agency_data().boards, key=len, reverse=True))
    for m in re.finditer(boards, s):
        start = _zone_start(s, m.start())
        if start is None or s[max(0, start - 1):start] == "各" or _is_collective(s, start, m.end()) \
                or any_between(marks, start + 1, m.start() + 1):      # a zone name does not run across lines
            continue
        if s[start:m.start()] in agency_data().zones and _after_collective_item(s, start):
            continue                    # 各区人民政府、开发区管委会: a bare zone word, not a named zone
        board = _zone_canonical(s[start:m.start()], m.group(), j)
        dept = _board_department_end(s, m.end(), marks)
        if dept is not None:            # 长白山管委会财政局, 雄安新区管委会规划建设局: the board's department
            out.append(Mention(start, dept, None, board + s[m.end():dept] if board else None, "zone",
                               "agency.zone-board"))
            continue
        out.append(Mention(start, m.end(), None, board, "zone", "agency.zone-board"))
        # '济源示范区、航空港区管委会', '衡水高新区和滨湖新区管委会': the zone before the joint stands for its own board
        if start > 0 and s[start - 1] in list_connectors():
            k = start - 1
            first = _zone_start(s, k)
            if first is not None and s[max(0, first - 1):first] != "各":
                out.append(Mention(first, k, None, _zone_canonical(s[first:k], m.group(), j), "zone",
                                   "agency.zone-in-list"))
    return out


@cache
def _board_department() -> re.Pattern:
    return re.compile(agency_data().board_department)


def _board_department_end(s: str, k: int, marks: tuple[int, ...]) -> int | None:
    """End of a bureau written right after a zone's board (长白山管委会经发局、…, 雄安新区管委会规划建设局),
    on the same line, where it ends at a list separator, a clause mark or the text's end; else None
    (bodies.json zone_suffixes.board_department)."""
    m = _board_department().match(s, k)
    return m.end() if m and not any_between(marks, k, m.end()) else None


def _scan_listed_zones(s: str, breaks: frozenset[int]) -> list[Mention]:
    """A zone named alone in a 主送 line or a unit list (责任单位：立山经济开发区，各街道) stands for its
    board (annotation guide: places and zones acting as bodies; canonical null)."""
    d = agency_data()
    suffixes = tuple(sorted((z for z in (*d.zones, *d.generic["listed_zones"]["extra_suffixes"]) if len(z) >= 2),
                            key=len, reverse=True))
    labels = tuple(d.generic["listed_zones"]["list_labels"])
    cuts = sorted({0, len(s), *breaks, *(i + 1 for i, ch in enumerate(s) if ch == "\n")})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        line = s[a:b].strip()
        if not (line.endswith(("：", ":")) or any(w in line for w in labels)):
            continue
        if not line.endswith(("：", ":")):           # a unit list: from its label on, not the item's text before
            a = min(s.find(w, a, b) for w in labels if w in line)
        else:                                       # …六个产业园区入围。通知如下: a sentence's names are no 主送
            a = max(a, s.rfind("。", a, b) + 1)
        for m in re.finditer(r"[^，,、；;：:（）()。\s]+", s[a:b]):
            name = m.group()
            if not name.endswith(suffixes) or name.startswith(("各", "全", *d.generic["listed_zones"]["verbs"])) \
                    or any(w in name for w in labels):
                continue                   # 激发园区(开发区)活力: a verb's object, no zone
            suffix = next(z for z in suffixes if name.endswith(z))
            if not 2 <= len(name) - len(suffix) <= 10 or not all(is_cjk(ch) for ch in name) \
                    or any(ch in stop_chars() for ch in name[:-len(suffix)]):
                continue                   # 同时是延安市重点规划建设的…园区: a sentence, not a name
            out.append(Mention(a + m.start(), a + m.end(), None, None, "zone", "agency.zone-listed"))
    return out


def _scan_divisions(s: str) -> list[Mention]:
    """Divisions of a body named after it: 我委县域处和经服处 (canonical null)."""
    out = []
    stops = stop_chars()
    pos = 0
    for m in pattern("division").finditer(s):
        if m.start() < pos:
            continue
        name = m.group()
        if any(c in stops for c in name) or continues_word(name, s[m.end():m.end() + 1]):
            continue
        out.append(Mention(m.start(), m.end(), None, None, "division", "agency.division"))
        pos = m.end()
        while pos < len(s) and s[pos] in list_connectors():
            nxt = pattern("division_next").match(s, pos + 1)
            if not nxt or any(c in stops for c in nxt.group()):
                break
            out.append(Mention(nxt.start(), nxt.end(), None, None, "division", "agency.division"))
            pos = nxt.end()
    return out


def _scan_league(s: str, j: Jurisdiction) -> list[Mention]:
    """Youth League committees written with the level inside: 团市委 -> 共青团昆明市委员会."""
    out = []
    for m in pattern("youth_league").finditer(s):
        place = j.name_at(m.group(1))
        canonical = league_template().format(j=place) if place else None
        out.append(Mention(m.start(), m.end(), None, canonical, "league", "agency.youth-league"))
    return out


def _scan_short_forms(s: str, j: Jurisdiction) -> list[Mention]:
    """Bodies named by a short form the jurisdiction cannot complete: the issuer's own party group
    (局党组) and a board written X管委 (canonical unknown); the issuer's counterpart at another level
    (省厅 in a city bureau's letter -> the province's department of the same function)."""
    out = [Mention(m.start("v"), m.end("v"), None, None, "body", f"agency.{key.replace('_', '-')}")
           for key in ("own_party_group", "board_abbreviation") for m in pattern(key).finditer(s)]
    for key, body in (("session_body", "人民代表大会"), ("session_government", "人民政府")):
        for m in pattern(key).finditer(s):
            place = _place_name(m.group("place"), j)
            out.append(Mention(m.start("v"), m.end("v"), None, place + body if place else None, "body",
                               "agency.session-body"))
    for key, rule in (("cppcc_session", "agency.session-body"), ("cppcc_committee", "agency.cppcc-committee")):
        for m in pattern(key).finditer(s):
            place = _place_name(m.group("place"), j)
            out.append(Mention(m.start("v"), m.end("v"), None, f"中国人民政治协商会议{place}委员会" if place else None,
                               "body", rule))
    own = j.name_at(None) if j.level != "province" else None      # a province's bare 政府 may be any level's
    out += [Mention(m.start("v"), m.end("v"), None, own + "人民政府" if own and m.group("v") == "政府" else None,
                    "body", "agency.bare-government") for m in pattern("bare_government").finditer(s)]
    for m in (*pattern("acting_place").finditer(s), *pattern("supported_town").finditer(s)):
        place = _own_town(m.group("v"), j) or _place_name(m.group("v"), j)
        out.append(Mention(m.start("v"), m.end("v"), None, place + "人民政府" if place else None, "body",
                           "agency.acting-place"))
    for m in pattern("listed_town").finditer(s):              # 区城管局、解放街道等部门单位: the town's government
        town, own = m.group("v"), j.name_at(None)
        if town.endswith("街道"):                                # a sub-district's name is any word (解放, 人民)
            canonical = ((town if town.startswith(own) else own + town) + "办事处") if own else None
        else:
            place = _place_name(town, j)
            canonical = place + "人民政府" if place else None
        out.append(Mention(m.start("v"), m.end("v"), None, canonical, "body", "agency.acting-place"))
    for m in pattern("counterpart").finditer(s):
        place = j.name_at(m.group("level"))
        core = _counterpart_core(j.department, m.group("kind"))
        out.append(Mention(m.start("v"), m.end("v"), None, place + core if place and core else None, "body",
                           "agency.counterpart"))
    return out


_BEFORE_PLACE = ("关于", "对于", "对", "在", "于")


def _own_town(written: str, j: Jurisdiction) -> str | None:
    """A town or township of the document's own county named whole after the word that makes it act
    (支持高观镇开展…: 高观 may read as a word), with its county; None for other places."""
    if not written.endswith(("镇", "乡")) or written in agency_data().county_city \
            or written.startswith(tuple(agency_data().generic["collective_before"]["words"])):
        return None                             # 各乡镇: every town, no one town's name
    own = j.county_name() if j.county else None
    return (written if written.startswith(own) else own + written) if own else None


def _place_name(written: str, j: Jurisdiction) -> str | None:
    """The full name of a place written before a session (兰亭镇 -> 绍兴县兰亭镇, 市 -> the document's
    city), else the document's own; words before the place (已经洋县, 认真落实市) are not part of it."""
    for w in _BEFORE_PLACE:
        if written.startswith(w):
            written = written[len(w):]
    if not written:
        return j.name_at(None)
    from .jurisdiction import parse_place_chain
    for k in range(len(written) - 1):       # a known place first: …1月17日儋州市第十五届 is 儋州市's
        rest = written[k:]
        province, city, county, used = parse_place_chain(rest, loose=True)
        if used == len(rest) and (county or city or province):
            return county and (j.county_name() if j.county and county in j.county else None) \
                or county or city or province
        if rest in agency_data().county_city:                       # 石泉县 (a neighbouring county)
            return rest
    for k in range(len(written)):
        rest = written[k:]
        if len(rest) == 1:
            return j.name_at(rest)
        if is_place_stem(rest[:-1]) and not rest.startswith(_BEFORE_PLACE):
            own = j.name_at(None)
            if rest.endswith(("镇", "乡")):
                return own + rest if own and not rest.startswith(own) else rest
            if k == 0:
                return rest                                          # a place the gazetteer lacks
    return None


def _counterpart_core(department: str | None, kind: str) -> str | None:
    """The department core of the same function ending in `kind` (农业农村局, 厅 -> 农业农村厅)."""
    if not department:
        return None
    cores = set(agency_data().dept_canonical.values())
    for candidate in (department, department[:-1] + kind):
        if candidate.endswith(kind) and candidate in cores:
            return candidate
    return None


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if m.end - m.start > out[-1].end - out[-1].start:
                out[-1] = m
            continue
        out.append(m)
    return out


def _level_hint(s: str, m: Mention) -> str | None:
    """省/市/区 of a bare 人大 or 政协 from its session wording: 区五届人大, 省十三届人大."""
    hit = pattern("session_level").search(s[max(0, m.start - 12):m.start])
    return hit.group(1) if hit else None


@dataclass
class NameContext:
    """A parsed mention, the mention before it and the document's jurisdiction."""
    s: str
    mention: Mention
    prev: Mention | None
    j: Jurisdiction
    traditional: bool

    def canonical(self, parse: Parse) -> str | None:
        return canonical_of_parse(parse, self.j, _level_hint(self.s, self.mention), self.traditional)


def _shared_prefix(c: NameContext) -> str | None:
    """'市商务局、工业和信息化局': a bare core right after a prefixed mention takes its prefix."""
    m, prev, head = c.mention, c.prev, c.mention.parse.elements[0]
    if head.prefixes or head.kind not in ("dept", "local", "generic") or prev is None or prev.parse is None \
            or c.s[prev.end:m.start] not in _LIST_SEPARATORS:
        return None
    prefs = [p for p in prev.parse.elements[0].prefixes if p[1] in ("level", "place", "newplace")]
    if not prefs:
        return None
    m.parse = Parse(m.parse.end, [Element(prefs, head.core, head.kind)] + m.parse.elements[1:], m.parse.joint)
    return c.canonical(m.parse)


NAME_TESTS = {
    "joint": lambda c: c.mention.parse.joint,
    "national": lambda c: c.mention.parse.elements[0].kind == "national" and c.canonical(c.mention.parse),
    "national_chain": lambda c: c.mention.parse.elements[0].kind in ("parent", "firm") and c.canonical(c.mention.parse),
    "shared_prefix": _shared_prefix,
    "jurisdiction": lambda c: c.canonical(c.mention.parse),
    "scanner": lambda c: False,                     # applied by the scanners of zones, leagues, short forms
    "default": lambda c: True,
}


def _canonicals(s: str, mentions: list[Mention], j: Jurisdiction, traditional: bool) -> None:
    """Fill in canonical names by models/rules/agency_names.json; each mention names the rule."""
    prev: Mention | None = None
    last: Mention | None = None
    for m in mentions:
        if m.parse is None:
            if m.kind == "division" and last is not None and last.canonical and _bracketed_after(s, last, m):
                m.canonical = last.canonical + s[m.start:m.end]     # 工业和信息化部(规划司): the ministry's 司
            prev = None if m.kind != "zone" else prev
            m.canonical = to_script(m.canonical, traditional)
            last = m
            continue
        name, m.rule = decide("agency_names", NAME_TESTS, NameContext(s, m, prev, j, traditional))
        m.canonical = name if isinstance(name, str) and name != "none" else None
        prev = last = m


def _bracketed_after(s: str, body: Mention, division: Mention) -> bool:
    """True where a ministry's department (司) is named in brackets right after it: 工业和信息化部(规划司); a
    处 or 科 keeps no canonical name (bodies.json divisions)."""
    return body.end == division.start - 1 and s[body.end] in "(（" and s[division.end:division.end + 1] in (")", "）") \
        and s[division.end - 1] == "司"


def find_mentions(text: str, jurisdiction: Jurisdiction, traditional: bool | None = None
                  ) -> tuple[Compact, list[Mention]]:
    """The compact view of `text` and the body mentions in it (compact offsets), canonical names filled."""
    c = compact_view(text)
    s = c.text
    marks = c.marks
    mentions = _resolve_overlaps(_scan_bodies(s, jurisdiction, marks, c.gaps) + _scan_zones(s, jurisdiction, marks)
                                 + _scan_divisions(s) + _scan_league(s, jurisdiction)
                                 + _scan_short_forms(s, jurisdiction) + _scan_listed_zones(s, c.breaks))
    if traditional is None:
        traditional = is_traditional(text)
    mentions = [m for m in mentions if not _other_town(m, s, jurisdiction)]
    _canonicals(s, mentions, jurisdiction, traditional)
    _extend_zone_departments(s, mentions, marks)
    _extend_sub_units(s, mentions, marks)
    _extend_branch_departments(s, mentions, jurisdiction)
    mentions = _resolve_overlaps(mentions + _shared_suffix_places(s, mentions, jurisdiction, traditional, c.breaks)
                                 + _listed_top_bodies(s, mentions, jurisdiction, traditional))
    return c, _resolve_overlaps(mentions + _defined_short_names(s, mentions, traditional)
                                + _known_short_names(s, jurisdiction))


def _known_short_names(s: str, j: Jurisdiction) -> list[Mention]:
    """Uses of the short names the whole document defined (j.short_names), in a part of it read alone."""
    names = dict(j.short_names)
    return [Mention(m.start(), m.end(), None, names[m.group()], "alias", SHORT_NAME_RULE)
            for m in _alias_pattern(tuple(names)).finditer(s)] if names else []


def short_names(entities: list[Entity]) -> tuple[tuple[str, str], ...]:
    """(short name, body) for each short name a document defines for a body, from its tagged agencies."""
    return tuple(dict.fromkeys(("".join(to_simplified(e.text).split()), e.attrs["canonical"]) for e in entities
                               if e.label == "AGENCY" and e.attrs.get("rule") == SHORT_NAME_RULE
                               and e.attrs.get("canonical")))


def _defined_short_names(s: str, mentions: list[Mention], traditional: bool) -> list[Mention]:
    """A body's short name defined in brackets right after it (…领导小组办公室(以下简称办公室)): the short
    name where defined and wherever it is used after, each naming the body last defined by it before (its
    canonical name, else its name in full as written; patterns.json defined_short_name)."""
    defined: dict[str, list[tuple[int, str]]] = {}
    for m in mentions:
        if d := pattern("defined_short_name").match(s, m.end):
            body = m.canonical or to_script(s[m.start:m.end], traditional)
            defined.setdefault(d.group("alias"), []).append((d.start("alias"), body))
    if not defined:
        return []
    first = min(at for uses in defined.values() for at, _ in uses)
    starts = {alias: [at for at, _ in uses] for alias, uses in defined.items()}
    out = []
    for use in _alias_pattern(tuple(defined)).finditer(s, first):
        k = bisect_right(starts[use.group()], use.start())
        if k:
            out.append(Mention(use.start(), use.end(), None, defined[use.group()][k - 1][1], "alias", SHORT_NAME_RULE))
    return out


@lru_cache(maxsize=64)
def _alias_pattern(aliases: tuple[str, ...]) -> re.Pattern:
    """One pattern for a document's short names, longest first (one pass over the text for all of them)."""
    return re.compile("|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)))


def _other_town(m: Mention, s: str, j: Jurisdiction) -> bool:
    """镇政府 / 乡党委 / 街道办事处 with no named town: any town's (not tagged) unless the letter is a
    town's own; and 乡镇政府 / 城镇 are words, not a town prefix."""
    if m.parse is None or not m.parse.elements[0].prefixes:
        return False
    word, kind = m.parse.elements[0].prefixes[0]
    if kind != "level" or word not in ("镇", "乡", "街道"):
        return False
    return j.town is None or not j.town.endswith(word) or (m.start > 0 and s[m.start - 1] in "乡城村集市镇")


def _extend_zone_departments(s: str, mentions: list[Mention], marks: tuple[int, ...] = ()) -> None:
    """'高新区科技局': a 区 department whose 区 ends a zone name is the zone's department (canonical unknown)."""
    for m in mentions:
        if m.parse is None or s[m.start] != "区":
            continue
        start = _zone_start(s, m.start + 1)
        zone = s[start:m.start + 1] if start is not None else ""
        if start is None or start == m.start or s[max(0, start - 1):start] == "各" \
                or not any(zone.endswith(z) and len(z) >= 3 for z in agency_data().zones) \
                or any_between(marks, start + 1, m.start + 1):      # a zone name does not run across lines
            continue
        m.start, m.canonical = start, None


def _extend_sub_units(s: str, mentions: list[Mention], marks: tuple[int, ...] = ()) -> None:
    """'市生态环境局咸安分局', '县公安局交通管理大队': a bureau's branch or field unit right after it is one
    mention with it; the canonical name goes on with the unit."""
    stops = stop_chars()
    for m in mentions:
        if m.parse is None or s[m.end - 1] != "局":
            continue
        u = pattern("sub_unit").match(s, m.end)
        if not u or any(c in stops for c in u.group("v")) or any_between(marks, m.end, u.end()):
            continue
        m.end = u.end()
        m.canonical = m.canonical + u.group("v") if m.canonical else None


def _extend_branch_departments(s: str, mentions: list[Mention], j: Jurisdiction) -> None:
    """'环保拱墅分局': a city bureau's short name before a place's bare 分局 is the bureau whose branch it is;
    the canonical name is the city's bureau, then the place as written (杭州市环境保护局拱墅分局). A bare
    分局 whose bureau is not written has no canonical name."""
    d = agency_data()
    for m in mentions:
        els = m.parse.elements if m.parse else []
        if len(els) != 1 or els[0].core != "分局" or [k for _, k in els[0].prefixes] != ["place"]:
            continue
        m.canonical = None
        for k in range(MAX_BRANCH_STEM, 1, -1):
            b = m.start - k
            dept = d.dept_canonical.get(s[b:m.start] + "局") if b >= 0 else None
            if dept and _left_ok(s, b) and j.city:
                m.start, m.canonical = b, j.city + dept + els[0].prefixes[0][0] + "分局"
                break


MAX_BRANCH_STEM = 4          # 环保, 市场监管: the bureau's short name before the place


_PLACE_ENDS = "市州县区盟旗"
_LIST_JOINS = "、和"


@cache
def _bare_top_cores() -> tuple[str, ...]:
    """The top bodies that need a prefix to be tagged (政府, 人民政府, 人大), longest first."""
    local = agency_data().local_bodies
    return tuple(sorted((k for k, v in local.items() if v.get("top") and v.get("needs_prefix")), key=len, reverse=True))


def _listed_top_bodies(s: str, mentions: list[Mention], j: Jurisdiction, traditional: bool) -> list[Mention]:
    """'自治区党委、政府', '乡党委、政府': a top body written bare right after a prefixed one takes its
    prefix (the annotation guide's shared-prefix lists; 政府 alone needs a prefix to be tagged)."""
    out = []
    tops = _bare_top_cores()
    for m in mentions:
        head = m.parse.elements[0] if m.parse else None
        if head is None or not head.prefixes or s[m.end:m.end + 1] != "、" or len(m.parse.elements) > 1 \
                or head.kind != "local" or not agency_data().local_bodies.get(head.core, {}).get("top"):
            continue                            # 县财政局、政府采购中心: only a top body's partner shares it
        core = next((t for t in tops if s.startswith(t, m.end + 1)), None)
        if core is None or continues_word(core, s[m.end + 1 + len(core):m.end + 2 + len(core)]):
            continue
        prefs = [p for p in m.parse.elements[0].prefixes if p[1] in ("level", "place", "newplace")]
        if not prefs:
            continue
        parse = Parse(m.end + 1 + len(core), [Element(prefs, core, "local")])
        out.append(Mention(m.end + 1, parse.end, parse, canonical_of_parse(parse, j, None, traditional), "body",
                           "agency.shared-prefix"))
    return out


def _shared_suffix_places(s: str, mentions: list[Mention], j: Jurisdiction, traditional: bool,
                          breaks: frozenset[int] = frozenset()) -> list[Mention]:
    """'海口市、三亚市人民政府': a bare place listed before a place + body shares the body (海口市人民政府);
    so does a place written without its level where it is a city or county of the division codes with the
    body's level (石家庄、保定、邯郸市和定州、辛集市人民政府: 保定市人民政府); a list starts at the start of its
    line at the latest."""
    out = []
    d = agency_data()
    for m in mentions:
        if m.parse is None or m.start < 2 or s[m.start - 1] not in _LIST_JOINS:
            continue
        prefs = m.parse.elements[0].prefixes
        if len(prefs) != 1 or prefs[0][1] not in ("place", "newplace"):
            continue
        place = prefs[0][0]
        body = s[m.start + len(place):m.end]
        k = m.start - 1
        while k > 0 and s[k] in _LIST_JOINS:   # 西宁市、海东市、黄南藏族自治州人民政府: each place shares the body
            first = k
            while first > 0 and k - first < 10 and is_cjk(s[first - 1]) and s[first - 1] not in _BOUNDARY \
                    and s[first - 1] not in _LIST_JOINS and first not in breaks:
                first -= 1
            before = s[first:k]
            if len(before) < 2:
                break
            if before[-1] in _PLACE_ENDS and place_starts_at(s, first):
                whole = before
            elif before + place[-1] in d.city_by_name or before + place[-1] in d.county_city:
                whole = before + place[-1]
            elif prefs[0][1] == "newplace" and before[-1] == place[-1] and _unseen_place(before + body):
                whole = before          # 荔湾区、黄埔区政府: a district of the same level, read as a place
            else:
                break
            canonical = canonicalize(whole + body, j, traditional=traditional)
            if not canonical:
                break
            out.append(Mention(first, k, None, canonical, "body", "agency.shared-suffix-place"))
            k = first - 1
    return out


def _unseen_place(name: str) -> bool:
    """True where `name` reads as one unseen place (荔湾区) followed by a body, nothing else before it."""
    parse = parse_at(name, 0)
    return parse is not None and parse.end == len(name) and len(parse.elements) == 1 \
        and [k for _, k in parse.elements[0].prefixes] == ["newplace"]


def site_chrome_spans(text: str) -> list[tuple[int, int]]:
    """Spans of site furniture (breadcrumbs, footers, site-name lines, keyword fields): names there do not act."""
    spans = [m.span() for m in re.finditer(pattern("breadcrumb").pattern, text, re.M)]
    for m in footer_words().finditer(text):
        spans.append((text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end())))
    for key in ("site_name_breadcrumb", "link_list_tail", "keyword_field", "portal_link_bar"):
        spans.extend(m.span() for m in chrome_pattern(key).finditer(text))
    return spans


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def tag_agencies(text: str, jurisdiction: Jurisdiction, traditional: bool | None = None) -> list[Entity]:
    """AGENCY entities (attrs: canonical) for every public-body mention, in text order; canonical names in
    traditional script where `traditional` (by default: where the text reads as traditional)."""
    if not text:
        return []
    c, mentions = find_mentions(text, jurisdiction, traditional)
    chrome = SpanIndex.of(site_chrome_spans(text))
    own = _own_rank(jurisdiction)
    out = []
    for m in mentions:
        start, end = c.span(m.start, m.end)
        if chrome.covers(start) or (own is not None and m.canonical is None
                                    and _lower_level_name(text[start:end], own, jurisdiction)):
            continue                    # 首页 > 政务公开 > 省政府办公厅文件, 版权所有：…: site furniture
        out.append(Entity("AGENCY", text[start:end], start, end, None,
                          {"canonical": m.canonical, "rule": m.rule or "agency.unresolved"}))
    return out
