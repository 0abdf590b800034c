"""Web copies that lost their line breaks keep a space where each break was ('…的通知 长府办发〔2009〕47
号 各县(市)、区人民政府…: 《…》…实施。 长春市人民政府办公厅 二〇〇九年九月十日 …'): such lines
are split back at those spaces, so the title, doc number, 主送, signature and items stand on lines
of their own."""
from __future__ import annotations

import re

from pipeline.clean.inline import LABEL
from pipeline.clean.lines import TEXT_SLACK, FlowLine, text_width, wrap_width

MIN_CHARS = 150            # only long lines can be whole documents run together
MIN_GAPS = 3
SENTENCE_SHARE = 0.4       # share of gaps after a sentence or field end (。：；) or before an item label
# White space between two Chinese characters or brackets (never beside a digit or Latin letter:
# '47 号', '2022年 1月', 'PM 2.5' stay).
_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20（）《》“”:;!?)])"
                  r"[ \t\u3000\u00a0]+(?=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20（）《》“”(])")
# A gap before an item label (…牵头重点工作 1.全县生产总值…) is a lost break too.
_LABEL_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20（）《》“”:;!?)])"
                        r"[ \t\u3000\u00a0]+(?=\d{1,2}[.、．](?!\d))")
# A gap before a written date (…人民政府 2020年6月3日) or after an attachment's file name (….pdf 平远县…).
_DATE_GAP = re.compile(r"(?<=[\u4e00-\u9fff）)])[ \t\u3000\u00a0]+(?=(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_FILE_GAP = re.compile(r"(?:(?<=\.pdf)|(?<=\.doc)|(?<=\.docx)|(?<=\.xls)|(?<=\.xlsx)|(?<=\.wps)|(?<=\.zip)|(?<=\.rar))"
                       r"[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff])", re.I)
_SPACE = re.compile(r"[ \t\u3000\u00a0]+")
_BRACKETED_LABEL_REST = re.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)]")
_SENTENCE_END = "。：；！？:;!?"
_LABEL_BEFORE = re.compile(rf"(?:^|[\s。；;：:]){LABEL}$")
_LABEL_AFTER = re.compile(LABEL)


def _gaps(text: str) -> list[re.Match]:
    """The gaps of a line that may be lost breaks: not inside letter-spaced text (国 务 院)."""
    out = []
    found = [*_GAP.finditer(text), *_LABEL_GAP.finditer(text), *_DATE_GAP.finditer(text), *_FILE_GAP.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        before, after = text[:m.start()], text[m.end():]
        single_before = len(before) < 2 or not before[-2].strip()
        single_after = len(after) < 2 or not after[1].strip()
        if not (single_before and single_after) and before[-1] not in "，,、" \
                and not _LABEL_BEFORE.search(before[-12:]):        # 第一条 为规范…: a label keeps its text
            out.append(m)
    return out


def is_flattened(text: str) -> bool:
    """True for a long line whose spaces mark lost line breaks: enough of them, and many right
    after a sentence or field end (a PDF's stray spaces fall mid-sentence)."""
    if len(text) < MIN_CHARS:
        return False
    gaps = _gaps(text)
    if len(gaps) < MIN_GAPS:
        return False
    breaks = sum(text[m.start() - 1] in _SENTENCE_END or bool(_LABEL_AFTER.match(text, m.end())) for m in gaps)
    return breaks / len(gaps) >= SENTENCE_SHARE


def _pieces(text: str, gaps: list[re.Match]) -> list[tuple[int, int]]:
    return [(0, gaps[0].start())] + [(a.end(), b.start()) for a, b in zip(gaps, gaps[1:])] \
        + [(gaps[-1].end(), len(text))]


def _copy_gaps(text: str) -> list[re.Match]:
    """Every space of a pasted PDF text but one between two Latin letters or digits (PM 2.5), or inside
    a bracketed label (( 一)推进…)."""
    return [m for m in _SPACE.finditer(text, 1, len(text) - 1)
            if not (_latin_or_digit(text[m.start() - 1]) and _latin_or_digit(text[m.end()]))
            and not (text[m.start() - 1] in "(（" and _BRACKETED_LABEL_REST.match(text, m.end()))]


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def wrapped_copy_width(text: str) -> float | None:
    """The line width of a PDF's text pasted as one line, a space at each of its line ends ('…国民经济和
    社会发展计划…'): the pieces between spaces stop at one width, as wrap_width finds it; else None."""
    if len(text) < MIN_CHARS:
        return None
    gaps = _copy_gaps(text)
    if len(gaps) < MIN_GAPS:
        return None
    return wrap_width([text[a:b] for a, b in _pieces(text, gaps)])


def split_flattened_lines(lines: list[FlowLine]) -> list[FlowLine]:
    """Lines of a document run together split at their lost breaks; other lines as they are. Where the
    breaks were a PDF's line ends, a piece at the line width is full: the paragraph goes on below."""
    out: list[FlowLine] = []
    for line in lines:
        width = None
        if line.table or not (is_flattened(line.text) or (width := wrapped_copy_width(line.text))):
            out.append(line)
            continue
        bounds = _pieces(line.text, _gaps(line.text) if width is None else _copy_gaps(line.text))
        for k, (a, b) in enumerate(bounds):
            piece = line.text[a:b]
            if not piece.strip():
                continue
            if width is None:
                out.append(line.moved(text=piece, para_start=line.para_start or k > 0,
                                      full=line.full and b == len(line.text)))
            else:
                out.append(line.moved(text=piece, para_start=line.para_start and k == 0, indent=False,
                                      full=text_width(piece) >= width - TEXT_SLACK))
    return out
