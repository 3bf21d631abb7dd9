"""A DuckDB file per output folder, so that the second question is instant.

Validating and flattening 100,000 records takes most of a minute; a
researcher asking ten questions should pay that once. The flat tables are
saved in a DuckDB file under the user's cache folder (never inside the
output folder, which belongs to ``vnie run``), keyed by the output's path and
stamped with the size and modification time of its files. A changed output
folder is loaded afresh. Each session attaches the file read-only and sees
the tables as views, so concurrent sessions never block each other.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

import duckdb

from .database import OutputDatabase
from .keys import KEY_SOURCE, canonical_key
from .tables import ERRORS_FILE, TABLE_NAMES, TABLE_SPECS, LoadIssue, articles_path, load_tables

# Bumped when the tables' columns or keys change, so old cache files are rebuilt.
_LAYOUT = hashlib.sha256(
    "|".join(f"{spec.name}:{spec.schema}" for spec in TABLE_SPECS).encode("utf-8")).hexdigest()[:16]


def cache_folder() -> Path:
    """``$VNIE_CACHE_DIR``, else ``$XDG_CACHE_HOME/vnie/query``, else ``~/.cache/vnie/query``."""
    explicit = os.environ.get("VNIE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vnie" / "query"


@dataclass(frozen=True)
class Fingerprint:
    """What an output folder's files were when its cache file was built."""

    articles: str
    articles_size: int
    articles_mtime_ns: int
    errors_size: int
    errors_mtime_ns: int
    layout: str
    key_source: str

    @classmethod
    def of(cls, articles: Path, key_source: str) -> "Fingerprint":
        stat = articles.stat()
        errors = articles.parent / ERRORS_FILE
        errors_stat = errors.stat() if errors.exists() and articles.name != ERRORS_FILE else None
        return cls(str(articles.resolve()), stat.st_size, stat.st_mtime_ns,
                   errors_stat.st_size if errors_stat else -1, errors_stat.st_mtime_ns if errors_stat else -1,
                   _LAYOUT, key_source)


def cache_path(articles: Path) -> Path:
    digest = hashlib.sha256(str(articles.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_folder() / f"{digest}.duckdb"


def _stored_fingerprint(path: Path) -> Optional[Fingerprint]:
    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            row = connection.execute("SELECT fingerprint FROM _vnie_cache").fetchone()
        return Fingerprint(**json.loads(row[0])) if row else None
    except (duckdb.Error, OSError, TypeError, ValueError):
        return None  # unreadable or from another version: rebuilt


def _build(articles: Path, path: Path, fingerprint: Fingerprint) -> None:
    tables = load_tables(articles)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as connection:
        for name in TABLE_NAMES:
            connection.register("_incoming", tables.table(name))
            connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _incoming')
            connection.unregister("_incoming")
        connection.execute("CREATE TABLE _vnie_cache (fingerprint VARCHAR)")
        connection.execute("INSERT INTO _vnie_cache VALUES (?)", [json.dumps(asdict(fingerprint))])
        connection.execute("CREATE TABLE _vnie_issues (file VARCHAR, line BIGINT, message VARCHAR)")
        if tables.issues:
            connection.executemany("INSERT INTO _vnie_issues VALUES (?, ?, ?)",
                                   [[issue.file, issue.line, issue.message] for issue in tables.issues])
    os.replace(partial, path)  # atomic: a reader never sees half a cache file


def _attach(path: Path) -> OutputDatabase:
    connection = duckdb.connect(":memory:")
    connection.execute(f"ATTACH '{path.as_posix()}' AS vnie_cache (READ_ONLY)")
    for name in TABLE_NAMES:
        connection.execute(f'CREATE VIEW "{name}" AS SELECT * FROM vnie_cache."{name}"')
    fingerprint = json.loads(connection.execute("SELECT fingerprint FROM vnie_cache._vnie_cache").fetchone()[0])
    issues = [LoadIssue(file, line, message) for file, line, message in
              connection.execute("SELECT file, line, message FROM vnie_cache._vnie_issues").fetchall()]
    return OutputDatabase(connection, issues, fingerprint["key_source"].split("@")[0])


def _key_version() -> str:
    """The key function and a digest of its source file: a changed rule of
    grouping rebuilds the cache like a changed output does."""
    import inspect

    try:
        digest = hashlib.sha256(Path(inspect.getfile(canonical_key)).read_bytes()).hexdigest()[:12]
    except (OSError, TypeError):
        digest = "unknown"
    return f"{KEY_SOURCE}@{digest}"


def open_cached(folder: Path) -> OutputDatabase:
    """The output folder's database, from its cache file when that is current.

    Raises ``OutputFolderError`` like ``OutputDatabase.open``. When the cache
    folder cannot be written, the tables are loaded in memory instead.
    """
    articles = articles_path(Path(folder))
    key_source = _key_version()
    path = cache_path(articles)
    current = Fingerprint.of(articles, key_source)
    if path.exists() and _stored_fingerprint(path) == current:
        try:
            return _attach(path)
        except duckdb.Error:
            pass  # fall through and rebuild
    try:
        _build(articles, path, current)
        return _attach(path)
    except (OSError, duckdb.Error):
        return OutputDatabase.open(articles)
