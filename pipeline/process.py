"""One article through every stage: read → clean → annotate → extract → validate.

``ArticleProcessor`` is built once per worker process (rules and tagging
models load in its constructor) and turns each ``RawDocument`` into an
``ArticleRecord`` or an ``ErrorRecord``. A problem of one article never
raises out of ``process``; it becomes that article's error line.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Optional, Sequence, Union

from pydantic import ValidationError

from . import __version__
from .document import AnnotatedArticle, CleanedArticle, Extraction, RawDocument
from .language import looks_vietnamese
from .models import ArticleRecord, ErrorInfo, ErrorRecord, Event, Mention, PipelineInfo
from .read import document_id, read_path
from .rules import RuleSet

ProcessResult = Union[ArticleRecord, ErrorRecord]

# Captions follow the body in the annotated text, each after a blank line.
CAPTION_SEPARATOR = "\n\n"


class ArticleError(Exception):
    """An article that cannot become a record, with the kind of problem."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class ArticleProcessor:
    """Rules and models loaded once; ``process`` many articles."""

    def __init__(self, rules_dir: Optional[Path] = None, layers: Sequence[str] = ("pos", "ner")) -> None:
        # Stage modules are imported here, not at module level, so that light
        # commands (schema, eval, query) never load the tagging models.
        from .annotate import Annotator
        from .clean import clean
        from .extract.dates import extract_dates
        from .extract.entities import extract_entities
        from .extract.events import extract_events

        self.rules = RuleSet.load(rules_dir)
        self.version = __version__
        self.rules_sha256 = self.rules.sha256
        self._clean = clean
        # The extractors match their own rules on the text; the rule-span component (for users
        # of the spaCy pipeline) would match every rule again and its spans go nowhere.
        self._annotator = Annotator(None, layers=tuple(layers))
        self._extract_entities = extract_entities
        self._extract_dates = extract_dates
        self._extract_events = extract_events

    # -- stages -----------------------------------------------------------

    def clean(self, raw: RawDocument) -> CleanedArticle:
        cleaned = self._clean(raw, self.rules)
        if not cleaned.body.strip() and not cleaned.captions:
            raise ArticleError("no_article", "no article text found after cleaning")
        if not looks_vietnamese(cleaned.body or " ".join(cleaned.captions)):
            raise ArticleError("not_vietnamese", "the article text is not Vietnamese")
        return cleaned

    def annotate(self, cleaned: CleanedArticle) -> AnnotatedArticle:
        text = CAPTION_SEPARATOR.join([cleaned.body, *cleaned.captions])
        doc = self._annotator.annotate(text)
        return AnnotatedArticle(
            article=cleaned,
            text=text,
            body_length=len(cleaned.body),
            doc=doc,
            rules=self.rules,
            published=cleaned.published,
        )

    def extract(self, ann: AnnotatedArticle) -> Extraction:
        entities = self._extract_entities(ann)
        dates = self._extract_dates(ann)
        events = self._extract_events(ann, entities, dates)
        return Extraction(entities=entities, dates=dates, events=events)

    def assemble(self, raw: RawDocument, ann: AnnotatedArticle, extraction: Extraction) -> ArticleRecord:
        cleaned = ann.article
        limit = ann.body_length
        entities = extraction.entities
        return ArticleRecord(
            id=document_id(raw),
            source=raw.source,
            title=cleaned.title,
            published=cleaned.published or cleaned.published_month,
            authors=list(cleaned.authors),
            outlet=cleaned.outlet,
            category=cleaned.category,
            body=cleaned.body,
            captions=list(cleaned.captions),
            people=[_in_body(p, limit) for p in entities.people],
            facilities=[_in_body(f, limit) for f in entities.facilities],
            organizations=[_in_body(o, limit) for o in entities.organizations],
            dates=[_in_body(d, limit) for d in extraction.dates],
            events=[_event_in_body(e, limit) for e in extraction.events],
            warnings=_unique([*raw.warnings, *cleaned.warnings, *extraction.warnings]),
            pipeline=PipelineInfo(version=self.version, rules_sha256=self.rules_sha256),
        )

    # -- whole article ----------------------------------------------------

    def process(self, raw: RawDocument) -> ProcessResult:
        """Every stage for one article; any failure becomes an ``ErrorRecord``."""
        try:
            cleaned = self.clean(raw)
            ann = self.annotate(cleaned)
            return self.assemble(raw, ann, self.extract(ann))
        except ArticleError as exc:
            return _error(raw, exc.kind, str(exc))
        except ValidationError as exc:
            return _error(raw, "invalid_record", f"the extracted record breaks the contract: {exc}")
        except Exception as exc:  # noqa: BLE001 - one article must never stop a run
            where = traceback.extract_tb(exc.__traceback__)[-1]
            detail = f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})"
            return _error(raw, "internal", detail)

    def process_path(self, path: Path, base: Optional[Path] = None) -> list[ProcessResult]:
        return [item if isinstance(item, ErrorRecord) else self.process(item) for item in read_path(path, base)]


def _error(raw: RawDocument, kind: str, message: str) -> ErrorRecord:
    return ErrorRecord(source=raw.source, error=ErrorInfo(kind=kind, message=message))


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _body_mentions(mentions: Sequence[Mention], limit: int) -> list[Mention]:
    return [m for m in mentions if m.end <= limit]


def _in_body(item, limit: int):
    """The entity with only the mentions that lie in the body (not in captions)."""
    return item.model_copy(update={"mentions": _body_mentions(item.mentions, limit)})


def _event_in_body(event: Event, limit: int) -> Event:
    return event.model_copy(update={"evidence": [e for e in event.evidence if e.end <= limit]})
