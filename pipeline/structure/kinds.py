"""What a document is: a reply to a proposal, a policy with measures, a notice, or other."""
from __future__ import annotations

import re

from ..clean.script import to_simplified, view_text
from .lexicon import data, rx
from .titles import title_doc_type

_BOOK = re.compile(r"《([^《》]+)》")


def is_reply(title: str | None, opening: str, doc_type: str | None = None) -> bool:
    """True for a reply to a proposal or suggestion: the title says so, or a letter (函, 答复, 回复,
    or a text without a title) opens by answering one."""
    r = data("replies")["reply_title"]
    t = view_text(title or "")                  # simplified, a copy's injected readings (會(huì)辦) dropped
    proposal = rx(r["proposal_words"])
    number = rx(data("replies")["proposal_number"]["pattern"])
    if doc_type in r["not_types"]:
        return False                            # …提案办理情况的督查通报: about the handling, no answer
    if rx(r["pattern"]).search(t) and (proposal.search(t) or number.search(t)):
        return True
    if doc_type not in (None, "函") and not rx(r["pattern"]).fullmatch(doc_type):
        return False                            # a 通知 or 办法 citing a proposal answers none
    answers = any(c in opening for c in data("replies")["body_cues"]) \
        or bool(rx(data("replies")["body_cue_pattern"]["pattern"]).search(opening)) or _greets_proposers(opening)
    return (answers and bool(proposal.search(opening))) \
        or bool(rx(data("replies")["received_cue"]["pattern"]).search(opening))


def _greets_proposers(opening: str) -> bool:
    """True where a line of the opening greets proposers by name (刘永健、邹从乾委员:), not all present (各位代表:)."""
    greeting = rx(data("replies")["salutation_line"]["pattern"], re.M)
    return any(not m.group("v").startswith(data("replies")["salutation_cue"]["not_before"])
               for m in greeting.finditer(opening))


def consults_on_draft(cover: str) -> bool:
    """True where a cover text asks for comments on a draft it names in 《…》: the draft is printed below."""
    return bool(rx(data("doc_types")["issuing_cues"]["consultation_cover"]).search(cover))


def issues_attached(title: str | None, cover_issues: bool) -> bool:
    """True where the document issues an attached policy: 印发《…》 in the title, or a cover text; after
    发布 the issued text must be named as a document (发布《…》, 发布…实施细则), not a ban (发布禁止…的通告);
    a call for comments on a policy named in 《…》 issues that draft."""
    t = to_simplified(title or "")
    cues = data("doc_types")["issuing_cues"]
    if cover_issues:
        return True
    if any(w in t for w in cues["consultation"]) and _BOOK.search(t):
        return True                             # 关于征求《…措施》意见的公告: the draft is printed below
    for w in cues["words"]:
        if w in t and (w not in cues["document_named"] or _names_a_document(t.split(w, 1)[1])):
            return True
    return False


def _names_a_document(rest: str) -> bool:
    """True where the words after 发布 name a document: 《…》, or a name ending in a type (…实施细则的通知)."""
    cues = data("doc_types")["issuing_cues"]
    name = rx(cues["document_named_tail"]).sub("", rx(cues["title_tail"]).sub("", rest))
    return "《" in rest or title_doc_type(name) is not None


def attached_name(title: str | None) -> str | None:
    """The name of the document a 印发/转发 title issues: the 《…》, else the words after the cue."""
    t = to_simplified(title or "")
    m = _BOOK.search(t)
    if m:
        return m.group(1)
    for w in data("doc_types")["issuing_cues"]["words"]:
        if w in t:
            return rx(data("doc_types")["issuing_cues"]["title_tail"]).sub("", t.split(w, 1)[1])
    return None


def _is_measures_name(name: str) -> bool:
    hit = title_doc_type(name)
    core = name
    qualifier = rx(data("doc_types")["title_qualifiers"]["pattern"])
    while (m := re.search(r"[（(][^（）()]{1,16}[）)]$", core)) and qualifier.fullmatch(m.group(0)):
        core = core[:m.start()]
    measure_words = data("doc_types")["measures_titles"]["words"]
    return bool(hit) and core.endswith(tuple(measure_words))


def untitled_doc_type(doc_number: str | None, preamble: str) -> str | None:
    """The 文种 of a text without a title: its doc number's word (…建议函〔2021〕…), a cover text that
    issues it (现印发给你们: 通知), else the preamble's own word (现提出以下意见, 制定…的若干政策)."""
    d = data("doc_types")
    m = rx(d["doc_number_type"]["pattern"]).search(to_simplified(doc_number or ""))
    if m:
        return d["doc_number_type"].get("abbreviations", {}).get(m.group("type"), m.group("type"))
    preamble = to_simplified(preamble)
    if any(rx(p).search(preamble) for p in d["cover_letter"]["patterns"]):
        return "通知"                       # 《…》已经市人民政府同意，现印发给你们
    m = rx(d["body_doc_type"]["pattern"]).search(preamble)
    return m.group("type") if m else None


def announced_type(preamble: str) -> str | None:
    """The 文种 a preamble announces what follows with (现将有关事项通知如下: 通知), where nothing else names it."""
    m = rx(data("doc_types")["body_doc_type"]["announces_pattern"]).search(to_simplified(preamble))
    return m.group("type") if m else None


def document_kind(title: str | None, doc_type: str | None, cover_issues: bool, opening: str) -> str:
    """reply | measures | notice | other, from the title, the doc type and any cover text."""
    if is_reply(title, opening, doc_type):
        return "reply"
    if title is None:
        kinds = data("doc_types")["kinds"]
        return "measures" if doc_type in kinds["policy_types"] else "other"
    if issues_attached(title, cover_issues):
        cues = data("doc_types")["issuing_cues"]
        issued_in_title = any(w in to_simplified(title) for w in cues["words"] + cues["consultation"])
        name = (attached_name(title) if issued_in_title else None) or to_simplified(title)
        return "measures" if _is_measures_name(name) else "notice"
    kinds = data("doc_types")["kinds"]
    if doc_type in kinds["policy_types"]:
        return "measures"
    if doc_type is None and (ending := title_doc_type(to_simplified(title))) and ending[0] is None:
        return "measures"                       # 2017年交通运输主要工作: a list of the year's tasks, no 文种
    return "notice" if doc_type in kinds["notice_types"] else "other"


def self_named_type(text: str) -> str | None:
    """The 文种 a text calls itself in its own clauses (本办法自发布之日起执行 -> 办法), else None."""
    simple = to_simplified(text)
    for pattern in data("doc_types")["self_reference_type"]["patterns"]:
        if m := rx(pattern).search(simple):
            return m.group("type")
    return None
