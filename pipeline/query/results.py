"""Present one query's answer: a terminal table, or CSV / JSON / Parquet."""

from __future__ import annotations

import io
import json
import unicodedata
from decimal import Decimal
from datetime import date, datetime
from pathlib import Path
from typing import Optional

import pyarrow.csv as pa_csv
import pyarrow.parquet as pa_parquet

from .database import QueryResult
from .export import lists_as_json

RESULT_FORMATS = ("table", "csv", "json", "parquet")
# Long cells (bodies, evidence) are cut so that a row stays one line.
_CELL_WIDTH = 60


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        text = json.dumps(list(value), ensure_ascii=False, default=str)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def _width(text: str) -> int:
    # Combining marks take no column; wide (CJK) characters take two.
    return sum(0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
               for char in text)


def _pad(text: str, width: int, right: bool) -> str:
    padding = " " * (width - _width(text))
    return padding + text if right else text + padding


def format_table(result: QueryResult, limit: Optional[int] = 100) -> str:
    """An aligned text table of the first ``limit`` rows, with a row count."""
    if not result.columns:
        return "(no result set)"
    rows = result.rows(limit)
    cells = [[_cell(value) for value in row] for row in rows]
    numeric = [all(isinstance(row[i], (int, float, Decimal)) or row[i] is None for row in rows) and bool(rows)
               for i in range(len(result.columns))]
    widths = [max([_width(name)] + [_width(row[i]) for row in cells]) for i, name in enumerate(result.columns)]
    lines = [" │ ".join(_pad(name, widths[i], False) for i, name in enumerate(result.columns)),
             "─┼─".join("─" * width for width in widths)]
    for row in cells:
        lines.append(" │ ".join(_pad(cell, widths[i], numeric[i]) for i, cell in enumerate(row)))
    shown = len(rows)
    total = result.n_rows
    footer = f"({total} row{'s' if total != 1 else ''}"
    footer += f", first {shown} shown; use --limit or --format csv for all)" if shown < total else ")"
    lines.append(footer)
    return "\n".join(lines)


def _json_value(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def result_json(result: QueryResult) -> str:
    """The rows as a JSON array of objects (dates as ISO text)."""
    rows = [{name: _json_value(value) for name, value in row.items()} for row in result.arrow.to_pylist()]
    return json.dumps(rows, ensure_ascii=False, indent=1, default=str)


def result_csv(result: QueryResult) -> str:
    """The rows as CSV with a header; lists as JSON arrays."""
    buffer = io.BytesIO()
    pa_csv.write_csv(lists_as_json(result.arrow), buffer)
    return buffer.getvalue().decode("utf-8")


def write_result(result: QueryResult, file_format: str, path: Path) -> None:
    """Save the whole result to ``path`` as csv, json or parquet."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if file_format == "parquet":
        pa_parquet.write_table(result.arrow, path)
    elif file_format == "csv":
        path.write_text(result_csv(result), encoding="utf-8")
    elif file_format == "json":
        path.write_text(result_json(result), encoding="utf-8")
    else:
        raise ValueError(f"cannot save a result as {file_format!r}; choose csv, json or parquet")
