"""Attributes, name and place of an event, read from its sentences.

Per type (all optional): signing ``agreement`` and ``scope``; award
``award_name`` and recipient counts; visit ``gifts``; ceremony ``occasion``.
The phrases come from ``rules/event_attributes.yaml`` and
``rules/occasions.yaml``.
"""

from __future__ import annotations

import re
from typing import Optional

from ..models import EventAttributes
from ..rules import RuleSet
from .event_triggers import TriggerHit
from .sentences import Sentence

ATTRIBUTES = "event_attributes"
OCCASIONS = "occasions"

# An agreement is named by its kind; what follows runs to "với"/"giữa" (the
# other party) or the end of the sentence.
_AGREEMENT = re.compile(
    r"(?P<agreement>(?:thỏa thuận|hợp đồng|biên bản ghi nhớ|bản ghi nhớ|quy chế phối hợp|chương trình phối hợp|cam kết|hiệp định)"
    r"[^.;:!?()]*?)(?=\s+(?:với|giữa)\s|\s*[.;:!?()]|$)",
    re.IGNORECASE,
)
_AT = re.compile(r"\btại\s+", re.IGNORECASE)
_CEREMONY_WORD = re.compile(r"lễ\b", re.IGNORECASE)
_NAME_END = re.compile(r"\s+(?:với|giữa|cho|tại|của|có|do)\s|\s*[,.;:!?()]|$")
_LIST_END = re.compile(r"(?:\.\.\.|…)\s*$|\.\s*$")
_MAX_NAME = 140


def event_attributes(event_type: str, hits: list[TriggerHit], sentences: list[Sentence], rules: RuleSet) -> EventAttributes:
    """The attributes of one event from the sentences of its triggers (and the lead)."""
    texts = _distinct_sentences(hits)
    if event_type == "signing":
        return EventAttributes(agreement=_agreement(hits), scope=_scope(sentences, rules))
    if event_type == "award":
        collective = _count(texts, rules, "collective_count")
        individual = _count(texts, rules, "individual_count") or _prizes_to_individuals(texts, rules)
        return EventAttributes(
            award_name=_first_group(texts, rules, ATTRIBUTES, "award_name", "name"),
            recipients_collective=collective,
            recipients_individual=individual,
        )
    if event_type == "visit":
        gifts = any(_matches_role(text, rules, ATTRIBUTES, "gifts") for text in texts) or any(
            bool(hit.rule.meta.get("gifts")) for hit in hits
        )
        return EventAttributes(gifts=True if gifts else None)
    lead = [s.text for s in sentences if sentences and s.paragraph == sentences[0].paragraph]
    occasion = _first_group(texts + lead, rules, OCCASIONS, "occasion", "occasion")
    return EventAttributes(occasion=occasion)


def event_name(hits: list[TriggerHit]) -> Optional[str]:
    """The event's own name when the text gives one: "Lễ ký kết thỏa thuận …",
    "lễ khởi động xây dựng phần mềm …" (a naming trigger that starts with lễ)."""
    for hit in hits:
        if hit.strength != "head" or not _CEREMONY_WORD.match(hit.text):
            continue
        rest = hit.sentence.text[hit.start - hit.sentence.start:]
        if hit.type == "signing":
            # A signing is named by its agreement ("Lễ ký kết thỏa thuận …") or not at all.
            agreement = _AGREEMENT.search(rest)
            if agreement and agreement.start() <= len(hit.text) + 1:
                return _tidy(rest[: agreement.end()])
            continue
        tail = rest[len(hit.text):]
        end = _NAME_END.search(tail)
        return _tidy(hit.text + (tail[: end.start()] if end else tail))[:_MAX_NAME]
    return None


def event_location(hits: list[TriggerHit], rules: RuleSet, places: list[tuple[int, int]]) -> Optional[str]:
    """Where the event took place: "tại <Place>" in its dated or naming sentence.

    ``places`` are the offsets of facility and organization mentions; one that
    follows "tại" is the place ("tại Bệnh viện Bạch Mai"); otherwise the
    location rule gives a place written with capitals or an administrative unit.
    """
    for hit in sorted(hits, key=lambda h: (h.date is None, h.strength != "head", h.start)):
        sentence = hit.sentence
        for match in _AT.finditer(sentence.text):
            at = sentence.start + match.end()
            place = next(((s, e) for s, e in places if s == at and e <= sentence.end), None)
            if place:
                return sentence.text[place[0] - sentence.start:place[1] - sentence.start]
        found = _first_group([sentence.text], rules, ATTRIBUTES, "location", "place")
        if found:
            return found
    return None


def _agreement(hits: list[TriggerHit]) -> Optional[str]:
    for hit in hits:
        if hit.type != "signing" or hit.strength == "attach":
            continue
        rest = hit.sentence.text[hit.start - hit.sentence.start:]
        match = _AGREEMENT.search(rest)
        if match:
            return _tidy(match.group("agreement"))
    return None


def _scope(sentences: list[Sentence], rules: RuleSet) -> list[str]:
    """Areas an agreement covers: the ";"-separated list after a scope phrase."""
    intros = [r for r in rules.rules(ATTRIBUTES) if r.meta.get("role") == "scope_intro"]
    for sentence in sentences:
        for rule in intros:
            match = rule.regex.search(sentence.text)
            if not match:
                continue
            listed = sentence.text[match.end():]
            items = [_tidy(_LIST_END.sub("", item)) for item in listed.split(";")]
            items = [item for item in items if item]
            if len(items) >= 2:
                return items
    return []


def _count(texts: list[str], rules: RuleSet, role: str) -> Optional[int]:
    value = _first_group(texts, rules, ATTRIBUTES, role, "count")
    return int(value) if value and value.isdigit() else None


def _prizes_to_individuals(texts: list[str], rules: RuleSet) -> Optional[int]:
    """The number of prizes given to individuals ("giải nhất cho thí sinh …, 9
    giải khuyến khích cho 9 thí sinh còn lại" is 1 + 9): a prize without a
    number is one prize."""
    total = 0
    for text in texts:
        for rule in rules.rules(ATTRIBUTES):
            if rule.meta.get("role") == "prize_to_individual":
                total += sum(int(m.group("count") or 1) for m in rule.finditer(text))
    return total or None


def _first_group(texts: list[str], rules: RuleSet, kind: str, role: str, group: str) -> Optional[str]:
    for text in texts:
        for rule in rules.rules(kind):
            if rule.meta.get("role") != role:
                continue
            match = rule.regex.search(text)
            if match and match.groupdict().get(group):
                return _tidy(match.group(group))
    return None


def _matches_role(text: str, rules: RuleSet, kind: str, role: str) -> bool:
    return any(rule.meta.get("role") == role and rule.regex.search(text) for rule in rules.rules(kind))


def _distinct_sentences(hits: list[TriggerHit]) -> list[str]:
    seen: dict[int, str] = {}
    for hit in hits:
        seen.setdefault(hit.sentence_index, hit.sentence.text)
    return [seen[index] for index in sorted(seen)]


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:-–")
