"""Administrative units named in an article (``phường Long Biên``, ``quận Bắc Từ Liêm``).

They complete names the article shortens: ``UBND phường`` in an article about
``phường Long Biên`` is ``UBND phường Long Biên``; ``Trung tâm Y tế quận`` in an
article about ``quận Bắc Từ Liêm`` is ``Trung tâm Y tế quận Bắc Từ Liêm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon
from .words import skip_spaces, word_at

# Heuristic: a unit's name has at most four words (Bắc Từ Liêm, Hồ Chí Minh).
MAX_PLACE_WORDS = 4
# Enough characters before a name to hold the word before it.
_WORD_BEFORE_CHARS = 30


@dataclass(frozen=True)
class Place:
    """One administrative unit named in the text."""

    start: int
    unit: str  # canonical unit word (phường, quận …)
    abbr: Optional[str]
    name: str


@dataclass(frozen=True)
class Places:
    """Every named administrative unit of an article, in text order."""

    places: tuple[Place, ...]
    province: Optional[str] = None  # the one province the article names without a unit word

    def name_for(self, unit: str, pos: int) -> Optional[str]:
        """The name of the ``unit`` the text means at ``pos``: the nearest one before,
        else the first one after."""
        same = [place for place in self.places if place.unit == unit]
        before = [place for place in same if place.start < pos]
        if before:
            return before[-1].name
        return same[0].name if same else None

    def province_for(self, pos: int) -> Optional[str]:
        """The province the text means at ``pos`` by ``tỉnh``: one named with the unit word, else
        the one province the article names at all (``Chủ tịch UBND tỉnh`` in an article whose
        only province is in ``Bệnh viện Tâm thần Thái Bình``)."""
        return self.name_for("tỉnh", pos) or self.province

    def nearest(self, pos: int, units: tuple[str, ...] = ()) -> Optional[Place]:
        """The nearest named unit before ``pos`` (of the given units when any)."""
        before = [p for p in self.places if p.start < pos and (not units or p.unit in units)]
        if before:
            return before[-1]
        after = [p for p in self.places if not units or p.unit in units]
        return after[0] if after else None


def find_places(text: str, lexicon: Lexicon, stops: frozenset[int] = frozenset()) -> Places:
    """Unit words followed by a capitalised name, stopping where a person's name starts."""
    found: list[Place] = []
    for hit in lexicon.find(lexicon.admin_units, text):
        pos = skip_spaces(text, hit.start + len(hit.text.rstrip()))
        names: list[str] = []
        while len(names) < MAX_PLACE_WORDS and pos not in stops:
            word = word_at(text, pos)
            if word is None or not (word.capitalised or word.number) or word.acronym and names:
                break
            if any(lexicon.match_at(rules, text, pos) for rules in (lexicon.offices, lexicon.facility_heads, lexicon.org_heads)):
                break
            if word.number and lexicon.counts_things(text, word.end):
                break  # "Bệnh viện đa khoa tỉnh 4 máy thở": how many things, not phường 4
            names.append(word.text)
            if text[word.end:word.end + 1] != " ":
                break
            pos = word.end + 1
        if names:
            abbr = hit.meta("abbr")
            found.append(Place(hit.start, str(hit.meta("canonical")), abbr if isinstance(abbr, str) else None, " ".join(names)))
    return Places(tuple(found))


def sole_province(text: str, lexicon: Lexicon) -> Optional[str]:
    """The one province the article names, written on its own or closing a body's name (``Trường
    Cao đẳng Lào Cai``, ``Tỉnh đoàn Thanh Hóa``): where ``Bệnh viện Đa khoa tỉnh`` is. A name after
    another capitalised word may be a person's (``Trương Hòa Bình``) and is not counted; a centrally
    run city (``Hà Nội``) has no province's bodies; two provinces leave it unknown."""
    names = set()
    for hit in lexicon.find(lexicon.province_names, text):
        before = text[max(0, hit.start - _WORD_BEFORE_CHARS):hit.start]
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        if (before and before[-1].isalnum()) or last[:1].isupper():
            continue
        if hit.rule.meta.get("central"):
            return None
        names.add(hit.text)
    return names.pop() if len(names) == 1 else None


def unit_in_name(name: str, lexicon: Lexicon) -> Optional[str]:
    """The administrative unit a facility's own name places it in (``Trung tâm Y tế huyện
    Mê Linh`` → ``huyện Mê Linh``): the first, most local unit of the name, spelled out.

    Only the name is read: a unit elsewhere in the article is not evidence of where a
    facility is (an article about ``tỉnh Quảng Ninh`` may name a hospital in Hà Nội).
    """
    places = find_places(name, lexicon).places
    return f"{places[0].unit} {places[0].name}" if places else None
