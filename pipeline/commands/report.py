"""``vnie report``: one self-contained HTML report of a whole output folder."""

from __future__ import annotations

from pathlib import Path

import click

from ..query.report import write_report
from ..query.tables import OutputFolderError


@click.command("report")
@click.option("-i", "--input", "input_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Output folder written by `vnie run`.")
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("report.html"), show_default=True, help="HTML file to write.")
@click.option("--pages/--no-pages", default=True, show_default=True,
              help="Also write a page per linked article into <report name>_articles/.")
@click.option("--max-events", type=int, default=1000, show_default=True,
              help="Rows of the events table (the latest first).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse the DuckDB cache file `vnie query` keeps for this output folder.")
def command(input_dir: Path, out_path: Path, pages: bool, max_events: int, cache: bool) -> None:
    """Write an HTML report of an output folder: counts, events per month by
    type, top facilities and people, and the events linking to each article's
    page. One file, no internet needed to open it."""
    try:
        written = write_report(input_dir, out_path, pages=pages, max_events=max_events, cache=cache)
    except OutputFolderError as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:
        raise click.ClickException(f"cannot write {out_path}: {error}") from error
    for issue in written.data.issues:
        click.echo(f"warning: skipped {issue}", err=True)
    events = written.data.total_events
    click.echo(f"{written.report_path}  ({written.data.counts[0].value} articles, {events} events, "
               f"{len(written.pages)} article pages)")
