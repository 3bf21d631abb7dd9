"""One article's page: its body with what was extracted highlighted, and why.

The body is rendered by spaCy's displaCy (manual ``ent`` style) with people,
facilities, organizations, dates and event triggers marked; the events
follow as a table with their participants and the evidence sentence the
extractor based them on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError

from ..models import ArticleRecord
from .tables import LoadIssue, OutputFolderError, articles_path, iter_records, records_of_lines

# Highlight labels and their colours (shared by the page legend).
LABEL_COLOURS = {
    "PERSON": "#f7c6c7",
    "FACILITY": "#b5e3c7",
    "ORG": "#c9d7f8",
    "DATE": "#fde7a9",
    "EVENT": "#f2b36b",
}
_ROLE_ORDER = ("party", "signatory", "visitor", "host", "giver", "recipient", "organizer", "speaker", "attendee")


@dataclass(frozen=True)
class Highlight:
    """One highlighted span of the body."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class ParticipantRow:
    role: str
    name: str
    entity: str


@dataclass(frozen=True)
class EventRow:
    """One event as the page's table shows it."""

    event_id: str
    type: str
    trigger: str
    name: Optional[str]
    date: Optional[str]
    part_of_day: Optional[str]
    location: Optional[str]
    participants: list[ParticipantRow]
    attributes: dict[str, object]
    evidence: list[str]
    rules: list[str]


@dataclass(frozen=True)
class ArticlePage:
    """Everything the article template needs."""

    record: ArticleRecord
    body_html: str
    events: list[EventRow]
    counts: dict[str, int]
    back_link: Optional[str] = None
    colours: dict[str, str] = field(default_factory=lambda: dict(LABEL_COLOURS))


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    """Jinja2 templates shipped in ``pipeline/query/templates``; one shared
    environment, so each template is compiled once per process."""
    return Environment(loader=PackageLoader("pipeline.query", "templates"),
                       autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)


def _trigger_span(record: ArticleRecord, event) -> Optional[Highlight]:
    """Where the trigger word sits: inside its evidence when it is there."""
    trigger = event.trigger.casefold()
    if not trigger:
        return None
    body = record.body.casefold()
    for evidence in event.evidence:
        start = body.find(trigger, evidence.start, evidence.end)
        if start != -1:
            return Highlight(start, start + len(trigger), "EVENT")
    return None


def highlights(record: ArticleRecord) -> list[Highlight]:
    """Non-overlapping spans to highlight, earliest first.

    displaCy's ``ent`` style cannot nest marks; when spans overlap, the
    longer one wins (a facility name beats a date inside it).
    """
    candidates: list[Highlight] = []
    for label, items in (("PERSON", record.people), ("FACILITY", record.facilities),
                         ("ORG", record.organizations), ("DATE", record.dates)):
        for item in items:
            candidates.extend(Highlight(m.start, m.end, label) for m in item.mentions if m.end > m.start)
    for event in record.events:
        span = _trigger_span(record, event)
        if span is not None:
            candidates.append(span)
    chosen: list[Highlight] = []
    for candidate in sorted(candidates, key=lambda h: (-(h.end - h.start), h.start)):
        if all(candidate.end <= kept.start or candidate.start >= kept.end for kept in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda h: h.start)


def body_html(record: ArticleRecord) -> str:
    """The body with highlights, as displaCy renders it."""
    from spacy import displacy  # imported here: spaCy takes a while to load, and only pages need it

    data = {"text": record.body, "title": None,
            "ents": [{"start": h.start, "end": h.end, "label": h.label} for h in highlights(record)]}
    return displacy.render(data, style="ent", manual=True, jupyter=False, page=False,
                           options={"colors": LABEL_COLOURS})


def _entity_names(record: ArticleRecord) -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    names.update({p.id: (p.name, "person") for p in record.people})
    names.update({f.id: (f.name, "facility") for f in record.facilities})
    names.update({o.id: (o.name, "organization") for o in record.organizations})
    return names


def event_rows(record: ArticleRecord) -> list[EventRow]:
    """The record's events with participant names and evidence text."""
    names = _entity_names(record)
    rows = []
    for event in record.events:
        participants = [ParticipantRow(p.role, *names.get(p.ref, (p.ref, "unknown"))) for p in event.participants]
        participants.sort(key=lambda p: _ROLE_ORDER.index(p.role) if p.role in _ROLE_ORDER else len(_ROLE_ORDER))
        attributes = {key: value for key, value in event.attributes.model_dump().items()
                      if value not in (None, [], "")}
        rows.append(EventRow(
            event_id=event.id, type=event.type, trigger=event.trigger, name=event.name, date=event.date,
            part_of_day=event.part_of_day, location=event.location, participants=participants,
            attributes=attributes, evidence=[record.body[e.start:e.end] for e in event.evidence],
            rules=[e.rule for e in event.evidence],
        ))
    return rows


def article_page(record: ArticleRecord, back_link: Optional[str] = None) -> ArticlePage:
    counts = {"people": len(record.people), "facilities": len(record.facilities),
              "organizations": len(record.organizations), "dates": len(record.dates), "events": len(record.events)}
    return ArticlePage(record, body_html(record), event_rows(record), counts, back_link)


def render_article(record: ArticleRecord, back_link: Optional[str] = None) -> str:
    """A self-contained HTML page for one record."""
    template = template_environment().get_template("article.html.j2")
    return template.render(page=article_page(record, back_link))


class ArticleNotFound(Exception):
    """No record matches what was asked for, or several do."""


def _records_of_file(path: Path, issues: list[LoadIssue]) -> list[ArticleRecord]:
    """A ``.json`` file holding one record, or a ``.jsonl`` file of records."""
    if path.suffix == ".json":
        try:
            return [ArticleRecord.model_validate_json(path.read_text(encoding="utf-8"))]
        except (ValidationError, ValueError):
            pass  # perhaps JSON lines after all
    return list(iter_records(path, issues))


def _matches(record: ArticleRecord, wanted: str) -> bool:
    source_file = record.source.path.replace("\\", "/").rsplit("/", 1)[-1]
    wanted_file = wanted.replace("\\", "/").rsplit("/", 1)[-1]
    return (record.id.startswith(wanted) or wanted in (record.source.path, record.source.url)
            or (bool(wanted_file) and wanted_file == source_file))


def find_article(article: str, folder: Path = Path("output")) -> ArticleRecord:
    """The record asked for: a record file, or an id (or its prefix), a source
    path or file name, or a URL looked up in the output folder."""
    issues: list[LoadIssue] = []
    candidate = Path(article)
    if candidate.is_file() and candidate.suffix in (".json", ".jsonl") and candidate.name != "errors.jsonl":
        records = _records_of_file(candidate, issues)
        if len(records) == 1:
            return records[0]
        if not records:
            detail = f": {issues[0]}" if issues else ""
            raise ArticleNotFound(f"{candidate} holds no valid article record{detail}")
        raise ArticleNotFound(f"{candidate} holds {len(records)} records; pick one: vnie show <record id> -i {candidate}")
    try:
        path = articles_path(Path(folder))
    except OutputFolderError as error:
        raise ArticleNotFound(str(error)) from error
    found = [record for record in iter_records(path, issues) if _matches(record, article)]
    if not found:
        raise ArticleNotFound(f"no record with id, source or URL {article!r} in {path}")
    if len(found) > 1:
        ids = ", ".join(record.id for record in found[:5])
        raise ArticleNotFound(f"{article!r} matches {len(found)} records ({ids}…); give a longer id")
    return found[0]


# A record's own id is the only 16-hex-digit "id" in its line (people,
# facilities and events have ids like P1, F2, E3): lines of other records are
# skipped without being validated.
_RECORD_ID = re.compile(r'"id"\s*:\s*"([0-9a-f]{16})"')


def records_by_id(folder: Path, ids: set[str]) -> dict[str, ArticleRecord]:
    """The records of an output folder whose ids are in ``ids``."""
    path = articles_path(Path(folder))
    issues: list[LoadIssue] = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        wanted = ((number, line) for number, line in enumerate(handle, start=1)
                  if (match := _RECORD_ID.search(line)) and match.group(1) in ids)
        return {record.id: record for record in records_of_lines(wanted, path.name, issues) if record.id in ids}

