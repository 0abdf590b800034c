"""Paths into models/ and the defaults every stage reads, in one place."""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
OUTPUTS = ROOT / "outputs"
DEFAULT_STORE = OUTPUTS / "policykg.db"
JIEBA_USERDICT = MODELS / "jieba" / "userdict.txt"
SPACY_PIPELINE = MODELS / "spacy"

__version__ = "0.1.0"


@cache
def pipeline_version() -> str:
    """Package version plus a digest of the data in models/ and the code: changes re-process documents."""
    h = hashlib.sha256()
    for base in (MODELS, ROOT / "pipeline"):
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix in {".py", ".json", ".tsv", ".txt", ".cfg"} \
                    and "__pycache__" not in p.parts and "spacy" not in p.relative_to(base).parts[:1]:
                h.update(str(p.relative_to(ROOT)).encode())
                h.update(p.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
