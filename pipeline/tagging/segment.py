"""Chinese word segmentation: a private jieba.Tokenizer with the project's dictionary (no global jieba)."""
from __future__ import annotations

import logging
import tempfile
from functools import cache
from pathlib import Path

import jieba

from ..settings import JIEBA_USERDICT

jieba.setLogLevel(logging.WARNING)


@cache
def tokenizer(userdict: Path = JIEBA_USERDICT) -> jieba.Tokenizer:
    """One tokenizer per process, loaded with models/jieba/userdict.txt where it exists."""
    tk = jieba.Tokenizer()
    tk.tmp_dir = tempfile.gettempdir()
    tk.initialize()
    if Path(userdict).exists():
        tk.load_userdict(str(userdict))
    return tk


def segment(text: str) -> list[str]:
    """The words of `text` (jieba, HMM on), whitespace kept as its own tokens."""
    return tokenizer().lcut(text)
