"""The sources file: the example in the repository, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.crawl.sources import SourcesError, load_sources, parse_sources

EXAMPLE = Path(__file__).resolve().parent.parent / "sources.yaml"


def test_example_sources_file_loads() -> None:
    sources = load_sources(EXAMPLE)
    names = [s.name for s in sources.sources]
    assert "hanoimoi-yte" in names and "haiphong-portal" in names
    assert "hanoimoi.vn" in sources.allowed_hosts()
    for source in sources.enabled():
        assert source.hosts(), source.name


@pytest.mark.parametrize("name, url, is_article", [
    # Article URLs shaped like the og:url of the development corpus pages; section pages.
    ("dantri-suc-khoe", "https://dantri.com.vn/suc-khoe/"
     "tre-bi-cum-co-the-uong-tamiflu-tai-nha-khong-20250221155400123.htm", True),
    ("dantri-suc-khoe", "https://dantri.com.vn/suc-khoe.htm", False),
    ("dantri-suc-khoe", "https://dantri.com.vn/the-gioi/5-vu-khi-dang-chu-y-trong-goi-vien-tro-"
     "moi-cua-my-cho-ukraine-20221223144734383.htm", False),
    ("hanoimoi-yte", "https://hanoimoi.vn/phuong-long-bien-tang-cuong-hop-tac-phuc-vu-tot-hon-"
     "nhu-cau-cham-soc-suc-khoe-cua-nhan-dan-719446.html", True),
    ("hanoimoi-yte", "https://hanoimoi.vn/y-te", False),
    ("haiphong-portal", "https://haiphong.gov.vn/tin-tuc-su-kien/pho-chu-tich-ubnd-thanh-pho-"
     "tham-tang-qua-nganh-y-te-nhan-ngay-thay-thuoc-viet-nam-725211.html", True),
    ("haiphong-portal", "https://haiphong.gov.vn/tin-tuc-su-kien/", False),
])
def test_article_patterns_tell_articles_from_listings(name: str, url: str, is_article: bool) -> None:
    source = load_sources(EXAMPLE).by_name(name)
    assert source.is_article(url) is is_article


MINIMAL = {"name": "hanoimoi-yte", "feeds": ["https://hanoimoi.vn/rss/y-te.rss"],
           "article_pattern": r"^https://hanoimoi\.vn/.+-\d+\.html$"}


@pytest.mark.parametrize("change, message", [
    ({"feeds": ["file:///etc/passwd"]}, "not an http(s) URL"),
    ({"start_urls": ["ftp://hanoimoi.vn/y-te"]}, "not an http(s) URL"),
    ({"article_pattern": "^https://hanoimoi\\.vn/(.+"}, "regex does not compile"),
    ({"feeds": []}, "at least one of feeds, sitemaps, start_urls"),
    ({"rss": ["https://hanoimoi.vn/rss/y-te.rss"]}, "rss: Extra inputs are not permitted"),
    ({"name": "Hà Nội Mới"}, "name"),
    ({"link_css": "article", "link_xpath": "//article"}, "not both"),
])
def test_bad_source_is_named_in_the_error(change: dict, message: str) -> None:
    other = {**MINIMAL, "name": "dantri-suc-khoe",
             "feeds": ["https://dantri.com.vn/rss/suc-khoe.rss"]}
    with pytest.raises(SourcesError) as error:
        parse_sources({"sources": [other, {**MINIMAL, **change}]}, origin="sources.yaml")
    text = str(error.value)
    assert text.startswith("sources.yaml: ")
    assert "source #2" in text and message in text
    assert "source #1" not in text


def test_duplicate_names_and_empty_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="duplicate name 'hanoimoi-yte'"):
        parse_sources({"sources": [MINIMAL, MINIMAL]})
    empty = tmp_path / "sources.yaml"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(SourcesError, match="exactly one key 'sources'"):
        load_sources(empty)
    broken = tmp_path / "broken.yaml"
    broken.write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="not valid YAML"):
        load_sources(broken)
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "missing.yaml")


def test_urls_are_canonical_and_hosts_include_extra_names() -> None:
    source = parse_sources({"sources": [{
        **MINIMAL, "start_urls": ["HTTPS://HANOIMOI.VN:443/y-te#top"],
        "allowed_hosts": ["www.hanoimoi.vn"]}]}).sources[0]
    assert source.start_urls == ["https://hanoimoi.vn/y-te"]
    assert source.hosts() == frozenset({"hanoimoi.vn", "www.hanoimoi.vn"})
