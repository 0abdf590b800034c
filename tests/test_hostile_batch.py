"""The hostile-input set as one batch through the command line (issue 11): every input gets a clear
record or a reported skip, the batch completes, the exit code says some inputs failed. The inputs are
cut to sizes the suite runs in seconds; bench/bench_hostile.py runs them at full size with times and
peak memory."""
from __future__ import annotations

import json

import pytest

from pipeline.batch import REPORT_NAME
from tests import hostile, unprivileged


@pytest.mark.slow
def test_the_hostile_set_is_one_completed_batch_with_a_clear_outcome_for_each_input():
    with unprivileged.workspace() as work:
        docs = work / "docs"
        docs.mkdir()
        (docs / "bomb.docx").write_bytes(hostile.zip_bomb_docx(100))
        (docs / "laughs.docx").write_bytes(hostile.billion_laughs_docx())
        (docs / "deep.html").write_text(hostile.deep_html(20_000, inner="<a>链接</a>文字"), encoding="utf-8")
        (docs / "line.txt").write_text("关" * 2_000_000, encoding="utf-8")
        names, named = hostile.agency_text(200_000)
        (docs / "agencies.txt").write_text(names, encoding="utf-8")
        numbers, amounts = hostile.numbers_text(20_000)
        (docs / "numbers.txt").write_text(numbers, encoding="utf-8")
        (docs / "control.txt").write_bytes(hostile.control_text().encode("utf-8", "surrogatepass"))
        (docs / "关于 印发\t通知 (1).txt").write_text("关于开展工作的通知\n各单位：\n请落实。\n", encoding="utf-8")
        locked = docs / "locked.txt"
        locked.write_text("关于开展工作的通知", encoding="utf-8")
        locked.chmod(0)
        (docs / "gone.txt").symlink_to(docs / "nowhere.txt")
        done, how = unprivileged.run_cli("extract", str(docs), "--out", str(work / "out"), "-q", cwd=work)
        assert done.returncode == 1, (how, done.stderr)
        report = json.loads((work / "out" / REPORT_NAME).read_text(encoding="utf-8"))
        failures = {k.rsplit("/", 1)[-1]: v[:4] for k, v in report["failures"].items()}
        assert failures == {"bomb.docx": "E124", "laughs.docx": "E131", "control.txt": "E102",
                            "locked.txt": "E104"}, how
        assert report["written"] == 9
        assert any("gone.txt" in k for k in report["skipped"])
        record = lambda name: json.loads((work / "out" / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
        assert sum(e["label"] == "AGENCY" for e in record("agencies")["entities"]) == named
        assert sum(e["label"] == "MONEY" for e in record("numbers")["entities"]) == amounts
        assert len(record("line")["text"]) == 2_000_000 and record("deep").get("error") is None
