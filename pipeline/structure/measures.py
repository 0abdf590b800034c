"""Which sections of a policy document are its measures (annotation guide, section 3)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..clean.script import make_view, to_simplified, view_text
from ..types import Section, Structure
from .dates import is_date_line
from .kinds import attached_name, issues_attached
from .lexicon import data, rx
from .sections import match_heading
from .tables import names_unit_table
from .titles import is_unit_line, title_doc_type

_TRIM = re.compile(r"[\s。：:；;，,、]+")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _normal(title: str) -> str:
    return _TRIM.sub("", view_text(title))          # simplified, injected readings (導(dǎo)) dropped


def is_framework(title: str) -> bool:
    """True for framework headings (总体要求, 指导思想, 保障措施, 充分认识…的重要性): neither they nor their
    items are measures."""
    t = _normal(title)
    for w in data("measures")["framework_headings"]:
        if t == w or (t.endswith(w) and len(t) <= len(w) + 4):
            return True
    parts = re.split("[和及与、]", t)
    if len(parts) > 1 and all(_framework_part(p) for p in parts):
        return True                            # 实施区域和补贴对象, 奖励对象及条件: framework headings joined
    return any(rx(p).search(t) for p in data("measures")["framework_patterns"]["patterns"])


def _framework_part(part: str) -> bool:
    """A part of a joined heading that is framework: a framework heading, or a framework word (条件) alone
    or ending a part at most two characters longer (使用原则)."""
    m = data("measures")
    return part in m["framework_headings"] or any(
        part.endswith(w) and len(part) <= len(w) + 2 for w in m["framework_parts"])


def is_policy_item(section: Section, text: str) -> bool:
    """True for an item of a policy-setting 通知 that carries support, fund rules or duties, not a
    procedural instruction (请各单位于…前报送) or organisation (加强领导)."""
    body = view_text(text[section.start:section.end])
    return bool(rx(data("measures")["policy_notice"]["content"]).search(body)) and not _procedural(section, text)


def _procedural(section: Section, text: str) -> bool:
    """True for an item whose heading or opening is a procedural instruction or organisation (请各单位于…前报送,
    加强领导)."""
    head = view_text(section.title) + view_text(text[section.start:section.end])[:60]
    return bool(rx(data("measures")["policy_notice"]["procedural"]).search(head))


def _among_measures(i: int, sections: list[Section]) -> bool:
    """True where a sibling of section i is a plain item (no sub-items, no framework heading)."""
    sec = sections[i]
    return any(j != i and s.parent == sec.parent and s.level == sec.level and not is_framework(s.title)
               and not any(c.parent == j for c in sections) for j, s in enumerate(sections))


def is_action_item(section: Section, text: str) -> bool:
    """True for a safeguard phrased as an action with run-in text (三、加强组织领导。县政协要…)."""
    t = _normal(section.title)
    return t.startswith(tuple(data("measures")["action_safeguards"]["verbs"])) and _inline_content(section, text)


def is_article(section: Section) -> bool:
    """True for an article of a rules text (第五条)."""
    return bool(rx(data("measures")["articles"]["label_pattern"]).match(view_text(section.label)))


def is_measure_article(section: Section, text: str) -> bool:
    """True for an article of policy content (support, duties, units, rules of a fund), false for a
    rules clause: purpose (制定本办法), definitions (本办法所称), scope (适用于), principles (遵循…原则),
    interpretation (负责解释), entry into force (自…施行), procedure and conditions with no support
    (annotation guide §3)."""
    a = data("measures")["articles"]
    body = view_text(text[section.start:section.end])
    if rx(a["conditions_pattern"]).search(body) and not rx(a["support_pattern"]).search(body):
        return False
    headed = rx(a["bracketed_heading"]["pattern"]).match(view_text(section.title))     # 第二条(定义) …
    heading = headed.group("h") if headed else view_text(section.title)                 # 第三条 专项资金实施期限
    if is_framework(heading) and not _AMOUNT.search(body) and not rx(a["bracketed_heading"]["gives"]).search(body):
        return False
    if _normal(heading).endswith("原则") and len(_normal(heading)) <= MAX_PRINCIPLES_HEADING and not _AMOUNT.search(body):
        return False                           # 第二条 奖励原则 (一)分类奖励原则…: how the rules award, no award
    if rx(a["eligibility_heading"]["pattern"]).match(heading.strip(" ：:")) and not rx(a["support_pattern"]).search(body):
        return False                           # 第三条:柔性引才对象: whom the rules cover
    compact = re.sub(r"\s+", "", body)
    if (defined := rx(a["constitution"]["pattern"]).match(compact)) \
            and not rx(a["constitution"]["unless"]).search(compact) \
            and not rx(a["support_pattern"]).search(compact[defined.end():]):
        return False                           # 第二条 县人民政府是…的执行机关: what a body is, and nothing given after
    if (defines := rx(a["definition_opening"]["pattern"]).match(compact)) and not rx(a["support_pattern"]).search(compact) \
            and not (defines.group("fund") and _AMOUNT.search(compact)):
        return False                           # 第二条 …项目是指…, 奖励的范围和对象包括…: a definition or the scope
    rules = rx(a["rules_pattern"]).search(body)
    if rules and rx(a["stacking_rule"]).fullmatch(rules.group()) and not rx(a["rules_pattern"]).search(body, rules.end()) \
            and rx(a["support_pattern"]).search(body, rules.end()) and _AMOUNT.search(body, rules.end()):
        rules = None                           # …按“就高原则”给予扶持。…的电影给予50万元扶持: support given after the rule
    return not rules and not rx(a["purpose_opening"]["pattern"]).match(compact)


_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:万|亿|千)?元|[一二三四五六七八九十百千]+(?:万|亿)元")
MAX_PRINCIPLES_HEADING = 8    # 第二条 奖励原则: a heading; 第十九条 行政奖励本着…谁表彰谁出钱的原则。…由省人事厅…: a duty
_RATE = re.compile(r"\d+(?:\.\d+)?\s*[%％]")


def is_rules_clause(section: Section) -> bool:
    """True for an item whose heading sentence only states a rule (就高不重复, 负责解释), no support;
    a stacking or funding-source clause stays a rule though it says 给予支持, unless it names an amount."""
    a = data("measures")["articles"]
    title = view_text(section.title)
    if (rx(a["stacking_pattern"]).search(title) or rx(a["deferred_pattern"]).search(title)) and not _AMOUNT.search(title):
        return True                            # 就高不重复; 旅游民宿奖励支持办法另行规定
    return bool(rx(a["rules_pattern"]).search(title)) and not rx(a["support_pattern"]).search(title)


def _is_chapter(section: Section) -> bool:
    return bool(rx(data("measures")["chapter_label"]).fullmatch(view_text(section.label)))


def is_field_list(siblings: list[Section]) -> bool:
    """True for sibling items that are a summary's fields (一、名称 二、主管单位 三、实施单位 …)."""
    spec = data("measures")["field_list"]
    if len(siblings) < spec["min_items"]:
        return False
    words = set(spec["words"])
    named = sum(_normal(re.split(r"[：:]", s.title, 1)[0]) in words for s in siblings)
    return named >= spec["min_share"] * len(siblings)


def is_group(title: str) -> bool:
    """True for group headings (主要任务, 重点任务, 产业发展支持政策(88条) ...) whose items are the measures."""
    t = _normal(title)
    return t in data("measures")["group_headings"] or bool(rx(data("measures")["group_count"]["pattern"]).search(t))


def _names_unit_alone(title: str) -> bool:
    """True for a heading that is a unit's name alone, its level first (十五、省商务厅): its items are the unit's tasks."""
    t = _normal(title).rstrip("。：:")
    return is_unit_line(t) and bool(rx(data("measures")["unit_heading"]["pattern"]).match(t))


def own_text(section: Section, sections: list[Section], text: str) -> str:
    """A section's text up to its first child section."""
    i = sections.index(section)
    children = [s.start for s in sections if s.parent == i]
    return text[section.start:min(children) if children else section.end]


def _heads_own_unit(section: Section, sections: list[Section], text: str) -> bool:
    """True where a heading names its own responsible unit (一、强化科技创新(区科技局牵头)), or its text
    before its first item does (牵头单位：…): the heading is a measure as well as its items."""
    m = data("measures")
    heading = view_text(text[section.start:section.title_end + 40].split("\n", 1)[0])
    if rx(m["lead_unit_cues"]["pattern"]).search(heading) or rx(m["lead_unit_cues"]["heading_pattern"]).search(heading):
        return True
    return labels_units(own_text(section, sections, text))


def labels_units(text: str) -> bool:
    """True where a text labels a list of units (责任单位:…, 牵头单位：…), read in its simplified view."""
    return bool(rx(data("measures")["lead_unit_cues"]["label_pattern"]).search(view_text(text)))


def carries_content(section: Section, text: str) -> bool:
    """True where an item carries policy content (support, duties, units, or a sentence of its own),
    not a fragment of a list (营业执照复印件；)."""
    m = data("measures")
    body = view_text(text[section.start:section.end])
    if _AMOUNT.search(body) or rx(m["lead_unit_cues"]["body_pattern"]).search(body) \
            or rx(m["articles"]["support_pattern"]).search(body):
        return True
    return len(body.strip()) - len(section.label) >= m["item_content_min_chars"]


INTRO_MIN_CHARS = 10         # the text that introduces a heading's items (…给予一次性安家补贴：)


def _introduces_clauses(section: Section, kids: list[Section], sections: list[Section], text: str) -> bool:
    """True where a heading with run-in text introduces its items with a colon (具体如下：), or a heading
    alone that names one award or subsidy or ends with a colon (2、一般项目信息奖。 一、高标准日光温室:) stands
    among items that have none, and each item is one clause (1.年营业收入1亿元以上的，奖励20万元；):
    bands of one measure, not measures."""
    own = own_text(section, sections, text).rstrip()
    body = own[section.title_end - section.start:].strip(" \n。.；;")      # run in, or a paragraph under the title
    named = rx(data("measures")["support_heading"]["pattern"])
    bare = not body.strip("：:") and _leaf_sibling(section, sections, text) \
        and not any(named.search(_normal(k.title)) for k in kids)   # 1.…建站补贴: items naming supports of their own
    headed = bare and (bool(named.search(_normal(section.title))) or own.endswith(("：", ":")))
    if not headed and (not own.endswith(("：", ":")) or len(body) < INTRO_MIN_CHARS):
        return False
    if not _inline_content(section, text) and not _leaf_sibling(section, sections, text):
        return False                           # every heading has its items: they are the measures
    units = rx(data("measures")["lead_unit_cues"]["pattern"])
    bands = [view_text(_band_text(k, k is kids[-1], text)) for k in kids]
    return all(not _SENTENCE_END.search(units.sub("", band.rstrip()).rstrip("。；; ")) for band in bands)


def _band_text(kid: Section, last: bool, text: str) -> str:
    """A band's text; the last band's without a note on the whole list after it (以上奖励需经…) or the line
    of the measure's units (责任单位:市商务局、…)."""
    own = text[kid.start:kid.end]
    if last:
        first, _, rest = own.strip().partition("\n")
        if rest.strip().startswith(tuple(data("measures")["list_note_openers"]["words"])) \
                or rx(data("measures")["lead_unit_cues"]["label_pattern"]).match(view_text(rest.strip())):
            return first
    return own


def _grants_by_standards(section: Section, kids: list[Section], sections: list[Section], text: str) -> bool:
    """True where a heading among items that have none grants the support itself (对…的企业予以奖励) and
    its items only set the amounts (（一）包机奖励：…奖励10万元): one measure, its items its standards."""
    own = view_text(own_text(section, sections, text))[section.title_end - section.start:]
    return _leaf_sibling(section, sections, text) and bool(rx(data("measures")["articles"]["support_pattern"]).search(own)) \
        and not _AMOUNT.search(own) and all(_AMOUNT.search(view_text(text[k.start:k.end])) for k in kids)


def _leaf_sibling(section: Section, sections: list[Section], text: str) -> bool:
    """True where a heading of the same level under the same parent has no items (二、…给予补助10万元。);
    not the last heading where the excerpt cuts it (四、给予…奖励 ⏎ (一)在…: its items may be cut away)."""
    i = sections.index(section)
    parents = {s.parent for s in sections}
    cut = len(sections) - 1 if _unfinished(text[sections[-1].start:sections[-1].end]) else None
    return any(j != i and j != cut and s.parent == section.parent and s.level == section.level and j not in parents
               for j, s in enumerate(sections))


def _is_plan(structure: Structure) -> bool:
    """True for an emergency plan (应急预案), printed on its own or issued by a notice: no policy measures."""
    kinds = data("doc_types")["kinds"]
    plans = tuple(kinds["plan_types"])
    title = structure.meta.title
    if structure.meta.doc_type in plans or _names_a_plan(title, plans):
        return True                                   # a plan, or the plan an untitled cover letter issues
    named = attached_name(title) if title and issues_attached(title, False) else None
    return _names_a_plan(named, plans, tuple(kinds["plan_parts"]))


def _names_a_plan(name: str | None, plans: tuple[str, ...], parts: tuple[str, ...] = ()) -> bool:
    """True where a title names a plan (…应急预案) or, given `parts`, a plan's detailed rules (…预案细则)."""
    if not name:
        return False
    return (title_doc_type(name) or ("",))[0] in plans \
        or to_simplified(name).endswith(tuple(plan + part for plan in plans for part in parts))


def select_measures(structure: Structure, text: str, model: bool = True) -> list[Section]:
    """The sections that are policy measures, in order: the rules' choice (rule_choice), which the trained
    chooser (measure_model.py) overrules where it is sure, unless `model` is false; never in a reply, an
    emergency plan or a public notice of results (公示), nor among a cover letter's instructions."""
    if structure.kind == "reply" or _is_plan(structure) \
            or structure.meta.doc_type in data("measures")["no_measure_types"]["types"] \
            or calls_for_applications(structure, text):
        return []
    chosen = rule_choice(structure, text)
    if model and structure.sections:
        from .measure_model import measure_chooser
        chosen = measure_chooser().overrule(chosen, structure, text)
    out = list(chosen.values())
    if structure.cover_end is not None and any(m.start >= structure.cover_end for m in out):
        out = [m for m in out if m.start >= structure.cover_end]   # the cover letter's 一、二、 are instructions
    elif issues_attached(structure.meta.title, _cover(structure, text)) or _hands_out_tasks(structure.meta.title):
        instruction = rx(data("measures")["cover_instruction"]["pattern"])
        out = [m for m in out if not instruction.search(_normal(text[m.title_start:m.end])[:40])]
    return out


def calls_for_applications(structure: Structure, text: str) -> bool:
    """True for a notice calling for applications, by its title (关于组织开展…申报工作的通知) or, where the title
    is none or no notice's, by its opening (现开展…申报工作，现将有关事项通知如下): its items restate a policy
    made elsewhere and how to apply for it; a subsidy paid out to those who apply (补贴申请发放) is no call."""
    spec = data("measures")["application_calls"]
    title = to_simplified(structure.meta.title or "")
    if title.endswith(("通知", "公告", "通告")):
        call = rx(spec["title_pattern"]).search(title) and not any(w in title for w in spec["title_exclusions"])
        return bool(call) and not rx(spec["payout_pattern"]).search(title)
    first = structure.sections[0].start if structure.sections else structure.body_end
    call = rx(spec["opening_pattern"]).search(view_text(text[structure.body_start:first]))
    return bool(call) and not rx(spec["payout_pattern"]).search(call.group())


def _hands_out_tasks(title: str | None) -> bool:
    """True for a notice handing out a table of tasks (分解落实…目标任务的通知): its items instruct the recipients."""
    return bool(title) and any(w in to_simplified(title) for w in data("measures")["task_breakdown_titles"]["words"])


def rule_choice(structure: Structure, text: str) -> dict[int, Section]:
    """The sections the rules take for measures, by index (a section whose units close its sub-points is
    a detached copy).

    The measure level is the one that carries support, duties or units: a heading whose items
    carry content is their parent, not a measure, unless it names its own unit; a heading whose
    items are fragments, or whose items share one closing unit line, is the measure itself.
    """
    sections = structure.sections
    scope = None
    policy_notice = False
    if structure.kind != "measures" and not (
            structure.kind == "notice" and issues_attached(structure.meta.title, _cover(structure, text))):
        scope = _support_scope(sections) if structure.kind in ("notice", "other") else set()
        if scope and _every_item_sets_policy(sections, text):
            scope = set()                    # 一、补贴对象 二、补贴标准 三、资金渠道: each item is a facet of the policy
        policy_notice = not scope and (structure.meta.doc_type in data("measures")["policy_notice"]["doc_types"]
                                       or _announces_standards(structure, text))
        if not scope and not policy_notice and not any(is_article(s) for s in sections):
            return {}
    unit_table = policy_notice and names_unit_table(make_view(text).text)   # rows assigned to units
    children: dict[int | None, list[int]] = {}
    for i, sec in enumerate(sections):
        children.setdefault(sec.parent, []).append(i)
    fields = {i for kids in children.values() if is_field_list([sections[k] for k in kids]) for i in kids}
    out: dict[int, Section] = {}

    def visit(i: int) -> None:
        sec, kids = sections[i], children.get(i, [])
        if i in fields:
            return                             # 一、名称: … 二、主管单位: …: a summary's fields
        if scope is not None and i not in scope and not is_article(sec) and not policy_notice:
            for k in kids:
                visit(k)
            return
        if policy_notice and not is_article(sec) and not is_policy_item(sec, text) and not unit_table \
                and not _cut_among_policy_items(i, structure, text):
            return
        if is_article(sec):
            if kids and _items_give_support(sec, [sections[k] for k in kids], sections, text):
                for k in kids:                 # 第五条 专项资金用于： （一）…给予资金奖励 （二）…给予补助
                    visit(k)
            elif is_measure_article(sec, text):
                out[i] = sec                   # its （一）（二） are sub-points of the article
            return
        if is_framework(sec.title) and (kids or not is_action_item(sec, text) or not _among_measures(i, sections)):
            for k in kids:                     # 一、支持对象 over （一）设立专项资金…给予补贴: support under it
                kid = sections[k]
                if is_article(kid) and _is_chapter(sec):
                    visit(k)                   # 第一章 总则: its articles are read one by one (duties count)
                elif not is_framework(kid.title) and not _normal(kid.title).endswith("原则") \
                        and (_gives_support_or_duty(view_text(text[kid.start:kid.end])) or gives_unit_duty(kid, text)):
                    visit(k)                   # 一、目标定位 over 1.聚力建设…(牵头部门:市发改局): duties assigned
            return
        if kids and _names_unit_alone(sec.title):
            for k in kids:                     # 十八、省农业开发办 (一)…(二)…: tasks grouped by their unit
                visit(k)
            return
        if _is_chapter(sec):                   # 第三章 基础设施与载体建设: a group of articles, never a measure
            for k in kids:
                visit(k)
            return
        if not kids:
            if not is_rules_clause(sec) and not is_group(sec.title) and not _purpose_item(sec, text):
                out[i] = sec
            return
        if closed_by_units(i, sections, text):
            out[i] = replace(sec)              # detached: its units are read from its whole span
            return
        if all(k in fields for k in kids) and not is_group(sec.title):
            out[i] = sec                       # 三、…工程 (一)责任领导 (二)责任单位 …: a project told by its fields
            return
        if (all(_is_subpoint(sections[k]) for k in kids)
                or (_parts_of_one_support([sections[k] for k in kids])
                    and not _parts_list_supports(sec, kids, children, sections, text))) \
                and not is_group(sec.title):
            out[i] = sec                       # 二、…按营收规模奖励。①…给予3万元 ②…: bands of one measure;
            return                             # 一、鼓励增产增效 （一）补助对象及标准 （二）申报条件: its parts,
                                               # unless a part lists supports of its own (（一）扶持标准 1.支持…)
        if not is_group(sec.title) and not _numbering_runs_on(i, children, sections, text) \
                and (not any(carries_content(sections[k], text) for k in kids)
                     or _introduces_clauses(sec, [sections[k] for k in kids], sections, text)
                     or _grants_by_standards(sec, [sections[k] for k in kids], sections, text)):
            out[i] = sec                       # its items are fragments or clauses of one measure
            return
        if not is_group(sec.title) and _heads_own_unit(sec, sections, text):
            out[i] = sec
        for k in kids:
            visit(k)

    for root in children.get(None, []):
        visit(root)
    return out


MIN_POLICY_FACETS = 3       # 补贴对象, 补贴标准, 资金渠道 …: fewer items may be a call's support and its terms


def _every_item_sets_policy(sections: list[Section], text: str) -> bool:
    """True where a notice's top-level items all carry its policy (support, fund rules or duties) and none
    is a procedural instruction: the notice sets the policy itself, it does not call for applications."""
    top = [s for s in sections if s.parent is None]
    return len(top) >= MIN_POLICY_FACETS and all(is_policy_item(s, text) for s in top)


def _announces_standards(structure: Structure, text: str) -> bool:
    """True for a 公告 whose every top-level item sets a standard of assistance (一、将…标准统一调整为每人每月770元)."""
    spec = data("measures")["policy_notice"]
    top = [s for s in structure.sections if s.parent is None]
    return structure.meta.doc_type in spec["standards_doc_types"] and len(top) >= 2 \
        and all(rx(spec["standards_pattern"]).search(view_text(text[s.start:s.end])) for s in top)


def _numbering_runs_on(i: int, children: dict[int | None, list[int]], sections: list[Section], text: str) -> bool:
    """True where a heading's items go on numbering from the items of the heading before it (一、…（一）（二）（三）
    二、…（四）): they are one series of measures under group headings, however short the excerpt leaves them."""
    siblings = children.get(sections[i].parent, [])
    at = siblings.index(i)
    kids = children.get(i, [])
    earlier = children.get(siblings[at - 1], []) if at > 0 else []
    if not kids or not earlier:
        return False
    first, last = (match_heading(view_text(text[sections[k].start:sections[k].end])) for k in (kids[0], earlier[-1]))
    return bool(first and last) and first.series == last.series and first.number == last.number + 1 > 2


def _parts_of_one_support(kids: list[Section]) -> bool:
    """True where a heading's items are the parts of one support: its objects and standards (补助对象及标准),
    its period (支持期间), then its conditions and materials (申报条件, 申报材料), no item of its own."""
    spec = data("measures")["part_headings"]
    titles = [_normal(k.title) for k in kids]
    standards = [t for t in titles if is_support_content(t) or rx(spec["pattern"]).fullmatch(t)]
    return bool(standards) and all(t in standards or rx(spec["other_parts"]).match(t)
                                   or (t.startswith(tuple(spec["procedure_starts"])) and is_framework(t)) for t in titles)


def _parts_list_supports(section: Section, kids: list[int], children: dict[int | None, list[int]],
                         sections: list[Section], text: str) -> bool:
    """True where a heading only names parts (扶持标准、申报条件和申报材料) and a part lists supports of its own
    (（一）扶持标准 1.支持…): those supports are the measures, not the heading."""
    return _names_parts(section.title) \
        and any(is_policy_item(sections[j], text) for k in kids for j in children.get(k, []))


def _names_parts(title: str) -> bool:
    """True for a heading that only names the parts of a support (扶持标准、申报条件和申报材料), not the support."""
    spec = data("measures")["part_headings"]
    parts = [_normal(p) for p in re.split("[、，,和及与]", view_text(title).strip().rstrip("。.：:")) if p.strip()]
    return len(parts) > 1 and all(is_support_content(p) or rx(spec["other_parts"]).match(p)
                                  or p.startswith(tuple(spec["procedure_starts"])) for p in parts)


def _purpose_item(section: Section, text: str) -> bool:
    """An item that states the text's purpose (1.为贯彻落实…，特制定本政策。): a rules clause, however long
    its one sentence runs past its title."""
    body = _normal(text[section.title_start:section.end])
    return body.startswith("为") and bool(rx(data("measures")["articles"]["purpose_item_end"]).search(body.split("。")[0] + "。"))


def _is_subpoint(section: Section) -> bool:
    """An item numbered with a circled number (①): a sub-point of the item above it."""
    return section.label.strip()[:1] in data("measures")["subpoint_labels"]["chars"]


def gives_unit_duty(section: Section, text: str) -> bool:
    """True for an item that opens by naming the body in charge of it (（一）市财政局负责…; 1、某遗址,由某文管所全面
    负责…): it gives that body its duty."""
    return bool(rx(data("measures")["unit_duty"]["pattern"]).search(view_text(text[section.title_start:section.end])))


def _gives_support_or_duty(body: str) -> bool:
    """True where an item's text gives support or names the units in charge of it, in a label or in a
    parenthesis of units closing it (…增长12%。(市发改委))."""
    m = data("measures")
    return bool(rx(m["articles"]["support_pattern"]).search(body) or rx(m["lead_unit_cues"]["body_pattern"]).search(body)
                or rx(m["lead_unit_cues"]["closing_units"]).search(body))


def _cut_among_policy_items(i: int, structure: Structure, text: str) -> bool:
    """True for the item the excerpt cuts off before it shows its support or unit (五、对…的区,将其公路水运基础设),
    where every item before it at its level is a policy item; not an instruction (加强领导, 加强沟通协调)."""
    sections = structure.sections
    sec = sections[i]
    before = [s for s in sections[:i] if s.parent == sec.parent and s.level == sec.level]
    if not before or _procedural(sec, text) \
            or _normal(sec.title).startswith(tuple(data("measures")["action_safeguards"]["verbs"])):
        return False
    return measure_truncated(sec, structure, text) and all(is_policy_item(s, text) for s in before)


def _items_give_support(section: Section, kids: list[Section], sections: list[Section], text: str) -> bool:
    """True where an article only introduces items that each give support or a body its duty (at least two
    do, not every one with an amount unless each names its own units, and the article's own text names none):
    the items are the measures, the article their parent; items that each set an amount are its standards."""
    support = rx(data("measures")["articles"]["support_pattern"])
    units = rx(data("measures")["lead_unit_cues"]["body_pattern"])
    bodies = [view_text(text[k.start:k.end]) for k in kids]
    own_units = sum(bool(units.search(b)) for b in bodies)      # 第一条 转型升级扶持 （一）…（牵头单位：…） （二）…
    if sum(bool(support.search(b)) for b in bodies) < 2 and sum(gives_unit_duty(k, text) for k in kids) < 2 \
            and own_units < 2:
        return False
    kid_ids = {id(k) for k in kids}
    leaves = not any(s.parent is not None and id(sections[s.parent]) in kid_ids for s in sections)
    if all(_AMOUNT.search(b) or (leaves and _RATE.search(b)) for b in bodies) and own_units < 2:
        return False                           # 第三条 激励标准 1.…一等奖的，奖励20万元 2.…; （一）…按购房款3%…: its standards
    own = view_text(own_text(section, sections, text))
    return not _AMOUNT.search(own) and not support.search(own)


def closed_by_units(index: int, sections: list[Section], text: str) -> bool:
    """True where a section's sub-points share one unit line closing it (（一）…1.…2.…（责任单位：…）):
    the section is the measure and the line names its units, not its last sub-point's."""
    sec = sections[index]
    kids = [s for s in sections if s.parent == index]
    if not kids or any(_inline_content(k, text) for k in kids):
        return False                             # headed items with run-in text are measures themselves
    children = [k.start for k in kids]
    body = text[min(children):sec.end].rstrip()
    last_line = body.rsplit("\n", 1)[-1].strip()
    if len(last_line) == len(body.strip()):      # the closing line must stand after the sub-points
        return False
    cue = data("measures")["lead_unit_cues"]
    m = rx(cue["pattern"]).search(last_line)
    if not m or m.start() != 0:
        return False
    before = view_text(body[:len(body) - len(last_line)])
    return not rx(cue["body_pattern"]).search(before) and not rx(cue["pattern"], re.M).search(before)


def is_support_content(title: str) -> bool:
    """True for the heading of a call-for-applications notice that lists its support items (扶持内容和标准)."""
    return bool(rx(data("measures")["support_content_headings"]["pattern"]).match(_normal(title)))


def _support_scope(sections: list[Section]) -> set[int]:
    """Indices of the sections below a support-content heading of a notice (its measures' candidates), or
    of such a heading itself where it has no items (二、奖励标准 …给予奖励5万元), or of the support whose
    parts it is one of."""
    scope: set[int] = set()
    parents = {sec.parent for sec in sections}
    for i, sec in enumerate(sections):
        if sec.parent is not None and (sec.parent in scope or is_support_content(sections[sec.parent].title)):
            scope.add(i)
        elif i not in parents and is_support_content(sec.title):
            up = sec.parent
            if up is not None and _parts_of_one_support([s for s in sections if s.parent == up]):
                scope.add(up)            # 一、延续实施稳岗返还政策 （一）实施条件 （二）返还标准 …: its parts
            else:
                scope.add(i)
    return scope


def _inline_content(section: Section, text: str) -> bool:
    """True where the heading line goes on past its title sentence (the item's body starts there)."""
    line_end = text.find("\n", section.title_end)
    line_end = section.end if line_end < 0 else min(line_end, section.end)
    return len(text[section.title_end:line_end].strip(" 。.；;")) >= 10


def _cover(structure: Structure, text: str) -> bool:
    """True where the text before the first section issues an attached document (现印发给你们)."""
    first = structure.sections[0].start if structure.sections else structure.body_end
    head = view_text(text[structure.body_start:first])
    return any(rx(p).search(head) for p in data("doc_types")["cover_letter"]["patterns"])


def measure_truncated(section: Section, structure: Structure, text: str) -> bool:
    """True where the excerpt cuts a measure off: it runs to the end of an unfinished text before
    its responsible units are complete (no 责任单位, or an unclosed （责任单位：… list)."""
    end = structure.body_end or len(text)
    if section.end < end or not _unfinished(text[:end]):
        return False
    own = view_text(own_text(section, structure.sections, text))
    m = list(rx(data("measures")["lead_unit_cues"]["body_pattern"]).finditer(own))
    if not m:
        return True
    tail = own[m[-1].start():]
    return tail.count("（") + tail.count("(") > tail.count("）") + tail.count(")") \
        or not tail.rstrip().endswith(("）", ")", "。"))


def _unfinished(text: str) -> bool:
    """True where a text stops mid-sentence: no final 。, closing parenthesis of a unit list or 版记."""
    tail = view_text(text.rstrip())
    last_line = tail.rsplit("\n", 1)[-1].strip()
    if tail.endswith(("。", "！", "？", "”", "」", "》")) or is_date_line(last_line) or is_unit_line(last_line):
        return False
    if tail.endswith(("）", ")")):
        opened = max(tail.rfind("（"), tail.rfind("("))
        return not rx(data("measures")["lead_unit_cues"]["body_pattern"]).search(tail[opened:])
    return True
