"""One person, one entry; one office, one organization as complete as the article allows.

People: mentions with the same name (after ``name_key``) are one person; a
short mention (``anh Sơn``, ``bà Mai``, ``ông Zelensky``) joins the person whose
name ends with it (compared without diacritics, so ``ông Phí`` finds ``Đỗ Duy
Phi``).

Positions: an organization written in full is looked up among the article's
facilities and organizations; a bare one (``Giám đốc Bệnh viện``) is resolved
by its head; a missing one is taken from the sentence: ``về phía <body>``, a
bare head later in the sentence (``… của Bệnh viện``), or the delegation the
sentence speaks of (``Đoàn công tác của <body>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..textnorm import name_key
from .bodies import BodyMention
from .keys import canonical_key
from .office_orgs import PositionMention
from .people import SHORT, PersonMention
from .registry import BodyEntry, Registry
from .words import fold_marks, stretch_between

# "Ban Giám đốc Sở Y tế gồm 7 thành viên, … A (Giám đốc), cùng 6 Phó Giám đốc: B, C": a board whose
# members the sentence lists holds their offices in its body, as a side does.
# "Đại diện Trung tâm Y tế dự phòng tỉnh, ông A - Phó Giám đốc": the body represented is a side too.
_ON_THE_SIDE_OF = re.compile(r"[Vv]ề phía\s+|[Đđ]ại diện(?: cho)?(?: phía)?\s+|Ban (?:[Gg]iám đốc|[Ll]ãnh đạo)\s+(?=[^.;:\n]{1,60}?\s(?:bao\s+)?gồm\s)")
_DELEGATION = re.compile(r"[Đđ]oàn(?: công tác)?(?: của)?\s+")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
# What follows a foreign body's acronym to name its office in the country ("FHF Việt Nam").
_COUNTRY_OFFICE = re.compile(r"\s+(?:tại\s+)?Việt Nam")
# "Về phía <body> có A – Hiệu trưởng; TS. B – Phó Hiệu trưởng": the side named once covers a
# list whose items a semicolon separates; a full stop after capitals closes a title, not the list.
_LIST_SENTENCE_END = re.compile(r"(?<![A-ZĐ])[.!?](?=\s)|\n")
_THE_SCHOOL = re.compile(r"^[Nn]hà\s+(?=[Tt]rường$)")
# A body written by the first word or two of its name ("Sở", "Trung tâm") in an office.
SHORT_FORM_WORDS = 2

# Degrees a specialist degree of the same profession includes (BS in BSCKII, DS in DSCKI).
_GENERAL_DEGREES = frozenset({"BS", "DS"})


@dataclass
class PersonEntry:
    """One person being collected from the article's mentions."""

    name: str
    titles: list[str] = field(default_factory=list)
    positions: list[PositionMention] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)


@dataclass(frozen=True)
class ResolvedPosition:
    title: str
    organization: Optional[str]
    entry: Optional[BodyEntry]


def group_people(mentions: list[PersonMention]) -> list[PersonEntry]:
    """People in order of first mention, short mentions joined to full names."""
    entries: dict[str, PersonEntry] = {}
    full = [m for m in mentions if m.shape != SHORT]
    for mention in full:
        entries.setdefault(name_key(mention.name), PersonEntry(mention.name)).mentions.append(mention)
    for mention in (m for m in mentions if m.shape == SHORT):
        owner = _owner_of_short(mention, list(entries.values()))
        if owner is None and not (mention.addressed or mention.titles):
            # "HLV Malaysia", "Tổng thống Zelensky" with no full name: not enough to be a person;
            # a title chain is ("BS. Hiếu chia sẻ").
            continue
        if owner is None:
            owner = entries.setdefault(name_key(mention.name), PersonEntry(mention.name))
        owner.mentions.append(mention)
    _join_given_names(entries)
    people = sorted(entries.values(), key=lambda entry: min(m.start for m in entry.mentions))
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
        for mention in person.mentions:
            for atom in mention.titles:
                if atom not in person.titles:
                    person.titles.append(atom)
            person.positions.extend(mention.positions)
        person.titles = _without_general_degrees(person.titles)
    return people


def _without_general_degrees(titles: list[str]) -> list[str]:
    """A doctor's or pharmacist's specialist degree says the general one: "Bác sĩ Tuấn" after
    "BSCKII. Thái Văn Tuấn" adds no ``BS``."""
    return [atom for atom in titles
            if not (atom in _GENERAL_DEGREES and any(other.startswith(atom + "CK") for other in titles))]


def _join_given_names(entries: dict[str, PersonEntry]) -> None:
    """A two-word name that ends exactly one longer name of the article is that person called
    by the given names (``Bộ trưởng Kim Tiến`` after ``Nguyễn Thị Kim Tiến``), even when its
    first word is also a surname."""
    for key, entry in list(entries.items()):
        words = _folded_words(entry.name)
        if len(words) != 2:
            continue
        owners = [other for other in entries.values() if other is not entry and len(other.name.split()) > 2
                  and _folded_words(other.name)[-2:] == words]
        if len(owners) == 1:
            owners[0].mentions.extend(entry.mentions)
            del entries[key]


def _owner_of_short(mention: PersonMention, people: list[PersonEntry]) -> Optional[PersonEntry]:
    short = _folded_words(mention.name)
    owners = [p for p in people if _folded_words(p.name)[-len(short):] == short]
    if not owners and "’" in mention.name:
        # Central Highlands names put the given name first (H’Nach Byă → H’Nach).
        owners = [p for p in people if _folded_words(p.name)[: len(short)] == short]
    if len(owners) == 1:
        return owners[0]
    before = [p for p in owners if any(m.start < mention.start for m in p.mentions)]
    return before[-1] if before else None


def _folded_words(name: str) -> list[str]:
    """A name's words without tone and vowel marks, as short mentions are matched to full names."""
    return [fold_marks(word) for word in name.split()]


def resolve_position(
    position: PositionMention, person_start: int, text: str, facilities: Registry, organizations: Registry
) -> ResolvedPosition:
    """The organization of one office, completed and linked to its entry when there is one; a
    party committee written bare before the next office leads it (``Đảng ủy`` + ``Bệnh viện X``)."""
    if position.implied is not None:
        entry = organizations.by_name(position.implied)
        return ResolvedPosition(position.title, position.implied, entry)
    resolved = _resolve_position(position, person_start, text, facilities, organizations)
    if position.board is None:
        return resolved
    organization = f"{position.board} {resolved.organization}" if resolved.organization else position.board
    return ResolvedPosition(resolved.title, organization, resolved.entry)


def _resolve_position(
    position: PositionMention, person_start: int, text: str, facilities: Registry, organizations: Registry
) -> ResolvedPosition:
    if position.org_start is not None and position.org_end is not None:
        entry = _entry_at(position.org_start, position.org_end, facilities, organizations)
        written = _capitalised(position.org_text)
        if entry is not None and any(s.start == position.org_start for s in entry.mentions):
            if entry.kind in ("department", "party", "association") and all(
                    s.end < position.org_end for s in entry.mentions if s.start == position.org_start):
                # "Trưởng khoa Cấp cứu, Bệnh viện Bạch Mai", "Bí thư Đảng ủy Trung tâm Y tế huyện", "Chủ tịch
                # Hội Phụ nữ Công an thành phố …": the unit and its body, linked to the body.
                parent = _entry_at(position.org_end - 1, position.org_end, facilities, organizations)
                return ResolvedPosition(position.title, written, parent or entry)
            # The body as written at the office when it is the entry's name with its head spelled the
            # same and its unit another way ("Chủ tịch UBND TP Hà Nội", the entry named "UBND thành phố
            # Hà Nội" elsewhere); an abbreviated head is spelled out by the entry's name.
            same = canonical_key(written, entry.kind) == canonical_key(entry.name, entry.kind) \
                and _same_head(written, entry.name)
            # A foreign body's acronym with the country after it ("Trưởng đại diện FHF Việt Nam": the
            # foundation's office here) is kept as written.
            qualified = any(s.start == position.org_start and text[s.start:s.end].isupper()
                            and _COUNTRY_OFFICE.fullmatch(text, s.end, position.org_end) for s in entry.mentions)
            as_written = written if same or qualified else entry.name
            return ResolvedPosition(position.title, as_written, entry)
        if entry is not None and not any(s.start == position.org_start for s in facilities.references):
            # A department of the facility (Khoa Cấp cứu, Bệnh viện …): keep both, link the facility.
            return ResolvedPosition(position.title, written, entry)
        if entry is not None:
            return ResolvedPosition(position.title, entry.name, entry)
        entry = _by_head_word(position.org_text or "", position.org_start, facilities, organizations)
        if entry is not None:  # "Phó Giám đốc Sở" in an article about Sở Y tế
            return ResolvedPosition(position.title, entry.name, entry)
        return ResolvedPosition(position.title, written, None)
    entry = _from_sentence(person_start, text, facilities, organizations)
    return ResolvedPosition(position.title, entry.name if entry else None, entry)


def _same_head(written: str, name: str) -> bool:
    """The same first word, and no word written with other marks than the name's ("Bệnh viên")."""
    ours, theirs = written.casefold().split(), name.casefold().split()
    marks = {fold_marks(word): word for word in theirs}
    return ours[:1] == theirs[:1] and all(marks.get(fold_marks(word), word) == word for word in ours)


def _by_head_word(word: str, pos: int, facilities: Registry, organizations: Registry) -> Optional[BodyEntry]:
    """The body last named before ``pos`` whose name starts with the capitalised word or two
    ``word`` ("Phó Giám đốc Sở", "Giám đốc Trung tâm" for Trung tâm Y tế huyện …), or whose
    head ``word`` is ("Phó giám đốc bệnh viện")."""
    if not word:
        return None
    word = _THE_SCHOOL.sub("", word)  # "nhà trường": the school the article is about
    words = word.casefold().split()
    # A lowercase short form names the body too ("Giám đốc học viện" for Học viện Y – Dược …).
    short = len(words) <= SHORT_FORM_WORDS
    candidates = [
        (max((s.start for s in e.mentions if s.start < pos), default=-1), e)
        for registry in (facilities, organizations)
        for e in registry.entries
        if short and e.name.casefold().split()[:len(words)] == words or e.head.casefold() == word.casefold()
    ]
    candidates = [item for item in candidates if item[0] >= 0]
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


def _capitalised(text: Optional[str]) -> Optional[str]:
    return text[:1].upper() + text[1:] if text else text


def _entry_at(start: int, end: int, facilities: Registry, organizations: Registry) -> Optional[BodyEntry]:
    for registry in (facilities, organizations):
        entry = registry.at(start, end)
        if entry is not None:
            return entry
    for registry in (facilities, organizations):
        for reference in registry.references:
            if reference.start < end and start < reference.end:
                return registry.resolve(reference.head, reference.start)
    return None


def _from_sentence(pos: int, text: str, facilities: Registry, organizations: Registry) -> Optional[BodyEntry]:
    side_start, side_end = stretch_between(text, pos, pos, _LIST_SENTENCE_END)
    sides = [side_start + m.end() for m in _ON_THE_SIDE_OF.finditer(text[side_start:side_end])]
    for at in reversed([at for at in sides if at < pos]):
        entry = _entry_starting(at, facilities, organizations)
        if entry is not None:
            return entry
    start, end = stretch_between(text, pos, pos, _SENTENCE_END)
    sentence = text[start:end]
    later: list[BodyMention] = [r for r in facilities.references if pos < r.start < end]
    if later:
        entry = facilities.resolve(later[0].head, later[0].start)
        if entry is not None:
            return entry
    if re.search(r"[Đđ]oàn", sentence):
        for match in _DELEGATION.finditer(text[:pos]):
            entry = _entry_starting(match.end(), facilities, organizations)
            if entry is not None:
                return entry
    return None


def _entry_starting(pos: int, facilities: Registry, organizations: Registry) -> Optional[BodyEntry]:
    for registry in (facilities, organizations):
        for entry in registry.entries:
            if any(span.start == pos for span in entry.mentions):
                return entry
        for reference in registry.references:
            if reference.start == pos:
                return registry.resolve(reference.head, pos)
    return None
