"""Scrapy item pipeline: article outcomes into the page store and the crawl state.

A fetched page whose content fingerprint equals the stored version's is not
stored again; a different fingerprint is stored as the next version. Outcomes
are counted in the crawler stats (``vnie/new``, ``vnie/changed``, ...) and the
stored files listed in ``vnie/stored_paths``, which the round reads back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .items import FetchedPage, FetchProblem, NotModifiedPage
from .state import STATUS_FAILED, STATUS_REFUSED, CrawlState, Validators
from .storage import PageMeta, PageStore, content_fingerprint, kept_headers

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

Outcome = Union[FetchedPage, NotModifiedPage, FetchProblem]

STAT_NEW = "vnie/new"
STAT_CHANGED = "vnie/changed"
STAT_UNCHANGED = "vnie/unchanged"
STAT_NOT_MODIFIED = "vnie/not_modified"
STAT_FAILED = "vnie/article_failed_final"
STAT_REFUSED = "vnie/article_refused"
STAT_STORED_PATHS = "vnie/stored_paths"


class StorePipeline:
    """Writes new and changed pages, records every outcome."""

    def __init__(self, crawler: "Crawler") -> None:
        self.crawler = crawler
        self.store = PageStore(Path(crawler.settings.get("VNIE_CORPUS_DIR")))

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "StorePipeline":
        return cls(crawler)

    @property
    def state(self) -> CrawlState:
        return self.crawler.spider.state

    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(key)

    def process_item(self, item: Outcome) -> Outcome:
        if isinstance(item, FetchedPage):
            self._fetched(item)
        elif isinstance(item, NotModifiedPage):
            self.state.record_not_modified(item.url, item.source, item.fetched_at)
            self._count(STAT_NOT_MODIFIED)
        elif isinstance(item, FetchProblem):
            status = STATUS_REFUSED if item.refused else STATUS_FAILED
            self.state.record_problem(item.url, item.source, item.fetched_at, status=status,
                                      reason=item.reason, http_status=item.http_status)
            self._count(STAT_REFUSED if item.refused else STAT_FAILED)
        return item

    def _fetched(self, page: FetchedPage) -> None:
        headers = kept_headers(page.headers)
        validators = Validators(etag=headers.get("etag"), last_modified=headers.get("last-modified"))
        fingerprint = content_fingerprint(page.body)
        previous = self.state.page(page.url)
        if previous is not None and previous.versions and previous.content_hash == fingerprint:
            self.state.record_unchanged(page.url, page.source, page.fetched_at,
                                        http_status=page.status, validators=validators)
            self._count(STAT_UNCHANGED)
            return
        version = (previous.versions if previous is not None else 0) + 1
        meta = PageMeta(url=page.url, fetched_at=page.fetched_at, status=page.status,
                        headers=headers)
        try:
            stored = self.store.write(version, page.body, meta)
        except OSError as exc:
            # A full disk or a permission problem loses this page, not the round.
            logger.error("Cannot store %s: %s", page.url, exc)
            self.state.record_problem(page.url, page.source, page.fetched_at,
                                      status=STATUS_FAILED, reason=f"store: {exc}")
            self._count(STAT_FAILED)
            return
        relative = self.store.relative(stored.path)
        self.state.record_stored(page.url, page.source, page.fetched_at,
                                 content_hash=fingerprint, version=version, path=relative,
                                 http_status=page.status, validators=validators)
        self._count(STAT_NEW if version == 1 else STAT_CHANGED)
        paths = self.crawler.stats.get_value(STAT_STORED_PATHS) or []
        self.crawler.stats.set_value(STAT_STORED_PATHS, [*paths, relative])
        logger.info("Stored %s (%s) as %s", page.url, "new" if version == 1 else
                    f"version {version}", relative)
