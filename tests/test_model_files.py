"""The training scripts' shared parts: the documents they read, the model file they write, their command."""
from __future__ import annotations

import json

from pipeline.model_files import train_command, training_documents, write_model_file
from pipeline.settings import ROOT


def test_a_model_file_is_plain_json_one_weight_a_line(tmp_path):
    spec = {"id": "x.model", "version": "1.0", "training": {"nodes": 2}, "weights": {"a": 0.5, "b": [1.0, -2.0]}}
    path = tmp_path / "classifier.json"
    write_model_file(spec, path)
    assert json.loads(path.read_text(encoding="utf-8")) == spec
    assert '  "a": 0.5,' in path.read_text(encoding="utf-8").splitlines()


def test_training_reads_the_dev_split_and_the_dev_corpus_never_the_test_split():
    splits = json.loads((ROOT / "corpora" / "real" / "splits.json").read_text(encoding="utf-8"))
    docs = training_documents(ROOT)
    real = {gold.stem for _, gold in docs if gold.parent.parent.name == "real"}
    assert real == set(splits["dev"]) and not real & set(splits["test"])
    assert len(docs) - len(real) == len(list((ROOT / "corpora" / "gold").glob("*.json")))


def test_check_says_whether_the_file_is_current_and_writes_nothing(tmp_path, capsys):
    spec = {"id": "x.model", "version": "1.0", "training": {}, "weights": {"a": 1.0}}
    out = tmp_path / "classifier.json"
    same = lambda a, b: a["weights"] == b["weights"]                       # noqa: E731
    assert train_command(["--check"], lambda: spec, out, same, "train.py", str) == 1 and not out.exists()
    assert train_command([], lambda: spec, out, same, "train.py", lambda t: "done") == 0
    assert train_command(["--check"], lambda: spec, out, same, "train.py", str) == 0
    assert "is current" in capsys.readouterr().out
