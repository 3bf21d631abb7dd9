"""The ``vnie`` command line: one group, one module per subcommand."""

from __future__ import annotations

import importlib

import click

from . import __version__

# Subcommand modules under pipeline.commands, in the order --help lists them.
COMMAND_MODULES = (
    "run",
    "extract",
    "schema",
    "eval",
    "crawl",
    "query", "export", "show", "report",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="vnie")
def main() -> None:
    """Turn Vietnamese news articles into structured, validated JSON records.

    Articles (plain-text dumps, HTML pages, CMS fragments, crawler JSONL) are
    cleaned to their own text, word-segmented and tagged, and people, offices,
    facilities, organizations, dates and events are extracted into one record
    per article.
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        module_name = f"{__package__}.commands.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # A command whose own module is absent is left out; a missing
            # dependency inside a present module is a real error.
            if exc.name != module_name:
                raise
            continue
        main.add_command(module.command)


_register()
