"""``vnie eval``: precision, recall and F1 per field against gold."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..evaluate import GoldError, as_json, evaluate, format_table, gold_files, load_gold, load_predictions
from ..floors import check_floors, load_floors, save_raised_floors


@click.command("eval")
@click.argument("predictions", type=click.Path(exists=True, path_type=Path))
@click.option("--gold", "gold_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Gold JSONL file or folder of them (repeatable; default: gold/).")
@click.option("--per-article", is_flag=True, help="Also print every article's scores.")
@click.option("--json", "as_json_output", is_flag=True, help="Print the scores as JSON.")
@click.option("--floors", "floors_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Fail (exit 1) when a field's F1 is below its floor in this file.")
@click.option("--floors-section", default="all", show_default=True,
              help="Section of the floors file to check (all, seeds).")
@click.option("--raise-floors", is_flag=True,
              help="Lift the section's floors to the scores just measured (never lowers one).")
def command(predictions: Path, gold_paths: tuple[Path, ...], per_article: bool, as_json_output: bool,
            floors_path: Path | None, floors_section: str, raise_floors: bool) -> None:
    """Score PREDICTIONS (an articles.jsonl or an output folder) against gold.

    Records are matched to gold articles by the file name of source.path.
    Fields follow the record contract's scoring table: body (bag of words),
    people, titles, positions, facilities, dates, events (type and date),
    event types, event facility participants, plus title, published, authors
    and must-exclude strings for the cleaner. A field is scored only on the
    articles whose gold states it. Several gold files describing the same
    article are merged.
    """
    if predictions.is_dir():
        predictions = predictions / "articles.jsonl"
        if not predictions.exists():
            raise click.UsageError(f"no articles.jsonl in {predictions.parent}")
    paths = gold_files(gold_paths or (Path("gold"),))
    if not paths:
        raise click.UsageError("no gold files: pass --gold FILE or run from a folder with gold/")
    try:
        gold = load_gold(paths)
    except (GoldError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    result = evaluate(load_predictions(predictions), gold)
    if as_json_output:
        click.echo(json.dumps(as_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result, per_article))
    if raise_floors:
        if floors_path is None:
            raise click.UsageError("--raise-floors needs --floors FILE")
        save_raised_floors(floors_path, floors_section, result)
        click.echo(f"floors of section {floors_section!r} raised in {floors_path}", err=True)
    if floors_path is not None:
        failures = check_floors(result, load_floors(floors_path, floors_section))
        for failure in failures:
            click.echo(f"below floor: {failure}", err=True)
        sys.exit(1 if failures else 0)
