"""The sources file: which sites to crawl and how to find their articles.

```yaml
sources:
  - name: hanoimoi-yte
    feeds: ["https://hanoimoi.vn/rss/y-te.rss"]
    sitemaps: []
    start_urls: ["https://hanoimoi.vn/y-te"]
    article_pattern: "^https://hanoimoi\\.vn/.+-\\d+\\.html$"
```

Every key is checked; an unknown key, a bad URL or a regex that does not
compile is an error that names the file and the source.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .urls import canonical_url, host_key, is_http_url


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the file and every bad source."""


class CrawlSource(BaseModel):
    """One site (or one section of a site) to crawl."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    feeds: list[str] = []
    sitemaps: list[str] = []
    start_urls: list[str] = []
    # A regex over the canonical URL (see urls.canonical_url): links that match are articles.
    article_pattern: str
    # Listing pages reached from a start page (pagination, sub-sections) that are followed too.
    follow_pattern: Optional[str] = None
    # How many links away from a start page a followed listing page may be.
    max_depth: int = Field(default=1, ge=0, le=10)
    # Hints for listing pages: where the article links are (else every <a href>).
    link_css: Optional[str] = None
    link_xpath: Optional[str] = None
    # Extra host names of the same site (e.g. "www." and bare forms).
    allowed_hosts: list[str] = []
    enabled: bool = True

    @field_validator("feeds", "sitemaps", "start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        bad = [u for u in urls if not is_http_url(u)]
        if bad:
            raise ValueError(f"not an http(s) URL: {', '.join(map(repr, bad))}")
        return [canonical_url(u) for u in urls]

    @field_validator("article_pattern", "follow_pattern")
    @classmethod
    def _compiles(cls, pattern: Optional[str]) -> Optional[str]:
        if pattern is None:
            return None
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"regex does not compile: {exc}") from None
        return pattern

    @field_validator("allowed_hosts")
    @classmethod
    def _hosts(cls, hosts: list[str]) -> list[str]:
        bad = [h for h in hosts if not re.fullmatch(r"[A-Za-z0-9.-]+(:\d+)?", h)]
        if bad:
            raise ValueError(f"not a host name: {', '.join(map(repr, bad))}")
        return [h.lower() for h in hosts]

    @model_validator(mode="after")
    def _has_entry_point(self) -> "CrawlSource":
        if not (self.feeds or self.sitemaps or self.start_urls):
            raise ValueError("needs at least one of feeds, sitemaps, start_urls")
        if self.link_css and self.link_xpath:
            raise ValueError("give link_css or link_xpath, not both")
        return self

    def hosts(self) -> frozenset[str]:
        """Every host this source may fetch from: those of its URLs and ``allowed_hosts``."""
        urls = [*self.feeds, *self.sitemaps, *self.start_urls]
        return frozenset({host_key(u) for u in urls} | set(self.allowed_hosts))

    def is_article(self, url: str) -> bool:
        return re.search(self.article_pattern, url) is not None

    def is_listing(self, url: str) -> bool:
        return self.follow_pattern is not None and re.search(self.follow_pattern, url) is not None


class SourceList(BaseModel):
    """All sources of one sources file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[CrawlSource]

    def enabled(self) -> list[CrawlSource]:
        return [s for s in self.sources if s.enabled]

    def allowed_hosts(self) -> frozenset[str]:
        hosts: set[str] = set()
        for source in self.enabled():
            hosts |= source.hosts()
        return frozenset(hosts)

    def by_name(self, name: str) -> CrawlSource:
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "(source)"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def parse_sources(data: object, origin: str = "<sources>") -> SourceList:
    """Validate already-parsed YAML/JSON data; errors name ``origin`` and each bad source."""
    if not isinstance(data, dict) or set(data) != {"sources"}:
        raise SourcesError(f"{origin}: expected a mapping with exactly one key 'sources'")
    raw_sources = data["sources"]
    if not isinstance(raw_sources, list) or not raw_sources:
        raise SourcesError(f"{origin}: 'sources' must be a non-empty list")
    problems: list[str] = []
    sources: list[CrawlSource] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_sources, start=1):
        name = raw.get("name") if isinstance(raw, dict) else None
        label = f"source #{index}" + (f" ({name})" if name else "")
        try:
            source = CrawlSource.model_validate(raw)
        except ValidationError as exc:
            problems.append(f"{label}: {_describe(exc)}")
            continue
        if source.name in seen:
            problems.append(f"{label}: duplicate name {source.name!r}")
            continue
        seen.add(source.name)
        sources.append(source)
    if problems:
        raise SourcesError(f"{origin}: " + "\n  ".join(["invalid sources:", *problems]))
    return SourceList(sources=sources)


def load_sources(path: Path) -> SourceList:
    """Read and validate a sources YAML file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {exc}") from None
    return parse_sources(data, origin=str(path))
