"""`vnie crawl` argument checks: every misuse is a clear error before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.crawl.lock import corpus_lock

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


def test_output_inside_the_corpus_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["crawl", "--sources", str(EXAMPLE), "--corpus",
                                       str(tmp_path / "corpus"), "--process", "-o",
                                       str(tmp_path / "corpus" / "output")])
    assert result.exit_code == 2
    assert "must not be inside the --corpus folder" in result.output


def test_a_second_crawl_on_the_same_corpus_stops_with_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    with corpus_lock(corpus):
        result = CliRunner().invoke(main, ["crawl", "--sources", str(EXAMPLE),
                                           "--corpus", str(corpus), "--once"])
    assert result.exit_code == 1
    assert "another vnie crawl" in result.output and "is running on this corpus folder" in result.output
    with corpus_lock(corpus):  # released: can be taken again
        pass
