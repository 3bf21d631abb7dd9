"""The record contract (``record-contract.md``, version 1) as pydantic models.

Every model rejects unknown keys, and every field has a value on every line
(``None`` or ``[]`` when absent) so that columnar readers infer one schema.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1"

FacilityKind = Literal["hospital", "health_center", "health_station", "clinic", "department", "other"]
OrganizationKind = Literal["government", "party", "company", "association", "foreign", "other"]
EventType = Literal["signing", "visit", "award", "ceremony"]
PartOfDay = Literal["morning", "noon", "afternoon", "evening"]
Role = Literal["party", "signatory", "visitor", "host", "giver", "recipient", "organizer", "attendee", "speaker"]
SourceFormat = Literal["text", "html", "jsonl"]

_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# A month alone (2021-11) is ISO 8601 too: some crawlers store only the month a page was published.
_PUBLISHED = re.compile(r"^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?)?$")


class Strict(BaseModel):
    """Base of every contract model: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid")


class Mention(Strict):
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Mention":
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} before start {self.start}")
        return self


class Evidence(Mention):
    rule: str


class InputSource(Strict):
    """Where an input came from; ``sha256`` is unknown when it could not be read."""

    path: str
    url: Optional[str] = None
    format: SourceFormat
    sha256: Optional[str] = Field(default=None, pattern=r"^[0-9a-f]{64}$")


class Source(InputSource):
    """Where an article came from: the hash of its bytes is always known."""

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Position(Strict):
    title: str
    organization: Optional[str] = None
    org_ref: Optional[str] = None


class Person(Strict):
    id: str = Field(pattern=r"^P\d+$")
    name: str
    titles: list[str] = []
    positions: list[Position] = []
    mentions: list[Mention] = []


class Facility(Strict):
    id: str = Field(pattern=r"^F\d+$")
    name: str
    kind: FacilityKind
    aliases: list[str] = []
    location: Optional[str] = None
    mentions: list[Mention] = []


class Organization(Strict):
    id: str = Field(pattern=r"^O\d+$")
    name: str
    kind: OrganizationKind
    aliases: list[str] = []
    mentions: list[Mention] = []


class DateMention(Strict):
    text: str
    value: str
    part_of_day: Optional[PartOfDay] = None
    mentions: list[Mention] = []

    @field_validator("value")
    @classmethod
    def _precise_as_text(cls, value: str) -> str:
        if not _DATE_VALUE.match(value):
            raise ValueError(f"date value {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return value


class Participant(Strict):
    ref: str = Field(pattern=r"^[PFO]\d+$")
    role: Role


class EventAttributes(Strict):
    """Per-type attributes; all optional, all written."""

    agreement: Optional[str] = None
    scope: list[str] = []
    award_name: Optional[str] = None
    recipients_collective: Optional[int] = None
    recipients_individual: Optional[int] = None
    gifts: Optional[bool] = None
    occasion: Optional[str] = None


class Event(Strict):
    id: str = Field(pattern=r"^E\d+$")
    type: EventType
    trigger: str
    name: Optional[str] = None
    date: Optional[str] = None
    part_of_day: Optional[PartOfDay] = None
    location: Optional[str] = None
    participants: list[Participant] = []
    attributes: EventAttributes = EventAttributes()
    evidence: list[Evidence] = []

    @field_validator("date")
    @classmethod
    def _date_value(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _DATE_VALUE.match(value):
            raise ValueError(f"event date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return value


class PipelineInfo(Strict):
    version: str
    rules_sha256: str


class ArticleRecord(Strict):
    """One line of ``articles.jsonl``: the whole result for one input."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str = Field(pattern=r"^[0-9a-f]{16}$")
    source: Source
    title: Optional[str] = None
    published: Optional[str] = None
    authors: list[str] = []
    outlet: Optional[str] = None
    category: Optional[str] = None
    body: str
    captions: list[str] = []
    people: list[Person] = []
    facilities: list[Facility] = []
    organizations: list[Organization] = []
    dates: list[DateMention] = []
    events: list[Event] = []
    warnings: list[str] = []
    pipeline: PipelineInfo

    @field_validator("published")
    @classmethod
    def _iso(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _PUBLISHED.match(value):
            raise ValueError(f"published {value!r} is not ISO 8601")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "ArticleRecord":
        """Offsets lie inside the body and every reference resolves."""
        size = len(self.body)
        spans: list[Mention] = []
        for group in (self.people, self.facilities, self.organizations, self.dates):
            for item in group:
                spans.extend(item.mentions)
        for event in self.events:
            spans.extend(event.evidence)
        for span in spans:
            if span.end > size:
                raise ValueError(f"offset {span.start}-{span.end} outside body of {size} characters")
        ids = {p.id for p in self.people} | {f.id for f in self.facilities} | {o.id for o in self.organizations}
        for person in self.people:
            for position in person.positions:
                if position.org_ref is not None and position.org_ref not in ids:
                    raise ValueError(f"{person.id} position refers to unknown {position.org_ref}")
        for event in self.events:
            for participant in event.participants:
                if participant.ref not in ids:
                    raise ValueError(f"{event.id} participant refers to unknown {participant.ref}")
        return self


class ErrorInfo(Strict):
    kind: str
    message: str


class ErrorRecord(Strict):
    """One line of ``errors.jsonl``: an input that could not be processed."""

    source: InputSource
    error: ErrorInfo
