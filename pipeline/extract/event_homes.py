"""Home visits: one visit trigger that names several people is one visit per person.

"Đoàn đã đến thăm, chúc tết và tặng quà các gia đình chính sách, gồm: gia đình ông A,
ông B ở xã X; gia đình ông C …" and "đến thăm BS A, nguyên Giám đốc Sở Y tế; BS B … và BS C"
report a call at each home, as a tour of hospitals reports a visit to each hospital. The people
are those the trigger's sentence lists one after another right after the verb, each item maybe
opened by the words that introduce a visited person (``home_visit_person`` rules: ``gia đình
ông``, ``Mẹ VNAH``, ``BS``) and followed by what describes them (their village, a former office).
A unit the list names as a present workplace ("ông A, Giám đốc Bệnh viện X") ends it: such a
call is a visit of that unit. A patient list ("… đang điều trị tại …") is a visit of the hospital.
Homes the text counts without naming them ("thăm hỏi, động viên và hỗ trợ 6 gia đình", the
``counted_homes`` rule) are as many visits, with no place.
"""

from __future__ import annotations

import re
from typing import Optional

from ..models import Event, Evidence, Participant
from ..rules import Rule, RuleSet
from .event_participants import TREATED, EntitySpan, is_facility_ref
from .event_triggers import CONTEXT, TriggerHit, hits_in_event

# Of the visiting verbs, those that call on people at home ("thăm", "chúc Tết"), not "làm việc với".
_CALLS_ON = re.compile(r"\bthăm\b|\bchúc\s+tết\b", re.IGNORECASE)
# What may stand between the verb and the first person: the greetings and a description of
# those called on ("các gia đình thương, bệnh binh …, gồm:"), no other entity.
_FIRST_GAP = 130
# What may describe a person before the next one (village, former office, honours).
_ITEM_GAP = 110
_SEPARATOR_AT_END = re.compile(r"(?:[,;:]\s*(?:và\s+)?|\s+và\s+)$")
_PATIENTS = re.compile(rf"\b{TREATED}\b", re.IGNORECASE)
_FORMER = re.compile(r"\bnguyên\b", re.IGNORECASE)
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# Heuristic: more homes than this are gifts handed out in a programme, not calls one by one.
MOST_HOMES_CALLED_ON = 10


def homes_counted(hit: TriggerHit, text: str, homes: Optional[re.Pattern[str]]) -> int:
    """How many homes a call names by their count right after it ("thăm, tặng quà 4 cán bộ hưu
    trí"); 0 when it counts none, or more than one call would make."""
    if homes is None or hit.type != "visit" or not _CALLS_ON.search(hit.text):
        return 0
    match = homes.match(text, hit.end, hit.sentence.end)
    if match is None:
        return 0
    written = match.group("count").lower()
    count = int(written) if written.isdigit() else _NUMBER_WORDS[written]
    return count if count <= MOST_HOMES_CALLED_ON else 0


def one_visit_per_person(events: list[Event], spans: list[EntitySpan], text: str, hits: list[TriggerHit],
                         rules: RuleSet, homes: Optional[re.Pattern[str]] = None) -> list[Event]:
    """Events with every call on several people split into one visit per person, renumbered
    ``E1…`` in order. A visit that also has a place keeps it and loses the people; one without
    a place becomes the first person's visit. Homes only counted (``homes``) split the same way."""
    person_before = [rule for rule in rules.rules(CONTEXT) if rule.meta.get("role") == "home_visit_person"]
    calls = [hit for hit in hits if hit.type == "visit" and hit.strength == "verb" and _CALLS_ON.search(hit.text)]
    result: list[Event] = []
    called_on: set[str] = set()  # the visits of a tour share its sentences: each person is called on once
    counted: set[int] = set()  # and each count of homes is read once
    for event in events:
        people = _people_called_on(event, spans, text, calls, person_before) if event.type == "visit" else []
        if len(people) < 2:
            result.extend(_counted_homes(event, calls, text, homes, counted))
            continue
        refs, hit = [ref for ref, _ in people], people[0][1]
        kept = event.model_copy(update={"participants": [p for p in event.participants if p.ref not in refs]})
        if called_on.issuperset(refs):
            result.append(kept)
            continue
        called_on.update(refs)
        visitors = [p for p in kept.participants if p.role == "visitor"]
        evidence = [Evidence(start=hit.sentence.start, end=hit.sentence.end, rule=hit.rule_id)]
        homes = [event.model_copy(update={
            "trigger": hit.text, "location": None, "evidence": evidence,
            "participants": visitors + [Participant(ref=ref, role="host")]}) for ref in refs]
        if any(p.role == "host" and is_facility_ref(p.ref) for p in kept.participants):
            result.extend([kept] + homes)
        else:
            first = kept.model_copy(update={"participants": kept.participants + [Participant(ref=refs[0], role="host")]})
            result.extend([first] + homes[1:])
    if not called_on and len(result) == len(events):
        return events
    return [event.model_copy(update={"id": f"E{number}"}) for number, event in enumerate(result, start=1)]


def _counted_homes(event: Event, calls: list[TriggerHit], text: str, homes: Optional[re.Pattern[str]],
                   counted: set[int]) -> list[Event]:
    """The event, and a visit for each further home a call of its sentences counts: the event is
    the first home's visit unless it has a place of its own. ``counted`` holds the calls read."""
    found = [(homes_counted(hit, text, homes), hit) for hit in hits_in_event(event, calls) if hit.start not in counted]
    count, hit = max(found, key=lambda pair: pair[0], default=(0, None))
    if hit is None or count < 2:
        return [event]
    counted.add(hit.start)
    if any(p.role == "host" and is_facility_ref(p.ref) for p in event.participants):
        count += 1
    home = event.model_copy(update={
        "trigger": hit.text, "location": None,
        "evidence": [Evidence(start=hit.sentence.start, end=hit.sentence.end, rule=hit.rule_id)],
        "participants": [p for p in event.participants if p.role == "visitor"]})
    return [event] + [home] * (count - 1)


def _people_called_on(event: Event, spans: list[EntitySpan], text: str, calls: list[TriggerHit],
                      person_before: list[Rule]) -> list[tuple[str, TriggerHit]]:
    """The people the event's longest list of calls names, with the trigger that calls on them."""
    best: list[tuple[str, TriggerHit]] = []
    for hit in hits_in_event(event, calls):
        if _PATIENTS.search(text, hit.end, hit.sentence.end):
            continue
        after = [s for s in spans if hit.end <= s.start and s.end <= hit.sentence.end]
        people = _listed_people(hit, after, text, person_before)
        if len(people) > len(best):
            best = [(ref, hit) for ref in people]
    return best


def _listed_people(hit: TriggerHit, after: list[EntitySpan], text: str, person_before: list[Rule]) -> list[str]:
    people: list[str] = []
    last_end: Optional[int] = None
    for span in after:
        if span.kind != "person":
            # A unit after a person's former office is only where they worked, as is one the list
            # opens with ("các đồng chí là nguyên Chủ tịch UBND Quận 4 qua các thời kỳ: …"); any other ends the list.
            if _FORMER.search(text, hit.end if last_end is None else last_end, span.start):
                continue
            break
        gap = text[hit.end if last_end is None else last_end:span.start]
        if last_end is None:
            if len(gap) > _FIRST_GAP or not _opens_item(gap, person_before, first=True):
                break
        elif len(gap) > _ITEM_GAP or not _opens_item(gap, person_before, first=False):
            break
        if span.ref not in people:
            people.append(span.ref)
        last_end = span.end
    return people


def _opens_item(gap: str, person_before: list[Rule], first: bool) -> bool:
    """Whether ``gap`` ends where an item of the list starts: after a separator (after the verb
    itself for the first item), maybe with the words that introduce a visited person."""
    for rule in person_before:
        match = rule.regex.search(gap)
        if match:
            gap = gap[:match.start()]
            break
    return bool(_SEPARATOR_AT_END.search(gap)) or (first and not gap.strip(" ,"))
