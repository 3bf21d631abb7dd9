"""What a ceremony is held for: the honours handed out at it, the facility it opens.

An article that reports one ceremony and one award reports honours handed out
at that ceremony: ``Bệnh viện … kỷ niệm 40 năm thành lập và đón nhận Huân
chương``, then ``Tại buổi lễ, … trao Huân chương``. The two entries describe
one occasion, so a day found for one is the day of the other, and the units
take part in both: the facility honoured attends the ceremony, the facility
holding the ceremony organises the award.

An inauguration (``Lễ khánh thành``, ``khai trương``, ``gắn biển``, ``ra mắt``) is held
for the facility it opens, which takes part in it even when the ceremony's
sentences only say who came: the facility named right after an opening word
(those, or ``đưa … vào hoạt động``), in the headline or in the ceremony's
sentences, else the facility the article names most. A headline that reports an opening makes
the article's one ceremony that opening.
"""

from __future__ import annotations

import re
from typing import Optional

from ..document import Entities
from ..models import Event, Participant, Role
from ..textnorm import name_key
from .event_participants import EntitySpan, is_facility_ref

_INAUGURATION_WORDS = "khánh thành|khai trương|gắn biển|ra mắt"
_OPENS = re.compile(rf"\b(?:{_INAUGURATION_WORDS})\b", re.IGNORECASE)
# Words before the facility opened ("đưa Trung tâm … vào hoạt động"), named within OPENED_WITHIN characters.
_OPENING = re.compile(rf"\b(?:{_INAUGURATION_WORDS}|đưa)\b", re.IGNORECASE)
OPENED_WITHIN = 40
_SITE = re.compile(r"\s+(cơ sở\s+\d+)(?!\w)", re.IGNORECASE)  # a facility's numbered site
# A headline that reports an opening ("Đưa vào sử dụng bệnh viện …", "Khánh thành …"): the
# article's one ceremony is that opening, even when its sentences say only "Tại buổi lễ".
_HEADLINE_OPENS = re.compile(
    rf"\b(?:{_INAUGURATION_WORDS}|đưa\b.{{0,{OPENED_WITHIN}}}?\bvào\s+(?:sử dụng|hoạt động))\b", re.IGNORECASE
)


def share_occasion(events: list[Event]) -> list[Event]:
    """The article's events, its one ceremony and one award completed from each other."""
    ceremonies = [e for e in events if e.type == "ceremony"]
    awards = [e for e in events if e.type == "award"]
    if len(ceremonies) != 1 or len(awards) != 1:
        return events  # several of either: which award belongs to which ceremony is not known
    ceremony, award = ceremonies[0], awards[0]
    if ceremony.date and award.date and ceremony.date != award.date:
        return events  # two days: two occasions
    dated = ceremony if ceremony.date else award
    completed = {
        ceremony.id: _completed(ceremony, dated, award, "attendee"),
        award.id: _completed(award, dated, ceremony, "organizer"),
    }
    return [completed.get(event.id, event) for event in events]


def _completed(event: Event, dated: Event, other: Event, role: Role) -> Event:
    present = {p.ref for p in event.participants}
    joining = [Participant(ref=p.ref, role=role) for p in other.participants
               if is_facility_ref(p.ref) and p.ref not in present]
    return event.model_copy(update={
        "date": dated.date,
        "part_of_day": dated.part_of_day,
        "participants": list(event.participants) + joining,
    })


def with_opened_facility(
    events: list[Event], text: str, title: Optional[str], entities: Entities, spans: list[EntitySpan]
) -> list[Event]:
    """Inaugurations with the facility they open among their participants."""
    result = []
    ceremonies = [e for e in events if e.type == "ceremony"]
    headline_opening = len(ceremonies) == 1 and bool(title and _HEADLINE_OPENS.search(title))
    for event in events:
        if event.type == "ceremony" and (headline_opening or _is_opening(event, text)):
            opened = _opened(event, text, title, entities, spans)
            if opened is not None and opened not in {p.ref for p in event.participants}:
                participants = list(event.participants) + [Participant(ref=opened, role="organizer")]
                event = event.model_copy(update={"participants": participants})
        result.append(event)
    return result


def _is_opening(event: Event, text: str) -> bool:
    return any(_OPENS.search(text, e.start, e.end) for e in event.evidence) or bool(_OPENS.search(event.trigger))


def _opened(event: Event, text: str, title: Optional[str], entities: Entities, spans: list[EntitySpan]) -> Optional[str]:
    facilities = [f for f in entities.facilities if f.kind != "department"]
    if title:
        key = name_key(title)
        for opening in _OPENING.finditer(key):
            after = key[opening.end():opening.end() + OPENED_WITHIN + 40]
            named = [(after.find(form), f.id) for f in facilities
                     for form in (name_key(f.name), *map(name_key, f.aliases)) if 0 <= after.find(form) <= OPENED_WITHIN]
            if named:
                return min(named)[1]
    for evidence in event.evidence:
        for opening in _OPENING.finditer(text, evidence.start, evidence.end):
            after = [s for s in spans if s.kind == "facility" and 0 <= s.start - opening.end() <= OPENED_WITHIN]
            if after:
                return min(after, key=lambda s: s.start).ref
            site = _SITE.match(text, opening.end())
            # "Bệnh viện A ra mắt cơ sở 2": the site, named in full elsewhere ("Bệnh viện A cơ sở 2")
            sites = [f.id for f in facilities if site and name_key(f.name).endswith(" " + name_key(site.group(1)))]
            if len(sites) == 1:
                return sites[0]
    if any(is_facility_ref(p.ref) for p in event.participants):
        return None
    counts: dict[str, int] = {}
    ids = {f.id for f in facilities}
    for span in spans:
        if span.kind == "facility" and span.ref in ids:
            counts[span.ref] = counts.get(span.ref, 0) + 1
    return max(counts, key=lambda ref: (counts[ref], -int(ref[1:]))) if counts else None
