"""Reposts and revisions of real documents, and a large synthetic corpus, with their ground truth.

Reposts keep the notice and change its form: re-wrapped lines, website chrome, traditional script
(OpenCC s2t), page-number lines, a PDF rendering (corpora/render_pdf.py). Revisions change its
content the way a revised policy does: a cap changed, a measure removed (later ones renumbered), a
responsible unit replaced, new dates. Every variant carries the changes made, for tests and bench.

    python corpora/make_variants.py OUT_DIR [--synthetic N] [--pdf] [--seed 7]

writes OUT_DIR/<id>.txt (and .pdf) plus OUT_DIR/manifest.json.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

RAW = Path(__file__).resolve().parent / "raw"
CN_DIGITS = "一二三四五六七八九十"
# Numbered items at the levels that carry policy content: 一、 / （一） / 1.
ITEM_PATTERNS = [re.compile(r"^\s*([一二三四五六七八九十]{1,3})、"),
                 re.compile(r"^\s*[（(]([一二三四五六七八九十]{1,3})[)）]"),
                 re.compile(r"^\s*(\d{1,2})[.．、]")]
CAP = re.compile(r"(最高(?:不超过)?|不超过|上限为?|封顶)([^0-9，,。；]{0,4}?)(\d+(?:\.\d+)?)(万|亿)?元")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
RESPONSIBLE = re.compile(r"[（(](?:责任单位|牵头单位)[:：]([^)）]+)[)）]")


@dataclass
class Variant:
    """One generated document: its text, what it is a variant of, and the changes made."""
    id: str
    text: str
    base: str
    kind: str                                  # original | repost | revision | synthetic
    title: str | None = None
    forms: list[str] = field(default_factory=list)        # repost forms applied
    changes: list[dict] = field(default_factory=list)     # revision changes, in diff terms


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals as item labels are written (十一, 二十)."""
    if n <= 10:
        return CN_DIGITS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_DIGITS[tens - 1] if tens > 1 else "") + "十" + (CN_DIGITS[ones - 1] if ones else "")


# ---------------------------------------------------------------- repost forms
def rewrap(text: str, rng: random.Random) -> str:
    """Paragraphs broken every 20-34 characters, as a PDF extraction or a narrow page gives them."""
    width = rng.randint(20, 34)
    out = []
    for para in text.splitlines():
        para = para.strip()
        out += [para[i:i + width] for i in range(0, len(para), width)] or [""]
    return "\n".join(out)


def add_chrome(text: str, rng: random.Random) -> str:
    """Portal furniture around the notice: publish line, font switch, breadcrumb, print/close links."""
    head = rng.choice(["当前位置：首页 > 政务公开 > 通知公告", "您当前的位置：首页 > 信息公开 > 政策文件"])
    stamp = f"发布时间：20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} " \
            f"{rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}  信息来源：本网  浏览次数：{rng.randint(10, 9999)}"
    foot = rng.choice(["【打印本页】 【关闭窗口】", "分享到：  扫一扫在手机打开当前页", "上一篇：无"])
    return "\n".join([head, stamp, "【字体：大 中 小】", "", text, "", foot])


def to_traditional(text: str) -> str:
    """The text converted to traditional script by OpenCC (s2t), as Hong Kong and Taiwan sites repost it."""
    import opencc
    return opencc.OpenCC("s2t").convert(text)


def add_page_numbers(text: str, rng: random.Random) -> str:
    """A '— n —' line after every page's worth of lines, as a PDF's text layer leaves them."""
    lines, per_page, out = text.splitlines(), rng.randint(18, 24), []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % per_page == 0:
            out.append(f"— {i // per_page} —")
    return "\n".join(out)


def repost(base_id: str, text: str, title: str | None, n: int, rng: random.Random) -> Variant:
    """A repost with one to three forms applied (always at least a visible change)."""
    forms = rng.sample(["rewrap", "chrome", "traditional", "pages"], rng.randint(1, 3))
    out = text
    for form in ["rewrap", "pages", "traditional", "chrome"]:      # a fixed, realistic order
        if form in forms:
            out = {"rewrap": lambda t: rewrap(t, rng), "pages": lambda t: add_page_numbers(t, rng),
                   "traditional": to_traditional, "chrome": lambda t: add_chrome(t, rng)}[form](out)
    return Variant(f"{base_id}~repost{n}", out, base_id, "repost", title, sorted(forms))


# ---------------------------------------------------------------- revisions
def items(lines: list[str]) -> tuple[int, list[int]]:
    """The numbering level with the most items, and the line indexes where its items start."""
    best = (0, [])
    for level, pattern in enumerate(ITEM_PATTERNS):
        starts = [i for i, line in enumerate(lines) if pattern.match(line)]
        if len(starts) > len(best[1]):
            best = (level, starts)
    return best


def item_title(line: str, level: int) -> str:
    """The heading sentence of an item line (up to the first full stop)."""
    body = ITEM_PATTERNS[level].sub("", line, count=1).strip()
    return re.split(r"[。；;:：]", body, maxsplit=1)[0]


def _relabel(line: str, level: int, number: int) -> str:
    m = ITEM_PATTERNS[level].match(line)
    label = str(number) if level == 2 else cn_number(number)
    return line[:m.start(1)] + label + line[m.end(1):]


def revise(base_id: str, text: str, title: str | None, n: int, rng: random.Random) -> Variant | None:
    """A revised version: new dates plus cap / removal / responsible-unit changes where possible."""
    lines = text.splitlines()
    level, starts = items(lines)
    if len(starts) < 3 or not DATE.search(text) or not (CAP.search(text) or RESPONSIBLE.search(text)):
        return None                      # only policy documents (items with caps or units) are revised
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    changes: list[dict] = []
    # Items end at the next item; the last one ends at its own line (closing text is not the item's).
    bounds[-1] = (bounds[-1][0], bounds[-1][0] + 1)
    titles = [item_title(lines[s], level) for s, _ in bounds]

    capped = [k for k, (s, e) in enumerate(bounds) if CAP.search("".join(lines[s:e]))]
    if capped and rng.random() < 0.8:
        k = rng.choice(capped)
        s, e = bounds[k]
        for i in range(s, e):
            m = CAP.search(lines[i])
            if m:
                old = float(m.group(3))
                new = old * 2 if old < 1000 else old + 500
                new_s = f"{new:g}"
                lines[i] = lines[i][:m.start(3)] + new_s + lines[i][m.end(3):]
                unit = {"万": 10_000, "亿": 100_000_000}.get(m.group(4) or "", 1)
                changes.append({"kind": "cap", "measure": titles[k], "old": round(old * unit),
                                "new": round(new * unit)})
                break
    units_at = [k for k, (s, e) in enumerate(bounds) if RESPONSIBLE.search("".join(lines[s:e]))]
    all_units = sorted({u.strip() for line in lines for m in RESPONSIBLE.finditer(line)
                        for u in re.split(r"[、,，]", m.group(1)) if u.strip()})
    if units_at and len(all_units) > 2 and rng.random() < 0.8:
        k = rng.choice(units_at)
        s, e = bounds[k]
        for i in range(s, e):
            m = RESPONSIBLE.search(lines[i])
            if m:
                units = [u for u in re.split(r"[、,，]", m.group(1)) if u.strip()]
                j = rng.randrange(len(units))
                new_unit = rng.choice([u for u in all_units if u not in units] or [units[j]])
                if new_unit == units[j]:
                    break
                old_unit, units[j] = units[j], new_unit
                lines[i] = lines[i][:m.start(1)] + "、".join(units) + lines[i][m.end(1):]
                changes.append({"kind": "responsible", "measure": titles[k], "removed": old_unit.strip(),
                                "added": new_unit})
                break
    candidates = [k for k in range(len(bounds)) if not any(c.get("measure") == titles[k] for c in changes)]
    if candidates and (rng.random() < 0.6 or not changes):
        k = rng.choice(candidates)
        s, e = bounds[k]
        changes.append({"kind": "removed", "measure": titles[k]})
        for later, (ls, _) in enumerate(bounds[k + 1:], start=k + 1):
            lines[ls] = _relabel(lines[ls], level, later)     # renumbered: item k+2 becomes k+1
        lines = lines[:s] + lines[e:]
    out = "\n".join(lines)

    def later_date(m: re.Match) -> str:
        return f"{int(m.group(1)) + years}年{m.group(2)}月{m.group(3)}日"
    years = rng.randint(1, 3)
    old_dates = [m.group(0) for m in DATE.finditer(out)]
    out = DATE.sub(later_date, out)
    changes.append({"kind": "dates", "shift_years": years, "old": old_dates})
    new_title = (title or "") and (title if rng.random() < 0.5 else f"{title}（修订）")
    return Variant(f"{base_id}~rev{n}", out, base_id, "revision", new_title or None, changes=changes)


# ---------------------------------------------------------------- synthetic distinct documents
_SENTENCE = re.compile(r"[^。；！？\n]{8,120}[。；！？]")
UNITS = ["市商务局", "市财政局", "市工业和信息化局", "市科学技术局", "市发展和改革局", "市人力资源和社会保障局",
         "市市场监督管理局", "市税务局", "市教育和体育局", "市交通运输局", "市自然资源局", "市农业农村局"]


class SentenceChain:
    """A word-bigram chain over the real documents: new sentences in their register, rarely repeated."""

    def __init__(self, texts: list[str]):
        import jieba
        import opencc
        t2s = opencc.OpenCC("t2s")
        words = [w for t in texts for w in jieba.lcut(re.sub(r"\s+|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)", "", t2s.convert(t)))]
        self.next: dict[str, list[str]] = {}
        for a, b in zip(words, words[1:]):
            self.next.setdefault(a, []).append(b)
        self.starts = [b for a, b in zip(words, words[1:]) if a in "。；" and re.match(r"[\u4e00-\u9fff]", b)]

    def sentence(self, rng: random.Random, min_words: int = 8, max_words: int = 30) -> str:
        """One sentence ending in 。: a walk along the chain, restarted at dead ends."""
        out = [rng.choice(self.starts)]
        while len(out) < max_words:
            w = rng.choice(self.next.get(out[-1]) or self.starts)
            if w in ("。", "；", "！", "？"):
                if len(out) >= min_words:
                    break
                w = rng.choice(self.starts)
            out.append(w)
        return "".join(out).strip("，,、") + "。"


def synthetic(n: int, chain: SentenceChain, rng: random.Random) -> Variant:
    """A distinct measures notice: random sentences as numbered items with caps and responsible units."""
    year = rng.randint(2010, 2025)
    number = rng.randint(1, 300)
    title = f"关于{chain.sentence(rng, 3, 8).strip('。')}的若干措施"
    lines = [f"市府办发〔{year}〕{number}号", title, "各有关单位：", chain.sentence(rng)]
    for k in range(1, rng.randint(5, 12)):
        body = "".join(chain.sentence(rng) for _ in range(rng.randint(2, 4)))
        cap = f"对符合条件的项目给予最高{rng.randint(5, 500)}万元支持。" if rng.random() < 0.6 else ""
        units = "、".join(rng.sample(UNITS, rng.randint(1, 3)))
        lines.append(f"{cn_number(k)}、{chain.sentence(rng, 3, 7)}{body}{cap}（责任单位：{units}）")
    lines.append(f"本措施自印发之日起实施，有效期至{year + 3}年12月31日。")
    lines.append(f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
    return Variant(f"syn{n:05d}", "\n".join(lines), f"syn{n:05d}", "synthetic", title)


def real_documents(raw: Path = RAW) -> list[tuple[str, str]]:
    """(id, text) of the dev corpus documents."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(raw.glob("*.txt"))]


def variants_of(docs: list[tuple[str, str, str | None]], rng: random.Random,
                reposts: int = 3, revisions: int = 1) -> list[Variant]:
    """The originals, `reposts` reposts each, and up to `revisions` revisions each (where revisable)."""
    out = []
    for doc_id, text, title in docs:
        out.append(Variant(doc_id, text, doc_id, "original", title))
        out += [repost(doc_id, text, title, i, rng) for i in range(reposts)]
        for i in range(revisions):
            rev = revise(doc_id, text, title, i, rng)
            if rev:
                out.append(rev)
    return out


def generated_corpus(n_docs: int, seed: int = 7) -> list[Variant]:
    """About `n_docs` documents: synthetic notices, 2 in 10 also reposted, 1 in 10 also revised."""
    rng = random.Random(seed)
    chain = SentenceChain([t for _, t in real_documents()])
    out: list[Variant] = []
    n = 0
    while len(out) < n_docs:
        base = synthetic(n, chain, rng)
        n += 1
        out.append(base)
        if rng.random() < 0.2:
            out.append(repost(base.id, base.text, base.title, 0, rng))
        if rng.random() < 0.1:
            rev = revise(base.id, base.text, base.title, 0, rng)
            if rev:
                out.append(rev)
    return out[:n_docs]


def main() -> None:  # pragma: no cover
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--synthetic", type=int, default=0, help="documents of the large generated corpus")
    ap.add_argument("--pdf", action="store_true", help="also render each repost as PDF")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    variants = (generated_corpus(args.synthetic, args.seed) if args.synthetic else
                variants_of([(i, t, None) for i, t in real_documents()], rng))
    for v in variants:
        (args.out / f"{v.id}.txt").write_text(v.text, encoding="utf-8")
        if args.pdf and v.kind == "repost":
            from render_pdf import render
            render(v.text, str(args.out / f"{v.id}.pdf"), preformatted="rewrap" in v.forms)
    manifest = [{k: val for k, val in asdict(v).items() if k != "text"} for v in variants]
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(variants)} documents written to {args.out}")


if __name__ == "__main__":  # pragma: no cover
    main()
