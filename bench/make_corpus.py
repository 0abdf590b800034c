"""Generates a synthetic corpus of government documents from templates, with the record each should yield.

    .venv/bin/python bench/make_corpus.py --docs 10000 --out outputs/bench-corpus

Writes OUT/raw/<n>.txt (measures notices and replies to proposals, varying cities, bureaus, amounts,
proposal numbers) and OUT/truth/<n>.json (the Record an ideal extractor returns: the graph benchmark's
oracle extractor reads it, so the graph layer can be measured apart from extraction).
The vocabulary below is template data for synthetic documents, not rules of the pipeline.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from pipeline.types import Entity, Measure, Meta, Proposal, Record, Response

CITIES = ["中山", "江门", "佛山", "珠海", "惠州", "东莞", "肇庆", "清远", "韶关", "湛江", "茂名", "汕头",
          "潮州", "揭阳", "梅州", "河源", "阳江", "云浮", "汕尾", "苏州", "无锡", "常州", "南通", "嘉兴",
          "湖州", "绍兴", "金华", "台州", "温州", "宁波", "衡阳", "怀化", "岳阳", "常德", "株洲", "湘潭"]
# (full name, short form written in measures and replies)
BUREAUS = [("工业和信息化局", "工信局"), ("商务局", "商务局"), ("科学技术局", "科技局"), ("财政局", "财政局"),
           ("发展和改革局", "发改局"), ("人力资源和社会保障局", "人社局"), ("市场监督管理局", "市场监管局"),
           ("农业农村局", "农业农村局"), ("文化广电旅游体育局", "文广旅体局"), ("住房和城乡建设局", "住建局")]
TOPICS = ["外经贸高质量发展", "制造业数字化转型", "科技创新", "跨境电商发展", "专精特新企业发展",
          "现代农业发展", "文旅消费", "人才引进", "绿色低碳发展", "总部经济发展"]
ACTIONS = ["支持企业开拓国际市场", "鼓励技术改造", "支持研发投入", "支持平台建设", "鼓励品牌建设",
           "支持人才培训", "支持展会活动", "鼓励贷款贴息", "支持标准制定", "支持认证检测"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁沈任姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红玲建国志文斌辉鹏飞宇浩"
STATUSES = ["吸收采纳", "部分采纳", "留作参考", "正在解决"]
NUMERALS = "一二三四五六七八九十"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class _Text:
    """Builds a text piece by piece and remembers where each tagged piece starts."""

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> int:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return start

    def __str__(self) -> str:
        return "".join(self.parts)


def _agency(t: _Text, written: str, canonical: str) -> Entity:
    start = t.add(written)
    return Entity("AGENCY", written, start, start + len(written), None, {"canonical": canonical})


def measures_doc(i: int, rng: random.Random) -> tuple[str, Record]:
    """A 若干措施 notice of a city government office with 3-6 measures, caps and responsible bureaus."""
    city, year = rng.choice(CITIES), rng.randint(2018, 2025)
    office, topic = f"{city}市人民政府办公室", rng.choice(TOPICS)
    policy = f"{city}市促进{topic}若干措施"
    title = f"{office}关于印发《{policy}》的通知"
    number = f"{city[0]}府办〔{year}〕{rng.randint(1, 99)}号"
    t, entities, measures = _Text(), [], []
    entities.append(_agency(t, office, office))
    t.add(f"关于印发《{policy}》的通知\n{number}\n各区人民政府，市政府各部门：\n"
          f"《{policy}》已经市人民政府同意，现印发给你们，请认真贯彻执行。\n")
    for k in range(rng.randint(3, 6)):
        label = NUMERALS[k]
        full, short = rng.choice(BUREAUS)
        start = t.add(f"{label}、{rng.choice(ACTIONS)}。")
        cap = rng.choice((5, 10, 20, 30, 50, 100, 200, 300, 500, 1000)) * 10000
        rate = rng.choice((10, 20, 30, 50))
        t.add(f"对符合条件的企业按实际投入给予{rate}%、")
        cap_text = f"最高{cap // 10000}万元"
        at = t.add(cap_text)
        entities.append(Entity("MONEY", cap_text, at, at + len(cap_text), None,
                               {"amount": cap, "amount_max": None, "currency": "CNY", "approx": False,
                                "role": "cap", "rate": rate / 100, "scope": "每家企业", "measure": label}))
        t.add("的补贴，每家企业每年只享受一次。（责任单位：")
        entities.append(_agency(t, f"市{short}", f"{city}市{full}"))
        t.add("、")
        entities.append(_agency(t, "市财政局", f"{city}市财政局"))
        end = t.add("）\n")
        measures.append(Measure(label, "", start, end,
                                [f"{city}市{full}", f"{city}市财政局"]))
    t.add(f"本措施自印发之日起实施，有效期至{year + 2}年12月31日。\n")
    entities.append(_agency(t, office, office))
    t.add(f"\n{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n")
    text = str(t)
    for m in measures:
        m.title = text[m.start:text.index("。", m.start)].split("、", 1)[1]
    record = Record(id=f"m{i:07d}", source={}, text=text, kind="measures", entities=entities, measures=measures,
                    meta=Meta(doc_number=number, title=title, doc_type="通知", issuer=office,
                              date=f"{year}-01-01", recipients=["各区人民政府"],
                              effective_from=f"{year}-01-01", effective_to=f"{year + 2}-12-31"))
    return text, record


def reply_doc(i: int, rng: random.Random) -> tuple[str, Record]:
    """A reply of a city bureau to a CPPCC proposal: proposers, co-handlers, statuses, a cited policy."""
    city, year = rng.choice(CITIES), rng.randint(2018, 2025)
    (full, short), (co_full, co_short) = rng.sample(BUREAUS, 2)
    bureau, co = f"{city}市{full}", f"{city}市{co_full}"
    session = f"市政协{rng.randint(10, 14)}届{rng.randint(1, 5)}次会议"
    number = str(rng.randint(1, 999) + 1000 * rng.randint(0, 200))
    title = f"{bureau}关于{session}第{number}号提案答复的函"
    proposers = [_name(rng) for _ in range(rng.randint(1, 3))]
    topic = rng.choice(TOPICS)
    t, entities, responses = _Text(), [], []
    entities.append(_agency(t, bureau, bureau))
    doc_number = f"{city[0]}{short[0]}函〔{year}〕{rng.randint(1, 300)}号"
    t.add(f"关于{session}第{number}号提案答复的函\n{doc_number}\n"
          f"{'、'.join(proposers)}委员：\n你们提出的《关于推动{topic}的建议》收悉。经认真研究，结合")
    entities.append(_agency(t, f"市{co_short}", co))
    t.add(f"的意见，现答复如下：\n")
    cited = f"{city}市促进{topic}若干措施"
    for k in range(rng.randint(2, 4)):
        status, action = rng.choice(STATUSES), rng.choice(ACTIONS)
        start = t.add(f"{NUMERALS[k]}、关于{action}的建议\n我局将按照《{cited}》落实。该建议{status}。\n")
        responses.append(Response(NUMERALS[k], action, status, start, t.size))
    at = str(t).index(f"《{cited}》")
    entities.append(Entity("CITATION", f"《{cited}》", at, at + len(cited) + 2, None, {}))
    entities.append(_agency(t, bureau, bureau))
    t.add(f"\n{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n")
    record = Record(id=f"r{i:07d}", source={}, text=str(t), kind="reply", entities=entities, responses=responses,
                    meta=Meta(doc_number=doc_number, title=title, doc_type="函", issuer=bureau, date=f"{year}-07-01"),
                    proposal=Proposal(number=number, session=session, proposers=proposers,
                                      title=f"关于推动{topic}的建议", replying_unit=bureau, co_handlers=[co]))
    return str(t), record


def make_corpus(out: Path, docs: int, seed: int = 7) -> Path:
    """Writes `docs` documents (one in three a reply) under out/raw and their records under out/truth."""
    rng = random.Random(seed)
    (out / "raw").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        text, record = (reply_doc if i % 3 == 2 else measures_doc)(i, rng)
        (out / "raw" / f"{i:07d}.txt").write_text(text, encoding="utf-8")
        (out / "truth" / f"{i:07d}.json").write_text(json.dumps(record.to_dict(), ensure_ascii=False),
                                                      encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=Path("outputs/bench-corpus"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    make_corpus(args.out, args.docs, args.seed)
    print(f"{args.docs} documents in {args.out / 'raw'}, records in {args.out / 'truth'}")


if __name__ == "__main__":
    main()
