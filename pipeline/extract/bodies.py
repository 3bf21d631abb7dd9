"""Mentions of named bodies (facilities and organizations): a head word and the name after it.

``Bệnh viện Đa khoa Đức Giang``: head ``Bệnh viện``, name words ``Đa khoa
Đức Giang``. ``Trung tâm Y tế thị xã Đông Triều``: head, administrative unit
``thị xã``, proper name ``Đông Triều``. A head with nothing after it (``Giám
đốc Bệnh viện``) is a *bare* mention that refers to a body named elsewhere; a
lowercase head with no proper name, or one after a quantifier (``6 bệnh
viện``, ``các trạm y tế``) is *generic* and names nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .body_names import BRACKET_IN_NAME, MAX_LOWERCASE_RUN, NameTail, read_name_tail
from .compounds import WordCompounds
from .lexicon import Hit, Lexicon
from .words import skip_spaces

FACILITY = "facility"
ORGANIZATION = "organization"

# Departments and care centres are named by what they do: longer lowercase runs; a care centre's
# the longest (Trung tâm nuôi dưỡng và phục hồi chức năng người tâm thần).
MAX_DEPARTMENT_LOWERCASE_RUN = 6
MAX_CARE_CENTRE_LOWERCASE_RUN = 8
_OFFICE_HEAD_BEFORE = re.compile(r"(?:[Tt]rưởng|[Bb]í thư|[Tt]hường vụ)\s+$")
_ONE_BEFORE = re.compile(r"(?<![\w.,/])(?:0?1|một)\s+$")
_KIND_BEFORE_DASH = re.compile(r"\s*([^\W\d][^,.;:()\n–-]*?)\s*[-–]")  # up to the dash before the hospital


@dataclass(frozen=True)
class BodyMention:
    """One mention of a facility or organization in the text."""

    start: int
    end: int
    text: str
    category: str  # FACILITY or ORGANIZATION
    kind: str
    head: str  # spelled-out head (Bệnh viện, Trung tâm Y tế, Ủy ban nhân dân …)
    head_text: str  # the head as written (BV, TTYT, bệnh viện …)
    head_end: int
    admin: Optional[str]  # canonical administrative unit word right after the head
    proper: str  # the proper-name words after the head (and unit), as written
    generic: bool
    quantified: bool  # generic because of a quantifier before it (6 bệnh viện)
    acronym: Optional[str] = None  # a bracketed acronym inside the name (CDC), an alias
    level: Optional[str] = None  # for party committees: the level that completes them

    @property
    def bare(self) -> bool:
        """A head (and maybe a unit word) without any proper name."""
        return not self.proper and not self.generic

    @property
    def named(self) -> bool:
        return bool(self.proper) and not self.generic

def find_bodies(
    text: str, lexicon: Lexicon, stops: frozenset[int] = frozenset(), compounds: WordCompounds = WordCompounds()
) -> list[BodyMention]:
    """Every facility and organization mention, in text order, without overlaps.

    ``stops`` are offsets where a name must end (where a person's name starts); ``compounds``
    the segmenter's words a name that reaches their first syllable reads to the end.
    """
    lower = text.lower()
    heads = [(hit, FACILITY) for hit in lexicon.find(lexicon.facility_heads, text)]
    heads += [(hit, ORGANIZATION) for hit in lexicon.find(lexicon.org_heads, text)]
    heads.sort(key=lambda item: (item[0].start, -(item[0].end - item[0].start)))
    found: list[BodyMention] = []
    for hit, category in heads:
        if found and hit.start < found[-1].end:
            continue
        found.append(parse_body(text, lower, hit, category, lexicon, stops, compounds))
    return found


def body_at(text: str, pos: int, lexicon: Lexicon, stops: frozenset[int] = frozenset()) -> Optional[BodyMention]:
    """The facility or organization mention that starts at ``pos``, if any."""
    lower = text.lower()
    facility = lexicon.match_at(lexicon.facility_heads, text, pos)
    organization = lexicon.match_at(lexicon.org_heads, text, pos)
    if facility and (not organization or facility.end >= organization.end):
        return parse_body(text, lower, facility, FACILITY, lexicon, stops)
    if organization:
        return parse_body(text, lower, organization, ORGANIZATION, lexicon, stops)
    return None


def parse_body(
    text: str, lower: str, hit: Hit, category: str, lexicon: Lexicon, stops: frozenset[int],
    compounds: WordCompounds = WordCompounds(),
) -> BodyMention:
    head_text = hit.text.strip()
    head_end = hit.start + len(hit.text.rstrip())
    # A capitalised head names a body; so does a committee written in lowercase after an office
    # held in it ("Phó Trưởng ban chỉ đạo phòng chống dịch huyện", "Phó bí thư đảng ủy").
    named_head = head_text[:1].isupper() or _after_office_head(text, hit.start)
    tail_type = str(hit.meta("tail", "name"))
    if hit.meta("kind") == "association":
        # "Hiệp hội Bệnh viện tư nhân Việt Nam": an association named after a kind of facility
        member = lexicon.match_at(lexicon.facility_heads, text, skip_spaces(text, head_end))
        head_end = member.end if member is not None else head_end
    tail = NameTail(head_end, None, None, None)
    if tail_type != "none":
        # Organizations, departments and care centres keep lowercase words in their names (Cục Quản
        # lý Dược, Khoa Hồi sức tích cực, Trung tâm Điều dưỡng thương binh); hospitals do not
        # (Bệnh viện Bạch Mai cấp cứu …).
        department = hit.meta("kind") == "department"
        care_centre = bool(hit.meta("phrase_name", False))
        phrase_names = category == ORGANIZATION or department or care_centre
        lowercase_start = phrase_names and named_head and bool(hit.meta("lowercase_name", False))
        # Departments and care centres are named by what they do (khoa Chăm sóc sức khỏe sinh sản,
        # Trung tâm Chăm sóc sức khỏe sinh sản): longer lowercase runs.
        long_names = department or care_centre
        longest = MAX_CARE_CENTRE_LOWERCASE_RUN if care_centre else MAX_DEPARTMENT_LOWERCASE_RUN
        tail = read_name_tail(text, lower, head_end, phrase_names, lexicon, stops, named_head, lowercase_start,
                           department, longest if long_names else MAX_LOWERCASE_RUN, compounds)
    proper = text[tail.proper_start:tail.proper_end] if tail.proper_start is not None else ""
    proper = BRACKET_IN_NAME.sub("", proper)
    if not proper and head_text[-1:].isdigit():
        proper = head_text.split()[-1]  # a head that is a whole name (Trung tâm cấp cứu 115)
    if not proper and hit.meta("named_by_kind", False) and (by_kind := _KIND_BEFORE_DASH.match(text, head_end)):
        # "Trung tâm ung bướu - Bệnh viện đa khoa tỉnh": the kind words name the hospital's centre
        proper = by_kind.group(1)
        tail = NameTail(by_kind.end(1), tail.admin, by_kind.start(1), by_kind.end(1), tail.acronym)
    capitalised_head = named_head
    if not capitalised_head and (not any(w[:1].isupper() for w in proper.split()) or lexicon.is_country_name(proper)):
        # "phòng khám đa khoa khu vực": a lowercase head needs a capitalised name; "bệnh viện
        # Việt Nam" are a country's hospitals, none named
        proper = ""
    # "1 Bệnh viện Đa khoa Lộc Hà": a count of one before a capitalised head and its name counts a
    # single named facility, not a generic set.
    one_named = capitalised_head and bool(proper) and bool(_ONE_BEFORE.search(text, max(0, hit.start - 6), hit.start))
    quantified = lexicon.quantified(text, hit.start) and not one_named
    generic = quantified or (not capitalised_head and not proper)
    end = max(head_end, tail.end)
    if text[end - 1:end] == "." and end > head_end:
        end -= 1  # "… của UBND TP. Sở Y tế …": the full stop ends the sentence, not the name
    kind = str(hit.meta("kind", "other"))
    level = hit.meta("level")
    return BodyMention(
        start=hit.start,
        end=end,
        text=BRACKET_IN_NAME.sub("", text[hit.start:end]),
        category=category,
        kind=kind,
        head=str(hit.meta("head", head_text)),
        head_text=head_text,
        head_end=head_end,
        admin=tail.admin,
        proper=proper,
        generic=generic,
        quantified=quantified,
        acronym=tail.acronym,
        level=str(level) if isinstance(level, str) else None,
    )

def _after_office_head(text: str, pos: int) -> bool:
    return bool(_OFFICE_HEAD_BEFORE.search(text, max(0, pos - 12), pos))
