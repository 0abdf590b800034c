"""A document-sharing site's copy (《X.docx》由会员分享…) prints each page of the file as one long line
opened by its number (1、 2、 …), and its pages break mid-sentence: the numbers go, the pages run on."""
from __future__ import annotations

import re
from functools import cache

from pipeline.clean.lines import FlowLine
from pipeline.clean.rules import layout_data


@cache
def _spec() -> tuple[re.Pattern, int, re.Pattern, int]:
    spec = layout_data()["shared_document_pages"]
    return re.compile(spec["banner"]), spec["banner_lines"], re.compile(spec["marker"]), spec["min_page_chars"]


def join_shared_pages(lines: list[FlowLine]) -> list[FlowLine]:
    """The lines with a shared copy's page numbers gone and each page joined to the one before; other
    texts as they are. Every page but the last must be a long line (a list's 1、 2、 items are short)."""
    banner, banner_lines, marker, min_chars = _spec()
    if not any(banner.search(ln.text) for ln in lines[:banner_lines]):
        return lines
    pages = []                                     # indices of the page lines, numbered 1, 2, … in order
    for i, ln in enumerate(lines):
        m = marker.match(ln.text)
        if m and int(m.group(1)) == len(pages) + 1:
            pages.append((i, m.end()))
    if not pages or any(len(lines[i].text) < min_chars for i, _ in pages[:-1]):
        return lines
    starts = dict(pages)
    out: list[FlowLine] = []
    for i, ln in enumerate(lines):
        if i not in starts:
            out.append(ln)
        elif i == pages[0][0] or not out or out[-1].table:
            out.append(ln.moved(text=ln.text[starts[i]:], para_start=True))
        else:
            out[-1] = out[-1].moved(text=out[-1].text + ln.text[starts[i]:])
    return out
