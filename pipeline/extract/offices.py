"""Offices around a person's name and the organizations they are held in.

Before the name: ``Bí thư Quận ủy Hoàng Mai Nguyễn Xuân Linh`` — the office, then
the organization, whose place name runs into the person's name and is split
from it. After the name: ``Lê Khắc Nam, Phó chủ tịch UBND thành phố`` — one or
more offices, each with the organization that follows it. An office written
after one name and before the next (``A, Phó Bí thư Quận ủy B``) belongs to
the name it precedes when a full Vietnamese name follows its organization.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .bodies import body_at
from .lexicon import Hit, Lexicon
from .names import VIETNAMESE, Run, name_shape
from .office_names import split_after_office
from .office_orgs import PositionMention, organization_after

# Heuristic limits of the text between an office and the name it precedes
# ("Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý"): an organization, not a clause.
MAX_ORG_GAP = 90
MAX_GAP_LOWERCASE = 6
_GAP_BREAK = re.compile(r"[;:!?\n\"“”()]|\.\s|\s[-–—]\s")
_GAP_ACRONYM = re.compile(r"\s*\([A-ZĐ][A-ZĐ0-9]{1,9}\)")  # "Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội"
# "…, giữ chức vụ Phó Giám đốc", "…, đều là Phó Giám đốc": the office of the names before the comma.
_AFTER_SEPARATOR = re.compile(
    r"\s*(?:(?:,|[-–—]|;|\()\s*(?:(?:hiện |nguyên |đều )?(?:đang )?là\s+|giữ\s+chức(?:\s+(?:vụ|danh))?\s+)?"
    r"|\s(?:hiện |nguyên |đều )?(?:đang )?là\s+)"
    r"(?:[Nn]guyên\s+|kiêm\s+)?"
)
# "… Phó Chánh văn phòng Bộ Y tế được điều động, giữ chức Phó Vụ trưởng …", "… được bổ nhiệm
# Giám đốc Bệnh viện …", "… được giao chức vụ Giám đốc …", "… tiếp tục giữ chức vụ …": an office
# taken up or kept.
_APPOINTED = re.compile(
    r"\s+(?:được\s+)?(?:(?:(?:bổ nhiệm|điều động|luân chuyển|bầu)(?:\s+lại)?(?:\s*,\s*|\s+))+"
    r"(?:(?:giữ\s+chức(?:\s+(?:vụ|danh))?|làm)\s+)?|(?:(?:tiếp tục|vẫn)\s+)?(?:giữ\s+chức(?:\s+(?:vụ|danh))?|làm)\s+"
    r"|giao\s+chức\s+vụ\s+)"
)
# Titles may stand between a name and its office: "…, Thầy thuốc Nhân dân, nguyên Giám đốc …".
MAX_TITLES_BEFORE_OFFICE = 3
# A year of birth or an age in brackets right after a name, before its offices.
_BIRTH_NOTE = re.compile(r"\s*\((?:SN|sinh năm|\d{1,3}\s*tuổi)[^()\n]{0,20}\)", re.IGNORECASE)
_NOTE_AFTER_NAME = re.compile(r"\s*\([^()\n]{1,120}\)")
_ITEM_END = re.compile(r"[;\n]|\.\s")
# "Bí thư Đảng ủy, Giám đốc Bệnh viện X": a party committee written without its body; the next
# office starts within a few characters of it (", ", " - ", " kiêm ").
_BARE_COMMITTEE = re.compile(r"(?:Đảng|đảng) (?:ủy|uỷ)|Chi bộ|chi bộ")
MAX_COMMITTEE_GAP = 30
_KIEM = re.compile(r"\s+kiêm\s+(?:giữ\s+chức(?:\s+(?:vụ|danh))?\s+)?")  # "… kiêm giữ chức vụ Giám đốc …"
_SPACES = re.compile(r"[ \t]+")
# A line that holds only a name with its titles (and maybe a bullet) is at most this long.
NAME_LINE_MAX_CHARS = 60
_SENTENCE_INSIDE = re.compile(r"[!?,;:]\s")  # a full stop may close a title (BS.CKII. …)
_LINE_BREAK = re.compile(r"[ \t]*\n+[ \t]*")
# A dash may touch the name ("Lỗ Xuân Hòa– Ủy viên …") but is followed by a space.
# "Giám đốc Bệnh viện X, BSCKII Trần Văn A": the office, its organization, a comma, the name's cue.
_APPOSITION_COMMA = re.compile(r"\s*,\s*$")
_ABBREVIATED = re.compile(r"[A-ZĐ][A-ZĐa-z]*[A-ZĐ]")  # PGS, TS, ThS, BSCKII
# "Thừa ủy quyền của Chủ tịch nước, …": an office named as the one acted for.
_ON_BEHALF = re.compile(r"(?:của|thừa lệnh|thừa ủy quyền|thay mặt)\s*$", re.IGNORECASE)
# Capitalised words and title atoms at the end of a stretch ("… và PGS." before "TS").
_TRAILING_CAPITALISED = re.compile(r"(?:\s*[A-ZĐ][^\W\d_]*\.?)+\s*$")
_ENDS_LINKING = re.compile(r"(?<!\w)(?:và|cùng|với|cho|của|tại|là|có|gồm|như|các|đến|từ)\s+$", re.IGNORECASE)
_APPOSITION_SEPARATOR = re.compile(r"[,;:()]|\s[-–—]\s")
_TRAILING_DASH = re.compile(r"\s[-–—]\s*$")
# "Bí thư Huyện ủy kiêm Chủ tịch UBND huyện …", "Bí thư Đảng ủy - Giám đốc …": offices chained before a name.
_CHAIN_COMMA = re.compile(r",\s*|\s+kiêm\s+|\s+[-–—]\s+")
_OPENS_WITH_LINK = re.compile(r"\s*(?:và|cùng|với)\s", re.IGNORECASE)
_CAPITALISED_NEXT = re.compile(r"\s+[A-ZĐÀ-Ỹ]")
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
        if _ON_BEHALF.search(text, max(0, previous.start - 30), previous.start):
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


def positions_after(text: str, pos: int, lexicon: Lexicon, taken: frozenset[int]) -> list[PositionMention]:
    """Offices written after a name: ``, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện …``. A bracket
    right after the name comes before them: a year of birth always (``Bà A (SN 1986), Trưởng
    phòng …``), any other note when no office follows the name itself (``Giáo sư A (79 tuổi, hiện
    đang công tác tại …), Chủ tịch Hội …``); an office inside the bracket is read as one."""
    note = _BIRTH_NOTE.match(text, pos)
    if note is not None:
        return _offices_from(text, note.end(), lexicon, taken)
    found = _offices_from(text, pos, lexicon, taken)
    bracket = _NOTE_AFTER_NAME.match(text, pos) if not found else None
    return _offices_from(text, bracket.end(), lexicon, taken) if bracket is not None else found


def _offices_from(text: str, pos: int, lexicon: Lexicon, taken: frozenset[int]) -> list[PositionMention]:
    positions: list[PositionMention] = []
    offices: list[Hit] = []
    shared: list[bool] = []  # whether the office was joined to the one before by "kiêm"
    while True:
        sep = _AFTER_SEPARATOR.match(text, pos) or _APPOINTED.match(text, pos) or (
            _KIEM.match(text, pos) if positions else None)
        if sep is None and (not positions or positions[-1].org_text is None):
            # "tỉnh ủy viên Giám đốc Sở Y tế": two offices, no comma; "đồng chí Sômphone
            # Chănthanasouk Giám đốc Sở Y tế": an office right after the name
            sep = _SPACES.match(text, pos)
        if sep is None and not positions:
            sep = _office_line_after(text, pos)
        if sep is None:
            break
        office = lexicon.match_at(lexicon.offices, text, sep.end()) or _office_after_titles(text, sep.end(), lexicon)
        if office is None or office.start in taken or ";" in sep.group(0) and _item_of_next_name(text, sep.end(), taken):
            break
        position, pos = organization_after(text, office, lexicon)
        positions.append(position)
        offices.append(office)
        shared.append(bool(positions[:-1]) and "kiêm" in sep.group(0))
    return _committee_from_next(text, _bodies_shared_by_offices(text, positions, shared, lexicon), offices, lexicon)


def _bodies_shared_by_offices(
    text: str, positions: list[PositionMention], shared: list[bool], lexicon: Lexicon
) -> list[PositionMention]:
    """``Chủ tịch kiêm Tổng giám đốc Tập đoàn Y tế Phương Châu``: two offices joined by "kiêm"
    are held in one body, written once after the second. ``Bí thư Đảng ủy - Giám đốc Bệnh viện X``:
    a party committee written bare is the committee of the facility the next office is held in (of a
    commune or a department it is not: "Bí thư Đảng ủy, Chủ tịch HĐND phường X" heads the ward's)."""
    filled = list(positions)
    for index in range(len(filled) - 2, -1, -1):
        current, following = filled[index], filled[index + 1]
        if following.org_text is None or following.org_start is None or current.implied is not None:
            continue
        if shared[index + 1] and current.org_text is None:
            filled[index] = replace(current, org_start=following.org_start, org_end=following.org_end,
                                    org_text=following.org_text)
        elif current.org_text is not None and current.board is None and _BARE_COMMITTEE.fullmatch(
                current.org_text) and following.org_start - (current.org_end or 0) <= MAX_COMMITTEE_GAP \
                and _facility_of_its_own(text, following.org_start, lexicon):
            # the committee leads the body's name, as a named board does (Ban Tuyên giáo + Tỉnh ủy)
            filled[index] = replace(following, title=current.title, board=current.org_text)
    return filled


def _facility_of_its_own(text: str, pos: int, lexicon: Lexicon) -> bool:
    body = body_at(text, pos, lexicon)
    return body is not None and body.category == "facility" and body.kind != "department"


def _item_of_next_name(text: str, start: int, taken: frozenset[int]) -> bool:
    """Whether the list item a semicolon opens ends in an office held by the name after it
    ("A; Trưởng ban Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh B"): the item is B's."""
    end = _ITEM_END.search(text, start)
    stop = end.start() if end else len(text)
    return any(start <= office < stop for office in taken)


def _office_after_titles(text: str, pos: int, lexicon: Lexicon) -> Optional[Hit]:
    """The office written after the name's titles, each set off by a comma: ``Tiến sĩ, Bác sĩ
    cao cấp, Phó Giám đốc …``. A title followed by a name (``, TS Nguyễn Văn B``) is the next
    person's, and no office is found."""
    for _ in range(MAX_TITLES_BEFORE_OFFICE):
        title = lexicon.match_at(lexicon.titles, text, pos)
        sep = _AFTER_SEPARATOR.match(text, title.end) if title is not None else None
        if sep is None:
            return None
        pos = sep.end()
        office = lexicon.match_at(lexicon.offices, text, pos)
        if office is not None:
            return office
    return None


def _office_line_after(text: str, pos: int) -> Optional[re.Match[str]]:
    """A name alone on its line (a speaker list, a poster caption: "ThS.BS Nguyễn Thị A" and
    on the next line "Trưởng khoa Phụ Sản"): the next line opens with the name's office."""
    line_start = text.rfind("\n", 0, pos) + 1
    if len(text[line_start:pos]) > NAME_LINE_MAX_CHARS or _SENTENCE_INSIDE.search(text, line_start, pos):
        return None
    return _LINE_BREAK.match(text, pos)


def _committee_from_next(
    text: str, positions: list[PositionMention], offices: list[Hit], lexicon: Lexicon
) -> list[PositionMention]:
    """``Ủy viên BTV, Trưởng Ban Tuyên giáo Tỉnh ủy``: a membership office written without its
    committee is held in the party committee (or People's Council: ``Ủy viên Thường trực,
    Trưởng ban VHXH HĐND tỉnh``) named by the next office."""
    filled = list(positions)
    for index in range(len(filled) - 2, -1, -1):
        current, following = filled[index], filled[index + 1]
        if current.org_text is not None or not offices[index].meta("org_from_next"):
            continue
        if following.org_start is None or following.org_end is None:
            continue
        start = _committee_start(text, following.org_start, following.org_end, lexicon, bool(following.board))
        if start is not None:
            filled[index] = PositionMention(current.title, start, following.org_end, text[start:following.org_end],
                                            current.board)
    return filled


def _committee_start(text: str, start: int, end: int, lexicon: Lexicon, after_board: bool) -> Optional[int]:
    """Where the committee a membership is held in starts in an organization: a party committee
    that opens it (Tỉnh ủy), or the People's Council whose board the next office heads, or the
    party committee or council a board's name ends with (``Trưởng ban VHXH HĐND tỉnh``: the
    HĐND). Not the council of a chair's office (``Ủy viên BTV, Chủ tịch HĐND``)."""
    for word in re.finditer(r"\S+", text[start:end]):
        pos = start + word.start()
        head = lexicon.match_at(lexicon.org_heads, text, pos)
        if head is not None and (head.meta("kind") == "party" or head.meta("abbr") == "HĐND" and (pos > start or after_board)):
            return pos
    return None
