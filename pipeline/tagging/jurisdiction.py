"""The jurisdiction a document speaks for (province, city, county/district), from its issuer and title.

Agency mentions such as 市商务局 or 区科技局 only get full names once we know whose 市 and 区 they are.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Iterator

from ..clean.script import make_view, to_simplified, without_readings
from .agency_data import (agency_data, body_prefix, generic_words, holds_phrase_word, is_ethnic_autonomous,
                          is_place_stem, pattern, pattern_spec, stop_chars)



@dataclass
class Jurisdiction:
    """Whose 省/市/县/区 a document's mentions refer to, and the short names it defines for its bodies; names
    in simplified script, None where unknown."""
    province: str | None = None
    city: str | None = None
    county: str | None = None          # county, district or county-level city below `city`
    level: str | None = None           # province | city | county | zone | central: the issuer's own level
    department: str | None = None      # the issuer's department core (农业农村局), where it is one
    town: str | None = None            # a town or sub-district issuer's own name (石龙镇, 五常街道)
    short_names: tuple[tuple[str, str], ...] = ()   # (short name, body) the text defines: (办公室, …领导小组办公室)
    level_from_issuer: bool = field(default=False, compare=False)   # the level is the named issuer's, not a guess

    def name_at(self, level_char: str | None) -> str | None:
        """Full name of the jurisdiction a prefix refers to: 省 -> 广东省, 区 -> 金华市婺城区, None -> own level."""
        if level_char is None:
            level_char = {"province": "省", "city": "市", "county": "县"}.get(self.level or "")
        if level_char == "省":
            return self.province
        if level_char == "市" and self.level == "county" and (self.county or "").endswith("市"):
            return self.county              # 市商务局 in a county-level city's own letter: its own bureau
        if level_char in ("市", "州"):
            return self.city or (self.province if self._municipality() else None)
        if level_char == "地":                 # 地区医保局: a prefecture named …地区
            return self.city if (self.city or "").endswith("地区") else None
        if level_char in ("县", "区", "旗"):
            if not self.county:             # 区公安厅 in an autonomous region's own document: the region
                return self.province if level_char == "区" and self._own_region() else None
            return self.county_name()
        if level_char in ("镇", "乡", "街道") and self.town and self.town.endswith(level_char):
            above = self.county_name() if self.county else self.city
            return (above or "") + self.town
        return None

    def county_name(self) -> str | None:
        """The county's full name: a district with its city (金华市婺城区), a county or county-level city alone."""
        if self.county and self.county.endswith("区") and self.city:
            return self.city + self.county
        return self.county

    def _own_region(self) -> bool:
        return self.level == "province" and (self.province or "").endswith("自治区")

    def _municipality(self) -> bool:
        return any(p.name == self.province and p.kind == "municipality" for p in agency_data().provinces)


def parse_place_chain(name: str, loose: bool = False, whole: bool = False
                      ) -> tuple[str | None, str | None, str | None, int]:
    """The province, city and county written at the start of a name, and how many characters they take;
    `loose` (a page heading, not an issuer) takes a county-level place whatever follows it, as does a
    county the city or province before it is known to hold; `whole` (an issuer or title, not words cut
    from running text) takes a county of the division codes though its first character may join words
    (将乐县, 会同县)."""
    d = agency_data()
    s = to_simplified(name)
    place_stops = d.generic["place_first_stops"]["chars"]
    pos, province, city, county = 0, None, None, None
    if s.startswith(body_prefix("party")):
        pos = len(body_prefix("party"))           # 中共中山市委办公室
    for full in _names_at(s, pos, "province_by_name"):
        if full == d.province_by_name[full] or len(full) >= 2:
            rest = s[pos + len(full):]
            if full != d.province_by_name[full] and rest.startswith(("省", "市", "州")):
                continue                           # 海南州 is a prefecture of Qinghai, not 海南省
            province, pos = d.province_by_name[full], pos + len(full)
            break
    for full in _names_at(s, pos, "city_by_name"):
        nxt = s[pos + len(full):pos + len(full) + 1]
        if full != d.city_by_name[full] and (nxt in ("县", "区", "旗") or any(
                len(c) > len(full) and d.county_city[c][1] == d.city_by_name[full]
                for c in _names_at(s, pos, "county_city"))):
            break                      # 长沙县 is a county of its own name, not 长沙市; 阿拉善左旗 a banner of 阿拉善盟
        city = d.city_by_name[full]
        pos += len(full)
        break
    m = pattern("issuer_local_place").match(s, pos)
    if m and any(c in stop_chars() or c in place_stops for c in m.group()[:-1]) \
            and (city or province, m.group()) not in d.city_counties and not (whole and m.group() in d.county_city):
        m = None                       # 您在县政协…: a sentence, not a place (天津市和平区, 将乐县 are places)
    if m and m.group() not in d.county_city and not _zone_name(m.group()) \
            and (city or province, m.group()) not in d.city_counties and _phrase_before_level(m.group()):
        m = None                       # 不再担任县人民政府…: a phrase before a level word, not a county
    town = pattern("issuer_town").match(s, m.end()) if m else None
    if m and (_body_starts_at(s, m.end()) or (town and _body_starts_at(s, town.end()))
              or ((loose or _zone_name(m.group())) and (city or province))
              or (city or province, m.group()) in d.city_counties      # 北京市大兴区新兴产业促进服务中心
              or ((loose or m.end() == len(s)) and m.group() in d.county_city)    # 晋江市 alone, or heading a page
              or (whole and m.group() in d.county_city and _unit_named_after(s, m.end()))):
        place = m.group()
        if place.endswith("市") and not city and not county and place not in d.county_city:
            city = place                # a county-level city (温岭市, 古交市) is the county of its prefecture
        else:
            county = place
        pos = m.end()
    if province and d.province_by_name.get(province) and province in d.city_by_name and not city:
        city = province                # a municipality is its own city
    if city and not province:
        province = d.province_of_city.get(city)
    return province, city, county, pos


def _unit_named_after(s: str, pos: int) -> bool:
    """True where an issuer goes on from its county with a unit's name the tables lack (马关县|扶贫开发局)."""
    m = pattern("unit_after_county").match(s, pos)
    return bool(m) and not any(c in stop_chars() for c in m.group())


@cache
def _name_lengths(table: str) -> tuple[int, ...]:
    """The lengths of the names of one of agency_data()'s name tables, longest first."""
    return tuple(sorted({len(name) for name in getattr(agency_data(), table)}, reverse=True))


def _names_at(s: str, pos: int, table: str) -> Iterator[str]:
    """The names of agency_data().<table> that `s` has at `pos`, longest first (a look-up a length,
    not a scan of every name)."""
    names = getattr(agency_data(), table)
    for n in _name_lengths(table):
        name = s[pos:pos + n]
        if len(name) == n and name in names:
            yield name


def _phrase_before_level(place: str) -> bool:
    """True where an unseen place's stem is a phrase (不再担任|县, 认真落实|市): a county stem must read
    as a name; a city stem only must not hold a verb or adverb (an unknown city keeps its name)."""
    stem = place[:-1]
    if is_ethnic_autonomous(place):
        return False                   # 岫岩满族自治县: an ethnic autonomous county is a name
    if place.endswith("市"):
        return holds_phrase_word(stem)
    return not is_place_stem(stem)


def _zone_name(place: str) -> bool:
    """A city's development zone written by its kind alone (新乡高新区, 某市经开区): a place whatever
    follows it (河南省新乡高新区重大招商引资项目奖励办法)."""
    return len(place) >= 3 and place in agency_data().zones


def _body_starts_at(s: str, pos: int) -> bool:
    """Whether an issuer's body part (人民政府, 关于, a department name such as 城市管理局) begins at pos."""
    if any(s.startswith(w, pos) for w in generic_words("issuer_body_starts")):
        return True
    return any(s.startswith(core, pos) for core in agency_data().dept_canonical if len(core) >= 3)


def _level(province, city, county) -> str | None:
    if county:
        return "county"
    if city and city != province:
        return "city"
    if province:
        return "province"
    return None


def _from_names(*names: str | None, loose: bool = False) -> Jurisdiction | None:
    for name in names:
        if not name:
            continue
        # joint issuers (新区管委会办公室 + 区人民政府办公室): the government's own place comes first
        parts = sorted(name.split(), key=lambda part: "人民政府" not in to_simplified(part))
        for part in parts:
            province, city, county, _ = parse_place_chain(part.strip(), loose, whole=True)
            if province or city or county:
                return Jurisdiction(province, city, county, _level(province, city, county))
    return None


def _from_title_county(title: str) -> Jurisdiction | None:
    """A title opened by a known county-level division, whatever follows it (陇县进一步强化稳就业…措施)."""
    province, city, county, _ = parse_place_chain(title.strip(), loose=True)
    if county and not (province or city) and county in agency_data().county_city \
            and county not in generic_words("title_county_words"):
        return Jurisdiction(None, None, county, "county")
    return None


def _from_bodies(text: str) -> Jurisdiction | None:
    """The county or district whose bodies the text names most in full (灵璧县文化和旅游局, 灵璧县人民政府):
    a fallback for letters with no issuer, title or place in their first lines."""
    s = make_view(text).text
    counts: Counter[str] = Counter()
    for m in pattern("county_body").finditer(s):
        province, city, county, used = parse_place_chain(m.group(0))
        if county and used <= len(m.group("place")) + len(city or "") + len(province or ""):
            counts[(province, city, county)] += 1
    if not counts:
        return None
    province, city, county = counts.most_common(1)[0][0]
    return Jurisdiction(province, city, county, "county")


def _from_counties(text: str) -> Jurisdiction | None:
    """The county-level division the text names most (官渡区三年滚动投资计划): a last fallback for an
    excerpt whose bodies are written 区发改局, with no issuer or city in it."""
    s = make_view(text).text
    d = agency_data()
    found = _county_counts(s)
    counts = Counter({name: found[name] for name in d.county_city if name in found})
    if not counts:
        return None
    county = counts.most_common(1)[0][0]
    province, city = d.county_city[county]
    return Jurisdiction(province, city, county, "county")


def _county_of_branch(s: str) -> Jurisdiction | None:
    """The district or county a text with no place name speaks for, from the one city bureau's branch it names
    (市生态环境局咸安分局 among 区发改局, 区商务局: 咸安区), where the text speaks as that level (全区, 区政府)
    and the division codes know one such division."""
    stems = {m.group("stem") for m in pattern("city_bureau_branch").finditer(s)}
    if len(stems) != 1:
        return None
    stem = stems.pop()
    d = agency_data()
    found = [stem + level for level, cues in pattern_spec("city_bureau_branch")["own_level_cues"].items()
             if stem + level in d.county_city and any(c in s for c in cues)]
    if len(found) != 1:
        return None
    province, city = d.county_city[found[0]]
    return Jurisdiction(province, city, found[0], "county")


@cache
def _county_index() -> tuple[re.Pattern, dict[str, tuple[int, ...]], frozenset[str]]:
    """(the last characters of county names, their lengths by last character, the names of 3+ characters)."""
    names = frozenset(n for n in agency_data().county_city if len(n) >= 3)
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[-1], set()).add(len(n))
    ends = re.compile("[" + "".join(sorted(lengths)) + "]")
    return ends, {c: tuple(sorted(ls)) for c, ls in lengths.items()}, names


def _county_counts(s: str) -> Counter:
    """How often each county name occurs in s: one look at each character a name can end with, not a
    scan of the text per name (2,800 names; a 5 MB text took seconds)."""
    ends, lengths, names = _county_index()
    found: Counter = Counter()
    for m in ends.finditer(s):
        i = m.end()
        for n in lengths[m.group()]:
            if n <= i and s[i - n:i] in names:
                found[s[i - n:i]] += 1
    return found


@cache
def _name_index(names: tuple[str, ...]) -> tuple[re.Pattern | None, dict[str, tuple[int, ...]], frozenset[str],
                                                 tuple[str, ...]]:
    """(the last characters of the names, their lengths by last character, the names, and the names that
    overlap themselves (their prefix is their suffix), which str.count counts apart)."""
    plain = frozenset(n for n in names if n and not any(n[:k] == n[-k:] for k in range(1, len(n))))
    lengths: dict[str, set[int]] = {}
    for n in plain:
        lengths.setdefault(n[-1], set()).add(len(n))
    ends = re.compile("[" + "".join(map(re.escape, sorted(lengths))) + "]") if lengths else None
    return ends, {c: tuple(sorted(ls)) for c, ls in lengths.items()}, plain, \
        tuple(n for n in dict.fromkeys(names) if n and n not in plain)


def _name_counts(s: str, names: tuple[str, ...], unlisted: bool = False) -> Counter:
    """s.count(name) for every name, in one pass over the characters a name can end with (a scan of the
    text per name took seconds on a 5 MB text); with `unlisted`, not where the name stands in a list of
    places (上海、江苏、安徽…等省(市): the places a national scheme covers, not the letter's own)."""
    ends, lengths, plain, overlapping = _name_index(names)
    found: Counter = Counter()
    for m in ends.finditer(s) if ends is not None else ():
        i = m.end()
        for n in lengths[m.group()]:
            if n <= i and s[i - n:i] in plain and not (unlisted and _listed_place(s, i - n, i)):
                found[s[i - n:i]] += 1
    for n in overlapping:
        found[n] = s.count(n)
    return found


def _listed_place(s: str, start: int, end: int) -> bool:
    """True for a place named as an item of a list of places (上海、…, …、江西等省), not a body's place
    (…、济南高新区管委会)."""
    return s[end:end + 1] == "、" or (s[start - 1:start] == "、" and s[end:end + 1] == "等")


def _from_text(text: str) -> Jurisdiction | None:
    """The most frequent province/city full names in the text (a fallback for issuer-less excerpts)."""
    d = agency_data()
    s = make_view(text).text
    counts: Counter[str] = Counter()
    full = [name for name in list(d.city_by_name) + [p.name for p in d.provinces]
            if len(name) >= 3 and name.endswith(("市", "省", "州", "区"))]
    found = _name_counts(s, tuple(full), unlisted=True)
    for name in full:
        if found[name]:
            counts[name] += found[name]
    if not counts:                  # short names: 进入重庆, 在柳州; a city's before its province's (吉林)
        shorts = [(short, city) for short, city in d.city_by_name.items() if short != city and len(short) >= 2]
        shorts += [(p.short, p.name) for p in d.provinces
                   if len(p.short) >= 2 and p.short not in d.city_by_name and p.short != p.name]
        found = _name_counts(s, tuple(short for short, _ in shorts), unlisted=True)
        for short, city in shorts:
            if found[short]:
                counts[city] += found[short]
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    if best in d.city_by_name and d.city_by_name[best] == best and best in d.province_of_city:
        province = d.province_of_city[best]
        return Jurisdiction(province, best, None, "province" if best == province else "city")
    return Jurisdiction(d.province_by_name.get(best, best), None, None, "province")


def infer_jurisdiction(text: str, issuer: str | None = None, title: str | None = None,
                       doc_number: str | None = None) -> Jurisdiction:
    """The document's jurisdiction from its issuer, title, doc-number abbreviation and, last, its text."""
    whole = cache(lambda: make_view(text or "").text)      # the text's view, made once where asked for
    d = agency_data()
    issuer, title = (without_readings(x) if x else x for x in (issuer, title))     # 大興區(qū)…中心
    by_issuer = _from_names(issuer)
    j = by_issuer or _from_names(title)
    if j and not by_issuer and j.level == "province":
        j = _county_in_title(title, j) or j        # 河北河间市光伏扶贫电站管理办法: the county-level city after it
    if j is None and title:                        # 关于印发重庆市支持…十条政策的通知: the policy it issues names the place
        j = _from_names(pattern("issued_policy_head").sub("", to_simplified(title), count=1) or None)
    if j is None and title:
        j = _from_title_county(title)
    if j is None and doc_number:
        abbr = to_simplified(doc_number.strip().lstrip("(（"))[:1]
        words = to_simplified(" ".join(x for x in (issuer, title) if x))
        if abbr in d.province_by_abbr and "省" in words:
            j = Jurisdiction(d.province_by_abbr[abbr], None, None, "province")
    if j is None:
        head = make_view(text[:300]).text if text else ""
        lines = [ln.strip() for ln in head.splitlines() if ln.strip()][:3]
        j = _from_names(*lines, loose=True) or _from_bodies(text or "")
        if j is None:
            by_city, by_county = _from_text(text or ""), _from_counties(text or "")
            if by_city is None and by_county is None:
                by_county = _county_of_branch(whole())   # 牵头单位:市生态环境局咸安分局 … 区发改局: 咸安区
            if by_county is None and (by_stem := _county_by_number(whole(), doc_number)) \
                    and (by_city is None or by_city.province == by_stem.province):
                by_county = by_city = by_stem      # 县人民政府办公室 … 涉及嘉鱼的 (嘉政办发): 嘉鱼县, not 武汉新港's city
            j = by_county if by_county and (by_city is None or by_city.city == by_county.city or (
                by_city.city is None and by_city.province == by_county.province)) else by_city   # 海南省 … 文昌市
            j = j or Jurisdiction()
        province, city = (j.province, j.city) if j.city else d.county_city.get(j.county, (None, None))
        if j.level == "county" and city and _over_counties(city, whole()):
            j = Jurisdiction(province, city, None, "city")         # 长乐、福清、闽侯…7个县(市)区: the city's own text
    if not (j.province or j.city or j.county) and (_is_central(issuer) or (
            issuer is None and text and _speaks_centrally(whole()))):
        j.level = "central"                        # 国务院办公厅: its bare 发展改革委 is the national commission
    j.department = _department_of(issuer)
    j.level_from_issuer = by_issuer is not None
    j.town = _town_of(issuer, j) or (None if issuer else _town_of_title(title))
    if _is_zone(issuer) or (issuer is None and text and pattern("zone_self_reference").search(text[:600])):
        j.level = "zone"                           # 天津港保税区: its own 工信局 is no city's bureau
    if j.province and not (j.city or j.county or issuer or title) and text:
        _city_of_province(j, whole())
    if j.city and not j.county and text:
        _county_of_city(j, whole())
    if j.county and not j.city and text:
        _city_of_county(j, whole())
    if j.county and j.county not in agency_data().county_city:
        j.county = _autonomous_county(j.county) or j.county        # 澜沧县 -> 澜沧拉祜族自治县
    j.county = agency_data().county_short_forms.get(j.county, j.county)   # 屏边县 -> 屏边苗族自治县
    if j.county and not j.city and (place := agency_data().county_city.get(j.county)):
        j.province, j.city = place                 # 蔡甸区 -> 湖北省 武汉市 (division codes)
    return j


def _county_in_title(title: str, j: Jurisdiction) -> Jurisdiction | None:
    """The county-level division a title names after its province (河北河间市…), where the division codes
    place it in that province."""
    _, city, county, _ = parse_place_chain(title.strip(), loose=True)
    name = county or city
    place = agency_data().county_city.get(name) if name else None
    if place and place[0] == j.province:
        return Jurisdiction(place[0], place[1], name, "county")
    return None


def _autonomous_county(short: str) -> str | None:
    """The official name of an ethnic autonomous county written short (澜沧县: 澜沧拉祜族自治县), where one
    county alone has that stem."""
    if not short.endswith(("县", "旗")):
        return None
    found = _autonomous_by_stem().get(short[:-1], ())
    return found[0] if len(found) == 1 else None


@cache
def _autonomous_by_stem() -> dict[str, tuple[str, ...]]:
    """Stem -> the ethnic autonomous counties and banners whose name begins with it (澜沧: 澜沧拉祜族自治县)."""
    out: dict[str, list[str]] = {}
    for name in agency_data().county_city:
        if is_ethnic_autonomous(name):
            for n in range(2, name.index("族")):
                out.setdefault(name[:n], []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def _is_central(issuer: str | None) -> bool:
    """True where every issuer (joint issuers parted by spaces) is a national body."""
    names = to_simplified(issuer or "").split()
    return bool(names) and all(n in agency_data().national for n in names)


def _town_of(issuer: str | None, j: Jurisdiction) -> str | None:
    """The town or sub-district a town's own issuer names after its county or city (东莞市石龙镇人民政府)."""
    if not issuer:
        return None
    name = to_simplified(issuer.split()[0])
    *_, used = parse_place_chain(name)
    m = pattern("issuer_town").match(name, used)
    if m and (j.county or j.city or used == 0) \
            and any(name.startswith(w, m.end()) for w in generic_words("issuer_body_starts")):
        return m.group()                       # 东莞市石龙镇人民政府; 兰亭镇人民政府 (its county not written)
    if m and m.end() == len(name) and used == 0 and _town_of_title(name):
        return m.group()                       # 发布机构: 横溪镇, the town standing for its government
    return None


def _town_of_title(title: str | None) -> str | None:
    """The town or sub-district an unsigned policy is named after (石龙镇推动经济高质量发展…实施办法,
    柯岩街道二○○五年农业激励政策意见)."""
    m = pattern("issuer_town").match(to_simplified(title or ""))
    if not m:
        return None
    town = m.group()
    stem = town.removesuffix("街道") if town.endswith("街道") else town[:-1]
    named = any(to_simplified(title).startswith(w, m.end()) for w in generic_words("issuer_body_starts"))
    if town.endswith(("镇", "乡", "街道")) and (is_place_stem(stem) or named):
        return town                      # 东赵各庄镇人民政府河(湖)长制考核实施细则: its government names it
    return None


def _is_zone(issuer: str | None) -> bool:
    """True where the issuer is a development zone (or its board) rather than a place's government."""
    if not issuer:
        return False
    d = agency_data()
    name = to_simplified(issuer.split()[0])
    for board in d.boards:
        name = name.removesuffix(board)
    *_, used = parse_place_chain(name)
    rest = name[used:]
    return len(rest) > 2 and rest.endswith(tuple(z for z in d.zones if len(z) >= 2))


@cache
def _counties_of(city: str | None) -> tuple[str, ...]:
    """The county-level divisions of a city, those whose name other cities share too (浚县 of 鹤壁市, once
    of 安阳市), sorted."""
    return tuple(sorted(c for of, c in agency_data().city_counties if of == city))


def _county_of_city(j: Jurisdiction, view: str) -> None:
    """The county of a city-level jurisdiction where the text speaks as a county (县政府, 县农业农村局)
    and names one county of that city whose level word it uses (随州市 -> 随县); not a county-level city,
    whose 市 words are the city's own too (黄石市's 市政府 naming 大冶市 among its recipients)."""
    named = [c for c in _counties_of(j.city) if c in view]
    for level in {c[-1] for c in named} - {"市"}:      # a city's own 市政府 says nothing of a county-level city in it
        own = [c for c in named if c.endswith(level)]
        if len(own) == 1 and _speaks_as(view, level):
            j.county, j.level = own[0], "county"
            return


MIN_SIBLING_COUNTIES = 3    # counties of one city a placeless text must name to speak for the city


def _over_counties(city: str, view: str) -> bool:
    """True where a text with no issuer or title names several counties of one city (福清市…闽侯、连江两县…
    长乐、罗源、永泰) and its own bodies by the city's level word (市农办, 市教育局): the city writes it."""
    stems = {c[:-1] if len(c) > 2 else c for c in _counties_of(city)}
    return sum(1 for stem in stems if stem in view) >= MIN_SIBLING_COUNTIES and _speaks_as(view, "市")


def _speaks_as(view: str, level: str) -> bool:
    """True where the text names its own bodies by a level word alone at least twice (县政府, 县发改局)."""
    return len(re.findall(r"(?:^|[^\u4e00-\u9fff])" + level + r"(?:委|政府|人民政府|[\u4e00-\u9fff]{1,8}?局)",
                          view, re.M)) >= 2


MIN_NATIONAL_BODIES = 3     # ministries a placeless text must name to speak for the centre


def _speaks_centrally(view: str) -> bool:
    """True where a text naming no place names national ministries (公安部, 民政部, 税务总局: at least
    MIN_NATIONAL_BODIES of them) and no body by a bare level word (市政府, 县财政局): a central task list."""
    names = tuple(n for n in agency_data().national if n.endswith(("部", "署", "总局")))
    found = _name_counts(view, names)
    return sum(1 for n in names if found[n]) >= MIN_NATIONAL_BODIES \
        and not any(_speaks_as(view, level) for level in "省市县区")


def _county_by_number(view: str, doc_number: str | None) -> Jurisdiction | None:
    """The county a text speaking as a county (县政府, 县发改局) names by its stem alone (涉及嘉鱼的, 嘉鱼经济开发区)
    where its doc number is abbreviated from that name (嘉政办发〔2021〕5号); one such county, else None."""
    abbr = to_simplified(doc_number.strip().lstrip("(（〔[【"))[:1] if doc_number else ""
    stems = _county_stems().get(abbr, ())
    found = _name_counts(view, tuple(stem for stem, _ in stems)) if stems else Counter()
    named = [county for stem, county in stems if found[stem] and _speaks_as(view, county[-1])]
    if len(named) != 1:
        return None
    province, city = agency_data().county_city[named[0]]
    return Jurisdiction(province, city, named[0], "county")


@cache
def _county_stems() -> dict[str, tuple[tuple[str, str], ...]]:
    """First character -> (stem, county) for the county-level names whose stem (嘉鱼 of 嘉鱼县) no other
    county shares and no city is named by."""
    d = agency_data()
    by_stem: dict[str, set[str]] = {}
    for name in d.county_city:
        if name[-1] in "县区旗市" and len(name) >= 3:
            by_stem.setdefault(name[:-1], set()).add(name)
    out: dict[str, list[tuple[str, str]]] = {}
    for stem, names in by_stem.items():
        if len(names) == 1 and stem not in d.city_by_name and is_place_stem(stem):
            out.setdefault(stem[0], []).append((stem, next(iter(names))))
    return {k: tuple(v) for k, v in out.items()}


def _city_of_province(j: Jurisdiction, view: str) -> None:
    """The city of an unsigned, untitled text that names its province in full but speaks as a city (市经信委)
    and names one city of that province, though only inside other names (泉州台商投资区, 泉州开发区)."""
    d = agency_data()
    named = {full for name, full in d.city_by_name.items()
             if len(name) >= 2 and d.province_of_city.get(full) == j.province and full != j.province and name in view}
    bare = re.findall(r"(?:^|[^\u4e00-\u9fff])市(?:委|政府|人民政府|[\u4e00-\u9fff]{1,8}?[局委办])", view, re.M)
    if len(named) == 1 and len(bare) >= 2:
        j.city, j.level = named.pop(), "city"


def _city_of_county(j: Jurisdiction, view: str) -> None:
    """The city of a county or district the text writes in full once (鞍山市立山区): 立山区 -> 鞍山市立山区."""
    d = agency_data()
    for city in d.city_by_name.values():
        if len(city) >= 3 and city + j.county in view:
            j.city = city
            j.province = j.province or d.province_of_city.get(city)
            return


def _department_of(issuer: str | None) -> str | None:
    """The canonical department core of an issuer (吕梁市农业农村局 -> 农业农村局), else None."""
    if not issuer:
        return None
    *_, pos = parse_place_chain(issuer.split()[0])
    return agency_data().dept_canonical.get(to_simplified(issuer.split()[0])[pos:])
