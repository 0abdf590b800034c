"""The README's main job: ingest corpora/ into a store; every document in it is read (exit 0)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.graph.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_main_job_reads_every_document_of_the_corpora(tmp_path):
    report = ingest([ROOT / "corpora"], tmp_path / "kg.db", workers=2, progress=False)
    assert report.failed == {}
    assert len(report.added) > 500
