"""Command functions the CLI wraps: data out, and aligned tables for humans."""
from __future__ import annotations

import json

import pytest

from pipeline.graph.commands import export_command, query_command, render, render_table, stats_command


def test_render_table_aligns_chinese_by_display_width():
    table = render_table([{"agency": "中山市商务局", "caps": 2}, {"agency": "市工信局", "caps": 10}])
    assert table.splitlines() == ["agency        caps",
                                  "------------  ----",
                                  "中山市商务局  2",
                                  "市工信局      10"]


def test_render_table_joins_lists_and_shows_whole_numbers():
    assert render_table([{"amount": 500000.0, "responsible": ["中山市商务局", "中山市财政局"]}]).splitlines()[-1] == \
        "500000  中山市商务局、中山市财政局"
    assert render_table([]) == "(none)"


def test_query_command_caps_as_data_and_table(store_path):
    rows = query_command("caps", store=store_path, min_amount=100000)
    assert [(r["amount"], r["text"]) for r in rows] == [(500000, "最高50万元")]
    assert "最高50万元" in render(rows).splitlines()[2]
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
