"""Composes the stages: path -> Source -> CleanText -> tagged text (tagging.flow.tag_text) -> Record, and loads
them once in a process that forks workers (warm_up). Nothing else."""
from __future__ import annotations

import gc
import traceback
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from .errors import E_INTERNAL, E_MEMORY, W_NO_JURISDICTION
from .settings import pipeline_version
from .types import CleanText, Record, Source

PIPELINE_VERSION = pipeline_version()


def extract(path: str | Path, *, isolate: bool = True) -> Record:
    """The record of one input file; bad input gives a record with `error`, never an exception."""
    from .sources import load
    return record_from_source(load(str(path), isolate=isolate))


# a short notice: title, number, a measure with its bureau and an amount, issuer and date
WARM_UP_TEXT = """关于印发支持企业技术改造若干措施的通知
市府办〔2024〕1号
各区人民政府，市直各单位：
一、对完成技术改造的企业，按设备投资额的10%给予补助，最高不超过50万元（市工业和信息化局负责）。
二、对新认定的省级企业技术中心，一次性奖励20万元（市财政局、市科技局按职责分工负责）。
某某市人民政府办公室
2024年1月8日"""


@cache
def warm_up(pdf: bool = True) -> None:
    """Loads what tagging reads (the taggers' data and patterns) by extracting a short text, and with `pdf`
    the PDF readers, so that worker processes forked afterwards start with all of it (pipeline.workers);
    once a process."""
    if pdf:
        import pdfplumber.table  # noqa: F401 - the table finder, on a page with rules
        from .sources import pdf as pdfium  # noqa: F401 - PDFium
    from .sources.text import text_pages
    from .tagging.agency_data import word_tags

    record_from_source(Source(path="", sha256="", format="txt", pages=text_pages(WARM_UP_TEXT)))
    word_tags()                          # read only for a place name jieba does not know
    gc.collect()
    gc.freeze()                          # what is loaded stays out of the collector's way (and off copied pages)


def record_from_source(source: Source, clean_text: CleanText | None = None) -> Record:
    """The record of a loaded source: clean (unless its `clean_text` is given), structure, tag, assemble."""
    record = Record(
        id=source.sha256[:16] if source.sha256 else "",
        source={"path": source.path, "sha256": source.sha256, "format": source.format,
                "pages": source.page_count},
        warnings=list(source.warnings),
        pipeline_version=PIPELINE_VERSION,
        ocr=list(source.ocr),
    )
    if source.error:
        record.error = source.error
        return record
    try:
        with gc_paused():
            _tag_into(record, source, clean_text)
    except MemoryError:
        record.error = E_MEMORY
    except Exception as exc:  # a bug must not stop the batch: the record says what happened
        record.error = f"{E_INTERNAL}: {type(exc).__name__}: {exc}"
        record.warnings.append(traceback.format_exc(limit=3).strip().splitlines()[-1])
    return record


_paused = {"depth": 0, "enabled": False}


@contextmanager
def gc_paused():
    """The cyclic garbage collector off while a document is cleaned and tagged (and its record written
    out: batch._extract_one). The stages make millions of small objects that live until the record is
    done, and every collection walked them all again (two fifths of the time of a 5 MB text); they form
    no cycles worth collecting meanwhile. Nested pauses turn it off again (a library loaded meanwhile may
    turn it on) and leave turning it back on to the outermost."""
    if _paused["depth"] == 0:
        _paused["enabled"] = gc.isenabled()
    _paused["depth"] += 1
    gc.disable()
    try:
        yield
    finally:
        _paused["depth"] -= 1
        if _paused["depth"] == 0 and _paused["enabled"]:
            gc.enable()


def clean_source(source: Source) -> CleanText | None:
    """The clean text of a source that loaded (None for one that failed: its record says why)."""
    from .clean import clean
    return None if source.error else clean(source)


def _tag_into(record: Record, source: Source, clean_text: CleanText | None = None) -> None:
    from .clean import clean
    from .tagging.flow import tag_text

    if clean_text is None:
        clean_text = clean(source)
    record.text = clean_text.text
    record.pages = [{"page": r.page, "start": r.start, "end": r.end} for r in clean_text.runs]
    record.warnings += clean_text.warnings
    tagged = tag_text(clean_text.text)
    structure = tagged.structure
    record.meta = structure.meta
    record.kind = structure.kind
    record.sections = structure.sections
    record.warnings += structure.warnings
    if tagged.jurisdiction is None or not getattr(tagged.jurisdiction, "name", True):
        record.warnings.append(W_NO_JURISDICTION)
    record.entities = sorted(tagged.entities, key=lambda e: (e.start, e.end, e.label))
    for e in record.entities:
        e.page = clean_text.page_at(e.start)
    record.measures = tagged.measures
    for m in record.measures:
        m.page = clean_text.page_at(m.start)
    _add_tables(record, source, clean_text)
    record.proposal = tagged.proposal
    record.responses = tagged.responses
    for r in record.responses:
        r.page = clean_text.page_at(r.start)
    from .linking.keys import link_keys
    record.keys = link_keys(record)


def _add_tables(record: Record, source: Source, clean_text) -> None:
    """The source's tables into the record, and the money of their cells into its entities."""
    if not any(p.tables for p in source.pages):
        return
    from .structure.record_tables import record_tables
    from .tagging.measures import link_to_measures
    from .tagging.table_money import table_money

    tables, warnings = record_tables(source, clean_text)
    money = link_to_measures(table_money(tables, record.entities, record.text), record.measures)
    record.entities = sorted(record.entities + money, key=lambda e: (e.start, e.end, e.label))
    record.tables = [t.to_dict() for t in tables]
    record.warnings += warnings
