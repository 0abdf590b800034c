"""Graph fixtures: a store holding the hand-built reply and measures records, ingested with the fake extractor;
`backend`: a module marked with it runs its tests on SQLite and on PostgreSQL (tests/graph/stores.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.graph.store import open_store
from tests.graph import stores
from tests.graph.fakes import ingest_fake, measures_record, reply_record, write_record_file


@pytest.fixture(params=stores.BACKENDS)
def backend(request):
    """The backend the test's stores are on (stores.new_store), each in turn."""
    if request.param == "postgresql":
        stores.test_database()
    stores.use(request.param)
    yield request.param
    stores.use("sqlite")


@pytest.fixture(scope="session", autouse=True)
def _drop_test_database():
    yield
    stores.drop_test_database()


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    write_record_file(d / "reply.txt", reply_record())
    write_record_file(d / "measures.txt", measures_record())
    return d


@pytest.fixture
def store_path(tmp_path: Path, docs_dir: Path) -> Path | str:
    path = stores.new_store(tmp_path, "graph.db")
    report = ingest_fake([docs_dir], path)
    assert len(report.added) == 2 and not report.failed
    return path


@pytest.fixture
def store(store_path: Path):
    with open_store(store_path) as s:
        yield s
