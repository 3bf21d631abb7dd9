"""What the crawler may fetch: allowed hosts, http(s) only, no private addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("scrapy")

from scrapy import Request  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from pipeline.crawl.middleware import (  # noqa: E402
    RefusedRequest,
    SafetyMiddleware,
    address_is_public,
)
from pipeline.crawl.round import RoundConfig, crawl_settings  # noqa: E402
from pipeline.crawl.sources import load_sources  # noqa: E402

ALLOWED = ["hanoimoi.vn", "dantri.com.vn", "127.0.0.1:8080", "10.1.2.3", "203.119.8.1",
           "localhost:8080"]


def middleware(allow_private: bool) -> SafetyMiddleware:
    crawler = get_crawler(settings_dict={"VNIE_ALLOWED_HOSTS": ALLOWED,
                                         "VNIE_ALLOW_PRIVATE": allow_private})
    return SafetyMiddleware(crawler)


@pytest.mark.parametrize("url, refusal", [
    ("https://hanoimoi.vn/y-te", None),
    ("https://203.119.8.1/tin-tuc", None),
    ("file:///etc/passwd", "scheme 'file' is not http(s)"),
    ("ftp://hanoimoi.vn/rss", "scheme 'ftp' is not http(s)"),
    ("data:text/html,<h1>x</h1>", "scheme 'data' is not http(s)"),
    ("https://baomoi.com/y-te.epi", "host 'baomoi.com' is not named in the sources"),
    ("https://www.hanoimoi.vn/y-te", "host 'www.hanoimoi.vn' is not named in the sources"),
    ("http://hanoimoi.vn.evil.example/y-te", "is not named in the sources"),
    ("http://127.0.0.1:8081/", "host '127.0.0.1:8081' is not named in the sources"),
    ("http://127.0.0.1:8080/tin-moi.html", "private, loopback or reserved address"),
    ("http://10.1.2.3/", "private, loopback or reserved address"),
    # A name is resolved: one that points at this machine is refused like the address.
    ("http://localhost:8080/tin-moi.html", "host 'localhost' has a private, loopback"),
])
def test_refusals_without_allow_private(url: str, refusal: str | None) -> None:
    reason = middleware(allow_private=False).refusal(url)
    if refusal is None:
        assert reason is None
    else:
        assert reason is not None and refusal in reason


def test_allow_private_lets_loopback_through_but_not_other_hosts() -> None:
    safety = middleware(allow_private=True)
    assert safety.refusal("http://127.0.0.1:8080/tin-moi.html") is None
    assert safety.refusal("http://localhost:8081/tin-moi.html") is not None
    assert safety.refusal("file:///etc/passwd") is not None


def test_refused_redirect_names_where_it_came_from() -> None:
    request = Request("https://baomoi.com/tin-tuc.epi",
                      meta={"redirect_urls": ["https://hanoimoi.vn/bai-719446.html"]})
    with pytest.raises(RefusedRequest, match="redirect from https://hanoimoi.vn/bai-719446.html"):
        middleware(allow_private=False).process_request(request)


@pytest.mark.parametrize("address, public", [
    ("203.119.8.1", True), ("2001:4860:4860::8888", True),
    ("127.0.0.1", False), ("10.0.0.1", False), ("172.16.5.4", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
])
def test_address_ranges(address: str, public: bool) -> None:
    assert address_is_public(address) is public


def test_default_settings_are_polite() -> None:
    sources = load_sources(Path(__file__).resolve().parent.parent / "sources.yaml")
    config = RoundConfig(sources_path="sources.yaml", corpus_dir="corpus/crawl",
                         state_path="corpus/crawl/.crawl-state.sqlite")
    settings = crawl_settings(config, sources.allowed_hosts())
    assert settings["ROBOTSTXT_OBEY"] is True
    assert settings["CONCURRENT_REQUESTS_PER_DOMAIN"] == 1
    assert settings["DOWNLOAD_DELAY"] >= 1 and settings["AUTOTHROTTLE_ENABLED"] is True
    assert settings["RETRY_TIMES"] >= 1 and settings["DOWNLOAD_TIMEOUT"] <= 60
    assert 0 < settings["DOWNLOAD_MAXSIZE"] <= 10 * 1024 * 1024
    assert settings["USER_AGENT"].startswith("vnie-crawler/")
    assert settings["VNIE_ALLOW_PRIVATE"] is False
    assert settings["DOWNLOAD_HANDLERS"]["file"] is None


@pytest.mark.parametrize("address, refused", [
    ("203.119.8.1", False), ("127.0.0.1", True), ("192.168.0.10", True), ("169.254.169.254", True),
])
def test_resolver_refuses_private_answers(address: str, refused: bool) -> None:
    from twisted.internet.error import DNSLookupError

    from pipeline.crawl.resolver import checked_address

    if refused:
        with pytest.raises(DNSLookupError, match="private, loopback or reserved"):
            checked_address(address, "rebinding.example")
    else:
        assert checked_address(address, "hanoimoi.vn") == address
