"""Reading order repaired where extraction displaced a numbered heading into a sentence broken
across a page: the heading is moved to the end of that sentence (W203)."""
from __future__ import annotations

from pipeline import errors
from pipeline.clean.lines import FlowLine
from pipeline.clean.rules import layout_rules

SEARCH_LINES = 12         # how far after the heading the sentence must end


def _splits_sentence(prev: FlowLine, heading: FlowLine, nxt: FlowLine) -> bool:
    rules = layout_rules()
    if prev.table or heading.table or nxt.table:
        return False
    return (prev.full and not rules.ends_sentence(prev.text) and rules.heading_level(prev.text) is None
            and not heading.full
            and not (nxt.indent or nxt.centred or nxt.para_start)
            and rules.heading_level(nxt.text) is None)


def _sentence_end(text: str) -> int | None:
    """Offset just after the first full stop (with any closing quote/bracket), or None."""
    rules = layout_rules()
    for k, ch in enumerate(text):
        if ch in rules.full_stop:
            k += 1
            while k < len(text) and text[k] in rules.sentence_close:
                k += 1
            return k
    return None


def repair_order(lines: list[FlowLine]) -> tuple[list[FlowLine], list[str]]:
    """New line list with displaced headings moved back, and a W203 warning for each move."""
    rules = layout_rules()
    out = list(lines)
    warnings: list[str] = []
    i = 1
    while i < len(out) - 1:
        line = out[i]
        if rules.heading_level(line.text) not in rules.displaceable_levels \
                or not _splits_sentence(out[i - 1], line, out[i + 1]):
            i += 1
            continue
        for j in range(i + 1, min(len(out), i + 1 + SEARCH_LINES)):
            if j > i + 1 and (out[j].indent or out[j].para_start or rules.heading_level(out[j].text)):
                j = None
                break
            cut = _sentence_end(out[j].text)
            if cut is not None:
                break
        else:
            j = None
        if j is None:
            i += 1
            continue
        head = out.pop(i)
        j -= 1                                   # the sentence's last line, after the pop
        target = out[j]
        rest = target.text[cut:].strip()
        moved = [head.moved(para_start=True, indent=True)]
        if rest:
            out[j] = target.moved(text=target.text[:cut], full=False)
            moved.append(target.moved(text=rest, para_start=True, indent=True))
        else:
            out[j] = target.moved(full=False)
            if j + 1 < len(out):
                out[j + 1] = out[j + 1].moved(para_start=True)
        out[j + 1:j + 1] = moved
        warnings.append(errors.W_REORDERED.format(heading=head.text))
        i = j + len(moved) + 1
    return out, warnings
