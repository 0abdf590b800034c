"""The money tagger's word lists from models/lexicons, loaded once and compiled into regexes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from ..settings import MODELS
from ..numerals import units

LEXICONS = MODELS / "lexicons"


def _load(name: str) -> dict:
    return json.loads((LEXICONS / name).read_text(encoding="utf-8"))


def _words(entries: list) -> list[str]:
    """The words of a lexicon list (entries are {"word", "example"} or plain strings), longest first."""
    out = [e["word"] if isinstance(e, dict) else e for e in entries]
    return sorted(set(out), key=len, reverse=True)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alt_spaced(words: list[str]) -> str:
    """Like _alt, but a line break or space may fall inside a word (PDF text: 最\n\n高, 美 元)."""
    return "|".join(r"\s{0,3}".join(map(re.escape, w)) for w in sorted(words, key=len, reverse=True))


def _paid_out(entry: dict | None) -> re.Pattern:
    """Amount, then a paying-out verb (发放), then a support noun within the window: the amount is a grant."""
    if not entry:
        return re.compile(r"(?!)")
    gap = rf"[^\d{PUNCT}、]"
    return re.compile(rf"\s*的?(?:标准)?(?:{_alt(entry['verbs'])}){gap}{{0,{entry['window']}}}?"
                      rf"(?:{_alt(entry['nouns'])})")


@dataclass(frozen=True)
class MoneyLexicon:
    """Compiled patterns and word tables the money and rate taggers read."""
    amount: re.Pattern          # one amount: number, 多/余, magnitude, currency
    bare_number: re.Pattern     # a number ending right before a list or range joiner
    percent: re.Pattern         # 30%, 百分之三十; per mille 1.2‰, 千分之五; 万分之五; a fraction 三分之二
    currency_code: dict         # unit or symbol (元, 美元, ¥, US$) -> ISO code
    max_amount: float           # a larger figure is no sum of money (units.json, limits)
    not_yuan_before: frozenset
    measure_words: re.Pattern   # quantities that are not money after 万/亿
    money_words: re.Pattern
    money_words_window: int
    cap_bounds: re.Pattern
    cap_gap: int
    cap_suffix: re.Pattern
    approx_prefix: re.Pattern   # anchored at the end of the left context
    approx_suffix: re.Pattern   # anchored at the start of the right context
    range_joiner: re.Pattern    # joiner then (optionally) white space, at the end of the left context
    band_low: re.Pattern        # 及以上 closing the low end of a band
    band_high: re.Pattern       # 以下 closing the high end of a band
    band_gap: re.Pattern        # what may stand between the two ends of a band
    band_low_prefixes: frozenset  # 超过 before the low end of a band
    band_high_prefixes: tuple     # 至, 不超过, 不足 in the gap: the high end needs no 以下
    inequality_band: re.Pattern  # what stands between the ends of 1亿元≤投资总额<3亿元
    amount_words: re.Pattern    # 上亿元, 亿元以上: an amount without digits
    jiao_fen: re.Pattern        # 一角七分, 3元5角
    list_joiner: re.Pattern
    labelled_joiner: re.Pattern  # 、中级工 between two amounts of one enumeration
    goal: re.Pattern
    report: re.Pattern          # a reported disbursement in the clause before the amount (statistic)
    threshold_before: re.Pattern  # anchored at the end of the left context: 满100元
    per_increment: re.Pattern   # 每增加 … opening the step of a sliding schedule (每增加投资2000万元)
    reached_range: re.Pattern   # anchored at the end of the left context: 达 before a band (达10亿元—20亿元)
    project_line: re.Pattern    # anchored at the end of a line's text before the amount: …建设项目850万元
    per_unit_base: re.Pattern   # anchored at the end of the left context: 每1美元 (the base of a per-unit award)
    loan_ceiling: re.Pattern    # anchored at the start of the right context: 最高10万元的创业担保贷款
    eligibility: re.Pattern     # anchored at the start of the right context
    bound_note: re.Pattern      # anchored: (不含1000万元) after an amount
    bound_note_open: re.Pattern  # the note's opening before its amount: (不含
    heading_support: re.Pattern  # a heading (label + title up to 。) naming a support noun
    floor: re.Pattern           # 不低于 right before or at the start of an amount
    floor_support: re.Pattern   # a support word that makes a floor a minimum award
    floor_restated: re.Pattern  # a clause restating the amount before it (即每人每月…): its floor is no requirement
    role_left: dict             # cue word -> role
    role_left_re: re.Pattern
    role_right: re.Pattern      # anchored; group name = role
    paid_out_grant: re.Pattern  # anchored: 100元发放养老服务消费补贴 (a paying-out verb, then a support noun)
    part_of: re.Pattern         # 其中 at the start of a clause: the amount is a part of the one before
    part_of_window: int
    fund_nouns: frozenset       # 补助资金: the cue before it in the clause decides (安排 budget, 给予 grant)
    total_words: frozenset      # 共计, 合计: the cue before them in the clause decides (安排…共计 budget)
    per_unit_lead: re.Pattern   # anchored at the end of the left context: 按新增建筑面积每平方米
    per_scope: re.Pattern
    beneficiary: re.Pattern
    support_verbs: re.Pattern
    relief_before: re.Pattern        # 减按 right before a percentage
    support_verbs_any: re.Pattern    # any support verb, anywhere (给予, 奖励 …)
    condition_topic: re.Pattern      # 对/凡 opening a condition clause
    condition_tail: re.Pattern       # … 的 + beneficiary noun closing it
    condition_before_award: re.Pattern  # an amount followed at once by its award
    plan_words: re.Pattern           # words of a planned goal (每年, 全年, 带动, 计划)   # leading support words stripped from a scope phrase
    price_limit: re.Pattern          # a ceiling on a product's price (最高限价, 售价): what follows is a condition
    price_compared: re.Pattern       # a comparison after the price word (低约…): a difference, no ceiling
    rate_left: dict             # cue -> True (support) / False (not a support rate)
    rate_left_re: re.Pattern
    rate_right: re.Pattern
    rate_not_right: re.Pattern  # 按50%收取: a charge, not support
    given_share_left: re.Pattern   # 给予 in the clause before a percentage followed by 配套
    given_share_right: re.Pattern  # 30%配套: matching funds given, where 给予 gives them
    instalment_share: re.Pattern      # 补助总额30%、: a share of the support paid in instalments
    award_computed_left: re.Pattern   # 奖励金额按照: the clause before a percentage reckoning an award's sum
    award_computed_right: re.Pattern  # 15%计算: the sum reckoned as that share
    paid_through: re.Pattern    # …的50%通过财政支出奖励给: the payer, then the verb, after a share (anchored)
    raised_to: re.Pattern       # 提高至 right after a share (anchored at its end): the old value of a change
    raised_from: re.Pattern     # 由…50%提高至…的 before a share (anchored at the end): the new value of a change
    ratio_change: re.Pattern    # 补助比例提高至: a support ratio raised or cut (anchored at the end)
    listed_ratio_head: re.Pattern   # 补助比例为: opening a list of places with their shares
    listed_ratio_item: re.Pattern   # 石嘴山市、吴忠市: a clause of places alone before a share
    support_cell_left: re.Pattern   # | 补: a table cell opening with a support verb (anchored at the end)
    cell_end: re.Pattern            # the cell's end right after the percentage
    top_up_base: re.Pattern     # 在给予…补助的基础上: a sentence resting on support already given
    top_up_raise: re.Pattern    # 增加, 再增加 right before a percentage (anchored at the end)
    superseded: re.Pattern      # anchored at the start of the right context: 提高到 (then the new amount)


# A digit run may be wrapped once by a single line break (50\n0万元); a blank line ends it. Thousands
# groups are bounded: 100,200,300,… (100,000 numbers) is tried from every comma, once each.
_DIGITS = r"\d+(?:[ \t]*\n[ \t]*\d+)?"
_ARABIC = rf"(?<![\d.A-Za-z])(?:\d{{1,3}}(?:,\d{{3}}){{1,7}}|{_DIGITS})(?:\.{_DIGITS})?"
# Chinese numerals, the financial forms too (伍万元, 壹仟贰佰元: amounts written on vouchers and contracts).
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟"
_CHINESE = rf"(?<![{_CN_DIGITS}])[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][{_CN_DIGITS}]*"
_SPACE = r"\s{0,4}"
PUNCT = "，,；;。！？!?：:"


@cache
def lexicon() -> MoneyLexicon:
    """The money lexicon, read from models/lexicons once per process."""
    u, bounds, ctx, roles, rates = (units(), _load("money_bounds.json"), _load("money_context.json"),
                                    _load("money_roles.json"), _load("money_rates.json"))
    codes = {c["unit"]: c["code"] for c in u["currencies"]}
    infix = _alt(_words(bounds["approx_infixes"]))
    symbols = {c["symbol"]: c["code"] for c in u["currency_symbols"]}
    codes.update(symbols)
    amount = re.compile(
        rf"(?:(?P<sym>{_alt(list(symbols))})\s?)?(?P<num>{_ARABIC}|{_CHINESE}){_SPACE}(?P<inf>{infix})?{_SPACE}"
        rf"(?:个(?=亿))?(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|千)?{_SPACE}(?P<inf2>{infix})?{_SPACE}"
        rf"(?:[（(]含[）)]{_SPACE}(?={_alt_spaced(list(codes))}))?"       # 3000万(含)美元: the edge's note first
        rf"(?P<cur>{_alt_spaced(list(codes))})?")
    joiners = _alt(_words(bounds["range_joiners"]))
    role_left = {}
    for role, entries in roles["left"].items():
        for w in _words(entries):
            role_left[w] = role
    role_right = "|".join(
        rf"(?P<{role}>{_alt(_words(entries))})" for role, entries in roles["right"].items())
    rate_left = {w: True for w in _words(rates["support_left"])}
    rate_left.update({w: False for w in _words(rates["not_support_left"])})
    elig = _alt(_words(ctx["eligibility_nouns"]))
    not_head = _alt(_words(ctx.get("eligibility_not_head", [])))
    if not_head:
        elig = rf"(?:{elig})(?!{not_head})"
    wn = ctx["eligibility_window"]
    no_break = rf"[^\d{PUNCT}、（）()]"
    return MoneyLexicon(
        amount=amount,
        bare_number=re.compile(rf"(?P<num>{_ARABIC}|{_CHINESE}){_SPACE}(?P<inf>{infix})?{_SPACE}"
                               rf"(?P<mag>万亿|千亿|百亿|千万|百万|亿|万|千)?{_SPACE}$"),     # 1万—5万元: 万 on both
        band_low=re.compile(rf"\s*(?:{_alt_spaced(bounds['band_bounds']['low'])})"),
        band_high=re.compile(rf"\s*(?:{_alt_spaced(bounds['band_bounds']['high'])})"),
        band_gap=re.compile(bounds["band_bounds"]["gap"]),
        band_low_prefixes=frozenset(bounds["band_bounds"]["low_prefixes"]),
        band_high_prefixes=tuple(bounds["band_bounds"]["high_prefixes"]),
        inequality_band=re.compile(bounds["inequality_band"]["gap"]),
        amount_words=re.compile(bounds["amount_words"]["pattern"]),
        jiao_fen=re.compile(bounds["jiao_fen"]["pattern"]),
        percent=re.compile(rf"(?P<num>{_ARABIC}){_SPACE}%|百分之(?P<cn>{_CHINESE}|{_ARABIC})"
                           rf"|(?P<pm>{_ARABIC}){_SPACE}‰|千分之(?P<pmcn>{_CHINESE}|{_ARABIC})"     # 1.2‰, 千分之五
                           rf"|[万萬]分之(?P<ptt>{_CHINESE}|{_ARABIC})"                            # 万分之五
                           r"|(?P<den>[二三四五六七八九十])分之(?P<part>[一二三四五六七八九])"),      # 三分之二
        currency_code=codes,
        max_amount=u["limits"]["max_amount"],
        not_yuan_before=frozenset(u["not_yuan_before"]),
        measure_words=re.compile(rf"\s*(?:{_alt(u['measure_words'])})"),
        money_words=re.compile(_alt(_words(ctx["money_words"]))),
        money_words_window=ctx["money_words_window"],
        cap_bounds=re.compile(_alt_spaced(_words(bounds["cap_bounds"]))),
        cap_gap=bounds["cap_gap"],
        cap_suffix=re.compile(rf"\s*(?:{_alt_spaced(_words(bounds['cap_suffixes']))})"),
        approx_prefix=re.compile(rf"(?:{_alt_spaced(_words(bounds['approx_prefixes']))})\s*$"),
        approx_suffix=re.compile(rf"\s*(?:{_alt_spaced(_words(bounds['approx_suffixes']))})"),
        range_joiner=re.compile(rf"\s*(?:{joiners})\s*$"),
        labelled_joiner=re.compile(bounds["labelled_list_joiner"]["regex"] if "labelled_list_joiner" in bounds
                                   else r"(?!)"),
        list_joiner=re.compile(rf"\s*(?:[（(]含[）)])?\s*(?:{_alt(_words(bounds['list_joiners']))})\s*"),   # 3000万元(含)、
        goal=re.compile("|".join(f"(?:{g['pattern']})" for g in ctx["goal_cues"])),
        report=re.compile("|".join(f"(?:{g['pattern']})" for g in ctx.get("report_cues", [])) or r"(?!)"),
        threshold_before=re.compile(rf"(?:{_alt(_words(ctx.get('immediate_threshold', [])))})\s*$"
                                    if ctx.get("immediate_threshold") else r"(?!)"),
        per_increment=re.compile(ctx["per_increment"]["pattern"]),
        superseded=re.compile(rf"\s*(?:/(?:人·?)?[月年人])*(?:\s*[、和]\s*\d[\d.]*\s*(?:万|亿)?元(?:/(?:人·?)?[月年人])*)*"
                              rf"\s*[，,]?\s*(?:统一|分别)?(?:{_alt(ctx['superseded_by']['words'])})\s*"
                              rf"(?:每人每月|每人每年|每户每月|每户每年|每月|每年|每人|每户)?\s*[\d一二三四五六七八九十]"),
        reached_range=re.compile(rf"(?:{_alt(ctx['reached_range']['words'])})\s*$"),
        project_line=re.compile(ctx["project_line"]["pattern"]),
        per_unit_base=re.compile(rf"(?:{_alt(_words(ctx['per_unit_base_before']['words']))})\s*$"
                                 if ctx.get("per_unit_base_before") else r"(?!)"),
        loan_ceiling=re.compile(rf"\s*的?\s*(?:{_alt(_words(ctx['loan_nouns']['words']))})"
                                if ctx.get("loan_nouns") else r"(?!)"),
        bound_note=re.compile(rf"^[（(](?:{_alt(_words(bounds['bound_notes']['words']))})[^（）()]{{0,16}}[）)]"
                              if bounds.get("bound_notes") else r"(?!)"),
        floor=re.compile(rf"(?<!不)(?:{_alt(_words(bounds['floor_bounds']['words']))})"     # 不高于 holds 高于
                         if bounds.get("floor_bounds") else r"(?!)"),
        floor_support=re.compile(rf"(?:{_alt(bounds['floor_bounds']['support_words'])})" if bounds.get("floor_bounds")
                                 else r"(?!)"),
        floor_restated=re.compile(rf"\s*(?:{_alt(bounds['floor_bounds'].get('restated_openers', []))})"
                                  if bounds.get("floor_bounds", {}).get("restated_openers") else r"(?!)"),
        heading_support=re.compile(
            rf"\s*(?:[（(]?[一二三四五六七八九十\d]{{1,3}}[）)、.．]|第[一二三四五六七八九十百\d]{{1,4}}条)"
            rf"[^。\n]{{0,12}}?(?:{_alt(ctx['heading_support_nouns']['words'])})[^。\n]{{0,6}}[。:：]"
            if ctx.get("heading_support_nouns") else r"(?!)"),
        bound_note_open=re.compile(rf"[（(](?:{_alt(_words(bounds['bound_notes']['words']))})\s*$"
                                   if bounds.get("bound_notes") else r"(?!)"),
        eligibility=re.compile(
            rf"\s*(?:(?:(?:及?以上|及?以下|以内)?\s*(?:（含）|\(含\))?\s*的|及?以上|以下){no_break}{{0,{wn}}}?(?:{elig})"
            rf"|(?:及?以上|及?以下)?(?:（含）|\(含\))?的\s*(?:{_alt(ctx['headless_condition']['after'])})"
            rf"|(?:及?以上|以下)?(?:且|并且|同时|但)[^{PUNCT}]{{0,15}}?的[^{PUNCT}的\d]{{0,6}}?(?:{elig}|\s*[，,])"
            rf"|(?:及?以上|以下)(?:（含）|\(含\))?、[^{PUNCT}]{{0,15}}?(?:以下|以内)(?:（含）|\(含\))?的)"),
        role_left=role_left,
        role_left_re=re.compile(_alt(list(role_left))),
        role_right=re.compile(
            rf"\s*(?:的)?[^\d{PUNCT}、]{{0,{roles['right_modifier_chars']}}}?(?:{role_right})"),
        per_scope=re.compile(
            rf"(?:{_alt(_words(ctx['scope_per_prefixes']))}){no_break}{{0,10}}?(?=(?:{_alt(ctx['scope_stops'])})|\d|$)"),
        beneficiary=re.compile(rf"(?:{_alt(_words(ctx['beneficiary_suffixes']))})$"),
        paid_out_grant=_paid_out(roles.get("right_paid_out")),
        part_of=re.compile(rf"(?:^|[{PUNCT}])\s*(?:{_alt(roles['part_of']['words'])})"
                           if "part_of" in roles else r"(?!)"),
        part_of_window=roles.get("part_of", {}).get("window", 0),
        fund_nouns=frozenset(_words(roles.get("fund_nouns", []))),
        total_words=frozenset(roles.get("total_words", [])),
        per_unit_lead=re.compile(ctx["per_unit_lead"]["pattern"] if "per_unit_lead" in ctx else r"(?!)"),
        support_verbs=re.compile(rf"(?:{_alt(_words(roles['left']['grant']))})+"),
        support_verbs_any=re.compile(ctx["condition_clause"]["support"]),
        condition_topic=re.compile(rf"(?:^|(?<=[{PUNCT}、\s）)]))(?:{ctx['condition_clause']['topic']})"),
        condition_tail=re.compile(rf"(?P<gap>[^。；;]{{0,{ctx['condition_clause']['tail_window']}}}?)的\s*"
                                  rf"[^。；;，,的\d]{{0,12}}?(?:{elig})"),
        condition_before_award=re.compile(ctx["condition_before_award"]["pattern"]),
        plan_words=re.compile(_alt(ctx["plan_words"]["words"])),
        price_limit=re.compile(_alt(ctx["price_limits"]["words"]) if "price_limits" in ctx else r"(?!)"),
        price_compared=re.compile(_alt(ctx["price_limits"]["not_between"]) if "price_limits" in ctx else r"(?!)"),
        rate_left=rate_left,
        rate_left_re=re.compile(_alt(list(rate_left))),
        relief_before=re.compile(rf"(?:{_alt(rates['relief_left']['words'])})\s*$"),
        top_up_base=re.compile(rates["top_up"]["base"]),
        top_up_raise=re.compile(rf"(?:{_alt(rates['top_up']['raise'])})\s*$"),
        rate_right=re.compile(rf"\s*(?:{_alt(_words(rates['support_right']))})"),
        listed_ratio_head=re.compile(rates["listed_ratio"]["head"]),
        listed_ratio_item=re.compile(rates["listed_ratio"]["item"]),
        support_cell_left=re.compile(rf"(?:^|[|｜\t\n])[ \t]*(?:{_alt(rates['support_cell']['words'])})[ \t]*$"),
        cell_end=re.compile(r"[ \t]*(?:[|｜\t\n]|$)"),
        paid_through=re.compile(rates["paid_through"]["pattern"]),
        raised_to=re.compile(rf"\s*(?:{_alt(rates['raised_from']['verbs'])})"),
        raised_from=re.compile(rf"由[^，,；;。由]{{0,40}}?(?:{_ARABIC})\s*%\s*(?:{_alt(rates['raised_from']['verbs'])})"
                               rf"[^，,；;。]{{0,40}}$"),
        ratio_change=re.compile(rf"(?:{_alt(rates['ratio_change']['nouns'])})(?:比例|标准)"
                                rf"(?:{_alt(rates['ratio_change']['verbs'])})$"),
        rate_not_right=re.compile(rf"\s*(?:的?比例)?(?:{_alt(_words(rates['not_support_right']))})"),
        given_share_left=re.compile(_alt(rates["given_share"]["left"])),
        given_share_right=re.compile(rf"\s*(?:{_alt(rates['given_share']['right'])})"),
        instalment_share=re.compile(rates["instalment_share"]["pattern"]),
        award_computed_left=re.compile(rates["award_computed"]["left"]),
        award_computed_right=re.compile(rf"\s*(?:{_alt(rates['award_computed']['right'])})"),
    )
