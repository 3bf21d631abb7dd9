"""Progress of a run: a bar on a terminal, plain periodic lines otherwise.

The bar (tqdm) shows articles per second and an ETA; in a log (not a
terminal) one line every ``PLAIN_INTERVAL_SECONDS`` says the same, so that a
long run under nohup or CI is followable without control characters.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Optional, Protocol, TextIO

PLAIN_INTERVAL_SECONDS = 10.0


class Progress(Protocol):
    def advance(self, articles: int = 1) -> None: ...

    def add_total(self, articles: int) -> None: ...

    def close(self) -> None: ...


class SilentProgress:
    def advance(self, articles: int = 1) -> None:
        pass

    def add_total(self, articles: int) -> None:
        pass

    def close(self) -> None:
        pass


class BarProgress:
    """tqdm bar; the total grows as files are read (a JSONL file holds many articles)."""

    def __init__(self, total: int, stream: TextIO):
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="article", file=stream, dynamic_ncols=True, smoothing=0.1, desc="vnie run")

    def advance(self, articles: int = 1) -> None:
        self._bar.update(articles)

    def add_total(self, articles: int) -> None:
        self._bar.total = (self._bar.total or 0) + articles
        self._bar.refresh()

    def close(self) -> None:
        self._bar.close()


@dataclass
class PlainProgress:
    """One line per interval: done/total, rate, ETA.

    The rate is measured from the first finished article, so that the time
    workers spend loading models does not make the ETA absurd."""

    total: int
    stream: TextIO
    interval: float = PLAIN_INTERVAL_SECONDS
    done: int = 0
    _first: Optional[float] = None
    _last: float = field(default_factory=time.monotonic)

    def advance(self, articles: int = 1) -> None:
        self.done += articles
        now = time.monotonic()
        if self._first is None:
            self._first = now
        if now - self._last >= self.interval:
            self._last = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def add_total(self, articles: int) -> None:
        self.total += articles

    def line(self, now: Optional[float] = None) -> str:
        now = now or time.monotonic()
        elapsed = now - self._first if self._first is not None else 0.0
        rate = (self.done - 1) / elapsed if elapsed > 0 else 0.0
        remaining = max(self.total - self.done, 0)
        eta = format_seconds(remaining / rate) if rate > 0 else "?"
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        return f"vnie run: {self.done}/{self.total} articles{share}, {rate:.2f} articles/s, ETA {eta}"

    def close(self) -> None:
        pass


def make_progress(enabled: Optional[bool], total: int, stream: TextIO = sys.stderr) -> Progress:
    """``enabled`` None: a bar on a terminal, plain lines otherwise; False: nothing."""
    if enabled is False:
        return SilentProgress()
    if stream.isatty():
        return BarProgress(total, stream)
    return PlainProgress(total, stream)


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"
