"""Plain text bytes -> a one-page Source: UTF-8 (with or without BOM), UTF-16 (with or without BOM),
GB18030/GBK, Big5.

Non-UTF-8 candidates are scored by how much of the decoded text is common Chinese characters
(models/clean/encoding_cues.json): a wrong legacy codec decodes without error but yields rare glyphs.
UTF-16 without a BOM shows in its bytes: Chinese text puts the high bytes of CJK code points
(0x4E-0x9F), CJK and full-width punctuation (0x30, 0xFF) or ASCII (0x00) at every other position.
"""
from __future__ import annotations

import json
import re
from functools import cache

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.settings import MODELS
from pipeline.sources.scrub import LINE_SEPARATORS
from pipeline.types import Line, Page

LEGACY_CODECS = ("gb18030", "big5")
MIN_COMMON_SHARE = 0.08      # below this no candidate reads as Chinese text
MAX_CONTROL_SHARE = 0.02     # above this the bytes are binary, not text
# High bytes of UTF-16 Chinese text: ASCII, general and CJK punctuation, CJK ideographs (extension A
# on), full-width forms. At least UTF16_HIGH_SHARE of one parity's bytes are among them, and
# UTF16_PARITY_GAP more than of the other parity's (ASCII text scores high at both).
UTF16_HIGH_BYTES = frozenset({0x00, 0x20, 0x30, *range(0x34, 0xA0), 0xFF})
UTF16_HIGH_SHARE = 0.8
UTF16_PARITY_GAP = 0.3
MIN_UTF16_COMMON_SHARE = 0.5
_LINE_BREAKS = str.maketrans({c: "\n" for c in LINE_SEPARATORS if c != "\r"})


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


_CONTROL_OR_PRIVATE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")


def _control_share(text: str) -> float:
    """Share of control characters (but tab, CR, LF, FF) and private-use characters."""
    return sum(1 for _ in _CONTROL_OR_PRIVATE.finditer(text)) / max(1, len(text))


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding) for text bytes; raises PolicyKGError E102 (binary) or E103 (undecodable)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace"), "utf-16"
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
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
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


def _high_share(sample: bytes) -> float:
    """Share of the bytes that may be high bytes of UTF-16 Chinese text."""
    return sum(b in UTF16_HIGH_BYTES for b in sample) / max(1, len(sample))


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, codec) where the bytes read as Chinese UTF-16 without a BOM, else None."""
    head = data[:65536]
    even, odd = _high_share(head[0::2]), _high_share(head[1::2])
    if odd >= UTF16_HIGH_SHARE and odd - even >= UTF16_PARITY_GAP:
        codec = "utf-16-le"
    elif even >= UTF16_HIGH_SHARE and even - odd >= UTF16_PARITY_GAP:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data[:len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:
        return None
    if _control_share(text) > MAX_CONTROL_SHARE or common_share(text) < MIN_UTF16_COMMON_SHARE:
        return None
    return text, codec


def text_pages(text: str) -> list[Page]:
    """One page-less Page 0 holding the text's lines (line ends normalised, a form feed or another line
    separator a line end too, nothing else changed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    return [Page(number=0, lines=[Line(text=t) for t in text.split("\n")])]
