"""Triggers grouped into drafts of events, each real-world event once.

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
  visit that does.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from ..document import AnnotatedArticle
from ..models import DateMention, EventType
from .dates import yearless_days
from .event_homes import homes_counted
from .event_history import IN_A_YEAR, history_starts, long_before_lead, years_before_publication
from .event_participants import ATTACH, EntitySpan, PlaceCues, is_facility_ref, recipient_facility, visit_target
from .event_triggers import SentenceDate, TriggerHit
from .sentences import Sentence

# Types an anaphoric "buổi lễ" refers back to (an award is given at a ceremony).
_CEREMONIAL = ("ceremony", "signing")
# Heuristic: a meeting mentioned in this many sentences is what the article reports.
REPEATED_MENTIONS = 2
# Heuristic: "Tại buổi gặp mặt" joins a visit reported at most this many sentences before
# ("… đã có chuyến thăm Bệnh viện X. Đi cùng … có ông B. Trong buổi gặp mặt, …"; a paragraph of
# background and a photo's caption may stand between).
MEETING_AFTER_VISIT = 3
# "tổ chức hội nghị ký kết quy chế": the meeting is the signing (matched on the text before a signing trigger).
_SIGNING_MEETING = re.compile(r"(?:hội nghị|cuộc họp)\s+$", re.IGNORECASE)
# Between two visiting verbs of one list: "đến thăm, tặng quà", "thăm và tặng quà".
_VERB_LIST_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*")
# A headline that names a signing ceremony: "Lễ ký kết hợp tác giữa A và B".
_HEADLINE_SIGNING = re.compile(r"\s*(?:buổi\s+)?lễ\s+ký(?:\s+kết)?\b", re.IGNORECASE)
# "Cũng nhân dịp này, …", "Trong dịp này, A cũng …": what follows is one more event of the
# occasion ("Tại buổi lễ, A cũng phát động …" is still the ceremony's).
_ALSO_ON_THE_OCCASION = re.compile(r"\W*(?:cũng\s+)?(?:(?:nhân|trong|vào)\s+)?dịp (?:này|đó)\b", re.IGNORECASE)
_ALSO = re.compile(r"\bcũng\b", re.IGNORECASE)
# Orders and titles of the state, conferred at a ceremony of their own (not a Bằng khen).
_STATE_HONOUR = re.compile(r"\b(?:huân chương|danh hiệu)\b", re.IGNORECASE)
# A programme that hands out gifts, and the patients it may hand them to.
_PROGRAMME = re.compile(r"\bchương trình\b", re.IGNORECASE)
_TO_PATIENTS = re.compile(r"\b(?:bệnh nhân|người bệnh|bệnh nhi)\b", re.IGNORECASE)
# "… đang điều trị tại Bệnh viện": the hospital named before, written by its head alone.
_AT_THE_HOSPITAL = re.compile(r"\btại\s+(?:các\s+khoa\s+(?:của\s+)?)?[Bb]ệnh viện(?!\s+[A-ZĐ0-9])")


@dataclass
class Draft:
    """An event being assembled from its triggers."""

    type: EventType
    hits: list[TriggerHit] = field(default_factory=list)
    date: Optional[SentenceDate] = None
    target: Optional[str] = None
    # Held as well "on this occasion" (_one_more_ceremony): an occasion is no day, the lead's day is not its.
    on_occasion_only: bool = False

    @property
    def start(self) -> int:
        return min(hit.start for hit in self.hits)

def group_triggers(
    hits: list[TriggerHit],
    spans: list[EntitySpan],
    sentences: list[Sentence],
    lead_paragraph: int,
    lead: Optional[SentenceDate],
    dates: list[DateMention],
    ann: AnnotatedArticle,
    parents: dict[str, str],
    cues: PlaceCues,
) -> list[Draft]:
    text, published = ann.text, ann.published
    # Captions report nothing the body does not, except in a page whose text is only captions.
    body_length = ann.body_length or len(text)
    drafts: list[Draft] = []
    pending: list[TriggerHit] = []
    historical = history_starts(sentences, dates)
    # A second pass over the date rules, made only for a trigger nothing else lets start an event.
    days_without_year = functools.cache(lambda: yearless_days(text, ann.rules))
    targets = _hit_targets(hits, spans, text, cues)
    for hit, target in zip(hits, targets):
        # Gifts taken to a hospital's department are part of the visit to that hospital.
        target = parents.get(target, target) if target is not None else None
        long_ago = years_before_publication(hit, published)
        in_history = (hit.start > historical.get(hit.sentence_index, len(text))
                      or long_before_lead(hit, lead, lead_paragraph, published)
                      or long_ago or bool(IN_A_YEAR.match(text, hit.end)))
        # Gifts handed out at a ceremony or in a programme, or by a hospital to its own patients, are no visit.
        gifts_of_no_visit = bool(hit.rule.meta.get("gift")) and (
            _at_ceremony(hit, hits, drafts) or _in_programme(hit, text) or _own_gift(hit, target, spans, parents, text))
        visit = _visit_met_at(hit, drafts)
        if visit is not None:
            visit.hits.append(hit)
        elif (hit.start < body_length or _signing_pictured(hit)) and not in_history and not gifts_of_no_visit \
                and _starts_event(hit, target is not None or homes_counted(hit, text, cues.homes) > 0,
                                  lead_paragraph, days_without_year):
            _join_or_start(drafts, hit, target)
        elif hit.start < body_length and not in_history and (ceremony := _ceremony_honouring(hit, drafts)) is not None:
            _join_or_start(drafts, replace(hit, date=hit.date or ceremony.date), target)
        else:
            # Evidence only; a date of the past it carries dates nothing.
            pending.append(replace(hit, date=None) if long_ago else hit)
    # Hits that only add evidence go last, so that they also find the events other pending hits
    # start ("điều động, bổ nhiệm ông A …" written before "Phát biểu tại buổi lễ").
    for hit in sorted(pending, key=lambda h: h.strength == ATTACH):
        _attach(drafts, hit, body_length, ann.article.title)
    _repeated_meeting(drafts, pending, body_length)
    _honour_handed_over(drafts)
    return _merge_untargeted_visits(_without_signing_meeting(drafts, text))


def _hit_targets(hits: list[TriggerHit], spans: list[EntitySpan], text: str, cues: PlaceCues) -> list[Optional[str]]:
    """The place or recipient each hit names. Visiting verbs listed one after another ("Đoàn đến
    thăm, tặng quà cho các bệnh nhân ở Bệnh viện A") share the place the last of them names."""
    targets = [visit_target(hit, spans, text, cues) if hit.type == "visit" and not hit.refers_back else (
        recipient_facility(hit, spans, text) if hit.type == "award" or hit.rule.meta.get("handover") else None)
        for hit in hits]
    for i, hit in enumerate(hits):
        if hit.type != "visit" or hit.strength != "verb" or hit.refers_back or targets[i] is not None:
            continue
        after = [j for j, other in enumerate(hits) if other.type == "visit" and other.strength == "verb"
                 and other.start >= hit.end and other.sentence_index == hit.sentence_index]
        nearest = min(after, key=lambda j: hits[j].start, default=None)
        if nearest is not None and _VERB_LIST_GAP.fullmatch(text, hit.end, hits[nearest].start):
            targets[i] = targets[nearest]
    return targets


def _signing_pictured(hit: TriggerHit) -> bool:
    """A caption that shows a signing ceremony ("Lễ ký kết thỏa thuận hợp tác giữa A với B (Ảnh: BTC)")
    reports it, even when the body only tells what was agreed."""
    return hit.type == "signing" and hit.strength == "head"


def _without_signing_meeting(drafts: list[Draft], text: str) -> list[Draft]:
    """A meeting held to sign ("tổ chức hội nghị ký kết quy chế …", later "chủ trì hội nghị",
    "Phát biểu tại hội nghị") is the signing, not a ceremony of its own."""
    signing_meeting = any(
        d.type == "signing" and any(_SIGNING_MEETING.search(text, max(0, h.start - 20), h.start) for h in d.hits)
        for d in drafts)
    if not signing_meeting:
        return drafts
    return [d for d in drafts if not (d.type == "ceremony" and all(h.rule.meta.get("meeting") for h in d.hits))]


def _repeated_meeting(drafts: list[Draft], pending: list[TriggerHit], body_length: int) -> None:
    """An undated meeting the article keeps coming back to ("Tham dự Hội nghị …", "Phát biểu
    tại Hội nghị …") is the article's event: a ceremony, when no other event took its mentions."""
    if any(d.type == "ceremony" for d in drafts):
        return
    hits = [h for h in pending if h.type == "ceremony" and h.strength == "verb" and h.start < body_length]
    if len({h.sentence_index for h in hits}) >= REPEATED_MENTIONS:
        drafts.append(Draft(type="ceremony", hits=hits, date=next((h.date for h in hits if h.date), None)))


def _ceremony_honouring(hit: TriggerHit, drafts: list[Draft]) -> Optional[Draft]:
    """The ceremony reported before an honour someone hands out later in the body ("Chiều 26/2,
    Bệnh viện A tổ chức kỷ niệm …", then "Thừa ủy quyền, lãnh đạo Sở Y tế trao Bằng khen …"): a
    ceremony where commendations are given is a ceremony and an award. Only a rule that names the
    honour handed out counts: "tôn vinh và tri ân những thầy thuốc" may honour without one."""
    if hit.type != "award" or not hit.rule.meta.get("honour_named") or any(d.type == "award" for d in drafts):
        return None
    return next((d for d in reversed(drafts) if d.type == "ceremony" and d.start < hit.start), None)


def _honour_handed_over(drafts: list[Draft]) -> None:
    """A state honour someone hands over ("Phó Chủ tịch Nước … trao danh hiệu Anh hùng Lao động
    tặng Bệnh viện A", "… trao Huân chương Bảo vệ Tổ quốc cho BV B") is conferred at a ceremony,
    when the article reports nothing else: a ceremony where honours are given is a ceremony and an
    award. A Bằng khen may be handed over anywhere; an honour a body was granted ("được Chủ tịch
    nước phong tặng Huân chương") names no handover; one handed over on a visit belongs to it."""
    if any(d.type != "award" for d in drafts):
        return
    # the award begins with the handover, not with a grant the handover only adds evidence to
    handed = next((d for d in drafts if d.hits[0].rule.meta.get("honour_named")
                   and _STATE_HONOUR.search(d.hits[0].text)), None)
    if handed is not None:
        drafts.append(Draft(type="ceremony", hits=[replace(h, type="ceremony") for h in handed.hits],
                            date=handed.date, target=handed.target))


def _visit_met_at(hit: TriggerHit, drafts: list[Draft]) -> Optional[Draft]:
    """The visit a meeting pointed at as the occasion ("Tại buổi gặp mặt, …") belongs to: the
    visit reported in the sentences just before (maybe with who came along between), when no
    ceremony has been reported."""
    if not hit.rule.meta.get("joins_visit") or any(d.type == "ceremony" for d in drafts):
        return None
    if hit.refers_back and not hit.at_occasion:
        # the meeting a visit already took in, named again ("Ngay sau buổi gặp mặt, …")
        return next((d for d in drafts if d.type == "visit" and any(h.rule.id == hit.rule.id for h in d.hits)), None)
    if not hit.at_occasion:
        return None
    return next((d for d in reversed(drafts) if d.type == "visit"
                 and any(0 < hit.sentence_index - h.sentence_index <= MEETING_AFTER_VISIT for h in d.hits)), None)


def _in_programme(hit: TriggerHit, text: str) -> bool:
    """Gifts a programme hands out to people at large ("… tổ chức chương trình khám mắt và tặng quà
    cho hộ nghèo"): a campaign, no one visited. A programme for patients is held at their hospital."""
    return bool(_PROGRAMME.search(hit.sentence.text, 0, hit.start - hit.sentence.start)) \
        and not _TO_PATIENTS.search(text, hit.end, hit.sentence.end)


def _at_ceremony(hit: TriggerHit, hits: list[TriggerHit], drafts: list[Draft]) -> bool:
    """Gifts handed out at a ceremony ("Tại buổi lễ, … tặng quà"; "tổ chức họp mặt, tặng quà
    viên chức"): part of the ceremony, not a visit."""
    if hit.at_occasion and any(d.type == "ceremony" for d in drafts):
        return True
    return any(h.type == "ceremony" and h.strength == "head" and h.sentence_index == hit.sentence_index
               and h.start < hit.start for h in hits)


def _own_gift(hit: TriggerHit, target: Optional[str], spans: list[EntitySpan], parents: dict[str, str],
              text: str) -> bool:
    """Gifts a hospital hands to its own patients ("đại diện Bệnh viện X đã trao 232 suất quà đến
    các bệnh nhân … tại Bệnh viện", "… tại Khoa Ung bướu" of X, "… cho cháu A … đang nằm điều trị
    tại bệnh viện"): no one visits."""
    givers = {parents.get(span.ref, span.ref) for span in spans
              if span.kind == "facility" and hit.sentence.start <= span.start and span.end <= hit.start}
    if target is None or not is_facility_ref(target):
        return bool(givers) and bool(_AT_THE_HOSPITAL.search(text, hit.end, hit.sentence.end))
    return target in givers


def _starts_event(hit: TriggerHit, aimed: bool, lead_paragraph: int,
                  days_without_year: Callable[[], list[int]]) -> bool:
    """Whether a trigger may start an event on its own; ``aimed``: it names its place or person
    (or counts the homes it calls on)."""
    if hit.strength == "head":
        return True
    if hit.strength != "verb":
        return False
    # A reported act starts an event when dated, in the lead, or aimed at a named place or person
    # (a visit's host, an award's receiving facility). A day written without a year the page
    # gives ("ngày 7/9, Bệnh viện … đã thực hiện chương trình …") dates it too, to a day unknown.
    if hit.date is not None or hit.sentence.paragraph == lead_paragraph or aimed:
        return True
    return any(hit.sentence.start <= at < hit.sentence.end for at in days_without_year())


def _join_or_start(drafts: list[Draft], hit: TriggerHit, target: Optional[str]) -> None:
    one_more_ceremony = _one_more_ceremony(hit)
    for draft in drafts:
        if draft.type != hit.type:
            continue
        # A sentence that opens "Tại buổi gặp mặt, …" is about the event found before it;
        # a date it writes is something else ("ôn lại … ngày 27/2 … năm 1955").
        if draft.date and hit.date and draft.date.value != hit.date.value and not hit.at_occasion:
            continue
        if hit.type == "visit" and target and draft.target != target and (draft.target or hit.at_occasion) \
                and not _received_in_sentence(draft, hit):
            continue  # another place, or a further stop "on this occasion" (Dịp này, đoàn đến …)
        if one_more_ceremony or _one_more_handover(hit, target, draft):
            continue
        draft.hits.append(hit)
        # A ceremony named by its head in an occasion's sentence ("Trong khuôn khổ hội nghị, đã diễn
        # ra Lễ trao giải … vào tối 12/9") is dated by it.
        draft.date = draft.date or (None if hit.at_occasion and hit.strength != "head" else hit.date)
        draft.target = draft.target or target
        return
    drafts.append(Draft(type=hit.type, hits=[hit], date=hit.date, target=target, on_occasion_only=one_more_ceremony))


def _one_more_ceremony(hit: TriggerHit) -> bool:
    """A ceremony the occasion's sentence says was held as well ("Cũng nhân dịp này, Bệnh viện đã
    tổ chức Lễ cắt băng khánh thành …"): one more event, not the one reported before."""
    return hit.type == "ceremony" and hit.at_occasion and bool(_ALSO_ON_THE_OCCASION.match(hit.sentence.text)) \
        and _said_as_well(hit)


def _one_more_handover(hit: TriggerHit, target: Optional[str], draft: Draft) -> bool:
    """Goods the delegation handed over as well to another facility ("Đoàn cũng trao tặng cho
    Phòng khám A 100 cái mũ …"): one handover per recipient, as one visit per place."""
    return bool(hit.rule.meta.get("handover")) and target is not None and draft.target != target \
        and _said_as_well(hit)


def _said_as_well(hit: TriggerHit) -> bool:
    """"cũng" before the trigger in its sentence."""
    return bool(_ALSO.search(hit.sentence.text, 0, hit.start - hit.sentence.start))


def _received_in_sentence(draft: Draft, hit: TriggerHit) -> bool:
    """Whether the draft's host received the delegation in the hit's sentence: "A đón tiếp Đoàn
    X … đến thăm, tìm hiểu … tại B" is the one visit A hosts, whatever B's name."""
    return any(h.sentence_index == hit.sentence_index and h.rule.meta.get("subject_role") == "host" for h in draft.hits)


def _attach(drafts: list[Draft], hit: TriggerHit, body_length: int, headline: Optional[str]) -> None:
    """Evidence for an event already found; "buổi lễ" may start a ceremony, or the signing
    ceremony the headline names ("Lễ ký kết hỗ trợ toàn diện giữa A và B")."""
    if hit.strength == "anaphoric":
        candidates = [d for d in drafts if d.type in _CEREMONIAL]
        if not candidates and hit.start < body_length:
            signing = bool(headline and _HEADLINE_SIGNING.match(headline))
            drafts.append(Draft(type="signing" if signing else "ceremony", hits=[hit], date=hit.date))
            return
    elif _one_more_ceremony(hit) and hit.start < body_length:
        drafts.append(Draft(type=hit.type, hits=[hit], date=hit.date, on_occasion_only=True))
        return
    else:
        candidates = [d for d in drafts if d.type == hit.type]
        # Gifts handed out at the occasion are part of it ("Tại chương trình, … trao tặng 90 suất quà");
        # honours given "Dịp này" start an award even in a photo's caption.
        if not candidates and hit.at_occasion and hit.strength in ("verb", "head") and not hit.rule.meta.get("gift") \
                and (hit.start < body_length or hit.type == "award"):
            occasion = _occasion_of(drafts, hit)
            if occasion is not None:
                drafts.append(Draft(type=hit.type, hits=[hit], date=hit.date or occasion.date))
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


def _occasion_of(drafts: list[Draft], hit: TriggerHit) -> Optional[Draft]:
    """The ceremony, signing ceremony or working session a sentence pointing at "the occasion"
    means ("Tại buổi Hội đàm, hai bên … ký kết biên bản"): the nearest one mentioned before it,
    else the first one."""
    ceremonial = [d for d in drafts if d.type in _CEREMONIAL or d.type == "visit" and hit.type != "visit"
                  and any(h.strength == "head" for h in d.hits)]
    before = [d for d in ceremonial if d.start <= hit.start]
    if before:
        return max(before, key=lambda d: d.start)
    return min(ceremonial, key=lambda d: d.start) if ceremonial else None


def _merge_untargeted_visits(drafts: list[Draft]) -> list[Draft]:
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
