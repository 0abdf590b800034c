"""What the training scripts of models/ share: the annotated documents they read, the plain-JSON model
file they write, and their command line (write, or --check whether the file is current)."""
from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType


def training_script(root: Path, model: str) -> ModuleType:
    """The training script models/<model>/train.py of the project at `root`, loaded as a module (for
    tests and benches that retrain or read its settings)."""
    spec = importlib.util.spec_from_file_location(f"{model}_train", root / "models" / model / "train.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def training_documents(root: Path) -> list[tuple[Path, Path]]:
    """(raw text, gold) of the dev split of corpora/real (the frozen test split is never read), then of
    corpora/gold, sorted by id."""
    real, dev_corpus = root / "corpora" / "real", root / "corpora"
    dev = json.loads((real / "splits.json").read_text(encoding="utf-8"))["dev"]
    docs = [(real / "raw" / f"{i}.txt", real / "gold" / f"{i}.json") for i in sorted(dev)]
    docs += [(dev_corpus / "raw" / f"{g.stem}.txt", g) for g in sorted((dev_corpus / "gold").glob("*.json"))]
    missing = [str(raw) for raw, _ in docs if not raw.exists()]
    if missing:
        raise FileNotFoundError(f"no text for {len(missing)} gold documents, e.g. {missing[0]}")
    return docs


def write_model_file(spec: dict, path: Path) -> None:
    """The model file: one line a field, one line a feature's weights."""
    def one(value) -> str:
        return json.dumps(value, ensure_ascii=False)
    lines = [f" {one(k)}: {one(v)}," for k, v in spec.items() if k != "weights"]
    lines += [' "weights": {'] + [f"  {one(k)}: {one(w)}," for k, w in spec["weights"].items()]
    lines[-1] = lines[-1].rstrip(",")
    path.write_text("{\n" + "\n".join(lines) + "\n }\n}\n", encoding="utf-8")


def models_agree(a: dict, b: dict, keys: tuple[str, ...], tolerance: float) -> bool:
    """True where two model files agree: the same `keys` and feature names, the intercept and weights within
    `tolerance` (a last digit may differ between machines' floating point); a weight may be a number or a
    list of them (one a class)."""
    if [a[k] for k in keys] + [sorted(a["weights"])] != [b[k] for k in keys] + [sorted(b["weights"])]:
        return False
    flat = lambda v: v if isinstance(v, list) else [v]       # noqa: E731
    pairs = list(zip(flat(a["intercept"]), flat(b["intercept"])))
    pairs += [p for k in a["weights"] for p in zip(flat(a["weights"][k]), flat(b["weights"][k]))]
    return all(abs(x - z) <= tolerance for x, z in pairs)


def train_command(argv: list[str], build: Callable[[], dict], out: Path, same_model: Callable[[dict, dict], bool],
                  script: str, summary: Callable[[dict], str]) -> int:
    """Trains (build) and writes `out`, printing `summary`; with --check only says whether `out` is current."""
    spec = build()
    if "--check" in argv:
        current = out.exists() and same_model(json.loads(out.read_text(encoding="utf-8")), spec)
        print(f"{out.name} is {'current' if current else f'out of date: run {script}'}")
        return 0 if current else 1
    write_model_file(spec, out)
    print(f"{out.name}: {spec['id']}@{spec['version']}, {summary(spec['training'])}")
    return 0
