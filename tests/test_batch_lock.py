"""One writer per output folder: a second run is refused at once, a dead holder frees it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import EXIT_USAGE, OutputLocked, ProcessorSpec, run_batch
from pipeline.batch.lock import LOCK_NAME, OutputLock

DEV = Path(__file__).resolve().parents[1] / "corpus-dev"
VNIE = str(Path(sys.executable).with_name("vnie"))
PROBE = "pipeline.batch.probe:probe_processor"


def copy_texts(root: Path, count: int) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for path in sorted((DEV / "text").glob("*.txt"))[:count]:
        shutil.copyfile(path, corpus / path.name)
    return corpus


def start_run(corpus: Path, out: Path, delay: str) -> subprocess.Popen:
    env = dict(os.environ, VNIE_PROBE_DELAY=delay)
    return subprocess.Popen(
        [VNIE, "run", str(corpus), "-o", str(out), "--workers", "1", "--no-progress", "--processor", PROBE],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_holder(out: Path, process: subprocess.Popen, limit: float = 30.0) -> int:
    deadline = time.monotonic() + limit
    lock = out / LOCK_NAME
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        if lock.exists() and lock.read_text().strip() == str(process.pid):
            return process.pid
        time.sleep(0.05)
    raise AssertionError("the first run never took the lock")


def test_lock_held_in_this_process_refuses_a_run(tmp_path):
    out = tmp_path / "out"
    with OutputLock(out):
        with pytest.raises(OutputLocked, match=f"in use by another vnie run \\(pid {os.getpid()}\\)"):
            run_batch([copy_texts(tmp_path, 1)], out, processor=ProcessorSpec(factory=PROBE), progress=False)
    assert not (out / "articles.jsonl").exists()


def test_lock_is_released_after_the_run(tmp_path):
    out = tmp_path / "out"
    run_batch([copy_texts(tmp_path, 2)], out, processor=ProcessorSpec(factory=PROBE), workers=1, progress=False)
    with OutputLock(out):
        pass


@pytest.mark.slow
def test_second_run_on_the_same_output_exits_at_once_and_first_finishes(tmp_path):
    corpus = copy_texts(tmp_path, 12)
    out = tmp_path / "out"
    first = start_run(corpus, out, delay="0.3")
    try:
        pid = wait_for_holder(out, first)
        started = time.monotonic()
        second = subprocess.run(
            [VNIE, "run", str(corpus), "-o", str(out), "--no-progress", "--processor", PROBE],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert time.monotonic() - started < 15
        assert second.returncode == EXIT_USAGE
        assert f"is in use by another vnie run (pid {pid})" in second.stderr
        assert first.wait(timeout=120) == 0
    finally:
        if first.poll() is None:
            first.kill()
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 12


@pytest.mark.slow
def test_killed_holder_releases_the_lock(tmp_path):
    corpus = copy_texts(tmp_path, 12)
    out = tmp_path / "out"
    first = start_run(corpus, out, delay="1")
    wait_for_holder(out, first)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    with OutputLock(out):
        pass
    summary = run_batch([corpus], out, processor=ProcessorSpec(factory=PROBE), workers=2, progress=False)
    assert summary.exit_code == 0
    assert len((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 12


def test_a_lock_left_by_a_dead_holder_is_waited_for_not_refused(tmp_path):
    from pipeline.batch.lock import OutputLock, _alive

    assert not _alive(2**22 + 12345)  # no such process
    assert _alive(os.getpid())
    out = tmp_path / "out"
    with OutputLock(out):
        pass
    with OutputLock(out):  # free again at once
        pass
