"""The Python API a notebook user sees: `from pipeline import extract, Record, Store, open_store`."""
import pkgutil
import subprocess
import sys

import pipeline
from tests.corpus import RAW, ROOT

HEAVY = ("spacy", "jieba", "sklearn", "networkx", "pdfplumber", "opencc")


def test_extract_can_be_called_again_after_its_module_is_imported():
    import pipeline.extraction  # noqa: F401  (what the first call does inside)
    first = pipeline.extract(RAW / "zs-2024-reply-133089.txt")
    again = pipeline.extract(RAW / "zs-2024-reply-133089.txt")
    assert isinstance(first, pipeline.Record) and again.to_dict() == first.to_dict()
    assert first.meta.doc_number == "中山商务贸函〔2024〕8号"


def test_no_public_name_is_also_a_submodule():
    submodules = {m.name for m in pkgutil.iter_modules(pipeline.__path__)}
    assert not set(pipeline.__all__) & submodules


def test_store_is_the_graph_store_class(tmp_path):
    from pipeline import Store
    from pipeline.graph.store import Store as GraphStore
    assert Store is GraphStore
    with pipeline.open_store(tmp_path / "kg.db") as store:
        assert isinstance(store, Store) and store.integrity() == "ok"


def test_importing_the_package_loads_no_heavy_library():
    code = ("import sys, pipeline; from pipeline import extract, Record, open_store; "
            f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
