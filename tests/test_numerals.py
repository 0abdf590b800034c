"""parse_number: Arabic, full-width, Chinese numerals and 万/亿 magnitudes as documents write them."""
from __future__ import annotations

import pytest

from pipeline.numerals import parse_number


@pytest.mark.parametrize("written, value", [
    ("500", 500),
    ("1,200", 1200),
    ("12,345,678.5", 12345678.5),
    ("３．５", 3.5),
    ("１２０", 120),
    ("1949.03", 1949.03),
    ("0.05", 0.05),
    ("五十万", 500000),
    ("一千五百万", 15000000),
    ("两亿", 200000000),
    ("二千万", 20000000),
    ("三千", 3000),
    ("十二", 12),
    ("十", 10),
    ("二十", 20),
    ("一百零五", 105),
    ("一千零五十万", 10500000),
    ("十二万三千", 123000),
    ("一万五", 15000),
    ("一亿五千万", 150000000),
    ("零点五", 0.5),
    ("三点五万", 35000),
    ("一点二亿", 120000000),
    ("二OO九", 2009),
    ("二〇二五", 2025),
    ("3.5万", 35000),
    ("1.2亿", 120000000),
    ("5千万", 50000000),
    ("1,000万", 10000000),
    ("1.2万亿", 1.2e12),
    ("三万亿", 3e12),
    ("壹佰万", 1000000),
])
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "万", "点五", "第三"])
def test_parse_number_rejects_non_numbers(written):
    assert parse_number(written) is None


@pytest.mark.parametrize("written", [
    "9" * 400,                       # a float would be infinite
    "9" + "亿" * 39,                 # likewise, through the magnitudes
    "九千九百九十九万" * 2000,       # one recursion per 万 would overflow the stack
    "1" * 5000,
], ids=["infinite", "infinite-magnitudes", "deep", "long"])
def test_parse_number_rejects_figures_no_document_writes(written):
    assert parse_number(written) is None


def test_parse_number_reads_the_longest_plausible_figure():
    assert parse_number("一千二百三十四亿五千六百七十八万九千一百二十三") == 123456789123
