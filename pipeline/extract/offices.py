"""The offices written after a person's name and the organizations they are held in.

``Lê Khắc Nam, Phó chủ tịch UBND thành phố``: one or more offices after the name, each
with the organization that follows it; offices joined by "kiêm" share one body, a bare
party committee is the committee of the next office's body, and a membership written
without its committee takes the next office's. Which name an office in running text
belongs to is decided in ``office_owners``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .bodies import body_at
from .lexicon import Hit, Lexicon
from .office_orgs import SPACES, PositionMention, organization_after

# "…, giữ chức vụ Phó Giám đốc", "…, đều là Phó Giám đốc": the office of the names before the comma.
_AFTER_SEPARATOR = re.compile(
    r"\s*(?:(?:,|[-–—]|;|\()\s*(?:(?:hiện |nguyên |đều )?(?:đang )?là\s+|giữ\s+chức(?:\s+(?:vụ|danh))?\s+)?"
    r"|\s(?:hiện |nguyên |đều )?(?:đang )?là\s+)"
    r"(?:[Nn]guyên\s+|kiêm\s+)?"
)
# "… Phó Chánh văn phòng Bộ Y tế được điều động, giữ chức Phó Vụ trưởng …", "… được bổ nhiệm
# Giám đốc Bệnh viện …", "…, 53 tuổi, được phân công làm Giám đốc …", "… được giao chức vụ Giám đốc …",
# "… tiếp tục giữ chức vụ …", "… đảm nhiệm vai trò Trưởng khoa …": an office taken up or kept;
# "… sẽ thôi làm nhiệm vụ Giám đốc …": one held until a successor comes. Tried before a bare comma,
# which would end the offices at the verb.
_APPOINTED = re.compile(
    r"(?:\s*,)?\s+(?:được\s+)?(?:(?:(?:bổ nhiệm|điều động|luân chuyển|phân công|bầu)(?:\s+lại)?(?:\s*,\s*|\s+))+"
    r"(?:(?:giữ\s+chức(?:\s+(?:vụ|danh))?|làm)\s+)?|(?:(?:tiếp tục|vẫn|(?:sẽ\s+)?thôi)\s+)?"
    r"(?:giữ\s+chức(?:\s+(?:vụ|danh))?|làm(?:\s+nhiệm\s+vụ)?|đảm\s+nhiệm(?:\s+(?:vai\s+trò|chức\s+vụ|cương\s+vị))?)\s+"
    r"|giao\s+chức\s+vụ\s+)"
)
# Titles may stand between a name and its office: "…, Thầy thuốc Nhân dân, nguyên Giám đốc …".
MAX_TITLES_BEFORE_OFFICE = 3
# A year of birth or an age right after a name, before its offices: in brackets, or between
# commas ("Bác sĩ A, 53 tuổi, được bổ nhiệm làm Giám đốc …").
_BIRTH_NOTE = re.compile(r"\s*\((?:SN|sinh năm|\d{1,3}\s*tuổi)[^()\n]{0,20}\)|\s*,\s*\d{1,3}\s*tuổi(?=\s*,)",
                         re.IGNORECASE)
_NOTE_AFTER_NAME = re.compile(r"\s*\([^()\n]{1,120}\)")
_ITEM_END = re.compile(r"[;\n]|\.\s")
_NAME_RIGHT_AFTER = re.compile(r"[ \t]+[A-ZĐÀ-Ỹ][^\W\d_]*[ \t]+[A-ZĐÀ-Ỹ]")  # two capitalised words
# "Bí thư Đảng ủy, Giám đốc Bệnh viện X", "Bí thư Đảng bộ - Giám đốc Bệnh viện": a party committee
# written without its body; the next office starts within a few characters of it (", ", " - ",
# " kiêm "), its body maybe further on
# ("Bí thư Đảng ủy, Phó Giám đốc phụ trách quản lý điều hành Bệnh viện").
_BARE_COMMITTEE = re.compile(r"(?:Đảng|đảng) (?:ủy|uỷ|bộ)|Chi bộ|chi bộ")
MAX_COMMITTEE_GAP = 30
_KIEM = re.compile(r"\s+kiêm\s+(?:giữ\s+chức(?:\s+(?:vụ|danh))?\s+)?")  # "… kiêm giữ chức vụ Giám đốc …"
# A line that holds only a name with its titles (and maybe a bullet) is at most this long.
NAME_LINE_MAX_CHARS = 60
_SENTENCE_INSIDE = re.compile(r"[!?,;:]\s")  # a full stop may close a title (BS.CKII. …)
_LINE_BREAK = re.compile(r"[ \t]*\n+[ \t]*")


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
        sep = _APPOINTED.match(text, pos) or _AFTER_SEPARATOR.match(text, pos) or (
            _KIEM.match(text, pos) if positions else None)
        if sep is None and (not positions or positions[-1].org_text is None):
            # "tỉnh ủy viên Giám đốc Sở Y tế": two offices, no comma; "đồng chí Sômphone
            # Chănthanasouk Giám đốc Sở Y tế": an office right after the name
            sep = SPACES.match(text, pos)
        if sep is None and not positions:
            sep = _office_line_after(text, pos)
        if sep is None:
            break
        office = lexicon.match_at(lexicon.offices, text, sep.end()) or _office_after_titles(text, sep.end(), lexicon)
        if office is None or office.start in taken or ";" in sep.group(0) and _item_of_next_name(text, sep.end(), taken):
            break
        position, org_end = organization_after(text, office, lexicon)
        if ";" in sep.group(0) and _NAME_RIGHT_AFTER.match(text, org_end):
            break  # "A; Phó Thủ tướng Chính phủ Lào Kikeo Khaykhamphithoune": the next item's name and office
        pos = org_end
        positions.append(position)
        offices.append(office)
        shared.append(bool(positions[:-1]) and "kiêm" in sep.group(0))
    return _committee_from_next(text, _bodies_shared_by_offices(text, positions, offices, shared, lexicon), offices,
                                lexicon)


def _bodies_shared_by_offices(
    text: str, positions: list[PositionMention], offices: list[Hit], shared: list[bool], lexicon: Lexicon
) -> list[PositionMention]:
    """``Chủ tịch kiêm Tổng giám đốc Tập đoàn Y tế Phương Châu``: two offices joined by "kiêm"
    are held in one body, written once after the second. ``Bí thư Đảng ủy - Giám đốc Bệnh viện X``:
    a party committee written bare is the committee of the facility or agency the next office is held
    in (of a commune or a department it is not: "Bí thư Đảng ủy, Chủ tịch HĐND phường X" heads the
    ward's)."""
    filled = list(positions)
    for index in range(len(filled) - 2, -1, -1):
        current, following = filled[index], filled[index + 1]
        if following.org_text is None or following.org_start is None or current.implied is not None:
            continue
        if shared[index + 1] and current.org_text is None:
            filled[index] = replace(current, org_start=following.org_start, org_end=following.org_end,
                                    org_text=following.org_text)
        elif current.org_text is not None and current.board is None and _BARE_COMMITTEE.fullmatch(
                current.org_text) and offices[index + 1].start - (current.org_end or 0) <= MAX_COMMITTEE_GAP \
                and _body_of_its_own(text, following.org_start, lexicon):
            # the committee leads the body's name, as a named board does (Ban Tuyên giáo + Tỉnh ủy)
            filled[index] = replace(following, title=current.title, board=current.org_text)
    return filled


# The bodies of an administrative unit: a party committee written before their office is the
# unit's (Bí thư Đảng ủy, Chủ tịch HĐND phường X), not theirs.
_UNIT_GOVERNMENT_HEADS = frozenset({"Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc"})


def _body_of_its_own(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether the body at ``pos`` has a party committee of its own: a facility (not a
    department), or an agency, police or company (Bí thư Đảng ủy, Giám đốc Công an tỉnh)."""
    body = body_at(text, pos, lexicon)
    if body is None or body.kind in ("department", "party"):
        return False
    return body.category == "facility" or body.head not in _UNIT_GOVERNMENT_HEADS


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
        heads_board = offices[index + 1].board is not None or bool(following.board)
        start = _committee_start(text, following.org_start, following.org_end, lexicon, heads_board)
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
