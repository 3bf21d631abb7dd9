"""Events of an article: signings, visits, awards and ceremonies, each real-world event once.

Triggers (``event_triggers.py``) are grouped into events:

- a trigger that names or dates an event starts one, or joins an earlier
  event of its type that does not contradict it (another date, or for a
  visit another visited place or person); an article that mentions a
  signing five times (``Lễ ký kết``, ``tại buổi ký kết`` …) has one signing;
- a trigger that reports an act (``ký kết``, ``khen thưởng``, ``đến thăm``)
  starts an event only when its sentence is dated, is in the lead, or names
  the place or person visited; otherwise it adds evidence to the nearest
  event of its type, as a mere reference (``thỏa thuận hợp tác``,
  ``đoàn công tác``) always does;
- a trigger in a sentence dated only by a year or a month is history and
  starts nothing;
- ``buổi lễ`` refers back to the signing or ceremony of the article, and
  starts a ceremony when there is none (a ceremony where commendations are
  given is a ceremony and an award);
- a reported act in a sentence that opens by pointing at the occasion
  (``Tại buổi lễ, … trao Bằng khen``, ``Nhân dịp này, … được nhận Giấy
  khen``) happened at the article's ceremony: when no event of its type is
  found yet, it starts one on the ceremony's day;
- a visit that names no place or person (the lead's summary) joins the first
  visit that does; two visits to two places stay two events, and so do the
  places one trigger lists (``event_tours.py``).

An event's date is the date written in its sentences, else the lead's date,
else none. Participants come from ``event_participants.py``, attributes from
``event_attributes.py``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from ..document import AnnotatedArticle, Entities
from ..models import DateMention, Event, Evidence, EventType, Facility, Participant, PartOfDay
from ..textnorm import name_key
from .dates import yearless_days
from .event_attributes import event_attributes, event_location, event_name
from .event_participants import (ATTACH, EntitySpan, PlaceCues, award_recipient, entity_spans, participants,
                                 place_cues, visit_target)
from .event_occasion import share_occasion, with_opened_facility
from .event_history import IN_A_YEAR, history_starts, long_before_lead, long_before_publication, years_before_publication
from .event_homes import one_visit_per_person
from .event_tours import first_of_several_days, one_visit_per_place
from .event_triggers import SentenceDate, TriggerHit, find_triggers, lead_date
from .sentences import Sentence, split_sentences

# Types an anaphoric "buổi lễ" refers back to (an award is given at a ceremony).
_CEREMONIAL = ("ceremony", "signing")
# Heuristic: a department's facility is named within this many characters of it.
PARENT_WINDOW = 120
# Heuristic: a meeting mentioned in this many sentences is what the article reports.
REPEATED_MENTIONS = 2
# "tổ chức hội nghị ký kết quy chế": the meeting is the signing (matched on the text before a signing trigger).
_SIGNING_MEETING = re.compile(r"(?:hội nghị|cuộc họp)\s+$", re.IGNORECASE)
# "… đang điều trị tại Bệnh viện": the hospital named before, written by its head alone.
_AT_THE_HOSPITAL = re.compile(r"\btại\s+(?:các\s+khoa\s+(?:của\s+)?)?[Bb]ệnh viện(?!\s+[A-ZĐ0-9])")
# "Hai đơn vị ký kết …": a signing between units the sentence does not name.
_TWO_PARTIES = ("hai đơn vị", "2 đơn vị", "hai bên", "2 bên", "hai bệnh viện")


@dataclass
class _Draft:
    """An event being assembled from its triggers."""

    type: EventType
    hits: list[TriggerHit] = field(default_factory=list)
    date: Optional[SentenceDate] = None
    target: Optional[str] = None

    @property
    def start(self) -> int:
        return min(hit.start for hit in self.hits)


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
    drafts = _group(hits, spans, sentences, lead_paragraph, lead, dates, ann, parents, cues)
    events = [
        _event(number, draft, lead, sentences, spans, entities, parents, ann)
        for number, draft in enumerate(sorted(drafts, key=lambda d: d.start), start=1)
    ]
    events = with_opened_facility(events, ann.text, ann.article.title, entities, spans)
    tours = one_visit_per_place(_share_visitors(events), spans, ann.text, parents, hits, first_of_several_days(dates))
    return share_occasion(one_visit_per_person(tours, spans, ann.text, hits, ann.rules))


def _group(
    hits: list[TriggerHit],
    spans: list[EntitySpan],
    sentences: list[Sentence],
    lead_paragraph: int,
    lead: Optional[SentenceDate],
    dates: list[DateMention],
    ann: AnnotatedArticle,
    parents: dict[str, str],
    cues: PlaceCues,
) -> list[_Draft]:
    text, body_length, published = ann.text, ann.body_length, ann.published
    drafts: list[_Draft] = []
    pending: list[TriggerHit] = []
    historical = history_starts(sentences, dates)
    # A second pass over the date rules, made only for a trigger nothing else lets start an event.
    days_without_year = functools.cache(lambda: yearless_days(text, ann.rules))
    for hit in hits:
        target = visit_target(hit, spans, text, cues) if hit.type == "visit" and not hit.refers_back else (
            award_recipient(hit, spans, text) if hit.type == "award" else None)
        # Gifts taken to a hospital's department are part of the visit to that hospital.
        target = parents.get(target, target) if target is not None else None
        long_ago = years_before_publication(hit, published)
        in_history = (hit.start > historical.get(hit.sentence_index, len(text))
                      or long_before_lead(hit, lead, lead_paragraph, published)
                      or long_ago or bool(IN_A_YEAR.match(text, hit.end)))
        # Gifts handed out at a ceremony, or by a hospital to its own patients, are no visit.
        gifts_of_no_visit = bool(hit.rule.meta.get("gift")) and (
            _at_ceremony(hit, hits, drafts) or _own_gift(hit, target, spans, parents, text))
        visit = _visit_met_at(hit, drafts)
        if visit is not None:
            visit.hits.append(hit)
        elif hit.start < body_length and not in_history and not gifts_of_no_visit \
                and _starts_event(hit, target, lead_paragraph, days_without_year):
            _join_or_start(drafts, hit, target)
        else:
            # Evidence only; a date of the past it carries dates nothing.
            pending.append(replace(hit, date=None) if long_ago else hit)
    # Hits that only add evidence go last, so that they also find the events other pending hits
    # start ("điều động, bổ nhiệm ông A …" written before "Phát biểu tại buổi lễ").
    for hit in sorted(pending, key=lambda h: h.strength == ATTACH):
        _attach(drafts, hit, body_length)
    _repeated_meeting(drafts, pending, body_length)
    return _merge_untargeted_visits(_without_signing_meeting(drafts, text))


def _without_signing_meeting(drafts: list[_Draft], text: str) -> list[_Draft]:
    """A meeting held to sign ("tổ chức hội nghị ký kết quy chế …", later "chủ trì hội nghị",
    "Phát biểu tại hội nghị") is the signing, not a ceremony of its own."""
    signing_meeting = any(
        d.type == "signing" and any(_SIGNING_MEETING.search(text, max(0, h.start - 20), h.start) for h in d.hits)
        for d in drafts)
    if not signing_meeting:
        return drafts
    return [d for d in drafts if not (d.type == "ceremony" and all(h.rule.meta.get("meeting") for h in d.hits))]


def _repeated_meeting(drafts: list[_Draft], pending: list[TriggerHit], body_length: int) -> None:
    """An undated meeting the article keeps coming back to ("Tham dự Hội nghị …", "Phát biểu
    tại Hội nghị …") is the article's event: a ceremony, when no other event took its mentions."""
    if any(d.type == "ceremony" for d in drafts):
        return
    hits = [h for h in pending if h.type == "ceremony" and h.strength == "verb" and h.start < body_length]
    if len({h.sentence_index for h in hits}) >= REPEATED_MENTIONS:
        drafts.append(_Draft(type="ceremony", hits=hits, date=next((h.date for h in hits if h.date), None)))


def _visit_met_at(hit: TriggerHit, drafts: list[_Draft]) -> Optional[_Draft]:
    """The visit a meeting pointed at as the occasion ("Tại buổi gặp mặt, …") belongs to: the
    visit reported in the sentence before, when no ceremony has been reported."""
    if not (hit.rule.meta.get("joins_visit") and hit.at_occasion) or any(d.type == "ceremony" for d in drafts):
        return None
    return next((d for d in reversed(drafts) if d.type == "visit"
                 and any(h.sentence_index == hit.sentence_index - 1 for h in d.hits)), None)


def _at_ceremony(hit: TriggerHit, hits: list[TriggerHit], drafts: list[_Draft]) -> bool:
    """Gifts handed out at a ceremony ("Tại buổi lễ, … tặng quà"; "tổ chức họp mặt, tặng quà
    viên chức"): part of the ceremony, not a visit."""
    if hit.at_occasion and any(d.type == "ceremony" for d in drafts):
        return True
    return any(h.type == "ceremony" and h.strength == "head" and h.sentence_index == hit.sentence_index
               and h.start < hit.start for h in hits)


def _own_gift(hit: TriggerHit, target: Optional[str], spans: list[EntitySpan], parents: dict[str, str],
              text: str) -> bool:
    """Gifts a hospital hands to its own patients ("đại diện Bệnh viện X đã trao 232 suất quà đến
    các bệnh nhân … tại Bệnh viện", "… tại Khoa Ung bướu" of X): no one visits."""
    givers = {parents.get(span.ref, span.ref) for span in spans
              if span.kind == "facility" and hit.sentence.start <= span.start and span.end <= hit.start}
    if target is None:
        return bool(givers) and bool(_AT_THE_HOSPITAL.search(text, hit.end, hit.sentence.end))
    return target in givers


def _starts_event(hit: TriggerHit, target: Optional[str], lead_paragraph: int,
                  days_without_year: Callable[[], list[int]]) -> bool:
    """Whether a trigger may start an event on its own."""
    if hit.strength == "head":
        return True
    if hit.strength != "verb":
        return False
    # A reported act starts an event when dated, in the lead, or aimed at a named place or person
    # (a visit's host, an award's receiving facility). A day written without a year the page
    # gives ("ngày 7/9, Bệnh viện … đã thực hiện chương trình …") dates it too, to a day unknown.
    if hit.date is not None or hit.sentence.paragraph == lead_paragraph or target is not None:
        return True
    return any(hit.sentence.start <= at < hit.sentence.end for at in days_without_year())


def _join_or_start(drafts: list[_Draft], hit: TriggerHit, target: Optional[str]) -> None:
    for draft in drafts:
        if draft.type != hit.type:
            continue
        # A sentence that opens "Tại buổi gặp mặt, …" is about the event found before it;
        # a date it writes is something else ("ôn lại … ngày 27/2 … năm 1955").
        if draft.date and hit.date and draft.date.value != hit.date.value and not hit.at_occasion:
            continue
        if hit.type == "visit" and target and draft.target != target and (draft.target or hit.at_occasion):
            continue  # another place, or a further stop "on this occasion" (Dịp này, đoàn đến …)
        draft.hits.append(hit)
        draft.date = draft.date or (None if hit.at_occasion else hit.date)
        draft.target = draft.target or target
        return
    drafts.append(_Draft(type=hit.type, hits=[hit], date=hit.date, target=target))


def _attach(drafts: list[_Draft], hit: TriggerHit, body_length: int) -> None:
    """Evidence for an event already found; "buổi lễ" may start a ceremony."""
    if hit.strength == "anaphoric":
        candidates = [d for d in drafts if d.type in _CEREMONIAL]
        if not candidates and hit.start < body_length:
            drafts.append(_Draft(type="ceremony", hits=[hit], date=hit.date))
            return
    else:
        candidates = [d for d in drafts if d.type == hit.type]
        # Gifts handed out at the occasion are part of it ("Tại chương trình, … trao tặng 90 suất quà");
        # honours given "Dịp này" start an award even in a photo's caption.
        if not candidates and hit.at_occasion and hit.strength in ("verb", "head") and not hit.rule.meta.get("gift") \
                and (hit.start < body_length or hit.type == "award"):
            occasion = _occasion_of(drafts, hit)
            if occasion is not None:
                drafts.append(_Draft(type=hit.type, hits=[hit], date=hit.date or occasion.date))
            return
    if not candidates:
        return
    # The nearest event mentioned before the hit, else the first one after it.
    before = [d for d in candidates if d.start <= hit.start]
    chosen = max(before, key=lambda d: d.start) if before else min(candidates, key=lambda d: d.start)
    if hit.strength == "anaphoric":
        ceremonies = [d for d in candidates if d.type == "ceremony"]
        chosen = ceremonies[0] if ceremonies else chosen
    chosen.hits.append(hit)
    chosen.date = chosen.date or hit.date


def _occasion_of(drafts: list[_Draft], hit: TriggerHit) -> Optional[_Draft]:
    """The ceremony, signing ceremony or working session a sentence pointing at "the occasion"
    means ("Tại buổi Hội đàm, hai bên … ký kết biên bản"): the nearest one mentioned before it,
    else the first one."""
    ceremonial = [d for d in drafts if d.type in _CEREMONIAL or d.type == "visit" and hit.type != "visit"
                  and any(h.strength == "head" for h in d.hits)]
    before = [d for d in ceremonial if d.start <= hit.start]
    if before:
        return max(before, key=lambda d: d.start)
    return min(ceremonial, key=lambda d: d.start) if ceremonial else None


def _merge_untargeted_visits(drafts: list[_Draft]) -> list[_Draft]:
    """A visit that names nobody visited joins the first visit that does (same day), unless
    that one is a further stop made "on this occasion" ("Dịp này, đoàn đến chúc Tết Trung tâm Y tế …")."""
    targeted = [d for d in drafts if d.type == "visit" and d.target and not d.hits[0].at_occasion]
    if not targeted:
        return drafts
    kept = []
    for draft in drafts:
        if draft.type == "visit" and not draft.target:
            home = next((t for t in targeted if not (t.date and draft.date and t.date.value != draft.date.value)), None)
            if home is not None:
                home.hits.extend(draft.hits)
                home.date = home.date or draft.date
                continue
        kept.append(draft)
    return kept


def _event(
    number: int,
    draft: _Draft,
    lead: Optional[SentenceDate],
    sentences: list[Sentence],
    spans: list[EntitySpan],
    entities: Entities,
    parents: dict[str, str],
    ann: AnnotatedArticle,
) -> Event:
    hits = sorted(draft.hits, key=lambda h: h.start)
    date = draft.date or lead
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
    """"Hai đơn vị ký kết …" names no party: take the article's two most-mentioned units."""
    parties = [p for p in people if p.role == "party"]
    mentions_two = any(any(word in name_key(h.sentence.text) for word in _TWO_PARTIES) for h in hits)
    if len(parties) >= 2 or not mentions_two:
        return people
    counts: dict[str, int] = {}
    for span in spans:
        if span.kind != "person":
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
