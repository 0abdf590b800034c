"""Control characters out of source lines before any stage reads them, so every offset later taken
in the clean text points at what the record holds.

Line and page separators (form feed, vertical tab, U+2028 ...) become a space inside a line (text
files break lines at them: text.text_pages); other C0 and C1 controls and DEL are dropped; a lone
surrogate, which has no UTF-8 form and would fail the JSON record, becomes U+FFFD.
"""
from __future__ import annotations

import os
import re

from pipeline.types import Line, Page

LINE_SEPARATORS = "\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
_SEPARATOR = re.compile(f"[{LINE_SEPARATORS}]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ANY = re.compile(f"[{LINE_SEPARATORS}\x00-\x08\x0e-\x1b\x1f\x7f-\x9f\ud800-\udfff]")


def scrub(text: str) -> str:
    """`text` without control characters (tab kept), separators as spaces, surrogates as U+FFFD."""
    if not _ANY.search(text):
        return text
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", _SEPARATOR.sub(" ", text)))


def scrub_pages(pages: list[Page]) -> list[Page]:
    """The pages with every line scrubbed (lines without controls kept as they are)."""
    for page in pages:
        for line in page.lines:
            line.text = scrub(line.text)
        for table in page.tables:            # its row lines are made of these cells: they stay alike
            for grid in (table.header, table.rows, table.header_lines, *table.pieces):
                for row in grid:
                    row[:] = [scrub(c) for c in row]
    return pages


def printable_path(path: str) -> str:
    """The path as UTF-8 text: bytes of a file name that are no UTF-8 shown as \\xNN."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:                  # a surrogate that stands for no byte
        return _SURROGATE.sub("\ufffd", path)
