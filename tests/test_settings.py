"""Where the data and the default store are, wherever the package is installed; the version digest."""
import shutil
import tomllib
from pathlib import Path

from pipeline import settings
from tests.corpus import ROOT


def _installed_copy(site: Path) -> Path:
    """The layout a wheel installs: site-packages/pipeline with models/ inside it."""
    package = site / "pipeline"
    shutil.copytree(ROOT / "pipeline", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "models", package / "models", ignore=shutil.ignore_patterns("__pycache__"))
    return package


def test_models_are_found_beside_the_package_in_a_checkout():
    assert settings.models_dir(ROOT / "pipeline") == ROOT / "models"
    assert (settings.MODELS / "clean" / "layout_rules.json").is_file()


def test_models_are_found_inside_an_installed_package(tmp_path):
    package = _installed_copy(tmp_path / "site-packages")
    assert settings.models_dir(package) == package / "models"


def test_the_version_digest_is_the_same_installed_and_in_the_checkout(tmp_path):
    package = _installed_copy(tmp_path / "site-packages")
    assert settings.digest(package, package / "models") == settings.digest(ROOT / "pipeline", ROOT / "models")
    (package / "models" / "graph" / "keys.json").write_text("{}", encoding="utf-8")
    assert settings.digest(package, package / "models") != settings.digest(ROOT / "pipeline", ROOT / "models")


def test_default_store_is_under_the_current_folder_at_call_time(tmp_path, monkeypatch):
    monkeypatch.delenv(settings.STORE_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    assert settings.default_store() == tmp_path / "outputs" / "policykg.db"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert settings.default_store() == elsewhere / "outputs" / "policykg.db"


def test_default_store_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.STORE_VARIABLE, str(tmp_path / "kg.db"))
    assert settings.default_store() == tmp_path / "kg.db"
    assert settings.DEFAULT_STORE == tmp_path / "kg.db"          # the older name reads it too


def test_open_store_without_a_path_creates_the_store_under_the_current_folder(tmp_path, monkeypatch):
    from pipeline.graph.store import open_store
    monkeypatch.delenv(settings.STORE_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        assert store.path == tmp_path / "outputs" / "policykg.db"
    assert (tmp_path / "outputs" / "policykg.db").is_file()


def test_every_subpackage_and_the_models_ship_in_the_wheel():
    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    subpackages = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert set(tool["packages"]) == subpackages | {"pipeline.models"}
    assert tool["package-dir"] == {"pipeline.models": "models"}
    assert tool["package-data"]["pipeline.models"] == ["**/*"]


def test_the_package_version_is_the_one_the_wheel_is_built_with():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert settings.__version__ == project["version"]
    assert settings.pipeline_version().startswith(f"{project['version']}+")
