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
