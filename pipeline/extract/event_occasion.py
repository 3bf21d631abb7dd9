"""A ceremony and the honours handed out at it: one occasion, two entries (contract).

An article that reports one ceremony and one award reports honours handed out
at that ceremony: ``Bệnh viện … kỷ niệm 40 năm thành lập và đón nhận Huân
chương``, then ``Tại buổi lễ, … trao Huân chương``. The two entries describe
one occasion, so a day found for one is the day of the other, and the units
take part in both: the facility honoured attends the ceremony, the facility
holding the ceremony organises the award.
"""

from __future__ import annotations

from ..models import Event, Participant, Role


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
               if _is_facility(p) and p.ref not in present]
    return event.model_copy(update={
        "date": dated.date,
        "part_of_day": dated.part_of_day,
        "participants": list(event.participants) + joining,
    })


def _is_facility(participant: Participant) -> bool:
    return participant.ref.startswith("F")
