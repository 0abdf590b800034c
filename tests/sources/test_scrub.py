"""scrub: control characters leave source lines before any stage reads them; paths print as UTF-8."""
from __future__ import annotations

from pipeline.sources.scrub import printable_path, scrub, scrub_pages
from pipeline.types import Line, Page


def test_controls_go_tab_stays_separators_become_spaces_surrogates_marked():
    assert scrub("中\x00山\x01市\t商务局\x7f\x9b") == "中山市\t商务局"
    assert scrub("第一页\x0c第二页\u2028第三页\x85第四页\r") == "第一页 第二页 第三页 第四页 "
    assert scrub("补助\ud800\udfff30万元") == "补助\ufffd\ufffd30万元"


def test_a_clean_line_is_kept_as_it_is():
    text = "中山市商务局关于印发《若干措施》的通知（2024年）"
    assert scrub(text) is text


def test_pages_are_scrubbed_in_place_with_their_layout():
    pages = [Page(1, [Line("中山市\x00商务局", x0=10.0, top=20.0)])]
    (line,) = scrub_pages(pages)[0].lines
    assert (line.text, line.x0, line.top) == ("中山市商务局", 10.0, 20.0)


def test_paths_print_as_utf8():
    assert printable_path("/data/bad\udcff\udcfe名.txt") == "/data/bad\\xff\\xfe名.txt"
    assert printable_path("/data/new\nline 通知.txt") == "/data/new\nline 通知.txt"
    assert printable_path("/data/\ud800.txt") == "/data/\ufffd.txt"
