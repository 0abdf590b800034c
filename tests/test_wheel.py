"""The wheel works wherever it is installed: built from a clean copy of the sources, installed into a new
venv outside the checkout, run from a folder of its own.

Dependencies come from the running environment through a .pth line (nothing is downloaded to install);
that line adds its site-packages as a plain folder, so its .pth files (the checkout's editable install)
are not run and `pipeline` can only come from the wheel. Skipped where no wheel can be built, except
under CI=true, where that fails.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from pipeline.settings import __version__, pipeline_version
from tests.corpus import RAW, ROOT

pytestmark = pytest.mark.slow

SOURCES = ["pipeline", "models", "pyproject.toml", "README.md"]


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _run(cmd: list, cwd: Path, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _clean_copy(dest: Path) -> Path:
    """The files a clean clone has that the build reads (no caches, no build/ left by an earlier build)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build")
    for name in SOURCES:
        src = ROOT / name
        shutil.copytree(src, dest / name, ignore=ignore) if src.is_dir() else shutil.copy2(src, dest / name)
    return dest


def _build_wheel(src: Path, dist: Path) -> Path:
    """pip wheel, with the build tools at hand first, then in pip's own isolated build environment."""
    errors = []
    for extra in (["--no-build-isolation"], []):
        done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
                     *extra, "-w", dist, src], cwd=src.parent)
        wheels = sorted(dist.glob("policykg-*.whl"))
        if done.returncode == 0 and wheels:
            return wheels[-1]
        errors.append(f"{' '.join(extra) or 'isolated'}: {_reason(done.stderr)}")
    _unavailable("cannot build the wheel here: it needs setuptools>=70.1 (or older with `wheel`) installed, "
                 "or a package index to fetch it from (" + "; ".join(errors) + ")")


def _reason(stderr: str) -> str:
    """The line of pip's output that says what went wrong."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    generic = ("subprocess-exited-with-error", "failed building wheel", "failed to build")
    said = [line for line in lines if line.lower().startswith("error:") and not any(g in line.lower() for g in generic)]
    return (said or lines or ["?"])[0]


def _venv(where: Path, wheel: Path) -> Path:
    """A new venv with only the wheel installed (no dependencies), the running environment's packages
    visible through one .pth line; its bin folder."""
    made = _run([sys.executable, "-m", "venv", where], cwd=where.parent)
    if made.returncode:
        _unavailable(f"cannot make a venv: {made.stderr.strip()}")
    bin_dir = where / ("Scripts" if os.name == "nt" else "bin")
    installed = _run([bin_dir / "python", "-m", "pip", "install", "--no-deps", "--no-index",
                      "--disable-pip-version-check", wheel], cwd=where.parent)
    assert installed.returncode == 0, installed.stderr
    purelib = _run([bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=where.parent).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "_policykg_test_dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return bin_dir


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(bin folder of the venv, the wheel)."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(_clean_copy(tmp / "src"), tmp / "dist")
    return _venv(tmp / "venv", wheel), wheel


@pytest.fixture
def env() -> dict:
    """The environment the installed commands run in: nothing pointing back at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POLICYKG_STORE", "PYTHONHOME")}
    return {**env, "PYTHONNOUSERSITE": "1"}


def test_the_wheel_carries_every_file_of_models(installed):
    names = set(zipfile.ZipFile(installed[1]).namelist())
    shipped = {n[len("pipeline/models/"):] for n in names if n.startswith("pipeline/models/")}
    wanted = {p.relative_to(ROOT / "models").as_posix() for p in (ROOT / "models").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert wanted <= shipped


def test_the_wheel_carries_the_web_app_s_templates_and_assets(installed):
    names = set(zipfile.ZipFile(installed[1]).namelist())
    web = ROOT / "pipeline" / "web"
    wanted = {f"pipeline/web/{p.relative_to(web).as_posix()}" for folder in ("templates", "static")
              for p in (web / folder).iterdir() if p.is_file()}
    assert wanted and wanted <= names
    assert {"pipeline/web/static/htmx.min.js", "pipeline/web/static/cytoscape.min.js"} <= names


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, env, tmp_path):
    bin_dir, _ = installed
    code = "import pipeline, pipeline.settings as s; print(pipeline.__file__); print(s.MODELS)"
    where = _run([bin_dir / "python", "-c", code], cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    package, models = map(Path, where.stdout.split())
    venv = bin_dir.parent.resolve()
    assert package.resolve().is_relative_to(venv) and models.resolve().is_relative_to(venv)
    assert (models / "clean" / "layout_rules.json").is_file() and (models / "spacy" / "config.cfg").is_file()


def test_the_installed_commands_work_from_any_folder(installed, env, tmp_path):
    bin_dir, _ = installed
    policykg = bin_dir / "policykg"

    version = _run([policykg, "--version"], cwd=tmp_path, env=env)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"policykg {__version__} pipeline {pipeline_version()}"   # same digest

    extracted = _run([policykg, "extract", RAW / "zs-2024-reply-133089.txt", "--out", "records", "--workers", "1"],
                     cwd=tmp_path, env=env)
    assert extracted.returncode == 0, extracted.stderr
    record = json.loads((tmp_path / "records" / "zs-2024-reply-133089.json").read_text(encoding="utf-8"))
    assert "error" not in record and record["meta"]["doc_number"] == "中山商务贸函〔2024〕8号"
    assert record["pipeline_version"] == pipeline_version()

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("zs-2024-reply-133089.txt", "zs-2025-wenwaimao-measures.txt"):
        shutil.copy2(RAW / name, docs / name)
    ingested = _run([policykg, "ingest", "docs", "--workers", "1", "-q"], cwd=tmp_path, env=env)
    assert ingested.returncode == 0, ingested.stderr
    assert (tmp_path / "outputs" / "policykg.db").is_file()

    caps = _run([policykg, "query", "caps", "--json"], cwd=tmp_path, env=env)
    assert caps.returncode == 0, caps.stderr
    assert {(c["amount"], c["measure"]) for c in json.loads(caps.stdout)} >= {(2000000, "七"), (1000000, "十四")}
