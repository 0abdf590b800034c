"""Extraction on a Dask cluster: tasks of documents chosen by content hash, each writing one shard.

`policykg extract|ingest --scheduler tcp://HOST:8786` sends the work to a running Dask cluster,
`--dask-workers N` to a local one started for the run. Each task extracts its documents as the one-machine
path does (in a process forked from the worker once it has loaded the pipeline, each document under the
time and memory limits, a bad input failing alone), one after the other (pipeline.sequential: the worker
wakes once a task, not once a document), and that process writes their lines of the task's shard
(pipeline/shards.py) and, for `extract`, each record file as a one-machine run writes it: the client only
gives out tasks and counts the failures each reports (`ingest` reads each shard as its task finishes). A
rerun reads the finished shards first and gives out only what they lack; a task on a worker that is lost
is run again elsewhere (Dask), and a task that fails on every try gives each of its documents a record
with the error. Workers and client see the same files: the inputs, the shard folder and the record
folder. Workers need only the installed package (`pip install policykg[dask]`).
"""
from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Iterator, Mapping, NamedTuple

from . import errors
from .batch import _extract_one, _failed_record, write_record
from .sequential import Line, Sequential
from .shards import (Item, content_hash, finished_shards, plan, read_shard, shard_file, shard_line, shard_name,
                     write_shard)
from .workers import Limits

RETRIES = 2               # tries of a task beyond the first, on top of Dask's re-runs of a lost worker's tasks
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.daemon": False,          # a worker forks a process for each task's documents (their limits)
    # no dashboard: no use for the workers' profiler (every thread sampled every 10 ms) nor for a 20 ms watch
    # on each event loop; together a fifth of a core while the cluster idles, taken from the extraction
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    # each worker and its nanny read the worker's memory every 100 ms: every second is soon enough for a
    # worker whose documents have their own memory limit (a third less for the idle cluster)
    "distributed.worker.memory.monitor-interval": "1s",
}
SHARED = "client and workers must share the folders of the inputs, the shards and the records"


class ClusterError(RuntimeError):
    """The cluster cannot do the run: Dask missing, no scheduler at the address, another pipeline version."""


class Doc(NamedTuple):
    """A document of a task: its content hash, its path, and its record file ('' for none: ingest reads
    the records from the shard)."""
    sha256: str
    path: str
    record_file: str = ""


def extract_shard(docs: list[Doc], shard: str, version: str, limits: Limits) -> tuple[str, dict[str, str]]:
    """A task, run on a Dask worker: the records of `docs` into the shard file `shard`, and each into its
    record file where it has one; returns the shard and {path: error} of the documents that failed.

    The documents are extracted, and their record files and shard lines written, one after the other in a
    process forked from the worker (pipeline.sequential: each under `limits`, the process kept for the
    thread's next task), as `policykg extract` on one machine extracts them; a worker started as a daemon
    (Dask's default for `dask worker`) may not fork, and extracts in its own process, without the limits.
    """
    from .extraction import PIPELINE_VERSION
    if version != PIPELINE_VERSION:
        raise ClusterError(f"this worker runs pipeline {PIPELINE_VERSION}, the client {version}: "
                           "install the same policykg on both")
    for folder in {Path(doc.record_file).parent for doc in docs if doc.record_file}:
        if not folder.is_dir():
            raise ClusterError(f"this worker cannot see {folder}: {SHARED}")
    target = Path(shard)
    if target.exists():                        # a retry of a task whose shard was written: its records
        kept = dict(read_shard(target))
        done = {doc: _done(doc, kept[Item(doc.sha256, doc.path)]) for doc in docs}
    elif multiprocessing.current_process().daemon:
        done = {doc: _done(doc, _record(doc)) for doc in docs}
        write_shard(target, (line for line, _ in done.values()))
    else:
        with shard_file(target) as tmp:
            failed = _task_process(limits).run(docs, tmp)
        return shard, {doc.path: error for doc, error in failed.items()}
    return shard, {doc.path: error for doc, (_, error) in done.items() if error}


def _record(doc: Doc) -> dict:
    """The document's record (in the extracting process)."""
    return _extract_one(doc.path)


def _failed(doc: Doc, reason: str) -> dict:
    """The record of a document whose process ended (past the limits, killed)."""
    return _failed_record(doc.path, reason)


def _done(doc: Doc, record: dict) -> Line:
    """The record into its file, where the document has one; its shard line and error."""
    if doc.record_file:
        write_record(doc.record_file, record)
    return shard_line(Item(doc.sha256, doc.path), record), record.get("error")


def _reachable(address: str) -> None:
    """Raises ClusterError at once where nothing listens at a tcp:// address (Dask would retry for its
    whole connect timeout)."""
    import socket
    from urllib.parse import urlsplit
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp":
        return                              # another transport: Dask says what is wrong with it
    try:
        with socket.create_connection((parts.hostname, parts.port or 8786), timeout=10):
            pass
    except (OSError, ValueError) as exc:
        raise ClusterError(f"no Dask scheduler at {address}: {exc}") from None


_processes: dict[int, Sequential] = {}


def _task_process(limits: Limits) -> Sequential:
    """This worker thread's extracting process, forked once the pipeline is loaded and kept for the
    thread's next tasks (a process forked a task cost 70 ms, and lost what it had learnt)."""
    from .extraction import warm_up
    thread = threading.get_ident()
    process = _processes.get(thread)
    if process is None or process.limits != limits:
        if process is not None:
            process.stop()
        _fork_workers()
        process = _processes[thread] = Sequential(_record, _done, _failed, limits, warm_up)
    return process


def close_processes() -> None:
    """Ends the processes this worker's threads kept (_task_process)."""
    while _processes:
        _processes.popitem()[1].stop()


def _fork_workers() -> None:
    """Worker processes forked from this one, which has the pipeline loaded (pipeline.sequential forks its
    own; a document tried again alone goes to pipeline.workers): a Dask worker started by its nanny inherits
    the nanny's `spawn`, which would load the pipeline anew in every such process."""
    if multiprocessing.get_start_method(allow_none=True) != "fork" \
            and "fork" in multiprocessing.get_all_start_methods():
        multiprocessing.set_start_method("fork", force=True)


class Cluster:
    """A Dask client for one run: to the scheduler at `address`, or to a local cluster of `workers`
    processes started for the run and stopped after it (`processes=False`: threads of this process, for
    tests). Use as a context manager."""

    def __init__(self, address: str | None = None, workers: int | None = None, processes: bool = True):
        if (address is None) == (workers is None):
            raise ValueError("give a scheduler address or a number of local workers")
        self.address, self.local_workers, self.processes = address, workers, processes
        self.client = self._local = None

    def __enter__(self) -> "Cluster":
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ClusterError(f"Dask is not installed ({exc.name}): pip install 'policykg[dask]'") from None
        if self.address:
            _reachable(self.address)
            try:
                self.client = Client(self.address, timeout="20s")
            except OSError as exc:
                raise ClusterError(f"no Dask scheduler at {self.address}: {exc}") from None
            return self
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            self._local = LocalCluster(n_workers=self.local_workers, threads_per_worker=1,
                                       processes=self.processes, dashboard_address=None)
        self.client = Client(self._local)
        self.client.wait_for_workers(self.local_workers)
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            try:
                self.client.run(close_processes)        # the workers' forked processes end with the run
            except Exception:  # noqa: BLE001 - a worker gone already took its processes with it
                pass
            self.client.close()
        if self._local is not None:
            self._local.close()

    def worker_count(self) -> int:
        """Threads across the cluster's workers (at least 1): tasks it runs at once."""
        workers = self.client.scheduler_info(n_workers=-1).get("workers", {})
        return max(1, sum(w.get("nthreads", 1) for w in workers.values()))

    def warm_up(self) -> None:
        """Loads the tagging pipeline on every worker now (else each loads it for its first task)."""
        from .extraction import warm_up
        self.client.run(warm_up)

    def records(self, hashes: Mapping[str, str], shard_dir: Path, limits: Limits = Limits(),
                version: str | None = None) -> Iterator[tuple[str, str, dict]]:
        """(path, sha256, record dict) for every path of `hashes` (path -> sha256): first from the finished
        shards in `shard_dir`, then from tasks for the rest, each shard as its task finishes."""
        items = {Item(sha, str(path)) for path, sha in hashes.items()}
        for item, record, _ in self._run(items, shard_dir, limits, version, {}):
            yield item.path, item.sha256, record

    def write_records(self, record_files: Mapping[str, str], shard_dir: Path,
                      limits: Limits = Limits()) -> Iterator[tuple[str, str | None]]:
        """(path, error or None) for every path of `record_files` (path -> its record file, as the workers
        find it), once its record file is written: by a worker, or here from a finished shard."""
        items = {Item(content_hash(p), p) for p in record_files}
        for item, record, error in self._run(items, shard_dir, limits, None, record_files):
            if record is not None:
                write_record(record_files[item.path], record)
            yield item.path, error

    def _run(self, wanted: set[Item], shard_dir: Path, limits: Limits, version: str | None,
             record_files: Mapping[str, str]) -> Iterator[tuple[Item, dict | None, str | None]]:
        """(item, record, error) for every item: the records of the finished shards first, then each task's
        as it finishes; the record is None where a worker wrote it into its file of `record_files`."""
        from distributed import as_completed

        from .extraction import PIPELINE_VERSION
        version = version or PIPELINE_VERSION
        shard_dir = Path(shard_dir).absolute()       # as a worker elsewhere finds it (the inputs: as given)
        for shard in finished_shards(shard_dir, version):
            for item, record in read_shard(shard):
                if item in wanted:
                    wanted.discard(item)
                    yield item, record, record.get("error")
        futures = {}
        for task in plan(wanted, self.worker_count()):
            name = shard_name(task, version)
            docs = [Doc(i.sha256, i.path, record_files.get(i.path, "")) for i in task]
            future = self.client.submit(extract_shard, docs, str(shard_dir / name), version, limits,
                                        key=f"policykg-shard-{name}", pure=False, retries=RETRIES)
            futures[future] = task
        for future in as_completed(futures):
            task = futures.pop(future)
            try:
                shard, failed = future.result()
            except ClusterError:
                raise
            except Exception as exc:  # noqa: BLE001 - failed on every try (or its worker died each time)
                reason = f"{errors.E_WORKER}: its task failed on the cluster: {type(exc).__name__}: {exc}"
                for item in task:
                    record = _failed_record(item.path, reason[:300])
                    yield item, record, record["error"]
                continue
            if not Path(shard).exists():
                raise ClusterError(f"a worker wrote {shard}, which this machine cannot see: {SHARED}")
            if record_files:
                yield from ((item, None, failed.get(item.path)) for item in task)
            else:
                yield from ((item, record, record.get("error")) for item, record in read_shard(Path(shard)))
