"""Light Records for linking tests and benchmarks: meta, measures, caps and reply sections by simple regexes.

Extraction proper is another stage's job; linking only needs Records with these fields filled.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from pipeline.clean.script import to_simplified
from pipeline.types import Entity, Measure, Meta, Proposal, Record, Response

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "corpora"))
from make_variants import CAP, ITEM_PATTERNS, RESPONSIBLE, items  # noqa: E402

DATE_LINE = re.compile(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$", re.M)
VALID_TO = re.compile(r"至(\d{4})年(\d{1,2})月(\d{1,2})日")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}〔\d{4}〕\d{1,4}号")


def iso(m: re.Match) -> str:
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


def sketch_measures(doc_id: str, text: str, jurisdiction: str | None) -> tuple[list[Measure], list[Entity]]:
    """Numbered items (the level with most items) with responsible units as written and cap entities."""
    simple = to_simplified(text)
    lines = simple.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    level, starts = items(lines)
    measures, entities = [], []
    for k, i in enumerate(starts):
        start = offsets[i]
        end = offsets[starts[k + 1]] - 1 if k + 1 < len(starts) else offsets[i] + len(lines[i])
        m = ITEM_PATTERNS[level].match(lines[i])
        label = m.group(1)
        title = re.split(r"[。；;:：]", lines[i][m.end():].strip(), maxsplit=1)[0]
        span = simple[start:end]
        units = []
        for r in RESPONSIBLE.finditer(span):
            units += [u.strip() for u in re.split(r"[、,，]", r.group(1)) if u.strip()]
        if jurisdiction:
            units = [jurisdiction + u[1:] if u.startswith("市") and not u.startswith("市场") else u for u in units]
        measures.append(Measure(label, text[start + m.end():start + m.end() + len(title)], start, end,
                                responsible=units))
        for c in CAP.finditer(span):
            amount = round(float(c.group(3)) * {"万": 10_000, "亿": 100_000_000}.get(c.group(4) or "", 1))
            entities.append(Entity("MONEY", text[start + c.start():start + c.end()], start + c.start(),
                                   start + c.end(), attrs={"amount": amount, "role": "cap", "measure": label,
                                                           "currency": "CNY"}))
    return measures, entities


def sketch_record(doc_id: str, text: str, title: str | None = None, issuer: str | None = None,
                  jurisdiction: str | None = None, kind: str = "measures") -> Record:
    """A Record with meta (date line, validity, doc number), measures and caps found by regex."""
    simple = to_simplified(text)
    dates = list(DATE_LINE.finditer(simple))
    valid = VALID_TO.search(simple)
    number = DOC_NUMBER.search(simple)
    date = iso(dates[-1]) if dates else None
    meta = Meta(doc_number=text[number.start():number.end()] if number else None, title=title, issuer=issuer,
                date=date, effective_from=date if valid else None, effective_to=iso(valid) if valid else None)
    measures, entities = sketch_measures(doc_id, text, jurisdiction)
    return Record(id=doc_id, source={"path": f"{doc_id}.txt"}, meta=meta, text=text, entities=entities,
                  measures=measures, kind=kind)


def sketch_reply(doc_id: str, text: str, gold: dict) -> Record:
    """A reply Record: meta and proposal from the gold file, response spans found from the suggestions."""
    meta = Meta(**{k: gold["meta"].get(k) for k in ("doc_number", "title", "doc_type", "issuer", "date")})
    heads = []
    for r in gold["responses"]:
        pattern = r"\s*".join(map(re.escape, re.sub(r"\s+", "", r["suggestion"] or "")))
        m = re.search(pattern, text) if pattern else None
        if m:
            line_start = text.rfind("\n", 0, m.start()) + 1
            heads.append((line_start, r))
    responses = []
    for k, (start, r) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        responses.append(Response(r["label"], r["suggestion"], r["status"], start, end))
    p = gold["proposal"]
    proposal = Proposal(number=p["number"], session=p.get("session"), proposers=p.get("proposers") or [],
                        title=p.get("title"))
    return Record(id=doc_id, source={"path": f"{doc_id}.txt"}, meta=meta, text=text, proposal=proposal,
                  responses=responses, kind="reply")


# ---------------------------------------------------------------- the dev corpus and its variants as Records
from functools import cache  # noqa: E402


@cache
def corpus_records() -> tuple[Record, ...]:
    """The 14 dev documents as Records: gold meta, regex measures and caps, gold agency mentions."""
    from tests.corpus import DOC_IDS, load_gold, raw_text
    out = []
    for doc_id in DOC_IDS:
        gold, text = load_gold(doc_id), raw_text(doc_id)
        if gold["proposal"]:
            record = sketch_reply(doc_id, text, gold)
        else:
            record = sketch_record(doc_id, text, gold["meta"]["title"], gold["meta"]["issuer"])
            record.meta.date = gold["meta"]["date"] or record.meta.date
        for a in gold["agencies"]:
            i = text.find(a["text"])
            record.entities.append(Entity("AGENCY", a["text"], i, i + len(a["text"]),
                                          attrs={"canonical": a["canonical"]}))
        out.append(record)
    return tuple(out)


@cache
def variant_records(seed: int = 11) -> tuple[tuple, tuple[Record, ...]]:
    """Reposts (3 each) and revisions of the dev documents, with the Records the linker sees."""
    import random

    from make_variants import real_documents, variants_of
    from tests.corpus import load_gold
    golds = {doc_id: load_gold(doc_id) for doc_id, _ in real_documents()}
    docs = [(doc_id, text, golds[doc_id]["meta"]["title"]) for doc_id, text in real_documents()]
    variants = variants_of(docs, random.Random(seed), reposts=3, revisions=1)
    records = []
    for v in variants:
        gold = golds[v.base]
        if gold["proposal"] and v.kind != "revision":
            records.append(sketch_reply(v.id, v.text, gold))
        else:
            records.append(sketch_record(v.id, v.text, v.title, gold["meta"]["issuer"]))
    return tuple(variants), tuple(records)
