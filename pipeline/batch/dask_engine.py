"""The Dask engine: the same per-article function on a ``dask.distributed`` cluster.

The driver reads the inputs and ships each decoded article to the cluster, so
workers need the ``vnie`` package but not the input files. Each worker process
builds its processor once (``build_processor`` is cached per process). The
driver keeps a bounded number of articles in flight and takes results as they
complete; they are stored by the same writer as the local engine's.

Dask cannot stop a running task, so the per-article time limit is kept inside
the task: the article runs in a helper thread and a ``timeout`` line is
returned when the limit passes (the helper thread finishes in the background).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Generator, Iterable, Iterator, Optional

from .local_engine import EngineError
from .tasks import ArticleTask, ProcessorSpec, TaskResult, build_processor, error_line, run_task

# Articles in flight per worker thread: enough to keep workers busy while the
# driver stores results, few enough to bound the driver's memory.
IN_FLIGHT_PER_THREAD = 2


class ProcessorUnavailable(RuntimeError):
    """A worker cannot build the processor (missing models, broken rules)."""


def run_task_with_limit(task: ArticleTask, spec: ProcessorSpec, timeout: float) -> TaskResult:
    """The task function shipped to Dask workers."""
    try:
        build_processor(spec)
    except Exception as exc:
        raise ProcessorUnavailable(f"{type(exc).__name__}: {exc}") from exc
    outcome: list[TaskResult] = []
    thread = threading.Thread(target=lambda: outcome.append(run_task(task, spec)), daemon=True)
    thread.start()
    thread.join(timeout)
    if outcome:
        return outcome[0]
    line = error_line(task.raw.source, "timeout", f"processing took longer than the {timeout:g} s limit")
    return TaskResult(task.task_id, line)


@dataclass
class DaskEngine:
    spec: ProcessorSpec
    workers: int
    timeout: float
    scheduler: Optional[str] = None

    def run(self, tasks: Iterable[ArticleTask]) -> Generator[TaskResult, None, None]:
        try:
            from dask.distributed import Client, LocalCluster, as_completed
        except ImportError as exc:  # the optional extra is not installed
            raise EngineError("the dask engine needs dask[distributed]: pip install 'vnie[dask]'") from exc

        cluster = None
        try:
            if self.scheduler:
                # The connect timeout is Dask's own setting
                # (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT, 30 s by default).
                client = Client(self.scheduler)
            else:
                cluster = LocalCluster(
                    n_workers=max(1, self.workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            if cluster is not None:
                cluster.close()
            raise EngineError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {exc}") from exc
        try:
            yield from self._run_on(client, tasks, as_completed)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _run_on(self, client, tasks: Iterable[ArticleTask], as_completed) -> Iterator[TaskResult]:
        threads = sum(client.nthreads().values()) or max(1, self.workers)
        limit = threads * IN_FLIGHT_PER_THREAD
        pending = iter(tasks)
        by_future: dict = {}
        running = as_completed()

        def submit_next() -> bool:
            task = next(pending, None)
            if task is None:
                return False
            future = client.submit(run_task_with_limit, task, self.spec, self.timeout, pure=False)
            by_future[future] = task
            running.add(future)
            return True

        while len(by_future) < limit and submit_next():
            pass
        for future in running:
            task = by_future.pop(future)
            yield self._result(future, task)
            future.release()
            submit_next()

    def _result(self, future, task: ArticleTask) -> TaskResult:
        try:
            return future.result()
        except ProcessorUnavailable as exc:
            raise EngineError(f"a Dask worker could not load the pipeline: {exc}") from exc
        except Exception as exc:  # KilledWorker and the like: the article's worker died
            message = f"the Dask task failed ({type(exc).__name__}: {exc})"
            return TaskResult(task.task_id, error_line(task.raw.source, "worker_lost", message))
