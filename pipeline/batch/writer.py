"""Atomic output files: ``articles.jsonl`` and ``errors.jsonl`` from the state.

Each file is written whole to a temporary file in the same folder, flushed,
fsynced and renamed over the old one, then the folder is fsynced: a reader
(or a run killed at any moment) sees the old complete file or the new complete
file, never a truncated line.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .state import StateStore
from .tasks import LineKind, OutputLine

ARTICLES_NAME = "articles.jsonl"
ERRORS_NAME = "errors.jsonl"
OUTPUT_FILES: tuple[tuple[LineKind, str], ...] = (("article", ARTICLES_NAME), ("error", ERRORS_NAME))
_TEMP_MARK = ".tmp-"
_JSONL_LINE = re.compile(r"^(?P<file>.*)#L(?P<line>\d+)$")


@dataclass(frozen=True)
class Materialised:
    articles: int
    errors: int
    seconds: float


def remove_stale_temporaries(output_dir: Path) -> None:
    """Temporary files left by a run killed while writing."""
    for _, name in OUTPUT_FILES:
        for stale in output_dir.glob(f".{name}{_TEMP_MARK}*"):
            stale.unlink(missing_ok=True)


def is_current(store: StateStore, output_dir: Path) -> bool:
    """True when the output files already say what the state says (and nobody
    deleted or edited them since: their sizes are checked too)."""
    if store.materialised_generation != store.generation:
        return False
    for _, name in OUTPUT_FILES:
        try:
            size = (output_dir / name).stat().st_size
        except OSError:
            return False
        if store.get_meta(_size_key(name)) != str(size):
            return False
    return True


def materialise(store: StateStore, output_dir: Path) -> Materialised:
    """Rewrite both output files from the state, atomically."""
    started = time.monotonic()
    generation = store.generation
    counts = {kind: _write_atomically(output_dir / name, store, kind) for kind, name in OUTPUT_FILES}
    _fsync_dir(output_dir)
    for _, name in OUTPUT_FILES:
        store.set_meta(_size_key(name), str((output_dir / name).stat().st_size))
    store.mark_materialised(generation)
    return Materialised(counts["article"], counts["error"], time.monotonic() - started)


def _size_key(name: str) -> str:
    return f"size:{name}"


def _write_atomically(target: Path, store: StateStore, kind: LineKind) -> int:
    temporary = target.with_name(f".{target.name}{_TEMP_MARK}{os.getpid()}")
    count = 0
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            for text in store.iter_json(kind):
                handle.write(text)
                handle.write("\n")
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return count


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def adopt_output_files(store: StateStore, output_dir: Path) -> int:
    """Take the lines of existing output files into a new, empty state.

    Output written by an earlier run whose state database was deleted (or by
    another tool) is kept: its complete lines become the state's lines (a
    truncated or invalid line is dropped), their files count as unknown, so
    the inputs of this run are processed again and replace them while the
    others stay. Returns the number of lines taken."""
    taken = 0
    for kind, name in OUTPUT_FILES:
        path = output_dir / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8", errors="replace") as handle:
            for text in handle:
                line = _parse_line(kind, text)
                if line is not None:
                    file_key, seq = _position(line.source_path)
                    store.add_line(file_key, seq, line, run_id=0)
                    taken += 1
    return taken


def _parse_line(kind: LineKind, text: str) -> "OutputLine | None":
    try:
        item = json.loads(text)
        path = item["source"]["path"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(path, str):
        return None
    compact = text.strip()
    if kind == "article":
        record_id = item.get("id") if isinstance(item.get("id"), str) else None
        return OutputLine("article", path, compact, record_id=record_id)
    error = item.get("error") if isinstance(item.get("error"), dict) else {}
    return OutputLine("error", path, compact, error_kind=str(error.get("kind", "")))


def _position(source_path: str) -> tuple[str, int]:
    match = _JSONL_LINE.match(source_path)
    if match:
        return match.group("file"), int(match.group("line"))
    return source_path, 0
