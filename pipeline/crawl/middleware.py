"""Downloader middlewares: what may be fetched, conditional requests, retry backoff.

- ``SafetyMiddleware`` (runs first, before robots.txt is even asked): only
  ``http``/``https`` URLs of the hosts named in the sources file, and no
  private, loopback or link-local address unless ``VNIE_ALLOW_PRIVATE`` is set.
  A redirect is a new request, so a redirect to another host is refused here
  too, and logged.
- ``ConditionalRequestMiddleware``: article requests carry ``If-None-Match`` /
  ``If-Modified-Since`` from the crawl state.
- ``RetryBackoffMiddleware``: a retried request waits ``base * 2**(n-1)``
  seconds (capped) before it is sent again; Scrapy's retry resends at once.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from typing import TYPE_CHECKING, Optional

from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from .urls import HTTP_SCHEMES, host_key

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# Request.meta keys set by the spider.
META_ROLE = "vnie_role"          # "article", "listing", "feed", "sitemap"
META_SOURCE = "vnie_source"      # the source name
META_REFUSED = "vnie_refused"    # why the safety middleware refused it
ROLE_ARTICLE = "article"


class RefusedRequest(IgnoreRequest):
    """A request the safety rules do not allow; the message says why."""


def address_is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global


def host_addresses(host: str) -> list[str]:
    """The addresses a host name resolves to (the host itself when it is an address)."""
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({info[4][0] for info in infos})


class SafetyMiddleware:
    """Refuses every request outside the allowed hosts, schemes and address ranges."""

    def __init__(self, crawler: "Crawler") -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.allowed_hosts = frozenset(settings.getlist("VNIE_ALLOWED_HOSTS"))
        self.allow_private = settings.getbool("VNIE_ALLOW_PRIVATE")
        # Per-round cache of host -> is every address public (None: does not resolve).
        self._public_by_host: dict[str, Optional[bool]] = {}

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "SafetyMiddleware":
        return cls(crawler)

    def refusal(self, url: str) -> Optional[str]:
        """Why ``url`` may not be fetched, or None when it may."""
        scheme = url.split(":", 1)[0].lower()
        if scheme not in HTTP_SCHEMES:
            return f"scheme {scheme!r} is not http(s)"
        host = host_key(url)
        if host not in self.allowed_hosts:
            return f"host {host!r} is not named in the sources"
        if self.allow_private:
            return None
        hostname = (urlsplit(url).hostname or "").lower()
        if hostname not in self._public_by_host:
            try:
                addresses = host_addresses(hostname)
                self._public_by_host[hostname] = all(address_is_public(a) for a in addresses)
            except (OSError, ValueError):
                # Unresolvable: let the download fail with its own DNS error.
                self._public_by_host[hostname] = None
        if self._public_by_host[hostname] is False:
            return f"host {hostname!r} has a private, loopback or reserved address"
        return None

    def process_request(self, request: Request) -> None:
        reason = self.refusal(request.url)
        if reason is None:
            return None
        redirected_from = request.meta.get("redirect_urls")
        if redirected_from:
            reason = f"redirect from {redirected_from[0]} refused: {reason}"
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("vnie/refused")
        logger.warning("Refused %s: %s", request.url, reason)
        request.meta[META_REFUSED] = reason
        raise RefusedRequest(reason)


class ConditionalRequestMiddleware:
    """Adds the stored validators of an article page to its request."""

    def __init__(self, crawler: "Crawler") -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "ConditionalRequestMiddleware":
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get(META_ROLE) != ROLE_ARTICLE:
            return None
        state = getattr(self.crawler.spider, "state", None)
        if state is None:
            return None
        validators = state.validators(request.url)
        if validators.etag and b"If-None-Match" not in request.headers:
            request.headers[b"If-None-Match"] = validators.etag
        if validators.last_modified and b"If-Modified-Since" not in request.headers:
            request.headers[b"If-Modified-Since"] = validators.last_modified
        if validators and self.crawler.stats is not None:
            self.crawler.stats.inc_value("vnie/conditional_requests")
        return None


class RetryBackoffMiddleware:
    """Waits before a retried request goes out: exponential backoff, capped."""

    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: "Crawler") -> "RetryBackoffMiddleware":
        settings = crawler.settings
        return cls(settings.getfloat("VNIE_RETRY_BACKOFF", 2.0),
                   settings.getfloat("VNIE_RETRY_BACKOFF_MAX", 60.0))

    async def process_request(self, request: Request) -> None:
        attempt = int(request.meta.get("retry_times", 0))
        if attempt <= 0 or self.base <= 0:
            return None
        delay = min(self.cap, self.base * 2 ** (attempt - 1))
        # Imported here: importing the reactor at module level would install
        # the default one before Scrapy installs the configured reactor.
        from twisted.internet import reactor

        await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return None


# Priorities in DOWNLOADER_MIDDLEWARES: safety before OffsiteMiddleware (50) and
# RobotsTxtMiddleware (100); conditional headers and backoff just before retry (550).
DOWNLOADER_MIDDLEWARES = {
    f"{__name__}.SafetyMiddleware": 40,
    f"{__name__}.ConditionalRequestMiddleware": 540,
    f"{__name__}.RetryBackoffMiddleware": 545,
}

__all__ = ["DOWNLOADER_MIDDLEWARES", "META_REFUSED", "META_ROLE", "META_SOURCE", "ROLE_ARTICLE",
           "RefusedRequest", "SafetyMiddleware", "ConditionalRequestMiddleware",
           "RetryBackoffMiddleware", "address_is_public", "host_addresses"]
