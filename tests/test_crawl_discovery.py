"""Finding article links: RSS, Atom and sitemaps (plain and gzip), as sites publish them."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

pytest.importorskip("scrapy")

from pipeline.crawl.spider import SitemapEntries, feed_links, sitemap_entries  # noqa: E402

SITE = Path(__file__).parent / "fixtures" / "site" / "www"
ARTICLE = "https://hanoimoi.vn/phuong-long-bien-tang-cuong-hop-tac-719446.html"

RSS1 = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <item rdf:about="{ARTICLE}"><title>Phường Long Biên tăng cường hợp tác</title><link>{ARTICLE}</link></item>
</rdf:RDF>""".encode()
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Y tế</title>
  <link rel="self" href="https://hanoimoi.vn/rss/y-te.atom"/>
  <entry><title>Phường Long Biên tăng cường hợp tác</title>
    <link rel="alternate" href="{ARTICLE}"/><link rel="enclosure" href="https://hanoimoi.vn/anh.jpg"/>
  </entry>
</feed>""".encode()
RSS2_CDATA = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Y tế</title>
  <item><title><![CDATA[Phường Long Biên tăng cường hợp tác]]></title><link>
    {ARTICLE}
  </link></item></channel></rss>""".encode()


@pytest.mark.parametrize("body", [RSS1, ATOM, RSS2_CDATA], ids=["rss1", "atom", "rss2-cdata"])
def test_feed_formats(body: bytes) -> None:
    assert feed_links(body) == [ARTICLE]


def test_fixture_feed_lists_every_item() -> None:
    links = feed_links((SITE / "rss" / "tin-moi.rss").read_bytes())
    assert len(links) == 9 and all(link.startswith("{{BASE}}/") for link in links)


@pytest.mark.parametrize("body", [b"", b"<html><body><a href='/a-1.html'>a</a></body></html>"])
def test_not_a_feed_gives_no_links(body: bytes) -> None:
    assert feed_links(body) == []


URLSET = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{ARTICLE}</loc><lastmod>2025-10-24T14:21:00+07:00</lastmod></url>
</urlset>""".encode()


@pytest.mark.parametrize("body", [URLSET, gzip.compress(URLSET)], ids=["plain", "gzip"])
def test_sitemap_urlset(body: bytes) -> None:
    assert sitemap_entries(body, 10**6) == SitemapEntries(kind="urlset", locs=[ARTICLE])


def test_sitemap_index_of_the_fixture_site() -> None:
    entries = sitemap_entries((SITE / "sitemap.xml").read_bytes(), 10**6)
    assert entries == SitemapEntries(kind="sitemapindex", locs=["{{BASE}}/sitemaps/articles.xml"])


def test_unreadable_sitemaps() -> None:
    with pytest.raises(ValueError):
        sitemap_entries(b"", 10**6)
    assert sitemap_entries("<html><body>Trang chủ</body></html>".encode(), 10**6).kind == "html"
    with pytest.raises(ValueError):  # a gzip bomb stops at the size limit
        sitemap_entries(gzip.compress(b" " * 2_000_000), 1000)
