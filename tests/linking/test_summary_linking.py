"""Jurisdictions, title keys and series keys as linking reads them, for documents of many places."""
from __future__ import annotations

import pytest

from pipeline.linking.normalise import series_key, title_key, unwrap_title
from pipeline.linking.summary import DocSummary, jurisdiction_of_name
from tests.linking.sketch import corpus_records


@pytest.mark.parametrize("name, place", [
    ("中山市商务局", "中山市"), ("中山市市场监督管理局", "中山市"), ("国家税务总局中山市税务局", "中山市"),
    ("中国人民银行中山市分行", "中山市"), ("金华市婺城区人民政府", "金华市婺城区"), ("河南省人民政府", "河南省"),
    ("懷化市人民政府辦公室", "怀化市"), ("广西壮族自治区人民政府", "广西壮族自治区"),
    ("恩施土家族苗族自治州财政局", "恩施土家族苗族自治州"), ("衡阳市雁峰区人民政府", "衡阳市雁峰区"),
    ("省人民政府", None), ("中山海关", None), ("国务院办公厅", None),
    ("苏州市人民政府办公室", "苏州市"), ("广州市商务局", "广州市"), ("杭州市市场监督管理局", "杭州市"),
    ("扬州市江都区人民政府", "扬州市江都区"),
])
def test_jurisdiction_of_name(name, place):
    assert jurisdiction_of_name(name) == place


@pytest.mark.parametrize("title, unwrapped, series", [
    ("中山市商务局关于印发中山市跨境电商出口品牌企业认定办法（试行）的通知",
     "中山市跨境电商出口品牌企业认定办法(试行)", "中山市跨境电商出口品牌企业认定办法"),
    ("上海市人民政府印发《关于本市加强政务诚信建设的实施意见》的通知", "关于本市加强政务诚信建设的实施意见",
     "关于本市加强政务诚信建设的实施意见"),
    ("关于推动经济高质量发展若干政策举措(2025年版)", "关于推动经济高质量发展若干政策举措(2025年版)",
     "关于推动经济高质量发展若干政策举措"),
    ("广州市人民政府办公厅关于转发市发展改革委广州市促进民营经济发展若干措施的通知",
     "市发展改革委广州市促进民营经济发展若干措施", "市发展改革委广州市促进民营经济发展若干措施"),
    ("关于做好2024年度安全生产工作的通知", "关于做好2024年度安全生产工作的通知", "关于做好安全生产工作的通知"),
])
def test_title_unwrapping_and_series(title, unwrapped, series):
    assert unwrap_title(title) == unwrapped
    assert series_key(title) == series


def test_short_titles_have_no_series_key():
    assert series_key("通知") == "" and title_key("通知") == "通知"


def test_summaries_of_the_dev_corpus():
    s = {r.id: DocSummary.from_record(r) for r in corpus_records()}
    assert s["zs-2025-wenwaimao-measures"].jurisdiction == "中山市"
    assert s["zs-2024-reply-133089"].doc_number == "中山商务贸函20248号"
    assert s["huaihua-2023-measures-trad"].jurisdiction == "怀化市"
    assert "50万元" in s["zs-2025-wenwaimao-measures"].figures
    assert "fā" not in s["shanghai-2017-notice-noisy"].text and "关于本市加强政务诚信建设" in \
        s["shanghai-2017-notice-noisy"].text
