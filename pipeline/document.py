"""Typed values that flow between the stages: read -> clean -> annotate -> extract.

Nothing crosses a stage boundary as a tuple or a bare dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .models import DateMention, Event, Facility, Organization, Person, Source
from .rules import RuleSet


@dataclass(frozen=True)
class RawDocument:
    """One article as read: decoded, normalised text or HTML, and where it came from.

    ``content`` is the normalised text of the input (NFC, one tone convention,
    LF line endings). ``kind`` says how to clean it: ``text`` (a plain-text dump
    of a page, or a text file whose body is a CMS HTML fragment, which the
    cleaner recognises by its shape) or ``html`` (a full page).
    """

    source: Source
    content: str
    kind: str
    fetched_at: Optional[str] = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanedArticle:
    """The article's own text and the metadata taken out of it."""

    body: str
    title: Optional[str] = None
    published: Optional[str] = None
    published_month: Optional[str] = None  # YYYY-MM when the source gives only the month of publication
    authors: tuple[str, ...] = ()
    outlet: Optional[str] = None
    category: Optional[str] = None
    captions: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entities:
    """People, facilities and organizations of one article, ids assigned."""

    people: list[Person] = field(default_factory=list)
    facilities: list[Facility] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)


@dataclass(frozen=True)
class Extraction:
    """Everything the extractors found in one article."""

    entities: Entities
    dates: list[DateMention]
    events: list[Event]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnotatedArticle:
    """A cleaned article with its annotated text, the input of every extractor.

    ``text`` is the body followed by the captions (each after a blank line), so
    that names in captions are seen too; ``doc.text == text``. Offsets below
    ``body_length`` are offsets into the body; a mention that lies in the
    caption part is dropped from ``mentions`` when the record is assembled.
    ``doc`` is a spaCy ``Doc`` (typed loosely so this module does not import
    spaCy).
    """

    article: CleanedArticle
    text: str
    body_length: int
    doc: object
    rules: RuleSet
    published: Optional[str] = None

