"""Forms of one facility written differently in one article, merged into one entry.

- ``Trung tâm Chống độc Bạch Mai`` and ``Trung tâm Chống độc …, Bệnh viện Bạch Mai``: a unit and
  its parent-suffixed name.
- ``Bệnh viện Bệnh Nhiệt đới`` and ``… TP HCM``: once with the place it is in.
- ``Trung tâm Kiểm soát bệnh tật Hà Nội`` and ``… thành phố Hà Nội``: forms differing by a unit word.
- ``Trung tâm Y tế huyện Thủy nguyên``: a name cut where the writer lowercased one of its words.
- ``Bệnh viện Đa khoa Xanh Pon`` and ``… Xanh Pôn``: a word written without its marks.
- ``Vinmec Nha Trang`` and ``Bệnh viện Đa khoa Quốc tế Vinmec Nha Trang``: a name ending another.
- ``Bệnh viện ĐHYD TP HCM`` and ``Bệnh viện Đại học Y Dược TP HCM``: words written by their initials.
- ``Bệnh viện Hữu nghị đa khoa tỉnh`` and ``… Đa khoa Nghệ An``: the province by its unit word.
- ``Trung tâm Y tế dự phòng huyện A (nay là Trung tâm Y tế huyện A)``, ``Bệnh viện A đổi tên thành Bệnh viện
  Trung ương A``: a former name and the present one.
"""

from __future__ import annotations

import re

from .keys import canonical_key, unit_free_key
from .lexicon import Lexicon
from .places import Places
from .registry import BodyEntry, Registry
from .words import fold_marks, initials

# Heuristic: a unit is said to be part of a facility when the facility is named within this
# many characters after it in the same sentence (Trung tâm Chống độc và …, Bệnh viện Bạch Mai).
MAX_PART_OF_GAP = 100
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
# "Phong – Da liễu", "Phong-Da liễu": a dash joins the same two words however it is spaced.
_SPACED_DASH = re.compile(r"\s*[–-]\s*")
# "A (nay là B)", "A đổi tên thành B": B is A's present name; "B (trước đây là A)": A was B's name.
_NOW_CALLED = re.compile(r"\s*\(\s*(?:nay\s+là|nay\s+đổi\s+tên\s+thành|nay\s+được\s+đổi\s+tên\s+thành)\s+"
                         r"|\s+(?:được\s+)?(?:chính\s+thức\s+)?đổi\s+tên\s+thành\s+", re.IGNORECASE)
_FORMERLY_CALLED = re.compile(r"\s*\(\s*(?:trước\s+đây\s+là|tiền\s+thân\s+là|trước\s+là)\s+", re.IGNORECASE)


def merge_forms_of_one_facility(registry: Registry, text: str, lexicon: Lexicon, places: Places) -> None:
    """Merge the entries that are one facility; the fuller name stays, the others become aliases."""
    # Forms of one key first, so that a place-suffixed form finds them all as one entry
    # ("Bệnh viên Thống Nhất", a typo of the head, beside "Bệnh viện Thống Nhất"). Folding never
    # renames the entry kept, so no two entries share a key after this.
    _merge_same_key(registry)
    _merge_parent_suffixed(registry, text)
    _merge_cut_short(registry, text)
    _merge_place_suffixed(registry, lexicon, places)
    _merge_unmarked(registry)
    _merge_clipped_head(registry)
    _merge_name_ending_another(registry)
    _merge_initialised(registry)
    _merge_province_by_unit(registry, lexicon)
    _merge_renamed(registry, text)


def _merge_renamed(registry: Registry, text: str) -> None:
    """A facility named with its former or present name in brackets right after is one facility,
    named by its present name."""
    for entry in list(registry.entries):
        for span in list(entry.mentions):
            if entry not in registry.entries:
                break  # folded into its present name already
            for pattern, present_after in ((_NOW_CALLED, True), (_FORMERLY_CALLED, False)):
                bracket = pattern.match(text, span.end)
                other = registry.at(bracket.end(), bracket.end() + 1) if bracket is not None else None
                if other is None or other is entry:
                    continue
                if present_after:
                    registry.fold(entry, into=other)
                else:
                    registry.fold(other, into=entry)
                break


def _merge_same_key(registry: Registry) -> None:
    """Forms that differ only by a unit word or an abbreviation (``Trung tâm Kiểm soát bệnh tật
    Hà Nội``, ``… thành phố Hà Nội``) are one facility of the article: one entry."""
    kept: dict[tuple[str, str], BodyEntry] = {}
    for entry in registry.entries:
        key = (entry.kind, unit_free_key(entry.name, entry.kind))
        if key in kept:
            kept[key].absorb(entry)
        else:
            kept[key] = entry
    registry.entries = list(kept.values())


def _merge_unmarked(registry: Registry) -> None:
    """``Bệnh viện Đa khoa Xanh Pon`` in a caption and ``Bệnh viện Đa khoa Xanh Pôn`` in the text:
    words written without their tone and vowel marks, the same facility; one entry under the
    marked name."""
    for plain in list(registry.entries):
        words = _SPACED_DASH.sub("-", plain.name).split()
        for marked in registry.entries:
            other = _SPACED_DASH.sub("-", marked.name).split()
            if marked is plain or marked.kind != plain.kind or len(other) != len(words) or other == words:
                continue
            if all(a.casefold() == b.casefold() or fold_marks(b) == fold_marks(a) == a.casefold().replace("đ", "d")
                   for a, b in zip(words, other)):
                registry.fold(plain, into=marked)
                break


def _merge_place_suffixed(registry: Registry, lexicon: Lexicon, places: Places) -> None:
    """``Bệnh viện Bệnh Nhiệt đới`` and ``Bệnh viện Bệnh Nhiệt đới TP HCM``, ``Bệnh viện TNH`` and
    ``Bệnh viện TNH Việt Yên`` (a place the article names), ``Bệnh viện Lao và bệnh phổi`` and
    ``Bệnh viện Lao và bệnh phổi Tây Ninh`` (a province), ``Bệnh viện Trung ương Quân đội 108 Việt Nam``
    (a country): the same facility, once with the place it is in; one entry under the fuller name, the
    short one an alias."""
    place_names = {place.name for place in places.places}
    for short in list(registry.entries):
        short_key = canonical_key(short.name, short.kind)
        for full in registry.entries:
            if full is short or full.head != short.head:
                continue
            if full.name.casefold().startswith(short.name.casefold() + " "):  # "Trạm y tế xã A huyện B", "Trạm Y tế xã A"
                rest = full.name[len(short.name) + 1:].lstrip("–- ")
                if lexicon.match_at(lexicon.admin_units, full.name, len(full.name) - len(rest)) is None \
                        and rest not in place_names and not lexicon.is_province_name(rest) \
                        and not lexicon.is_country_name(rest):
                    continue
            elif not (_province_suffixed(canonical_key(full.name, full.kind), short_key, full.name, lexicon)
                      or _province_after_key(full, short, lexicon)):
                continue
            registry.fold(short, into=full)
            break


def _province_suffixed(full_key: str, short_key: str, full_name: str, lexicon: Lexicon) -> bool:
    """``Bệnh viện Chấn thương, chỉnh hình Nghệ An`` and ``Bệnh viện Chấn thương Chỉnh hình``:
    the same words once followed by a province's name."""
    if not full_key.startswith(short_key + " "):
        return False
    # (Set off by a dash: ``Bệnh viện Đa khoa Xuyên Á – Long An``.)
    words = len(full_key[len(short_key) + 1:].lstrip("–- ").split())
    tail = " ".join(full_name.split()[-words:]) if words else ""
    return lexicon.is_province_name(tail)


def _province_after_key(full: BodyEntry, short: BodyEntry, lexicon: Lexicon) -> bool:
    """``Bệnh viện Thống Nhất TP.Hồ Chí Minh`` and ``Bệnh viên Thống Nhất``: the short name's key,
    then a province's name (the unit word and abbreviations aside), where the written words do
    not line up with the key's."""
    full_key, short_key = unit_free_key(full.name, full.kind), unit_free_key(short.name, short.kind)
    return full_key.startswith(short_key + " ") and lexicon.is_province_name(full_key[len(short_key) + 1:].title())


def _merge_parent_suffixed(registry: Registry, text: str) -> None:
    """``Trung tâm Chống độc Bạch Mai`` is ``Trung tâm Chống độc`` when the article says that unit is
    part of ``Bệnh viện Bạch Mai`` (``Trung tâm Chống độc …, Bệnh viện Bạch Mai``): one entry, the
    suffixed form an alias."""
    for suffixed in list(registry.entries):
        for unit in registry.entries:
            if unit is suffixed or unit.head != suffixed.head or not suffixed.name.startswith(unit.name + " "):
                continue
            proper = suffixed.name[len(unit.name):].strip()
            parents = [e for e in registry.entries
                       if e not in (unit, suffixed) and e.head != unit.head and e.name.endswith(" " + proper)]
            if any(_named_after(text, unit, parent) for parent in parents):
                registry.fold(suffixed, into=unit)
                break


def _named_after(text: str, unit: BodyEntry, parent: BodyEntry) -> bool:
    """True when ``parent`` is named shortly after a mention of ``unit`` in the same sentence."""
    for span in unit.mentions:
        for other in parent.mentions:
            gap = text[span.end:other.start]
            if 0 <= other.start - span.end <= MAX_PART_OF_GAP and not _SENTENCE_END.search(gap):
                return True
    return False


def _merge_cut_short(registry: Registry, text: str) -> None:
    """``Trung tâm Y tế huyện Thủy nguyên`` beside ``Trung tâm Y tế huyện Thủy Nguyên``: a name read
    up to a word the writer lowercased (or up to the end of a cut-off line, ``… tỉnh B``) is the
    fuller name of the article when the text goes on with the rest of it at every mention."""
    for short in list(registry.entries):
        folded = short.name.casefold()
        for full in registry.entries:
            if full is short or full.kind != short.kind or not full.name.casefold().startswith(folded):
                continue
            rest = full.name.casefold()[len(folded):]
            if short.mentions and all(_goes_on_with(text, span.end, rest) for span in short.mentions):
                for span in short.mentions:
                    full.add_mention(span.start, span.end)  # not its cut form: no name of the facility
                registry.remove(short)
                break


def _goes_on_with(text: str, end: int, rest: str) -> bool:
    """Whether the text after a mention ending at ``end`` is ``rest`` (case aside) followed by no
    more of a word, or is cut off where ``rest`` would go on."""
    if rest.startswith(" "):
        if text[end:end + 1] in ("", "\n"):
            return True  # "… điều trị tại Bệnh viện Phục" ending a cut-off line, between two words
        written = text[end:end + len(rest)]
        after = text[end + len(rest):end + len(rest) + 1]
        return written.casefold() == rest and not after.isalnum()
    return text[end:end + 1] in ("", "\n")  # "… tỉnh B" at the end of a cut-off line


def _merge_clipped_head(registry: Registry) -> None:
    """``Viện Quân y 4`` after ``Bệnh viện Quân y 4``: the hospital's head written without its
    first syllable, the same facility; one entry under the full name."""
    full_names = {entry.name.casefold(): entry for entry in registry.entries}
    for clipped in list(registry.entries):
        full = full_names.get("bệnh " + clipped.name.casefold()) if clipped.name.startswith("Viện ") else None
        if full is not None and full is not clipped:
            registry.fold(clipped, into=full)


def _merge_name_ending_another(registry: Registry) -> None:
    """``Vinmec Nha Trang`` beside ``Bệnh viện Đa khoa Quốc tế Vinmec Nha Trang``: a name that ends
    another name of its kind is that facility written short; one entry under the full name."""
    for short in list(registry.entries):
        ending = " " + short.name.casefold()
        full = next((e for e in registry.entries if e is not short and e.kind == short.kind
                     and e.name.casefold().endswith(ending)), None)
        if full is not None:
            registry.fold(short, into=full)


def _merge_initialised(registry: Registry) -> None:
    """``Bệnh viện ĐHYD TP HCM`` beside ``Bệnh viện Đại học Y Dược TP HCM``: one word in capitals
    that is the initials of words the other name has in its place, the words around it the same;
    one entry under the spelled-out name."""
    for short in list(registry.entries):
        words = short.name.split()
        for at, word in enumerate(words):
            if len(word) < 2 or not word.isupper() or not word.isalpha():
                continue
            before, after = _folded(words[:at]), _folded(words[at + 1:])
            full = next((e for e in registry.entries if e is not short and e.kind == short.kind
                         and _spells_out(e.name.split(), before, after, word)), None)
            if full is not None:
                registry.fold(short, into=full)
                break


def _spells_out(words: list[str], before: list[str], after: list[str], acronym: str) -> bool:
    """Whether ``words`` are ``before`` + words whose initials are ``acronym`` + ``after``."""
    middle = words[len(before):len(words) - len(after)]
    return len(words) > len(before) + len(after) and _folded(words[:len(before)]) == before \
        and _folded(words[len(words) - len(after):]) == after and len(middle) == len(acronym) \
        and initials(middle) == acronym


def _folded(words: list[str]) -> list[str]:
    return [word.casefold() for word in words]


def _merge_province_by_unit(registry: Registry, lexicon: Lexicon) -> None:
    """``Bệnh viện Hữu nghị đa khoa tỉnh`` beside ``Bệnh viện Hữu nghị Đa khoa Nghệ An``: a name
    that ends with the word ``tỉnh`` where the other has a province's name is that province's
    facility, when the article names one such; one entry under the province's name."""
    for bare in list(registry.entries):
        name = bare.name.casefold()
        if not name.endswith(" tỉnh"):
            continue
        prefix = name[:-len("tỉnh")]
        named = [e for e in registry.entries if e is not bare and e.kind == bare.kind
                 and e.name.casefold().startswith(prefix) and lexicon.is_province_name(e.name[len(prefix):])]
        if len(named) == 1:
            registry.fold(bare, into=named[0])
