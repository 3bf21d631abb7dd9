"""Event triggers of an article: where an event of a contract type is reported.

Triggers come from ``rules/event_triggers.yaml``; the context rules of
``rules/event_context.yaml`` drop those that report a plan (``sẽ ký kết``), a
negation (``chưa ký``), background (a sentence opening with ``Trước đó``) or
someone else's act in a relative clause (``chiến dịch do Bộ Y tế phát
động``: the campaign is background, not the article's event).
Each trigger is given the sentence it stands in and the date written in that
sentence, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..models import DateMention, Event, EventType, PartOfDay
from ..rules import Rule, RuleSet
from .dates import KIND as DATES, is_document_date
from .sentences import Sentence

TRIGGERS = "event_triggers"
CONTEXT = "event_context"
# A plan or negation word blocks a trigger when it stands this close before it
# in the same clause ("hai bên sẽ ký kết" but not "..., sẽ ...; Lễ ký kết").
_BLOCKING_WINDOW = 24
# An approval reaches further: its subject stands between it and the act ("thống nhất để Trường
# Cao đẳng Y tế Lâm Đồng ký kết").
_APPROVAL_WINDOW = 70
# When the first paragraph (a summary) has no date, the paragraphs after it that may open with the
# report's day, and how far into such a paragraph the day may stand ("Sáng ngày 17/6, …").
LEAD_PARAGRAPHS = 2
DATE_OPENING_CHARS = 30
MIN_OPENING_CHARS = 60  # a sentence, not a date line left in the text ("Thứ Hai, 23/10/2006 06:05 SA")
# "Trước đó, chiều 10-4, …": a paragraph that goes back to an earlier day does not open with the report's.
_EARLIER_DAY = re.compile(r"(?:Trước đó|Trước đấy|Hôm trước)\s*,", re.IGNORECASE)
_DAY_MONTH = re.compile(r"(?<![\d/.-])[0-3]?\d\s*[/.-]\s*[01]?\d(?![\d])")
# "Từ 1/10, PGS.TS A sẽ thôi làm nhiệm vụ …": a day from which something holds, with no end
# ("Từ ngày 7/5 đến 8/5" is a stay over days), is not the day the lead reports.
_OPEN_START_BEFORE = re.compile(r"(?<!\w)từ\s+(?:ngày\s+)?$", re.IGNORECASE)
_RANGE_END_AFTER = re.compile(r"\s*(?:[-–]|đến\b|tới\b)\s*(?:ngày\s+)?\d", re.IGNORECASE)
# A range written inside one date ("ngày 26 - 29/6", "5-10/05/2014"), not a day written with dashes ("18-8-2020").
_RANGE_INSIDE = re.compile(r"\d(?:\s+[-–]\s*|\s*[-–]\s+|\s+(?:đến|tới)\s+(?:ngày\s+)?)\d|\d[-–]\d{1,2}[/.]", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”]")
# "đã thăm, tặng quà, khám bệnh, cấp thuốc miễn phí …": a visit that also examines, not a campaign alone.
_VISITED_BEFORE = re.compile(r"\bthăm(?:\s+hỏi)?\s*(?:,|và)\s*$", re.IGNORECASE)
# An agent clause ("do Ủy ban nhân dân thành phố phát động") names its agent
# in at most this many characters before a reported act.
_AGENT_WINDOW = 64
# A date in parentheses after a day word gives that day ("chiều nay (7/10)",
# "thứ Hai (23/10)"); other parenthesised dates are asides such as an
# anniversary range.
_DAY_WORD_BEFORE_PARENTHESIS = re.compile(
    r"\b(?:nay|qua|mai|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*\(\s*$", re.IGNORECASE
)
# A date written right after the name of a day of the year (Ngày Dân số Việt Nam, Ngày Thầy thuốc Việt Nam).
_OCCASION_DAY_BEFORE = re.compile(
    r"\bNgày\s+(?!Thứ\b|Chủ\b)[A-ZĐ][^\s\d,.;:()]*"
    r"(?:\s+(?!(?:sáng|chiều|tối|trưa|ngày|hôm|vào|lúc|từ|đến)\b)[^\s\d,.;:()]+){0,5}\s+$"
)
# A quotation opened by a speaker: "… cho biết: “…”".
_SPEECH_QUOTE = re.compile(
    r"\b(?:cho biết|nói|chia sẻ|phát biểu|khẳng định|nhấn mạnh|bày tỏ|tâm sự|kể)\s*:?\s*(?:<[^>]*>)?\s*“", re.IGNORECASE
)
# When triggers overlap, the one that says most about the event is kept, and
# among equals the one that starts first ("Lễ ký kết" before "ký kết thỏa thuận").
_STRENGTH_ORDER = {"head": 0, "verb": 1, "anaphoric": 2, "attach": 3}


@dataclass(frozen=True)
class SentenceDate:
    """A date written in a sentence, with its offsets."""

    start: int
    end: int
    value: str
    part_of_day: Optional[PartOfDay]
    in_parentheses: bool


@dataclass(frozen=True)
class TriggerHit:
    """One trigger match that survived the context checks."""

    rule: Rule
    type: EventType
    strength: str
    start: int
    end: int
    text: str
    sentence: Sentence
    sentence_index: int
    date: Optional[SentenceDate]
    # The sentence opens by pointing at the occasion ("Tại buổi lễ", "Nhân dịp
    # này"): what it reports happened at the article's ceremony.
    at_occasion: bool = False
    # The event's name follows a word that points back at it ("Tham dự buổi làm việc có …",
    # "Quang cảnh buổi làm việc"): the meeting already reported, not another one.
    refers_back: bool = False

    @property
    def rule_id(self) -> str:
        return self.rule.id


def hits_in_event(event: Event, hits: list[TriggerHit]) -> list[TriggerHit]:
    """The hits written in the event's sentences (its evidence), in the order given."""
    sentences = {(e.start, e.end) for e in event.evidence}
    return [hit for hit in hits if (hit.sentence.start, hit.sentence.end) in sentences]


def find_triggers(
    text: str,
    sentences: list[Sentence],
    rules: RuleSet,
    dates: list[DateMention],
) -> list[TriggerHit]:
    """Every unblocked trigger, one per place (the longest rule wins an overlap)."""
    sentence_dates = [d for d in _sentence_dates(text, dates, rules) if not is_document_date(text, d.start, rules)]
    speech = _reported_speech(text)
    hits: list[TriggerHit] = []
    for index, sentence in enumerate(sentences):
        if _is_background(sentence.text, rules):
            continue
        at_occasion = _opens_with_occasion(sentence.text, rules)
        taken: list[tuple[int, int]] = []
        matches = sorted(
            rules.matches(TRIGGERS, sentence.text),
            key=lambda m: (_STRENGTH_ORDER.get(str(m.rule.meta.get("strength")), 9), m.start, -(m.end - m.start)),
        )
        for match in matches:
            if any(match.start < end and match.end > start for start, end in taken):
                continue
            strength = str(match.rule.meta.get("strength", "verb"))
            if _blocked(sentence.text, match.start, match.end, rules) or (
                strength == "verb" and _in_agent_clause(sentence.text, match.start, rules)
            ):
                continue
            taken.append((match.start, match.end))
            start, end = sentence.start + match.start, sentence.start + match.end
            if any(lo <= start < hi for lo, hi in speech):
                continue  # a speaker's recollection ("… cho biết: “Trong Lễ Khai giảng …”")
            hit = TriggerHit(
                rule=match.rule,
                type=match.rule.meta["type"],  # type: ignore[arg-type]
                strength=strength,
                start=start,
                end=end,
                text=text[start:end],
                sentence=sentence,
                sentence_index=index,
                date=_date_for(start, sentence, sentence_dates),
                at_occasion=at_occasion,
                refers_back=strength == "head" and _refers_back(sentence.text, match.start, rules),
            )
            hits.append(hit)
            # "Lễ trao tặng Huân chương": a ceremony at which honours are handed out is also an award.
            also = match.rule.meta.get("also_type")
            if also:
                hits.append(replace(hit, type=also))  # type: ignore[arg-type]
    hits.sort(key=lambda hit: hit.start)
    return hits



def _context_says(role: str, text: str, rules: RuleSet) -> bool:
    """Whether a context rule of ``role`` matches somewhere in ``text``."""
    return any(rule.meta.get("role") == role and rule.regex.search(text) for rule in rules.rules(CONTEXT))


def _is_background(sentence_text: str, rules: RuleSet) -> bool:
    return _context_says("background", sentence_text, rules)


def _reported_speech(text: str) -> list[tuple[int, int]]:
    """Quotations opened right after a speech verb: what someone said, not the article's report."""
    spans = []
    for opening in _SPEECH_QUOTE.finditer(text):
        close = text.find("”", opening.end())
        spans.append((opening.end(), close if close >= 0 else len(text)))
    return spans


def _refers_back(sentence_text: str, trigger_start: int, rules: RuleSet) -> bool:
    return _context_says("refers_back", sentence_text[max(0, trigger_start - _BLOCKING_WINDOW):trigger_start], rules)


def _opens_with_occasion(sentence_text: str, rules: RuleSet) -> bool:
    return _context_says("occasion", sentence_text, rules)


def _blocked(sentence_text: str, trigger_start: int, trigger_end: int, rules: RuleSet) -> bool:
    """A plan or negation word shortly before the trigger in the same clause, an approval
    further before it ("chấp thuận việc ký kết") or an agreement being carried out ("Thực hiện
    biên bản ghi nhớ … đã được ký kết"), a plan word right after it ("Lễ khánh
    thành sẽ được tổ chức", unless the trigger names what an agreement provides: "Theo nội dung
    ký kết, A sẽ tài trợ …"), or a free examination campaign the act is part of ("khám, cấp
    thuốc miễn phí và tặng quà")."""
    before = sentence_text[max(0, trigger_start - _BLOCKING_WINDOW):trigger_start]
    clause = _CLAUSE_BREAK.split(before)[-1]
    after = _CLAUSE_BREAK.split(sentence_text[trigger_end:trigger_end + _BLOCKING_WINDOW])[0]
    approval_clause = _CLAUSE_BREAK.split(sentence_text[max(0, trigger_start - _APPROVAL_WINDOW):trigger_start])[-1]
    return _context_says("plan", clause, rules) or _context_says("negation", clause, rules) \
        or (_context_says("plan_after", after, rules) and not _context_says("content_of", clause, rules)) \
        or _context_says("approval", approval_clause, rules) \
        or _context_says("carried_out", approval_clause, rules) \
        or _listed_by_plan(sentence_text[:trigger_start], rules) \
        or _in_campaign(sentence_text, trigger_end, clause, approval_clause, rules)


def _listed_by_plan(before: str, rules: RuleSet) -> bool:
    """An item of a list a plan opens ("A sẽ hỗ trợ toàn diện cho B trên các lĩnh vực: đào tạo
    …, tổ chức hội thảo - đào tạo liên tục, …"): what will be done, not an event."""
    colon = before.rfind(":")
    if colon < 0:
        return False
    opening = _CLAUSE_BREAK.split(before[:colon])[-1]
    return _context_says("plan", opening, rules)


def _in_campaign(sentence_text: str, trigger_end: int, clause: str, approval_clause: str, rules: RuleSet) -> bool:
    """A free examination campaign around the act ("khám, cấp thuốc miễn phí và tặng quà"; "được
    tặng quà, khám bệnh, cấp phát thuốc miễn phí"), unless a visit is written right before it."""
    if _VISITED_BEFORE.search(clause):
        return False
    after = sentence_text[trigger_end:trigger_end + _APPROVAL_WINDOW]
    return _context_says("campaign", approval_clause, rules) or _context_says("campaign_after", after, rules)


def _in_agent_clause(sentence_text: str, trigger_start: int, rules: RuleSet) -> bool:
    """A reported act whose agent is introduced by "do" right before it
    ("chuỗi hoạt động do Bộ Y tế phát động"): a relative clause about
    something else the article mentions."""
    clause = _CLAUSE_BREAK.split(sentence_text[max(0, trigger_start - _AGENT_WINDOW):trigger_start])[-1]
    return _context_says("agent_clause", clause, rules)


def _sentence_dates(text: str, dates: list[DateMention], rules: RuleSet) -> list[SentenceDate]:
    """Day-precise dates with their offsets; those in parentheses are marked
    (an anniversary range such as ``(27/2/1955 – 27/2/2025)`` is not the event's date),
    and so are the days of occasions (``Ngày Dân số Việt Nam 26/12``)."""
    found = []
    for date in dates:
        if len(date.value) != 10:
            continue
        for mention in date.mentions:
            open_before = text.rfind("(", 0, mention.start)
            close_before = text.rfind(")", 0, mention.start)
            in_parentheses = open_before > close_before and text.find(")", mention.end) != -1
            line_start = text.rfind("\n", 0, mention.start) + 1
            if in_parentheses and (_DAY_WORD_BEFORE_PARENTHESIS.search(text[max(0, open_before - 20):open_before + 1])
                                   or _written_by(text, mention.start, mention.end, rules, "bracketed_day", line_start)):
                in_parentheses = False  # "hôm nay (7/10)", "đêm giao thừa Tết Đinh Dậu (27-1)": the day itself
            # "hưởng ứng Ngày Dân số Việt Nam 26/12/2024": the day of the occasion, not of the event;
            # the occasion is written in the date's own paragraph (not a headline above "Chiều ngày 09/5").
            in_parentheses = in_parentheses \
                or bool(_OCCASION_DAY_BEFORE.search(text, max(line_start, mention.start - 60), mention.start)) \
                or _written_by(text, mention.start, mention.end, rules, "occasion", line_start)
            found.append(SentenceDate(mention.start, mention.end, date.value, date.part_of_day, in_parentheses))
    found.sort(key=lambda d: d.start)
    return found


def _written_by(text: str, start: int, end: int, rules: RuleSet, meta_key: str, line_start: int = 0) -> bool:
    """Whether the date at ``start``–``end`` is written the way a date rule marked ``meta_key``
    says, within its own paragraph: an occasion's day (``ngày thầy thuốc Việt Nam 27/2``), a
    lunar day's solar day in brackets (``Tết Đinh Dậu (27-1)``)."""
    for rule in rules.rules(DATES):
        if rule.meta.get(meta_key):
            for match in rule.regex.finditer(text, max(line_start, start - 80), min(len(text), end + 8)):
                if "date" in match.re.groupindex and match.end("date") == end:
                    return True
    return False


def _date_for(trigger_start: int, sentence: Sentence, dates: list[SentenceDate]) -> Optional[SentenceDate]:
    """The date of the trigger's sentence: the closest one before the trigger,
    else the first one after it; dates in parentheses do not count."""
    inside = [d for d in dates if sentence.start <= d.start < sentence.end and not d.in_parentheses]
    before = [d for d in inside if d.end <= trigger_start]
    if before:
        # "Từ ngày 6 - 10/6": both ends of a range share one mention; an event over days takes the first
        return min((d for d in before if d.start == before[-1].start), key=lambda d: d.value)
    after = [d for d in inside if d.start >= trigger_start]
    return min((d for d in after if d.start == after[0].start), key=lambda d: d.value) if after else None


def _open_start(text: str, date: SentenceDate) -> bool:
    """Whether the date opens a period with no end (``Từ 1/10, …``)."""
    digit = next((i for i in range(date.start, date.end) if text[i].isdigit()), date.start)
    return bool(_OPEN_START_BEFORE.search(text, max(0, date.start - 12), digit)) \
        and not _RANGE_END_AFTER.match(text, date.end) and not _RANGE_INSIDE.search(text, digit, date.end)


def tells_of_earlier_day(text: str, sentence: Sentence) -> bool:
    """Whether the sentence goes back to a day before the report's ("Trước đó, đoàn … đã khảo sát …")."""
    return _EARLIER_DAY.match(text, sentence.start) is not None


def lead_date(text: str, sentences: list[Sentence], dates: list[DateMention], rules: RuleSet) -> Optional[SentenceDate]:
    """The first day-precise date of the lead paragraph, outside parentheses and
    not the issue date of a cited document."""
    if not sentences:
        return None
    first_paragraph = sentences[0].paragraph
    lead = [s for s in sentences if s.paragraph == first_paragraph]
    start, end = lead[0].start, lead[-1].end
    usable = [date for date in _sentence_dates(text, dates, rules)
              if not date.in_parentheses and not is_document_date(text, date.start, rules, date.end)
              and not _open_start(text, date)]
    # A lead that opens "Trước đó, ngày 28/5/2020, …" (a page cut above it) tells of an earlier day.
    if not tells_of_earlier_day(text, lead[0]):
        for date in usable:
            if start <= date.start < end:
                return date
        if _DAY_MONTH.search(text, start, end):
            return None  # the lead's own day, whose year the article does not give
    # A summary without a date, then the report opens with its day ("Ngày 17/6, Chủ tịch nước …").
    opening_sentences: dict[int, Sentence] = {}
    for sentence in sentences:
        opening_sentences.setdefault(sentence.paragraph, sentence)  # sentences come in text order
    openings = [s.start for paragraph, s in opening_sentences.items()
                if first_paragraph < paragraph <= first_paragraph + LEAD_PARAGRAPHS and len(s.text) >= MIN_OPENING_CHARS
                and not tells_of_earlier_day(text, s)]
    for date in usable:
        if any(0 <= date.start - opening <= DATE_OPENING_CHARS for opening in openings):
            return date
    return None
