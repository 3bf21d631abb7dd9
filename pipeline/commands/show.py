"""``vnie show``: one article's page with what was extracted highlighted."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from ..query.show import ArticleNotFound, find_article, render_article


@click.command("show")
@click.argument("article")
@click.option("-i", "--input", "input_dir", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Output folder to look the article up in.")
@click.option("-o", "--out", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              help="HTML file to write (default: <record id>.html).")
def command(article: str, input_dir: Path, out_path: Optional[Path]) -> None:
    """Write an HTML page of one ARTICLE: its body with people, facilities,
    organizations, dates and event triggers highlighted, then its events with
    participants and evidence.

    ARTICLE is a record file (.json, or .jsonl holding one record), or a
    record id (a prefix is enough), source path, file name or URL looked up in
    the output folder.
    """
    try:
        record = find_article(article, input_dir)
    except ArticleNotFound as error:
        raise click.ClickException(str(error)) from error
    out_path = out_path or Path(f"{record.id}.html")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(render_article(record), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {out_path}: {error}") from error
    click.echo(f"{out_path}  ({len(record.events)} events, {len(record.people)} people, "
               f"{len(record.facilities)} facilities)")
