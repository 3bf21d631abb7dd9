"""Who takes part in an event: entity mentions in the event's sentences, with roles.

A participant is a person, facility or organization of the record (``P…``,
``F…``, ``O…``) mentioned in a sentence that supports the event. Its role
comes from where it stands: before the trigger it takes the trigger's
``subject_role`` (visitor, giver, organizer, party), after it the
``object_role`` (host, recipient, party). A delegation (``Đoàn công tác của
Bệnh viện X do … làm trưởng đoàn``) makes its unit, its leader and the
members named later (``Tham gia đoàn còn có …``) visitors; the receiving side
(``Tiếp và làm việc với đoàn, về phía … có …``) are hosts. People in a
sentence about speaking are speakers, other people attendees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..document import Entities
from ..models import Participant, Role
from ..rules import RuleSet
from .event_triggers import CONTEXT, TriggerHit
from .sentences import Sentence

# How far after a trigger the visited place or person may start
# ("làm việc với Trung tâm …", "thăm và tặng quà bác sĩ …").
_TARGET_WINDOW = 28
# What an award or a handover gives may be named at length before "cho" and its recipient
# ("trao Huân chương Bảo vệ Tổ quốc hạng Nhất cho BV 19-8").
_GIVEN_WINDOW = 48
ATTACH = "attach"  # the strength of a trigger that only adds evidence to an event
# A facility written as its head alone ("Bệnh viện") is this many words or fewer.
BARE_HEAD_WORDS = 2
# A unit written right after "tại" is where something happened ("kiểm tra … tại Cảng hàng không …").
_AT_PLACE = re.compile(r"\btại\s+$", re.IGNORECASE)
_INTRODUCES_PLACE = re.compile(r"\b(?:tại|với|đến|tới)\s+(?:các\s+)?$", re.IGNORECASE)
# "đoàn kiểm tra … do Ông Đặng Huy Du … làm trưởng đoàn": the person after "do" leads the delegation.
_LEADER_BEFORE = re.compile(r"\bdo\s+[^,;.]{0,30}$")
# What is said of a patient: treated, in hospital.
TREATED = r"(?:điều trị|nằm viện|chữa bệnh)"
# "thăm bệnh nhân A (tổ 1, phường B) đang điều trị tại Bệnh viện C": the patient's hospital is
# the place visited.
_TREATED_AT = re.compile(rf"[^.;]{{0,80}}?\b(?:đang\s+)?{TREATED}\s+(?:tại|ở)\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:!?]")
# "trao Bằng khen cho Bệnh viện …", "… cho tập thể Bệnh viện …": the award's receiving unit follows.
_GIVEN_TO = re.compile(r"\bcho\s+(?:(?:các\s+)?tập thể\s+)?$", re.IGNORECASE)
# "Bệnh viện Phổi tỉnh đã tiếp nhận hệ thống xe chụp X-quang": a handover told from the side
# that receives names its recipient before the verb.
_RECEIVED = re.compile(r"tiếp nhận\b", re.IGNORECASE)
_SPEAKING = re.compile(r"\b(?:phát biểu|chia sẻ|nhấn mạnh|cho biết|khẳng định|báo cáo)\b", re.IGNORECASE)
_ATTENDING = re.compile(r"\b(?:tham dự|dự|có mặt|tham gia)\b", re.IGNORECASE)
# A unit written right after a person's name is where the person works
# ("thí sinh Nguyễn Thị A, khoa Y tế công cộng", "… B, cán bộ Trạm y tế xã",
# "bác sĩ C, Trạm trưởng Trạm Y tế phường …"), not a participant of its own.
_AFFILIATION_BETWEEN = re.compile(
    r"^\s*[,–-]\s*(?:(?:cán bộ|nhân viên|điều dưỡng|hộ sinh|bác sĩ|kỹ thuật viên|y sĩ|công tác tại|đến từ)\s+"
    r"|(?:Trạm trưởng|Trưởng trạm|Trưởng khoa|Phó trưởng khoa|Trưởng phòng|Phó trưởng phòng)\s+)?$"
    # "BS Nhan Văn Đấu, nguyên Giám đốc Bệnh viện …": a former office's body, only his past workplace
    r"|^\s*[,–-]\s*(?:[^,;()]{1,40},\s*)?nguyên\s+(?:[^\s,;()]+\s+){1,4}$",
)
# What follows "cho biết:" is what was said: units named in it ("… 244 cán bộ
# thuộc Trung tâm Y tế và Phòng Y tế quận") do not take part in the event.
# "Bằng khen của Bộ trưởng Bộ Y tế", "bằng khen từ UBND tỉnh": the body or
# person after "của" (and at most a few office words) gives the commendation.
_GIVEN_BY = re.compile(r"\b(?:của|từ)(?:\s+[^\s,.;]+){0,3}\s*$", re.IGNORECASE)
_GIVEN_BY_WINDOW = 48
_SPEECH_OPENS = re.compile(r"\b(?:cho biết|phát biểu|nhấn mạnh|khẳng định|chia sẻ|báo cáo)\s*:", re.IGNORECASE)
# "Tại buổi làm việc, …": the words before a trigger that make it the occasion of the sentence.
_OCCASION_OPENING = re.compile(r"^\W*(?:(?:sáng|chiều|tối|trưa)?\s*(?:ngày\s*)?\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?\s*,\s*)?"
                               r"(?:tại|trong|sau|qua|kết thúc|phát biểu tại|kết luận|nhân)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class EntitySpan:
    """One mention of an entity of the record."""

    ref: str
    kind: str  # person, facility or organization
    start: int
    end: int


def is_facility_ref(ref: str) -> bool:
    """Whether a participant's ``ref`` points at a facility (``F1``), not a person or organization."""
    return ref.startswith("F")


def entity_spans(entities: Entities) -> list[EntitySpan]:
    spans = []
    for kind, items in (("person", entities.people), ("facility", entities.facilities), ("organization", entities.organizations)):
        for item in items:
            for mention in item.mentions:
                spans.append(EntitySpan(item.id, kind, mention.start, mention.end))
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    return spans


@dataclass(frozen=True)
class PlaceCues:
    """What tells the place of a visit among the bodies written after its verb."""

    # Starts of the mentions of organizations visited like facilities (Sở Y tế, a medical school).
    visited: frozenset[int] = frozenset()
    # The people greeted between the verb and their workplace ("Ban Giám đốc, công chức, nhân viên").
    staff: Optional[re.Pattern[str]] = None
    # A count of the homes called on right after the verb ("thăm hỏi, động viên 6 gia đình").
    homes: Optional[re.Pattern[str]] = None


def place_cues(entities: Entities, rules: RuleSet, text: str) -> PlaceCues:
    """The organizations a delegation may visit like a facility (``visited_body`` rules matched
    on their names), except where a mention completes an office ("Giám đốc Sở Y tế" names the
    person's body, not a place: ``office_before_body``); and the ``staff_before_place`` and
    ``counted_homes`` rules."""
    context = rules.rules(CONTEXT)
    bodies = [rule for rule in context if rule.meta.get("role") == "visited_body"]
    offices = [rule for rule in context if rule.meta.get("role") == "office_before_body"]
    visited = frozenset(
        mention.start
        for org in entities.organizations if any(rule.regex.match(org.name) for rule in bodies)
        for mention in org.mentions
        if not any(rule.regex.search(text[max(0, mention.start - _TARGET_WINDOW):mention.start]) for rule in offices)
    )
    staff = next((rule.regex for rule in context if rule.meta.get("role") == "staff_before_place"), None)
    homes = next((rule.regex for rule in context if rule.meta.get("role") == "counted_homes"), None)
    return PlaceCues(visited, staff, homes)


def visit_target(hit: TriggerHit, spans: list[EntitySpan], text: str, cues: PlaceCues = PlaceCues()) -> Optional[str]:
    """The place or person a visit trigger names: right after it, or later in
    its clause after "tại"/"với" ("đã kiểm tra công tác … tại Trung tâm Y tế …").
    Of the organizations, only those ``cues`` marks as visited are places; the staff greeted
    before their workplace may stand between the verb and the place, however many are listed."""
    if hit.rule.meta.get("subject_role") == "host":
        return _host_before(hit, spans, cues)
    clause_end = _clause_end(text, hit.end, hit.sentence.end)
    for span in spans:
        other_body = span.kind == "organization" and span.start not in cues.visited
        if not other_body and hit.start < span.start and span.end <= hit.end:
            return span.ref  # named inside the trigger: "gửi đến Trung tâm Y tế huyện phần quà"
        if other_body or not hit.end <= span.start < clause_end:
            continue
        if _inside_quotes(text, hit.end, span.start):
            continue  # "ký kết kế hoạch “Nâng cao … tại Bệnh viện A”": a plan's name, no place visited
        if _INTRODUCES_PLACE.search(text[max(hit.end, span.start - 6):span.start]):
            return span.ref
        if hit.rule.meta.get("delegation"):
            continue  # "đoàn công tác Bệnh viện A … tại Bệnh viện B": the place is B, after "tại", "đến"
        if span.kind == "person" and _LEADER_BEFORE.search(text, hit.end, span.start):
            continue  # the delegation's leader, not the person visited
        if span.kind == "facility" and len(text[span.start:span.end].split()) <= BARE_HEAD_WORDS \
                and text[hit.end:span.start].strip():
            continue  # "đoàn kiểm tra chấm điểm chất lượng Bệnh viện": a bare head further on names no place
        if span.start <= hit.end + _TARGET_WINDOW and not (span.kind == "person" and "," in text[hit.end:span.start]):
            # not "Phát biểu tại buổi làm việc, đồng chí …": the speaker, not the visited
            return _patients_hospital(span, spans, text, clause_end) if span.kind == "person" else span.ref
        if span.kind != "person" and cues.staff is not None and cues.staff.fullmatch(text, hit.end, span.start):
            return span.ref  # "đến thăm Ban Giám đốc, công chức, nhân viên Sở Y tế"
    return None


def _inside_quotes(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation that opens after ``start``."""
    stretch = text[start:pos]
    return stretch.count("“") > stretch.count("”") or stretch.count('"') % 2 == 1


def _quoted_apart(text: str, trigger: int, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation the trigger is not part of: a unit named in a
    quoted plan takes no part, but one named in the quoted name of the event itself ("“Hội nghị
    triển khai kế hoạch hợp tác giữa A và B”") is its party."""
    if not _inside_quotes(text, 0, pos):
        return False
    between = text[trigger:pos]
    return not (trigger < pos and _inside_quotes(text, 0, trigger) and "”" not in between and '"' not in between)


def _host_before(hit: TriggerHit, spans: list[EntitySpan], cues: PlaceCues) -> Optional[str]:
    """The place that receives the visitors, written before the trigger (``Trung tâm Y tế khu vực
    Cà Mau tiếp đoàn Sở Y tế``): the body after "tiếp đoàn" is the delegation's, never the place."""
    before = [span for span in spans if hit.sentence.start <= span.start and span.end <= hit.start
              and (span.kind == "facility" or span.kind == "organization" and span.start in cues.visited)]
    return before[-1].ref if before else None


def _patients_hospital(person: EntitySpan, spans: list[EntitySpan], text: str, clause_end: int) -> str:
    """The hospital a visited patient is treated at, else the patient."""
    for span in spans:
        if span.kind == "facility" and person.end <= span.start < clause_end \
                and _TREATED_AT.fullmatch(text, person.end, span.start):
            return span.ref
    return person.ref


def recipient_facility(hit: TriggerHit, spans: list[EntitySpan], text: str) -> Optional[str]:
    """The facility an award or a handover names as its recipient, in the same sentence: before a
    receiving verb ("Bệnh viện Chợ Rẫy được nhận bằng khen …", "Bệnh viện A đã tiếp nhận 2 máy
    thở"), after "cho" following a giving verb ("trao Bằng khen cho Bệnh viện Vinh Dân", "tặng 2
    máy thở cho Bệnh viện A")."""
    role = hit.rule.meta.get("subject_role")
    if hit.rule.meta.get("handover"):
        role = "recipient" if _RECEIVED.match(hit.text) else "giver"  # a handover gives, told from either side
    if role == "giver":
        clause_end = _clause_end(text, hit.end, hit.sentence.end)
        # "trao tặng cho Phòng khám A 100 cái mũ": the trigger may hold its recipient
        return next((s.ref for s in spans if s.kind == "facility" and hit.start <= s.start < clause_end
                     and s.start - hit.end <= _GIVEN_WINDOW and _GIVEN_TO.search(text, hit.start, s.start)), None)
    if role != "recipient":
        return None
    before = [s for s in spans if s.kind == "facility" and hit.sentence.start <= s.start and s.end <= hit.start]
    return before[0].ref if before else None


def _clause_end(text: str, start: int, limit: int) -> int:
    match = _CLAUSE_BREAK.search(text, start, limit)
    return match.start() if match else limit


def participants(
    hits: list[TriggerHit],
    sentences: list[Sentence],
    spans: list[EntitySpan],
    rules: RuleSet,
) -> list[Participant]:
    """Participants of one event from the sentences of its triggers."""
    roles: dict[str, Role] = {}
    event_type = hits[0].type
    joining: dict[str, Role] = {}
    if event_type == "visit":
        delegation = _delegation_roles(hits, sentences, spans, rules)
        roles.update(delegation.sides)
        joining = delegation.joining
    seen_sentences: set[int] = set()
    # A sentence's roles come from its acting trigger ("đến thăm"), not from a word that only
    # names the delegation ("đoàn công tác") written before it.
    acting = {hit.sentence_index for hit in hits if hit.strength != ATTACH}
    # Nor from the occasion it opens with, when a trigger follows ("Sau buổi làm việc tại …, Đoàn
    # … đã đến kiểm tra …"): the occasion is closed by a comma, the sentence acts after it.
    framing = {id(hit) for hit in hits if _trigger_opens_sentence(hit) and any(
        other.sentence_index == hit.sentence_index and other.start >= hit.end and other.strength != ATTACH
        for other in hits)}
    for hit in hits:
        if hit.sentence_index in seen_sentences or hit.strength == ATTACH and hit.sentence_index in acting \
                or id(hit) in framing:
            continue
        seen_sentences.add(hit.sentence_index)
        sentence = hit.sentence
        speaking = bool(_SPEAKING.search(sentence.text))
        attending = bool(_ATTENDING.search(sentence.text))
        in_sentence = _in_sentence(spans, sentence)
        speech = _SPEECH_OPENS.search(sentence.text)
        said_from = sentence.start + speech.end() if speech else sentence.end
        for span in in_sentence:
            if _is_affiliation(span, in_sentence, sentence) or (span.start >= said_from and span.kind != "person") \
                    or _quoted_apart(sentence.text, hit.start - sentence.start, span.start - sentence.start):
                continue  # (a unit named inside a quoted plan or programme takes no part)
            role = _role_by_position(hit, span, speaking, attending)
            if role is not None:
                roles.setdefault(span.ref, role)
    for ref, role in joining.items():
        roles.setdefault(ref, role)
    return [Participant(ref=ref, role=role) for ref, role in roles.items()]


def _trigger_opens_sentence(hit: TriggerHit) -> bool:
    """Whether the sentence opens with the trigger as its occasion ("Tại buổi làm việc, …"); not
    ``TriggerHit.at_occasion``, a sentence pointing at an occasion reported before ("Tại buổi lễ, …")."""
    return bool(_OCCASION_OPENING.match(hit.sentence.text, 0, hit.start - hit.sentence.start))


def _is_affiliation(span: EntitySpan, in_sentence: list[EntitySpan], sentence: Sentence) -> bool:
    """Whether a unit is written as the workplace of the person named right before it."""
    if span.kind == "person":
        return False
    for person in in_sentence:
        if person.kind == "person" and person.end <= span.start:
            between = sentence.text[person.end - sentence.start:span.start - sentence.start]
            if _AFFILIATION_BETWEEN.match(between):
                return True
    return False


def _role_by_position(hit: TriggerHit, span: EntitySpan, speaking: bool, attending: bool) -> Optional[Role]:
    meta = hit.rule.meta
    if span.kind == "person" and speaking:
        return "speaker"
    if hit.type == "signing" and attending:
        # "Tham dự lễ ký kết có … Sở Y tế": those present are not the parties.
        return "attendee"
    before = span.end <= hit.start
    if hit.type == "award" and not before and _given_by(hit, span):
        return "giver"
    # A rule's roles are those of its own type, not of the second event it also reports; the
    # occasion a sentence opens with ("Tại buổi làm việc, ông … ghi nhận") has no object after it.
    declared = None
    if meta.get("type") == hit.type:
        # … and what follows the comma that closes it is the sentence's own subject ("Ngày 26-2,
        # nhân chuyến thăm và làm việc tại tỉnh Quảng Trị, Phó Thủ tướng … đã tới thăm").
        between = hit.sentence.text[hit.end - hit.sentence.start:span.start - hit.sentence.start]
        closed = _trigger_opens_sentence(hit) and "," in between
        if before:
            declared = meta.get("subject_role")
        elif not closed:
            declared = meta.get("object_role")
    if isinstance(declared, str) and declared:
        if span.kind == "person" and declared == "party":
            return "attendee"
        if declared == "visitor" and span.kind != "person" \
                and _AT_PLACE.search(hit.sentence.text, 0, span.start - hit.sentence.start):
            return "host"  # "kiểm tra … tại Cảng hàng không A, thăm và tặng quà …": the place, not the visitor
        return declared  # type: ignore[return-value]
    if hit.type == "ceremony" and before and span.kind != "person":
        return "organizer"
    return "attendee"


def _given_by(hit: TriggerHit, span: EntitySpan) -> bool:
    """Whether the unit or person is the one "của" names right after the award's name."""
    between = hit.sentence.text[hit.end - hit.sentence.start:span.start - hit.sentence.start]
    return len(between) <= _GIVEN_BY_WINDOW and bool(_GIVEN_BY.search(between))


def _in_sentence(spans: list[EntitySpan], sentence: Sentence) -> list[EntitySpan]:
    return [s for s in spans if sentence.start <= s.start and s.end <= sentence.end]


@dataclass(frozen=True)
class DelegationRoles:
    """The roles a visit's delegation sentences give: the two sides, and the units joining."""

    sides: dict[str, Role]
    joining: dict[str, Role]


def _delegation_roles(
    hits: list[TriggerHit],
    sentences: list[Sentence],
    spans: list[EntitySpan],
    rules: RuleSet,
) -> DelegationRoles:
    """Visitors from the delegation and its members; hosts from the receiving side; and,
    apart, the units that join the delegation ("Tham gia cùng đoàn có lãnh đạo Bệnh viện
    A, B"), visitors unless the event's own sentences give them a role (a place visited may
    also send its leaders along).

    Only the paragraphs of the event are searched, so that a delegation of
    another visit in the same article is not mixed in.
    """
    paragraphs = {hit.sentence.paragraph for hit in hits}
    first_paragraph = min(paragraphs)
    last_paragraph = max(paragraphs)
    roles: dict[str, Role] = {}
    joining: dict[str, Role] = {}
    context = rules.rules(CONTEXT)
    for sentence in sentences:
        if not first_paragraph <= sentence.paragraph <= last_paragraph + 1:
            continue
        in_sentence = _in_sentence(spans, sentence)
        for rule in context:
            role_kind = rule.meta.get("role")
            if role_kind == "delegation":
                for match in rule.finditer(sentence.text):
                    unit_start = sentence.start + match.end()
                    for span in in_sentence:
                        if span.kind != "person" and 0 <= span.start - unit_start <= 3:
                            roles[span.ref] = "visitor"
                            break
            elif role_kind == "delegation_leader":
                for match in rule.finditer(sentence.text):
                    lo, hi = sentence.start + match.start(), sentence.start + match.end()
                    for span in in_sentence:
                        if span.kind == "person" and lo <= span.start < hi:
                            roles[span.ref] = "visitor"
            elif role_kind == "delegation_member" and rule.regex.search(sentence.text):
                for span in in_sentence:
                    if span.kind == "person":
                        roles.setdefault(span.ref, "visitor")
                    else:
                        joining.setdefault(span.ref, "visitor")
            elif role_kind == "host_side" and rule.regex.search(sentence.text):
                for span in in_sentence:
                    roles.setdefault(span.ref, "host")
    return DelegationRoles(roles, joining)
