"""The run state: an SQLite database in the output folder, the source of truth.

Every output line lives here, keyed by its ``source.path``, next to what each
input file looked like when it was processed (sha256 of its bytes, pipeline
version, rules hash). ``articles.jsonl`` and ``errors.jsonl`` are rewritten
from it (see ``writer``), so a run killed at any point loses at most the
articles in flight, and a rerun neither repeats nor duplicates anything.

A file is ``pending`` from the moment its old lines are dropped until its last
article's line is stored, then ``done``; a rerun redoes every file that is not
``done``.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

from .tasks import LineKind, OutputLine

STATE_NAME = ".vnie-state.sqlite"

# Error kinds that say nothing about the article itself (its worker died), so
# an unchanged file that ended with one is tried again by the next run.
TRANSIENT_ERRORS = frozenset({"worker_lost"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    file_key TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    rules_sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    status TEXT NOT NULL,
    run_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
    source_path TEXT PRIMARY KEY,
    file_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id TEXT,
    error_kind TEXT,
    json TEXT NOT NULL,
    run_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_file ON records (file_key);
CREATE INDEX IF NOT EXISTS records_by_id ON records (record_id);
CREATE INDEX IF NOT EXISTS records_in_order ON records (kind, file_key, seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL,
    finished_at REAL,
    exit_code INTEGER
);
"""


class StateError(RuntimeError):
    """The state database cannot be opened or is not a vnie state."""


@dataclass(frozen=True)
class Fingerprint:
    """What, besides the input bytes, decides a record: code and rules."""

    pipeline_version: str
    rules_sha256: str


@dataclass(frozen=True)
class FileSeen:
    """An input file's bytes as this run saw them."""

    sha256: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class FileState:
    sha256: str
    fingerprint: Fingerprint
    size: int
    mtime_ns: int
    done: bool
    transient_error: bool
    lines: int


class Stored(Enum):
    """What storing one output line did."""

    NEW = "new"
    REPLACED = "replaced"  # it took the place of an older record of the same id
    SUPERSEDED = "superseded"  # an equal record (same id) of this run is kept instead
    DISPLACED = "displaced"  # it took the place of an equal record of this run


class StateStore:
    """The state database of one output folder (the caller holds its lock)."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, output_dir: Path) -> "StateStore":
        path = output_dir / STATE_NAME
        try:
            db = sqlite3.connect(path, isolation_level=None, timeout=30)
            db.execute("PRAGMA journal_mode=WAL")
            # NORMAL: a commit survives the death of the process (it is in the
            # WAL); only a power cut may lose the last transactions.
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{path}: not a usable state database ({exc}); move it away to start afresh") from exc
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    # runs ---------------------------------------------------------------

    def start_run(self) -> int:
        cursor = self._db.execute("INSERT INTO runs (started_at) VALUES (?)", (time.time(),))
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, exit_code: int) -> None:
        self._db.execute(
            "UPDATE runs SET finished_at = ?, exit_code = ? WHERE run_id = ?", (time.time(), exit_code, run_id)
        )

    # files --------------------------------------------------------------

    def file_state(self, file_key: str) -> Optional[FileState]:
        row = self._db.execute(
            "SELECT sha256, pipeline_version, rules_sha256, size, mtime_ns, status FROM files WHERE file_key = ?", (file_key,)
        ).fetchone()
        if row is None:
            return None
        lines, transient = self._db.execute(
            "SELECT count(*), coalesce(sum(error_kind IN (%s)), 0) FROM records WHERE file_key = ?"
            % ",".join("?" * len(TRANSIENT_ERRORS)),
            (*sorted(TRANSIENT_ERRORS), file_key),
        ).fetchone()
        return FileState(row[0], Fingerprint(row[1], row[2]), row[3], row[4], row[5] == "done", bool(transient), int(lines))

    def begin_file(self, file_key: str, seen: FileSeen, fingerprint: Fingerprint, run_id: int) -> frozenset[str]:
        """Drop the file's old lines and mark it pending; returns their source paths."""
        with self._transaction():
            old = frozenset(
                row[0] for row in self._db.execute("SELECT source_path FROM records WHERE file_key = ?", (file_key,))
            )
            self._db.execute("DELETE FROM records WHERE file_key = ?", (file_key,))
            self._db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
                (
                    file_key,
                    seen.sha256,
                    fingerprint.pipeline_version,
                    fingerprint.rules_sha256,
                    seen.size,
                    seen.mtime_ns,
                    run_id,
                ),
            )
            self._bump_generation()
        return old

    def finish_file(self, file_key: str) -> None:
        self._db.execute("UPDATE files SET status = 'done' WHERE file_key = ?", (file_key,))

    # records ------------------------------------------------------------

    def add_line(self, file_key: str, seq: int, line: OutputLine, run_id: int) -> Stored:
        """Store one output line. Record ids are unique: a record of an earlier
        run with the same id is replaced; within one run the record with the
        smaller source path is kept, so the result does not depend on the
        order in which workers finish."""
        outcome = Stored.NEW
        with self._transaction():
            if line.kind == "article" and line.record_id is not None:
                for other_path, other_run in self._db.execute(
                    "SELECT source_path, run_id FROM records WHERE record_id = ? AND kind = 'article' "
                    "AND source_path != ?",
                    (line.record_id, line.source_path),
                ).fetchall():
                    if other_run == run_id and other_path < line.source_path:
                        return Stored.SUPERSEDED
                    self._db.execute("DELETE FROM records WHERE source_path = ?", (other_path,))
                    outcome = Stored.DISPLACED if other_run == run_id else Stored.REPLACED
            self._db.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (line.source_path, file_key, seq, line.kind, line.record_id, line.error_kind, line.json, run_id),
            )
            self._bump_generation()
        return outcome

    def iter_json(self, kind: LineKind) -> Iterator[str]:
        """Every stored line of one kind, in output order (file, then position in file)."""
        cursor = self._db.execute("SELECT json FROM records WHERE kind = ? ORDER BY file_key, seq", (kind,))
        for (text,) in cursor:
            yield text

    def is_empty(self) -> bool:
        return self._db.execute("SELECT 1 FROM records LIMIT 1").fetchone() is None and self.generation == 0

    def count(self, kind: LineKind) -> int:
        return int(self._db.execute("SELECT count(*) FROM records WHERE kind = ?", (kind,)).fetchone()[0])

    # materialisation bookkeeping ----------------------------------------

    @property
    def generation(self) -> int:
        return self._meta_int("generation")

    @property
    def materialised_generation(self) -> int:
        return self._meta_int("materialised_generation", default=-1)

    def mark_materialised(self, generation: int) -> None:
        self.set_meta("materialised_generation", str(generation))

    def get_meta(self, key: str) -> Optional[str]:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # helpers -------------------------------------------------------------

    def _meta_int(self, key: str, default: int = 0) -> int:
        value = self.get_meta(key)
        return int(value) if value is not None else default

    def _bump_generation(self) -> None:
        self._db.execute(
            "INSERT INTO meta VALUES ('generation', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")
