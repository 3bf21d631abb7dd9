"""Gifts a facility holds a programme to hand to the patients it treats: its ceremony, not a visit.

A visit is one side going to another (annotation guide: a working session is a visit when
one side travels to the other). "Tối 16/2, Bệnh viện Tâm thần A tổ chức buổi thăm hỏi, trao
quà Tết … bệnh nhân ở lại điều trị" reports the hospital holding a gift programme at home:
no one travels, and what happens is a programme the hospital holds, a ceremony it is the
organizer of.

Only a visit whose visiting side is that facility (or one of its departments), with no other
body or facility taking part, whose sentences say the facility held it (``tổ chức buổi …
trao quà``) for patients under treatment, or for patients with no place named they are taken
to (``tặng quà cho bệnh nhân dịp Tết``), is changed. Gifts a hospital takes to a commune or
to another hospital stay visits, and so do its leaders going round its wards (``đã đến từng
khoa để thăm hỏi … bệnh nhân đang điều trị``), greetings the guide counts as visits.
"""

from __future__ import annotations

import re

from ..models import Event, Participant
from .event_participants import TREATED, is_facility_ref

# "bệnh nhân ở lại điều trị", "người bệnh đang điều trị", "các bệnh nhi đang nằm viện"
_PATIENTS_TREATED = re.compile(
    rf"\b(?:bệnh\s+nhân|người\s+bệnh|bệnh\s+nhi|trẻ|các\s+em)\b[^.;]{{0,60}}?\b(?:đang|ở\s+lại|còn)\s+{TREATED}\b",
    re.IGNORECASE,
)
# "… cho bệnh nhân dịp Tết": gifts for patients that names no place they are taken to
_PATIENTS_AT_HOME = re.compile(
    r"\b(?:tặng|trao)\s+quà\s+(?:Tết\s+)?cho\s+(?:các\s+)?(?:bệnh\s+nhân|người\s+bệnh|bệnh\s+nhi)\b"
    r"(?![^.;]{0,40}?\b(?:tại|ở|trên\s+địa\s+bàn)\b)", re.IGNORECASE)
# "tổ chức buổi thăm hỏi, trao quà", "tổ chức trao hàng trăm suất quà", "tổ chức chương trình tặng quà",
# "tổ chức chương trình Tết sum vầy - Tết cho người bệnh, nhằm tặng quà": a programme, maybe named
_HELD = re.compile(
    r"\btổ\s+chức\s+(?:(?:buổi|chương\s+trình|hoạt\s+động)\s+(?:[^.;]{0,60}?,?\s+(?:nhằm|để)\s+)?)?"
    r"(?:thăm|trao|tặng|phát)\b", re.IGNORECASE)


def gifts_to_own_patients(events: list[Event], parents: dict[str, str], text: str) -> list[Event]:
    """Events with each visit of a facility to its own patients read as that facility's ceremony."""
    return [_as_ceremony(event) if _at_home(event, parents, text) else event for event in events]


def _at_home(event: Event, parents: dict[str, str], text: str) -> bool:
    if event.type != "visit" or not event.attributes.gifts or not event.participants:
        return False
    if any(not is_facility_ref(p.ref) for p in event.participants):
        return False  # a body or a person of its own takes part: someone may have come
    families = {parents.get(p.ref, p.ref) for p in event.participants}
    if len(families) != 1 or not any(p.role == "visitor" for p in event.participants):
        return False
    return any(_HELD.search(text, e.start, e.end) and (
        _PATIENTS_TREATED.search(text, e.start, e.end) or _PATIENTS_AT_HOME.search(text, e.start, e.end))
        for e in event.evidence)


def _as_ceremony(event: Event) -> Event:
    participants = [Participant(ref=p.ref, role="organizer") for p in event.participants]
    return event.model_copy(update={"type": "ceremony", "participants": participants})
