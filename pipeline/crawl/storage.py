"""Raw pages under the corpus folder, in the layout ``vnie run`` reads.

Each version of a page is ``<corpus>/<host>/<sha1-of-url>[-v<n>].html`` (the
first version has no suffix) with a sidecar ``<same name>.meta.json``
``{"url", "fetched_at", "status", "headers"}``. Files are written to a hidden
temporary name and renamed, sidecar first, so a reader never sees a page
without its URL.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

# Response headers worth keeping next to a page: what it is and how to revalidate it.
KEPT_HEADERS = ("content-type", "content-length", "etag", "last-modified", "date",
                "content-language", "cache-control")


@dataclass(frozen=True)
class PageMeta:
    """The sidecar of one stored page."""

    url: str
    fetched_at: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps({"url": self.url, "fetched_at": self.fetched_at,
                           "status": self.status, "headers": self.headers},
                          ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class StoredPage:
    path: Path
    meta_path: Path
    version: int


def kept_headers(headers: dict[str, str]) -> dict[str, str]:
    """The subset of response headers stored in the sidecar, names lower-cased."""
    lowered = {k.lower(): v for k, v in headers.items()}
    return {name: lowered[name] for name in KEPT_HEADERS if name in lowered}


def content_fingerprint(body: bytes) -> str:
    """SHA-256 of what a reader sees, so that a page is "changed" only when its text is.

    Heuristic: scripts, styles and comments are dropped and whitespace folded
    before hashing, because sites rewrite ad and tracking scripts, nonces and
    build ids on every request. A body that does not parse as HTML is hashed
    as bytes.
    """
    try:
        tree = lxml.html.document_fromstring(body)
        etree.strip_elements(tree, "script", "style", "noscript", etree.Comment, with_tail=False)
        text = " ".join(tree.text_content().split())
        data = text.encode("utf-8")
    except (etree.ParserError, ValueError):
        data = body
    return hashlib.sha256(data).hexdigest()


def _host_dir(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "unknown-host").lower()
    if parts.port:
        host = f"{host}_{parts.port}"
    return re.sub(r"[^a-z0-9._-]", "_", host)


class PageStore:
    """Writes page versions under one corpus folder."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)

    def page_path(self, url: str, version: int) -> Path:
        if version < 1:
            raise ValueError(f"version must be >= 1, got {version}")
        stem = hashlib.sha1(url.encode("utf-8")).hexdigest()
        suffix = "" if version == 1 else f"-v{version}"
        return self.corpus_dir / _host_dir(url) / f"{stem}{suffix}.html"

    @staticmethod
    def meta_path(page_path: Path) -> Path:
        return page_path.with_name(page_path.name[: -len(".html")] + ".meta.json")

    def write(self, version: int, body: bytes, meta: PageMeta) -> StoredPage:
        """Store one version of a page (overwriting the same version if it exists)."""
        path = self.page_path(meta.url, version)
        meta_path = self.meta_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(meta_path, meta.to_json().encode("utf-8"))
        _atomic_write(path, body)
        return StoredPage(path=path, meta_path=meta_path, version=version)

    def relative(self, path: Path) -> str:
        return str(Path(path).relative_to(self.corpus_dir))


def _atomic_write(path: Path, data: bytes) -> None:
    # A hidden temporary name: discovery skips dot-files, so a half-written page is never read.
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
