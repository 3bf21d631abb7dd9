"""``vnie export``: an output folder's tables as Parquet, CSV or SQLite files."""

from __future__ import annotations

from pathlib import Path

import click

from ..query.export import FORMATS, export_tables
from ..query.tables import OutputFolderError, load_tables


@click.command("export")
@click.option("-i", "--input", "input_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Output folder written by `vnie run` (or one articles.jsonl).")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write the table files into.")
@click.option("-f", "--format", "file_format", type=click.Choice(FORMATS), default="parquet", show_default=True)
def command(input_dir: Path, out_dir: Path, file_format: str) -> None:
    """Write the query tables as files: one per table (parquet, csv) or one
    SQLite database (vnie.sqlite) that opens in Datasette and sqlite-utils."""
    try:
        tables = load_tables(input_dir)
    except OutputFolderError as error:
        raise click.ClickException(str(error)) from error
    for issue in tables.issues:
        click.echo(f"warning: skipped {issue}", err=True)
    try:
        written = export_tables(tables, out_dir, file_format)
    except OSError as error:
        raise click.ClickException(f"cannot write to {out_dir}: {error}") from error
    for item in written:
        click.echo(f"{item.table:<14} {item.rows:>8} rows  {item.path}")
