"""The command line: every command has help with an example, exit codes say what happened."""
import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output or command == "version"


def test_every_command_is_in_the_readme():
    from tests.corpus import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        if command != "version":
            assert f"policykg {command}" in readme, command


def test_extract_bad_inputs_exit_1_and_report(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n this is not a pdf")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(empty), str(broken), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1
    report = json.loads((out / "_batch-report.json").read_text(encoding="utf-8"))
    assert report["failed"] == 2
    assert json.loads((out / "empty.json").read_text(encoding="utf-8"))["error"].startswith("E101")
    assert json.loads((out / "broken.json").read_text(encoding="utf-8"))["error"].startswith("E111")


def test_ingest_then_query_through_the_cli(tmp_path):
    from tests.corpus import RAW
    store = tmp_path / "kg.db"
    docs = [str(RAW / "zs-2024-reply-133089.txt"), str(RAW / "zs-2025-wenwaimao-measures.txt")]
    first = runner.invoke(app, ["ingest", *docs, "--store", str(store), "--workers", "1", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["added"] == 2
    again = runner.invoke(app, ["ingest", *docs, "--store", str(store), "--workers", "1", "--json"])
    assert json.loads(again.output)["unchanged"] == 2

    agency = json.loads(runner.invoke(app, ["query", "agency", "市工信局", "--store", str(store), "--json"]).output)
    assert agency[0]["canonical"] == "中山市工业和信息化局"
    assert {"一", "二", "七", "八", "九"} <= {m["measure"] for m in agency[0]["measures"]}

    caps = json.loads(runner.invoke(app, ["query", "caps", "--min", "1000000", "--store", str(store),
                                          "--json"]).output)
    assert {(c["amount"], c["measure"]) for c in caps} >= {(2000000, "七"), (1000000, "七"), (1000000, "十四")}

    missing = runner.invoke(app, ["query", "proposal", "999999", "--store", str(store)])
    assert missing.exit_code == 1
