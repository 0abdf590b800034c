"""Batch extraction: walking inputs, output names that never collide, failures reported."""
from pathlib import Path

from pipeline.batch import extract_records, output_names, walk_inputs


def test_walk_inputs_takes_document_files_from_folders(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.py").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in walk_inputs([tmp_path])]
    assert found == ["a.txt", "sub/b.pdf"]


def test_output_names_never_collide():
    inputs = [Path("x/a.txt"), Path("y/a.txt"), Path("x/a.pdf"), Path("z/b.docx")]
    names = output_names(inputs)
    assert names[Path("x/a.txt")] == "a.json"
    assert names[Path("z/b.docx")] == "b.json"
    assert len(set(names.values())) == 4
    assert names[Path("x/a.pdf")] == "a.pdf.json"


def test_extract_records_keeps_input_order_across_workers():
    inputs = [Path(f"doc{i}.txt") for i in range(5)]
    out = list(extract_records(inputs, workers=2, extract_fn=_fake))
    assert [p for p, _ in out] == inputs
    assert [r["id"] for _, r in out] == [f"doc{i}" for i in range(5)]


def _fake(path: str) -> dict:
    return {"id": Path(path).stem}
