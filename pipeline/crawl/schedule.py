"""Running rounds on an interval (``vnie crawl --every 30m``).

Rounds start on a fixed grid (start, start + every, ...): a round that
overruns makes the missed slots be skipped, never run back to back. A round
that raises is logged and counted; the next one runs as planned.
"""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass
from typing import Callable, Optional

logger = logging.getLogger(__name__)

_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_duration(text: str) -> float:
    """Seconds in ``30m``, ``1h30m``, ``90s``, ``2h``, ``1d`` or a bare number of seconds."""
    cleaned = text.strip().lower().replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", cleaned):
        seconds = float(cleaned)
    elif cleaned and re.fullmatch(rf"(?:{_DURATION.pattern})+", cleaned):
        seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION.findall(cleaned))
    else:
        raise ValueError(f"not a duration: {text!r} (examples: 90s, 30m, 1h30m, 2h, 1d)")
    if seconds <= 0:
        raise ValueError(f"duration must be positive: {text!r}")
    return seconds


@dataclass(frozen=True)
class ScheduleReport:
    """How a schedule ended."""

    rounds: int
    failed_rounds: int
    stopped_by: str  # "max_rounds" or "interrupt"


def next_start(first_start: float, interval: float, now: float) -> float:
    """The first slot of the grid ``first_start + k * interval`` that is after ``now``."""
    if now < first_start:
        return first_start
    slots = math.floor((now - first_start) / interval) + 1
    return first_start + slots * interval


def run_every(interval: float, run_one: Callable[[int], object], *,
              max_rounds: Optional[int] = None,
              sleep: Callable[[float], None] = time.sleep,
              clock: Callable[[], float] = time.monotonic) -> ScheduleReport:
    """Call ``run_one(round_number)`` every ``interval`` seconds until ``max_rounds``
    rounds ran or the process is interrupted (Ctrl-C, SIGTERM turned into
    ``KeyboardInterrupt`` by the caller)."""
    if interval <= 0:
        raise ValueError("interval must be positive")
    rounds = failed = 0
    first_start = clock()
    try:
        while max_rounds is None or rounds < max_rounds:
            rounds += 1
            try:
                run_one(rounds)
            except Exception as exc:  # noqa: BLE001 - one failed round must not end the schedule
                failed += 1
                logger.error("Crawl round %d failed: %s: %s", rounds, type(exc).__name__, exc)
            if max_rounds is not None and rounds >= max_rounds:
                break
            wake = next_start(first_start, interval, clock())
            logger.info("Next crawl round in %.0f s", max(0.0, wake - clock()))
            sleep(max(0.0, wake - clock()))
    except KeyboardInterrupt:
        return ScheduleReport(rounds=rounds, failed_rounds=failed, stopped_by="interrupt")
    return ScheduleReport(rounds=rounds, failed_rounds=failed, stopped_by="max_rounds")
