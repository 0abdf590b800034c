"""Input files -> Source (pages of lines): the one package that opens input files.

`load` sniffs the format from the bytes, never raises for bad input (the Source carries an
E-code `error` instead), and parses PDFs, DOCX and HTML in a worker process with time and memory
limits. A text of any length is read: tagging takes a long one in chunks (pipeline.tagging.chunks), and
the worker's time and memory limits bound what it may cost.
"""
from __future__ import annotations

import hashlib
import os

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.sources.scrub import printable_path, scrub_pages
from pipeline.types import Source

__all__ = ["load"]


def load(path: str, *, isolate: bool = True, timeout: float = 60, memory_mb: int = 2048,
         max_bytes: int = 200_000_000) -> Source:
    """Read one input file into a Source; on failure the Source has `error` set and no pages."""
    path = str(path)
    shown = printable_path(path)
    if not os.path.isfile(path):
        return Source(path=shown, sha256="", format="unknown", error=errors.E_NOT_FOUND)
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return Source(path=shown, sha256="", format="unknown",
                          error=f"{errors.E_TOO_LARGE}: {size} > {max_bytes} bytes")
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:                  # permission denied, a file gone since it was listed, an I/O error
        return Source(path=shown, sha256="", format="unknown", error=f"{errors.E_UNREADABLE}: {e.strerror or e}")
    source = Source(path=shown, sha256=hashlib.sha256(data).hexdigest(), format="unknown")
    if not data.strip():
        source.error = errors.E_EMPTY
        return source
    try:
        _fill(source, path, data, isolate=isolate, timeout=timeout, memory_mb=memory_mb)
        scrub_pages(source.pages)
    except PolicyKGError as e:
        source.pages, source.has_pages, source.error = [], False, str(e)
    except Exception as e:  # noqa: BLE001 - a loader bug must not stop the batch
        source.pages, source.error = [], f"{errors.E_INTERNAL}: {type(e).__name__}: {e}"[:300]
    return source


def _parse(func, args: tuple, *, isolate: bool, timeout: float, memory_mb: int):
    """func(*args), in a worker process with time and memory limits where `isolate`."""
    if not isolate:
        return func(*args)
    from pipeline.sources.isolate import run_isolated

    return run_isolated(func, args, timeout=timeout, memory_mb=memory_mb)


def _ocr_textless_pages(source: Source, path: str, *, isolate: bool, timeout: float, memory_mb: int) -> None:
    """The PDF's pages without a text layer read by OCR, in a worker of their own whose time limit
    grows with their number; raises E112 where no page has text after it."""
    from pipeline.sources import ocr

    numbers = ocr.textless(source.pages)
    if not numbers:
        return
    try:
        read = _parse(ocr.ocr_pages, (path, numbers), isolate=isolate,
                      timeout=timeout + ocr.SECONDS_PER_PAGE * len(numbers), memory_mb=memory_mb)
    except PolicyKGError as e:              # the worker ran out of time or memory, or crashed
        read = [ocr.OcrPage(n, error=str(e)) for n in numbers]
    source.pages, warnings, source.ocr = ocr.apply_ocr(source.pages, read)
    source.warnings += warnings


def _fill(source: Source, path: str, data: bytes, *, isolate: bool, timeout: float, memory_mb: int) -> None:
    from pipeline.sources.sniff import sniff_format

    limits = {"isolate": isolate, "timeout": timeout, "memory_mb": memory_mb}
    fmt = sniff_format(data, os.path.splitext(path)[1])
    source.format = {"binary": "unknown", "unsupported": "unknown"}.get(fmt, fmt)
    if fmt == "binary":
        raise PolicyKGError(errors.E_BINARY)
    if fmt == "unsupported":
        raise PolicyKGError(errors.E_UNSUPPORTED)
    if fmt == "pdf":
        from pipeline.sources.pdf import parse_pdf

        pages, warnings = _parse(parse_pdf, (path,), **limits)
        source.pages, source.has_pages = pages, True
        source.warnings += warnings
        _ocr_textless_pages(source, path, **limits)
    elif fmt == "docx":
        from pipeline.sources.docx import docx_pages

        source.pages = _parse(docx_pages, (data,), **limits)
    else:
        from pipeline.sources.text import decode_text, text_pages

        text, encoding = decode_text(data)
        if encoding != "utf-8":
            source.warnings.append(errors.W_DECODED_AS.format(encoding=encoding))
        if fmt == "html":
            from pipeline.sources.html import html_pages

            source.pages = _parse(html_pages, (text,), **limits)
        else:
            source.pages = text_pages(text)
        if not any(line.text.strip() for p in source.pages for line in p.lines):
            raise PolicyKGError(errors.E_EMPTY)
