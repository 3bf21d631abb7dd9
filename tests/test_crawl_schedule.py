"""Scheduling rounds: durations, a fixed grid of start times, surviving failed rounds."""

from __future__ import annotations

import pytest

from pipeline.crawl.schedule import next_start, parse_duration, run_every


@pytest.mark.parametrize("text, seconds", [
    ("30m", 1800), ("90s", 90), ("2h", 7200), ("1d", 86400), ("1h30m", 5400),
    ("1.5h", 5400), ("45", 45), (" 10 m ", 600),
])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "0m", "soon", "30 minutes", "-5m", "m30"])
def test_bad_durations_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


@pytest.mark.parametrize("now, expected", [
    (0.0, 60.0), (10.0, 60.0), (59.9, 60.0), (60.0, 120.0), (130.0, 180.0), (-5.0, 0.0),
])
def test_next_start_skips_missed_slots(now: float, expected: float) -> None:
    assert next_start(0.0, 60.0, now) == expected


class FakeTime:
    """A clock that only moves when slept on, or when a round takes time."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_rounds_run_on_the_interval_and_survive_failures() -> None:
    time = FakeTime()
    started: list[tuple[int, float]] = []

    def one_round(number: int) -> None:
        started.append((number, time.now))
        time.now += 10  # a round takes 10 s
        if number == 2:
            raise RuntimeError("site down")

    report = run_every(60, one_round, max_rounds=4, sleep=time.sleep, clock=time.clock)
    assert started == [(1, 0), (2, 60), (3, 120), (4, 180)]
    assert (report.rounds, report.failed_rounds, report.stopped_by) == (4, 1, "max_rounds")
    assert time.sleeps == [50, 50, 50]


def test_an_overrunning_round_skips_its_missed_slots() -> None:
    time = FakeTime()
    started: list[float] = []

    def one_round(number: int) -> None:
        started.append(time.now)
        time.now += 130 if number == 1 else 5

    run_every(60, one_round, max_rounds=3, sleep=time.sleep, clock=time.clock)
    assert started == [0, 180, 240]


def test_interrupt_ends_the_schedule_cleanly() -> None:
    time = FakeTime()

    def one_round(number: int) -> None:
        if number == 3:
            raise KeyboardInterrupt

    report = run_every(60, one_round, sleep=time.sleep, clock=time.clock)
    assert (report.rounds, report.stopped_by) == (3, "interrupt")
