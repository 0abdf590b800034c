"""policykg: Chinese government notices and proposal replies in, JSON records and a knowledge graph out.

    from pipeline import extract
    record = extract("corpora/raw/zs-2025-wenwaimao-measures.txt")
"""
from .settings import __version__


def extract(path, **kwargs):
    """The Record of one document file (see pipeline.extract.extract)."""
    from .extract import extract as _extract
    return _extract(path, **kwargs)


def open_store(path=None):
    """The knowledge-graph store (SQLite; default outputs/policykg.db), see pipeline.graph.store."""
    from .graph.store import open_store as _open_store
    return _open_store(path)


__all__ = ["extract", "open_store", "__version__"]
