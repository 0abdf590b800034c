"""Command functions the CLI wraps: data out, and aligned tables for humans."""
from __future__ import annotations

import json

import pytest

from pipeline.graph.commands import (export_command, query_command, render, render_table, result_rows,
                                     stats_command)


def _display_width(line: str) -> int:
    from rich.cells import cell_len
    return cell_len(line)


def test_render_table_aligns_chinese_by_display_width():
    table = render_table([{"agency": "中山市商务局", "caps": 2}, {"agency": "市工信局", "caps": 10}])
    lines = table.splitlines()
    assert lines[0].split() == ["agency", "caps"] and set(lines[1]) == {"─"}
    assert lines[2:] == ["中山市商务局     2",
                         "市工信局        10"]


def test_render_table_joins_lists_and_shows_whole_numbers():
    assert render_table([{"amount": 500000.0, "responsible": ["中山市商务局", "中山市财政局"]}]).splitlines()[-1] == \
        "500000  中山市商务局、中山市财政局"
    assert render_table([]) == "(none)"


LONG = [{"amount": 2000000.0, "measure": "七", "measure_title": "推动全链条数字化协同转型" * 3,
         "document": "中山市稳外贸促增长若干措施" * 2, "doc_id": "0611b8ba913e106b", "date": "2025-04-15"}]


def test_render_table_fits_the_width_cutting_long_text_not_numbers_or_dates():
    lines = render_table(LONG, width=70).splitlines()
    assert all(_display_width(line) <= 70 for line in lines)
    assert "2000000" in lines[-1] and "2025-04-15" in lines[-1] and "…" in lines[-1]


def test_render_table_wide_shows_every_cell_whole():
    line = render_table(LONG, width=60, wide=True).splitlines()[-1]
    assert LONG[0]["measure_title"] in line and LONG[0]["document"] in line


def test_render_shows_a_query_s_default_columns_unless_wide():
    rows = [{**LONG[0], "text": "最高奖补200万元", "currency": "CNY", "rate": None, "scope": "重点企业",
             "doc_number": None, "responsible": ["中山市商务局"]}]
    header = render(rows, name="caps", width=200).splitlines()[0].split()
    assert header == ["amount", "currency", "rate", "scope", "measure", "measure_title", "document", "date"]
    assert {"doc_id", "text", "responsible"} <= set(render(rows, name="caps", wide=True).splitlines()[0].split())


def test_result_rows_are_the_items_found_or_nothing():
    assert result_rows("caps", []) == [] and result_rows("agency", None) == []
    assert result_rows("caps", LONG) == LONG
    assert result_rows("neighbours", {"node": None, "nodes": [], "edges": []}) == []
    assert result_rows("neighbours", {"node": "A", "nodes": [{"key": "A"}], "edges": []}) == [{"key": "A"}]
    assert result_rows("path", {"from": "A", "to": "B", "path": []}) == []


def test_result_rows_of_stats_are_one_per_count():
    rows = result_rows("stats", {"documents": 2, "nodes": {"Agency": 3, "Document": 2}})
    assert rows == [{"group": "total", "key": "documents", "count": 2},
                    {"group": "nodes", "key": "Agency", "count": 3},
                    {"group": "nodes", "key": "Document", "count": 2}]


def test_query_command_caps_as_data_and_table(store_path):
    rows = query_command("caps", store=store_path, min_amount=100000)
    assert [(r["amount"], r["text"]) for r in rows] == [(500000, "最高50万元")]
    assert "最高50万元" in render(rows, wide=True).splitlines()[2]
    json.dumps(rows, ensure_ascii=False)                       # --json output is plain data


def test_query_command_agency_renders_sections(store_path):
    text = render(query_command("agency", "市工信局", store=store_path))
    assert text.splitlines()[0] == "canonical: 中山市工业和信息化局"
    assert "replies_co_handled:" in text and "133089" in text


def test_query_command_rejects_an_unknown_query(store_path):
    with pytest.raises(ValueError, match="unknown query 'budget'"):
        query_command("budget", store=store_path)


def test_stats_and_export_commands(store_path, tmp_path):
    assert stats_command(store_path)["nodes"]["Proposal"] == 1
    assert [p.name for p in export_command("graphml", tmp_path / "g.graphml", store=store_path)] == ["g.graphml"]


def test_export_command_replaces_only_when_forced_and_writes_a_bom_on_request(store_path, tmp_path):
    from pipeline.graph.export import ExportRefused
    export_command("csv", tmp_path / "t", store=store_path)
    with pytest.raises(ExportRefused):
        export_command("csv", tmp_path / "t", store=store_path)
    export_command("csv", tmp_path / "t", store=store_path, force=True, bom=True)
    assert (tmp_path / "t" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with pytest.raises(ExportRefused, match="graph store"):
        export_command("json", store_path, store=store_path, force=True)


def test_ingest_report_renders_counts():
    from pipeline.graph.ingest import IngestReport
    text = render(IngestReport(added=["a"], unchanged=3, failed={"b.pdf": "E111 PDF is corrupt or unreadable"}))
    assert "added: 1" in text and "unchanged: 3" in text and "b.pdf" in text
