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
