"""A signature and its date run into the text of a copy that lost its line breaks (…请认真遵照执行。
东丽区人民政府二〇一一年五月二十八日东丽区科技“十二五”发展规划…) set back on lines of their own."""
from __future__ import annotations

import re
from functools import cache

from pipeline.clean.lines import FlowLine
from pipeline.clean.rules import layout_data


@cache
def _pattern() -> re.Pattern:
    return re.compile(layout_data()["run_on_signature"]["pattern"])


def signature_pieces(text: str) -> list[str]:
    """The text cut before a run-on signature's unit, before its date and after it; the text alone where
    it holds none."""
    cuts: list[int] = []
    for m in _pattern().finditer(text):
        cuts += [m.start("unit"), m.start("date"), m.end("date")]
    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [p for p in pieces if p]


def split_run_on_signatures(lines: list[FlowLine]) -> list[FlowLine]:
    """Lines with a run-on signature split into the text before, the unit, the date and the text after."""
    out: list[FlowLine] = []
    for line in lines:
        pieces = [line.text] if line.table else signature_pieces(line.text)
        if len(pieces) == 1:
            out.append(line)
            continue
        for k, piece in enumerate(pieces):
            out.append(line.moved(text=piece, para_start=line.para_start or k > 0,
                                  full=line.full and k == len(pieces) - 1))
    return out
