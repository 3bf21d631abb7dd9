"""Batch runs over many articles: parallel, incremental, crash-safe, one writer.

``run_batch`` is the entry point (``vnie run`` and ``vnie crawl --process``
call it); the parts are: ``plan`` (what to process), ``tasks`` (what workers
do), ``local_engine`` / ``dask_engine`` (where they do it), ``state`` (SQLite,
the source of truth), ``writer`` (atomic output files), ``lock`` (one writer
per output folder) and ``progress``.
"""

from .local_engine import EngineError
from .lock import OutputLocked
from .plan import BatchUsageError
from .runner import (
    EXIT_ARTICLES_FAILED,
    EXIT_FATAL,
    EXIT_OK,
    EXIT_USAGE,
    BatchSummary,
    run_batch,
)
from .state import StateError
from .tasks import ProcessorSpec

__all__ = [
    "BatchSummary",
    "BatchUsageError",
    "EngineError",
    "EXIT_ARTICLES_FAILED",
    "EXIT_FATAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "OutputLocked",
    "ProcessorSpec",
    "StateError",
    "run_batch",
]
