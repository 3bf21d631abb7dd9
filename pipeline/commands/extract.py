"""``vnie extract FILE``: one article through the whole pipeline, printed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..models import ErrorRecord


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--rules", "rules_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Rule folder to use instead of the built-in rules/.")
@click.option("--compact", is_flag=True, help="One line per record instead of indented JSON.")
def command(file: Path, rules_dir: Path | None, compact: bool) -> None:
    """Extract one article FILE and print its record as JSON.

    FILE is a .txt dump, an .html page or a crawler .jsonl file (one record per
    line). Nothing is written to disk. Exits with status 1 when the article
    could not be processed (the error record is printed on stderr), 2 when
    the rule files are invalid.
    """
    from ..process import ArticleProcessor
    from ..rules import RuleError

    try:
        processor = ArticleProcessor(rules_dir)
    except RuleError as exc:
        click.echo(f"vnie extract: cannot load the rules: {exc}", err=True)
        sys.exit(2)
    failed = False
    for result in processor.process_path(file, file.parent):
        text = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=None if compact else 2)
        if isinstance(result, ErrorRecord):
            failed = True
            click.echo(text, err=True)
        else:
            click.echo(text)
    sys.exit(1 if failed else 0)
