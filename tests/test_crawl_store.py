"""Crawl state, page store and URL canonicalisation, on real files and a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.crawl.state import CrawlState, Validators
from pipeline.crawl.storage import PageMeta, PageStore, content_fingerprint, kept_headers
from pipeline.crawl.urls import canonical_url, host_key, is_http_url
from pipeline.read import discover, read_path

PAGE = (Path(__file__).parent / "fixtures" / "site" / "www" / "bat-dong-san"
        / "can-ho-chung-cu-di-nguoc-lan-song-cat-lo-20221224095943188.htm")
URL = "https://dantri.com.vn/bat-dong-san/can-ho-chung-cu-di-nguoc-lan-song-cat-lo-20221224095943188.htm"


@pytest.mark.parametrize("raw, canonical", [
    ("HTTPS://Dantri.com.vn:443/bat-dong-san/can-ho-20221224095943188.htm#comments",
     "https://dantri.com.vn/bat-dong-san/can-ho-20221224095943188.htm"),
    ("https://hanoimoi.vn/y-te?utm_source=fb&page=2&fbclid=x",
     "https://hanoimoi.vn/y-te?page=2"),
    ("https://hanoimoi.vn/tim-kiem?q=y+te&a=1", "https://hanoimoi.vn/tim-kiem?a=1&q=y+te"),
    ("http://127.0.0.1:8080/tin-moi.html", "http://127.0.0.1:8080/tin-moi.html"),
    ("http://user:secret@haiphong.gov.vn/tin-tuc-su-kien/", "http://haiphong.gov.vn/tin-tuc-su-kien/"),
    ("https://haiphong.gov.vn", "https://haiphong.gov.vn/"),
    ("https://hanoimoi.vn/tin tức-sức-khỏe-719446.html",
     "https://hanoimoi.vn/tin%20t%E1%BB%A9c-s%E1%BB%A9c-kh%E1%BB%8Fe-719446.html"),
    ("https://hanoimoi.vn/tin%20t%E1%BB%A9c-719446.html", "https://hanoimoi.vn/tin%20t%E1%BB%A9c-719446.html"),
])
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


@pytest.mark.parametrize("url, ok", [
    ("https://hanoimoi.vn/y-te", True), ("http://[::1]:8080/", True),
    ("file:///etc/passwd", False), ("ftp://hanoimoi.vn/", False), ("/y-te", False),
    ("javascript:void(0)", False), ("mailto:toasoan@hanoimoi.vn", False),
])
def test_only_absolute_http_urls(url: str, ok: bool) -> None:
    assert is_http_url(url) is ok


def test_host_key_keeps_non_default_ports() -> None:
    assert host_key("http://127.0.0.1:8080/a") == "127.0.0.1:8080"
    assert host_key("https://dantri.com.vn:443/a") == "dantri.com.vn"
    assert host_key("http://[::1]:8080/a") == "[::1]:8080"


def test_fingerprint_ignores_scripts_but_not_text() -> None:
    body = PAGE.read_bytes()
    with_new_ad = body.replace(b"</body>", b"<script>var slot = 'ad-4711';</script></body>")
    edited = body.replace("cắt lỗ".encode(), "cắt giảm".encode(), 1)
    assert content_fingerprint(with_new_ad) == content_fingerprint(body)
    assert content_fingerprint(edited) != content_fingerprint(body)
    assert len(content_fingerprint(b"")) == 64


def test_page_store_layout_is_what_the_reader_reads(tmp_path: Path) -> None:
    store = PageStore(tmp_path)
    meta = PageMeta(url=URL, fetched_at="2022-12-24T04:00:00+00:00", status=200,
                    headers=kept_headers({"Content-Type": "text/html; charset=utf-8",
                                          "ETag": '"abc"', "Set-Cookie": "s=1"}))
    first = store.write(1, PAGE.read_bytes(), meta)
    second = store.write(2, PAGE.read_bytes(), meta)
    assert first.path.parent.name == "dantri.com.vn"
    assert first.path.name.endswith(".html") and "-v" not in first.path.name
    assert second.path.name == first.path.name.replace(".html", "-v2.html")
    sidecar = json.loads(first.meta_path.read_text("utf-8"))
    assert sidecar == {"url": URL, "fetched_at": "2022-12-24T04:00:00+00:00", "status": 200,
                       "headers": {"content-type": "text/html; charset=utf-8", "etag": '"abc"'}}
    assert discover(tmp_path) == sorted([first.path, second.path])
    assert not list(tmp_path.rglob(".*tmp*")), "no temporary file left behind"
    documents = read_path(first.path, base=tmp_path)
    assert len(documents) == 1
    assert documents[0].source.url == URL
    assert documents[0].fetched_at == "2022-12-24T04:00:00+00:00"


def test_state_remembers_versions_validators_and_outcomes(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with CrawlState(path) as state:
        assert not state.validators(URL)
        state.record_problem(URL, "dantri", "t1", status="failed", reason="HTTP 500",
                             http_status=500)
        assert not state.validators(URL), "a failure gives nothing to revalidate"
        state.record_stored(URL, "dantri", "t2", content_hash="h1", version=1,
                            path="dantri.com.vn/x.html", http_status=200,
                            validators=Validators(etag='"e1"', last_modified="Sat, 24 Dec 2022"))
    with CrawlState(path) as state:  # survives reopening
        page = state.page(URL)
        assert (page.first_seen, page.last_seen, page.versions, page.status) == ("t1", "t2", 1, "stored")
        assert state.validators(URL) == Validators(etag='"e1"', last_modified="Sat, 24 Dec 2022")
        state.record_not_modified(URL, "dantri", "t3")
        state.record_unchanged(URL, "dantri", "t4", http_status=200, validators=Validators(etag='"e2"'))
        page = state.page(URL)
        assert (page.last_seen, page.status, page.etag, page.last_modified) == (
            "t4", "unchanged", '"e2"', "Sat, 24 Dec 2022")
        assert page.versions == 1 and page.content_hash == "h1"
        round_id = state.start_round("t5")
        state.finish_round(round_id, "t6", "finished", "{}")


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "state.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RuntimeError, match="not a usable crawl state database"):
        CrawlState(bad)
