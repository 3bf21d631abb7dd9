"""``vnie crawl``: fetch new articles of the sites in a sources file into a corpus folder."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from typing import Optional

import click

from ..crawl.handoff import ProcessingUnavailable, process_corpus
from ..crawl.lock import CrawlLocked, corpus_lock
from ..crawl.round import DEFAULT_USER_AGENT, RoundConfig, RoundFailed, RoundSummary, run_round
from ..crawl.schedule import parse_duration, run_every
from ..crawl.sources import SourcesError, load_sources

STATE_FILE_NAME = ".crawl-state.sqlite"


def _scrapy_available() -> bool:
    try:
        import scrapy  # noqa: F401
    except ImportError:
        return False
    return True


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _report_round(number: int, summary: RoundSummary) -> None:
    click.echo(f"crawl round {number}: {summary.line()}", err=True)


class ProcessingFailed(RuntimeError):
    """The pipeline run after a round failed; the crawled pages stay in the corpus."""


def _process(corpus: Path, output: Path) -> int:
    try:
        summary = process_corpus(corpus, output)
    except ProcessingUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - any batch failure is reported, the crawl is kept
        raise ProcessingFailed(f"processing {corpus} into {output} failed: "
                               f"{type(exc).__name__}: {exc}") from exc
    click.echo(f"process: processed {summary.processed}, skipped {summary.skipped}, "
               f"replaced {summary.replaced}, failed {summary.failed}", err=True)
    return summary.exit_code


@click.command("crawl")
@click.option("--sources", "sources_path", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file naming the sites: feeds, sitemaps, start pages, article URL pattern.")
@click.option("--corpus", "corpus", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder the pages are stored in (<host>/<sha1>.html + .meta.json).")
@click.option("--state", "state_path", type=click.Path(dir_okay=False, path_type=Path),
              help=f"SQLite crawl state [default: <corpus>/{STATE_FILE_NAME}].")
@click.option("--once", is_flag=True, help="Run one round, then exit (the default).")
@click.option("--every", "every", metavar="DURATION",
              help="Keep running, one round every DURATION (90s, 30m, 2h, 1d).")
@click.option("--max-rounds", type=click.IntRange(min=1),
              help="With --every: stop after this many rounds.")
@click.option("--process", "process", is_flag=True,
              help="After each round that stored pages, run the pipeline on what is new.")
@click.option("-o", "--output", "output", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder of --process (articles.jsonl, errors.jsonl).")
@click.option("--allow-private", is_flag=True,
              help="Allow private and loopback addresses (for testing against a local server).")
@click.option("--delay", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds between requests to one host; 0 also turns AutoThrottle off.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds before a request is abandoned.")
@click.option("--max-page-bytes", type=click.IntRange(min=1024), default=5 * 1024 * 1024,
              show_default=True, help="Larger pages are not downloaded.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Retries of a timed-out or 5xx request.")
@click.option("--retry-backoff", type=click.FloatRange(min=0), default=5.0, show_default=True,
              help="Seconds before the first retry; doubles on each further retry.")
@click.option("--revisit-days", type=click.FloatRange(min=0), default=7.0, show_default=True,
              help="Stored articles first seen within this many days are revalidated each "
                   "round; older ones are not requested again.")
@click.option("--user-agent", default=DEFAULT_USER_AGENT, show_default=False,
              help="User-Agent header (put a contact address in it for production crawls).")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def command(sources_path: Path, corpus: Path, state_path: Optional[Path], once: bool,
            every: Optional[str], max_rounds: Optional[int], process: bool,
            output: Optional[Path], allow_private: bool, delay: float, timeout: float,
            max_page_bytes: int, retries: int, retry_backoff: float, revisit_days: float,
            user_agent: str,
            verbose: int) -> None:
    """Crawl the sites of a sources file; every new article is stored once.

    A page already stored with the same content is not stored again (conditional
    requests with ETag / Last-Modified); a changed page is stored as a new version.
    Only the hosts named in the sources are fetched, robots.txt is obeyed and a
    host sees one request at a time.
    """
    if once and every:
        raise click.UsageError("give --once or --every, not both")
    if max_rounds is not None and not every:
        raise click.UsageError("--max-rounds goes with --every")
    if process and output is None:
        raise click.UsageError("--process needs -o/--output")
    if output is not None and not process:
        raise click.UsageError("-o/--output goes with --process")
    if output is not None and output.resolve().is_relative_to(corpus.resolve()):
        # The output's .jsonl files would be read back as crawled input.
        raise click.UsageError("-o/--output must not be inside the --corpus folder")
    interval: Optional[float] = None
    if every:
        try:
            interval = parse_duration(every)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from None
    if not _scrapy_available():
        raise click.ClickException("crawling needs Scrapy: pip install 'vnie[crawl]'")
    try:
        sources = load_sources(sources_path)
    except SourcesError as exc:
        raise click.ClickException(str(exc)) from None
    if not sources.enabled():
        raise click.ClickException(f"{sources_path}: no enabled source")

    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    corpus.mkdir(parents=True, exist_ok=True)
    config = RoundConfig(
        sources_path=str(sources_path.resolve()), corpus_dir=str(corpus.resolve()),
        state_path=str((state_path or corpus / STATE_FILE_NAME).resolve()),
        allow_private=allow_private, delay=delay, timeout=timeout,
        max_page_bytes=max_page_bytes, retries=retries, retry_backoff=retry_backoff,
        revisit_days=revisit_days,
        user_agent=user_agent, log_level=["WARNING", "INFO", "DEBUG"][min(verbose, 2)],
    )

    def one_round(number: int) -> int:
        summary = run_round(config)
        _report_round(number, summary)
        if process:
            return _process(corpus, output)
        return 0

    try:
        with corpus_lock(corpus):
            if interval is None:
                sys.exit(one_round(1))
            # systemd and `kill` stop the schedule with SIGTERM: end like Ctrl-C.
            signal.signal(signal.SIGTERM, _raise_interrupt)
            report = run_every(interval, one_round, max_rounds=max_rounds)
    except (CrawlLocked, RoundFailed, ProcessingUnavailable, ProcessingFailed) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"crawl: {report.rounds} round(s), {report.failed_rounds} failed, "
               f"stopped by {report.stopped_by}", err=True)
    sys.exit(1 if report.failed_rounds and report.failed_rounds == report.rounds else 0)
