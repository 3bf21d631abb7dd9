"""Write an output folder's flat tables as Parquet, CSV or one SQLite file.

Parquet keeps list columns (``titles``, ``aliases``, ``scope``…) as lists;
CSV and SQLite have no list type, so those columns hold JSON arrays
(``["PGS", "TS"]``), which Datasette and sqlite-utils show and query as
JSON. The SQLite file declares primary keys, foreign keys to ``articles``
and indexes on the join columns, so Datasette links rows across tables.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pa_parquet

from .tables import TABLE_SPECS, OutputTables

FORMATS = ("parquet", "csv", "sqlite")
SQLITE_FILE = "vnie.sqlite"

# Primary key of each table in the SQLite file (None: rowid only).
_PRIMARY_KEYS = {
    "articles": ("article_id",),
    "people": ("article_id", "person_id"),
    "positions": ("article_id", "person_id", "position_index"),
    "facilities": ("article_id", "facility_id"),
    "organizations": ("article_id", "organization_id"),
    "dates": ("article_id", "date_index"),
    "events": ("article_id", "event_id"),
    "participants": None,
    "errors": None,
}
# Columns researchers group and join on, indexed in SQLite.
_INDEXED = ("person_key", "key", "type", "event_type", "ref", "year", "day")


@dataclass(frozen=True)
class ExportedFile:
    """One file written by an export: which table, where, how many rows."""

    table: str
    path: Path
    rows: int


def lists_as_json(table: pa.Table) -> pa.Table:
    """List columns as JSON array text, for formats without a list type."""
    for index, column in enumerate(table.schema):
        if pa.types.is_list(column.type):
            values = [None if value is None else json.dumps(value, ensure_ascii=False)
                      for value in table.column(index).to_pylist()]
            table = table.set_column(index, pa.field(column.name, pa.string()), pa.array(values, pa.string()))
    return table


def export_parquet(tables: OutputTables, directory: Path) -> list[ExportedFile]:
    written = []
    for spec in TABLE_SPECS:
        path = directory / f"{spec.name}.parquet"
        pa_parquet.write_table(tables.table(spec.name), path)
        written.append(ExportedFile(spec.name, path, tables.table(spec.name).num_rows))
    return written


def export_csv(tables: OutputTables, directory: Path) -> list[ExportedFile]:
    written = []
    for spec in TABLE_SPECS:
        path = directory / f"{spec.name}.csv"
        table = lists_as_json(tables.table(spec.name))
        pa_csv.write_csv(table, path)
        written.append(ExportedFile(spec.name, path, table.num_rows))
    return written


def _sqlite_type(kind: pa.DataType) -> str:
    if pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        return "INTEGER"
    return "TEXT"


def _create_statement(name: str, schema: pa.Schema) -> str:
    columns = [f'"{column.name}" {_sqlite_type(column.type)}' for column in schema]
    primary_key = _PRIMARY_KEYS.get(name)
    if primary_key:
        columns.append(f"PRIMARY KEY ({', '.join(primary_key)})")
    if name not in ("articles", "errors"):
        columns.append("FOREIGN KEY (article_id) REFERENCES articles(article_id)")
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(columns) + "\n)"


def _sqlite_value(value: object) -> object:
    # Dates as ISO text (SQLite has no date type; Datasette sorts ISO text).
    return value.isoformat() if hasattr(value, "isoformat") else value


def export_sqlite(tables: OutputTables, directory: Path) -> list[ExportedFile]:
    path = directory / SQLITE_FILE
    if path.exists():
        path.unlink()
    written = []
    connection = sqlite3.connect(path)
    try:
        for spec in TABLE_SPECS:
            table = lists_as_json(tables.table(spec.name))
            connection.execute(_create_statement(spec.name, spec.schema))
            placeholders = ", ".join("?" for _ in spec.schema.names)
            for batch in table.to_batches(max_chunksize=10_000):
                columns = [batch.column(index).to_pylist() for index in range(batch.num_columns)]
                rows = [tuple(_sqlite_value(value) for value in row) for row in zip(*columns)]
                connection.executemany(f'INSERT INTO "{spec.name}" VALUES ({placeholders})', rows)
            for column in spec.schema.names:
                if column in _INDEXED or (column == "article_id" and spec.name != "articles"):
                    connection.execute(
                        f'CREATE INDEX "idx_{spec.name}_{column}" ON "{spec.name}" ("{column}")')
            written.append(ExportedFile(spec.name, path, table.num_rows))
        connection.commit()
    finally:
        connection.close()
    return written


def export_tables(tables: OutputTables, directory: Path, file_format: str) -> list[ExportedFile]:
    """Write every table to ``directory`` in ``file_format`` (parquet, csv, sqlite)."""
    if file_format not in FORMATS:
        raise ValueError(f"unknown export format {file_format!r}; choose one of {', '.join(FORMATS)}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    exporters = {"parquet": export_parquet, "csv": export_csv, "sqlite": export_sqlite}
    return exporters[file_format](tables, directory)
