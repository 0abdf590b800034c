"""Tell a file's format from its first bytes (magic numbers and markup), the suffix only as a tie-break."""
from __future__ import annotations

from pipeline.sources.zipguard import open_zip

# Magic numbers of formats that are certainly not text documents we read.
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"II*\x00", b"MM\x00*", b"\x7fELF",
                b"MZ", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf", b"\x00\x00\x01\x00", b"RIFF")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"      # legacy .doc/.xls/.wps
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<title", b"<p>")


def sniff_format(data: bytes, suffix: str = "") -> str:
    """One of pdf, docx, html, txt, binary, unsupported, for `data` (the whole file or its start);
    PolicyKGError E124 for a zip whose directory alone is past the limits."""
    head = data[:2048]
    if head.lstrip(b"\x00\t\r\n ").startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        archive = open_zip(data)
        if archive is None:
            return "binary"
        return "docx" if "word/document.xml" in archive.namelist() else "unsupported"
    if head.startswith(OLE_MAGIC):
        return "unsupported"
    if head.startswith(BINARY_MAGIC):
        return "binary"
    probe = _ascii_probe(head).lower()
    if any(m in probe for m in HTML_MARKERS) or suffix.lower() in (".html", ".htm", ".shtml") \
            and b"<" in probe:
        return "html"
    return "txt"


def _ascii_probe(head: bytes) -> bytes:
    """The start of the file with UTF-16 NUL bytes dropped, so markup shows in either encoding."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head.count(b"\x00") > len(head) // 4:
        return head.replace(b"\x00", b"")
    return head
