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


# ---------------------------------------------------------------- a small store made with the fake extractor
@pytest.fixture
def kg(tmp_path):
    from tests.graph.fakes import small_store
    return str(small_store(tmp_path))


def _all_commands():
    """(name, click command) of every command and query subcommand."""
    import typer.main
    root = typer.main.get_command(app)
    for name, command in root.commands.items():
        for sub_name, sub in getattr(command, "commands", {name: command}).items():
            yield f"{name} {sub_name}" if sub is not command else name, sub


def test_version_option_prints_the_package_version_and_the_pipeline_digest():
    from pipeline.settings import __version__, pipeline_version
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"policykg {__version__} pipeline {pipeline_version()}"
    assert runner.invoke(app, ["version"]).stdout == result.stdout


def test_every_option_and_argument_has_help():
    for name, command in _all_commands():
        for param in command.params:
            assert param.name == "help" or getattr(param, "help", None), f"{name}: {param.name}"


@pytest.mark.parametrize("args", [["query", "caps"], ["query", "agency", "市工信局"], ["stats"],
                                  ["export", "graphml", "--out", "g.graphml"], ["diff", "a", "b"],
                                  ["query", "search", "工信"], ["serve"]])
def test_a_read_command_on_a_missing_store_exits_2_and_creates_nothing(args, tmp_path):
    missing = tmp_path / "missing.db"
    result = runner.invoke(app, [*args, "--store", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(missing) in result.stderr
    assert not missing.exists() and result.stdout == ""


def test_without_store_the_commands_read_outputs_under_the_current_folder(kg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POLICYKG_STORE", raising=False)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 2 and str(tmp_path / "outputs" / "policykg.db") in result.stderr
    monkeypatch.setenv("POLICYKG_STORE", kg)
    assert runner.invoke(app, ["stats"]).exit_code == 0


@pytest.mark.parametrize("day", ["yesterday", "2025/06/30", "2025-02-30", "20250630", "2025-6-30"])
def test_in_force_takes_only_an_iso_date(day, kg):
    for args in (["query", "caps"], ["query", "agency", "市工信局"]):
        result = runner.invoke(app, [*args, "--in-force", day, "--store", kg])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "YYYY-MM-DD" in result.stderr and day in result.stderr
    assert runner.invoke(app, ["query", "caps", "--in-force", "2025-06-30", "--store", kg]).exit_code in (0, 1)


def test_query_caps_as_json_csv_and_newline_delimited_json(kg):
    import csv
    import io
    rows = json.loads(runner.invoke(app, ["query", "caps", "--store", kg, "--json"]).stdout)
    assert [r["amount"] for r in rows] == [500000]
    table = list(csv.DictReader(io.StringIO(runner.invoke(app, ["query", "caps", "--store", kg, "--csv"]).stdout)))
    assert len(table) == 1 and table[0]["amount"] == "500000" and json.loads(table[0]["responsible"])
    lines = runner.invoke(app, ["query", "caps", "--store", kg, "--nl"]).stdout.splitlines()
    assert [json.loads(line) for line in lines] == rows


def test_stats_as_json_csv_and_newline_delimited_json(kg):
    stats = json.loads(runner.invoke(app, ["stats", "--store", kg, "--json"]).stdout)
    assert stats["nodes"]["Proposal"] == 1
    csv_lines = runner.invoke(app, ["stats", "--store", kg, "--csv"]).stdout.splitlines()
    assert csv_lines[0] == "group,key,count" and "nodes,Proposal,1" in csv_lines
    nl = [json.loads(line) for line in runner.invoke(app, ["stats", "--store", kg, "--nl"]).stdout.splitlines()]
    assert {"group": "nodes", "key": "Proposal", "count": 1} in nl


def test_two_output_formats_at_once_are_a_usage_error(kg):
    result = runner.invoke(app, ["query", "caps", "--json", "--csv", "--store", kg])
    assert result.exit_code == 2 and "one of --json, --csv, --nl" in result.stderr


@pytest.mark.parametrize("args", [["query", "caps", "--min", "1e12"], ["query", "proposal", "999999"],
                                  ["query", "agency", "不存在的机构"], ["query", "neighbours", "不存在的节点"],
                                  ["query", "doc", "no-such-doc"], ["query", "followup", "999999"]])
def test_a_query_that_finds_nothing_exits_1_with_a_note_on_stderr(args, kg):
    result = runner.invoke(app, [*args, "--store", kg])
    assert result.exit_code == 1 and result.stdout == "" and "nothing found" in result.stderr
    as_json = runner.invoke(app, [*args, "--store", kg, "--json"])
    assert as_json.exit_code == 1 and json.loads(as_json.stdout) is not None      # still valid JSON


@pytest.mark.parametrize("args", [["query", "caps"], ["query", "agency", "市工信局"], ["query", "proposal", "133089"],
                                  ["query", "neighbours", "市工信局"], ["stats"]])
def test_a_query_that_finds_something_exits_0(args, kg):
    assert runner.invoke(app, [*args, "--store", kg]).exit_code == 0


def test_tables_fit_the_terminal_unless_wide(kg):
    from rich.cells import cell_len
    narrow = runner.invoke(app, ["query", "caps", "--store", kg], env={"COLUMNS": "60"}).stdout
    assert "…" in narrow and all(cell_len(line) <= 60 for line in narrow.splitlines())
    wide = runner.invoke(app, ["query", "caps", "--store", kg, "--wide"], env={"COLUMNS": "60"}).stdout
    assert "中山市促进外经贸发展若干措施" in wide and "doc_id" in wide and "最高50万元" in wide


def test_query_caps_shows_a_few_sensible_columns_by_default(kg):
    header = runner.invoke(app, ["query", "caps", "--store", kg], env={"COLUMNS": "200"}).stdout.splitlines()[0]
    assert header.split() == ["amount", "currency", "rate", "scope", "measure", "measure_title", "document", "date"]


def test_extract_draws_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    from tests.corpus import RAW
    result = runner.invoke(app, ["extract", str(RAW / "zs-2024-reply-133089.txt"), "--out", str(tmp_path),
                                 "--workers", "1"])
    assert result.exit_code == 0
    assert result.stderr == f"1 records written to {tmp_path}, 0 failed\n"


def test_the_progress_bar_shows_on_a_terminal_unless_quiet():
    import io

    from pipeline.cli import _progress_bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for quiet, shown in ((False, True), (True, False)):
        stream = Terminal()
        with _progress_bar(3, "extract", quiet, stream) as bar:
            bar.update(3)
        assert ("extract" in stream.getvalue()) is shown
    stream = io.StringIO()
    with _progress_bar(3, "extract", False, stream) as bar:
        bar.update(3)
    assert stream.getvalue() == ""


def test_show_on_a_missing_file_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["show", str(tmp_path / "nope.txt")]).exit_code == 2


def test_the_command_line_loads_no_heavy_library_at_start():
    import subprocess
    import sys
    from tests.corpus import ROOT
    code = ("import sys, pipeline.cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'spacy', 'jieba', 'sklearn', 'networkx', 'pdfplumber', 'opencc', 'numpy'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_export_to_an_unknown_format_is_a_usage_error(kg, tmp_path):
    result = runner.invoke(app, ["export", "xlsx", "--out", str(tmp_path / "g.xlsx"), "--store", kg])
    assert result.exit_code == 2 and "graphml" in result.stderr and not (tmp_path / "g.xlsx").exists()


def test_export_refuses_the_store_and_existing_files_unless_forced(kg, tmp_path):
    over_store = runner.invoke(app, ["export", "json", "--out", kg, "--store", kg])
    assert over_store.exit_code == 2 and "Error:" in over_store.output
    out = tmp_path / "g.json"
    assert runner.invoke(app, ["export", "json", "--out", str(out), "--store", kg]).exit_code == 0
    again = runner.invoke(app, ["export", "json", "--out", str(out), "--store", kg])
    assert again.exit_code == 2
    assert runner.invoke(app, ["export", "json", "--out", str(out), "--store", kg, "--force"]).exit_code == 0


def test_export_neo4j_prints_the_import_command(kg, tmp_path):
    result = runner.invoke(app, ["export", "neo4j", "--out", str(tmp_path / "neo4j"), "--store", kg])
    assert result.exit_code == 0 and "neo4j-admin database import full" in result.output


def test_ingest_exits_2_when_another_run_holds_the_store_and_it_will_not_wait(tmp_path):
    from pipeline.graph.lock import store_lock
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("关于开展专项工作的通知\n各单位：\n请认真落实。\n", encoding="utf-8")
    store = tmp_path / "kg.db"
    with store_lock(store):
        busy = runner.invoke(app, ["ingest", str(docs), "--store", str(store), "--wait", "0", "--workers", "1"])
    assert busy.exit_code == 2 and "another policykg run" in busy.output


def test_show_never_writes_over_its_input_or_an_existing_file_unless_forced(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("关于开展专项工作的通知\n各单位：\n请认真落实。\n", encoding="utf-8")
    before = doc.read_bytes()
    assert runner.invoke(app, ["show", str(doc), "--out", str(doc)]).exit_code == 2
    assert doc.read_bytes() == before
    html = tmp_path / "a.html"
    html.write_text("old", encoding="utf-8")
    assert runner.invoke(app, ["show", str(doc), "--out", str(html)]).exit_code == 2
    assert html.read_text(encoding="utf-8") == "old"
    assert runner.invoke(app, ["show", str(doc), "--out", str(html), "--force"]).exit_code == 0


def test_query_search_finds_an_agency_by_part_of_an_alias_and_a_doc_number(kg):
    found = json.loads(runner.invoke(app, ["query", "search", "工信", "--store", kg, "--json"]).stdout)
    assert {"kind": "agency", "key": "中山市工业和信息化局"}.items() <= found[0].items()
    table = runner.invoke(app, ["query", "search", "中山商务贸函〔2024〕8号", "--store", kg])
    assert table.exit_code == 0 and "reply133089" in table.stdout
    nothing = runner.invoke(app, ["query", "search", "没有这样的文字", "--store", kg])
    assert nothing.exit_code == 1 and nothing.stdout == ""


def test_query_caps_by_document_type_and_year(kg):
    def amounts(*args):
        result = runner.invoke(app, ["query", "caps", *args, "--store", kg, "--json"])
        return [c["amount"] for c in json.loads(result.stdout)] if result.exit_code == 0 else result.exit_code
    assert amounts("--type", "措施") == [500000] and amounts("--year", "2025") == [500000]
    assert amounts("--type", "通知") == 1 and amounts("--year", "2024") == 1
