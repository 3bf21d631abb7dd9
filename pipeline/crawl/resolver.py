"""DNS resolution that never hands a private address to the downloader.

The safety middleware refuses a host whose name resolves to a private,
loopback or reserved address before the request is queued; this resolver
checks again at connection time, so a name that changes its answer between
the two (DNS rebinding) still cannot reach an internal address. Used unless
``VNIE_ALLOW_PRIVATE`` is set.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Sequence

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from .middleware import address_is_public

if TYPE_CHECKING:
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


def checked_address(address: str, name: str) -> str:
    """``address`` when it is public; else a DNS error naming host and address."""
    if not address_is_public(address):
        message = f"{name} resolves to {address}, a private, loopback or reserved address"
        # Twisted replaces the error's text by a generic one; the log keeps the reason.
        logger.warning("Refused connection: %s", message)
        raise DNSLookupError(f"{message}: refused")
    return address


class PublicAddressResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing non-public answers."""

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> "PublicAddressResolver":
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = crawler.settings.getbool("VNIE_ALLOW_PRIVATE")
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> "Deferred[str]":  # noqa: N802
        result = super().getHostByName(name, timeout)
        if not getattr(self, "allow_private", False):
            result.addCallback(checked_address, name)
        return result
