"""Fixtures for loader tests: the repository root and the PDF renderer in corpora/."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "corpora"))


@pytest.fixture(scope="session")
def render():
    """corpora/render_pdf.render"""
    import render_pdf

    return render_pdf.render
