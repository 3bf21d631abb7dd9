"""``run_batch``: read → process (on an engine) → store → write, for many inputs.

The driver plans which files need work, reads them, hands each article to an
engine, stores each result in the state database as it arrives, and rewrites
the output files from the state at checkpoints and at the end. All writing
happens here, in the driver, whatever the engine.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Generator, Optional, Sequence, TextIO

from ..models import ErrorInfo, ErrorRecord, InputSource
from ..read import ReadResult, read_path
from .dask_engine import DaskEngine
from .local_engine import LocalEngine
from .lock import OutputLock
from .plan import BatchUsageError, PlannedFile, collect_inputs, current_fingerprint, make_plan
from .progress import Progress, make_progress
from .state import Fingerprint, StateStore, Stored
from .tasks import ArticleTask, OutputLine, ProcessorSpec, TaskResult
from .writer import adopt_output_files, is_current, materialise, remove_stale_temporaries

ENGINES = ("local", "dask")

# Output files are rewritten at least this often during a long run, and never
# more often than ten times the last rewrite took, so rewriting a large output
# never dominates the run.
CHECKPOINT_SECONDS = 30.0
CHECKPOINT_COST_FACTOR = 10.0

EXIT_OK = 0
EXIT_ARTICLES_FAILED = 1
EXIT_USAGE = 2
EXIT_FATAL = 3


@dataclass
class BatchSummary:
    """What one run did. ``processed`` counts output lines produced by this run
    (records and error lines); ``failed`` the error lines among them;
    ``skipped`` the lines of unchanged files kept as they were; ``replaced``
    the lines that took the place of an older record of the same article;
    ``duplicates`` the articles of this run equal (same id) to another of this
    run with a smaller source path, which alone is kept."""

    processed: int = 0
    skipped: int = 0
    failed: int = 0
    replaced: int = 0
    seconds: float = 0.0
    exit_code: int = EXIT_OK
    files: int = 0
    skipped_files: int = 0
    duplicates: int = 0
    articles_total: int = 0
    errors_total: int = 0

    def describe(self) -> str:
        return (
            f"{self.processed} processed, {self.skipped} skipped (unchanged), {self.failed} failed, "
            f"{self.replaced} replaced in {self.seconds:.1f} s; output holds {self.articles_total} "
            f"articles and {self.errors_total} error lines"
        )


@dataclass
class _FileInFlight:
    remaining: int = 0
    fed: bool = False
    old_paths: frozenset[str] = frozenset()


@dataclass
class _Session:
    """One run's bookkeeping in the driver: what is in flight, what was stored."""

    store: StateStore
    run_id: int
    fingerprint: Fingerprint
    progress: Progress
    summary: BatchSummary
    files: dict[str, _FileInFlight] = field(default_factory=dict)
    tasks: dict[int, ArticleTask] = field(default_factory=dict)
    next_task_id: int = 0

    def feed(self, plan: Sequence[PlannedFile]) -> Generator[ArticleTask, None, None]:
        """Read each planned file when the engine asks for work; store read errors at once."""
        for planned in plan:
            key = planned.input.file_key
            items = _read(planned)
            self.progress.add_total(len(items) - 1)
            entry = _FileInFlight(old_paths=self.store.begin_file(key, planned.seen, self.fingerprint, self.run_id))
            self.files[key] = entry
            for seq, item in enumerate(items):
                if isinstance(item, ErrorRecord):
                    self._store(key, seq, OutputLine.of(item))
                    continue
                task = ArticleTask(self.next_task_id, key, seq, item)
                self.next_task_id += 1
                self.tasks[task.task_id] = task
                entry.remaining += 1
                yield task
            entry.fed = True
            self._finish_if_complete(key)

    def take(self, result: TaskResult) -> None:
        task = self.tasks.pop(result.task_id)
        self._store(task.file_key, task.seq, result.line)
        self.files[task.file_key].remaining -= 1
        self._finish_if_complete(task.file_key)

    def _store(self, file_key: str, seq: int, line: OutputLine) -> None:
        stored = self.store.add_line(file_key, seq, line, self.run_id)
        self.summary.processed += 1
        if line.kind == "error":
            self.summary.failed += 1
        if stored in (Stored.SUPERSEDED, Stored.DISPLACED):
            # Either way one of two equal articles of this run is kept: one duplicate,
            # whichever finished first.
            self.summary.duplicates += 1
        elif stored is Stored.REPLACED or line.source_path in self.files[file_key].old_paths:
            self.summary.replaced += 1
        self.progress.advance()

    def _finish_if_complete(self, file_key: str) -> None:
        entry = self.files[file_key]
        if entry.fed and entry.remaining == 0:
            self.store.finish_file(file_key)
            del self.files[file_key]


def _read(planned: PlannedFile) -> list[ReadResult]:
    """``read_path`` never raises for a bad input; anything else is still one error line."""
    try:
        items = read_path(planned.input.path, planned.input.base)
    except Exception as exc:  # an unexpected reader failure must not stop the run
        fmt = "jsonl" if planned.input.path.suffix.lower() == ".jsonl" else "text"
        source = InputSource(path=planned.input.file_key, format=fmt, sha256=planned.seen.sha256 or None)
        items = [ErrorRecord(source=source, error=ErrorInfo(kind="unreadable", message=f"{type(exc).__name__}: {exc}"))]
    return items or [
        ErrorRecord(
            source=InputSource(path=planned.input.file_key, format="text", sha256=planned.seen.sha256 or None),
            error=ErrorInfo(kind="empty", message="the input holds no article"),
        )
    ]


def _useful_workers(requested: int, todo: Sequence[PlannedFile]) -> int:
    """No more workers (each loads the models) than there can be articles; a
    crawler JSONL file may hold any number of them."""
    if any(item.input.path.suffix.lower() == ".jsonl" for item in todo):
        return requested
    return max(1, min(requested, len(todo)))


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_batch(
    inputs: Sequence[Path],
    output_dir: Path,
    *,
    workers: Optional[int] = None,
    force: bool = False,
    engine: str = "local",
    scheduler: Optional[str] = None,
    timeout: float = 120.0,
    progress: Optional[bool] = None,
    rules_dir: Optional[Path] = None,
    processor: Optional[ProcessorSpec] = None,
    progress_stream: TextIO = sys.stderr,
) -> BatchSummary:
    """Process every article under ``inputs`` into ``output_dir``.

    Raises ``OutputLocked`` when another run holds ``output_dir``,
    ``BatchUsageError`` for impossible arguments, ``EngineError`` /
    ``StateError`` / ``RuleError`` when the run cannot work at all; whatever
    was stored before such a failure is written to the output files.
    """
    started = time.monotonic()
    output_dir = Path(output_dir)
    _check_options(output_dir, workers, engine, scheduler, timeout)
    files = collect_inputs([Path(p) for p in inputs], output_dir)
    fingerprint = current_fingerprint(rules_dir)
    spec = processor or ProcessorSpec()
    if rules_dir is not None and spec.rules_dir is None:
        spec = replace(spec, rules_dir=str(rules_dir))
    count = workers or default_workers()

    with OutputLock(output_dir):
        store = StateStore.open(output_dir)
        try:
            remove_stale_temporaries(output_dir)
            if store.is_empty():
                adopt_output_files(store, output_dir)
            run_id = store.start_run()
            plan = make_plan(files, store, fingerprint, force)
            summary = BatchSummary(files=len(files), skipped_files=plan.skipped_files, skipped=plan.skipped_lines)
            bar = make_progress(progress, len(plan.todo), progress_stream)
            session = _Session(store, run_id, fingerprint, bar, summary)
            try:
                if plan.todo:
                    runner = (
                        DaskEngine(spec, count, timeout, scheduler)
                        if engine == "dask"
                        else LocalEngine(spec, _useful_workers(count, plan.todo), timeout)
                    )
                    _drive(runner.run(session.feed(plan.todo)), session, output_dir)
            finally:
                # Whatever happened, what was stored reaches the output files.
                bar.close()
                if not is_current(store, output_dir):
                    materialise(store, output_dir)
            summary.exit_code = EXIT_ARTICLES_FAILED if summary.failed else EXIT_OK
            summary.articles_total = store.count("article")
            summary.errors_total = store.count("error")
            summary.seconds = time.monotonic() - started
            store.finish_run(run_id, summary.exit_code)
            return summary
        finally:
            store.close()


def _check_options(
    output_dir: Path, workers: Optional[int], engine: str, scheduler: Optional[str], timeout: float
) -> None:
    if engine not in ENGINES:
        raise BatchUsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise BatchUsageError("--workers must be at least 1")
    if not timeout > 0:
        raise BatchUsageError("--timeout must be a positive number of seconds")
    if scheduler and engine != "dask":
        raise BatchUsageError("--scheduler is for --engine dask")
    if output_dir.exists() and not output_dir.is_dir():
        raise BatchUsageError(f"output {output_dir} is a file, not a folder")


def _drive(results: Generator[TaskResult, None, None], session: _Session, output_dir: Path) -> None:
    """Store results as they come; rewrite the output files at checkpoints."""
    last_write = time.monotonic()
    last_cost = 0.0
    # closing(): a failure here still stops the engine's workers at once.
    with closing(results):
        for result in results:
            session.take(result)
            now = time.monotonic()
            if now - last_write >= max(CHECKPOINT_SECONDS, CHECKPOINT_COST_FACTOR * last_cost):
                last_cost = materialise(session.store, output_dir).seconds
                last_write = time.monotonic()
