"""Short forms of facility names resolved within the article.

``Bệnh viện Bãi Cháy (BVBC)``: an acronym in brackets right after a name is an
alias. Short forms are also built from each name and looked for in the text:
head abbreviation + unit abbreviation + initials of the proper name, spaced or
not (``TTYT TX ĐT``, ``TTYT ĐT``, ``TTYTTXĐT``, ``BVBC``). A mention whose own
name is such a short form (``TTYT TX ĐT`` read as a facility named ``ĐT``)
joins the entry it abbreviates.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .registry import BodyEntry, Registry
from .words import initials

_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-ZĐ][A-ZĐ0-9&.\-]{1,11})\)")
_UNITS = ("tỉnh", "thành phố", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn")
# Where a name's unit word starts ("… Y học cổ truyền tỉnh Thanh Hóa"): what is abbreviated ends there.
_UNIT_WORD = re.compile(r"\s+(?:" + "|".join(_UNITS) + r")\s")


def resolve_short_forms(registry: Registry, text: str, lexicon: Lexicon, abbreviations: dict[str, str]) -> None:
    """Add bracketed acronyms and built short forms as aliases with their mentions.

    ``abbreviations`` maps a spelled-out head (``Trung tâm Y tế``) to its
    abbreviation (``TTYT``), from the facility-type rules.
    """
    for entry in list(registry.entries):
        for span in list(entry.mentions):
            bracket = _BRACKETED_ACRONYM.match(text, span.end)
            if bracket and lexicon.match_at(lexicon.admin_units, bracket.group(1), 0) is None:
                # "(TP.HCM)" after a name says where it is, not what it is called
                other = registry.at(bracket.start(1), bracket.end(1))
                if other is not None and other is not entry:
                    registry.fold(other, into=entry)
                entry.add_form(bracket.group(1))
                entry.add_mention(bracket.start(1), bracket.end(1))
    for entry in list(registry.entries):
        forms = short_forms(entry, abbreviations, lexicon)
        # "Bệnh viện TTTW1" for a name with no number: the hospital's number written after its initials
        numbered = "" if re.search(r"\d", entry.name) else r"\d?"
        # In sorted order: the aliases a form adds are written in the order they are found, and a
        # set's order changes from one run to the next.
        for form in sorted(forms | {a for a in entry.aliases if _is_acronym(a)}):
            for match in re.finditer(rf"(?<![\w]){re.escape(form)}{numbered}(?![\w])", text):
                other = registry.at(match.start(), match.end())
                if other is not None and other is not entry:
                    if _names_another_place(other, match, text, entry):
                        continue  # "CDC Hậu Giang" beside "Trung tâm Kiểm soát bệnh tật (CDC) TP Cần Thơ"
                    registry.fold(other, into=entry)
                entry.add_form(match.group(0))
                entry.add_mention(match.start(), match.end())


def resolve_chain_names(registry: Registry, text: str, lexicon: Lexicon) -> None:
    """A chain's name alone (``Vinmec``) is a mention of the article's one hospital of that chain
    (``Vinmec Nha Trang``); with two of them, or none, it names no facility."""
    for rule in lexicon.chain_names:
        members = [entry for entry in registry.entries if entry.head == rule.meta.get("head")]
        if len(members) != 1:
            continue
        (entry,) = members
        for match in lexicon.regex(rule).finditer(text):
            if registry.at(match.start(), match.end()) is None:
                entry.add_form(match.group(0))
                entry.add_mention(match.start(), match.end())


def short_forms(entry: BodyEntry, abbreviations: dict[str, str], lexicon: Lexicon) -> set[str]:
    """Short forms of an entry's name: head abbreviation, unit abbreviation, initials."""
    head_abbr = abbreviations.get(entry.head)
    if not head_abbr:
        return set()
    name = entry.name
    rest = name[len(entry.head):].strip() if name.lower().startswith(entry.head.lower()) else ""
    if not rest:
        return set()
    unit_abbr = None
    lowered = rest.lower()
    for unit in _UNITS:
        if lowered.startswith(unit + " "):
            unit_abbr = lexicon.admin_abbreviation(unit)
            rest = rest[len(unit):].strip()
            break
    if rest.lower().startswith("đa khoa "):
        rest = rest[len("đa khoa "):]
    proper = [w for w in rest.split() if w[:1].isupper()]
    spellings = {initials(proper), _central_initials(proper)} if len(proper) >= 2 else set()
    # "Bệnh viện Y học cổ truyền tỉnh Thanh Hóa" is "BV YHCT": the unit and its name left out
    before_unit = _UNIT_WORD.split(rest, maxsplit=1)[0]
    every = _syllable_initials(before_unit)
    if every != before_unit and len(every.replace("-", "")) >= 3:  # not "Bệnh viện YHCT tỉnh Sơn La"
        spellings.add(every)
    forms: set[str] = set()
    for letters in spellings:
        # "Bệnh viện TTTW": the head may stay spelled out before the initials
        forms |= {f"{head_abbr}{letters}", f"{head_abbr} {letters}", f"{entry.head} {letters}"}
        if unit_abbr:
            forms |= {f"{head_abbr} {unit_abbr} {letters}", f"{head_abbr}{unit_abbr}{letters}"}
    return forms


def _syllable_initials(rest: str) -> str:
    """Initials of every syllable, lowercase ones too, as names are abbreviated (``Y học cổ truyền``
    → ``YHCT``, ``Đại học Y Dược-HA.GL`` → ``ĐHYD-HA.GL``); an acronym or a number stays whole."""
    letters = []
    for piece in re.split(r"(-)", rest):
        if piece == "-":
            letters.append("-")
            continue
        for word in piece.split():
            bare = word.replace(".", "")
            # an acronym or a number stays whole ("Quân y 175" → "QY175")
            whole = len(word) > 1 and (bare.isalpha() and bare.isupper() or word.isdigit())
            letters.append(word if whole else word[0].upper())
    return "".join(letters).strip("-")


def _central_initials(words: list[str]) -> str:
    """Initials with ``Trung Ương`` written ``TW``, as it is abbreviated (Tâm Thần Trung Ương → TTTW)."""
    letters = []
    at = 0
    while at < len(words):
        if words[at].casefold() == "trung" and at + 1 < len(words) and words[at + 1].casefold() == "ương":
            letters.append("TW")
            at += 2
        else:
            letters.append(words[at][0].upper())
            at += 1
    return "".join(letters)


def _names_another_place(other: BodyEntry, match: re.Match[str], text: str, entry: BodyEntry) -> bool:
    """Whether the mention an acronym opens goes on with words that are not in the entry's name:
    ``CDC Hậu Giang`` is not the ``CDC`` of ``Trung tâm Kiểm soát bệnh tật (CDC) TP Cần Thơ``, while
    ``CDC Cần Thơ`` is."""
    span = next((s for s in other.mentions if s.start <= match.start() and match.end() <= s.end), None)
    if span is None:
        return False
    rest = text[match.end():span.end].strip().casefold()
    return bool(rest) and rest not in " ".join(entry.name.split()).casefold()


def _is_acronym(form: str) -> bool:
    return bool(re.fullmatch(r"[A-ZĐ][A-ZĐ0-9]{1,11}", form))
