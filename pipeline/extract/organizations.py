"""Organizations of an article (UBND, HĐND, Sở/Bộ/Cục, party committees, associations, companies).

Names the article shortens are completed from the units it names: ``UBND
phường`` → ``UBND phường Long Biên``; ``Quận ủy`` → ``Quận ủy Bắc Từ Liêm``;
``Đảng ủy`` → the party committee of the nearest unit named before it. A head
that cannot be completed (``UBND`` in a list of bodies) stays a reference.
"""

from __future__ import annotations

from typing import Optional

from .bodies import ORGANIZATION, BodyMention
from .places import Places
from .registry import Registry

# The unit a party committee belongs to, by the first word of its head.
_COMMITTEE_UNITS = {"quận": "quận", "huyện": "huyện", "thành": "thành phố", "tỉnh": "tỉnh", "thị": "thị xã"}


def build_organizations(mentions: list[BodyMention], places: Places, whole_names: frozenset[str] = frozenset()) -> Registry:
    """``whole_names`` are the heads that name an agency on their own (Trung tâm Kiểm soát bệnh tật)."""
    registry = Registry(ORGANIZATION)
    for mention in mentions:
        if mention.category != ORGANIZATION or mention.generic:
            continue
        if mention.named:
            # a name written in lowercase after an office ("Trưởng phòng Y tế huyện") is shown capitalised
            name = mention.text[:1].upper() + mention.text[1:]
            entry = registry.add(name, mention.kind, mention.head, mention.start, mention.end)
            if mention.acronym:
                entry.add_form(mention.acronym)
            continue
        completed = _completed(mention, places)
        if completed is None:
            registry.references.append(mention)
            continue
        entry = registry.add(completed[:1].upper() + completed[1:], mention.kind, mention.head, mention.start, mention.end)
        entry.add_form(mention.text)
    _register_unnamed_agency(registry, whole_names)
    return registry


def _register_unnamed_agency(registry: Registry, whole_names: frozenset[str]) -> None:
    """An agency whose head is a whole name (``Trung tâm Kiểm soát bệnh tật tổ chức hội nghị``)
    in an article that names no such agency with its place: the one the article is about, an
    organization of its own. Its later mentions stay references to it."""
    for mention in list(registry.references):
        if mention.head not in whole_names or mention.text != mention.head_text or not mention.head_text[:1].isupper():
            continue
        if any(entry.head == mention.head for entry in registry.entries):
            continue
        registry.add(mention.text, mention.kind, mention.head, mention.start, mention.end)
        registry.references.remove(mention)


def _completed(mention: BodyMention, places: Places) -> Optional[str]:
    """The full name of a shortened organization, or None when the text does not say."""
    if mention.admin is not None:
        name = _unit_name(mention.admin, mention.start, places)
        return f"{mention.text} {name}" if name else mention.text
    if mention.level is not None:
        unit = _COMMITTEE_UNITS.get(mention.head_text.split()[0].lower())
        name = _unit_name(unit, mention.start, places) if unit else None
        return f"{mention.text} {name}" if name else mention.text
    if mention.kind == "party":
        place = places.nearest(mention.start)
        return f"{mention.text} {place.unit} {place.name}" if place else mention.text
    if mention.head_text != mention.text or mention.head_text[:1].isupper() and mention.kind in ("foreign",):
        return mention.text
    if mention.kind == "government" and mention.head in ("Chính phủ",):
        return mention.text
    return None


def _unit_name(unit: str, pos: int, places: Places) -> Optional[str]:
    """The name of the unit a shortened organization belongs to (a province's may be the one
    province the article names)."""
    return places.province_for(pos) if unit == "tỉnh" else places.name_for(unit, pos)
