"""What the commands print for programs: JSON, newline-delimited JSON, CSV; cells for people."""
import csv
import io
import json

from pipeline.output import as_csv, as_json, as_nl, cell_text

ROWS = [{"amount": 500000.0, "text": "最高50万元", "responsible": ["中山市商务局", "中山市财政局"]},
        {"amount": 0.5, "text": "按实际支出的50%, 最高\"10\"万元", "rate": None}]


def test_json_keeps_chinese_readable():
    assert "最高50万元" in as_json(ROWS) and json.loads(as_json(ROWS)) == ROWS


def test_newline_delimited_json_is_one_object_a_line():
    lines = as_nl(ROWS).splitlines()
    assert [json.loads(line) for line in lines] == ROWS


def test_csv_has_every_column_quotes_commas_and_keeps_lists_as_json():
    table = list(csv.DictReader(io.StringIO(as_csv(ROWS))))
    assert list(table[0]) == ["amount", "text", "responsible", "rate"]
    assert table[0]["amount"] == "500000" and json.loads(table[0]["responsible"]) == ["中山市商务局", "中山市财政局"]
    assert table[1]["text"] == "按实际支出的50%, 最高\"10\"万元" and table[1]["rate"] == "" and table[1]["amount"] == "0.5"


def test_cells_for_people_join_lists_and_drop_empty_values():
    assert cell_text(["中山市商务局", "中山市财政局"]) == "中山市商务局、中山市财政局"
    assert cell_text(None) == "" and cell_text(2000000.0) == "2000000" and cell_text("a\nb") == "a b"
