"""Hand-off to the batch runner: turn what a crawl stored into records.

The batch runner keeps its own incremental state, so giving it the whole
corpus folder processes only new and changed pages; a changed page keeps its
record ``id`` (same URL) and its record is replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..batch import BatchSummary


class ProcessingUnavailable(RuntimeError):
    """The batch runner is not part of this installation."""


def process_corpus(corpus_dir: Path, output_dir: Path) -> "BatchSummary":
    """Run ``pipeline.batch.run_batch`` on the corpus folder; returns its ``BatchSummary``."""
    try:
        from ..batch import run_batch
    except ImportError as exc:
        raise ProcessingUnavailable(
            f"cannot process crawled pages: the batch runner is unavailable ({exc})") from None
    return run_batch(inputs=[Path(corpus_dir)], output_dir=Path(output_dir), progress=False)
