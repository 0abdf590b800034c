"""What an amount or rate is for: bound words, role cues, goal sentences, scope; read off the view text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..rules import decide
from ..structure.sections import match_heading
from .money_lexicon import PUNCT, MoneyLexicon

_CLAUSE_END = re.compile(rf"[{PUNCT}]")
_CLAUSE_END_BRACKETS = re.compile(rf"[{PUNCT}（）()]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_WHITE = re.compile(r"\s+")
_TOPIC = re.compile(r"对于|对")
_CLOSED_CONDITION = re.compile(r"(?:人民币)?(?:及以上|以上)?的[，,]")   # …2000万元人民币的，给予…
_PER_UNIT = re.compile(rf"^[/／][^\d{PUNCT}、]{{1,3}}?(?=的|[{PUNCT}、（(]|$|给予|予以)")
SENTENCE_WINDOW = 300
PROJECT_LINE_WINDOW = 120  # a listed project's line is read this far back (a text without line breaks stays linear)


def clause_start(v: str, pos: int, brackets: bool = False, limit: int = 60) -> int:
    """Index just after the last clause punctuation before `pos` (at most `limit` characters back)."""
    lo = max(0, pos - limit)
    pattern = _CLAUSE_END_BRACKETS if brackets else _CLAUSE_END
    last = None
    for last in pattern.finditer(v, lo, pos):
        pass
    return _item_line_start(v, last.end() if last else lo, pos)


def _item_line_start(v: str, lo: int, pos: int) -> int:
    """Start of the last line in v[lo:pos] that opens a numbered item ((一)对…, 第三条), else lo: an item
    starts a sentence even where the line before it ends without punctuation (a heading); other line
    breaks may be wrapped lines of one sentence."""
    nl = v.rfind("\n", lo, pos)
    while nl >= 0:
        stop = v.find("\n", nl + 1, pos)
        if match_heading(v[nl + 1:pos if stop < 0 else stop].strip()):
            return nl + 1
        nl = v.rfind("\n", lo, nl)
    return lo


def sentence_start(v: str, pos: int) -> int:
    """Index just after the last sentence end (。！？) or at the start of a numbered item's line before
    `pos`, within SENTENCE_WINDOW characters."""
    lo = max(0, pos - SENTENCE_WINDOW)
    last = None
    for last in _SENTENCE_END.finditer(v, lo, pos):
        pass
    return _item_line_start(v, last.end() if last else lo, pos)


def governing_bound(v: str, pos: int, L: MoneyLexicon) -> tuple[int, int] | None:
    """(start, end) of the bound words (最高, 不超过 ...) that govern the number at `pos`, if any."""
    lo = max(0, pos - L.cap_gap - 20)
    best = None
    for m in L.cap_bounds.finditer(v, lo, pos):
        gap = "".join(v[m.end():pos].split())
        if len(gap) <= L.cap_gap and not any(c.isdigit() or c in PUNCT or c in "、（）()%" for c in gap):
            best = m if best is None or m.end() > best.end() else best
    if best is None:
        return None
    start = best.start()
    while True:                     # 最高不超过, 上限不超过: take the whole chain of bound words
        prev = [m for m in L.cap_bounds.finditer(v, max(0, start - 12), start)
                if "".join(v[m.end():start].split()) == ""]
        if not prev:
            break
        start = prev[0].start()
    return start, best.end()


def nearest_cue(window: str, pattern: re.Pattern, table: dict):
    """The value in `table` of the cue nearest the end of `window` (white space ignored; longer wins ties)."""
    hit = _nearest_cue_word(_WHITE.sub("", window), pattern, table)
    return table[hit[1]] if hit else None


def _nearest_cue_word(text: str, pattern: re.Pattern, table: dict) -> tuple[int, str] | None:
    """(start, word) of the cue of `table` ending nearest the end of `text` (longer wins ties)."""
    best = None
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if not m:
            break
        for w in _cues_at(text, m.start(), table):
            end = m.start() + len(w)
            if best is None or end > best[0] or (end == best[0] and len(w) > best[1]):
                best = (end, len(w), m.start(), w)
        pos = m.start() + 1
    return (best[2], best[3]) if best else None


TOTAL = "total"     # a total word (共计) alone in its clause: its sentence decides


def clause_cue_role(window: str, L: MoneyLexicon) -> str | None:
    """Role of the nearest left cue; a fund noun (补助资金) takes the role of the cue before it (安排 → budget)."""
    text = _WHITE.sub("", window)
    hit = _nearest_cue_word(text, L.role_left_re, L.role_left)
    if hit is None:
        return None
    start, word = hit
    if word in L.fund_nouns:
        before = _nearest_cue_word(text[:start], L.role_left_re, L.role_left)
        if before and L.role_left[before[1]] == "budget":
            return "budget"
    if word in L.total_words:               # 安排上级专项资金共计454万元: the total of a budget
        before = clause_cue_role(text[:start], L)
        return before if before is not None else TOTAL
    return L.role_left[word]


def _cues_in(window: str, L: MoneyLexicon) -> list[tuple[str, str]]:
    """(word, role) of every left cue in `window` (white space ignored)."""
    text = _WHITE.sub("", window)
    return [(w, L.role_left[w]) for m in L.role_left_re.finditer(text) for w in _cues_at(text, m.start(), L.role_left)]


def _cues_at(text: str, i: int, table: dict):
    """Every cue of `table` that starts at text[i]."""
    return [w for w in table if text.startswith(w, i)]


@dataclass
class RoleContext:
    """An amount group spanning view[start:end] and what the role tests read around it."""
    v: str
    start: int
    end: int
    bounded: bool
    is_range: bool
    L: MoneyLexicon
    policy: bool = False
    band: bool = False              # written with two bounds (1亿元(含)以上、5亿元(不含)以下)

    @cached_property
    def right(self) -> str:
        """The words after the amount, white space and a per-unit tail (/亩) removed."""
        right = _PER_UNIT.sub("", _WHITE.sub("", self.v[self.end:self.end + 48]))
        return self.L.bound_note.sub("", right)[:32]    # …1000万元(不含1000万元)的项目: the note aside

    @cached_property
    def eligible(self) -> bool:
        return bool(self.L.eligibility.match(self.right))

    @cached_property
    def clause(self) -> int:
        return clause_start(self.v, self.start)

    @cached_property
    def sentence(self) -> int:
        return sentence_start(self.v, self.start)

    @cached_property
    def sentence_end(self) -> int:
        """Where the amount's sentence ends (bounded: a text without 。 stays linear)."""
        stop = _SENTENCE_END.search(self.v, self.end, self.end + SENTENCE_WINDOW)
        return stop.start() if stop else self.end + SENTENCE_WINDOW

    @cached_property
    def per_unit_lead(self):
        return self.L.per_unit_lead.search(self.v, self.clause, self.start)

    @cached_property
    def above(self) -> bool:
        """The amount is a floor written 以上 (投资500万元以上)."""
        m = self.L.approx_suffix.match(self.right)
        return bool(m) and "以上" in m.group()

    def _resolved(self, role: str | None, figure: bool) -> str | None:
        """An investment figure (投资) is money invested, a budget, unless it is asked of someone: read
        like a statistic word by the condition and goal tests (`figure`), a threshold as a floor (以上)."""
        if role != "investment":
            return role
        if figure:
            return "statistic"
        return "threshold" if self.above else "budget"

    def clause_cue(self, end: int | None = None, figure: bool = False) -> str | None:
        role = clause_cue_role(self.v[self.clause:self.start if end is None else end], self.L)
        if role == TOTAL:                   # 产业类项目5个,共计4197万元: a budget's total where the sentence allocates
            budget = any(r == "budget" for _, r in _cues_in(self.v[self.sentence:self.clause], self.L))
            role = "budget" if budget else "statistic"
        return self._resolved(role, figure)

    def sentence_cue(self, figure: bool = False) -> str | None:
        return self._resolved(nearest_cue(self.v[self.sentence:self.start], self.L.role_left_re, self.L.role_left),
                              figure)


def _condition_clause(c: RoleContext) -> bool:
    """对…（amount）…的企业, 给予…: the amount is inside the condition a beneficiary must meet."""
    v, L = c.v, c.L
    topic = L.condition_topic.search(v, c.sentence, c.start)
    if not topic or L.support_verbs_any.search(v, topic.end(), c.start):
        return False
    tail = L.condition_tail.match(v, c.end)
    return bool(tail) and not L.support_verbs_any.search(tail.group("gap"))


def _floor_condition(c: RoleContext) -> bool:
    """不低于3000万元 with no support, budget or per-unit cue in its clause: a requirement on the applicant."""
    floor = c.L.floor.search(_WHITE.sub("", c.v[max(c.clause, c.start - 4):c.start])) or c.L.floor.match(c.v, c.start)
    restated = c.L.floor_restated.match(c.v, c.clause, c.start)     # 每人每年不低于6804元,即每人每月不低于567元
    return bool(floor) and not restated and not c.L.floor_support.search(c.v, c.clause, c.start) and not c.per_unit_lead \
        and c.clause_cue(figure=True) in (None, "threshold", "statistic")


def _policy_figure(c: RoleContext) -> str | None:
    """In a text that prescribes, a figure word (产值, 投资, 实现) before the amount marks a goal where the
    sentence plans (每年, 全年, 带动, 力争) and a condition where support follows in the sentence or a
    对… clause holds it; otherwise it stays a reported figure (a preamble's 去年实现产值…)."""
    if not c.policy:
        return None
    cue = c.clause_cue(figure=True) or c.sentence_cue(figure=True)
    if cue != "statistic":
        return None
    support_later = c.L.support_verbs_any.search(c.v, c.end, c.sentence_end)
    topic = c.L.condition_topic.search(c.v, c.sentence, c.start)
    if support_later and (topic or _CLOSED_CONDITION.match(c.right)):
        return "threshold"                  # 对当年…产值2000万元及以上的，一次性奖励: a condition, though 当年 plans
    if c.L.plan_words.search(c.v, c.sentence, c.end):
        return "target"
    if support_later or topic:
        return "threshold"                  # a condition the support depends on
    return None


def _goal_paragraph(c: RoleContext) -> bool:
    """到2026年，…。…实现产业规模超过1000亿元: the amount's paragraph opens with a goal and no support word
    stands before it in its sentence."""
    line = c.v.rfind("\n", max(0, c.start - SENTENCE_WINDOW), c.start) + 1
    if line == 0 and c.start > SENTENCE_WINDOW:
        return False                        # no line start within reach
    opening = _WHITE.sub("", c.v[line:min(c.sentence, line + 16)])
    return bool(opening) and bool(c.L.goal.match(opening) or c.L.goal.search(opening[:12])) \
        and not c.L.support_verbs_any.search(c.v, c.sentence, c.start)


def _per_increment(c: RoleContext) -> bool:
    """每增加投资2000万元，给予奖励1万元: the amount is the step of a sliding schedule, with no support
    word between the step word and the amount."""
    step = None
    for step in c.L.per_increment.finditer(c.v, c.clause, c.start):
        pass
    return bool(step) and not c.L.support_verbs_any.search(c.v, step.end(), c.start)


def _project_line(c: RoleContext) -> bool:
    """1.大同区冷棚育苗基地建设项目850万元: a listed project's sum, with no support word on its line."""
    line = c.v.rfind("\n", max(0, c.start - PROJECT_LINE_WINDOW), c.start) + 1 or max(0, c.start - PROJECT_LINE_WINDOW)
    support = [m for m in c.L.support_verbs_any.finditer(c.v, line, c.start)
               if not c.v.startswith("项目", m.end())]          # 贴息项目, 补贴项目: part of the project's name
    return bool(c.L.project_line.search(c.v, line, c.start)) and not c.per_unit_lead and not support


def _price_limit(c: RoleContext) -> bool:
    """最高限价分别为:彩电3500元,冰箱2500元: a ceiling on a product's price earlier in the sentence, no
    support word between, makes the amount a condition of the programme."""
    limit = None
    for limit in c.L.price_limit.finditer(c.v, c.sentence, c.start):
        pass
    return bool(limit) and not c.L.support_verbs_any.search(c.v, limit.end(), c.start) \
        and not c.L.price_compared.search(c.v, limit.end(), c.start)


def _bounded_investment(c: RoleContext) -> bool:
    """总投资必须控制在6亿元以内: a bound on what a project may cost, in a sentence that gives no support
    (按不超过投资额40%、最高不超过100万元的标准给予奖励 bounds an award)."""
    return bool(c.bounded or c.L.cap_suffix.match(c.right)) \
        and clause_cue_role(c.v[c.clause:c.start], c.L) == "investment" \
        and not c.L.support_verbs_any.search(c.v, c.sentence, c.sentence_end)


TOTAL_BOUND_GAP = 6          # characters between a programme's total (投放总额) and the bound on it (每年不超过)


def _bounded_total(c: RoleContext) -> bool:
    """每年投放总额不超过2000万元: a bound right after a budget's total noun (…总额, 总规模) bounds what the
    programme spends in all, not what one beneficiary gets."""
    if not (c.bounded or c.L.cap_suffix.match(c.right)):
        return False
    text = _WHITE.sub("", c.v[c.clause:c.start])
    hit = _nearest_cue_word(text, c.L.role_left_re, c.L.role_left)
    return hit is not None and c.L.role_left[hit[1]] == "budget" and hit[1].endswith(("总额", "总规模")) \
        and len(text) - hit[0] - len(hit[1]) <= TOTAL_BOUND_GAP


ROLE_TESTS = {
    "project_line": _project_line,
    "per_increment": _per_increment,
    "per_unit_base": lambda c: c.L.per_unit_base.search(c.v, max(0, c.start - 2), c.start),
    "fine_or_charge": lambda c: (m := c.L.role_right.match(c.right)) and m.lastgroup == "other",
    "superseded": lambda c: c.L.superseded.match(c.right),
    "price_limit": _price_limit,
    "bounded_investment": _bounded_investment,
    "bounded_total": _bounded_total,
    "floor_condition": _floor_condition,
    "heading_support": lambda c: c.L.heading_support.match(c.v, c.v.rfind("\n", 0, c.start) + 1),
    "band_condition": lambda c: c.band and not c.L.floor_support.search(c.v, c.clause, c.start),
    "bound_condition": lambda c: (c.bounded or c.L.cap_suffix.match(c.right)) and c.eligible
    and not c.L.loan_ceiling.match(c.right),
    "bound": lambda c: c.bounded or c.L.cap_suffix.match(c.right),
    "condition_before_award": lambda c: c.L.condition_before_award.match(c.v, c.end),
    "goal_sentence": lambda c: c.L.goal.search(_WHITE.sub("", c.v[c.sentence:c.start])),
    "goal_paragraph": _goal_paragraph,
    "eligibility": lambda c: c.eligible or c.L.threshold_before.search(c.v, c.clause, c.start),
    "condition_clause": _condition_clause,
    "report_clause": lambda c: c.L.report.search(_WHITE.sub("", c.v[c.clause:c.start])),
    "policy_figure": _policy_figure,
    "reached_range": lambda c: c.is_range and c.L.reached_range.search(c.v, max(c.clause, c.start - 4), c.start),
    "range": lambda c: c.is_range and (c.clause_cue() == "grant"
                                       or bool(c.L.support_verbs_any.search(c.v, c.clause, c.start))),
    "per_unit_noun_after": lambda c: c.per_unit_lead and (m := c.L.role_right.match(c.right)) and m.lastgroup,
    "per_unit_paid_out": lambda c: c.per_unit_lead and c.L.paid_out_grant.match(c.right),
    "clause_cue": lambda c: c.clause_cue(c.per_unit_lead.start() if c.per_unit_lead else None),
    "noun_after": lambda c: (m := c.L.role_right.match(c.right)) and m.lastgroup,
    "paid_out": lambda c: c.L.paid_out_grant.match(c.right),
    "sentence_cue": lambda c: c.sentence_cue(),
    "above_suffix": lambda c: c.above,
    "default": lambda c: True,
}


def money_role(v: str, start: int, end: int, bounded: bool, is_range: bool, L: MoneyLexicon,
               policy: bool = False, band: bool = False) -> tuple[str, str]:
    """(role, rule id) of an amount group spanning view[start:end]: models/rules/money_roles.json."""
    return decide("money_roles", ROLE_TESTS, RoleContext(v, start, end, bounded, is_range, L, policy, band))


def money_scope(v: str, start: int, num_start: int, bound: tuple[int, int] | None,
                L: MoneyLexicon) -> tuple[int, int] | None:
    """View span of the per-what or beneficiary phrase of a cap or grant (每个案件, 单个项目, 重点企业)."""
    cs = clause_start(v, start, brackets=True)
    found = None
    for found in L.per_scope.finditer(v, cs, start):
        pass
    if found:
        return _trim(v, found.start(), found.end())
    if bound:
        verbs = L.support_verbs.match(v, bound[1], num_start)
        gap = _trim(v, verbs.end() if verbs else bound[1], num_start)
        if gap and L.beneficiary.search(v, gap[0], gap[1]):
            return gap
        topic = _TOPIC.match(v, cs, bound[0])
        before = _trim(v, topic.end() if topic else cs, bound[0])
        if before and before[1] - before[0] <= 12 and L.beneficiary.search(v, before[0], before[1]):
            return before
    plain = clause_start(v, start)
    lead = v[plain:start].strip()
    if lead and not bound and not L.support_verbs.match(lead):
        return None
    if plain > 0:
        prev_start = clause_start(v, plain - 1)
        topic = _TOPIC.match(v, prev_start, plain - 1)
        if topic and L.beneficiary.search(v, prev_start, plain - 1):
            return _trim(v, topic.end(), plain - 1)
    return None


def _trim(v: str, s: int, e: int) -> tuple[int, int] | None:
    """The span [s, e) without white space at either end, or None when nothing is left."""
    while s < e and v[s].isspace():
        s += 1
    while e > s and v[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


@dataclass
class RateContext:
    """A percentage at view[start:end] and the clause before it."""
    v: str
    start: int
    end: int
    L: MoneyLexicon

    @cached_property
    def before(self) -> str:
        return self.v[clause_start(self.v, self.start):self.start]

    @cached_property
    def bounded(self) -> bool:
        return governing_bound(self.v, self.start, self.L) is not None


def _rate_cue(c: RateContext) -> str | None:
    cue = nearest_cue(c.before, c.L.rate_left_re, c.L.rate_left)
    return None if cue is None else ("rate" if cue else "none")


def _raised_from(c: RateContext) -> bool:
    """返还标准由实际缴费的50%提高至…的100%: the new value of a share whose old value had a support cue."""
    m = c.L.raised_from.search(c.before)
    return bool(m) and _rate_cue(RateContext(c.v, clause_start(c.v, c.start) + m.start(), c.start, c.L)) == "rate"


RATE_TESTS = {
    "instalment_share": lambda c: c.L.instalment_share.search(_WHITE.sub("", c.before)),
    "relief": lambda c: c.L.relief_before.search(c.v, max(0, c.start - 4), c.start),
    "support_after": lambda c: c.L.rate_right.match(c.v, c.end),
    "paid_through": lambda c: c.L.paid_through.match(c.v, c.end),
    "support_cell": lambda c: c.L.support_cell_left.search(c.v, max(0, c.start - 8), c.start)
    and c.L.cell_end.match(c.v, c.end),
    "given_share": lambda c: c.L.given_share_right.match(c.v, c.end) and c.L.given_share_left.search(c.before),
    "award_computed": lambda c: c.L.award_computed_right.match(c.v, c.end) and c.L.award_computed_left.search(c.before),
    "not_support_after": lambda c: c.L.rate_not_right.match(c.v, c.end),
    "superseded": lambda c: c.L.raised_to.match(c.v, c.end),
    "raised_from": _raised_from,
    "ratio_change": lambda c: c.L.ratio_change.search(_WHITE.sub("", c.before)),
    "listed_ratio": lambda c: c.L.listed_ratio_item.fullmatch(_WHITE.sub("", c.before))
    and c.L.listed_ratio_head.search(c.v, sentence_start(c.v, c.start), c.start),
    "top_up": lambda c: c.L.top_up_raise.search(_WHITE.sub("", c.before))
    and c.L.top_up_base.search(_WHITE.sub("", c.v[sentence_start(c.v, c.start):c.start])),
    "cue": _rate_cue,
    "bounded_share": lambda c: c.bounded,
    "default": lambda c: True,
}


def rate_decision(v: str, start: int, end: int, L: MoneyLexicon) -> tuple[str | None, str]:
    """(role rate / rate_cap, or None where the percentage sets no support; rule id):
    models/rules/rate_roles.json."""
    c = RateContext(v, start, end, L)
    result, why = decide("rate_roles", RATE_TESTS, c)
    if result == "none":
        return None, why
    return ("rate_cap" if c.bounded else "rate"), why
