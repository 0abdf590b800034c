"""Extraction on a Dask cluster: tasks of documents chosen by content hash, each writing one shard.

`policykg extract|ingest --scheduler tcp://HOST:8786` sends the work to a running Dask cluster,
`--dask-workers N` to a local one started for the run. Each task extracts its documents as the one-machine
path does (pipeline.workers.Workers: in a process forked from the worker once it has loaded the pipeline,
each document under the time and memory limits, a bad input failing alone) and writes their records as
one shard (pipeline/shards.py). The client reads each shard as its task finishes, so the records are those of a
one-machine run. A rerun reads the finished shards first and gives out only what they lack; a task on a
worker that is lost is run again elsewhere (Dask), and a task that fails on every try gives each of its
documents a record with the error. Workers and client see the same files: the inputs, and the shard
folder. Workers need only the installed package (`pip install policykg[dask]`).
"""
from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path
from typing import Iterable, Iterator

from . import errors
from .shards import (Item, content_hash, finished_shards, plan, read_shard, shard_line, shard_name,
                     write_shard)
from .workers import Limits, Workers

RETRIES = 2               # tries of a task beyond the first, on top of Dask's re-runs of a lost worker's tasks
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.daemon": False,          # a worker forks a process for each task's documents (their limits)
    # no dashboard: no use for the workers' profiler (every thread sampled every 10 ms) nor for a 20 ms watch
    # on each event loop; together a fifth of a core while the cluster idles, taken from the extraction
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
}


class ClusterError(RuntimeError):
    """The cluster cannot do the run: Dask missing, no scheduler at the address, another pipeline version."""


def extract_shard(items: list[tuple[str, str]], shard: str, version: str, limits: Limits) -> str:
    """A task, run on a Dask worker: the records of (sha256, path) items into the shard file `shard`.

    Each document is extracted in a process forked from the worker (one at a time, under `limits`; the
    process is kept for the thread's next task), as `policykg extract` on one machine does; a worker
    started as a daemon (Dask's default for `dask worker`) may not fork, and extracts in its own process
    instead, without the limits.
    """
    from .batch import _extract_one
    from .extraction import PIPELINE_VERSION
    if version != PIPELINE_VERSION:
        raise ClusterError(f"this worker runs pipeline {PIPELINE_VERSION}, the client {version}: "
                           "install the same policykg on both")
    target = Path(shard)
    if not target.exists():                    # a retry of a task whose shard was written keeps it
        paths = [p for _, p in items]
        if multiprocessing.current_process().daemon:
            records = {p: _extract_one(p) for p in paths}
        else:
            records = dict(_task_pool(limits).map(paths))
        write_shard(target, (shard_line(Item(sha, p), records[p]) for sha, p in items))
    return shard


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


_pools: dict[int, Workers] = {}


def _task_pool(limits: Limits) -> Workers:
    """This worker thread's process pool of one, forked once the pipeline is loaded and kept for the
    thread's next tasks (a process forked a task cost 70 ms, and lost what it had learnt: spaCy's lexemes)."""
    from .batch import _extract_one, _failed_record
    from .extraction import warm_up
    thread = threading.get_ident()
    pool = _pools.get(thread)
    if pool is None or pool.limits != limits:
        if pool is not None:
            pool.stop()
        _fork_workers()
        pool = _pools[thread] = Workers(_extract_one, _failed_record, 1, limits, warm_up, keep=True)
    return pool


def close_pools() -> None:
    """Ends the processes this worker's threads kept (_task_pool)."""
    while _pools:
        _pools.popitem()[1].stop()


def _fork_workers() -> None:
    """Worker processes forked from this one, which has the pipeline loaded: a Dask worker started by its
    nanny inherits the nanny's `spawn`, which would load the pipeline anew in every task's process."""
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
                self.client.run(close_pools)        # the workers' forked processes end with the run
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

    def records(self, paths: Iterable[str], shard_dir: Path, limits: Limits = Limits(),
                version: str | None = None) -> Iterator[tuple[str, str, dict]]:
        """(path, sha256, record dict) for every path: first from the finished shards in `shard_dir`, then
        from tasks for the rest, each shard as its task finishes."""
        from distributed import as_completed

        from .batch import _failed_record
        from .extraction import PIPELINE_VERSION
        version = version or PIPELINE_VERSION
        shard_dir = Path(shard_dir).absolute()       # as a worker elsewhere finds it (the inputs: as given)
        wanted = {Item(content_hash(p), str(p)) for p in dict.fromkeys(map(str, paths))}
        for shard in finished_shards(shard_dir, version):
            for item, record in read_shard(shard):
                if item in wanted:
                    wanted.discard(item)
                    yield item.path, item.sha256, record
        futures = {}
        for task in plan(wanted, self.worker_count()):
            name = shard_name(task, version)
            future = self.client.submit(extract_shard, [(i.sha256, i.path) for i in task], str(shard_dir / name),
                                        version, limits, key=f"policykg-shard-{name}", pure=False,
                                        retries=RETRIES)
            futures[future] = task
        for future in as_completed(futures):
            task = futures.pop(future)
            try:
                shard = Path(future.result())
            except ClusterError:
                raise
            except Exception as exc:  # noqa: BLE001 - failed on every try (or its worker died each time)
                reason = f"{errors.E_WORKER}: its task failed on the cluster: {type(exc).__name__}: {exc}"
                for item in task:
                    yield item.path, item.sha256, _failed_record(item.path, reason[:300])
                continue
            try:
                done = list(read_shard(shard))
            except FileNotFoundError:
                raise ClusterError(f"a worker wrote {shard}, which this machine cannot see: client and workers "
                                   "must share the shard folder (and the inputs)") from None
            for item, record in done:
                yield item.path, item.sha256, record
