"""How Chinese public-body names are built (jurisdiction + function + sub-units), and their canonical form.

A mention such as 市工信局 parses into a prefix (市), a core (工信局 -> 工业和信息化局) and no
sub-unit; its canonical name puts the document's jurisdiction in front: 中山市工业和信息化局.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..clean.script import to_simplified
from .agency_data import (agency_data, body_prefix, branch_only_parents, branch_subunits, continues_word,
                          core_lexicon, generic_suffixes, is_ethnic_autonomous, is_place_stem, level_prefixes,
                          list_connectors, named_organs, place_first_stops,
                          place_suffixes, stop_chars, subunit_requires, word_tags)
from .jurisdiction import Jurisdiction

LEVEL_CHARS = "省市县区州"
MAX_FUNCTION_CHARS = 6                 # 乡村振兴 in 市乡村振兴局; longer runs are sentences, not names


@dataclass
class Element:
    """One body in a mention: its prefixes as written (with their kind) and its core or sub-unit."""
    prefixes: list[tuple[str, str]]    # (text, kind): level | place (gazetteer) | newplace (unseen) | party
    core: str
    kind: str                          # dept | local | national | parent | firm | sub | generic


@dataclass
class Parse:
    """A mention read as a chain of elements ending at `end` in the string it came from."""
    end: int
    elements: list[Element] = field(default_factory=list)
    joint: bool = False                # two top bodies together (县委县政府督查室)


@cache
def _lexicon_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(k) for k in core_lexicon()}, reverse=True))


@cache
def _place_names() -> dict[str, str]:
    """Gazetteer names usable as a prefix -> 'province', 'city' or 'county' (only the ethnic autonomous
    counties and banners, 秀山土家族苗族自治县: too long for an unseen place stem, and unambiguous)."""
    d = agency_data()
    names = {n: "province" for n in d.province_by_name}
    for n in d.city_by_name:
        names.setdefault(n, "city")
    for n in d.county_city:
        if is_ethnic_autonomous(n):
            names.setdefault(n, "county")
    return names


@cache
def _longest_place() -> int:
    return max(map(len, _place_names()))


def is_cjk(ch: str) -> bool:
    """True for a character of the CJK Unified Ideographs block."""
    return "\u4e00" <= ch <= "\u9fff"


def _prefix_steps(s: str, p: int, extra_places: frozenset[str], left_ok: bool
                  ) -> list[tuple[int, tuple[str, str]]]:
    """Single prefixes at p: 中共/国家, a gazetteer or jurisdiction place, a level word, an unseen place."""
    out = []
    if p >= len(s):
        return out
    first = s[p]
    for word, kind in _fixed_by_first().get(first, ()):
        if s.startswith(word, p):
            out.append((p + len(word), (word, kind)))
    lengths = _place_lengths_at(first, extra_places) if first in _place_firsts(extra_places) else ()
    if lengths:
        names = _place_names()
        for n in lengths:
            w = s[p:p + n]
            if len(w) == n and (w in names or w in extra_places) and not _prefecture_seat(w, s, p + n):
                out.append((p + n, (w, "place")))
    for written in _level_by_first().get(first, ()):
        if s.startswith(written, p):
            out.append((p + len(written), (written, "level")))
            break
    for name in _stop_first_counties().get(first, ()) if left_ok else ():
        if s.startswith(name, p):                   # 和静县, 和布克赛尔县: a county whose first character joins lists
            out.append((p + len(name), (name, "newplace")))
    if left_ok and "\u4e00" <= first <= "\u9fff" and first not in LEVEL_CHARS \
            and first not in _newplace_first_stops():
        stops = stop_chars()
        by_first = _suffixes_by_first()
        for n in (2, 3, 4):
            if p + n > len(s):
                break
            added = s[p + n - 1]
            if not "\u4e00" <= added <= "\u9fff" or added in stops:
                break
            suffixes = by_first.get(s[p + n:p + n + 1])
            if not suffixes:
                continue
            stem = s[p:p + n]
            for suffix in suffixes:
                if s.startswith(suffix, p + n) and _place_ok(s, p + n, stem, suffix):
                    out.append((p + n + len(suffix), (stem + suffix, "newplace")))
                    break
    return out


def _prefecture_seat(place: str, s: str, end: int) -> bool:
    """True for a prefecture's short name written with 市 (喀什市, 阿克苏市 under 喀什地区, 阿克苏地区): the
    county-level city of that name, not the prefecture."""
    return s.startswith("市", end) and place in _prefecture_short_names()


@cache
def _prefecture_short_names() -> frozenset[str]:
    """The short names of prefectures and leagues (喀什 for 喀什地区, 兴安 for 兴安盟)."""
    return frozenset(short for short, full in agency_data().city_by_name.items()
                     if short != full and full.endswith(("地区", "盟")))


@cache
def _fixed_by_first() -> dict[str, tuple[tuple[str, str], ...]]:
    """First character -> the fixed prefixes (中共, 国家) beginning with it, in _fixed_words() order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for word, kind in _fixed_words():
        out.setdefault(word[:1], []).append((word, kind))
    return {c: tuple(v) for c, v in out.items()}


@cache
def _place_firsts(extra_places: frozenset[str]) -> frozenset[str]:
    """Characters a gazetteer or jurisdiction place (as _place_lengths_at reads them) begins with."""
    return frozenset(c for c in {*_place_lengths_by_first(), *(w[:1] for w in extra_places)}
                     if _place_lengths_at(c, extra_places))


@cache
def _stop_first_counties() -> dict[str, tuple[str, ...]]:
    """First character -> the county-level names (and autonomous counties' short forms: 和布克赛尔县) that
    begin with a character that joins lists (和, 与), or with another character an unseen place may not begin
    with where their first two characters make no word (将乐县, not 会同县): longest first."""
    joins = agency_data().generic["list_connectors"]["chars"]
    stops, tags = _newplace_first_stops(), word_tags()
    names: set[str] = set()
    for name in agency_data().county_city:
        if len(name) >= 3 and (name[:1] in joins or (name[:1] in stops and name[:2] not in tags)):
            names.add(name)
            groups = [g.removesuffix("族") for g in agency_data().generic["ethnic_groups"]["words"]]   # 蒙古自治县
            at = min((k for k in (name.find(g) for g in groups) if k >= 2), default=0)
            if at and name.endswith(("自治县", "自治旗")):
                names.add(name[:at] + name[-1])
    out: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        out.setdefault(name[0], []).append(name)
    return {c: tuple(v) for c, v in out.items()}


@cache
def _newplace_first_stops() -> frozenset[str]:
    """Characters an unseen place's stem does not begin with: place_first_stops, and the stop_chars
    (its first character is the first of the stem's two or more characters, none a stop)."""
    return place_first_stops() | stop_chars()


@cache
def _fixed_words() -> tuple[tuple[str, str], ...]:
    return tuple((body_prefix(kind), kind) for kind in ("party", "national")) + ((body_prefix("state"), "national"),)


@cache
def _place_lengths_at(first: str, extra_places: frozenset[str]) -> tuple[int, ...]:
    """Lengths of the gazetteer and jurisdiction places beginning with `first`, longest first."""
    lengths = set(_place_lengths_by_first().get(first, ()))
    lengths |= {len(w) for w in extra_places if w[:1] == first and 2 <= len(w) <= _longest_place()}
    return tuple(sorted(lengths, reverse=True))


@cache
def _place_lengths_by_first() -> dict[str, tuple[int, ...]]:
    """First character of a gazetteer place -> the lengths of the places it begins, longest first."""
    out: dict[str, set[int]] = {}
    for w in _place_names():
        if len(w) >= 2:
            out.setdefault(w[0], set()).add(len(w))
    return {c: tuple(sorted(n, reverse=True)) for c, n in out.items()}


@cache
def _level_by_first() -> dict[str, tuple[str, ...]]:
    """First character -> level prefixes beginning with it, in level_prefixes() order (longest first)."""
    out: dict[str, list[str]] = {}
    for w in level_prefixes():
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


@cache
def _suffixes_by_first() -> dict[str, tuple[str, ...]]:
    """First character -> place suffixes beginning with it, in _all_place_suffixes() order."""
    out: dict[str, list[str]] = {}
    for w in _all_place_suffixes():
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


@cache
def _town_suffixes() -> tuple[str, ...]:
    """Suffixes that only name a place before proof words: towns (镇, 乡)."""
    return tuple(k for k in agency_data().generic["place_suffix_confirmed"]["after"] if k not in place_suffixes())


@cache
def _all_place_suffixes() -> tuple[str, ...]:
    confirmed = agency_data().generic["place_suffix_confirmed"]["after"]
    return tuple(dict.fromkeys((*place_suffixes(), *confirmed)))


def _place_ok(s: str, p: int, stem: str, suffix: str) -> bool:
    """An unseen place stem + suffix: a plain suffix needs a likely stem or proof after it; a town
    suffix (镇/乡) always needs proof, and a stem jieba knows as another word the full 人民政府.
    A stem that ends in a known county (建议|陆丰市) or is a phrase (完善|街道, 依法规范|县) is none, unless
    the stem and suffix are themselves a county or city of the division codes (辛集市: jieba tags 辛集 a verb)."""
    begin = p - len(stem)
    if begin and s[begin - 1:begin + 1] in agency_data().generic["office_titles"]["words"]:
        return False                            # 市|长领导市政府: 市长 is a word
    if stem.startswith(tuple(agency_data().generic["collective_before"]["words"])):
        return False                            # 有关旗县|区人民政府: the governments concerned
    if stem in agency_data().generic["name_openers"]["words"]:
        return False                            # 目前建议|镇人民政府: a word that introduces a body is no stem
    if stem + suffix in agency_data().county_city:
        return True
    if _known_county_inside(stem, s[p:p + len(suffix)]) or _phrase_stem(stem):
        return False
    if suffix in place_suffixes():
        return is_place_stem(stem) or (_confirmed(s, p, suffix) and not _verb_first(stem))
    if not _confirmed(s, p, suffix) or len(stem) > 3:       # town names: 2-3 characters
        return False
    return is_place_stem(stem) or s.startswith("人民政府", p + len(suffix))


def _verb_first(stem: str) -> bool:
    """True for a stem that opens with a verb before the name (授予|和平区人民政府): the name starts after it."""
    return len(stem) > 2 and word_tags().get(stem[:2]) == "v"


def _known_county_inside(stem: str, suffix: str) -> bool:
    """True where the stem's tail and the suffix name a county or city of the division codes (建议|陆丰市,
    标题|福州市: a site label glued to the name)."""
    d = agency_data()
    return any(stem[i:] + suffix in d.county_city or stem[i:] + suffix in d.city_by_name
               for i in range(1, len(stem) - 1))


def _phrase_stem(stem: str) -> bool:
    """True for a stem jieba reads as a verb or adverb (完善), or as two common words (依法|规范)."""
    spec, tags = agency_data().generic["non_place_stem_word_tags"], word_tags()
    if tags.get(stem) in spec["tags"]:
        return True
    common = spec["two_word_tags"]
    return len(stem) == 4 and tags.get(stem[:2]) in common and tags.get(stem[2:]) in common


def _confirmed(s: str, p: int, suffix: str) -> bool:
    """True where the words after a place suffix prove a place (五常街道|办事处)."""
    after = agency_data().generic["place_suffix_confirmed"]["after"].get(suffix, ())
    return any(s.startswith(w, p + len(suffix)) for w in after)


class _PathMemo:
    """Prefix paths already read in the string being scanned (a scan asks for the same positions often)."""
    text: str | None = None
    extra: frozenset[str] | None = None
    paths: dict = {}


def _prefix_paths(s, p, extra_places, left_ok, depth=0):
    """All sequences of up to 3 prefixes from p: (end, prefixes). The lists are shared: do not mutate."""
    memo = _PathMemo
    if memo.text is not s or memo.extra is not extra_places:
        memo.text, memo.extra, memo.paths = s, extra_places, {}
    key = (p, left_ok, depth)
    hit = memo.paths.get(key)
    if hit is None:
        hit = memo.paths[key] = _read_prefix_paths(s, p, extra_places, left_ok, depth)
    return hit


def _read_prefix_paths(s, p, extra_places, left_ok, depth):
    paths = [(p, [])]
    if depth >= 3:
        return paths
    for end, pref in _prefix_steps(s, p, extra_places, left_ok):
        for e2, rest in _prefix_paths(s, end, extra_places, True, depth + 1):
            paths.append((e2, [pref] + rest))
    return paths


class _CoreMemo:
    """Cores already read in the string being scanned."""
    text: str | None = None
    cores: dict = {}


def _cores_at(s: str, q: int) -> list[tuple[int, str, str]]:
    """Lexicon cores starting at s[q], longest first: (end, kind, core). Do not mutate the list."""
    memo = _CoreMemo
    if memo.text is not s:
        memo.text, memo.cores = s, {}
    hit = memo.cores.get(q)
    if hit is None:
        hit = memo.cores[q] = _read_cores(s, q)
    return hit


def _read_cores(s: str, q: int) -> list[tuple[int, str, str]]:
    lex = core_lexicon()
    out = []
    for n in _core_lengths_by_head().get(s[q:q + 2], ()):
        w = s[q:q + n]
        if len(w) == n and w in lex:
            out.append((q + n, lex[w], w))
    w = s[q:q + 1]
    if w in _core_singles():
        out.append((q + 1, lex[w], w))
    return out


@cache
def _core_lengths_by_head() -> dict[str, tuple[int, ...]]:
    """First two characters of a body core of two or more -> the lengths of the cores they begin, longest first."""
    out: dict[str, set[int]] = {}
    for w in core_lexicon():
        if len(w) >= 2:
            out.setdefault(w[:2], set()).add(len(w))
    return {c: tuple(sorted(n, reverse=True)) for c, n in out.items()}


@cache
def _core_singles() -> frozenset[str]:
    """The one-character body cores."""
    return frozenset(w for w in core_lexicon() if len(w) == 1)


@cache
def _core_lengths_by_first() -> dict[str, tuple[int, ...]]:
    """First character of a body core -> the lengths of the cores it begins, longest first."""
    out: dict[str, set[int]] = {}
    for w in core_lexicon():
        out.setdefault(w[0], set()).add(len(w))
    return {c: tuple(sorted(n, reverse=True)) for c, n in out.items()}


@cache
def _generic_suffixes_by_first() -> dict[str, tuple[tuple[str, str], ...]]:
    """First character -> (suffix, not-after characters) beginning with it, in generic_suffixes() order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for suf, not_after in generic_suffixes():
        out.setdefault(suf[0], []).append((suf, not_after))
    return {c: tuple(v) for c, v in out.items()}


def place_starts_at(s: str, p: int) -> bool:
    """True where a gazetteer province or city name (two characters or more) begins at s[p]."""
    names = _place_names()
    return any(s[p:p + n] in names for n in _place_lengths_by_first().get(s[p:p + 1], ()))


def _generic_core(s: str, q: int, kinds: tuple[str, ...] = ()) -> tuple[int, str] | None:
    """An unseen function name + suffix after a prefix: 乡村振兴局, 港海关 (shortest closing suffix)."""
    stops = stop_chars()
    cores = _cores_at(s, q)
    if kinds == ("national",):              # 国家疾控局: a department core no national body has
        cores = [c for c in cores if c[1] == "national"]
    if cores or (q and s[q - 1:q + 1] in _level_words()) or _road_subdistrict().match(s, q):
        return None                         # 酒泉路街道办事处: a road's subdistrict, no function 路街道办事处
    longest = _longest_function()
    inside_ok = agency_data().generic["generic_suffixes"].get("level_inside_ok", ())
    level_inside = False
    by_first = _generic_suffixes_by_first()
    words_ok = agency_data().generic["stop_middle_chars"]["words_ok"]
    quoted = _quoted(s, q, q + longest)
    for k in range(q + 1, min(len(s), q + longest + 1)):
        if k - 1 in quoted:                 # 省“共享农庄”推进领导小组: a slogan in quotes inside the name
            if k in quoted:
                continue
        else:
            stopped = s[k - 1] in stops and not any(s.endswith(w, q, k) for w in words_ok)    # 高层次人才…领导小组
            if not is_cjk(s[k - 1]) or stopped or (s[k - 1] in LEVEL_CHARS and k - 1 == q):
                return None
            level_inside = level_inside or s[k - 1] in LEVEL_CHARS     # 工业强市…领导小组
        for suf, not_after in by_first.get(s[k], ()):
            e = k + len(suf)
            if s.startswith(suf, k) and not (e < len(s) and s[e] in not_after) \
                    and (not level_inside or suf in inside_ok) \
                    and k - q <= _long_suffixes().get(suf, MAX_FUNCTION_CHARS) and _allowed(suf, s[q:k], kinds) \
                    and not _listed_bodies_inside().search(s, q, k):          # 高新区和滨湖新区管委会: two zones
                if s[q:e] in agency_data().generic["generic_suffixes"]["collective_cores"]:
                    return None                 # 国家部委: the ministries as a group
                return e, s[q:e]
    return None


MAX_SLOGAN_CHARS = 10       # a slogan quoted inside a body's name: “绿色食品牌”, “共享农庄”


def _quoted(s: str, q: int, end: int) -> set[int]:
    """Positions from s[q] to `end` inside a quoted slogan of CJK characters, its quotes included."""
    out: set[int] = set()
    i = s.find("“", q, end)
    while i >= 0:
        j = s.find("”", i + 1, i + MAX_SLOGAN_CHARS + 2)
        if j < 0 or not all(is_cjk(c) for c in s[i + 1:j]):
            break
        out.update(range(i, j + 1))
        i = s.find("“", j + 1, end)
    return out


@cache
def _road_subdistrict() -> re.Pattern:
    """A road's name and its subdistrict after a place (酒泉|路街道): a new place, never a function."""
    return re.compile(agency_data().generic["road_subdistricts"]["pattern"])


@cache
def _listed_bodies_inside() -> re.Pattern:
    """A whole body before a list connector (政府和): two names listed, never one function part."""
    return re.compile(agency_data().generic["listed_bodies_inside"]["pattern"])


def _merged_core(s: str, q: int, kinds: tuple[str, ...]) -> tuple[int, str] | None:
    """Two functions joined by 和 under one suffix after a place (农业农村和科学技术局): (end, name)."""
    spec = agency_data().generic["merged_functions"]
    if q and s[q - 1:q + 1] in _level_words():
        return None                                 # 市|场监管和…: a level character inside a word
    j = s.find(spec["joiner"], q + spec["min_chars"], q + spec["max_chars"] + 1)
    first = s[q:j]
    if j < 0 or not all(is_cjk(c) and c not in stop_chars() and (c not in spec["not_in_first"] or k == 0)
                        for k, c in enumerate(first)) \
            or _listed_bodies_inside().search(s, q, j + 1):
        return None                                 # 自治区政府和南宁市委: two bodies listed
    second = next((end for end, kind, _ in _cores_at(s, j + 1) if kind in ("dept", "generic")), None)
    if second is None and (g := _generic_core(s, j + 1, kinds)):
        second = g[0]
    if second is None:
        second = _closing_suffix(s, j + 1)          # 市容管理局: a function that opens with a level character
    return (second, s[q:second]) if second else None


def _closing_suffix(s: str, q: int) -> int | None:
    """End of the first unit suffix closing a short function name at s[q] (no stop character before it)."""
    stops = stop_chars()
    by_first = _generic_suffixes_by_first()
    for k in range(q + 2, min(len(s), q + _longest_function() + 1)):
        if not is_cjk(s[k - 1]) or s[k - 1] in stops:
            return None
        for suf, not_after in by_first.get(s[k], ()):
            e = k + len(suf)
            if s.startswith(suf, k) and not (e < len(s) and s[e] in not_after) and _allowed(suf, s[q:k], ()):
                return e
    return None


def _allowed(suffix: str, stem: str, kinds: tuple[str, ...]) -> bool:
    """A restricted suffix (中心) closes a name only after a level prefix (县, 市) and with a stem of a
    public service (县农村公路事业发展中心), not a programme or a goal (国家技术创新中心, 国际金融中心)."""
    spec = agency_data().generic["generic_suffixes"].get("restricted", {}).get(suffix)
    if not spec:
        return True
    if set(kinds) <= set(spec["prefix_kinds"]) and any(w in stem for w in spec["stem_words"]):
        return True
    return "place" in kinds and any(w in stem for w in spec.get("place_stem_words", ()))   # 大田县殡葬服务中心


@cache
def _level_words() -> frozenset[str]:
    """Words a level character forms with the one before it (城市, 省市): no generic core begins there."""
    return frozenset(agency_data().generic["level_words"]["words"])


@cache
def _longest_function() -> int:
    """The most characters of function a generic core may have before its suffix."""
    return max(_long_suffixes().values(), default=MAX_FUNCTION_CHARS)


@cache
def _long_suffixes() -> dict[str, int]:
    """Suffixes whose function part may run longer than MAX_FUNCTION_CHARS (疫情防控指挥部)."""
    return agency_data().generic["generic_suffixes"].get("long_stems", {})


def _local(key: str) -> dict:
    return agency_data().local_bodies.get(key, {})


@cache
def _subunit_lengths_by_first() -> dict[str, tuple[int, ...]]:
    """First character of a sub-unit -> the lengths of the sub-units it begins, longest first."""
    out: dict[str, set[int]] = {}
    for w in agency_data().subunits:
        out.setdefault(w[:1], set()).add(len(w))
    return {c: tuple(sorted(n, reverse=True)) for c, n in out.items()}


def _subunit_at(s: str, e: int, last: Element) -> tuple[int, str] | None:
    subs = agency_data().subunits
    for n in _subunit_lengths_by_first().get(s[e:e + 1], ()):
        w = s[e:e + n]
        if len(w) != n or w not in subs:
            continue
        if w in branch_subunits() and last.kind not in ("parent", "firm", "sub"):
            continue
        need = subunit_requires().get(w)
        if need == "top" and not _local(last.core).get("top"):
            continue
        if isinstance(need, list) and last.core not in need:
            continue
        if continues_word(w, s[e + n:e + n + 1]):
            continue
        return e + n, w
    return _division_at(s, e, last) or _named_organ_at(s, e, last)


def _named_organ_at(s: str, e: int, last: Element) -> tuple[int, str] | None:
    """An organ named by its work after its body (省委|军民融合办, 区委|实施乡村振兴战略领导小组, 市人大常委会|人事工委,
    县公安局|刑侦大队), kept as written; never a place, a list or a verb of issuing (区委关于成立…领导小组)."""
    if e >= len(s) or s[e] in LEVEL_CHARS or place_starts_at(s, e):
        return None
    stops = stop_chars()
    for spec in named_organs():
        if last.core not in spec["committee_cores"]:
            continue
        for n in range(spec["min_stem"], spec["max_stem"] + 1):
            stem = s[e:e + n]
            if len(stem) < n or not all(is_cjk(c) and c not in stops for c in stem) \
                    or any(w in stem for w in spec["not_inside"]):
                break
            for suf in spec["suffixes"]:
                end = e + n + len(suf)
                if s.startswith(suf, e + n) and not (s[end:end + 1] and s[end] in spec["not_after"]):
                    return end, stem + suf
    return None


def _division_at(s: str, e: int, last: Element) -> tuple[int, str] | None:
    """A division named by its function after a department (省财政厅|经济建设处) or a national body's department
    (农业部|发展计划司), kept as written."""
    spec = agency_data().divisions
    national = last.kind == "national"          # 农业部|发展计划司: a ministry's department
    if last.kind not in ("local", "dept", "generic") and not national:
        return None
    suffixes = spec["national_suffixes"] if national else spec["suffixes"]
    stops = stop_chars()
    if e >= len(s) or not is_cjk(s[e]) or s[e] in stops or s[e] in list_connectors():
        return None                             # no stem begins here (the loop below would say so), nor
                                                # after a connector (市文化旅游局|和市农科院: the next body)
    if place_starts_at(s, e):
        return None                             # 中共华舍街道工作委员会|华舍街道办事处: another body
    for n in range(spec["min_stem"], spec["max_stem"] + 1):
        stem = s[e:e + n]
        if len(stem) < n or not all(is_cjk(c) and c not in stops for c in stem) \
                or any(w in stem for w in spec["not_inside"]):
            return None
        nxt = s[e + n:e + n + 1]
        after = s[e + n + 1:e + n + 2]
        if nxt in suffixes and not (after and after in spec["not_after"]) \
                and not (national and stem[-1] in spec["national_not_before"]):
            return e + n + 1, stem + nxt
    return None


def _extend(s: str, parse: Parse, extra_places: frozenset[str]) -> Parse:
    """Follow a body with its sub-units, branches (…市分行) or a joint top body (县委县政府…)."""
    first = parse.elements[0]
    while True:
        last = parse.elements[-1]
        sub = _subunit_at(s, parse.end, last)
        if sub:
            parse.elements.append(Element([], sub[1], "sub"))
            parse.end = sub[0]
            continue
        if last.kind in ("dept", "local") and last.core.endswith("局") and len(parse.elements) == 1 \
                and (branch := _own_place_branch(s, parse.end, extra_places)):
            parse.elements.append(Element([], branch, "sub"))       # 市生态环境局双牌分局: its county branch
            parse.end += len(branch)
            return parse
        found = None
        spec = _local(last.core)
        if not (first.kind in ("parent", "firm") or (last.kind == "local" and spec.get("place_branches"))
                or (spec.get("top") and not parse.joint)):
            return parse                # nothing below can follow this body (the loop would find none)
        for end, prefs in _prefix_paths(s, parse.end, extra_places, True):
            if not prefs:
                continue
            if first.kind in ("parent", "firm"):
                sub = _subunit_at(s, end, Element([], "", "sub"))
                if sub and sub[1] in branch_subunits():
                    found = (sub[0], Element(prefs, sub[1], "sub"), False)
                    break
            branches = _local(last.core).get("place_branches") if last.kind == "local" else None
            if branches:
                # 宁夏银保监局 + 银川 + 监管分局, 佛山银保监分局 + 南海 + 监管组: a regulator's office below it
                hit = next((b for b in sorted(branches, key=len, reverse=True) if s.startswith(b, end)), None)
                if hit:
                    found = (end + len(hit), Element(prefs, hit, "branch"), False)
                    break
            elif _local(last.core).get("top") and not parse.joint:
                for c_end, kind, key in _cores_at(s, end):
                    if kind == "local" and _local(key).get("top"):
                        found = (c_end, Element(prefs, key, kind), True)
                        break
                if found:
                    break
        if not found:
            return parse
        parse.end = found[0]
        parse.elements.append(found[1])
        parse.joint = parse.joint or found[2]


@cache
def _first_chars() -> frozenset[str]:
    """Characters a body name can begin with, apart from an unseen place after a boundary."""
    starts = {k[0] for k in (*core_lexicon(), *_place_names(), *level_prefixes())}
    return frozenset(starts | {body_prefix("party")[0], body_prefix("national")[0]})


def parse_at(s: str, i: int, extra_places: frozenset[str] = frozenset(), left_ok: bool = True
             ) -> Parse | None:
    """The longest body name starting at s[i] (simplified text), or None.

    `extra_places` are the document's own county/district names; `left_ok` says s[i] follows a
    boundary, where an unseen place name (甘泉县) may begin.
    """
    if i >= len(s) or not (left_ok or s[i] in _first_chars()
                           or any(p.startswith(s[i]) for p in extra_places)):
        return None
    best: Parse | None = None
    best_key = None
    for p_end, prefs in _prefix_paths(s, i, extra_places, left_ok):
        kinds = [k for _, k in prefs]
        has_place = "level" in kinds or "place" in kinds or "newplace" in kinds
        national = kinds == ["national"]
        if prefs and not (has_place or national):
            continue
        state = bool(prefs) and prefs[0][0] == body_prefix("state")
        if state and not national:
            continue                    # 中华人民共和国 heads a ministry, never a place's body
        candidates = [c for c in _cores_at(s, p_end) if c[1] in ("national", "parent")] if national \
            else list(_cores_at(s, p_end))
        if (has_place or national) and not state:     # 《中华人民共和国民办教育促进法》: no unseen body after it
            g = _generic_core(s, p_end, tuple(kinds))
            if g:
                candidates.append((g[0], "generic", g[1]))
        if has_place and (m := _merged_core(s, p_end, tuple(kinds))):
            candidates.append((m[0], "generic", m[1]))
        for c_end, kind, key in candidates:
            if kind == "local":
                spec = _local(key)
                if spec.get("needs_prefix") and not has_place:
                    continue
                own_street = prefs == [("街道", "level")]     # 街道办事处 in a street's own letter
                if spec.get("needs_place") and "place" not in kinds and "newplace" not in kinds and not own_street:
                    if key not in agency_data().dept_canonical:
                        continue
                    kind = "dept"       # 省金融监管局 (a department) vs 新疆金融监管局 (a regulator's office)
                if spec.get("place_ends") and not (prefs and prefs[-1][0].endswith(spec["place_ends"])):
                    continue
            elif kind in ("national", "parent", "firm") and not (national and kind in ("national", "parent")):
                # (国家教育部, a ministry written with the state's prefix, is taken as it stands)
                if prefs and not (kind == "parent" and has_place and key in agency_data().local_bodies):
                    continue
                if prefs:
                    kind = "local"      # 市人民银行: the parent's local office, named by its level
            elif kind == "generic":
                if key in core_lexicon() and not national:
                    continue
                if not left_ok and all(k == "level" for k in kinds):
                    continue            # 城|市管理办公室, 小|区报送管委会: a level word inside a word
            parse = _extend(s, Parse(c_end, [Element(prefs, key, kind)]), extra_places)
            if (kind == "firm" or key in branch_only_parents()) and len(parse.elements) == 1:
                continue
            if parse.joint and parse.elements[-1].kind != "sub":
                parse = Parse(c_end, [Element(prefs, key, kind)])
            rank = (parse.end, kind != "generic", -kinds.count("newplace"), -len(prefs))
            if best_key is None or rank > best_key:
                best, best_key = parse, rank
    return best


def _own_place_branch(s: str, pos: int, own_places: frozenset[str]) -> str | None:
    """'双牌分局' right after a city department in a 双牌县 document: the department's branch there."""
    for place in sorted(own_places, key=len, reverse=True):
        if s.startswith(place + "分局", pos) and len(place) >= 2 and place[-1] not in "市州":
            return place + "分局"
    return None


def juris_places(j: Jurisdiction) -> frozenset[str]:
    """Place names of the document's own jurisdiction not in the gazetteer (its county or district, its
    town written in full: 横溪镇锡箔行业治理领导小组办公室)."""
    names = {j.town} if j.town else set()
    for n in (j.county, j.city):
        if n:
            names.add(n)
            if len(n) >= 3:
                names.add(n[:-1])
    return frozenset(names)


# ---------------------------------------------------------------- canonical names
def _resolve_places(prefs: list[tuple[str, str]], j: Jurisdiction, level_hint: str | None) -> str | None:
    """The full jurisdiction name a prefix chain stands for (市 -> 中山市; 雁峰区 -> 衡阳市雁峰区)."""
    d = agency_data()
    places = [(w, k) for w, k in prefs if k in ("level", "place", "newplace")]
    if not places:
        return j.name_at(level_hint)
    out = ""
    for w, kind in places:
        if kind == "level":
            name = j.name_at(level_prefixes().get(w, w))
        elif w in d.province_by_name:
            name = d.province_by_name[w]
        elif w in d.city_by_name:
            name = d.city_by_name[w]
        elif j.county and w in (j.county, j.county[:-1]):
            name = j.county_name()
        elif w in d.county_short_forms:
            name = d.county_short_forms[w]          # 屏边县 -> 屏边苗族自治县, 科右中旗 -> 科尔沁右翼中旗
        elif (kind == "newplace" or w == j.town) and not out and j.county and w.endswith(_town_suffixes()):
            name = j.county_name() + w      # a town of the document's own county
        elif kind == "newplace" and not out and j.city and w.endswith("区") and not w.startswith(j.city):
            name = j.city + w                       # a district is named with its city: 重庆市合川区
        else:
            name = w
        if name is None:
            return None
        if out in _provinces_above_cities() and (w in d.city_by_name or w in d.county_city):
            out = ""                                # 山西省临汾市尧都区: a body below the province is named from its
                                                    # city or county; a new area keeps it (陕西省西咸新区)
        out = name if (out and name.startswith(out)) else out + name
    return out


@cache
def _provinces_above_cities() -> frozenset[str]:
    """Province-level names a body below them is not named with (山西省, not 重庆市: a municipality's district
    keeps it, 重庆市巴南区)."""
    return frozenset(p.name for p in agency_data().provinces if p.kind != "municipality")


def _written(prefs: list[tuple[str, str]], j: Jurisdiction) -> str | None:
    """The place as written (中山海关 keeps 中山); a bare level character becomes its full name."""
    if not prefs:
        return None
    if all(k == "level" for _, k in prefs):
        return j.name_at(level_prefixes().get(prefs[-1][0], prefs[-1][0]))
    return "".join(agency_data().county_short_forms.get(w, w) for w, k in prefs if k != "party")   # 屏边县: in full


def _element_canonical(el: Element, j: Jurisdiction, level_hint: str | None) -> str | None:
    d = agency_data()
    if el.kind == "national":
        return d.national.get(el.core)
    if el.kind == "parent":
        return d.national.get(el.core) or _unplaced(el, j)
    if el.kind == "firm":
        return d.state_firms[el.core]
    if el.kind == "generic" and [k for _, k in el.prefixes] == ["national"]:
        return el.prefixes[0][0] + el.core
    base = _resolve_places(el.prefixes, j, level_hint)
    if el.kind in ("dept", "generic") and not el.prefixes and j.level == "central":
        return _national_short(el.core)             # 发展改革委 in a State Council letter: 国家发展改革委
    if el.kind == "dept" and not el.prefixes and _province_only(d.dept_canonical[el.core]) and j.province:
        return _resolve_places([("省", "level")], j, None) + d.dept_canonical[el.core]   # 财政厅 in a district's text
    if el.kind == "dept":
        return base + d.dept_canonical[el.core] if base else None
    if el.kind == "generic":
        if el.core.endswith("海关"):
            w = _written(el.prefixes, j)
            return w + el.core if w else None
        branch = _district_branch(el, j)
        if branch:
            return branch
        return base + _full_board(el.core) if base else None
    if el.kind == "local":
        spec = _local(el.core)
        template = spec.get("template")
        if _unplaced(el, j):
            return _unplaced(el, j)
        if not template:
            return None
        if spec.get("place_short"):
            short = short_place(base)
            return template.format(s=short) if short else None
        if spec.get("template_sar") and base and any(
                p.name == base and p.kind == "sar" for p in agency_data().provinces):
            return spec["template_sar"].format(j=base)   # 香港特别行政区政府, not 人民政府
        if spec.get("place_as_written"):
            w = _written(el.prefixes, j)
            return template.format(w=w) if w else None
        return template.format(j=base) if base else None
    return None


def _province_only(core: str) -> bool:
    """True for a department only a province has (财政厅, 住房和城乡建设厅), not a government's 办公厅."""
    return core.endswith("厅") and not core.endswith("办公厅")


def _national_short(core: str) -> str | None:
    """The national body a central letter names without 国家 or 国务院 (发展改革委, 质检总局, 法制办), else None."""
    national = agency_data().national
    return next((national[h + core] for h in ("国家", "国务院") if h + core in national), None)


def _district_branch(el: Element, j: Jurisdiction) -> str | None:
    """A city department's branch in the district or county (区国土分局 -> 昆明市国土资源局官渡分局,
    县公安分局 -> …公安局…分局, 嘉善生态环境分局 -> 嘉兴市生态环境局嘉善分局): its official name is the city
    bureau's, then the place's short name."""
    d = agency_data()
    if not el.core.endswith("分局") or len(el.prefixes) != 1 or not (j.city and j.county):
        return None
    written, kind = el.prefixes[0]
    own = kind == "level" and written in ("区", "县") \
        or kind == "place" and written in (j.county, j.county[:-1])     # 嘉善生态环境分局 in 嘉善县's table
    if not own:
        return None
    dept = d.dept_canonical.get(el.core[:-2] + "局")
    short = j.county[:-1] if j.county.endswith(("区", "县")) and len(j.county) > 2 else None
    return j.city + dept + short + "分局" if dept and short else None


def short_place(full: str | None) -> str | None:
    """A province or city without its level word (江苏省 -> 江苏, 合肥市 -> 合肥), as regulators' offices write it."""
    if not full:
        return None
    d = agency_data()
    for p in d.provinces:
        if full == p.name:
            return p.short
    for suffix in ("市", "地区", "盟", "州"):
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            return full[: -len(suffix)]
    return full


def _unplaced(el: Element, j: Jurisdiction) -> str | None:
    """The national body a bare core stands for in a document with no local jurisdiction (人民银行)."""
    if el.prefixes or j.province or j.city or j.county:
        return None
    return _local(el.core).get("unplaced")


@cache
def _s2t():
    """OpenCC's simplified -> traditional converter, loaded for the first traditional document (a tenth
    of a second and more), not on import."""
    import opencc
    return opencc.OpenCC("s2t")


def to_script(name: str | None, traditional: bool) -> str | None:
    return _s2t().convert(name) if (name and traditional) else name


def _full_board(core: str) -> str:
    """A generic body's name with its board word written in full (住房公积金管委会 -> 住房公积金管理委员会)."""
    for short, full in agency_data().generic["generic_suffixes"]["full_forms"].items():
        if core.endswith(short):
            return core[:-len(short)] + full
    return core


def canonical_of_parse(parse: Parse, j: Jurisdiction, level_hint: str | None = None,
                       traditional: bool = False) -> str | None:
    """The canonical name of a parsed mention, in the document's script (None where not certain)."""
    if parse.joint:
        return None
    head = parse.elements[0]
    if head.kind == "parent" and len(parse.elements) > 1:
        name = agency_data().national_parents[head.core]
    else:
        name = _element_canonical(head, j, level_hint)
    if name is None:
        return None
    subs = agency_data().subunits
    for k, el in enumerate(parse.elements[1:]):
        if el.kind == "branch":
            target = _local(parse.elements[k].core)["place_branches"][el.core]
            if target != "append":
                # the office has a body name of its own: 宁夏银保监局银川监管分局 is the 银川银保监分局
                name = _element_canonical(Element(el.prefixes, target, "local"), j, None)
                if name is None:
                    return None
                continue
        place = "".join(w if k != "level" else (_resolve_places([(w, k)], j, None) or w)
                        for w, k in el.prefixes)
        sub = subs.get(el.core, el.core)
        if name.startswith(body_prefix("party")) and name.endswith("委员会") and sub != "常务委员会":
            name = name[:-len("委员会")] + "委"          # 中共江西省委宣传部: a party committee's organs use 委
        name += place + sub
    return to_script(name, traditional)


def canonicalize(mention: str, jurisdiction: Jurisdiction, level_hint: str | None = None,
                 traditional: bool | None = None) -> str | None:
    """Full official name of a body mention (市工信局 -> 中山市工业和信息化局), None where not certain.

    `level_hint` (省/市/县/区) stands in for a prefix the mention lacks (a shared-prefix list);
    `traditional` defaults to the mention's own script.
    """
    s = to_simplified("".join(mention.split()))
    if traditional is None:
        traditional = s != "".join(mention.split())
    parse = parse_at(s, 0, juris_places(jurisdiction))
    if parse is None or parse.end != len(s):
        return None
    return canonical_of_parse(parse, jurisdiction, level_hint, traditional)
