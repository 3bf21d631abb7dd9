"""The working session a signing is held at, as a visit when one party travelled to the other.

An agreement signed at a working session is a signing; the session is a visit
when one side travels to the other (annotation guide). Most articles say so
with a visit trigger (``đến thăm và làm việc tại Bệnh viện B``), and those
visits are found as any other. Some only name one party's delegation: ``Đoàn
công tác của Bệnh viện Lao và bệnh phổi Quy Nhơn do … làm trưởng đoàn`` in
the report of a signing between that hospital and Bệnh viện Lao và bệnh phổi
Pleiku. The party whose delegation it is came to the other: that is a visit,
on the signing's day, by that party to the other parties.

Only one party's delegation may be named, and the article must report no
visit already: a delegation of each side, or a visit found otherwise, leaves
the events as they are.

The other way round, a visit found on the signing's day whose host is one
party and which names no visiting unit (``… dẫn đoàn tham quan các phòng
chuyên môn tại Bệnh viện B`` after the signing between A and B) was paid by the
signing's other parties.
"""

from __future__ import annotations

from typing import Optional

from ..models import Event, EventAttributes, Evidence, Participant
from ..rules import RuleSet
from .event_participants import EntitySpan, is_facility_ref
from .event_triggers import CONTEXT
from .sentences import Sentence

# "Đoàn công tác của Bệnh viện A": the delegation's unit follows the rule's words at once.
DELEGATION_UNIT_GAP = 2


def visit_of_travelling_party(
    events: list[Event], spans: list[EntitySpan], sentences: list[Sentence], text: str, rules: RuleSet
) -> list[Event]:
    """Events with a visit added after the signing whose one party sent a delegation, renumbered
    ``E1…`` in order."""
    if any(event.type == "visit" for event in events):
        return events
    result: list[Event] = []
    for event in events:
        result.append(event)
        visit = _travelling_party_visit(event, spans, sentences, text, rules) if event.type == "signing" else None
        if visit is not None:
            result.append(visit)
    if len(result) == len(events):
        return events
    return [event.model_copy(update={"id": f"E{number}"}) for number, event in enumerate(result, start=1)]


def _travelling_party_visit(
    signing: Event, spans: list[EntitySpan], sentences: list[Sentence], text: str, rules: RuleSet
) -> Optional[Event]:
    parties = _facility_parties(signing)
    if len(parties) < 2:
        return None
    delegations: dict[str, tuple[Evidence, str]] = {}  # the evidence and the words naming the delegation
    for rule in (r for r in rules.rules(CONTEXT) if r.meta.get("role") == "delegation"):
        for match in rule.regex.finditer(text):
            unit = next((s for s in spans if 0 <= s.start - match.end() <= DELEGATION_UNIT_GAP), None)
            if unit is None or unit.ref not in parties:
                continue
            sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
            if sentence is not None:
                evidence = Evidence(start=sentence.start, end=sentence.end, rule=rule.id)
                delegations.setdefault(unit.ref, (evidence, text[match.start():unit.end]))
    if len(delegations) != 1:
        return None  # no delegation, or each side's: who travelled is not known
    ((visitor, (evidence, trigger)),) = delegations.items()
    return signing.model_copy(update={
        "type": "visit",
        "trigger": trigger,
        "name": None,
        "participants": [Participant(ref=visitor, role="visitor")]
        + [Participant(ref=ref, role="host") for ref in parties if ref != visitor],
        "attributes": EventAttributes(),
        "evidence": [evidence],
    })


def visitors_from_signing(events: list[Event]) -> list[Event]:
    """Visits hosted by a party of a signing on the same day, with no visiting unit of their own,
    given the signing's other facility parties as visitors."""
    signings = [e for e in events if e.type == "signing"]
    result: list[Event] = []
    for event in events:
        result.append(_with_signing_visitors(event, signings) if event.type == "visit" else event)
    return result


def _with_signing_visitors(visit: Event, signings: list[Event]) -> Event:
    refs = {p.ref: p.role for p in visit.participants}
    if any(role == "visitor" and is_facility_ref(ref) for ref, role in refs.items()):
        return visit
    hosts = {ref for ref, role in refs.items() if role == "host" and is_facility_ref(ref)}
    for signing in signings:
        parties = _facility_parties(signing)
        if signing.date != visit.date or not hosts & set(parties):
            continue
        visitors = [ref for ref in parties if ref not in refs]
        if visitors:
            return visit.model_copy(update={
                "participants": [*visit.participants, *(Participant(ref=ref, role="visitor") for ref in visitors)]})
    return visit


def _facility_parties(signing: Event) -> list[str]:
    """The facilities that are parties of a signing, in the order it lists them."""
    return [p.ref for p in signing.participants if p.role == "party" and is_facility_ref(p.ref)]
