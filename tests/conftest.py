"""Shared fixtures: the corpus folders (helpers for gold and raw text live in tests/corpus.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus import GOLD, RAW


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="module")
def probe(request):
    """The annotated set named by the test module's PROBE_SET, extracted and scored once."""
    from tests.corpus import annotated_set
    return annotated_set(request.module.PROBE_SET)


@pytest.fixture(scope="module")
def golds(probe) -> list:
    return probe.golds


@pytest.fixture(scope="module")
def records(probe) -> dict:
    return probe.records


@pytest.fixture(scope="module")
def figures(probe) -> dict:
    return probe.figures
