"""Dev-corpus access for the structure tests: raw texts (zs PDF dumps crudely pre-joined) and gold; and the
invented texts several structure test files share."""
from __future__ import annotations

import re
from functools import cache

from tests.corpus import DOC_IDS as DOCS, RAW, load_gold, raw_text

__all__ = ["DOCS", "RAW", "RULES_TEXT", "prejoin", "raw", "gold", "norm", "similar"]

_LABEL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")


def prejoin(text: str) -> str:
    """Crude join of a PDF dump: drop blank lines, join a full-width wrapped line to the next one."""
    out: list[str] = []
    for line in (ln for ln in text.split("\n") if ln.strip()):
        prev = out[-1].strip() if out else ""
        if prev and len(prev) >= 24 and not re.search(r"[。：:；！？]$", prev) \
                and not _LABEL.match(line) and not _LABEL.match(prev):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


@cache
def raw(doc: str) -> str:
    text = raw_text(doc)
    return prejoin(text) if doc.startswith("zs-2024") else text


@cache
def gold(doc: str) -> dict:
    return load_gold(doc)


def norm(s):
    """The scorer's loose string comparison key (the project's copy: pipeline/evaluate.py)."""
    from pipeline.evaluate import norm as _norm
    return _norm(s)


def similar(a, b) -> bool:
    """The scorer's title comparison (the project's copy: pipeline/evaluate.py)."""
    from pipeline.evaluate import similar as _similar
    return _similar(a, b)


# ---------------------------------------------------------------- invented texts shared by several files
# A 办法 of chapters and articles issued by a notice: its supporting articles are the measures
# (test_structure_measures) and its chapters hold the articles (test_structure_sections).
RULES_TEXT = """某市人民政府办公室关于印发《某市企业技术中心奖励办法》的通知
某政办发〔2022〕12号
各区人民政府：
现将《某市企业技术中心奖励办法》印发给你们，请遵照执行。
某市人民政府办公室
2022年5月10日
某市企业技术中心奖励办法
第一章　总则
第一条　为鼓励企业加大研发投入，支持企业建设技术中心，根据有关规定，制定本办法。
第二条　本办法适用于在本市依法登记注册的工业企业。
第三条　补助对象为本市规模以上工业企业。
第二章　奖励标准
第四条　对新认定的国家级企业技术中心，给予一次性奖励100万元。
第五条　支持技术中心能力提升。
（一）对购置研发设备的，按投资额的10%给予补助；
（二）对新引进博士的，给予每人5万元安家补贴。
第六条　奖励资金按以下程序申报：
（一）企业提出申请；
（二）区工信局初审。
第七条　对骗取奖励资金的，追回已拨付资金。
第三章　附则
第八条　本办法由市工业和信息化局负责解释。
第九条　本办法自印发之日起施行。
"""
