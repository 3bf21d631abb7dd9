"""One crawl per corpus folder at a time.

A cron line that fires while the previous crawl still runs, or a cron crawl
next to a ``--every`` service, must not fetch and write the same pages twice:
the first holds an exclusive lock on ``<corpus>/.crawl.lock`` for its whole
life, the second stops with a clear error. The lock is released by the kernel
when the process ends, however it ends.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK_FILE_NAME = ".crawl.lock"


class CrawlLocked(RuntimeError):
    """Another crawl holds the corpus folder."""


@contextmanager
def corpus_lock(corpus_dir: Path) -> Iterator[Path]:
    """Hold the corpus folder's crawl lock for the duration of the ``with`` block."""
    path = Path(corpus_dir) / LOCK_FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="ascii") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise CrawlLocked(f"{corpus_dir}: another vnie crawl (pid {holder}) is running on "
                              f"this corpus folder") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield path
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
