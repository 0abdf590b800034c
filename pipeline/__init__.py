"""policykg: Chinese government notices and proposal replies in, JSON records and a knowledge graph out.

    from pipeline import extract
    record = extract("corpora/raw/zs-2025-wenwaimao-measures.txt")
    record.meta.title, record.to_json()

Public names never share a name with a submodule (importing `pipeline.extraction` leaves
`pipeline.extract` the function); the store classes load on first use so `import pipeline` stays cheap.
"""
from .settings import __version__
from .types import Record


def extract(path, *, isolate: bool = True) -> Record:
    """The Record of one document file; bad input gives a record with `error` (pipeline.extraction.extract)."""
    from .extraction import extract as _extract
    return _extract(path, isolate=isolate)


def open_store(path=None):
    """The knowledge-graph store (SQLite; default ./outputs/policykg.db), see pipeline.graph.store."""
    from .graph.store import open_store as _open_store
    return _open_store(path)


def __getattr__(name: str):
    """`Store` (pipeline.graph.store.Store), imported on first use."""
    if name == "Store":
        from .graph.store import Store
        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["extract", "open_store", "Store", "Record", "__version__"]
