"""Tours: one visit trigger that names several places is one visit per place.

"Đoàn … đã đến thăm các đơn vị: Bệnh viện Đa khoa tỉnh, Bệnh viện Y học cổ
truyền, Trung tâm y tế …" reports a visit to each unit, and the record counts
visits by place (two visits to two places are two events). The places are the
facilities the event's sentences list one after another (``A, B và C``) as
hosts right after a visiting verb (``đến thăm``, ``làm việc với``): those
present at one working session (``Tham dự buổi làm việc có … Trạm Y tế A,
Trạm Y tế B``) are one event. Each visit keeps the event's visitors, attendees and evidence. Units
that only take part (a delegation's hospital, a department visited inside one
of the places) are not split on.
"""

from __future__ import annotations

import re

from ..models import DateMention, Event, Participant
from .event_participants import EntitySpan, is_facility_ref
from .event_triggers import TriggerHit, hits_in_event

# "Trường … có buổi tiếp và làm việc với Sở Y tế, Bệnh viện A, Bệnh viện B": the bodies listed
# came to the subject; one meeting at its place, not a tour of theirs.
_RECEIVED_BEFORE = re.compile(r"(?:tiếp|đón tiếp)\s+và\s+$", re.IGNORECASE)
# A visit's noun names its place right after it ("buổi khảo sát Bệnh viện …"), or after what the
# session was about and "tại" ("buổi làm việc về công tác y tế tại Trung tâm Y tế các huyện A và B":
# the places' head, written once before their units, is no part of the first place's mention).
_NAMED_RIGHT_AFTER = 3
_HELD_AT = re.compile(r"\s(?:về\s[^,;.:!?()]{1,40}?\s)?tại\s+(?:[^,;.:!?()]{1,30}?\s(?:các|hai|\d)\s+\w+\s+)?")
# What separates two places in a list: a comma, a semicolon, "và", or ", và", maybe after the
# place's ward in brackets ("Bệnh viện A (phường X) và Bệnh viện B"), maybe with other short
# items between ("tại UBND huyện, Bệnh viện Đa khoa, Trung tâm Y tế dự phòng huyện …; …"), an item
# maybe with its ward in brackets ("…, trực thuộc Tổ đình Hưng Minh Tự (Phường 10, Quận 6) và …").
_LIST_GAP = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[,;]\s*(?:và\s+)?|và\s+)"
                       r"(?:[^,;.:!?()]{1,40}?(?:\s*\([^()\n]{1,40}\))?\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+))*",
                       re.IGNORECASE)


def one_visit_per_place(
    events: list[Event], spans: list[EntitySpan], text: str, parents: dict[str, str], hits: list[TriggerHit],
    several_days: frozenset[str] = frozenset(),
) -> list[Event]:
    """Events with every tour split into its visits, renumbered ``E1…`` in order. A tour dated by
    the first of ``several_days`` ("Trong 2 ngày 24 và 25-2, … đến thăm …") leaves the day of
    each visit unknown."""
    acts = [hit for hit in hits if hit.type == "visit" and hit.strength in ("verb", "head")]
    result: list[Event] = []
    for event in events:
        places = _listed_places(event, spans, text, parents, acts) if event.type == "visit" else []
        if len(places) < 2:
            result.append(event)
            continue
        places = _met_apart(event, places, spans, parents, acts) + places
        shared = [p for p in event.participants if p.ref not in places]
        date = None if event.date in several_days else event.date
        written = _written_names(places, spans, text)
        # The tour's place ("tại Bệnh viện A") is where one visit took place: each visit is at its own.
        at_a_place = event.location in {name for names in written.values() for name in names}
        for place in places:
            own = [p for p in shared if p.role != "host" or parents.get(p.ref, place) == place]
            location = written[place][0] if at_a_place and written[place] else event.location
            result.append(event.model_copy(update={
                "participants": own + [Participant(ref=place, role="host")], "date": date, "location": location}))
    if len(result) == len(events):
        return events
    result = _merge_same_place(result)
    return [event.model_copy(update={"id": f"E{number}"}) for number, event in enumerate(result, start=1)]


def first_of_several_days(dates: list[DateMention]) -> frozenset[str]:
    """The first days of expressions that write several days (``ngày 24 và 25-2``, ``Từ ngày 6 - 10.6``):
    their days share one mention."""
    days_at: dict[tuple[int, int], list[str]] = {}
    for date in dates:
        if len(date.value) == 10:
            for mention in date.mentions:
                days_at.setdefault((mention.start, mention.end), []).append(date.value)
    return frozenset(min(days) for days in days_at.values() if len(set(days)) > 1)


def _merge_same_place(events: list[Event]) -> list[Event]:
    """A visit split off a tour and another visit of the same place and day are one visit
    ("thăm hỏi … tại Bệnh viện A, Bệnh viện B" and "trao tặng quà … tại Bệnh viện B")."""
    merged: list[Event] = []
    for event in events:
        places = _host_facilities(event)
        home = next((m for m in merged if m.type == "visit" == event.type and places and _host_facilities(m) == places
                     and (m.date is None or event.date is None or m.date == event.date)), None)
        if home is None:
            merged.append(event)
            continue
        merged[merged.index(home)] = _absorb(home, event)
    return _dissolve_covered(merged)


def _absorb(home: Event, event: Event) -> Event:
    known = {p.ref for p in home.participants}
    return home.model_copy(update={
        "participants": home.participants + [p for p in event.participants if p.ref not in known],
        "evidence": home.evidence + [e for e in event.evidence if e not in home.evidence],
        "date": home.date or event.date,
    })


def _dissolve_covered(events: list[Event]) -> list[Event]:
    """A visit naming several places that each have a visit of their own (a caption "Thăm hỏi
    … tại Bệnh viện A, B", after the tour "… tại A, B và C") is not a visit of its own: it is
    dropped, and its sentences are not added to those visits' evidence."""
    single = {next(iter(_host_facilities(e))): e for e in events if e.type == "visit" and len(_host_facilities(e)) == 1}
    kept: list[Event] = []
    for event in events:
        places = _host_facilities(event)
        if event.type == "visit" and len(places) >= 2 and all(p in single for p in places):
            continue
        kept.append(event)
    return kept


def _host_facilities(event: Event) -> frozenset[str]:
    return frozenset(p.ref for p in event.participants if p.role == "host" and is_facility_ref(p.ref))


def _listed_places(
    event: Event, spans: list[EntitySpan], text: str, parents: dict[str, str], acts: list[TriggerHit]
) -> list[str]:
    """The places of a tour: when a sentence of the event lists host facilities one after
    another after a visiting verb (or right after a visit's noun: "buổi khảo sát Bệnh viện A và
    Trung tâm Y tế B"), every host facility of the event, and the other bodies the list names,
    in order of mention."""
    hosts = {p.ref for p in event.participants if p.role == "host" and p.ref[0] in "FO" and p.ref not in parents}
    if len(hosts) < 2:
        return []
    best: list[str] = []
    for act in hits_in_event(event, acts):
        if _RECEIVED_BEFORE.search(text, max(0, act.start - 16), act.start):
            continue
        after = [s for s in spans if s.ref in hosts and act.end <= s.start and s.end <= act.sentence.end]
        if act.strength == "head" and not (after and (after[0].start - act.end <= _NAMED_RIGHT_AFTER
                                                      or _HELD_AT.fullmatch(text, act.end, after[0].start))):
            continue
        run = _first_run(after, text)
        if len(run) > len(best):
            best = run
    if len(best) < 2:
        return []
    # One tour listed, the others are tours too: every place the event's sentences name as
    # visited is a visit ("Đoàn do … đã đến thăm A, B" and "Đoàn do … đã đến thăm C, D").
    # A body that is no facility (Viện Y tế công cộng) is a place of the tour when it is listed
    # among facilities; bodies listed alone are as likely the givers ("quà tặng của Thành ủy, UBND").
    among_facilities = any(is_facility_ref(ref) for ref in best)
    places = {ref for ref in hosts if is_facility_ref(ref) or among_facilities and ref in best}
    if len(places) < 2:
        return []
    first_mention: dict[str, int] = {}
    for span in spans:
        if span.ref in places:
            first_mention.setdefault(span.ref, span.start)
    return sorted(places, key=lambda ref: first_mention.get(ref, 1 << 30))


def _written_names(refs: list[str], spans: list[EntitySpan], text: str) -> dict[str, list[str]]:
    """How the text writes each of ``refs``, first mention first (``spans`` come in text order)."""
    names: dict[str, list[str]] = {ref: [] for ref in refs}
    for span in spans:
        if span.ref in names:
            names[span.ref].append(text[span.start:span.end])
    return names


def _met_apart(
    event: Event, places: list[str], spans: list[EntitySpan], parents: dict[str, str], acts: list[TriggerHit]
) -> list[str]:
    """Host bodies of a tour met in a sentence of their own: "Đoàn … đã về làm việc với Ban Chỉ
    đạo … tỉnh. Trước giờ làm việc, đoàn đã tới kiểm tra thực tế tại Bệnh viện A và Trung tâm B"
    is a working session with the board besides the two visits, not a host of each of them; so is
    a delegation received ("thừa ủy quyền UBND tỉnh, … đã tiếp Đoàn …") before its tour."""
    hosts = [p.ref for p in event.participants
             if p.role == "host" and p.ref not in places and p.ref[0] == "O" and p.ref not in parents]
    apart: list[str] = []
    for act in hits_in_event(event, acts):
        if act.strength != "verb":
            continue
        within = [s for s in spans if act.sentence.start <= s.start and s.end <= act.sentence.end]
        if any(s.ref in places for s in within):
            continue
        apart += [s.ref for s in within if s.ref in hosts and s.ref not in apart]
    return apart


def _first_run(spans: list[EntitySpan], text: str) -> list[str]:
    """The longest run of the spans written as one list (``A, B và C``). "và" joins the last
    item: what a comma adds after it describes that item (``… và Bệnh viện Quân y 4, Cục Hậu
    cần, Quân khu 4``: the hospital's owners), it is no further item."""
    best: list[str] = []
    run: list[EntitySpan] = []
    closed = False
    for span in spans:
        gap = text[run[-1].end:span.start] if run else ""
        joined = "và" in gap.lower().split()
        if run and span.start >= run[-1].end and _LIST_GAP.fullmatch(gap) and not (closed and not joined):
            run.append(span)
            closed = closed or joined
        elif not run or span.start >= run[-1].end:
            run, closed = [span], False
        places = list(dict.fromkeys(s.ref for s in run))
        if len(places) > len(best):
            best = places
    return best
