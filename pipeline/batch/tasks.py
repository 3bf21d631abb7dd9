"""What travels between the driver and the workers, and the per-article function.

A task is one decoded article (``RawDocument``) with where it belongs in the
output; a result is one output line, already serialised, so that every engine
returns the same plain records and the driver never re-validates them.
"""

from __future__ import annotations

import importlib
import traceback
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Literal, Optional, Union

from ..document import RawDocument
from ..models import ArticleRecord, ErrorInfo, ErrorRecord, Source

LineKind = Literal["article", "error"]

DEFAULT_FACTORY = "pipeline.batch.tasks:article_processor"


@dataclass(frozen=True)
class ArticleTask:
    """One article to process: ``seq`` orders it inside its file."""

    task_id: int
    file_key: str
    seq: int
    raw: RawDocument


@dataclass(frozen=True)
class OutputLine:
    """One line of ``articles.jsonl`` or ``errors.jsonl``, serialised."""

    kind: LineKind
    source_path: str
    json: str
    record_id: Optional[str] = None
    error_kind: Optional[str] = None

    @classmethod
    def of(cls, record: Union[ArticleRecord, ErrorRecord]) -> "OutputLine":
        if isinstance(record, ArticleRecord):
            return cls("article", record.source.path, record.model_dump_json(), record_id=record.id)
        return cls("error", record.source.path, record.model_dump_json(), error_kind=record.error.kind)


@dataclass(frozen=True)
class TaskResult:
    task_id: int
    line: OutputLine


@dataclass(frozen=True)
class ProcessorSpec:
    """How a worker builds its processor: ``factory`` is ``module:function``
    taking the rules directory (or ``None``) and returning a callable from
    ``RawDocument`` to a record. Hashable, so a worker builds it once."""

    factory: str = DEFAULT_FACTORY
    rules_dir: Optional[str] = None


RecordFunction = Callable[[RawDocument], Union[ArticleRecord, ErrorRecord]]


def article_processor(rules_dir: Optional[str]) -> RecordFunction:
    """The real pipeline: clean, annotate, extract, validate."""
    from pathlib import Path

    from ..process import ArticleProcessor

    return ArticleProcessor(Path(rules_dir) if rules_dir else None).process


# One processor per worker process (models are loaded once); the cache is the
# worker's own, never shared with the driver's state.
@lru_cache(maxsize=2)
def build_processor(spec: ProcessorSpec) -> RecordFunction:
    module_name, _, function_name = spec.factory.partition(":")
    factory = getattr(importlib.import_module(module_name), function_name)
    return factory(spec.rules_dir)


def error_line(source: Source, kind: str, message: str) -> OutputLine:
    return OutputLine.of(ErrorRecord(source=source, error=ErrorInfo(kind=kind, message=message)))


def run_task(task: ArticleTask, spec: ProcessorSpec) -> TaskResult:
    """Process one article; a failure of the article becomes an error line."""
    try:
        record = build_processor(spec)(task.raw)
        line = OutputLine.of(record)
    except Exception as exc:  # the processor must not raise; if it does, keep going
        last = traceback.extract_tb(exc.__traceback__)[-1:] or None
        where = f" at {last[0].filename}:{last[0].lineno}" if last else ""
        line = error_line(task.raw.source, "internal", f"{type(exc).__name__}: {exc}{where}")
    return TaskResult(task.task_id, line)
