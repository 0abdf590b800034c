"""MONEY and RATE tagging: amounts with currency, range, approximation, role, rate and scope.

Rules read the simplified analysis view (clean.script.make_view) with full-width digits folded
to ASCII; entity spans are mapped back to the document's own text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean.script import make_view
from ..types import Entity
from .money_lexicon import MoneyLexicon, lexicon
from .money_role_model import role_classifier, role_features
from .money_roles import (clause_start, governing_bound, money_role, money_scope, rate_decision,
                          sentence_start)
from ..numerals import HALF_WIDTH, parse_number
from .positions import FirstFrom, SpanIndex, any_between

BOUND_IN_LIST = "money.cap.own-bound-in-list"     # applied by _group (models/rules/money_roles.json)
PART_OF_BUDGET = "money.budget.part-of"          # applied by _parts_of_budgets
SCOPED = ("cap", "grant", "range")               # roles that carry a scope (每家企业, 单个项目)
_MAGNITUDE = {"千": 1e3, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "百亿": 1e10, "千亿": 1e11,
              "万亿": 1e12}
_SENTENCE_ENDS = re.compile("[。；;！？!?]")       # a rate is tied to a cap in the same sentence only


@dataclass
class Amount:
    """One amount found in the view: [start, end) covers prefix words, number, unit and suffix."""
    start: int
    end: int
    num_start: int
    value: float
    currency: str
    scale: float                        # the magnitude (万 = 1e4), lent to bare list members
    approx: bool = False
    amount_max: float | None = None
    band: bool = False                  # two bounds (以上 … 以下): not an approximation
    bound: tuple[int, int] | None = None    # the bound words (最高, 不超过) that govern it
    attrs: dict = field(default_factory=dict)


@dataclass
class Rate:
    """A support percentage in the view."""
    start: int
    end: int
    value: float
    role: str
    used: bool = False
    rule: str | None = None
    value_max: float | None = None          # the high end of a range (5%—20%)


def tag_money(text: str, policy: bool = False, classifier: bool = True) -> list[Entity]:
    """MONEY and RATE entities of `text` (spans in `text`; page left for the caller). `policy`: the
    text prescribes (measures, notices), so a figure word marks a condition or a goal, not a report.
    `classifier`: the trained role classifier may overrule the weaker role rules (money_role_model)."""
    if not text:
        return []
    view = make_view(text)
    v = view.text.translate(HALF_WIDTH)
    L = lexicon()
    amounts = _ruled_amounts(v, L, policy)
    if classifier:
        _classify_roles(v, amounts, L, policy)
    rates = _rates(v, L)
    _tie_rates(v, amounts, rates)
    out = []
    for a in amounts:
        s, e = view.span_to_original(a.start, a.end)
        scope = a.attrs.pop("scope_span")
        if scope:
            scope = "".join(text[slice(*view.span_to_original(*scope))].split())
        out.append(Entity("MONEY", text[s:e], s, e, attrs={
            "amount": _clean(a.value), "amount_max": _clean(a.amount_max), "currency": a.currency,
            "approx": a.approx, **a.attrs, "scope": scope}))
    for r in rates:
        s, e = view.span_to_original(r.start, r.end)
        out.append(Entity("RATE", text[s:e], s, e, attrs={
            "value": round(r.value, 6), "value_max": None if r.value_max is None else round(r.value_max, 6),
            "role": r.role, "rule": r.rule}))
    return sorted(out, key=lambda ent: (ent.start, ent.end))


def role_examples(text: str, policy: bool = False) -> list[tuple[dict, dict[str, float]]]:
    """(amount as tagged by the rules alone, its classifier features) of every MONEY amount of `text`, in
    text order: what models/money_roles/train.py matches to gold and trains on."""
    if not text:
        return []
    v = make_view(text).text.translate(HALF_WIDTH)
    out = []
    for a in _ruled_amounts(v, lexicon(), policy):
        tagged = {"amount": _clean(a.value), "amount_max": _clean(a.amount_max), "currency": a.currency,
                  "role": a.attrs["role"], "rule": a.attrs["rule"]}
        out.append((tagged, _role_features(v, a, policy)))
    return out


def _ruled_amounts(v: str, L: MoneyLexicon, policy: bool) -> list[Amount]:
    """The amounts of the view with the roles the rule table gives them."""
    return _group(v, _with_ranges_and_lists(v, _amounts(v, L), L), L, policy)


def _role_features(v: str, a: Amount, policy: bool) -> dict[str, float]:
    return role_features(v, a.start, a.end, a.value, a.amount_max is not None, a.approx, a.attrs["role"],
                         a.attrs["rule"], policy)


def _classify_roles(v: str, amounts: list[Amount], L: MoneyLexicon, policy: bool) -> None:
    """Let the trained classifier overrule a weaker rule where it is sure (models/money_roles); an amount
    it decides names it in `rule`, and its scope follows its new role."""
    model = role_classifier()
    for a in amounts:
        if a.attrs["rule"] in model.trusted_rules:
            continue
        role, why = model.decide(_role_features(v, a, policy), a.attrs["role"], a.attrs["rule"])
        if role != a.attrs["role"]:
            a.attrs["role"], a.attrs["rule"] = role, why
            a.attrs["scope_span"] = money_scope(v, a.start, a.num_start, a.bound, L) if role in SCOPED else None


def _clean(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(round(x)) if abs(x - round(x)) < 1e-6 else round(x, 4)


def _amounts(v: str, L: MoneyLexicon) -> list[Amount]:
    """Every number with a currency, or with 万/亿 where the words around it speak of money."""
    found = []
    for m in L.amount.finditer(v):
        num, mag, cur = m.group("num"), m.group("mag") or "", "".join((m.group("cur") or "").split())
        sym = m.group("sym")
        chinese = not num[0].isdigit()
        if chinese and not any(c in num for c in "十百千万亿拾佰仟") and not mag:
            continue                                    # 二元结构, 一元化: words, not amounts
        end = max(m.end(g) for g in ("num", "inf", "mag", "inf2", "cur") if m.group(g))
        if cur:
            if cur.endswith("元") and v[end:end + 1] in L.not_yuan_before:
                continue                                # 元旦, 一元化
            if cur == "日元" and not mag and v[m.start() - 1:m.start()] == "月":
                continue                                # 3月1日元: a date, not yen
        elif not sym:
            big = "万" in mag or "亿" in mag or (chinese and ("万" in num or "亿" in num))
            if not big or L.measure_words.match(v, end) or not _money_context(v, m.start(), end, L):
                continue
        value = parse_number(num + mag)
        if value is None or value > L.max_amount:
            continue
        approx = bool(m.group("inf") or m.group("inf2"))
        start = m.start()
        p = L.approx_prefix.search(v, max(0, start - 8), start)
        if p and p.end() == start and not _bound_ends_at(v, p.start() + len(p.group().rstrip()), L):
            start, approx = p.start(), True
        code = L.currency_code.get(cur) if cur else L.currency_code.get(sym or "", "CNY")
        if code == "CNY" and cur in ("元", None):
            code = _currency_written_before(v, m.start(), L) or code   # 新台币100万元: TWD
        scale = _MAGNITUDE.get(mag) or (_MAGNITUDE.get(num[-1], 1.0) if chinese else 1.0)   # 三万元
        found.append(Amount(start, end, m.start(), value, code or "CNY", scale, approx))
    found += _worded_amounts(v, L, found)
    return sorted(found, key=lambda a: a.start)


def _worded_amounts(v: str, L: MoneyLexicon, found: list[Amount]) -> list[Amount]:
    """Amounts without an Arabic figure: 上亿元, 亿元以上 (one of the magnitude, approximate) and
    sums in 角/分 (一角七分 = 0.17 元)."""
    taken = SpanIndex.of((a.start, a.end) for a in found)
    out = []
    for m in L.amount_words.finditer(v):
        mag = m.group("mag") or m.group("mag2")
        if not taken.overlaps(m.start(), m.end()):
            out.append(Amount(m.start(), m.end(), m.start(), _MAGNITUDE.get(mag, 1.0) if mag != "万" else 1e4,
                              "CNY", _MAGNITUDE.get(mag, 1.0), True))
    sums = []
    for m in L.jiao_fen.finditer(v):
        yuan = parse_number(m.group("yuan")) if m.group("yuan") else 0.0
        jiao = parse_number(m.group("jiao") or m.group("jiao2"))
        fen_text = m.group("fen") or m.group("fen2")
        fen = parse_number(fen_text) if fen_text else 0.0
        if None in (yuan, jiao, fen):
            continue
        value = yuan + jiao / 10 + fen / 100
        sums.append(Amount(m.start(), m.end(), m.start(), round(value, 2), "CNY", 1.0))
    if sums:                            # a sum in 角/分 replaces the amounts it overlaps
        spans = SpanIndex.of((a.start, a.end) for a in sums)
        out = [a for a in out if not spans.overlaps(a.start, a.end)]
        found[:] = [a for a in found if not spans.overlaps(a.start, a.end)]
    return out + sums


def _currency_written_before(v: str, pos: int, L: MoneyLexicon) -> str | None:
    """The code of a foreign currency name written right before a number (新台币100万元, 港币50万元)."""
    for name, code in L.currency_code.items():
        # a unit name ending in 元 before a number is a per-unit base (每美元0.01元), not the amount's currency
        if code != "CNY" and len(name) >= 2 and not name.endswith("元") and v[pos - len(name):pos] == name:
            return code
    return None


def _bound_ends_at(v: str, pos: int, L: MoneyLexicon) -> bool:
    """True where a bound word ends at `pos` (不超过 holds 超过, which is then no approximation)."""
    return any(m.end() == pos for m in L.cap_bounds.finditer(v, max(0, pos - 12), pos))


def _money_context(v: str, start: int, end: int, L: MoneyLexicon) -> bool:
    """A bare 万/亿 is money where a money word stands just before it or a fund noun right after."""
    lo = max(clause_start(v, start), start - L.money_words_window)
    return bool(L.money_words.search(v, lo, start) or L.role_right.match(v, end))


_BOUND_WORD = re.compile(r"^(?:人民币)?(?:及|或)?(?:以上|以下|以内)?")     # 2000万元人民币(含2000万元): the currency written after


def _with_ranges_and_lists(v: str, found: list[Amount], L: MoneyLexicon) -> list[Amount]:
    """Merge ranges (3万元-5万元, 20—50万元) and add bare list members (1949.03、537.01 亿元)."""
    out: list[Amount] = []
    for a in found:
        prev = out[-1] if out else None
        if prev and L.bound_note_open.search(v, prev.end, a.start) \
                and _BOUND_WORD.sub("", v[prev.end:a.start].strip(), count=1).strip()[:1] in "（(":
            continue                        # 1亿元~5亿元(含5亿元), 10亿元以上(含10亿元): the note restates the edge (guide §2)
        j = L.range_joiner.search(v, max(0, a.num_start - 6), a.num_start) if a.start == a.num_start \
            else None
        if prev and prev.amount_max is None and prev.value < a.value and prev.currency == a.currency \
                and L.inequality_band.match(v[prev.end:a.start]):      # 1亿元≤投资总额<3亿元
            prev.amount_max, prev.end, prev.band = a.value, a.end, True
            continue
        if prev and _band(v, prev, a, L):           # 1000万元及以上至2000万元; 15万元以上的，50万元以下的
            high = L.band_high.match(v, _past_currency(v, a.end))
            prev.amount_max, prev.end, prev.band = a.value, high.end() if high else a.end, True
            continue
        if j:
            if prev and prev.amount_max is None and L.bound_note.sub("", v[prev.end:j.start()].strip()).strip() == "" \
                    and prev.value <= a.value:                  # 25亿元(含)-30亿元: the edge's note aside
                high = L.band_high.match(v, a.end)          # 5000万元至1亿元(不含)
                prev.amount_max, prev.end = a.value, high.end() if high else a.end
                prev.approx = prev.approx or a.approx
                continue
            low = L.bare_number.search(v, max(0, j.start() - 20), j.start())
            if low:
                value, own_magnitude = _bare_value(low)
                # 20—50万元 shares the magnitude; 从8500到3万元 does not (8500万 > 3万); 1万—5万元 writes its own
                scales = (1.0,) if own_magnitude else (a.scale, 1.0)
                scaled = next((value * k for k in scales if value is not None and value * k <= a.value), None)
                if scaled is not None:
                    high = L.band_high.match(v, a.end)
                    out.append(Amount(low.start(), high.end() if high else a.end, low.start(), scaled,
                                      a.currency, a.scale, a.approx, amount_max=a.value))
                    continue
        bare = []
        pos = a.start
        while True:
            k = _list_joiner_before(v, pos)
            if k is None:
                break
            low = L.bare_number.search(v, max(0, k - 20), k)
            if not low or (out and out[-1].end > low.start()):
                break
            value, own_magnitude = _bare_value(low)
            scale = 1.0 if own_magnitude else a.scale             # 5万、10万元: each writes its 万
            if value is None or value * scale > L.max_amount:
                break
            end = low.start() + len(low.group().rstrip())
            bare.append(Amount(low.start(), end, low.start(), value * scale, a.currency, a.scale, bool(low.group("inf"))))
            pos = low.start()
        out.extend(reversed(bare))
        out.append(a)
    return out


def _bare_value(low: re.Match) -> tuple[float | None, bool]:
    """A bare number's value with the magnitude it writes itself (5万), and whether it writes one."""
    mag = low.group("mag") or ""
    return parse_number(low.group("num") + mag), bool(mag)


def _band(v: str, low: Amount, high: Amount, L: MoneyLexicon) -> bool:
    """True where two amounts are the ends of one band: the low one closed by 以上, the high one
    after a short gap and (unless joined by 至/到) closed by 以下."""
    after = _past_currency(v, low.end)
    bound = L.band_low.match(v, after) or L.band_low.match(v, _past_note(v, after, L))   # 3亿元(含3亿元)以上
    above = v[low.start:low.num_start].strip() in L.band_low_prefixes      # 超过100万元但不超过300万元
    if not (bound or above) or low.amount_max is not None or low.value >= high.value \
            or high.currency != low.currency:
        return False
    gap = v[_past_note(v, bound.end(), L) if bound else low.end:high.start]     # 1万元以上(含1万元,下同)、
    if not L.band_gap.match(gap):
        return False
    if any(w in gap for w in L.band_high_prefixes):
        return True
    closing = L.band_high.match(v, _past_currency(v, high.end))
    if closing is None:
        return False
    inclusive = {"（含）", "(含)"}      # 1000万元(含)、2000万元(含)、…以上的: a list of thresholds, not a band
    return not (bound and bound.group().strip() in inclusive and closing.group().strip() in inclusive)


def _past_note(v: str, pos: int, L: MoneyLexicon) -> int:
    """The end of a bracketed note on a bound ((含3亿元), (含1万元,下同)) starting at `pos`, else `pos`."""
    note = L.bound_note.match(v[pos:pos + 24])
    return pos + note.end() if note else pos


def _past_currency(v: str, pos: int) -> int:
    """Past the currency written after an amount (100万元人民币以上), else `pos`."""
    return pos + 3 if v.startswith("人民币", pos) else pos


def _list_joiner_before(v: str, pos: int) -> int | None:
    """Index of a 、 that ends right before `pos` (white space allowed), else None."""
    i = pos - 1
    while i >= 0 and v[i].isspace():
        i -= 1
    return i if i >= 0 and v[i] == "、" else None


def _group(v: str, amounts: list[Amount], L: MoneyLexicon, policy: bool = False) -> list[Amount]:
    """Join amounts listed with 、/和/或 into groups sharing bound, approximation and role."""
    groups: list[list[Amount]] = []
    for a in amounts:
        if groups:
            prev = groups[-1][-1]
            j = L.list_joiner.fullmatch(v, prev.end, a.start) \
                or L.labelled_joiner.fullmatch(v, prev.end, a.start)
            if j and a.amount_max is None and prev.amount_max is None:
                groups[-1].append(a)
                continue
        groups.append([a])
    for members in groups:
        first, last = members[0], members[-1]
        bound = governing_bound(v, first.start, L)
        suffix = L.approx_suffix.match(v, last.end)
        shared_approx = first.approx and first.start < first.num_start
        role, why = money_role(v, first.start, last.end, bound is not None, first.amount_max is not None, L, policy,
                               band=first.band)
        for a in members:
            own = bound if a is first else governing_bound(v, a.start, L)
            a_role, a_why = ("cap", BOUND_IN_LIST) if own and a is not first and role != "threshold" else (role, why)
            if own:
                a.start = own[0]
            a.approx = not a.band and (a.approx or shared_approx or bool(suffix))
            a.bound = own or bound
            scope = money_scope(v, a.start, a.num_start, a.bound, L) if a_role in SCOPED else None
            a.attrs = {"role": a_role, "rate": None, "scope_span": scope, "rule": a_why}
        if suffix:
            last.end = suffix.end()
    _parts_of_budgets(v, groups, L)
    return [a for members in groups for a in members]


def _parts_of_budgets(v: str, groups: list[list[Amount]], L: MoneyLexicon) -> None:
    """'安排资金1.8亿元……其中，某项目总投资6500万元': a part (其中) of a budget with no support cue is a budget."""
    for before, members in zip(groups, groups[1:]):
        prev, first = before[-1], members[0]
        if prev.attrs["role"] != "budget" or first.start - prev.end > L.part_of_window:
            continue
        if not L.part_of.search(v, max(prev.end, sentence_start(v, first.start) - 1), first.start):
            continue
        for a in members:
            if a.attrs["role"] in ("statistic", "other"):
                a.attrs["role"], a.attrs["rule"] = "budget", PART_OF_BUDGET


def _rates(v: str, L: MoneyLexicon) -> list[Rate]:
    """Percentages that set support: rate, or rate_cap under a bound word (最高15%, 不超过20%)."""
    out = []
    for m in L.percent.finditer(v):
        if m.group("den"):                     # 三分之二: the part over the denominator
            value, scale = parse_number(m.group("part")) * 100 / parse_number(m.group("den")), 100
        else:
            scale = 1000 if (m.group("pm") or m.group("pmcn")) else 10000 if m.group("ptt") else 100
            value = parse_number(m.group("num") or m.group("cn") or m.group("pm") or m.group("pmcn") or m.group("ptt"))
        if value is None:
            continue
        role, why = rate_decision(v, m.start(), m.end(), L)
        if role is None:
            continue
        bound = governing_bound(v, m.start(), L)
        out.append(Rate(bound[0] if bound else m.start(), m.end(), value / scale, role, rule=why))
    return _joined_ranges(v, out, L)


def _joined_ranges(v: str, rates: list[Rate], L: MoneyLexicon) -> list[Rate]:
    """A rate range written with both ends (投资额的5%—20%, 地价款80%~100%) is one rate: the low end with
    value_max the high end (annotation guide §2)."""
    out: list[Rate] = []
    for r in rates:
        last = out[-1] if out else None
        if last is not None and last.value_max is None and r.value > last.value \
                and L.range_joiner.fullmatch(v, last.end, r.start):
            last.end, last.value_max = r.end, r.value
            continue
        out.append(r)
    return out


def _tie_rates(v: str, amounts: list[Amount], rates: list[Rate]) -> None:
    """Give a cap the support rate stated with it (给予30%、最高50万元; 最高100万元，且不超过30%)."""
    caps = [a for a in amounts if a.attrs["role"] == "cap"]
    ends = [m.start() for m in _SENTENCE_ENDS.finditer(v)]
    first_cap, rate_starts = FirstFrom.of(a.start for a in caps), sorted(r.start for r in rates)
    for r in rates:
        k = first_cap.index(r.end)
        after = caps[k] if k is not None else None
        if after and after.attrs["rate"] is None and not any_between(ends, r.end, after.start) \
                and not any_between(rate_starts, r.end, after.start):
            after.attrs["rate"] = round(r.value, 6)
            r.used = True
    first_rate, amount_starts = FirstFrom.of(r.start for r in rates), sorted(o.start for o in amounts)
    for a in caps:
        k = first_rate.index(a.end)
        later = rates[k] if k is not None else None
        if a.attrs["rate"] is None and later and not later.used and not any_between(ends, a.end, later.start) \
                and not any_between(amount_starts, a.end, later.start):
            a.attrs["rate"] = round(later.value, 6)
            later.used = True
