"""Web fixtures: a small store built from corpus documents with the real extractor (the 133089 reply, the
measures notice it is followed up by and a revision of that notice, a traditional-script notice and a
five-page PDF), and the app on it."""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest

from pipeline.graph.ingest import ingest
from pipeline.graph.store import open_store
from tests.corpus import RAW, ROOT

sys.path.insert(0, str(RAW.parent))
from make_variants import revise  # noqa: E402

REPLY = "zs-2024-reply-133089"
MEASURES = "zs-2025-wenwaimao-measures"
TRADITIONAL = "dongguan-2021-measures-trad"
PDF = ROOT / "corpora" / "pdf" / "govdoccn-397-fagaiban-2019-860.pdf"


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    """The store the web tests read (ingested and linked once for the session)."""
    docs = tmp_path_factory.mktemp("web-docs")
    for name in (REPLY, MEASURES, TRADITIONAL):
        shutil.copy2(RAW / f"{name}.txt", docs / f"{name}.txt")
    text = (RAW / f"{MEASURES}.txt").read_text(encoding="utf-8")
    (docs / f"{MEASURES}~revision.txt").write_text(revise(MEASURES, text, None, 0, random.Random(3)).text,
                                                    encoding="utf-8")
    shutil.copy2(PDF, docs / PDF.name)
    db = tmp_path_factory.mktemp("web-store") / "kg.db"
    report = ingest([docs], db, workers=1, progress=False, limits=None)
    assert not report.failed and len(report.added) == 5
    return db


@pytest.fixture(scope="session")
def ids(web_store) -> dict[str, str]:
    """Document id by file stem."""
    with open_store(web_store) as s:
        return {Path(d["path"]).stem: d["doc_id"] for d in s.documents()}


@pytest.fixture(scope="session")
def client(web_store):
    from starlette.testclient import TestClient

    from pipeline.web.app import create_app
    with TestClient(create_app(web_store)) as c:
        yield c
