"""Facilities of an article: named mentions, lists sharing one head, names completed by their unit.

- ``Bệnh viện đa khoa Xanh Pôn, Hòe Nhai, Hà Đông và …``: each listed name is a
  facility with the same head.
- ``6 bệnh viện là: Bạch Mai, Chợ Rẫy …``: a generic head introducing a list;
  ``trạm Y tế các xã Nghĩa Lâm, Nghĩa Sơn``: one facility per unit listed.
- ``Trung tâm Y tế quận`` in an article about ``quận Bắc Từ Liêm``: completed to
  ``Trung tâm Y tế quận Bắc Từ Liêm``, the short form kept as an alias.
- A bare head (``Giám đốc Bệnh viện``) is a reference, resolved later.
"""

from __future__ import annotations

import re
from typing import Optional

from .bodies import FACILITY, BodyMention
from .facility_merges import merge_forms_of_one_facility
from .lexicon import Hit, Lexicon
from .places import Places
from .registry import BodyEntry, Registry
from .words import skip_spaces, word_at

# A generic head that introduces a list of names: "6 bệnh viện là:", "như".
# "được nhận danh hiệu “Bệnh viện Xanh năm 2020”": the quoted name of an honour, not a facility.
_AWARD_TITLE_BEFORE = re.compile(r"(?:danh hiệu|giải thưởng|mô hình|tiêu chí)\s*[“\"]\s*$", re.IGNORECASE)
# "bệnh viện (BV) đã được …": a head the writer abbreviates for later is the article's facility,
# not any hospital.
_ABBREVIATED_HERE = re.compile(r"\s*\([A-ZĐ]{2,6}\)")
_LIST_INTRO = re.compile(r"\s*(?:(?:là|gồm|như)\s*:?|:)\s*")
# A head before a plural of administrative units and their names: "trạm y tế các xã A, B",
# "Trạm Y tế 2 xã Khánh An, Khánh Bình" (counted), "Trạm Y tế tại các xã A, B", "BV đa khoa các tỉnh: A, B",
# "03 trạm y tế của xã Sa Nghĩa, Sa Nhơn và Ya Ly" (the communes owning them; "2 trạm y tế của huyện A
# là …" are a district's, named after it).
_UNITS_LISTED = re.compile(
    r"\s+(?:(?:(?:tại|ở)\s+)?(?:các|hai|ba|bốn|năm|\d{1,2})|của(?:\s+(?:các|hai|ba|bốn|năm|\d{1,2}))?(?=\s+(?:xã|phường|thị trấn)\b))\s+(?P<unit>xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|địa phương|đơn vị)\s*(?:(?:gồm|là)\s*)?:?\s+(?=[A-ZĐ])",
    re.IGNORECASE)
_NOT_UNITS = frozenset({"địa phương", "đơn vị"})  # "các địa phương gồm: …" lists places, not units of one level
_AND_NEXT_HEAD = re.compile(r"\s+và\s+(?:các\s+)?")
_LIST_SEPARATOR = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*(?:,|;|\svà)\s+")  # "Nhi đồng I (TP.HCM), …": where an item is
# Heuristic: a listed name has at most seven words (Đại học Y Dược TP Hồ Chí Minh).
MAX_LIST_ITEM_WORDS = 7
# Units a health centre serves: "Trung tâm Y tế huyện" means the district's own centre.
_DISTRICT_UNITS = frozenset({"huyện", "quận", "thị xã"})
_COMMUNE_LEVELS = frozenset({"commune", "ward", "township"})


def build_facilities(
    mentions: list[BodyMention], text: str, places: Places, lexicon: Lexicon
) -> Registry:
    """Facility entries of the article, with references kept for later resolution."""
    registry = Registry(FACILITY)
    lower = text.lower()  # the name words are read on lowercased text, lowercased once
    for mention in mentions:
        if mention.category != FACILITY or _AWARD_TITLE_BEFORE.search(text, max(0, mention.start - 30), mention.start):
            continue
        units, written = _units_listed(text, mention, lexicon) if not mention.proper else (None, "")
        if units:
            # "trạm Y tế các xã Nghĩa Lâm, Nghĩa Sơn", "Trạm Y tế các địa phương gồm: Ngọc Hiệp, …":
            # one facility per unit listed
            unit = units.group("unit").lower()
            prefix = f"{written} {unit} " if unit not in _NOT_UNITS else f"{written} "
            for item_start, item_end in _list_items(text, lower, units.end(), lexicon, first=True, unit=unit):
                # "… 2 xã Khánh An, Khánh Bình và thị trấn Long Bình": an item may name its own unit
                own_unit = lexicon.match_at(lexicon.admin_units, text, item_start) is not None
                name = (written + " " if own_unit else prefix) + text[item_start:item_end]
                registry.add(name, mention.kind, mention.head, item_start, item_end)
            continue
        if mention.generic and (mention.quantified or not _ABBREVIATED_HERE.match(text, mention.end)):
            if mention.quantified and _LIST_INTRO.match(text, mention.end):
                prefix = _display_name(mention) + " "  # "các phòng khám đa khoa khu vực như A, B"
                start = _LIST_INTRO.match(text, mention.end).end()
                for item_start, item_end in _list_items(text, lower, start, lexicon, first=True):
                    registry.add(prefix + text[item_start:item_end], mention.kind, mention.head, item_start, item_end)
            elif mention.quantified and mention.proper and (siblings := _siblings(text, lower, mention, lexicon)):
                # "các trung tâm Y tế khu vực Lập Thạch, Tam Dương và Vĩnh Tường": a plural head before
                # a list of names is each of them
                _add_with_siblings(registry, mention, text, siblings)
            elif mention.quantified and mention.proper and _another_facility_follows(text, mention, lexicon):
                # "các Bệnh viện Đa khoa tỉnh Bình Thuận, Bệnh viện Đa khoa khu vực …": a plural head
                # before a list of full names is the first of them
                _add_with_siblings(registry, mention, text, [])
            continue
        if mention.named:
            entry = _add_with_siblings(registry, mention, text, _siblings(text, lower, mention, lexicon))
            if mention.acronym:
                entry.add_form(mention.acronym)
            continue
        registry.references.append(mention)
    _complete_units(registry, text, places, lexicon)
    _spell_out_heads(registry, lexicon)
    merge_forms_of_one_facility(registry, text, lexicon, places)
    return registry


def _units_listed(text: str, mention: BodyMention, lexicon: Lexicon) -> tuple[Optional[re.Match[str]], str]:
    """The plural of units listed after a head without a name, and the head as the names take it:
    ``Bệnh viện Đa khoa các tỉnh``, ``BV đa khoa các tỉnh: …`` (a kind word written after the head)."""
    written = _display_name(mention)
    modifier = lexicon.match_at(lexicon.generic_modifiers, text, skip_spaces(text, mention.end))
    if modifier is not None and (units := _UNITS_LISTED.match(text, modifier.end)):
        return units, f"{written} {modifier.text}"
    return _UNITS_LISTED.match(text, mention.end), written


def _add_with_siblings(
    registry: Registry, mention: BodyMention, text: str, siblings: list[tuple[int, int]]
) -> BodyEntry:
    """The mention's facility, and one for each name listed after it (``siblings``) with the same
    head and modifiers (``Bệnh viện Đa khoa Xanh Pôn, Hòe Nhai`` → ``Bệnh viện Đa khoa Hòe Nhai``)."""
    name = _display_name(mention)
    entry = registry.add(name, mention.kind, mention.head, mention.start, mention.end, mention.text)
    prefix = name[: len(name) - len(_own_name(mention.proper))].rstrip() + " "
    if prefix.strip() == name.strip():
        return entry
    for item_start, item_end in siblings:
        registry.add(prefix + text[item_start:item_end], mention.kind, mention.head, item_start, item_end)
    return entry


def _own_name(proper: str) -> str:
    """The capitalised words that end a facility's name proper (``Lập Thạch`` of ``khu vực Lập
    Thạch``, ``Xanh Pôn`` of ``Đa khoa Xanh Pôn``): what the names listed after it replace."""
    words = proper.split()
    count = 0
    while count < len(words) and words[len(words) - count - 1][:1].isupper():
        count += 1
    return " ".join(words[len(words) - count:]) if count else proper


def _spell_out_heads(registry: Registry, lexicon: Lexicon) -> None:
    """``BVĐK huyện Kon Rẫy`` is named ``Bệnh viện Đa khoa huyện Kon Rẫy``, the written form an alias."""
    for entry in registry.entries:
        first, _, rest = entry.name.partition(" ")
        spelled = lexicon.spelled_heads.get(first)
        if spelled is None or not (any(c.islower() for c in rest) or rest.isdigit()):
            continue  # "TTYT TX ĐT": an abbreviation throughout, resolved against the full name later
        # (A number names a hospital whole: "BVQY 354" is "Bệnh viện Quân y 354".)
        written, entry.name = entry.name, f"{spelled} {rest}"
        entry.aliases = [alias for alias in entry.aliases if alias != entry.name]
        entry.add_form(written)


def _complete_units(registry: Registry, text: str, places: Places, lexicon: Lexicon) -> None:
    """Give ``Trung tâm Y tế quận`` the quận's name; other bare mentions stay references."""
    kept: list[BodyMention] = []
    for mention in registry.references:
        if mention.admin is None:
            kept.append(mention)
            continue
        existing = registry.resolve(mention.head, mention.start, mention.admin)
        if existing is not None and not _fits_modifier(mention, existing):
            existing = None  # "Bệnh viện Đa khoa tỉnh" is not "Bệnh viện Sản - Nhi tỉnh"
        if existing is not None:
            existing.add_form(_display_name(mention))
            existing.add_mention(mention.start, mention.end)
            continue
        place = places.name_for(mention.admin, mention.start)
        named = _named_without_unit(mention, registry, lexicon) if place is None else None
        if named is not None:
            named.add_form(_display_name(mention))
            named.add_mention(mention.start, mention.end)
            continue
        if place is None and mention.admin == "tỉnh" and _modified_head(mention):
            place = places.province
        if place is None and _modified_head(mention):
            # "Bệnh viện Đa khoa tỉnh", "Trung tâm Y tế huyện" with no unit named: the province's
            # or district's own, a facility of its own, not whichever one the article named last.
            registry.add(_display_name(mention), mention.kind, mention.head, mention.start, mention.end)
            continue
        if place is None:
            kept.append(mention)  # "Một Giám đốc Trung tâm Y tế huyện …": no unit named, no facility
            continue
        short = _display_name(mention)
        entry = registry.add(f"{short} {place}", mention.kind, mention.head, mention.start, mention.end)
        entry.add_form(short)
    registry.references = kept


def _named_without_unit(mention: BodyMention, registry: Registry, lexicon: Lexicon) -> Optional[BodyEntry]:
    """The one facility a bare unit mention means when the article names it by its place alone:
    ``Trung tâm Y tế huyện`` beside ``Trung tâm Y tế Con Cuông`` (a health centre is a district's),
    ``Bệnh viện Đa khoa tỉnh`` beside ``Bệnh viện Đa khoa Tây Ninh`` (a province's name)."""
    written = _display_name(mention)
    if mention.admin is None or not written.lower().endswith(" " + mention.admin):
        return None
    prefix = written[: -len(mention.admin)].strip().lower() + " "
    found = []
    for entry in registry.entries:
        if entry.head != mention.head or entry.kind != mention.kind or not entry.name.lower().startswith(prefix):
            continue
        rest = entry.name[len(prefix):]
        if not rest[:1].isupper() or lexicon.match_at(lexicon.admin_units, rest, 0) is not None:
            continue
        province = mention.admin == "tỉnh" and lexicon.is_province_name(rest)
        district = mention.admin in _DISTRICT_UNITS and entry.kind == "health_center"
        if province or district:
            found.append(entry)
    return found[0] if len(found) == 1 else None


def _fits_modifier(mention: BodyMention, entry: BodyEntry) -> bool:
    """Whether the words between a bare mention's head and its unit (``Đa khoa`` in ``Bệnh viện
    Đa khoa tỉnh``) are in the name of the entry it would refer to."""
    modifier = mention.text[len(mention.head_text):].strip().lower()
    if mention.admin and modifier.endswith(mention.admin):
        modifier = modifier[: -len(mention.admin)].strip()
    return not modifier or any(modifier in form.lower() for form in (entry.name, *entry.aliases))


def _modified_head(mention: BodyMention) -> bool:
    """A capitalised head before its unit word (``Bệnh viện Đa khoa tỉnh``, ``Trung tâm Y tế huyện``):
    in an article that does not name the unit, the one facility of that kind it means."""
    return mention.head_text[:1].isupper() and not mention.quantified


def _siblings(text: str, lower: str, mention: BodyMention, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Names listed after a named facility that share its head (``…Xanh Pôn, Hòe Nhai và …``)."""
    items = _list_items(text, lower, mention.end, lexicon, first=False)
    if len(items) >= 2 or items and re.match(r"\s+và\s", text[items[-1][0] - 5:items[-1][0]]):
        return items
    after = _AND_NEXT_HEAD.match(text, items[-1][1]) if items else None
    if after and lexicon.match_at(lexicon.facility_heads, text, after.end()):
        return items  # "Trung tâm Y tế Tương Dương, Kỳ Sơn và các Trạm Y tế …": the list ends at another head
    return []


def _another_facility_follows(text: str, mention: BodyMention, lexicon: Lexicon) -> bool:
    """Whether a comma or "và" after the mention opens another facility's capitalised head."""
    separator = _LIST_SEPARATOR.match(text, mention.end)
    return separator is not None and text[separator.end():separator.end() + 1].isupper() \
        and lexicon.match_at(lexicon.facility_heads, text, separator.end()) is not None


def _list_items(
    text: str, lower: str, pos: int, lexicon: Lexicon, first: bool, unit: Optional[str] = None
) -> list[tuple[int, int]]:
    """Capitalised names separated by commas or ``và``, each not starting a head or office; in a
    list of units, an item may repeat the unit word (``các xã Keo Lôm, Tìa Dình và xã Luân Gíoi``)."""
    items: list[tuple[int, int]] = []
    listed = lexicon.match_at(lexicon.admin_units, unit, 0) if unit is not None else None
    while True:
        if not (first and not items):
            sep = _LIST_SEPARATOR.match(text, pos)
            if sep is None:
                break
            pos = sep.end()
        if unit is not None and lower.startswith(unit + " ", pos):
            pos += len(unit) + 1
        other = _sibling_unit(text, pos, listed, lexicon) if listed is not None else None
        item = _list_item(text, lower, other or pos, lexicon)
        if item is None:
            break
        items.append((pos, item[1]) if other else item)
        pos = item[1]
    return items


def _sibling_unit(text: str, pos: int, listed: Hit, lexicon: Lexicon) -> Optional[int]:
    """Where the name starts after a unit word of the same tier as the list's (thị trấn among
    xã, phường), else None: the item then carries its own unit word."""
    written = lexicon.match_at(lexicon.admin_units, text, pos)
    if written is None or written.meta("canonical") == listed.meta("canonical"):
        return None
    tier = {str(written.meta("level")), str(listed.meta("level"))}
    if not (tier <= _COMMUNE_LEVELS or tier <= {"district", "city"}):
        return None
    return skip_spaces(text, pos + len(written.text.rstrip()))


def _list_item(text: str, lower: str, pos: int, lexicon: Lexicon) -> Optional[tuple[int, int]]:
    pos = skip_spaces(text, pos)
    owner = lexicon.match_at(lexicon.org_heads, text, pos)
    if (
        lexicon.match_at(lexicon.facility_heads, text, pos)
        or owner is not None and not owner.meta("listed_hospital", False)  # "…, Đại học Y Dược TP HCM"
        or lexicon.match_at(lexicon.admin_units, text, pos)
        or lexicon.match_at(lexicon.offices, text, pos)
        or lexicon.match_at(lexicon.titles, text, pos)
    ):
        return None  # "… Cà Mau và BS Võ Anh Hoang": a person, not a second hospital
    end = pos
    count = 0
    cursor = pos
    while count < MAX_LIST_ITEM_WORDS:
        word = word_at(text, cursor)
        if word is None:
            break
        inner = lexicon.match_at(lexicon.name_inner, lower, cursor) or lexicon.match_at(lexicon.name_final, lower, cursor)
        unit = lexicon.match_at(lexicon.admin_units, text, cursor)
        if unit is not None and count:
            cursor = skip_spaces(text, unit.start + len(unit.text.rstrip()))
            count += 1
            continue
        if word.text == "và" or not (word.capitalised or word.number or inner and count):
            break
        stop = max(word.end, inner.end if inner else 0)
        end = stop
        count += 1
        if text[end:end + 1] != " ":
            break
        cursor = end + 1
    if end == pos or not text[pos:pos + 1].isupper() or _runs_on(text, lower, end, lexicon):
        return None
    return (pos, end)


def _runs_on(text: str, lower: str, end: int, lexicon: Lexicon) -> bool:
    """Heuristic: a listed name ends at punctuation, a line's end or a function word (``… và Thanh
    Nhàn đã``). Capitalised words that run on into a lowercase word begin some other phrase
    (``Phòng Quân y, Trung tâm Y học dự phòng``, ``Thầy thuốc Nhân dân``)."""
    if text[end:end + 1] != " ":
        return False
    following = word_at(text, end + 1)
    if following is None or not following.text[:1].islower():
        return False
    return lexicon.match_at(lexicon.name_stops, lower, end + 1) is None


def _display_head(mention: BodyMention) -> str:
    """The head as the record writes it: capitalised (``bệnh viện`` → ``Bệnh viện``)."""
    head = mention.head_text
    return head[:1].upper() + head[1:]


def _display_name(mention: BodyMention) -> str:
    written = mention.text
    return _display_head(mention) + written[len(mention.head_text):]
