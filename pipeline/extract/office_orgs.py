"""The organization written after an office: ``Phó Giám đốc | Sở Y tế tỉnh Cà Mau``.

A named body (facility, government body, party committee) when one starts
there; else a run of capitalised words up to a verb, a proper name or the next
office; else a short lowercase phrase (``chi bộ``, ``nhà trường``). A department
takes the facility written after it, an elected body its term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .bodies import body_at
from .lexicon import Hit, Lexicon
from .words import skip_spaces, word_at

# Heuristic: an organization written in lowercase after an office (chi bộ, nhà trường) is short.
MAX_LOWERCASE_ORG_WORDS = 3
# A unit's name after its lowercase unit word has at most this many words (thành phố Hồ Chí Minh).
MAX_UNIT_NAME_WORDS = 4
_DEPARTMENT_OF = re.compile(r"\s*(?:,|-|–|của|thuộc)?\s*")
SPACES = re.compile(r"[ \t]+")  # spaces within a line: what joins an association to its body ("Hội Phụ nữ Công an …")
_ORG_END = re.compile(r"[,;:.()\n\"“”]|\s[-–]\s")
_WORD = re.compile(r"[^\W_]+")
_CENTRAL_LEVEL = re.compile(r"(?:[Tt]rung ương|TW|T\.Ư)\s+")  # "Chủ tịch TW Hội …": the body's central level
# The term of an elected body is part of its name: "Quốc hội khóa XV", "HĐND tỉnh khóa XVIII".
_TERM = re.compile(r"\s+(?:khóa|nhiệm kỳ)\s+(?:[IVXLC]+\b|\d{4}\s*[-–]\s*\d{4}\b)")
_IN_CHARGE = re.compile(r"(?:[Pp]hụ trách(?:\s+(?:quản lý|điều hành|chuyên môn|chung))*|của)\s+")


@dataclass(frozen=True)
class PositionMention:
    """An office held by a person and the organization as written (may be partial)."""

    title: str
    org_start: Optional[int]
    org_end: Optional[int]
    org_text: Optional[str]
    board: Optional[str] = None  # "Đảng ủy" of "Bí thư Đảng ủy - Giám đốc Bệnh viện X": the organization's first part
    implied: Optional[str] = None  # the organization an abbreviation names with the office (TVTU: Tỉnh ủy)


def office_title(office: Hit) -> str:
    """The office as the record writes it, with the board it heads when it names one: ``Trưởng Ban
    Tuyên giáo`` of ``Trưởng ban Tuyên giáo Tỉnh ủy``, held in the ``Tỉnh ủy`` as the contract's
    ``Ủy viên Ban Thường vụ`` is."""
    if office.board is None:
        return office.canonical()
    board = " ".join(office.board.split())
    return f"{office.canonical()} {board[:1].upper()}{board[1:]}"


def org_start_of(text: str, office: Hit) -> int:
    """Where the organization of an office starts: after ``phụ trách`` or ``của`` before a
    named body (``Phó Giám đốc phụ trách Sở Y tế``, ``Phó Tổng Giám đốc của Shinhan Life``,
    ``Phó Giám đốc phụ trách quản lý điều hành Bệnh viện``)."""
    if office.org_start is not None:
        return office.org_start
    start = skip_spaces(text, office.end)
    in_charge = _IN_CHARGE.match(text, start)
    if in_charge and text[in_charge.end():in_charge.end() + 1].isupper():
        return in_charge.end()
    return start


def organization_after(text: str, office: Hit, lexicon: Lexicon) -> tuple[PositionMention, int]:
    title = office_title(office)
    implied = office.meta("implied_organization")
    if isinstance(implied, str):
        return PositionMention(title, None, None, None, None, implied), office.end
    org_start = org_start_of(text, office)
    if office.org_start is None and lexicon.match_at(lexicon.offices, text, org_start):
        # "tỉnh ủy viên Giám đốc Sở Y tế": the next office, not this one's organization
        return PositionMention(title, None, None, None), office.end
    body = body_at(text, org_start, lexicon)
    if body is not None and not body.generic:
        end = body.end
        if body.kind == "department" or body.kind == "party" and body.bare:
            # "Trưởng khoa Cấp cứu, Bệnh viện X"; "Bí thư Đảng ủy Trung tâm Y tế huyện": the unit's facility;
            # "Bí thư Đảng ủy bệnh viện": the committee of the facility the article is about
            end = _facility_after(text, end, lexicon, the_one=body.kind == "party")
        elif (head := lexicon.match_at(lexicon.org_heads, text, body.start)) is not None and head.meta("part_of_next"):
            end = _body_after(text, end, lexicon)  # "Trưởng Bộ môn Ngoại Đại học Y Hà Nội": the university's
        elif body.kind == "association":
            end = _body_after(text, end, lexicon, joined=SPACES)  # "Hội Phụ nữ Công an thành phố Phúc Yên": its body's
        end = _with_term(text, end)
        return PositionMention(title, body.start, end, text[body.start:end]), end
    first = word_at(text, org_start)
    stop = _ORG_END.search(text, org_start)
    limit = stop.start() if stop else len(text)
    central = _CENTRAL_LEVEL.match(text, org_start)
    central_body = body_at(text, central.end(), lexicon) if central is not None else None
    if central_body is not None and not central_body.generic:
        # "Chủ tịch TW Hội Đông y Việt Nam", "Phó Chủ tịch trung ương Hội …": the central level of a
        # body, whose name reads on in lowercase
        end = _with_term(text, central_body.end)
        return PositionMention(title, org_start, end, text[org_start:end]), end
    if first is not None and office.org_start is None and not first.capitalised:
        return _lowercase_organization(text, title, org_start, limit, office, lexicon)
    if first is None:
        return PositionMention(title, None, None, None), office.end
    end = org_start
    lower = text.lower()
    capitals_in_row = 0
    phrase_end = org_start
    words_read = 0
    for match in _WORD.finditer(text, org_start):
        at = match.start()
        if at < phrase_end:
            continue
        if at >= limit:
            if phrase_end <= limit or not text[phrase_end:at].isspace():
                break  # ("truyền thông&GDSK thông qua": no name goes on after the phrase)
            # "Ban Bảo vệ, chăm sóc sức khỏe cán bộ Trung ương": a fixed phrase ran over the comma
            stop = _ORG_END.search(text, phrase_end)
            limit = stop.start() if stop else len(text)
            if at >= limit:
                break
        words_read += 1
        phrase = lexicon.match_at(lexicon.name_phrases, lower, at)
        if phrase is not None and at > org_start and (text[at].isupper() or words_read == 2):
            # "Vụ tổ chức cán bộ": a fixed phrase right after the head word may be lowercase
            end = phrase_end = phrase.end  # "Trưởng phòng Dân số - truyền thông": a fixed phrase of the name
            capitals_in_row = 0
            continue
        compound = lexicon.match_at(lexicon.name_compounds, text, at)
        if compound is not None:
            end = phrase_end = compound.end  # "Trưởng phòng Hậu cần …", "Ban Kinh tế": one word in two syllables
            capitals_in_row += 1
            continue
        lowercase = match.group(0)[:1].islower()
        joined = match.group(0) == "và" and _joins_name(text, skip_spaces(text, at + 2), lexicon)
        if lowercase and not joined and (capitals_in_row >= 2 or lexicon.match_at(lexicon.name_stops, lower, at)):
            break  # a proper name ends the organization's name; a verb ends the clause
        # The head an office names its body by ("Trưởng phòng Phòng …") is no word of a proper name.
        head_word = at == org_start and office.org_start is not None
        capitals_in_row = 0 if lowercase or head_word else capitals_in_row + 1
        if lexicon.match_at(lexicon.offices, text, at) and at > org_start:
            break
        parent = body_at(text, at, lexicon) if at > org_start else None
        if parent is not None and not parent.generic and (parent.category == "facility" or not parent.bare):
            # "khoa Nhi Bệnh viện Đa khoa tỉnh …": the department's facility; "Đoàn Thanh niên Sở Y tế
            # Hà Nội", "Hội Phụ nữ Công an thành phố Phúc Yên": the body a union or a branch belongs to
            end = parent.end
            break
        end = match.end()
    if end > org_start and office.org_start is not None:
        end = _facility_after(text, end, lexicon)  # "Trưởng khoa Cấp cứu, Bệnh viện Bạch Mai"
    end = _with_term(text, end) if end > org_start else end
    org_text = text[org_start:end] or None
    return PositionMention(title, org_start if org_text else None, end if org_text else None, org_text), max(end, office.end)


def _joins_name(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether "và" at ``pos`` continues an organization's name (``… Đào tạo và Chỉ đạo tuyến``):
    a capitalised word follows that starts neither an office, a title nor a person's name."""
    first, second = word_at(text, pos), None
    if first is None or not first.capitalised or lexicon.match_at(lexicon.offices, text, pos) \
            or lexicon.match_at(lexicon.titles, text, pos):
        return False
    second = word_at(text, skip_spaces(text, first.end))
    person = lexicon.is_surname(first.text) and second is not None and second.capitalised
    return not person


def _with_term(text: str, end: int) -> int:
    term = _TERM.match(text, end)
    return term.end() if term else end


def _lowercase_organization(
    text: str, title: str, start: int, limit: int, office: Hit, lexicon: Lexicon
) -> tuple[PositionMention, int]:
    """``Bí thư chi bộ, Hiệu trưởng nhà trường``: a short lowercase phrase up to the next comma
    is the organization; a longer one, or one with a verb, is the rest of the sentence."""
    branch = lexicon.match_at(lexicon.branches, text, start)
    if branch is not None:
        body = body_at(text, skip_spaces(text, branch.end), lexicon)
        if body is not None and not body.generic:
            # "Bí thư chi đoàn thanh niên Trung tâm Y tế X": the branch of the body named after it
            return PositionMention(title, start, body.end, text[start:body.end]), body.end
    lower = text.lower()
    verbs = [m for m in _WORD.finditer(text, start, limit) if lexicon.match_at(lexicon.name_stops, lower, m.start())]
    if verbs and verbs[0].start() > start and lexicon.match_at(lexicon.facility_heads, text, start):
        # "phó Giám đốc bệnh viện giữ chức danh …": the facility's head, then the clause
        limit, verbs = verbs[0].start(), []
    phrase = text[start:limit]
    words = _WORD.findall(phrase)
    too_long = len(words) > MAX_LOWERCASE_ORG_WORDS and not _unit_and_name(text, start, limit, lexicon)
    if not words or too_long or verbs:
        committee = lexicon.match_at(lexicon.org_heads, text, start)
        if committee is not None and committee.meta("kind") == "party":
            # "Trưởng Ban Tổ chức huyện ủy đồng chí …": the committee alone, written in lowercase
            return PositionMention(title, start, committee.end, text[start:committee.end]), committee.end
        return PositionMention(title, None, None, None), office.end
    end = start + len(phrase.rstrip())
    return PositionMention(title, start, end, text[start:end]), end


def _unit_and_name(text: str, start: int, limit: int, lexicon: Lexicon) -> bool:
    """``Chủ tịch thành phố Lào Cai``: an administrative unit and its capitalised name of up to
    MAX_UNIT_NAME_WORDS words is the unit's people's committee as written."""
    unit = lexicon.match_at(lexicon.admin_units, text, start)
    if unit is None:
        return False
    name = _WORD.findall(text[unit.start + len(unit.text.rstrip()):limit])
    return 0 < len(name) <= MAX_UNIT_NAME_WORDS and all(word[:1].isupper() for word in name)


def _body_after(text: str, pos: int, lexicon: Lexicon, joined: re.Pattern[str] = _DEPARTMENT_OF) -> int:
    """End of the named body a unit belongs to when it follows (``Bộ môn Ngoại Đại học Y``), else ``pos``.
    ``joined`` is what may stand between them."""
    link = joined.match(text, pos)
    if link is None:
        return pos
    body = body_at(text, link.end(), lexicon)
    return body.end if body is not None and not body.generic and not body.bare else pos


def _facility_after(text: str, pos: int, lexicon: Lexicon, the_one: bool = False) -> int:
    """End of the facility a department belongs to when it follows (``…, Bệnh viện X``), else ``pos``.
    With ``the_one``, a facility's head alone, in lowercase and right after, counts too
    (``Đảng ủy bệnh viện``)."""
    link = _DEPARTMENT_OF.match(text, pos)
    if link is None:
        return pos
    body = body_at(text, link.end(), lexicon)
    if body is None or body.category != "facility" or body.kind == "department":
        return pos
    if body.generic and not (the_one and link.end() - pos == 1 and body.end == body.head_end and not body.quantified):
        return pos
    return body.end
