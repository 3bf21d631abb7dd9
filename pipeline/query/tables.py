"""Flatten an output folder's records into typed, columnar tables.

``articles.jsonl`` holds one nested record per article; researchers want flat
tables they can join: ``articles``, ``people``, ``positions``, ``facilities``,
``organizations``, ``dates``, ``events``, ``participants`` and ``errors``.
Every table has an explicit schema, so a corpus without a single event still
yields an ``events`` table with the right columns. Canonical keys are computed
here, in Python, while loading.

A line that is not a valid record is reported as a ``LoadIssue`` and skipped;
the other lines still load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
from pydantic import ValidationError

from ..models import ArticleRecord, ErrorRecord
from ..textnorm import name_key
from .keys import KEY_SOURCE, entity_key, person_key

ARTICLES_FILE = "articles.jsonl"
ERRORS_FILE = "errors.jsonl"

_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())
_INT = pa.int64()
_DAY = pa.date32()


@dataclass(frozen=True)
class TableSpec:
    """One flat table: its name, what a row is, and its typed columns."""

    name: str
    row: str
    schema: pa.Schema


def _spec(name: str, row: str, *columns: tuple[str, pa.DataType]) -> TableSpec:
    return TableSpec(name, row, pa.schema([pa.field(column, kind) for column, kind in columns]))


TABLE_SPECS: tuple[TableSpec, ...] = (
    _spec("articles", "one article record",
          ("article_id", _TEXT), ("source_path", _TEXT), ("source_file", _TEXT), ("source_url", _TEXT),
          ("source_format", _TEXT), ("title", _TEXT), ("published", _TEXT), ("published_day", _DAY),
          ("published_month", _TEXT), ("published_year", _INT), ("outlet", _TEXT), ("category", _TEXT),
          ("authors", _TEXTS), ("body", _TEXT), ("captions", _TEXTS), ("warnings", _TEXTS),
          ("n_people", _INT), ("n_facilities", _INT), ("n_organizations", _INT), ("n_events", _INT),
          ("pipeline_version", _TEXT)),
    _spec("people", "one person of one article",
          ("article_id", _TEXT), ("person_id", _TEXT), ("name", _TEXT), ("name_key", _TEXT),
          ("person_key", _TEXT), ("titles", _TEXTS), ("title", _TEXT), ("organization", _TEXT),
          ("organization_key", _TEXT), ("n_positions", _INT), ("n_mentions", _INT), ("first_mention", _INT)),
    _spec("positions", "one office held by one person",
          ("article_id", _TEXT), ("person_id", _TEXT), ("person_name", _TEXT), ("person_key", _TEXT),
          ("position_index", _INT), ("title", _TEXT), ("organization", _TEXT), ("org_ref", _TEXT),
          ("organization_key", _TEXT)),
    _spec("facilities", "one facility of one article",
          ("article_id", _TEXT), ("facility_id", _TEXT), ("name", _TEXT), ("kind", _TEXT), ("key", _TEXT),
          ("aliases", _TEXTS), ("location", _TEXT), ("n_mentions", _INT), ("first_mention", _INT)),
    _spec("organizations", "one organization of one article",
          ("article_id", _TEXT), ("organization_id", _TEXT), ("name", _TEXT), ("kind", _TEXT), ("key", _TEXT),
          ("aliases", _TEXTS), ("n_mentions", _INT), ("first_mention", _INT)),
    _spec("dates", "one date mentioned in one article",
          ("article_id", _TEXT), ("date_index", _INT), ("text", _TEXT), ("value", _TEXT), ("precision", _TEXT),
          ("day", _DAY), ("month", _TEXT), ("year", _INT), ("part_of_day", _TEXT), ("n_mentions", _INT),
          ("first_mention", _INT)),
    _spec("events", "one event of one article",
          ("article_id", _TEXT), ("event_id", _TEXT), ("type", _TEXT), ("trigger", _TEXT), ("name", _TEXT),
          ("date", _TEXT), ("day", _DAY), ("month", _TEXT), ("year", _INT), ("part_of_day", _TEXT),
          ("location", _TEXT), ("agreement", _TEXT), ("scope", _TEXTS), ("award_name", _TEXT),
          ("recipients_collective", _INT), ("recipients_individual", _INT), ("gifts", pa.bool_()),
          ("occasion", _TEXT), ("n_participants", _INT), ("evidence_start", _INT), ("evidence_end", _INT),
          ("evidence_rule", _TEXT), ("evidence_text", _TEXT)),
    _spec("participants", "one participant of one event, joined to its name and kind",
          ("article_id", _TEXT), ("event_id", _TEXT), ("event_type", _TEXT), ("event_date", _TEXT),
          ("event_day", _DAY), ("event_year", _INT), ("ref", _TEXT), ("role", _TEXT), ("entity", _TEXT),
          ("name", _TEXT), ("key", _TEXT), ("kind", _TEXT)),
    _spec("errors", "one input that could not be processed",
          ("source_path", _TEXT), ("source_file", _TEXT), ("source_url", _TEXT), ("error_kind", _TEXT),
          ("message", _TEXT)),
)

TABLE_NAMES: tuple[str, ...] = tuple(spec.name for spec in TABLE_SPECS)


class OutputFolderError(Exception):
    """The output folder is missing, empty, or holds no readable records."""


@dataclass(frozen=True)
class LoadIssue:
    """A line of an output file that was skipped, and why."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class OutputTables:
    """All flat tables of one output folder, plus what could not be read."""

    tables: dict[str, pa.Table]
    issues: list[LoadIssue] = field(default_factory=list)
    key_source: str = ""

    def table(self, name: str) -> pa.Table:
        return self.tables[name]

    @property
    def n_articles(self) -> int:
        return self.tables["articles"].num_rows


@dataclass(frozen=True)
class DatePrecision:
    """A contract date value (``2025``, ``2025-02``, ``2025-02-18``) split for grouping."""

    precision: Optional[str]
    day: Optional[str]
    month: Optional[str]
    year: Optional[int]

    @classmethod
    def of(cls, value: Optional[str]) -> "DatePrecision":
        if not value or len(value) < 4 or not value[:4].isdigit():
            return cls(None, None, None, None)
        year = int(value[:4])
        if len(value) >= 10 and value[4] == "-":
            return cls("day", value[:10], value[:7], year)
        if len(value) >= 7 and value[4] == "-":
            return cls("month", None, value[:7], year)
        return cls("year", None, None, year)


def _first_start(mentions: list) -> Optional[int]:
    return min((mention.start for mention in mentions), default=None)


class _Columns:
    """Column-wise accumulator for one table (private to this module)."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.columns: dict[str, list] = {name: [] for name in spec.schema.names}

    def add(self, **values: object) -> None:
        for name, column in self.columns.items():
            column.append(values.get(name))

    def to_arrow(self) -> pa.Table:
        arrays = {}
        for column in self.spec.schema:
            values = self.columns[column.name]
            if pa.types.is_date32(column.type):
                values = [None if value is None else _parse_day(value) for value in values]
            arrays[column.name] = pa.array(values, type=column.type)
        return pa.table(arrays, schema=self.spec.schema)


def _parse_day(value: str):
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:  # a well-formed but impossible day such as 2025-02-30
        return None


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


class RecordFlattener:
    """Appends one record at a time to every table's columns."""

    def __init__(self) -> None:
        self.columns = {spec.name: _Columns(spec) for spec in TABLE_SPECS}

    def add_record(self, record: ArticleRecord) -> None:
        article_id = record.id
        published = DatePrecision.of(record.published)
        self.columns["articles"].add(
            article_id=article_id, source_path=record.source.path, source_file=_file_name(record.source.path),
            source_url=record.source.url, source_format=record.source.format, title=record.title,
            published=record.published, published_day=published.day, published_month=published.month,
            published_year=published.year, outlet=record.outlet, category=record.category,
            authors=list(record.authors), body=record.body, captions=list(record.captions),
            warnings=list(record.warnings), n_people=len(record.people), n_facilities=len(record.facilities),
            n_organizations=len(record.organizations), n_events=len(record.events),
            pipeline_version=record.pipeline.version,
        )
        # Entity keys first: positions and participants refer to them by id.
        names: dict[str, str] = {}
        keys: dict[str, str] = {}
        kinds: dict[str, Optional[str]] = {}
        for facility in record.facilities:
            key = entity_key(facility.name, facility.kind)
            names[facility.id], keys[facility.id], kinds[facility.id] = facility.name, key, facility.kind
            self.columns["facilities"].add(
                article_id=article_id, facility_id=facility.id, name=facility.name, kind=facility.kind, key=key,
                aliases=list(facility.aliases), location=facility.location, n_mentions=len(facility.mentions),
                first_mention=_first_start(facility.mentions),
            )
        for organization in record.organizations:
            key = entity_key(organization.name, organization.kind)
            names[organization.id], keys[organization.id] = organization.name, key
            kinds[organization.id] = organization.kind
            self.columns["organizations"].add(
                article_id=article_id, organization_id=organization.id, name=organization.name,
                kind=organization.kind, key=key, aliases=list(organization.aliases),
                n_mentions=len(organization.mentions), first_mention=_first_start(organization.mentions),
            )
        for person in record.people:
            self._add_person(article_id, person, keys, names, kinds)
        for index, date in enumerate(record.dates):
            parts = DatePrecision.of(date.value)
            self.columns["dates"].add(
                article_id=article_id, date_index=index, text=date.text, value=date.value,
                precision=parts.precision, day=parts.day, month=parts.month, year=parts.year,
                part_of_day=date.part_of_day, n_mentions=len(date.mentions), first_mention=_first_start(date.mentions),
            )
        for event in record.events:
            self._add_event(article_id, record.body, event, keys, names, kinds)

    def _position_key(self, position, keys: dict[str, str]) -> Optional[str]:
        if position.org_ref and position.org_ref in keys:
            return keys[position.org_ref]
        if position.organization:
            return entity_key(position.organization, None)
        return None

    def _add_person(self, article_id: str, person, keys: dict, names: dict, kinds: dict) -> None:
        position_keys = [self._position_key(position, keys) for position in person.positions]
        first = person.positions[0] if person.positions else None
        first_key = position_keys[0] if position_keys else None
        key = person_key(person.name, first_key)
        names[person.id], keys[person.id], kinds[person.id] = person.name, key, None
        self.columns["people"].add(
            article_id=article_id, person_id=person.id, name=person.name, name_key=name_key(person.name),
            person_key=key, titles=list(person.titles), title=first.title if first else None,
            organization=first.organization if first else None, organization_key=first_key,
            n_positions=len(person.positions), n_mentions=len(person.mentions),
            first_mention=_first_start(person.mentions),
        )
        for index, (position, position_key) in enumerate(zip(person.positions, position_keys)):
            self.columns["positions"].add(
                article_id=article_id, person_id=person.id, person_name=person.name, person_key=key,
                position_index=index, title=position.title, organization=position.organization,
                org_ref=position.org_ref, organization_key=position_key,
            )

    def _add_event(self, article_id: str, body: str, event, keys: dict, names: dict, kinds: dict) -> None:
        parts = DatePrecision.of(event.date)
        evidence = event.evidence[0] if event.evidence else None
        attributes = event.attributes
        self.columns["events"].add(
            article_id=article_id, event_id=event.id, type=event.type, trigger=event.trigger, name=event.name,
            date=event.date, day=parts.day, month=parts.month, year=parts.year, part_of_day=event.part_of_day,
            location=event.location, agreement=attributes.agreement, scope=list(attributes.scope),
            award_name=attributes.award_name, recipients_collective=attributes.recipients_collective,
            recipients_individual=attributes.recipients_individual, gifts=attributes.gifts,
            occasion=attributes.occasion, n_participants=len(event.participants),
            evidence_start=evidence.start if evidence else None, evidence_end=evidence.end if evidence else None,
            evidence_rule=evidence.rule if evidence else None,
            evidence_text=body[evidence.start:evidence.end] if evidence else None,
        )
        entity_of_prefix = {"P": "person", "F": "facility", "O": "organization"}
        for participant in event.participants:
            self.columns["participants"].add(
                article_id=article_id, event_id=event.id, event_type=event.type, event_date=event.date,
                event_day=parts.day, event_year=parts.year, ref=participant.ref, role=participant.role,
                entity=entity_of_prefix[participant.ref[0]], name=names.get(participant.ref),
                key=keys.get(participant.ref), kind=kinds.get(participant.ref),
            )

    def add_error(self, error: ErrorRecord) -> None:
        self.columns["errors"].add(
            source_path=error.source.path, source_file=_file_name(error.source.path), source_url=error.source.url,
            error_kind=error.error.kind, message=error.error.message,
        )

    def tables(self) -> dict[str, pa.Table]:
        return {name: columns.to_arrow() for name, columns in self.columns.items()}


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def _validation_message(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "record"
    more = f" (+{error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"not a valid record: {where}: {first.get('msg', 'invalid')}{more}"


def iter_records(path: Path, issues: list[LoadIssue]) -> Iterator[ArticleRecord]:
    """Valid records of an ``articles.jsonl`` file; bad lines go to ``issues``."""
    return records_of_lines(_lines(path), path.name, issues)


def records_of_lines(lines: Iterable[tuple[int, str]], file_name: str,
                     issues: list[LoadIssue]) -> Iterator[ArticleRecord]:
    """Valid records of numbered JSON lines; bad lines go to ``issues``."""
    for number, line in lines:
        try:
            yield ArticleRecord.model_validate_json(line)
        except ValidationError as error:
            issues.append(LoadIssue(file_name, number, _json_or_validation_message(line, error)))


def _json_or_validation_message(line: str, error: ValidationError) -> str:
    try:
        json.loads(line)
    except json.JSONDecodeError as decode_error:
        return f"not JSON: {decode_error.msg} at column {decode_error.colno}"
    return _validation_message(error)


def _iter_errors(path: Path, issues: list[LoadIssue]) -> Iterator[ErrorRecord]:
    for number, line in _lines(path):
        try:
            yield ErrorRecord.model_validate_json(line)
        except ValidationError as error:
            issues.append(LoadIssue(path.name, number, _json_or_validation_message(line, error)))


def articles_path(folder: Path) -> Path:
    """The ``articles.jsonl`` of an output folder, or a clear error."""
    folder = Path(folder)
    if not folder.exists():
        raise OutputFolderError(f"output folder {folder} does not exist; run `vnie run <inputs> -o {folder}` first")
    if folder.is_file():
        if folder.suffix in (".jsonl", ".json"):
            return folder
        raise OutputFolderError(f"{folder} is a file, not an output folder holding {ARTICLES_FILE}")
    path = folder / ARTICLES_FILE
    if not path.exists():
        raise OutputFolderError(f"no {ARTICLES_FILE} in {folder}; run `vnie run <inputs> -o {folder}` first")
    return path


def load_tables(folder: Path) -> OutputTables:
    """Every flat table of an output folder (or of one ``articles.jsonl`` file)."""
    path = articles_path(Path(folder))
    flattener = RecordFlattener()
    issues: list[LoadIssue] = []
    for record in iter_records(path, issues):
        flattener.add_record(record)
    errors_path = path.parent / ERRORS_FILE
    if errors_path.exists() and errors_path != path:
        for error in _iter_errors(errors_path, issues):
            flattener.add_error(error)
    tables = flattener.tables()
    if tables["articles"].num_rows == 0 and tables["errors"].num_rows == 0:
        detail = f" ({len(issues)} unreadable lines, first: {issues[0]})" if issues else ""
        raise OutputFolderError(f"{path} holds no article records{detail}")
    return OutputTables(tables=tables, issues=issues, key_source=KEY_SOURCE)
