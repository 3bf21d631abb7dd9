"""One crawl round: every enabled source once, with Scrapy, in a child process.

A Twisted reactor starts only once per process, so each round runs in a fresh
``python -m pipeline.crawl.round`` child: ``run_round(config)`` starts it and
reads back its ``RoundSummary``; the child runs ``run_round_here``. A round
that crashes costs that round only.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

from .. import __version__
from .sources import load_sources
from .state import CrawlState

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = (f"vnie-crawler/{__version__} (health news research crawler; "
                      "obeys robots.txt; one request at a time per host)")


@dataclass(frozen=True)
class RoundConfig:
    """Everything a round needs; JSON-serialisable so it can cross into the child."""

    sources_path: str
    corpus_dir: str
    state_path: str
    allow_private: bool = False
    # Politeness defaults: a site sees one request at a time, at least `delay` seconds apart.
    delay: float = 2.0
    timeout: float = 30.0
    max_page_bytes: int = 5 * 1024 * 1024
    retries: int = 2
    retry_backoff: float = 5.0
    user_agent: str = DEFAULT_USER_AGENT
    # A round never runs longer than this (seconds); what it stored is kept.
    round_timeout: float = 3600.0
    # Stored articles first seen within this many days are revalidated every round.
    revisit_days: float = 7.0
    log_level: str = "WARNING"

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "RoundConfig":
        return cls(**json.loads(text))


@dataclass(frozen=True)
class RoundSummary:
    """What one round did. ``stored_paths`` are relative to the corpus folder."""

    started_at: str
    finished_at: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    not_modified: int = 0
    not_revisited: int = 0
    failed: int = 0
    refused: int = 0
    entry_points_failed: int = 0
    conditional_requests: int = 0
    responses: int = 0
    finish_reason: str = ""
    stored_paths: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.changed

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "RoundSummary":
        return cls(**json.loads(text))

    def line(self) -> str:
        return (f"new {self.new}, changed {self.changed}, unchanged {self.unchanged}, "
                f"not modified {self.not_modified}, not revisited {self.not_revisited}, "
                f"failed {self.failed}, "
                f"refused {self.refused}, entry points failed {self.entry_points_failed}")


class RoundFailed(RuntimeError):
    """The round's child process died without a summary."""


def crawl_settings(config: RoundConfig, allowed_hosts: frozenset[str]) -> dict[str, Any]:
    """Scrapy settings for one round: polite and safe by default."""
    from .middleware import DOWNLOADER_MIDDLEWARES

    throttle = config.delay > 0  # --delay 0 is for tests on loopback only
    return {
        "BOT_NAME": "vnie",
        "USER_AGENT": config.user_agent,
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": config.delay,
        # Delays vary by +-50% so requests do not arrive on a fixed beat.
        "DOWNLOAD_DELAY_JITTER": 0.5 if throttle else 0.0,
        "AUTOTHROTTLE_ENABLED": throttle,
        "AUTOTHROTTLE_START_DELAY": max(config.delay, 1.0),
        "AUTOTHROTTLE_MAX_DELAY": 60.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "RETRY_ENABLED": config.retries > 0,
        "RETRY_TIMES": config.retries,
        "VNIE_RETRY_BACKOFF": config.retry_backoff,
        "DOWNLOAD_TIMEOUT": config.timeout,
        "DOWNLOAD_MAXSIZE": config.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,  # one limit, one message: the maximum
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        # Only http(s) can be fetched at all; the safety middleware refuses the rest first.
        "DOWNLOAD_HANDLERS": {"file": None, "data": None, "s3": None, "ftp": None},
        "DOWNLOADER_MIDDLEWARES": DOWNLOADER_MIDDLEWARES,
        "TWISTED_DNS_RESOLVER": "pipeline.crawl.resolver.PublicAddressResolver",
        "ITEM_PIPELINES": {"pipeline.crawl.collect.StorePipeline": 300},
        "CLOSESPIDER_TIMEOUT": config.round_timeout,
        "LOG_LEVEL": config.log_level,
        "VNIE_ALLOWED_HOSTS": sorted(allowed_hosts),
        "VNIE_ALLOW_PRIVATE": config.allow_private,
        "VNIE_CORPUS_DIR": config.corpus_dir,
    }


def revisit_cutoff(revisit_days: float) -> str:
    """UTC ISO time before which stored articles are not revisited."""
    cutoff = datetime.now(timezone.utc) - timedelta(days=revisit_days)
    return cutoff.isoformat(timespec="seconds")


def run_round_here(config: RoundConfig) -> RoundSummary:
    """Run one round in this process (starts the reactor: once per process)."""
    from scrapy.crawler import CrawlerProcess

    from . import collect
    from .spider import NewsSpider, utc_now

    sources = load_sources(Path(config.sources_path))
    Path(config.corpus_dir).mkdir(parents=True, exist_ok=True)
    started_at = utc_now()
    with CrawlState(Path(config.state_path)) as state:
        round_id = state.start_round(started_at)
        process = CrawlerProcess(crawl_settings(config, sources.allowed_hosts()))
        crawler = process.create_crawler(NewsSpider)
        process.crawl(crawler, sources=sources, state=state,
                      revisit_since=revisit_cutoff(config.revisit_days))
        process.start()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        summary = RoundSummary(
            started_at=started_at,
            finished_at=utc_now(),
            new=stats.get(collect.STAT_NEW, 0),
            changed=stats.get(collect.STAT_CHANGED, 0),
            unchanged=stats.get(collect.STAT_UNCHANGED, 0),
            not_modified=stats.get(collect.STAT_NOT_MODIFIED, 0),
            not_revisited=stats.get("vnie/not_revisited", 0),
            failed=stats.get(collect.STAT_FAILED, 0),
            # Refused by the safety rules or by robots.txt, whatever the page's role.
            refused=stats.get("vnie/refused", 0) + stats.get("robotstxt/forbidden", 0),
            entry_points_failed=sum(stats.get(f"vnie/{role}_failed", 0)
                                    for role in ("feed", "sitemap", "listing")),
            conditional_requests=stats.get("vnie/conditional_requests", 0),
            responses=stats.get("downloader/response_count", 0),
            finish_reason=str(stats.get("finish_reason", "")),
            stored_paths=list(stats.get(collect.STAT_STORED_PATHS, [])),
        )
        state.finish_round(round_id, summary.finished_at, summary.finish_reason,
                           summary.to_json())
    return summary


def run_round(config: RoundConfig, python: Optional[str] = None) -> RoundSummary:
    """Run one round in a child process and return its summary.

    The child's log goes to this process's stderr. Raises ``RoundFailed`` when
    the child exits without writing a summary.
    """
    with tempfile.TemporaryDirectory(prefix="vnie-round-") as tmp:
        config_path = Path(tmp) / "config.json"
        summary_path = Path(tmp) / "summary.json"
        config_path.write_text(config.to_json(), encoding="utf-8")
        command = [python or sys.executable, "-m", "pipeline.crawl.round",
                   "--config", str(config_path), "--summary", str(summary_path)]
        try:
            # The round stops itself after round_timeout; this is for a child that hangs anyway.
            completed = subprocess.run(command, env=os.environ.copy(), check=False,
                                       timeout=config.round_timeout + 600)
        except subprocess.TimeoutExpired:
            raise RoundFailed(f"crawl round still running {config.round_timeout + 600:.0f} s "
                              "after it started; killed") from None
        if not summary_path.exists():
            raise RoundFailed(f"crawl round exited with code {completed.returncode} "
                              "without a summary (see the log above)")
        return RoundSummary.from_json(summary_path.read_text(encoding="utf-8"))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.crawl.round",
                                     description="Run one crawl round (used by vnie crawl).")
    parser.add_argument("--config", required=True, type=Path)
    parser.add_argument("--summary", required=True, type=Path)
    args = parser.parse_args(argv)
    config = RoundConfig.from_json(args.config.read_text(encoding="utf-8"))
    try:
        summary = run_round_here(config)
    except Exception as exc:  # noqa: BLE001 - reported in one line; the parent decides
        print(f"crawl round failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    args.summary.write_text(summary.to_json(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
