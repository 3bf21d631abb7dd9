"""The spider: from feeds, sitemaps and start pages to article pages.

Entry points of every enabled source are fetched in full each round; links
that match the source's ``article_pattern`` become article requests (sent
conditionally, see ``middleware``); on start pages, links that match
``follow_pattern`` are followed as listing pages up to ``max_depth``. Article
outcomes leave the spider as items (``items``); failures of entry points are
logged and counted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterator, Optional

import scrapy
from lxml import etree
from parsel import Selector
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from .items import FetchedPage, FetchProblem, NotModifiedPage
from .middleware import META_REFUSED, META_ROLE, META_SOURCE, ROLE_ARTICLE
from .sources import CrawlSource, SourceList
from .state import CrawlState
from .urls import canonical_url, is_http_url

logger = logging.getLogger(__name__)

ROLE_FEED = "feed"
ROLE_SITEMAP = "sitemap"
ROLE_LISTING = "listing"
META_DEPTH = "vnie_depth"

# A sitemap index may point to further indexes; deeper nesting is a loop or a trap.
MAX_SITEMAP_NESTING = 3
# The sitemap protocol allows 50 MiB uncompressed, more than an article page may weigh.
SITEMAP_MAX_BYTES = 50 * 1024 * 1024
# Articles never fetched before go first, so a round cut short by its time
# limit spends its time on new articles rather than on revalidating old ones.
PRIORITY_NEW_ARTICLE = 10
GZIP_MAGIC = b"\x1f\x8b"
# Article pages are stored as .html; anything else that matches an article pattern is skipped.
HTML_CONTENT_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def feed_links(body: bytes) -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, in document order."""
    if not body.strip():
        return []
    selector = Selector(body=body, type="xml")
    selector.remove_namespaces()
    links = selector.xpath("//item/link/text()").getall()
    links += selector.xpath(
        "//entry/link[not(@rel) or @rel='alternate']/@href").getall()
    return [link.strip() for link in links if link.strip()]


@dataclass(frozen=True)
class SitemapEntries:
    """What a sitemap lists: ``kind`` is ``urlset`` or ``sitemapindex`` (else the root tag)."""

    kind: str
    locs: list[str]


def sitemap_entries(body: bytes, max_size: int) -> SitemapEntries:
    """The kind and the ``<loc>``s of a sitemap, gzip or not."""
    if body.startswith(GZIP_MAGIC):
        body = gunzip(body, max_size=max_size)
    try:
        sitemap = Sitemap(body)
    except (StopIteration, etree.XMLSyntaxError) as exc:  # no root element at all
        raise ValueError(f"empty or not XML: {exc}") from None
    return SitemapEntries(kind=sitemap.type or "",
                          locs=[entry["loc"].strip() for entry in sitemap if entry.get("loc")])


class NewsSpider(scrapy.Spider):
    """Crawls every enabled source of a sources file once."""

    name = "vnie-news"

    def __init__(self, sources: SourceList, state: CrawlState, revisit_since: str = "",
                 **kwargs: Any) -> None:
        """``revisit_since``: stored articles first seen before this UTC ISO time are
        not requested again ("" revisits every stored article)."""
        super().__init__(**kwargs)
        self.sources = sources
        self.state = state
        self.revisit_since = revisit_since
        # Old articles left alone this round; an article linked from several places counts once.
        self._not_revisited: set[str] = set()

    # -- requests ------------------------------------------------------------

    def _request(self, url: str, source: CrawlSource, role: str, callback: Any,
                 depth: int = 0) -> Request:
        meta: dict[str, Any] = {META_ROLE: role, META_SOURCE: source.name, META_DEPTH: depth}
        if role == ROLE_ARTICLE:
            # 304 answers conditional requests; it must reach the callback.
            meta["handle_httpstatus_list"] = [304]
        if role == ROLE_SITEMAP:
            meta["download_maxsize"] = SITEMAP_MAX_BYTES
        return Request(canonical_url(url), callback=callback, errback=self.on_error, meta=meta)

    def article_request(self, url: str, source: CrawlSource) -> Optional[Request]:
        """The request for an article, or None for a stored one too old to revisit.

        Heuristic: news articles change in their first days (corrections,
        updates) and rarely after, so only recently discovered articles are
        revalidated each round.
        """
        url = canonical_url(url)
        page = self.state.page(url)
        stored = page is not None and page.versions > 0
        if stored and self.revisit_since and page.first_seen < self.revisit_since:
            if url not in self._not_revisited:
                self._not_revisited.add(url)
                self.state.record_seen(url, utc_now())
                self.crawler.stats.inc_value("vnie/not_revisited")
            return None
        request = self._request(url, source, ROLE_ARTICLE, self.parse_article)
        return request if stored else request.replace(priority=PRIORITY_NEW_ARTICLE)

    async def start(self) -> AsyncIterator[Request]:
        for source in self.sources.enabled():
            for url in source.feeds:
                yield self._request(url, source, ROLE_FEED, self.parse_feed)
            for url in source.sitemaps:
                yield self._request(url, source, ROLE_SITEMAP, self.parse_sitemap)
            for url in source.start_urls:
                yield self._request(url, source, ROLE_LISTING, self.parse_listing)

    def _source_of(self, request: Request) -> CrawlSource:
        return self.sources.by_name(request.meta[META_SOURCE])

    def _article_requests(self, links: list[str], source: CrawlSource,
                          base: Response) -> Iterator[Request]:
        for link in links:
            url = base.urljoin(link)
            if is_http_url(url) and source.is_article(canonical_url(url)):
                request = self.article_request(url, source)
                if request is not None:
                    yield request

    # -- entry points --------------------------------------------------------

    def parse_feed(self, response: Response) -> Iterator[Request]:
        source = self._source_of(response.request)
        try:
            links = feed_links(response.body)
        except ValueError as exc:
            logger.warning("Feed %s of %s is not XML: %s", response.url, source.name, exc)
            return
        if not links:
            logger.warning("Feed %s of %s lists no item links (not RSS/Atom?)", response.url,
                           source.name)
        self.crawler.stats.inc_value("vnie/feed_links", len(links))
        yield from self._article_requests(links, source, response)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        source = self._source_of(response.request)
        try:
            entries = sitemap_entries(response.body, SITEMAP_MAX_BYTES)
        except (ValueError, OSError) as exc:
            logger.warning("Sitemap %s of %s cannot be read: %s", response.url, source.name, exc)
            return
        kind, locs = entries.kind, entries.locs
        if kind not in ("urlset", "sitemapindex"):
            logger.warning("Sitemap %s of %s is neither a urlset nor a sitemap index",
                           response.url, source.name)
            return
        if kind == "sitemapindex":
            depth = response.meta.get(META_DEPTH, 0)
            if depth >= MAX_SITEMAP_NESTING:
                logger.warning("Sitemap index %s nested too deep; not followed", response.url)
                return
            for loc in locs:
                if is_http_url(loc):
                    yield self._request(loc, source, ROLE_SITEMAP, self.parse_sitemap, depth + 1)
            return
        yield from self._article_requests(locs, source, response)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        source = self._source_of(response.request)
        if not hasattr(response, "css"):
            logger.warning("Start page %s of %s is not HTML", response.url, source.name)
            return
        # The hints select containers or the links themselves: take every <a href> in or at them.
        if source.link_xpath:
            links = response.xpath(source.link_xpath).xpath("descendant-or-self::a/@href").getall()
        elif source.link_css:
            links = response.css(source.link_css).xpath("descendant-or-self::a/@href").getall()
        else:
            links = response.xpath("//a/@href").getall()
        yield from self._article_requests(links, source, response)
        depth = response.meta.get(META_DEPTH, 0)
        if depth >= source.max_depth or source.follow_pattern is None:
            return
        for link in response.css("a::attr(href)").getall():
            url = response.urljoin(link)
            if is_http_url(url) and source.is_listing(canonical_url(url)):
                yield self._request(url, source, ROLE_LISTING, self.parse_listing, depth + 1)

    # -- articles ------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[FetchedPage | NotModifiedPage]:
        source = response.meta[META_SOURCE]
        url = canonical_url(response.url)
        if response.status == 304:
            yield NotModifiedPage(url=url, source=source, fetched_at=utc_now())
            return
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1")
                   for k, v in response.headers.items()}
        content_type = headers.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type and content_type not in HTML_CONTENT_TYPES:
            # A PDF or an image behind an article-like URL is not an article page.
            yield FetchProblem(url=url, source=source, refused=False,
                               reason=f"not an HTML page ({content_type})",
                               http_status=response.status, fetched_at=utc_now())
            return
        yield FetchedPage(url=url, source=source, status=response.status, body=response.body,
                          headers=headers, fetched_at=utc_now())

    def on_error(self, failure: Failure) -> Iterator[FetchProblem]:
        request: Request = failure.request
        role = request.meta.get(META_ROLE)
        source = request.meta.get(META_SOURCE, "?")
        redirected_from = request.meta.get("redirect_urls") or []
        url = canonical_url(redirected_from[0]) if redirected_from else request.url
        refused_reason: Optional[str] = request.meta.get(META_REFUSED)
        http_status: Optional[int] = None
        if failure.check(HttpError):
            # HttpError is an IgnoreRequest too, but the server did answer: a failure.
            http_status = failure.value.response.status
            reason = f"HTTP {http_status}"
        else:
            if refused_reason is None and failure.check(IgnoreRequest):
                # RobotsTxtMiddleware raises IgnoreRequest for disallowed URLs.
                refused_reason = str(failure.value) or "ignored"
            reason = refused_reason or f"{failure.type.__name__}: {failure.getErrorMessage()}"
        stats = self.crawler.stats
        if refused_reason is None:
            stats.inc_value(f"vnie/{role}_failed")
            logger.warning("Fetching %s (%s of %s) failed: %s", url, role, source, reason)
        if role != ROLE_ARTICLE:
            return
        yield FetchProblem(url=url, source=source, refused=refused_reason is not None,
                           reason=reason, http_status=http_status, fetched_at=utc_now())
