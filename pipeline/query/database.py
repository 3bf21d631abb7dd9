"""An embedded DuckDB database over one output folder.

The flat tables of ``tables.py`` are copied into an in-memory DuckDB
database (no server, nothing written next to the output), under the names
researchers query: ``articles``, ``people``, ``positions``, ``facilities``,
``organizations``, ``dates``, ``events``, ``participants`` and ``errors``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import duckdb
import pyarrow as pa

from .tables import TABLE_NAMES, TABLE_SPECS, LoadIssue, OutputTables, load_tables


class QueryError(Exception):
    """A query DuckDB could not run, with DuckDB's own explanation."""


@dataclass(frozen=True)
class QueryResult:
    """The columns and rows of one answered query."""

    columns: list[str]
    arrow: pa.Table

    @property
    def n_rows(self) -> int:
        return self.arrow.num_rows

    def rows(self, limit: Optional[int] = None) -> list[tuple[Any, ...]]:
        """The rows as Python values (the first ``limit`` ones when given)."""
        table = self.arrow if limit is None else self.arrow.slice(0, limit)
        return [tuple(row.values()) for row in table.to_pylist()]


@dataclass
class OutputDatabase:
    """An open DuckDB connection holding one output folder's tables."""

    connection: duckdb.DuckDBPyConnection
    issues: list[LoadIssue] = field(default_factory=list)
    key_source: str = ""

    @classmethod
    def from_tables(cls, tables: OutputTables) -> "OutputDatabase":
        connection = duckdb.connect(":memory:")
        for name in TABLE_NAMES:
            arrow_table = tables.table(name)
            connection.register("_incoming", arrow_table)
            connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _incoming')
            connection.unregister("_incoming")
        return cls(connection, list(tables.issues), tables.key_source)

    @classmethod
    def open(cls, folder: Path) -> "OutputDatabase":
        """Load an output folder (or one ``articles.jsonl``); raises ``OutputFolderError``."""
        return cls.from_tables(load_tables(Path(folder)))

    def query(self, sql: str, parameters: Optional[list[Any]] = None) -> QueryResult:
        """Run one SQL statement; a bad statement raises ``QueryError``."""
        if not sql or not sql.strip():
            raise QueryError("empty query: give one SQL statement, e.g. SELECT * FROM events")
        try:
            relation = self.connection.sql(sql, params=parameters)
            if relation is None:  # a statement without a result (CREATE VIEW …)
                return QueryResult([], pa.table({}))
            arrow_table = relation.to_arrow_table()
        except duckdb.Error as error:
            raise QueryError(_explain(error)) from error
        return QueryResult(list(arrow_table.column_names), arrow_table)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "OutputDatabase":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _explain(error: duckdb.Error) -> str:
    """DuckDB's message, plus the table list when a table name was wrong."""
    message = str(error).strip()
    if "Table with name" in message or "does not exist" in message:
        message += f"\nTables: {', '.join(TABLE_NAMES)} (see `vnie query --schema`)"
    return message


def describe_tables() -> str:
    """The tables and their columns, for ``vnie query --schema`` and the README."""
    lines = []
    for spec in TABLE_SPECS:
        columns = ", ".join(f"{column.name} {_sql_type(column.type)}" for column in spec.schema)
        lines.append(f"{spec.name}  ({spec.row})\n    {columns}")
    return "\n".join(lines)


def _sql_type(kind: pa.DataType) -> str:
    if pa.types.is_list(kind):
        return f"{_sql_type(kind.value_type)}[]"
    if pa.types.is_date32(kind):
        return "DATE"
    if pa.types.is_int64(kind):
        return "BIGINT"
    if pa.types.is_boolean(kind):
        return "BOOLEAN"
    return "VARCHAR"
