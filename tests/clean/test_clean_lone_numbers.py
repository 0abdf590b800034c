"""Lone numbers in text extracted from a PDF: page numbers go, a figure wrapped onto its own line stays
and is joined back into its sentence (近60亿元 must not lose its 60)."""
from pipeline.clean import clean
from pipeline.sources import load

WIDTH = 26
BEFORE = ("为深入实施创新驱动发展战略加快建设科技强省经省政府同意现就进一步支持科技型企业发展提出如下"
          "措施全年发放研发费补助带动企业投入近")
AFTER = ("亿元惠及企业三千余家形成了良好的创新生态和政策环境成效明显对首次认定的高新技术企业给予"
         "最高三十万元奖励对重新认定的给予十万元奖励所需资金由省市两级财政按比例分担具体办法另行"
         "制定并公布各地要加强组织领导细化工作措施确保各项政策落地见效形成工作合力。")


def _wrap(text: str) -> list[str]:
    return [text[i:i + WIDTH] for i in range(0, len(text), WIDTH)]


def extracted_lines() -> list[str]:
    """Lines as an extractor wraps them: the figure 60 alone on a line after a full line, and
    page numbers 1 and 2 standing between lines."""
    pad = -len(BEFORE) % WIDTH          # the figure must start a line: fill the first line
    before = _wrap(("现将有关事项通知如下" * 3)[:pad] + BEFORE)
    after = _wrap(AFTER)
    return before + ["60"] + after[:2] + ["1"] + after[2:4] + ["2"] + after[4:]


def test_figure_on_its_own_line_stays_page_numbers_go(tmp_path):
    path = tmp_path / "extracted.txt"
    lines = extracted_lines()
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    text = clean(load(str(path), isolate=False)).text
    assert "投入近60亿元惠及" in text
    assert text == "".join(ln for ln in lines if ln not in ("1", "2"))
