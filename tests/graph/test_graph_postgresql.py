"""PostgreSQL as the store: `policykg ingest corpora/` then the README's queries print what they print on
SQLite; several ingest clients at once give the graph one client gives; the web app reads the store."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.graph.store import open_store
from tests.graph import stores
from tests.graph.fakes import ingest_fake, linking_state, measures_record, reply_record, write_record_file

ROOT = Path(__file__).resolve().parents[2]
_WHEN = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?(\+00:00)?")     # when a run started: not an answer


def _pg_stores(tmp_path: Path, *names: str):
    """New stores on PostgreSQL, one per name (the store tests' other backend is left as it was: SQLite)."""
    stores.use("postgresql")
    try:
        made = [stores.new_store(tmp_path, name) for name in names]
    finally:
        stores.use("sqlite")
    return made[0] if len(made) == 1 else made


def _readme_queries() -> list[list[str]]:
    """The read-only commands the README shows (query, stats, runs, changes), as argument lists."""
    found = []
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(?:\$ )?\.venv/bin/policykg ((?:query|stats|runs|changes)\b.*)$", line)
        if m:
            args = shlex.split(m.group(1).split("  #")[0])
            if args not in found:
                found.append(args)
    return found


def _readme_corpus() -> list[str]:
    """The shared corpus and PDFs the README's queries name, and every twentieth real document: the two
    backends are compared on the same store contents, not on the whole corpus (the main job's test reads that)."""
    real = sorted((ROOT / "corpora" / "real" / "raw").glob("*.txt"))[::20]
    return ["corpora/raw", "corpora/pdf", *(str(p.relative_to(ROOT)) for p in real)]


def _ingest(target) -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", *_readme_corpus(), "-q",
                           "--store", str(target)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.mark.slow
def test_the_readme_queries_answer_on_postgresql_as_on_sqlite(tmp_path):
    pg = _pg_stores(tmp_path, "readme")
    db = tmp_path / "kg.db"
    _ingest(db)
    _ingest(pg)
    queries = _readme_queries()
    assert len(queries) >= 10 and ["query", "search", "工信"] in queries
    runner = CliRunner()
    for args in queries:
        on_sqlite = runner.invoke(app, [*args, "--store", str(db)])
        on_pg = runner.invoke(app, [*args, "--store", pg])
        assert on_sqlite.exit_code == 0 and on_sqlite.output.strip(), (args, on_sqlite.output)
        assert (on_pg.exit_code, _WHEN.sub("T", on_pg.output)) == (0, _WHEN.sub("T", on_sqlite.output)), args
    exported = [tmp_path / "sqlite.json", tmp_path / "postgresql.json"]
    for target, out in zip((db, pg), exported):
        assert runner.invoke(app, ["export", "json", "--out", str(out), "--store", str(target)]).exit_code == 0
    assert exported[0].read_bytes() == exported[1].read_bytes()          # numbers written alike (1.0, not 1)
    with open_store(db) as a, open_store(pg) as b:
        assert list(a.iter_nodes()) == list(b.iter_nodes())
        assert list(a.iter_edges()) == list(b.iter_edges())
        for text in ("工信", "中小企业 专精特新", "出口信用保险", "133089"):
            from pipeline.graph.search import search
            assert search(a, text) == search(b, text), text


def _corpus(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    files = []
    for i in range(n):
        record = (reply_record(f"reply{i:02d}") if i % 4 == 3 else
                  measures_record(f"m{i:02d}", cap=100000 + 10000 * i, title=f"中山市促进第{i % 5}产业发展若干措施"))
        write_record_file(folder / f"d{i:02d}.txt", record)
        files.append(folder / f"d{i:02d}.txt")
    return files


def test_clients_ingesting_at_once_give_the_graph_one_client_gives(tmp_path):
    one, shared = _pg_stores(tmp_path, "one", "shared")
    files = _corpus(tmp_path / "docs", 16)
    ingest_fake(files, one, link=True)
    parts = [files[0::3], files[1::3], files[2::3]]
    errors = []

    def client(part):
        try:
            ingest_fake(part, shared, link=True)
        except Exception as exc:       # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(p,)) for p in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(one) as a, open_store(shared) as b:
        assert a.counts() == b.counts() and b.counts()["copies"] == 16
        assert list(a.iter_nodes()) == list(b.iter_nodes()) and list(a.iter_edges()) == list(b.iter_edges())
        assert [r["status"] for r in b.sql("SELECT status FROM runs ORDER BY id")] == ["complete"] * 3
    assert linking_state(one) == linking_state(shared)


def test_the_web_app_answers_on_postgresql_as_on_sqlite(tmp_path, docs_dir):
    from starlette.testclient import TestClient

    from pipeline.web.app import create_app
    pg = _pg_stores(tmp_path, "web")
    db = tmp_path / "web.db"
    for target in (db, pg):
        ingest_fake([docs_dir], target, link=True)
    asked = ["/api/search?q=工信", "/api/agency/中山市工业和信息化局", "/api/proposal/133089", "/api/caps",
             "/api/followup/133089", "/api/stats", "/api/graph?node=Agency:中山市工业和信息化局"]
    with TestClient(create_app(db)) as on_sqlite, TestClient(create_app(pg)) as on_pg:
        for path in asked:
            a, b = on_sqlite.get(path), on_pg.get(path)
            assert a.status_code == 200 and (b.status_code, b.json()) == (200, a.json()), path
        for page in ("/", "/search?q=工信", "/caps", "/changes", "/agency/中山市工业和信息化局"):
            assert on_pg.get(page).status_code == 200, page


def test_a_store_url_with_no_server_behind_it_is_a_clear_error():
    result = CliRunner().invoke(app, ["stats", "--store", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2 and "cannot reach the store postgresql://nobody@127.0.0.1:1/none" in result.output


def test_writers_storing_documents_at_once_store_each_whole(tmp_path):
    from pipeline.graph.build import build_rows
    one, shared = _pg_stores(tmp_path, "one", "shared")
    records = [measures_record(f"m{i:02d}", cap=100000 + i, title=f"中山市促进第{i}产业发展若干措施") for i in range(24)]

    def put(target, part):
        with open_store(target) as s:             # a connection of its own, as another client has
            for r in part:
                s.replace_document(build_rows(r, "sha-" + r.id, "v1"), r.to_dict(), f"/docs/{r.id}.txt")

    put(one, records)
    threads = [threading.Thread(target=put, args=(shared, records[i::4])) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open_store(one) as a, open_store(shared) as b:
        assert b.counts() == a.counts() and b.counts()["copies"] == 24
        assert list(a.iter_nodes()) == list(b.iter_nodes()) and list(a.iter_edges()) == list(b.iter_edges())


def test_test_runs_starting_the_dev_server_at_once_share_one_server():
    """Two test runs (a CI clone and a developer's) start scripts/pg-dev at the same moment: the second waits for
    the first and finds its server, both name the same URL, and a third start finds it again."""
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        stores._missing("PostgreSQL is not installed (apt-get install postgresql)")
    home = Path(tempfile.mkdtemp(prefix="pg-dev-", dir="/tmp"))
    home.chmod(0o755)                                  # the postgres user walks into it as root's runs start it
    env = {**os.environ, "PG_DEV_DIR": str(home / "pg")}
    pg_dev = str(ROOT / "scripts" / "pg-dev")
    try:
        runs = [subprocess.Popen([pg_dev, "start"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
        urls = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0, 0], urls
        assert urls[0][0].strip() == urls[1][0].strip()
        again = subprocess.run([pg_dev, "start"], env=env, capture_output=True, text=True, timeout=60)
        assert again.stdout.strip() == urls[0][0].strip()
    finally:
        subprocess.run([pg_dev, "stop"], env=env, capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)
