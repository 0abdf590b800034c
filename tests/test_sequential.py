"""Items one after the other in a kept process: their lines in item order, only the errors told, each item
under the limits, an item that fails costing only its own line."""
import os

import pytest

from pipeline.sequential import Sequential, _whole_lines
from pipeline.workers import Limits
from tests.misbehaving import fake_extract


def _emit(name: str, result: dict) -> tuple[str, str | None]:
    """The item's name, then its error or the process that did it."""
    return f"{name} {result.get('error') or os.getpid()}", result.get("error")


def _failed(name: str, reason: str) -> dict:
    return {"error": reason}


@pytest.fixture
def out(tmp_path):
    path = tmp_path / "lines.txt"
    path.touch()
    return path


def _run(items: list[str], out, limits: Limits = Limits()) -> tuple[dict, list[str]]:
    process = Sequential(fake_extract, _emit, _failed, limits)
    try:
        return process.run(items, out), out.read_text(encoding="utf-8").splitlines()
    finally:
        process.stop()


def test_batches_go_in_item_order_to_one_kept_process_that_tells_only_the_errors(out):
    process = Sequential(fake_extract, _emit, _failed)
    try:
        assert process.run(["a", "b"], out) == {} and process.run(["c"], out) == {}
    finally:
        process.stop()
    lines = [line.split() for line in out.read_text(encoding="utf-8").splitlines()]
    assert [name for name, _ in lines] == ["a", "b", "c"]
    assert len({pid for _, pid in lines}) == 1 and lines[0][1] != str(os.getpid())


def test_an_item_past_the_time_limit_gets_e120_and_a_new_process_takes_the_rest(out):
    failures, lines = _run(["a", "slow", "b"], out, Limits(seconds=2))
    assert list(failures) == ["slow"] and failures["slow"].startswith("E120")
    assert [line.split()[0] for line in lines] == ["a", "slow", "b"]
    assert lines[0].split()[1] != lines[2].split()[1]


def test_an_item_that_kills_its_process_is_tried_alone_then_gets_e122_and_the_rest_go_on(out):
    failures, lines = _run(["a", "die", "b"], out)
    assert list(failures) == ["die"] and failures["die"].startswith("E122")
    assert [line.split()[0] for line in lines] == ["a", "die", "b"]


def test_an_item_whose_work_raises_gets_e122_with_the_error_in_the_same_process(out):
    failures, lines = _run(["a", "raise", "b"], out)
    assert list(failures) == ["raise"] and failures["raise"].startswith("E122")
    assert "ValueError: no record" in failures["raise"]
    assert lines[0].split()[1] == lines[2].split()[1]


def test_an_item_past_the_memory_limit_fails_alone(out):
    failures, lines = _run(["big", "ok"], out, Limits(seconds=30, memory_mb=200))
    assert list(failures) == ["big"] and failures["big"].startswith("E121")
    assert [line.split()[0] for line in lines] == ["big", "ok"]


def test_a_line_cut_short_when_its_process_ended_is_cut_off(out):
    out.write_bytes(b"kept\na\nb\npart")
    assert _whole_lines(out, len(b"kept\n")) == 2
    assert out.read_bytes() == b"kept\na\nb\n"
