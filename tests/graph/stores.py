"""Stores for the graph tests on either backend: an SQLite file, or a PostgreSQL schema of its own in one test
database on the local server scripts/pg-dev starts (or the one $POLICYKG_TEST_PG names). Where PostgreSQL is
missing its tests skip with the reason, except under CI=true: there it must run."""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BACKENDS = ("sqlite", "postgresql")
_state = {"backend": "sqlite", "server": None, "database": None}
_count = itertools.count()
_named: dict[tuple[str, str], str] = {}


def use(backend: str) -> None:
    """The backend new_store gives stores on from now on."""
    _state["backend"] = backend


def backend() -> str:
    return _state["backend"]


def new_store(tmp_path: Path, name: str = "graph.db") -> Path | str:
    """The store a test names `name`: a file in its folder, or a schema of its own in the test database (the
    same name gives the same store again)."""
    if _state["backend"] == "sqlite":
        return tmp_path / name
    key = (str(tmp_path), name)
    if key not in _named:
        import psycopg
        schema = f"t{os.getpid()}_{next(_count)}"
        with psycopg.connect(test_database(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        _named[key] = f"{test_database()}?options=-csearch_path%3D{schema}"
    return _named[key]


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI installs it: see .ci/run)")
    pytest.skip(reason)


def server() -> str:
    """The URL of the PostgreSQL server's maintenance database (started by scripts/pg-dev if need be)."""
    if _state["server"]:
        return _state["server"]
    url = os.environ.get("POLICYKG_TEST_PG")
    if not url:
        if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and not shutil.which("initdb"):
            _missing("PostgreSQL is not installed (apt-get install postgresql): its store tests are skipped")
        done = subprocess.run([str(ROOT / "scripts" / "pg-dev"), "start"], capture_output=True, text=True)
        if done.returncode:
            _missing(f"scripts/pg-dev could not start PostgreSQL: {done.stderr.strip()}")
        url = done.stdout.strip()
    try:
        import psycopg
        psycopg.connect(url, connect_timeout=10).close()
    except Exception as e:                      # noqa: BLE001 - any reason the server cannot be reached
        _missing(f"no PostgreSQL at {url}: {e}")
    _state["server"] = url
    return url


def test_database() -> str:
    """A database of this test session's own (dropped when the session ends: drop_test_database)."""
    if _state["database"]:
        return _state["database"]
    import psycopg
    url = server()
    name = f"policykg_test_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    _state["database"] = url.rsplit("/", 1)[0] + "/" + name
    return _state["database"]


def drop_test_database() -> None:
    if not _state["database"]:
        return
    import psycopg
    name = _state["database"].rsplit("/", 1)[1]
    with psycopg.connect(_state["server"], autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _state["database"] = None


def store_exists(target: Path | str) -> bool:
    """True once a store has been made at a target (a file there; the schema's tables on PostgreSQL)."""
    if isinstance(target, Path):
        return target.exists()
    import psycopg
    with psycopg.connect(target) as conn:
        return conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]


def sqlite_only(reason: str) -> None:
    """Skips a test on PostgreSQL: what it checks is a thing of SQLite files."""
    if _state["backend"] != "sqlite":
        pytest.skip(f"SQLite only: {reason}")
