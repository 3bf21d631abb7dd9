"""``vnie run INPUT... -o OUTDIR``: every article under the inputs, in parallel,
incrementally, safe to kill and rerun."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Optional

import click

from ..batch import (
    EXIT_FATAL,
    EXIT_USAGE,
    BatchUsageError,
    EngineError,
    OutputLocked,
    ProcessorSpec,
    StateError,
    run_batch,
)
from ..rules import RuleError


@click.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: articles.jsonl, errors.jsonl and the run state.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (local) or Dask workers (local cluster). Default: all cores.")
@click.option("--force", is_flag=True, help="Reprocess every article, even unchanged ones.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where articles are processed: local worker processes or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Per-article time limit in seconds; a slower article gets a 'timeout' error line.")
@click.option("--no-progress", is_flag=True, help="No progress bar or progress lines; only the summary.")
@click.option("--rules", "rules_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Rule folder to use instead of the built-in rules/.")
@click.option("--processor", "factory", default=None, hidden=True, metavar="MODULE:FUNCTION",
              help="Build each worker's article function from this factory (exercising the batch machinery).")
def command(
    inputs: tuple[Path, ...],
    output_dir: Path,
    workers: Optional[int],
    force: bool,
    engine: str,
    scheduler: Optional[str],
    timeout: float,
    no_progress: bool,
    rules_dir: Optional[Path],
    factory: Optional[str],
) -> None:
    """Process every article under INPUT... (files or folders, recursively) into OUTDIR.

    Writes OUTDIR/articles.jsonl (one record per article, sorted by source
    path) and OUTDIR/errors.jsonl (one line per input that failed). Articles
    already processed with the same content, pipeline version and rules are
    skipped; changed ones are replaced. A run can be killed at any moment and
    rerun. Only one run at a time may use an output folder.

    Exit status: 0 all articles processed, 1 some articles failed (see
    errors.jsonl), 2 usage error or output folder in use, 3 the run could not
    work at all.
    """
    spec = ProcessorSpec(rules_dir=str(rules_dir) if rules_dir else None)
    if factory:
        spec = ProcessorSpec(factory=factory, rules_dir=spec.rules_dir)
    try:
        summary = run_batch(
            list(inputs),
            output_dir,
            workers=workers,
            force=force,
            engine=engine,
            scheduler=scheduler,
            timeout=timeout,
            progress=False if no_progress else None,
            rules_dir=rules_dir,
            processor=spec,
        )
    except OutputLocked as exc:
        click.echo(f"vnie run: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except BatchUsageError as exc:
        click.echo(f"vnie run: usage error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except (EngineError, StateError, RuleError) as exc:
        click.echo(f"vnie run: cannot run: {exc}", err=True)
        sys.exit(EXIT_FATAL)
    except (OSError, sqlite3.Error) as exc:  # the output folder cannot be written (permissions, disk full)
        click.echo(f"vnie run: cannot write the output: {exc}", err=True)
        sys.exit(EXIT_FATAL)
    except Exception as exc:  # noqa: BLE001 - a bug must still end with a clear line and status 3
        click.echo(f"vnie run: internal error ({type(exc).__name__}: {exc}); rerun to continue", err=True)
        sys.exit(EXIT_FATAL)
    except KeyboardInterrupt:
        click.echo("vnie run: interrupted; finished articles are saved, rerun to continue", err=True)
        sys.exit(130)
    if summary.files == 0:
        click.echo("vnie run: warning: no .txt, .html, .htm or .jsonl file found under the inputs", err=True)
    click.echo(f"vnie run: {summary.describe()}", err=True)
    sys.exit(summary.exit_code)
