"""Paths into models/ and the defaults every stage reads, in one place.

models/ is found beside the package: `pipeline/models` in an installed wheel (shipped as package data),
the checkout's top-level `models/` otherwise (an editable install or a run from the source tree).
"""
from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent


def models_dir(package: Path = PACKAGE) -> Path:
    """The data the code reads: `<package>/models` where installed, else `models/` beside the package."""
    installed = package / "models"
    return installed if installed.is_dir() else package.parent / "models"


MODELS = models_dir()
JIEBA_USERDICT = MODELS / "jieba" / "userdict.txt"
SPACY_PIPELINE = MODELS / "spacy"
STORE_VARIABLE = "POLICYKG_STORE"

__version__ = "0.1.0"

# What the version digest reads: data and code, not the spaCy pipeline (written from the code) nor caches.
_HASHED = {".py", ".json", ".tsv", ".txt", ".cfg"}
# Code that reads the store and makes no record (the web app): changing it re-processes nothing.
_NOT_HASHED = ("web",)


def default_store() -> Path:
    """The store used without --store: $POLICYKG_STORE, else ./outputs/policykg.db under the current folder."""
    return Path(os.environ.get(STORE_VARIABLE) or Path.cwd() / "outputs" / "policykg.db")


def __getattr__(name: str):
    """DEFAULT_STORE, kept for older callers: default_store() at the moment it is read."""
    if name == "DEFAULT_STORE":
        return default_store()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _hashed_files(base: Path, prefix: str, skip: Path | None = None):
    """(name as in a checkout, path) of the files under `base` the digest reads, sorted by name."""
    found = []
    for p in base.rglob("*"):
        rel = p.relative_to(base)
        if p.is_file() and p.suffix in _HASHED and "__pycache__" not in rel.parts \
                and rel.parts[0] != "spacy" and not (skip and p.is_relative_to(skip)):
            found.append((f"{prefix}/{rel.as_posix()}", p))
    return sorted(found)


def digest(package: Path = PACKAGE, models: Path = MODELS) -> str:
    """12 hex digits over the data in `models` and the code in `package`, files named as in a checkout
    (models/..., pipeline/...), so an installed wheel and its source tree give the same digest."""
    h = hashlib.sha256()
    code = [(name, p) for name, p in _hashed_files(package, "pipeline", skip=package / "models")
            if not any(p.is_relative_to(package / part) for part in _NOT_HASHED)]
    for name, p in sorted(_hashed_files(models, "models") + code):
        h.update(name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


@cache
def pipeline_version() -> str:
    """Package version plus the digest of models/ and the code: changes re-process documents."""
    return f"{__version__}+{digest()}"
