"""The local engine: a pool of worker processes with a per-article time limit.

Each worker is a spawned process that builds its processor once (models load
once per worker) and then takes one article at a time over a pipe. The driver
keeps the clock: a worker still busy when the time limit passes is killed and
replaced, and its article gets a ``timeout`` error line; a worker that dies
(out of memory, a crash in native code) gives a ``worker_lost`` line.
``concurrent.futures`` cannot stop one stuck task, hence this small pool.

Workers are spawned, not forked: they inherit neither the driver's output
lock nor its threads, and they exit by themselves when the driver dies.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Generator, Iterable, Optional

from .tasks import ArticleTask, ProcessorSpec, TaskResult, build_processor, error_line, run_task

# How long a worker may take to load its models before the run gives up.
STARTUP_LIMIT_SECONDS = 600.0
# A pool whose workers keep dying before they are ready cannot do any work.
MAX_FAILED_STARTS = 3


class EngineError(RuntimeError):
    """The engine cannot run at all (workers cannot start, cluster unreachable)."""


@dataclass(frozen=True)
class _Ready:
    pid: int


@dataclass(frozen=True)
class _StartFailed:
    message: str


def _watch_parent(parent_pid: int) -> None:
    """Exit when the driver is gone (killed runs must not leave busy orphans)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent_pid:
            os._exit(0)


def _worker_main(connection: Connection, spec: ProcessorSpec, parent_pid: int) -> None:
    # Ctrl-C reaches the whole process group; the driver alone handles it and
    # stops the workers, so they do not each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    try:
        build_processor(spec)
    except BaseException as exc:  # report why, then stop: the driver decides
        connection.send(_StartFailed(f"{type(exc).__name__}: {exc}"))
        return
    connection.send(_Ready(os.getpid()))
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        connection.send(run_task(task, spec))


@dataclass
class _Slot:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    spawned_at: float
    ready: bool = False
    task: Optional[ArticleTask] = None
    started_at: float = 0.0


@dataclass
class LocalEngine:
    spec: ProcessorSpec
    workers: int
    timeout: float
    _failed_starts: int = field(default=0, init=False)

    def run(self, tasks: Iterable[ArticleTask]) -> Generator[TaskResult, None, None]:
        """Results as they complete (not in task order)."""
        context = multiprocessing.get_context("spawn")
        slots = [self._spawn(context) for _ in range(max(1, self.workers))]
        pending = iter(tasks)
        exhausted = False
        try:
            while True:
                for slot in slots:
                    if slot.ready and slot.task is None and not exhausted:
                        task = next(pending, None)
                        if task is None:
                            exhausted = True
                            break
                        slot.connection.send(task)
                        slot.task, slot.started_at = task, time.monotonic()
                if exhausted and all(slot.task is None for slot in slots):
                    return
                ready = wait(
                    [s.connection for s in slots] + [s.process.sentinel for s in slots],
                    timeout=self._next_deadline(slots),
                )
                for index, slot in enumerate(slots):
                    result, replace = self._check(slot, ready)
                    if result is not None:
                        yield result
                    if replace:
                        _stop(slot)
                        slots[index] = self._spawn(context)
        finally:
            for slot in slots:
                _stop(slot)

    def _check(self, slot: _Slot, ready: list) -> tuple[Optional[TaskResult], bool]:
        """Handle what one worker did; returns a result to yield and whether to replace the worker."""
        now = time.monotonic()
        if slot.connection in ready:
            try:
                message = slot.connection.recv()
            except (EOFError, OSError):
                return self._lost(slot), True
            if isinstance(message, _Ready):
                slot.ready = True
                self._failed_starts = 0
            elif isinstance(message, _StartFailed):
                raise EngineError(f"a worker could not load the pipeline: {message.message}")
            elif isinstance(message, TaskResult):
                slot.task = None
                return message, False
            return None, False
        if slot.process.sentinel in ready:
            return self._lost(slot), True
        if slot.task is not None and now - slot.started_at > self.timeout:
            line = error_line(
                slot.task.raw.source,
                "timeout",
                f"processing took longer than the {self.timeout:g} s limit; the worker was stopped",
            )
            return TaskResult(slot.task.task_id, line), True
        if not slot.ready and now - slot.spawned_at > STARTUP_LIMIT_SECONDS:
            raise EngineError(f"a worker did not load the pipeline within {STARTUP_LIMIT_SECONDS:g} s")
        return None, False

    def _lost(self, slot: _Slot) -> Optional[TaskResult]:
        slot.process.join(timeout=1.0)
        if slot.task is None:
            if not slot.ready:
                self._failed_starts += 1
                if self._failed_starts >= MAX_FAILED_STARTS:
                    raise EngineError(
                        f"workers keep dying while loading the pipeline (exit code {slot.process.exitcode})"
                    )
            return None
        line = error_line(
            slot.task.raw.source,
            "worker_lost",
            f"the worker process died (exit code {slot.process.exitcode}) while processing this article",
        )
        return TaskResult(slot.task.task_id, line)

    def _next_deadline(self, slots: list[_Slot]) -> float:
        now = time.monotonic()
        waits = [slot.started_at + self.timeout - now for slot in slots if slot.task is not None]
        waits += [slot.spawned_at + STARTUP_LIMIT_SECONDS - now for slot in slots if not slot.ready]
        return max(0.01, min(waits, default=1.0))

    def _spawn(self, context: multiprocessing.context.BaseContext) -> _Slot:
        driver_end, worker_end = context.Pipe(duplex=True)
        process = context.Process(
            target=_worker_main, args=(worker_end, self.spec, os.getpid()), name="vnie-worker", daemon=True
        )
        process.start()
        worker_end.close()
        return _Slot(process, driver_end, time.monotonic())


def _stop(slot: _Slot) -> None:
    """Ask politely when idle, kill when busy or deaf."""
    if slot.process.is_alive() and slot.task is None and slot.ready:
        try:
            slot.connection.send(None)
        except OSError:
            pass
        slot.process.join(timeout=2.0)
    if slot.process.is_alive():
        slot.process.kill()
        slot.process.join(timeout=5.0)
    slot.connection.close()

