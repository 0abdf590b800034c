"""Written dates (in any digits) and validity clauses to ISO dates."""
import pytest

from pipeline.structure import parse_structure
from pipeline.structure.dates import effective_period, is_date_line, parse_date
from pipeline.numerals import cn_int


@pytest.mark.parametrize("text,iso", [
    ("2025年4月15日", "2025-04-15"),
    ("2024年 7月 10日", "2024-07-10"),
    ("二〇二五年四月十五日", "2025-04-15"),
    ("二OO九年十月二十日", "2009-10-20"),
    ("二○一九年十二月三十一日", "2019-12-31"),
    ("二〇二一年三月二日", "2021-03-02"),
    ("发布时间：2023-03-15", None),
    ("2023年2月30日", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("s,n", [("十五", 15), ("二十一", 21), ("十", 10), ("九十九", 99), ("二〇二五", 2025), ("3", 3)])
def test_cn_int(s, n):
    assert cn_int(s) == n


def test_date_line_is_only_a_date():
    assert is_date_line("2021年3月2日")
    assert not is_date_line("于2021年3月2日召开会议")


@pytest.mark.parametrize("text,date,expected", [
    ("本措施自印发之日起实施,至2025年12月31日止。", "2025-04-15", ("2025-04-15", "2025-12-31")),
    ("本办法自2025年1月1日起施行，有效期3年。", None, ("2025-01-01", "2027-12-31")),
    ("本通知自发布之日起施行，有效期至2027年6月30日。", "2024-07-01", ("2024-07-01", "2027-06-30")),
    ("截至2024年6月30日，全市共有企业1万家。", "2024-07-10", (None, None)),
])
def test_effective_period(text, date, expected):
    assert effective_period(text, date) == expected


def test_full_width_digits_in_dates_and_doc_numbers():
    assert parse_date("２０２１年３月５日") == "2021-03-05"
    m = parse_structure("川府发〔２０２２〕９号\n四川省人民政府关于加快发展数字经济的若干意见\n各市（州）人民政府：\n"
                        "现提出如下意见。\n一、加快数字基础设施建设。大力推进网络建设。\n四川省人民政府\n２０２２年３月１日\n").meta
    assert (m.doc_number, m.date) == ("川府发〔２０２２〕９号", "2022-03-01")
