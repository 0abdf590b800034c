"""Hand-built records (a proposal reply, a measures notice) and a fast fake extractor for graph tests."""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from pipeline.graph.ingest import IngestReport, ingest
from pipeline.graph.store import open_store
from pipeline.types import Entity, Measure, Meta, Proposal, Record, Response
from tests.graph.stores import store_exists

VERSION = "test-1"


def _agency(text: str, canonical: str, start: int, page: int = 1) -> Entity:
    return Entity("AGENCY", text, start, start + len(text), page, {"canonical": canonical})


def _money(text: str, start: int, amount: float, role: str, measure: str | None, rate=None, scope=None,
           page: int = 1) -> Entity:
    return Entity("MONEY", text, start, start + len(text), page,
                  {"amount": amount, "amount_max": None, "currency": "CNY", "approx": False, "role": role,
                   "rate": rate, "scope": scope, "measure": measure})


def _placed(text: str, *pieces: str) -> list[int]:
    """Start offsets of pieces found in order in text."""
    out, at = [], 0
    for p in pieces:
        at = text.index(p, at)
        out.append(at)
    return out


def reply_record(doc_id: str = "reply133089") -> Record:
    """A Zhongshan-like reply to proposal 133089 with proposers, co-handlers and two responses."""
    text = ("中山市商务局关于市政协十三届三次会议第133089号提案答复的函\n中山商务贸函〔2024〕8号\n"
            "蔡先全、杜姬芳、陆玲委员：\n你们提出的《关于推动外贸高质量发展的建议》收悉。市工信局、市财政局会办。\n"
            "一、创新为本，分类发展。已吸收采纳。\n二、加强服务。留作参考。\n"
            "依据《中山市促进外经贸发展若干措施》执行。\n中山市商务局\n2024年7月10日\n")
    s = _placed(text, "中山市商务局", "133089", "市工信局", "市财政局", "一、", "二、", "《中山市促进", "中山市商务局\n2024")
    return Record(
        id=doc_id, source={"path": f"{doc_id}.txt", "sha256": "x" * 64, "format": "txt", "pages": None},
        meta=Meta(doc_number="中山商务贸函〔2024〕8号", title="中山市商务局关于市政协十三届三次会议第133089号提案答复的函",
                  doc_type="函", issuer="中山市商务局", date="2024-07-10"),
        text=text, kind="reply",
        entities=[_agency("中山市商务局", "中山市商务局", s[0]), _agency("市工信局", "中山市工业和信息化局", s[2]),
                  _agency("市财政局", "中山市财政局", s[3]), _agency("中山市商务局", "中山市商务局", s[7]),
                  Entity("CITATION", "《中山市促进外经贸发展若干措施》", s[6], s[6] + 16, 1, {})],
        proposal=Proposal(number="133089", session="市政协十三届三次会议", proposers=["蔡先全", "杜姬芳", "陆玲"],
                          title="关于推动外贸高质量发展的建议", replying_unit="中山市商务局",
                          co_handlers=["中山市工业和信息化局", "中山市财政局"]),
        responses=[Response("一", "创新为本，分类发展", "吸收采纳", s[4], s[5], 1),
                   Response("二", "加强服务", "留作参考", s[5], s[6], 1)],
        pipeline_version=VERSION)


def measures_record(doc_id: str = "measures01", cap: float = 500000, title: str = "中山市促进外经贸发展若干措施",
                    effective_to: str | None = "2025-12-31") -> Record:
    """A measures notice: two measures with responsible units, a cap with rate and scope, a grant."""
    text = (f"{title}\n一、加快开拓国际市场\n对企业参展给予50%、最高{int(cap // 10000)}万元支持。"
            "（责任单位：市商务局、工业和信息化局）\n二、支持贸易融资\n给予15万元的一次性补贴。（责任单位：市财政局）\n"
            "中山市人民政府办公室\n2025年1月2日\n")
    s = _placed(text, "一、", "最高", "市商务局", "工业和信息化局", "二、", "15万元", "市财政局", "中山市人民政府办公室")
    cap_text = f"最高{int(cap // 10000)}万元"
    return Record(
        id=doc_id, source={"path": f"{doc_id}.txt", "sha256": "y" * 64, "format": "txt", "pages": 2},
        meta=Meta(doc_number="中府办〔2025〕1号", title=title, doc_type="措施", issuer="中山市人民政府办公室",
                  date="2025-01-02", recipients=["各镇人民政府", "市商务局"], effective_from="2025-01-02",
                  effective_to=effective_to),
        text=text, kind="measures",
        entities=[_money(cap_text, s[1], cap, "cap", "一", rate=0.5, scope="每家企业"),
                  _agency("市商务局", "中山市商务局", s[2]), _agency("工业和信息化局", "中山市工业和信息化局", s[3]),
                  _money("15万元", s[5], 150000, "grant", "二", page=2), _agency("市财政局", "中山市财政局", s[6], 2),
                  _agency("中山市人民政府办公室", "中山市人民政府办公室", s[7], 2)],
        measures=[Measure("一", "加快开拓国际市场", s[0], s[4], ["中山市商务局", "中山市工业和信息化局"],
                          lead=["中山市商务局"], page=1),
                  Measure("二", "支持贸易融资", s[4], s[7], ["中山市财政局"], page=2)],
        pipeline_version=VERSION)


def write_record_file(path: Path, record: Record) -> Path:
    """A test input file: the record's JSON (what fake_extract reads back)."""
    path.write_text(json.dumps(record.to_dict(), ensure_ascii=False), encoding="utf-8")
    return path


def fake_extract(path: str) -> Record:
    """Reads a record JSON file as if extracted; id and sha from the bytes, like the real extractor."""
    data = Path(path).read_bytes()
    if os.environ.get("FAKE_EXTRACT_DELAY"):
        time.sleep(float(os.environ["FAKE_EXTRACT_DELAY"]))
    sha = hashlib.sha256(data).hexdigest()
    if data.startswith(b"CRASH"):          # a worker that dies, as on a segfault or the memory limit
        os._exit(3)
    try:
        record = Record.from_dict(json.loads(data))
    except ValueError as exc:
        return Record(id=sha[:16], source={"path": path, "sha256": sha}, error=f"E103 bad test input: {exc}")
    record.id = record.id or sha[:16]
    record.source = {**record.source, "path": path, "sha256": sha}
    return record


def ingest_fake(paths, store_path: Path, **options) -> IngestReport:
    """ingest() with the fake extractor, in this process (no worker limits), no progress bar, no linking
    (override any of these)."""
    kw = {"workers": 1, "extract_fn": fake_extract, "pipeline_version": VERSION, "progress": False, "link": False,
          "limits": None}
    return ingest(paths, store_path, **{**kw, **options})


def linking_state(db) -> dict:
    """Everything linking derived in a store, in a fixed order: to compare linking step by step with linking all."""
    with open_store(db) as s:
        return {t: s.sql(f"SELECT * FROM {t} ORDER BY 1, 2, 3") for t in
                ("similar_pairs", "reposts", "supersessions", "agency_aliases")} | {
            "citations": s.sql("SELECT document_id, seq, target_id, resolution, score FROM found_citations "
                               "ORDER BY 1, 2"),
            "followups": s.sql("SELECT * FROM followups ORDER BY reply_id, response_id, rank, measure_id"),
            "edges": list(s.iter_edges())}


def small_store(tmp_path: Path, **options) -> Path:
    """A store of one reply and one measures document (the fake extractor), in tmp_path/kg.db."""
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "reply.txt", reply_record())
    write_record_file(docs / "measures.txt", measures_record())
    store = tmp_path / "kg.db"
    ingest_fake([docs], store, **options)
    return store


def wait_until_stored(db: Path, at_least: int, timeout: float = 60) -> None:
    """Wait until a store another process writes holds `at_least` stored copies (an ingest under way)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if store_exists(db):
            with open_store(db) as s:
                if s.counts()["copies"] >= at_least:
                    return
        time.sleep(0.05)
    raise AssertionError("nothing was stored")
