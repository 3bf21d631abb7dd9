"""The command line, exercised in-process: help, documentation, schema, extract."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import COMMAND_MODULES, main
from pipeline.models import ArticleRecord

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_command_module_is_registered() -> None:
    assert sorted(main.commands) == sorted(COMMAND_MODULES)


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    assert re.search(rf"`vnie {name}\b", README), f"README does not document `vnie {name}`"


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_every_command_has_clear_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: main {name}" in result.output or f"Usage: vnie {name}" in result.output
    summary = main.commands[name].get_short_help_str(200)
    assert len(summary) > 20, f"`vnie {name}` needs a one-line summary"


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMAND_MODULES:
        assert name in result.output


def test_readme_gives_the_two_fresh_machine_commands() -> None:
    assert "make run" in README and "make test" in README
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_schema_is_the_record_contract() -> None:
    result = CliRunner().invoke(main, ["schema"])
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(ArticleRecord.model_fields)
    errors = json.loads(CliRunner().invoke(main, ["schema", "--errors"]).output)
    assert set(errors["properties"]) == {"source", "error"}


@pytest.mark.slow
def test_extract_prints_one_valid_record_for_a_real_article() -> None:
    seed = REPO / "corpus" / "000_8649a4f9e4d548b0.txt"
    result = CliRunner().invoke(main, ["extract", str(seed)])
    assert result.exit_code == 0, result.output
    record = ArticleRecord.model_validate_json(result.output)
    assert record.source.path == seed.name
    assert record.title and record.title.startswith("Phường Long Biên")
    assert any(event.type == "signing" for event in record.events)


@pytest.mark.slow
def test_extract_reports_an_empty_file_as_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert '"kind": "empty"' in result.output


def test_extract_refuses_an_invalid_rule_folder_with_a_clear_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "offices.yaml").write_text(
        "kind: offices\nrules:\n  - id: office.a\n    literal: a\n    pattern: 'a'\n    pattern: 'b'\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["extract", str(REPO / "corpus" / "000_8649a4f9e4d548b0.txt"), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "offices.yaml: rule office.a: key 'pattern' written twice" in result.output
    assert "Traceback" not in result.output
