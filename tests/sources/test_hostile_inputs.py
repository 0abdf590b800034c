"""Hostile files (issue 11): each yields a record with a clear error code or a correct record, quickly,
never a crash, a hang (the worker limits end one) or a silent skip. The files are generated here (tests/hostile.py)."""
from __future__ import annotations

import json
import os

import pytest

from pipeline.extraction import extract
from pipeline.sources import load
from pipeline.sources.html import html_pages
from tests import hostile


def _load(tmp_path, name: str, data: bytes, **kwargs):
    """The Source of some bytes written to a file (how long it takes is bench/bench_hostile.py's business)."""
    path = tmp_path / name
    path.write_bytes(data)
    return load(str(path), **kwargs)


def _lines(source) -> list[str]:
    return [line.text for page in source.pages for line in page.lines if line.text.strip()]


# ---------------------------------------------------------------- zip containers
@pytest.mark.parametrize("data, detail", [
    (hostile.zip_bomb_docx(100), "inflates"),                     # 100 MB of <w:p/> in 150 KB
    (hostile.many_entries_zip(12_000), "entries"),
    (hostile.overlapping_docx(500), "share compressed data"),
], ids=["ratio", "entries", "overlapping"])
def test_zip_bombs_are_refused_before_anything_inflates(tmp_path, data, detail):
    for isolate in (False, True):
        source = _load(tmp_path, "bomb.docx", data, isolate=isolate)
        assert source.error.startswith("E124") and detail in source.error, source.error
        assert source.pages == []


def test_a_directory_understating_a_size_gets_no_further_than_it(tmp_path):
    source = _load(tmp_path, "lying.docx", hostile.lying_docx(50), isolate=False)
    assert source.error.startswith("E131") and "CRC" in source.error


def test_entity_bomb_in_docx_is_an_error_not_an_expansion(tmp_path):
    source = _load(tmp_path, "laughs.docx", hostile.billion_laughs_docx())
    assert source.error.startswith("E131") and "amplification" in source.error


def test_docx_and_html_are_parsed_under_the_worker_limits(tmp_path):
    # large enough that parsing takes far longer than the 1 ms limit, however soon the worker starts
    docx = hostile.docx_bytes("".join(hostile.paragraph_xml(f"{k}.{hostile.NOTICE}{k * 7919 % 100_003}")
                                      for k in range(20_000)))
    html = hostile.deep_html(20_000, inner="<a>链接</a>文字").encode()
    for name, data in (("a.docx", docx), ("a.html", html)):
        assert _load(tmp_path, name, data).error is None
        assert _load(tmp_path, name, data, timeout=0.001).error.startswith("E120")


# ---------------------------------------------------------------- web pages
def test_entity_bomb_in_html_stays_unexpanded(tmp_path):
    source = _load(tmp_path, "laughs.html", hostile.billion_laughs_html().encode())
    assert source.error is None
    assert hostile.NOTICE in _lines(source)
    assert sum(map(len, _lines(source))) < 200


def test_reading_deep_html_grows_linearly():
    def read(depth):
        return html_pages(hostile.deep_html(depth, inner="<a>链接</a>文字"))
    read(50)
    assert hostile.steps(read, 2000) / hostile.steps(read, 500) < 5


def test_html_nested_20000_deep_is_read_in_seconds(tmp_path):
    source = _load(tmp_path, "deep.html", hostile.deep_html(20_000, inner="<a>链接</a>文字").encode())
    assert source.error is None
    lines = _lines(source)
    assert lines[-1] == hostile.NOTICE and lines.count("链接文字") == 20_000


# ---------------------------------------------------------------- long texts
def test_a_10_mb_line_is_read_whole_not_refused(tmp_path):
    source = _load(tmp_path, "line.txt", b"a" * 10_000_000)      # tagging takes it in chunks (tests/tagging/test_chunks.py)
    assert source.error is None
    assert _lines(source) == ["a" * 10_000_000]


# ---------------------------------------------------------------- encodings and control characters
TEXT = f"{hostile.NOTICE}\n各区科技局：\n现将有关事项通知如下，请认真贯彻执行。\n一、对企业给予最高50万元奖励。\n"


@pytest.mark.parametrize("order", ["le", "be"])
def test_chinese_utf16_without_bom_is_read(tmp_path, order):
    source = _load(tmp_path, "notice.txt", hostile.utf16_without_bom(TEXT, order))
    assert source.error is None
    assert _lines(source) == TEXT.splitlines()
    assert source.warnings == [f"W201 text decoded as utf-16-{order}"]


@pytest.mark.parametrize("text", [
    "The State Council issued a notice on science and technology.\n" * 20,
    "A\u00e9B" * 300,
    TEXT,
])
def test_utf8_text_is_not_taken_for_utf16(tmp_path, text):
    source = _load(tmp_path, "notice.txt", text.encode())
    assert source.error is None and source.warnings == []


def test_a_file_dense_with_control_characters_is_binary(tmp_path):
    data = hostile.control_text().encode("utf-8", "surrogatepass")
    assert _load(tmp_path, "control.txt", data).error.startswith("E102")


def test_sparse_control_characters_leave_a_clean_record(tmp_path):
    controls = hostile.CONTROL_CHARS.replace("\r", "")
    text = "".join(c + controls[i % len(controls)] if i % 50 == 49 else c for i, c in enumerate(TEXT * 30))
    path = tmp_path / "control.txt"
    path.write_text(text, encoding="utf-8")
    record = extract(path)
    assert record.error is None
    assert not any(ord(c) < 32 and c not in "\n\t" or c == "\x7f" for c in record.text)
    money = [e for e in record.entities if e.label == "MONEY"]
    assert money and all(record.text[e.start:e.end] == e.text for e in record.entities)


def test_a_form_feed_or_another_separator_ends_a_line_of_a_text_file(tmp_path):
    pages = [f"第{n}页：" + "现将有关事项通知如下，请认真贯彻执行。" * 3 for n in "一二三四"]
    text = pages[0] + "\f" + pages[1] + "\u2028" + pages[2] + "\v" + pages[3]
    source = _load(tmp_path, "pages.txt", text.encode())
    assert source.error is None
    assert _lines(source) == pages


# ---------------------------------------------------------------- file names
NAMES = [b"with space.txt", b"new\nline.txt", b"bad\xff\xfename.txt", b"-dash.txt", "通知 (1).txt".encode()]


@pytest.mark.parametrize("name", NAMES, ids=["space", "newline", "not-utf8", "dash", "chinese"])
def test_odd_file_names_give_a_record_that_serialises(tmp_path, name):
    try:
        path = os.path.join(os.fsencode(tmp_path), name)
        with open(path, "wb") as fh:
            fh.write(TEXT.encode())
    except OSError:
        pytest.skip("the file system refuses this name")
    record = extract(os.fsdecode(path))
    assert record.error is None and hostile.NOTICE in record.text
    shown = record.source["path"]
    assert shown.endswith(name.decode("utf-8", "backslashreplace"))
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
