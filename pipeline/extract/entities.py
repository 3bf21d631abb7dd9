"""People, facilities and organizations of one annotated article.

The work is done on ``ann.text`` with the rule files (titles, offices,
facility types, administrative units, organizations, person names):

1. person mentions (names with the titles and offices around them);
2. facility and organization mentions (head word + name), whose names stop
   where a person's name starts;
3. entries: one per body (lists, unit completion, short forms) and one per
   person (short mentions joined to full names);
4. positions resolved to the bodies they are held in, ids assigned in order of
   first mention (``P1…``, ``F1…``, ``O1…``).

Everything here is rules over text; of the spaCy doc in ``ann.doc``, only the
annotator's person names and the segmenter's compound words are read, and
without a doc the rules alone decide.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from ..document import AnnotatedArticle, Entities
from ..models import Facility, Mention, Organization, Person, Position
from ..textnorm import name_key
from .abbreviations import resolve_chain_names, resolve_short_forms
from .bodies import find_bodies
from .compounds import word_compounds
from .coreference import PersonEntry, ResolvedPosition, group_people, resolve_position
from .facilities import build_facilities
from .keys import canonical_key
from .lexicon import Lexicon
from .organizations import build_organizations
from .people import PersonMention, find_people
from .places import Places, find_places, sole_province, unit_in_name
from .registry import BodyEntry, Registry
from .words import TextSpan

MINISTRY_HEAD = "Bộ"
NOT_MINISTRIES = frozenset({"Bộ Chính trị"})  # the Politburo is headed "Bộ" but is no ministry

__all__ = ["extract_entities", "canonical_key"]


def extract_entities(ann: AnnotatedArticle) -> Entities:
    """People, facilities and organizations of the article, with ids and mentions."""
    text = ann.text
    lexicon = Lexicon.from_rules(ann.rules)
    person_mentions = find_people(text, lexicon, _recognised_people(ann))
    stops = _name_starts(person_mentions)
    bodies = find_bodies(text, lexicon, stops, word_compounds(ann.doc, text))
    # A name inside a body's name (BVĐK tư nhân Cao Văn Chí) is the body's, not a person's.
    person_mentions = [m for m in person_mentions if not any(b.start < m.start and m.end <= b.end for b in bodies)]
    headline = _read_headline(ann.article.title, lexicon)
    places = _with_headline_places(find_places(text, lexicon, stops), headline)
    places = replace(places, province=sole_province(text, lexicon))
    facilities = build_facilities(bodies, text, places, lexicon)
    _add_headline_facility(facilities, headline, lexicon)
    resolve_short_forms(facilities, text, lexicon, _head_abbreviations(lexicon))
    resolve_chain_names(facilities, text, lexicon)
    organizations = build_organizations(bodies, places, lexicon.whole_name_heads)
    resolve_short_forms(organizations, text, lexicon, {})
    _attach_references(facilities)
    _attach_references(organizations)

    facility_ids = _ids(facilities, "F")
    organization_ids = _ids(organizations, "O")
    ids = {**facility_ids, **organization_ids}
    sole = _SoleBodies(_only_facility(facilities), _only_ministry(organizations), _only_school(organizations, lexicon))
    people = [
        _person(f"P{number}", entry, text, facilities, organizations, ids, lexicon, sole)
        for number, entry in enumerate(group_people(person_mentions), start=1)
    ]
    return Entities(
        people=people,
        facilities=[_facility(ids[id(e)], e, lexicon) for e in facilities.ordered()],
        organizations=[_organization(ids[id(e)], e) for e in organizations.ordered()],
    )


@dataclass(frozen=True)
class _Headline:
    """The article's headline, read once for its places and its facility."""

    text: str
    stops: frozenset[int]  # where a body's or a place's name must end: a person's name starts
    places: Places


def _read_headline(title: Optional[str], lexicon: Lexicon) -> Optional[_Headline]:
    if not title:
        return None
    # "… Chủ tịch HĐND tỉnh Bùi Đức Hinh thăm …": a place's name stops where a person's starts
    stops = _name_starts(find_people(title, lexicon, frozenset()))
    return _Headline(title, stops, find_places(title, lexicon, stops))


def _with_headline_places(places: Places, headline: Optional[_Headline]) -> Places:
    """The units the headline names come first: "Bệnh viện Đa khoa tỉnh" in the body of an
    article headed "… Bệnh viện Đa khoa tỉnh Vĩnh Phúc …" is that province's."""
    if headline is None:
        return places
    named = tuple(replace(place, start=-1) for place in headline.places.places)
    return replace(places, places=named + places.places)


def _add_headline_facility(facilities: Registry, headline: Optional[_Headline], lexicon: Lexicon) -> None:
    """An article whose body names no facility is about the one its headline names ("Bệnh viện
    Bưu điện đón nhận huân chương …", then only "bệnh viện (BV)" and "Phó giám đốc Bệnh viện"):
    that facility is the article's, mentioned in the body by its bare head alone."""
    if facilities.entries or headline is None:
        return
    text = headline.text
    named = build_facilities(find_bodies(text, lexicon, headline.stops), text, headline.places, lexicon)
    if len(named.entries) == 1:
        entry = named.entries[0]
        entry.mentions.clear()  # offsets into the headline, not the body
        facilities.entries.append(entry)


def _name_starts(mentions: list[PersonMention]) -> frozenset[int]:
    """Where bodies' names must stop: each person's name, and the titles written before it
    (``Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân A``: the hospital ends before PGS)."""
    return frozenset({m.start for m in mentions} | {m.titles_start for m in mentions if m.titles_start is not None})


def _recognised_people(ann: AnnotatedArticle) -> frozenset[TextSpan]:
    """Person names of the annotator's NER, when the doc is the article's text; else none."""
    doc = ann.doc
    if doc is None or getattr(doc, "text", None) != ann.text:
        return frozenset()
    return frozenset(
        TextSpan(ent.start_char, ent.end_char) for ent in getattr(doc, "ents", ()) if getattr(ent, "label_", "") == "PER"
    )


def _head_abbreviations(lexicon: Lexicon) -> dict[str, str]:
    found: dict[str, str] = {}
    for rule in lexicon.facility_heads:
        head, abbr = rule.meta.get("head"), rule.meta.get("abbr")
        if isinstance(head, str) and isinstance(abbr, str):
            found.setdefault(head, abbr)
    return found


def _attach_references(registry: Registry) -> None:
    """Bare mentions (``Giám đốc Bệnh viện``) count as mentions of the body they refer to."""
    for reference in registry.references:
        entry = registry.resolve(reference.head, reference.start)
        if entry is not None:
            entry.add_mention(reference.start, reference.end)


def _ids(registry: Registry, prefix: str) -> dict[int, str]:
    return {id(entry): f"{prefix}{number}" for number, entry in enumerate(registry.ordered(), start=1)}


def _mentions(entry: BodyEntry) -> list[Mention]:
    return [Mention(start=s.start, end=s.end) for s in sorted(entry.mentions, key=lambda s: (s.start, s.end))]


def _facility(identifier: str, entry: BodyEntry, lexicon: Lexicon) -> Facility:
    return Facility(id=identifier, name=entry.name, kind=entry.kind, aliases=list(entry.aliases),
                    location=unit_in_name(entry.name, lexicon), mentions=_mentions(entry))


def _organization(identifier: str, entry: BodyEntry) -> Organization:
    return Organization(id=identifier, name=entry.name, kind=entry.kind, aliases=list(entry.aliases),
                        mentions=_mentions(entry))


def _only_facility(facilities: Registry) -> Optional[BodyEntry]:
    """The article's one facility (departments aside), if it names exactly one."""
    whole = [e for e in facilities.entries if e.kind != "department"]
    return whole[0] if len(whole) == 1 else None


def _only_ministry(organizations: Registry) -> Optional[BodyEntry]:
    """The one ministry an article names (Bộ Y tế), if it names exactly one."""
    ministries = [e for e in organizations.entries if e.head == MINISTRY_HEAD and e.name not in NOT_MINISTRIES]
    return ministries[0] if len(ministries) == 1 else None


def _only_school(organizations: Registry, lexicon: Lexicon) -> Optional[BodyEntry]:
    """The one school or university an article names (Trường Đại học Y Hà Nội), if it names exactly one."""
    schools = [e for e in organizations.entries if e.head in lexicon.school_heads]
    return schools[0] if len(schools) == 1 else None


@dataclass(frozen=True)
class _SoleBodies:
    """The article's one facility, ministry and school, each when it names only one: where an
    office written without its body is held."""

    facility: Optional[BodyEntry]
    ministry: Optional[BodyEntry]
    school: Optional[BodyEntry]


def _person(
    identifier: str, entry: PersonEntry, text: str, facilities: Registry, organizations: Registry, ids: dict[int, str],
    lexicon: Lexicon, sole: _SoleBodies,
) -> Person:
    resolved: list[ResolvedPosition] = []
    for mention in entry.mentions:
        for position in mention.positions:
            found = resolve_position(position, mention.start, text, facilities, organizations)
            unqualified = lexicon.unqualified(found.title)
            office = lexicon.without_acting(unqualified)
            if office in lexicon.body_named_offices:
                # "Phó Chủ tịch Nước A trao Huân chương … cho Bệnh viện": the state's office, not the
                # hospital's; only a body written with the office stays (Chủ tịch nước CHXHCN Việt Nam)
                if position.org_start is None:
                    found = ResolvedPosition(found.title, None, None)
            elif found.organization is None and sole.facility is not None and unqualified in lexicon.facility_offices:
                # "Đại tá A, Giám đốc …" in an article about one hospital: its director
                found = ResolvedPosition(found.title, sole.facility.name, sole.facility)
            elif found.organization is None and sole.ministry is not None and office in lexicon.ministry_offices:
                # "Thứ trưởng Trần Văn Thuấn" in an article that names the Bộ Y tế only
                found = ResolvedPosition(found.title, sole.ministry.name, sole.ministry)
            elif found.organization is None and sole.school is not None and office in lexicon.school_offices:
                # "GS.TS A, Hiệu trưởng phát biểu" in an article about one university
                found = ResolvedPosition(found.title, sole.school.name, sole.school)
            elif found.entry is None and _ministry_without_head(found, lexicon):
                # "Bộ trưởng Y tế Nguyễn Thanh Long": the minister of Bộ Y tế
                named = f"{MINISTRY_HEAD} {found.organization}"
                found = ResolvedPosition(found.title, named, organizations.by_name(named))
            resolved.append(found)
    positions = [
        Position(title=r.title, organization=r.organization, org_ref=ids.get(id(r.entry)) if r.entry else None)
        for r in _distinct(resolved, lexicon)
    ]
    return Person(
        id=identifier,
        name=entry.name,
        titles=list(entry.titles),
        positions=positions,
        mentions=[Mention(start=m.start, end=m.end) for m in entry.mentions],
    )


def _ministry_without_head(position: ResolvedPosition, lexicon: Lexicon) -> bool:
    """A minister's office followed by the ministry's name without "Bộ" (``Thứ trưởng Y tế``)."""
    organization = position.organization
    return organization is not None and organization[:1].isupper() and organization.split()[0] != MINISTRY_HEAD \
        and lexicon.without_acting(lexicon.unqualified(position.title)) in lexicon.ministry_offices


def _distinct(positions: list[ResolvedPosition], lexicon: Lexicon) -> list[ResolvedPosition]:
    """One position per office and organization; a fuller organization replaces a part of it,
    and a qualified office the same office written without its qualifier (``Phó Chủ tịch
    Thường trực UBND tỉnh``, later ``Phó Chủ tịch UBND tỉnh``)."""
    kept: list[ResolvedPosition] = []
    for position in positions:
        org = _org_key(position.organization)
        title = name_key(lexicon.unqualified(position.title))
        duplicate = None
        for index, other in enumerate(kept):
            other_org = _org_key(other.organization)
            same_entry = position.entry is not None and position.entry is other.entry
            if name_key(lexicon.unqualified(other.title)) == title and (org in other_org or other_org in org or same_entry):
                duplicate = index
                break
        if duplicate is None:
            kept.append(position)
            continue
        other = kept[duplicate]
        other_org = _org_key(other.organization)
        # One body written two ways ("UBND TP Hà Nội", "UBND thành phố Hà Nội"): the first stays.
        fuller = position if len(org) > len(other_org) and other_org in org else other
        kept[duplicate] = replace(fuller, title=max(position.title, other.title, key=len))
    # "Chủ tịch Lương Cường" after "Chủ tịch nước Lương Cường": the shorter office, with no
    # organization, is the longer one written short.
    titles = [name_key(position.title) for position in kept]
    return [position for position, title in zip(kept, titles)
            if position.organization or not any(other.startswith(title + " ") for other in titles)]


def _org_key(organization: str | None) -> str:
    """Comparison key of a position's organization: a party unit's committee (Đảng ủy) and the
    unit itself (Đảng bộ) are one organization for the offices held in them."""
    return name_key(organization or "").replace("đảng bộ", "đảng ủy")
