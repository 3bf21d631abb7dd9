"""One writer per output folder: an OS file lock on ``<output>/.vnie.lock``.

``fcntl.flock`` is released by the kernel when the holder dies, even by
SIGKILL, so a crashed run never leaves a stale lock behind. The file keeps the
holder's pid only to make the refusal message useful.
"""

from __future__ import annotations

import fcntl
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

LOCK_NAME = ".vnie.lock"
# Seconds to wait for the lock when its recorded holder is no longer alive.
DEAD_HOLDER_WAIT = 5.0


class OutputLocked(RuntimeError):
    """Another ``vnie run`` holds the output folder."""

    def __init__(self, output_dir: Path, holder_pid: Optional[int]):
        self.output_dir = output_dir
        self.holder_pid = holder_pid
        holder = f" (pid {holder_pid})" if holder_pid else ""
        super().__init__(
            f"output folder {output_dir} is in use by another vnie run{holder}; "
            "wait for it to finish or choose another output folder"
        )


@dataclass
class OutputLock:
    """An exclusive, non-blocking lock held while a run writes ``output_dir``."""

    output_dir: Path
    _fd: Optional[int] = None

    def acquire(self) -> "OutputLock":
        self.output_dir.mkdir(parents=True, exist_ok=True)
        path = self.output_dir / LOCK_NAME
        # Opened without O_TRUNC so a refused run does not wipe the holder's pid.
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        deadline = time.monotonic() + DEAD_HOLDER_WAIT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _read_pid(fd)
                # A holder killed a moment ago may still have a worker between fork and exec
                # holding the lock file; the kernel frees it within moments.
                if _alive(holder) or time.monotonic() >= deadline:
                    os.close(fd)
                    raise OutputLocked(self.output_dir, holder) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def _read_pid(fd: int) -> Optional[int]:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


def _alive(pid: Optional[int]) -> bool:
    """Whether a process with this pid exists (unknown pids count as alive: refuse at once)."""
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
