"""Plain text bytes -> a one-page Source: UTF-8 (with or without BOM), UTF-16 (BOM), GB18030/GBK, Big5.

Non-UTF-8 candidates are scored by how much of the decoded text is common Chinese characters
(models/clean/encoding_cues.json): a wrong legacy codec decodes without error but yields rare glyphs.
"""
from __future__ import annotations

import json
from functools import cache

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.settings import MODELS
from pipeline.types import Line, Page

LEGACY_CODECS = ("gb18030", "big5")
MIN_COMMON_SHARE = 0.08      # below this no candidate reads as Chinese text
MAX_CONTROL_SHARE = 0.02     # above this the bytes are binary, not text


@cache
def _common_chars() -> frozenset[str]:
    data = json.loads((MODELS / "clean" / "encoding_cues.json").read_text(encoding="utf-8"))
    return frozenset(data["common"])


def common_share(text: str, sample: int = 20000) -> float:
    """Share of non-space characters in the first `sample` that are common Chinese text characters."""
    chars = [c for c in text[:sample] if not c.isspace()]
    if not chars:
        return 0.0
    common = _common_chars()
    return sum(c in common or c.isascii() for c in chars) / len(chars)


def _control_share(text: str) -> float:
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\r\n\f") or "\ue000" <= c <= "\uf8ff")
    return bad / max(1, len(text))


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) for text bytes; raises PolicyKGError E102 (binary) or E103 (undecodable)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    if data.count(b"\x00") > len(data) // 4:
        odd_nul = data[1::2].count(b"\x00") > data[0::2].count(b"\x00")
        codec = "utf-16-le" if odd_nul else "utf-16-be"
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise PolicyKGError(errors.E_BINARY) from None
        if _control_share(text) > MAX_CONTROL_SHARE:
            raise PolicyKGError(errors.E_BINARY)
        return text, codec
    head = data[:65536]
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if controls > MAX_CONTROL_SHARE * len(head):
        raise PolicyKGError(errors.E_BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > MAX_CONTROL_SHARE:
            raise PolicyKGError(errors.E_BINARY)
        return text, "utf-8"
    scored = []
    for codec in LEGACY_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((common_share(text), codec, text))
    if not scored:
        raise PolicyKGError(errors.E_ENCODING)
    share, codec, text = max(scored)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise PolicyKGError(errors.E_BINARY)
    if share < MIN_COMMON_SHARE:
        raise PolicyKGError(errors.E_ENCODING)
    return text, codec


def text_pages(text: str) -> list[Page]:
    """One page-less Page 0 holding the text's lines (line ends normalised, nothing else changed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Page(number=0, lines=[Line(text=t) for t in text.split("\n")])]
