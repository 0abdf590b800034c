"""Acceptance: the Zhongshan documents cleaned as text and rendered to PDF, loaded and cleaned,
give the same clean text, without page furniture, with each character on the page it was drawn on."""
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.sources import load

RAW = Path(__file__).resolve().parents[2] / "corpora" / "raw"
DOCS = ["zs-2024-reply-133089", "zs-2025-wenwaimao-measures"]
HEADER, FOOTER = "广东省人民政府公报", "内部资料 注意保存"
LAYOUTS = {
    # an earlier extraction drawn line for line, as the original PDF had it
    "extraction-1col": dict(preformatted=True, header=HEADER, footer=FOOTER),
    "extraction-2col": dict(preformatted=True, columns=2, header=HEADER, footer=FOOTER),
    # the clean paragraphs typeset afresh (indented, justified)
    "typeset-1col": dict(issuer_header="中山市商务局文件"),
    "typeset-2col": dict(columns=2, header=HEADER, footer=FOOTER),
}


def _compact(text: str) -> tuple[str, list[int]]:
    keep = [i for i, c in enumerate(text) if not c.isspace()]
    return "".join(text[i] for i in keep), keep


@pytest.fixture(scope="module")
def reference():
    return {doc: clean(load(str(RAW / f"{doc}.txt"))).text for doc in DOCS}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("doc", DOCS)
def test_rendered_pdf_cleans_like_the_text(tmp_path, render, reference, doc, layout):
    opts = LAYOUTS[layout]
    ref = reference[doc]
    source_text = (RAW / f"{doc}.txt").read_text(encoding="utf-8") if opts.get("preformatted") else ref
    pdf = tmp_path / f"{doc}-{layout}.pdf"
    drawn = render(source_text, pdf, **opts)
    src = load(str(pdf), isolate=layout == "typeset-2col")
    assert src.error is None and src.page_count == drawn.pages >= 3
    c = clean(src)

    expected = (opts["issuer_header"] + "\n" + ref) if opts.get("issuer_header") else ref
    assert SequenceMatcher(None, expected, c.text, autojunk=False).ratio() >= 0.99
    assert not re.search(r"—\s*\d+\s*—", c.text)
    assert HEADER not in c.text and FOOTER not in c.text and "内部资料" not in c.text
    assert ("W203" in " ".join(c.warnings)) == (doc == "zs-2024-reply-133089" and opts.get("preformatted", False))

    # page map: every drawn line is found on the page it was drawn on
    flat, where = _compact(c.text)
    checked = 0
    for line, page in drawn.fragments:
        frag = re.sub(r"\s+", "", line)
        if len(frag) < 8 or flat.count(frag) != 1:
            continue
        k = flat.index(frag)
        assert c.page_at(where[k]) == page and c.page_at(where[k + len(frag) - 1]) == page, line
        checked += 1
    assert checked >= 0.9 * len(drawn.fragments)
    assert c.runs[0].start == 0 and c.runs[-1].end == len(c.text)
    assert all(a.end == b.start for a, b in zip(c.runs, c.runs[1:]))


def test_reference_text_reads_right(reference):
    """The reference itself, checked by eye once and pinned by its key facts here."""
    ref = reference["zs-2024-reply-133089"]
    assert ref.count("\n") == 32 and "\n\n" not in ref
    paras = ref.split("\n")
    assert paras[10].endswith("公共技术服务体系建设，为中小企业提供一揽子智能化转型系统解决方案，累计服务企业超10000家，"
                              "为企业提供智能改造方案6700余套，为中山数字化、智能化改造升级提供了专业性、公共性的技术支撑。")
    assert paras[11:13] == ["二、关于“内需为主，精准对接”的建议", "吸收采纳。"]
    measures = reference["zs-2025-wenwaimao-measures"].split("\n")
    assert measures[0].startswith("火炬开发区管委会") and measures[-1].startswith("本措施自印发之日起实施")
