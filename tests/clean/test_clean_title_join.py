"""A wrapped document title ends at its 文种 (…的通知): the 主送 line below is never glued onto it."""
from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.clean.rules import layout_rules
from pipeline.types import Line, Page, Source

HUZHOU = Path(__file__).resolve().parents[1] / "fixtures" / "invented" / "huzhou-2023-digital-policy-pdf.txt"


def _clean(text: str) -> str:
    return clean(Source(path="x.txt", sha256="", format="txt",
                        pages=[Page(0, [Line(t) for t in text.split("\n")])])).text


def test_pdf_title_is_not_joined_with_the_recipients_line():
    lines = _clean(HUZHOU.read_text(encoding="utf-8")).split("\n")
    assert "湖州市人民政府办公室关于印发湖州市加快数字经济高质量发展若干政策的通知" in lines
    assert "各区县人民政府，市政府各部门、各直属单位：" in lines


@pytest.mark.parametrize("line,nxt,ends", [
    ("某市人民政府办公室关于印发某市若干政策的通知", "各区县人民政府，市政府各部门：", True),
    ("某省人民政府关于加快发展现代服务业的实施意见", "各市、县人民政府：", True),
    ("某市财政局关于市政协第45号提案的答复", "张三委员：", True),
    ("某市人民政府关于印发《某市若干政策》的通知", "各区人民政府：", True),
    ("按照市政府《关于做好安全生产工作的通知", "》要求，现将有关事项通知如下。", False),
    ("各单位要认真贯彻落实市政府关于安全生产的通知", "精神，切实抓好落实。", False),
    ("为进一步推动制造业高质量发展，结合我市实际", "现将有关事项通知如下。", False),
])
def test_title_end_rule(line, nxt, ends):
    assert layout_rules().ends_title(line, nxt) is ends


def test_traditional_title_end():
    assert layout_rules().ends_title("某市人民政府關於加快發展現代物流業的實施意見", "各縣人民政府：")


@pytest.mark.parametrize("nxt,ends", [
    ("（某政办〔2020〕3号）要求，现将有关事项通知如下。", False),
    ("（厦府办〔2009〕255号）", True),
])
def test_doc_number_after_a_title_end(nxt, ends):
    assert layout_rules().ends_title("根据市政府办公室关于做好安全生产工作的通知", nxt) is ends
