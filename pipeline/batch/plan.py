"""Which input files a run reads, and which of them it must (re)process.

A file is skipped when the state says it was processed completely with the
same bytes, the same pipeline version and the same rules. Its bytes are
hashed only when its size or modification time changed since then, so a rerun
over an unchanged folder costs one ``stat`` per file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from .. import __version__
from ..read import discover, source_path
from ..rules import RuleSet
from .state import FileSeen, FileState, Fingerprint, StateStore


class BatchUsageError(ValueError):
    """The run was asked for something impossible (a missing input, a bad option)."""


@dataclass(frozen=True)
class InputFile:
    path: Path
    base: Path
    file_key: str  # the path as records show it: relative to the input's parent


@dataclass(frozen=True)
class PlannedFile:
    input: InputFile
    seen: FileSeen


@dataclass(frozen=True)
class Plan:
    todo: list[PlannedFile]
    skipped_files: int
    skipped_lines: int


def current_fingerprint(rules_dir: Optional[Path]) -> Fingerprint:
    """The version and rules hash the processor will stamp on records."""
    return Fingerprint(__version__, RuleSet.load(rules_dir).sha256)


def collect_inputs(inputs: Sequence[Path], output_dir: Path) -> list[InputFile]:
    """Every supported file under the inputs, once, never the output folder's own files."""
    missing = [str(path) for path in inputs if not Path(path).exists()]
    if missing:
        raise BatchUsageError(f"input not found: {', '.join(missing)}")
    output = output_dir.resolve()
    seen: set[Path] = set()
    found: list[InputFile] = []
    for root in inputs:
        base = Path(root).resolve().parent
        for path in discover(Path(root)):
            resolved = path.resolve()
            if resolved in seen or resolved.is_relative_to(output):
                continue
            seen.add(resolved)
            found.append(InputFile(path, base, source_path(path, base)))
    return found


def make_plan(files: Sequence[InputFile], store: StateStore, fingerprint: Fingerprint, force: bool) -> Plan:
    todo: list[PlannedFile] = []
    skipped_files = skipped_lines = 0
    for item in files:
        state = store.file_state(item.file_key)
        try:
            stat = item.path.stat()
        except OSError:
            # Vanished since discovery: read_path reports it as unreadable.
            todo.append(PlannedFile(item, FileSeen("", 0, 0)))
            continue
        if state is not None and state.size == stat.st_size and state.mtime_ns == stat.st_mtime_ns:
            sha = state.sha256
        else:
            sha = _sha256_of(item.path)
        planned = PlannedFile(item, FileSeen(sha, stat.st_size, stat.st_mtime_ns))
        if force or _must_process(state, sha, fingerprint):
            todo.append(planned)
        else:
            skipped_files += 1
            skipped_lines += state.lines
    return Plan(todo, skipped_files, skipped_lines)


def _must_process(state: Optional[FileState], sha: str, fingerprint: Fingerprint) -> bool:
    if state is None or not state.done:
        return True
    if state.sha256 != sha or state.fingerprint != fingerprint:
        return True
    return state.transient_error


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


__all__ = ["BatchUsageError", "InputFile", "Plan", "PlannedFile", "collect_inputs", "current_fingerprint", "make_plan"]
