"""Shards: tasks of documents chosen by content hash, shard names, shards written whole or not at all."""
import json

import pytest

from pipeline.shards import (MAX_TASK, MIN_TASK, Item, content_hash, finished_shards, plan, read_shard,
                             shard_line, shard_name, task_size, write_shard)


def _items(n: int) -> list[Item]:
    return [Item(content_hash_of(i), f"docs/{i}.txt") for i in range(n)]


def content_hash_of(i: int) -> str:
    import hashlib
    return hashlib.sha256(str(i).encode()).hexdigest()


def test_tasks_are_runs_of_documents_in_content_hash_order():
    items = _items(500)
    tasks = plan(reversed(items), workers=2)
    flat = [i for task in tasks for i in task]
    assert flat == sorted(items)
    assert all(MIN_TASK <= len(t) <= MAX_TASK for t in tasks[:-1])
    assert tasks == plan(items, workers=2)          # however the inputs came: the same tasks


def test_task_size_keeps_every_worker_busy_within_tens_to_hundreds_of_documents():
    assert task_size(2000, 2) == 63                  # 32 tasks: 16 a worker
    assert task_size(2000, 2) == task_size(2000, 8)   # the same plan on any cluster up to 8 workers
    assert task_size(2000, 50) == MIN_TASK            # 200 tasks for 50 workers
    assert task_size(30, 2) == MIN_TASK
    assert task_size(1_000_000, 16) == MAX_TASK


def test_a_shard_name_depends_on_its_documents_and_the_pipeline_version():
    a, b = _items(20), _items(21)
    assert shard_name(a, "v1") == shard_name(list(a), "v1")
    assert shard_name(a, "v1") != shard_name(b[:20] + [Item(b[0].sha256, "elsewhere.txt")], "v1")
    assert shard_name(a, "v1") != shard_name(a, "v2")
    assert shard_name(a, "v1").startswith("v1-") and shard_name(a, "v1").endswith(".jsonl")


def test_a_shard_holds_each_document_with_its_record(tmp_path):
    items = _items(3)
    target = tmp_path / shard_name(items, "v1")
    write_shard(target, (shard_line(i, {"id": str(k), "text": "关于印发"}) for k, i in enumerate(items)))
    assert [(i, r["id"]) for i, r in read_shard(target)] == [(i, str(k)) for k, i in enumerate(items)]
    first = json.loads(target.read_text(encoding="utf-8").splitlines()[0])
    assert first == {"path": items[0].path, "sha256": items[0].sha256, "record": {"id": "0", "text": "关于印发"}}


def test_a_shard_is_written_whole_or_not_at_all(tmp_path):
    def lines():
        yield shard_line(Item("a" * 64, "a.txt"), {"id": "a"})
        raise RuntimeError("the task died")

    target = tmp_path / "v1-x.jsonl"
    with pytest.raises(RuntimeError):
        write_shard(target, lines())
    assert list(tmp_path.iterdir()) == []


def test_finished_shards_are_this_versions_and_never_a_temporary_file(tmp_path):
    for name in ("v1-a.jsonl", "v1-b.jsonl", "v2-a.jsonl", ".v1-c.jsonl.123.tmp", "v1-d.jsonl.tmp"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in finished_shards(tmp_path, "v1")] == ["v1-a.jsonl", "v1-b.jsonl"]
    assert finished_shards(tmp_path / "none", "v1") == []


def test_content_hash_is_the_sha256_of_the_bytes_and_empty_for_a_missing_file(tmp_path):
    import hashlib
    f = tmp_path / "a.txt"
    f.write_bytes("通知".encode())
    assert content_hash(f) == hashlib.sha256("通知".encode()).hexdigest()
    assert content_hash(tmp_path / "gone.txt") == ""
