"""What the crawler knows about every URL it has met, in one SQLite file.

Per canonical URL: first and last seen, the validators of the last stored
version (ETag, Last-Modified) for conditional requests, the content hash, how
many versions are stored, where the last one is, and the outcome of the last
fetch. Every change is committed at once, so a round that dies keeps what it
stored.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url            TEXT PRIMARY KEY,
    source         TEXT NOT NULL,
    first_seen     TEXT NOT NULL,
    last_seen      TEXT NOT NULL,
    last_fetched   TEXT,
    etag           TEXT,
    last_modified  TEXT,
    content_hash   TEXT,
    versions       INTEGER NOT NULL DEFAULT 0,
    path           TEXT,
    status         TEXT NOT NULL,
    http_status    INTEGER,
    reason         TEXT
);
CREATE TABLE IF NOT EXISTS rounds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    outcome     TEXT,
    summary     TEXT
);
"""

# Values of pages.status: the outcome of the last attempt on that URL.
STATUS_STORED = "stored"            # a new page or a new version was written
STATUS_UNCHANGED = "unchanged"      # fetched in full, same content as the stored version
STATUS_NOT_MODIFIED = "not_modified"  # the server answered 304 to a conditional request
STATUS_FAILED = "failed"            # HTTP error, timeout, page too large, ...
STATUS_REFUSED = "refused"          # blocked by robots.txt or the safety rules


@dataclass(frozen=True)
class PageState:
    """One row of the ``pages`` table."""

    url: str
    source: str
    first_seen: str
    last_seen: str
    last_fetched: Optional[str]
    etag: Optional[str]
    last_modified: Optional[str]
    content_hash: Optional[str]
    versions: int
    path: Optional[str]
    status: str
    http_status: Optional[int]
    reason: Optional[str]


@dataclass(frozen=True)
class Validators:
    """What a conditional request sends back to the server."""

    etag: Optional[str] = None
    last_modified: Optional[str] = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


class CrawlState:
    """The SQLite state file; open with ``CrawlState(path)`` and close (or use ``with``)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(self.path), timeout=30.0)
            self._db.row_factory = sqlite3.Row
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise RuntimeError(f"{self.path}: not a usable crawl state database: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "CrawlState":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading -----------------------------------------------------------

    def page(self, url: str) -> Optional[PageState]:
        row = self._db.execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()
        return PageState(**dict(row)) if row else None

    def pages(self) -> list[PageState]:
        rows = self._db.execute("SELECT * FROM pages ORDER BY url").fetchall()
        return [PageState(**dict(r)) for r in rows]

    def validators(self, url: str) -> Validators:
        """Validators of the stored version, empty when nothing is stored yet."""
        page = self.page(url)
        if page is None or page.versions == 0:
            return Validators()
        return Validators(etag=page.etag, last_modified=page.last_modified)

    # -- writing -----------------------------------------------------------

    def _touch(self, url: str, source: str, now: str, status: str) -> None:
        self._db.execute(
            "INSERT INTO pages (url, source, first_seen, last_seen, status) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET last_seen = excluded.last_seen, status = excluded.status",
            (url, source, now, now, status),
        )

    def record_seen(self, url: str, now: str) -> None:
        """A known URL was linked again but not requested (too old to revisit)."""
        with self._db:
            self._db.execute("UPDATE pages SET last_seen = ? WHERE url = ?", (now, url))

    def record_stored(self, url: str, source: str, now: str, *, content_hash: str, version: int,
                      path: str, http_status: int, validators: Validators) -> None:
        with self._db:
            self._touch(url, source, now, STATUS_STORED)
            self._db.execute(
                "UPDATE pages SET last_fetched = ?, etag = ?, last_modified = ?, content_hash = ?,"
                " versions = ?, path = ?, http_status = ?, reason = NULL WHERE url = ?",
                (now, validators.etag, validators.last_modified, content_hash, version, path,
                 http_status, url),
            )

    def record_unchanged(self, url: str, source: str, now: str, *, http_status: int,
                         validators: Validators) -> None:
        """Fetched in full but the content is the stored one; keep newer validators."""
        with self._db:
            self._touch(url, source, now, STATUS_UNCHANGED)
            self._db.execute(
                "UPDATE pages SET last_fetched = ?, http_status = ?, reason = NULL,"
                " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified)"
                " WHERE url = ?",
                (now, http_status, validators.etag, validators.last_modified, url),
            )

    def record_not_modified(self, url: str, source: str, now: str) -> None:
        with self._db:
            self._touch(url, source, now, STATUS_NOT_MODIFIED)
            self._db.execute(
                "UPDATE pages SET last_fetched = ?, http_status = 304, reason = NULL WHERE url = ?",
                (now, url),
            )

    def record_problem(self, url: str, source: str, now: str, *, status: str, reason: str,
                       http_status: Optional[int] = None) -> None:
        """A failed or refused fetch; what was stored before stays as it was."""
        with self._db:
            self._touch(url, source, now, status)
            self._db.execute("UPDATE pages SET http_status = ?, reason = ? WHERE url = ?",
                             (http_status, reason, url))

    # -- rounds --------------------------------------------------------------

    def start_round(self, now: str) -> int:
        with self._db:
            cursor = self._db.execute("INSERT INTO rounds (started_at) VALUES (?)", (now,))
        return int(cursor.lastrowid)

    def finish_round(self, round_id: int, now: str, outcome: str, summary_json: str) -> None:
        with self._db:
            self._db.execute(
                "UPDATE rounds SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?",
                (now, outcome, summary_json, round_id),
            )
