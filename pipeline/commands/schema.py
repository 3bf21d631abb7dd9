"""``vnie schema``: the JSON Schema of the record, generated from the models."""

from __future__ import annotations

import json

import click

from ..models import ArticleRecord, ErrorRecord


@click.command("schema")
@click.option("--errors", is_flag=True, help="Print the schema of an errors.jsonl line instead.")
def command(errors: bool) -> None:
    """Print the JSON Schema of one line of articles.jsonl (or errors.jsonl).

    The schema is generated from the same pydantic models that validate every
    record the pipeline writes, so it is always the contract in force.
    """
    model = ErrorRecord if errors else ArticleRecord
    click.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
