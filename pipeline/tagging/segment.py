"""Chinese word segmentation: a private jieba.Tokenizer with the project's dictionary (no global jieba).

jieba's HMM copies the path so far at every character of a run it cannot split into dictionary
words, so its time grows with the square of the run: 40,000 characters with no punctuation took
5 s, a 10 MB line never ended. `cut` hands jieba such runs in pieces of at most MAX_RUN characters.
"""
from __future__ import annotations

import logging
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Iterator

import jieba

from ..settings import JIEBA_USERDICT

jieba.setLogLevel(logging.WARNING)

MAX_RUN = 200          # the longest run in the corpora is under 80 characters
_BLOCK = "[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]"       # what jieba reads as one block (its re_han_default)
_LONG_RUN = re.compile(f"(?<!{_BLOCK}){_BLOCK}{{{MAX_RUN + 1},}}")


@cache
def tokenizer(userdict: Path = JIEBA_USERDICT) -> jieba.Tokenizer:
    """One tokenizer per process, loaded with models/jieba/userdict.txt where it exists."""
    tk = jieba.Tokenizer()
    tk.tmp_dir = tempfile.gettempdir()
    tk.initialize()
    if Path(userdict).exists():
        tk.load_userdict(str(userdict))
    return tk


def cut(text: str) -> Iterator[str]:
    """tokenizer().cut(text), a block longer than MAX_RUN characters read in pieces of MAX_RUN."""
    tk, pos = tokenizer(), 0
    for m in _LONG_RUN.finditer(text):
        for end in range(m.start() + MAX_RUN, m.end(), MAX_RUN):
            yield from tk.cut(text[pos:end])
            pos = end
    yield from tk.cut(text[pos:])


def segment(text: str) -> list[str]:
    """The words of `text` (jieba, HMM on), whitespace kept as its own tokens."""
    return list(cut(text))
