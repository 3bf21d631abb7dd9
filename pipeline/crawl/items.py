"""What the spider hands to the collector: one item per article request outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class FetchedPage:
    """An article page fetched in full (HTTP 200)."""

    url: str
    source: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""


@dataclass(frozen=True)
class NotModifiedPage:
    """The server answered 304 to a conditional request: nothing to fetch."""

    url: str
    source: str
    fetched_at: str = ""


@dataclass(frozen=True)
class FetchProblem:
    """An article that could not be fetched: refused (robots.txt, safety) or failed."""

    url: str
    source: str
    refused: bool
    reason: str
    http_status: Optional[int] = None
    fetched_at: str = ""
