"""Which name an office written in running text belongs to.

An office written after a name and a comma or dash (``Lê Khắc Nam, Phó chủ tịch UBND thành
phố``) is that name's; one followed by its organization and a full Vietnamese name (``…, Phó
Bí thư Quận ủy Nguyễn Tiến Thành``) is the name's it precedes; offices joined by commas,
dashes or "kiêm" before a name form one holder's chain. ``offices`` reads the offices
themselves and their organizations; this module only decides their holders.
"""

from __future__ import annotations

import re
from typing import Optional

from .lexicon import Hit, Lexicon
from .names import VIETNAMESE, Run, name_shape
from .office_names import split_after_office

# Heuristic limits of the text between an office and the name it precedes
# Heuristic limits of the text between an office and the name it precedes
# ("Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý"): an organization, not a clause.
MAX_ORG_GAP = 90
MAX_GAP_LOWERCASE = 6
_GAP_BREAK = re.compile(r"[;:!?\n\"“”()]|\.\s|\s[-–—]\s")
_GAP_ACRONYM = re.compile(r"\s*\([A-ZĐ][A-ZĐ0-9]{1,9}\)")  # "Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội"
# "Giám đốc Bệnh viện X, BSCKII Trần Văn A": the office, its organization, a comma, the name's cue.
_APPOSITION_COMMA = re.compile(r"\s*,\s*$")
_ABBREVIATED = re.compile(r"[A-ZĐ][A-ZĐa-z]*[A-ZĐ]")  # PGS, TS, ThS, BSCKII
# Where a diplomatic mission sits, after its country: "tại Đà Nẵng", "tại Vương quốc Campuchia".
_SEAT = re.compile(r"\s+tại\s+(?:(?:Vương quốc|thành phố|TP\.?)\s+)?(?:[A-ZĐÀ-Ỹ][^\s,;]*\s*){0,4}$")
# "Thừa ủy quyền của Chủ tịch nước, …": an office named as the one acted for.
_ON_BEHALF = re.compile(r"(?:của|thừa lệnh|thừa ủy quyền|thay mặt)\s*$", re.IGNORECASE)
# The same before an office set off by a comma from a name's cue ("Thừa ủy quyền của Chủ tịch nước,
# đồng chí A", "Thay mặt Giám đốc Sở, ông A"); a bare "của" there is the organization's, not a cue.
_ON_BEHALF_OF = re.compile(r"(?:ủy quyền|uỷ quyền|thay mặt)(?:\s+(?:của|cho))?\s+$", re.IGNORECASE)
# Characters before an office read for those words.
ON_BEHALF_WINDOW = 30
# "trao quyết định bổ nhiệm chức vụ Giám đốc Bệnh viện X cho PGS.TS A": the office named in an
# appointment is the appointee's, written after "cho" or "đối với".
_APPOINTMENT_BEFORE = re.compile(r"bổ nhiệm(?:\s+(?:giữ\s+)?chức\s+(?:vụ|danh))?\s+$", re.IGNORECASE)
_APPOINTEE_AFTER = re.compile(r"\s+(?:cho|đối với)\s+$")
# Capitalised words and title atoms at the end of a stretch ("… và PGS." before "TS").
_TRAILING_CAPITALISED = re.compile(r"(?:\s*[A-ZĐ][^\W\d_]*\.?)+\s*$")
_ENDS_LINKING = re.compile(r"(?<!\w)(?:và|cùng|với|cho|của|tại|là|có|gồm|như|các|đến|từ)\s+$", re.IGNORECASE)
_APPOSITION_SEPARATOR = re.compile(r"[,;:()]|\s[-–—]\s")
_TRAILING_DASH = re.compile(r"\s[-–—]\s*$")
# "Bí thư Huyện ủy kiêm Chủ tịch UBND huyện …", "Bí thư Đảng ủy - Giám đốc …": offices chained before a name.
_CHAIN_COMMA = re.compile(r",\s*|\s+kiêm\s+|\s+[-–—]\s+")
_OPENS_WITH_LINK = re.compile(r"\s*(?:và|cùng|với)\s", re.IGNORECASE)
_CAPITALISED_NEXT = re.compile(r"\s+[A-ZĐÀ-Ỹ]")
# A dash may touch the name ("Lỗ Xuân Hòa– Ủy viên …") but is followed by a space.
_SEPARATOR_BEFORE = re.compile(r"[^\W\d_]\s*(?:,|[-–—](?=\s))\s*(?:[Nn]guyên\s+)?$")
# "Bí thư Đảng ủy - Phó TGĐ …", "Giám đốc kiêm Bí thư …": offices joined into one holder's chain.
_JOINED_OFFICE = re.compile(r"\s+(?:[-–—]|kiêm)\s+$")
_DASH_BEFORE = re.compile(r"[-–—]\s*$")


def offices_after_names(text: str, runs: list[Run], offices: list[Hit], lexicon: Lexicon) -> frozenset[int]:
    """Starts of offices written after a name and a comma or dash (``Jeffrey Sica, CEO …``),
    and of the offices chained after those (``Lê Văn A – Phó Bí thư Huyện ủy – Chủ tịch HĐND
    huyện, ông Tạ Văn B``: the Chủ tịch is A's, not B's)."""
    ends = {run.end: run for run in runs}
    found: set[int] = set()
    previous: Optional[Hit] = None
    for office in offices:
        before = text[max(0, office.start - 30):office.start]
        match = _SEPARATOR_BEFORE.search(before)
        if match:
            name_end = office.start - len(before) + match.start() + 1
            run = ends.get(name_end)
            if run is not None and name_shape(run, lexicon) is not None \
                    and not lexicon.is_province_name(text, run.start, run.end):
                found.add(office.start)
            elif previous is not None and previous.start in found and previous.end <= name_end \
                    and _org_gap(text[previous.end:name_end], lexicon) and "," not in text[previous.end:name_end]:
                found.add(office.start)
        previous = office
    return frozenset(found)


def offices_before_names(
    text: str, runs: list[Run], offices: list[Hit], lexicon: Lexicon, after_names: frozenset[int]
) -> frozenset[int]:
    """Starts of offices followed by their organization and a full Vietnamese name
    (``…, Phó Bí thư Thường trực Quận ủy Nguyễn Tiến Thành``): they are that name's."""
    found: set[int] = set()
    for run in runs:
        office = office_before(text, run.start, offices, lexicon, after_names)
        if office is None:
            continue
        picked = split_after_office(text, run, office, lexicon)
        if picked is None or lexicon.commemorated_at(text, picked.run.start) or (
                lexicon.city_before(text, picked.run.start)
                and lexicon.is_province_name(text, picked.run.start, picked.run.end)):
            continue  # "Bí thư thứ nhất Trung ương Đoàn TNCS Hồ Chí Minh", "UBND TP Hồ Chí Minh": the body's name
        if office.start in after_names and lexicon.after_facility_head(text, picked.run.start):
            continue  # "A - Giám đốc Bệnh viện Nguyễn Tri Phương, B": A's office, a facility named after a person
        if picked.shape == VIETNAMESE and len(picked.run.words) >= 3:
            found.add(office.start)
    return frozenset(found)


def offices_leading_names(
    text: str, offices: list[Hit], before_names: frozenset[int], lexicon: Lexicon
) -> frozenset[int]:
    """Starts of offices joined by a dash or "kiêm" to an office that belongs to the name it
    precedes: ``Chủ tịch - TGĐ Tào Đức Thắng, Bí thư Đảng ủy - Phó TGĐ Tập đoàn Nguyễn Thanh
    Nam``. The Bí thư after the comma leads the next name's chain; list items are set off by
    commas, not dashes, so it is no appositive of the name before. A chain that itself follows
    a dash (``A – Phó Bí thư Huyện ủy – Chủ tịch HĐND huyện B``) is left as it is read."""
    leading: set[int] = set()
    for office in offices:
        if office.start not in before_names:
            continue
        current = office
        while (joined := _office_joined_before(text, current, offices, lexicon, _JOINED_OFFICE, 8)) is not None:
            previous = joined[0]
            if _DASH_BEFORE.search(text, max(0, previous.start - 4), previous.start):
                break
            leading.add(previous.start)
            current = previous
    return frozenset(leading)


def _office_joined_before(
    text: str, current: Hit, offices: list[Hit], lexicon: Lexicon, separator: re.Pattern[str], window: int
) -> Optional[tuple[Hit, int]]:
    """The office written before ``current`` and joined to it by ``separator`` (ending right at
    it, within ``window`` characters), with only its organization and no comma between; and where
    the separator starts."""
    joined = separator.search(text, max(0, current.start - window), current.start)
    if joined is None or joined.end() != current.start:
        return None
    earlier = [hit for hit in offices if hit.end <= joined.start() and joined.start() - hit.end <= MAX_ORG_GAP]
    if not earlier:
        return None
    previous = earlier[-1]
    gap = text[previous.end:joined.start()]
    if "," in gap or not _org_gap(gap, lexicon):
        return None
    return previous, joined.start()


def office_before(
    text: str, start: int, offices: list[Hit], lexicon: Lexicon, after_names: frozenset[int] = frozenset()
) -> Optional[Hit]:
    """The office that precedes ``start`` with only an organization's name between. An office
    written after another name (``after_names``) is not taken over a form of address."""
    before = [hit for hit in offices if hit.end <= start and start - hit.end <= MAX_ORG_GAP]
    if not before:
        return None
    office = before[-1]
    if text[office.end:start].rstrip().endswith(","):
        return None  # "A, Phó Chủ tịch UBND huyện, B, …": the office is A's; B starts a new item
    for cues in (lexicon.addresses, lexicon.titles, lexicon.professions):
        cue = lexicon.ends_at(cues, text, start, window=30)
        if cue is not None and not inside_org_name(text, office, cue.start, cue.end):
            between = text[office.end:cue.start]
            appointee = _APPOINTEE_AFTER.search(_TRAILING_CAPITALISED.sub(" ", between))  # "… cho PGS."
            if appointee and _APPOINTMENT_BEFORE.search(text, max(0, office.start - ON_BEHALF_WINDOW), office.start):
                return office if _org_gap(between[:appointee.start()], lexicon) else None
            if (cues is lexicon.addresses or cues is lexicon.titles and _ABBREVIATED.match(text, cue.start)) \
                    and between.strip() and not between.rstrip().endswith((",", ";")) \
                    and not _ENDS_LINKING.search(_TRAILING_CAPITALISED.sub(" ", between)):
                # "Vụ trưởng Vụ Tổ chức cán bộ TS Nguyễn Hồng Sơn", "Trưởng Ban Dân vận Trung ương bà
                # Trương Thị Mai": an abbreviated title or a form of address between the organization
                # and the name; the name is the office's (not after "và PGS.TS …").
                if cues is lexicon.addresses and office.start in after_names:
                    return None  # "A – Ủy viên BTV, Trưởng Ban Tổ chức huyện ủy đồng chí B": A's office
                start = cue.start
                continue
            return None  # "…, ông Đỗ Ngọc Anh": the name has its own cue; an office further back is not its
    gap = _TRAILING_DASH.sub("", text[office.end:start])  # "hiệu trưởng THCS Phù Ủng - Nhữ Mạnh A -"
    if office.meta("seat"):
        gap = _SEAT.sub("", gap)  # "Tổng lãnh sự Nhật Bản tại Đà Nẵng – ông A": where the mission sits
    return office if _org_gap(gap, lexicon) else None


def offices_chained_before(
    text: str, office: Hit, offices: list[Hit], lexicon: Lexicon, taken: frozenset[int]
) -> list[tuple[Hit, int]]:
    """Offices listed before ``office`` and a name: ``Bí thư Trung ương Đảng, Chánh Văn phòng
    Trung ương Đảng Lê Hoài A`` gives ``Bí thư Trung ương Đảng`` too. Each comes with the end
    of its organization (the comma). An office that belongs to another name (``taken``: written
    after one, or followed by its organization and one) stops the chain."""
    chained: list[tuple[Hit, int]] = []
    current = office
    while (joined := _office_joined_before(text, current, offices, lexicon, _CHAIN_COMMA, 6)) is not None:
        previous, comma_start = joined
        if previous.start in taken:
            break
        if _ON_BEHALF.search(text, max(0, previous.start - ON_BEHALF_WINDOW), previous.start):
            break  # "Thừa ủy quyền của Chủ tịch nước, Phó Trưởng Ban …": someone else's office
        chained.insert(0, (previous, comma_start))
        current = previous
    return chained


def office_in_apposition(text: str, cue_start: int, offices: list[Hit], lexicon: Lexicon) -> Optional[Hit]:
    """The office written before a name's titles or form of address, set off by a comma:
    ``Giám đốc Bệnh viện Đa khoa tỉnh, BSCKII Trần Văn A``; ``Phó Trưởng khoa Nhi, ThS.BS …``."""
    before = [hit for hit in offices if hit.end <= cue_start and cue_start - hit.end <= MAX_ORG_GAP]
    if not before:
        return None
    office = before[-1]
    if _ON_BEHALF_OF.search(text, max(0, office.start - ON_BEHALF_WINDOW), office.start):
        return None  # "Thừa ủy quyền của Chủ tịch nước, đồng chí A": the office is another's, A acts for it
    gap = text[office.end:cue_start]
    comma = _APPOSITION_COMMA.search(gap)
    if comma is None:
        # "Giám đốc Bệnh viện Bạch Mai PGS.TS Đào Xuân A": an abbreviated title right after
        # the organization's name sets the name off as well (not after "và", "cùng" …).
        if not _ABBREVIATED.match(text, cue_start) or not gap.strip() or _ENDS_LINKING.search(gap):
            return None
        org = gap
    else:
        org = gap[:comma.start()]
    if "," in org:
        return None
    return office if _org_gap(org, lexicon) else None


def _org_gap(gap: str, lexicon: Lexicon) -> bool:
    """Whether the text between an office and a name can be an organization's name."""
    if _OPENS_WITH_LINK.match(gap):
        return False  # "Bộ trưởng và BV Bạch Mai": no organization starts with "và"
    gap = _GAP_ACRONYM.sub("", gap)
    if _GAP_BREAK.search(gap.replace("TP.", "TP ").replace("Tp.", "Tp ")):
        return False
    lower_gap = gap.lower()
    phrase_end = 0
    lowercase = 0  # words in lowercase outside the fixed phrases of names
    for match in re.finditer(r"[^\W\d_]+", gap):
        phrase = lexicon.match_at(lexicon.name_phrases, lower_gap, match.start())
        phrase_end = max(phrase_end, phrase.end if phrase is not None else 0)
        if match.start() < phrase_end:
            continue  # "Hội người cao tuổi", "Tổng Hội người Việt Nam tại": a fixed phrase of a name
        lowercase += match.group(0)[:1].islower()
        if lowercase > MAX_GAP_LOWERCASE:
            return False
        if match.group(0) == "và" and _CAPITALISED_NEXT.match(gap, match.end()):
            continue  # "Trung tâm Đào tạo và Chỉ đạo tuyến", "Sở Tài nguyên và Môi trường"
        if match.group(0)[:1].islower() and lexicon.match_at(lexicon.name_stops, lower_gap, match.start()):
            return False
    return True


def inside_org_name(text: str, office: Hit, cue_start: int, cue_end: int) -> bool:
    """A cue word written capitalised inside the organization's name is part of that name:
    ``Chủ tịch Hội Điều dưỡng Việt Nam …``, ``Giám đốc Bệnh viện Bà Rịa …``. Abbreviated
    titles (``PGS.TS``, ``ThS``) are never part of it."""
    word = text[cue_start:cue_end]
    if cue_start <= office.end or not word[:1].isupper() or not word[1:].replace(" ", "").islower():
        return False
    between = text[office.end:cue_start]
    # "Giám đốc và Đại tá Trương Quang A": a cue after "và" starts the next person
    return bool(between.strip()) and not _APPOSITION_SEPARATOR.search(between) and not _ENDS_LINKING.search(between)
