"""`vnie crawl` argument checks: every misuse is a clear error before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "sources.yaml"


@pytest.mark.parametrize("extra, message", [
    (["--once", "--every", "30m"], "give --once or --every, not both"),
    (["--every", "soon"], "not a duration"),
    (["--max-rounds", "2"], "--max-rounds goes with --every"),
    (["--process"], "--process needs -o/--output"),
    (["-o", "output"], "-o/--output goes with --process"),
    (["--delay", "-1"], "--delay"),
])
def test_usage_errors(tmp_path: Path, extra: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["crawl", "--sources", str(EXAMPLE),
                                       "--corpus", str(tmp_path / "corpus"), *extra])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "corpus").exists(), "nothing is created on a usage error"


def test_bad_sources_file_names_the_source(tmp_path: Path) -> None:
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - name: hanoimoi-yte\n    feeds: ['file:///etc/passwd']\n"
                       "    article_pattern: '.+'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["crawl", "--sources", str(sources),
                                       "--corpus", str(tmp_path / "corpus")])
    assert result.exit_code == 1
    assert "source #1 (hanoimoi-yte)" in result.output and "not an http(s) URL" in result.output


def test_help_lists_the_politeness_and_safety_options() -> None:
    result = CliRunner().invoke(main, ["crawl", "--help"])
    assert result.exit_code == 0
    for option in ("--once", "--every", "--process", "--allow-private", "--state", "--delay"):
        assert option in result.output
