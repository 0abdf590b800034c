"""The worker process: results come back, hangs and memory hogs become E120/E121, crashes E122."""
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import isolate_probes as probes  # noqa: E402

from pipeline.errors import PolicyKGError  # noqa: E402
from pipeline.sources.isolate import run_isolated  # noqa: E402


def test_result_comes_back():
    assert run_isolated(probes.add, (2, 3), timeout=30) == 5


def test_hang_is_killed_after_timeout():
    t = time.monotonic()
    with pytest.raises(PolicyKGError) as e:
        run_isolated(probes.sleep_forever, timeout=1.0)
    assert e.value.code == "E120"
    assert time.monotonic() - t < 10


def test_memory_hog_hits_the_limit():
    with pytest.raises(PolicyKGError) as e:
        run_isolated(probes.eat_memory, timeout=30, memory_mb=400)
    assert e.value.code == "E121"


def test_crash_is_reported():
    with pytest.raises(PolicyKGError) as e:
        run_isolated(probes.crash, timeout=30)
    assert e.value.code == "E122"
