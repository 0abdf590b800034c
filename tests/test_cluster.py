"""Extraction on a Dask cluster: the same records as one machine, shards a rerun reads, failures kept
to their documents, the command-line options. One in-process cluster (workers are threads of the test
process) serves the module; one test starts the real command with a LocalCluster of processes."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch import REPORT_NAME, SHARD_DIR, extract_to_dir
from pipeline.cli import app
from pipeline.errors import E_WORKER
from tests.corpus import ROOT

if os.environ.get("CI") != "true":
    pytest.importorskip("distributed", reason="Dask is not installed: pip install 'policykg[dask]'")

REAL = ROOT / "corpora" / "real" / "raw"
DOCS = [REAL / "alashanzuoqi-jiaotong-2023-reply-rd-23.txt", REAL / "anhui-2006-measures-key-tasks.txt",
        ROOT / "corpora" / "raw" / "zs-2025-wenwaimao-measures.txt"]


@pytest.fixture(scope="module")
def cluster():
    from pipeline.cluster import Cluster
    with Cluster(workers=1, processes=False) as c:
        yield c


@pytest.fixture
def docs(tmp_path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in DOCS:
        shutil.copyfile(f, folder / f.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


def test_records_on_a_cluster_are_byte_identical_to_one_machine(cluster, docs, tmp_path):
    one = extract_to_dir([docs], tmp_path / "one", workers=1)
    shown = []
    many = extract_to_dir([docs], tmp_path / "dask", cluster=cluster, progress=lambda *done: shown.append(done))
    assert _files(tmp_path / "dask") == _files(tmp_path / "one")
    assert many.failed == one.failed and list(many.failed) == [str(docs / "broken.txt")]
    assert sorted(shown) == sorted((path, many.failed.get(str(path))) for path in docs.iterdir())
    assert len(list((tmp_path / "dask" / SHARD_DIR).glob("*.jsonl"))) >= 1


def test_a_failed_input_gets_its_error_inside_the_shard_and_the_others_their_records(cluster, docs, tmp_path):
    extract_to_dir([docs], tmp_path / "out", cluster=cluster)
    lines = [json.loads(line) for shard in (tmp_path / "out" / SHARD_DIR).glob("*.jsonl")
             for line in shard.read_text(encoding="utf-8").splitlines()]
    errors = {Path(row["path"]).name: row["record"].get("error") for row in lines}
    assert errors.pop("broken.txt").startswith("E102")
    assert set(errors) == {f.name for f in DOCS} and not any(errors.values())


def _task(docs: Path, out: Path) -> list:
    from pipeline.cluster import Doc
    from pipeline.shards import content_hash
    return [Doc(content_hash(p), str(p), str(out / f"{p.stem}.json")) for p in sorted(docs.iterdir())]


def test_a_task_writes_the_record_files_itself_and_reports_only_the_failures(cluster, docs, tmp_path):
    from pipeline.cluster import extract_shard
    from pipeline.extraction import PIPELINE_VERSION
    from pipeline.shards import read_shard
    from pipeline.workers import Limits
    extract_to_dir([docs], tmp_path / "one", workers=1)
    (tmp_path / "out").mkdir()
    task = _task(docs, tmp_path / "out")
    shard, failed = cluster.client.submit(extract_shard, task, str(tmp_path / "shards" / "v-x.jsonl"),
                                          PIPELINE_VERSION, Limits(), pure=False).result()
    assert list(failed) == [str(docs / "broken.txt")] and failed[str(docs / "broken.txt")].startswith("E102")
    assert _files(tmp_path / "out") == {k: v for k, v in _files(tmp_path / "one").items() if k != REPORT_NAME}
    assert [item.path for item, _ in read_shard(Path(shard))] == [doc.path for doc in task]


def test_a_retried_task_whose_shard_was_written_rewrites_its_record_files_from_the_shard(cluster, docs, tmp_path,
                                                                                         monkeypatch):
    import pipeline.cluster
    from pipeline.cluster import extract_shard
    from pipeline.extraction import PIPELINE_VERSION
    from pipeline.workers import Limits
    (tmp_path / "out").mkdir()
    task, shard = _task(docs, tmp_path / "out"), str(tmp_path / "v-x.jsonl")
    first = cluster.client.submit(extract_shard, task, shard, PIPELINE_VERSION, Limits(), pure=False).result()
    records = _files(tmp_path / "out")
    for f in (tmp_path / "out").iterdir():
        f.unlink()
    monkeypatch.setattr(pipeline.cluster, "_task_process", _lost)          # nothing is extracted again
    assert extract_shard(task, shard, PIPELINE_VERSION, Limits()) == first
    assert _files(tmp_path / "out") == records


def _lost(*args, **kwargs):
    raise OSError("worker lost")


def test_a_rerun_reads_the_finished_shards_and_redoes_only_a_missing_one(cluster, docs, tmp_path, monkeypatch):
    import pipeline.cluster
    out = tmp_path / "out"
    extract_to_dir([docs], out, cluster=cluster)
    shards = {p.name: p.stat().st_mtime_ns for p in (out / SHARD_DIR).glob("*.jsonl")}
    records = _files(out)
    monkeypatch.setattr(pipeline.cluster, "extract_shard", _lost)      # a task given out now fails
    assert not extract_to_dir([docs], out, cluster=cluster).failed.keys() - {str(docs / "broken.txt")}
    assert _files(out) == records
    monkeypatch.undo()
    gone = sorted(shards)[0]
    (out / SHARD_DIR / gone).unlink()
    extract_to_dir([docs], out, cluster=cluster)
    again = {p.name: p.stat().st_mtime_ns for p in (out / SHARD_DIR).glob("*.jsonl")}
    assert set(again) == set(shards)
    assert [name for name in shards if again[name] != shards[name]] == [gone]
    assert _files(out) == records


def test_a_task_failing_on_every_try_fails_its_documents_and_the_batch_goes_on(cluster, docs, tmp_path,
                                                                               monkeypatch):
    import pipeline.cluster
    monkeypatch.setattr(pipeline.cluster, "extract_shard", _lost)
    report = extract_to_dir([docs], tmp_path / "out", cluster=cluster)
    assert len(report.written) == 4 and set(report.failed) == {str(p) for p in docs.iterdir()}
    assert all(reason.startswith(E_WORKER) and "worker lost" in reason for reason in report.failed.values())
    assert not list((tmp_path / "out" / SHARD_DIR).glob("*.jsonl"))     # nothing a rerun would take as done


def test_ingest_on_a_cluster_stores_the_same_graph_as_one_machine(cluster, docs, tmp_path, monkeypatch):
    import pipeline.cluster
    from pipeline.graph.commands import export_command, ingest_command
    one = ingest_command([docs], tmp_path / "one.db", workers=1, quiet=True)
    monkeypatch.setattr(pipeline.cluster, "content_hash", _lost)     # the run's own hashes: no file read twice
    many = ingest_command([docs], tmp_path / "dask.db", quiet=True, cluster=cluster)
    assert (many.to_dict()["added"], many.failed) == (one.to_dict()["added"], one.failed)
    assert list((tmp_path / "dask.db.shards").glob("*.jsonl"))
    for name in ("one", "dask"):
        export_command("json", tmp_path / f"{name}.json", tmp_path / f"{name}.db")
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "one.json").read_bytes()


def test_scheduler_and_dask_workers_together_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1",
                                      "--dask-workers", "1", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "choose one of --scheduler, --dask-workers" in result.output


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_no_scheduler_at_the_address_exits_2_at_once(command, tmp_path):
    result = CliRunner().invoke(app, [command, str(tmp_path), "--scheduler", "tcp://127.0.0.1:1",
                                      *(["--out", str(tmp_path / "out")] if command == "extract"
                                        else ["--store", str(tmp_path / "kg.db")])])
    assert result.exit_code == 2 and "no Dask scheduler at tcp://127.0.0.1:1" in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "kg.db").exists()


def test_extract_with_dask_workers_runs_a_local_cluster_and_writes_the_same_records(docs, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = {}
    for name, options in (("one", ["--workers", "1"]), ("dask", ["--dask-workers", "1"])):
        runs[name] = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(docs), "--out",
                                     str(tmp_path / name), "-q", *options], env=env, capture_output=True,
                                    text=True, timeout=300)
    assert runs["dask"].returncode == runs["one"].returncode == 1, runs["dask"].stderr
    assert "4 records written" in runs["dask"].stderr and "failed: " + str(docs / "broken.txt") in runs["dask"].stderr
    assert _files(tmp_path / "dask") == _files(tmp_path / "one")
    assert json.loads((tmp_path / "dask" / REPORT_NAME).read_text(encoding="utf-8"))["failed"] == 1


def test_a_worker_with_another_pipeline_version_refuses_the_task(tmp_path):
    from pipeline.cluster import ClusterError, Doc, extract_shard
    from pipeline.workers import Limits
    with pytest.raises(ClusterError, match="install the same policykg"):
        extract_shard([Doc("", str(DOCS[0]), str(tmp_path / "a.json"))], str(tmp_path / "v-x.jsonl"),
                      "0.0.0+other", Limits())
    assert not list(tmp_path.iterdir())


def test_a_worker_that_cannot_see_the_record_folder_refuses_the_task(tmp_path):
    from pipeline.cluster import ClusterError, Doc, extract_shard
    from pipeline.extraction import PIPELINE_VERSION
    from pipeline.workers import Limits
    with pytest.raises(ClusterError, match="must share the folders of the inputs, the shards and the records"):
        extract_shard([Doc("", str(DOCS[0]), str(tmp_path / "elsewhere" / "a.json"))], str(tmp_path / "v-x.jsonl"),
                      PIPELINE_VERSION, Limits())
    assert not list(tmp_path.iterdir())


def test_a_shard_the_client_cannot_see_stops_the_run_with_what_to_do(cluster, docs, tmp_path, monkeypatch):
    import pipeline.cluster
    from pipeline.cluster import ClusterError

    def elsewhere(docs, shard, version, limits):
        return str(tmp_path / "on-another-machine" / Path(shard).name), {}

    monkeypatch.setattr(pipeline.cluster, "extract_shard", elsewhere)
    with pytest.raises(ClusterError, match="must share the folders of the inputs, the shards"):
        extract_to_dir([docs], tmp_path / "out", cluster=cluster)
