"""``vnie query``: answer one SQL question over an output folder with DuckDB."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from ..query.cache import open_cached
from ..query.database import OutputDatabase, QueryError, describe_tables
from ..query.results import RESULT_FORMATS, format_table, result_csv, result_json, write_result
from ..query.tables import OutputFolderError


def _format_of(file_format: Optional[str], save: Optional[Path]) -> str:
    if file_format:
        return file_format
    if save is not None and save.suffix.lstrip(".") in RESULT_FORMATS:
        return save.suffix.lstrip(".")
    return "table" if save is None else "csv"


@click.command("query")
@click.argument("sql", required=False)
@click.option("-o", "-i", "--output-dir", "output_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Output folder written by `vnie run` (or one articles.jsonl).")
@click.option("-f", "--format", "file_format", type=click.Choice(RESULT_FORMATS),
              help="table on a terminal (default), or csv / json / parquet.")
@click.option("-s", "--save", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the whole result to this file (format from --format or the extension).")
@click.option("-n", "--limit", type=int, default=100, show_default=True,
              help="Rows shown in a terminal table (0: all).")
@click.option("--schema", is_flag=True, help="List the tables and their columns, then exit.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Keep the loaded tables in a DuckDB file under ~/.cache/vnie (or $VNIE_CACHE_DIR) "
                   "so that the next query on an unchanged output folder starts at once.")
def command(sql: Optional[str], output_dir: Path, file_format: Optional[str], save: Optional[Path],
            limit: int, schema: bool, cache: bool) -> None:
    """Answer SQL over an output folder (DuckDB, embedded).

    Tables: articles, people, positions, facilities, organizations, dates,
    events, participants (one row per event participant, with its name, kind
    and canonical key) and errors.

    \b
    Example:
      vnie query "SELECT type, count(*) FROM events GROUP BY type" -o output/
    """
    if schema:
        click.echo(describe_tables())
        return
    if not sql:
        raise click.UsageError("give one SQL statement, e.g. vnie query \"SELECT * FROM events\" (see --schema)")
    file_format = _format_of(file_format, save)
    if file_format == "parquet" and save is None:
        raise click.UsageError("--format parquet needs a file: add --save result.parquet")
    try:
        database = open_cached(output_dir) if cache else OutputDatabase.open(output_dir)
    except OutputFolderError as error:
        raise click.ClickException(str(error)) from error
    with database:
        for issue in database.issues:
            click.echo(f"warning: skipped {issue}", err=True)
        try:
            result = database.query(sql)
        except QueryError as error:
            raise click.ClickException(f"query failed: {error}") from error
    if save is not None:
        try:
            write_result(result, "csv" if file_format == "table" else file_format, save)
        except (OSError, ValueError) as error:
            raise click.ClickException(f"cannot write {save}: {error}") from error
        click.echo(f"{result.n_rows} rows written to {save}", err=True)
    elif file_format == "csv":
        sys.stdout.write(result_csv(result))
    elif file_format == "json":
        click.echo(result_json(result))
    else:
        click.echo(format_table(result, limit or None))
