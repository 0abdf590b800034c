"""zipguard: a zip's directory is judged before anything inflates; ordinary Word files pass."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pipeline.errors import PolicyKGError
from pipeline.limits import ZipLimits
from pipeline.sources.zipguard import checked_zip, open_zip
from tests import hostile

TEMPLATE = Path(docx.__file__).parent / "templates" / "default.docx"     # styles.xml inflates 32 times


@pytest.mark.parametrize("data", [TEMPLATE.read_bytes(), hostile.docx_bytes(hostile.paragraph_xml("通知") * 5000)],
                         ids=["word-template", "many-paragraphs"])
def test_ordinary_word_files_pass(data):
    assert checked_zip(data) is not None


def test_bytes_that_are_no_zip_are_none():
    assert open_zip(b"PK\x03\x04" + b"\x00" * 200) is None
    assert checked_zip(b"not a zip at all") is None


@pytest.mark.parametrize("limits, detail", [
    (ZipLimits(max_entries=2), "3 entries > 2"),
    (ZipLimits(max_directory=100), "central directory"),
    (ZipLimits(max_total=1000), "bytes inflated > 1000"),
    (ZipLimits(max_ratio=2, ratio_floor=1000), "inflates"),
], ids=["entries", "directory", "total", "ratio"])
def test_each_limit_refuses_with_e124(limits, detail):
    data = hostile.docx_bytes(hostile.paragraph_xml("通知") * 500)
    with pytest.raises(PolicyKGError) as e:
        checked_zip(data, limits)
    assert e.value.code == "E124" and detail in str(e.value)


def test_small_entries_are_not_judged_by_their_ratio():
    data = hostile.docx_bytes(hostile.paragraph_xml("通知") * 500)
    assert checked_zip(data, ZipLimits(max_ratio=2)) is not None
