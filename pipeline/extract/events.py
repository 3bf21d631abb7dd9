"""Events of an article: signings, visits, awards and ceremonies, each real-world event once.

Triggers (``event_triggers.py``) are grouped into drafts (``event_drafts.py``);
each draft becomes an event here. A visit that names no visitor takes the
visitors of the day; two visits to two places stay two events, and so do the
places (``event_tours.py``) and people (``event_homes.py``) one trigger lists.

An event's date is the date written in its sentences, else the lead's date,
else none. Participants come from ``event_participants.py``, attributes from
``event_attributes.py``.
"""

from __future__ import annotations

from typing import Optional

from ..document import AnnotatedArticle, Entities
from ..models import DateMention, Event, Evidence, Facility, Participant, PartOfDay
from ..textnorm import name_key
from .event_attributes import event_attributes, event_location, event_name
from .event_drafts import Draft, group_triggers
from .event_history import long_before_publication
from .event_homes import one_visit_per_person
from .event_occasion import share_occasion, with_opened_facility
from .event_own_patients import gifts_to_own_patients
from .event_participants import ATTACH, EntitySpan, entity_spans, participants, place_cues
from .event_signing_visits import visit_of_travelling_party, visitors_from_signing
from .event_tours import first_of_several_days, one_visit_per_place
from .event_triggers import SentenceDate, TriggerHit, find_triggers, lead_date, tells_of_earlier_day
from .sentences import Sentence, split_sentences

# Heuristic: a department's facility is named within this many characters of it.
PARENT_WINDOW = 120
# "Hai đơn vị ký kết …": a signing between units the sentence does not name.
_TWO_HOSPITALS = "hai bệnh viện"
_TWO_PARTIES = ("hai đơn vị", "2 đơn vị", "hai bên", "2 bên", _TWO_HOSPITALS)


def extract_events(ann: AnnotatedArticle, entities: Entities, dates: list[DateMention]) -> list[Event]:
    """The article's events, ids ``E1…`` in order of first mention."""
    sentences = split_sentences(ann)
    hits = find_triggers(ann.text, sentences, ann.rules, dates)
    if not hits:
        return []
    spans = entity_spans(entities)
    lead = lead_date(ann.text, sentences, dates, ann.rules)
    if lead is not None and long_before_publication(lead.value, ann.published):
        lead = None  # "ôn lại … ngày 27-2-1955" in the lead of an article of 2019
    lead_paragraph = sentences[0].paragraph if sentences else 0
    parents = _department_parents(entities)
    cues = place_cues(entities, ann.rules, ann.text)
    drafts = group_triggers(hits, spans, sentences, lead_paragraph, lead, dates, ann, parents, cues)
    events = [
        _event(number, draft, lead, sentences, spans, entities, parents, ann)
        for number, draft in enumerate(sorted(drafts, key=lambda d: d.start), start=1)
    ]
    events = with_opened_facility(events, ann.text, ann.article.title, entities, spans)
    tours = one_visit_per_place(_share_visitors(events), spans, ann.text, parents, hits, first_of_several_days(dates))
    events = share_occasion(one_visit_per_person(tours, spans, ann.text, hits, ann.rules, cues.homes))
    events = gifts_to_own_patients(events, parents, ann.text)
    return visitors_from_signing(visit_of_travelling_party(events, spans, sentences, ann.text, ann.rules))


def _event(
    number: int,
    draft: Draft,
    lead: Optional[SentenceDate],
    sentences: list[Sentence],
    spans: list[EntitySpan],
    entities: Entities,
    parents: dict[str, str],
    ann: AnnotatedArticle,
) -> Event:
    hits = sorted(draft.hits, key=lambda h: h.start)
    # An act a sentence tells of as on an earlier day ("Trước đó, đoàn … đã khảo sát …", its photo's caption
    # aside) is not on the lead's day.
    earlier = any(tells_of_earlier_day(ann.text, h.sentence) for h in hits)
    date = draft.date or (None if earlier or draft.on_occasion_only else lead)
    people = participants(hits, sentences, spans, ann.rules)
    if draft.type == "signing":
        people = _with_two_parties(people, hits, spans, entities)
    if draft.type == "visit" and draft.target:
        # The place visited is the host, wherever the sentence names it ("Tại Bệnh viện Nhi, đoàn … tại Bệnh viện Nhi").
        people = [p for p in people if p.ref != draft.target] + [Participant(ref=draft.target, role="host")]
    people = _with_departments_facilities(people, parents)
    # The trigger shown is the first naming one, else the first reported act.
    first = next((h for h in hits if h.strength == "head"), None) or next(
        (h for h in hits if h.strength != ATTACH), hits[0]
    )
    return Event(
        id=f"E{number}",
        type=draft.type,
        trigger=first.text,
        name=event_name(hits),
        date=date.value if date else None,
        part_of_day=_part_of_day(date),
        location=event_location(hits, ann.rules, [(s.start, s.end) for s in spans if s.kind != "person"]),
        participants=people,
        attributes=event_attributes(draft.type, hits, sentences, ann.rules),
        evidence=_evidence(hits),
    )


def _with_departments_facilities(people: list[Participant], parents: dict[str, str]) -> list[Participant]:
    """A department takes part together with its facility: gifts taken to a department of the
    article's hospital are a visit to that hospital too."""
    result = list(people)
    for participant in people:
        parent = parents.get(participant.ref)
        if parent is not None and all(p.ref != parent for p in result):
            result.append(Participant(ref=parent, role=participant.role))
    return result


def _department_parents(entities: Entities) -> dict[str, str]:
    """Each department's facility id by the department's id: the facility named nearest to the
    department, else the article's only facility."""
    whole = [f for f in entities.facilities if f.kind != "department"]
    parents = {}
    for department in (f for f in entities.facilities if f.kind == "department"):
        parent = _parent_facility(department, whole) if whole else None
        if parent is not None:
            parents[department.id] = parent.id
    return parents


def _parent_facility(department: Facility, whole: list[Facility]) -> Optional[Facility]:
    if len(whole) == 1:
        return whole[0]
    starts = [m.start for m in department.mentions]
    if not starts:
        return None
    def distance(facility: Facility) -> int:
        return min((abs(m.start - s) for m in facility.mentions for s in starts), default=1 << 30)
    nearest = min(whole, key=distance)
    return nearest if distance(nearest) <= PARENT_WINDOW else None


def _with_two_parties(
    people: list[Participant], hits: list[TriggerHit], spans: list[EntitySpan], entities: Entities
) -> list[Participant]:
    """"Hai đơn vị ký kết …" names no party: take the article's two most-mentioned units (its
    two most-mentioned facilities for "hai bệnh viện")."""
    parties = [p for p in people if p.role == "party"]
    sentences = [name_key(h.sentence.text) for h in hits]
    mentions_two = any(any(word in text for word in _TWO_PARTIES) for text in sentences)
    if len(parties) >= 2 or not mentions_two:
        return people
    hospitals = any(_TWO_HOSPITALS in text for text in sentences)
    counts: dict[str, int] = {}
    for span in spans:
        if span.kind == "facility" or (span.kind != "person" and not hospitals):
            counts[span.ref] = counts.get(span.ref, 0) + 1
    ranked = sorted(counts, key=lambda ref: (-counts[ref], ref))
    existing = {p.ref for p in people}
    result = [Participant(ref=p.ref, role="party") if p.ref in ranked[:2] else p for p in people]
    for ref in ranked[:2]:
        if ref not in existing:
            result.append(Participant(ref=ref, role="party"))
    return result


def _share_visitors(events: list[Event]) -> list[Event]:
    """Visits of one day by one delegation: a visit that names no visitor
    ("Đến thăm … , đồng chí Phó chủ tịch …") takes the visitors of the others."""
    visitors: dict[Optional[str], list[Participant]] = {}
    for event in events:
        if event.type == "visit":
            found = [p for p in event.participants if p.role == "visitor"]
            if found and event.date not in visitors:
                visitors[event.date] = found
    result = []
    for event in events:
        shared = visitors.get(event.date, [])
        if event.type == "visit" and shared and not any(p.role == "visitor" for p in event.participants):
            present = {p.ref for p in event.participants}
            extra = [p for p in shared if p.ref not in present]
            event = event.model_copy(update={"participants": extra + list(event.participants)})
        result.append(event)
    return result


def _evidence(hits: list[TriggerHit]) -> list[Evidence]:
    """The span of every supporting sentence, once per rule that fired in it."""
    seen: dict[tuple[int, str], TriggerHit] = {}
    for hit in hits:
        seen.setdefault((hit.sentence_index, hit.rule_id), hit)
    return [
        Evidence(start=hit.sentence.start, end=hit.sentence.end, rule=hit.rule_id)
        for _, hit in sorted(seen.items(), key=lambda item: (item[0][0], item[1].start))
    ]


def _part_of_day(date: Optional[SentenceDate]) -> Optional[PartOfDay]:
    return date.part_of_day if date else None
