"""The name written after a body's head: its administrative unit, proper name and acronym.

``Trung tâm Y tế thị xã Đông Triều``: after the head ``Trung tâm Y tế`` the reader takes the unit
``thị xã`` and the proper name ``Đông Triều``. Facilities end their names at the first lowercase
word; organizations, departments and care centres keep a few (``Cục Quản lý Khám chữa bệnh``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .compounds import WordCompounds
from .lexicon import Lexicon
from .words import skip_spaces, word_at

# Heuristic: at most this many lowercase words in a row inside an
# organization's name (Cục Công nghệ thông tin), so a clause is not swallowed.
MAX_LOWERCASE_RUN = 4
# "(CDC)", "(PHCN-GDTE)": an acronym may join two with a dash.
_ACRONYM = r"[A-ZĐ][A-ZĐ0-9]{1,9}(?:-[A-ZĐ][A-ZĐ0-9]{1,9})?"
_BRACKETED_ACRONYM = re.compile(r"\((" + _ACRONYM + r")\)")
# The bracketed acronym as it is left out of the name's text.
BRACKET_IN_NAME = re.compile(r"\s*\(" + _ACRONYM + r"\)")
# "Bệnh viện 19-8", "Bệnh viện 30/4", "BV 30.4" (a date naming the hospital), "dịch Covid-19": a number
# glued by a hyphen, a slash or a full stop.
_NUMBER_DASH_NUMBER = re.compile(r"[^\W_][-/]\d{1,2}(?!\d)|\d\.\d{1,2}(?![\d.,])")
# "Bệnh viện Đại học Y Dược-HA.GL": initials joined by a full stop, no space after it, are one name.
_DOTTED_INITIALS = re.compile(r"(?<![^\W\d_])[A-ZĐ]{1,4}\.[A-ZĐ]{1,4}(?![\w.])")
# "Bệnh viện dã chiến 5D": a number with a letter is a unit's code.
_NUMBER_CODE = re.compile(r"\d{1,3}[A-Z]")
# "Bệnh viện dã chiến số 13": a kind of facility numbered is named by its number.
_NUMBERED = re.compile(r"số \d")
# "- cơ sở 2", "- cơ sở Linh Đàm": a site of the facility named before the dash.
_BRANCH = re.compile(r"(?i:cơ sở)\s+(?:\d|[A-ZĐ])")
# "… người có công cơ sở 2": a numbered site, written without the dash, ends the name.
_NUMBERED_BRANCH = re.compile(r"(?i:cơ sở)\s+\d{1,2}(?!\w)")
_AND_BEFORE = re.compile(r"(?<!\w)và\s*$")
# "Trạm xá Quân dân y kết hợp Đồn Biên phòng Phú Gia": a military and civilian post is named by the
# body it is combined with.
_COMBINED_WITH = re.compile(r"(?i:dân y kết hợp)\s*$")
# "… Bệnh viện Đa khoa Quảng Nam ĐNO - Ngày 13/8, …", "Báo Cà Mau Ngày 25/4, …": a day written
# after a name starts the report (a dateline), it is no part of the name.
_DAY_STARTS = re.compile(r"(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm)\s+(?:ngày\s+|nay\s+|qua\s+)?\d")
# "và" before the head of another body ends a name, even when that head is written in lowercase;
# so does a site of the facility ("Bệnh viện Nhi Trung ương và Cơ sở Đông Anh").
_AND_ANOTHER_BODY = re.compile(r"và\s+(?:Trung tâm|Bệnh viện|Trạm|Phòng|Viện|Sở|Chi cục|Cục|Khu|Cơ sở|Đoàn)\s", re.IGNORECASE)
# "Hội Hồi sức, Cấp cứu và Chống độc", "Bộ Lao động, Thương binh và Xã hội": a comma lists the fields
# an organization is named after, closed by "và" and a capitalised word.
_LISTED_FIELDS = re.compile(r",\s*([^\W\d_]\w*(?:\s+\w+){0,3}?)\s+và\s+([^\W\d_])")
# Labels of photo and video credits, run into the caption before them.
_CREDIT_WORDS = frozenset({"ẢNH", "Ảnh", "VIDEO", "Video", "CLIP", "Clip"})
# Saint in foreign hospitals' names (St. Mary's, ST. Paul).
_SAINT = re.compile(r"S[Tt]\. (?=[A-Z])")


@dataclass(frozen=True)
class NameTail:
    """Where the name after a head ends, and its parts."""

    end: int
    admin: Optional[str]
    proper_start: Optional[int]
    proper_end: Optional[int]
    acronym: Optional[str] = None


def read_name_tail(
    text: str,
    lower: str,
    pos: int,
    phrase_names: bool,
    lexicon: Lexicon,
    stops: frozenset[int],
    capitalised_head: bool,
    lowercase_start: bool,
    department: bool = False,
    max_lowercase: int = MAX_LOWERCASE_RUN,
    compounds: WordCompounds = WordCompounds(),
) -> NameTail:
    """Read the name after a head: unit word, capitalised words, numbers, name words."""
    end = pos  # end of the accepted name so far
    admin: Optional[str] = None
    proper_start: Optional[int] = None
    proper_end: Optional[int] = None
    pending_lower = 0  # lowercase words accepted tentatively (must be followed by more name)
    after_name = False  # the last accepted token was a capitalised word or a final name word
    named_end: Optional[int] = None  # end of the last capitalised word, number or final name word
    unit_seen = False  # an administrative unit was read: its name ends the body's name
    capitals_in_row = 0  # two capitalised words in a row are a proper name, which ends a phrase name
    real = False  # a word that names (not only a speciality such as Đa khoa, Nhi) was read
    acronym: Optional[str] = None
    last_inner_named = False  # the last word read was a kind word that names (nhi đồng), not "đa khoa"
    fields_listed = False  # a comma listed a field of the name (Hồi sức, Cấp cứu và Chống độc)
    cursor = pos
    while True:
        nxt = skip_spaces(text, cursor)
        if nxt >= len(text) or nxt in stops and not (
            proper_start is None and pending_lower and not phrase_names and not _AND_BEFORE.search(text, pos, nxt)
        ):
            break  # but "BVĐK tư nhân Cao Văn Chí": a private hospital is named after its owner
        if text[nxt] == "," and phrase_names and proper_start is not None and _listed_field(text, nxt, lexicon):
            fields_listed = True  # the "và" that closes the list is in the name too
            cursor = nxt + 1
            continue
        if text[nxt] == "&" and proper_start is not None and text[skip_spaces(text, nxt + 1):skip_spaces(text, nxt + 1) + 1].isupper():
            # "Sở TT&TT", "Khoa Phẫu thuật lồng ngực & Mạch máu": an ampersand joins one name
            cursor = nxt + 1
            continue
        if text[nxt] in "-/." and proper_start is not None and _NUMBER_DASH_NUMBER.match(text, nxt - 1):
            cursor = nxt + 1
            continue
        if text[nxt] == "." and proper_start is not None and _dotted_initials_at(text, nxt):
            cursor = nxt + 1
            continue
        if text[nxt] in "-–" and proper_start is not None:
            after = skip_spaces(text, nxt + 1)
            if _BRANCH.match(text, after) and after - nxt <= 2:
                cursor = after  # "Bệnh viện Đại học Y Dược - cơ sở Linh Đàm": one site of the hospital
                continue
            word = word_at(text, after)
            unit_after = lexicon.match_at(lexicon.admin_units, text, after)
            if word and word.capitalised and not unit_after and not _starts_body_or_office(text, after, lexicon) \
                    and not _DAY_STARTS.match(text, after) and after - nxt <= 2:
                cursor = after
                if department:
                    capitals_in_row = 0  # "khoa Lao – Bệnh phổi": a second speciality, not one proper name
                continue
            if department and lexicon.match_at(lexicon.name_inner, lower, after) and after - nxt <= 2:
                cursor = after  # "Khoa Hồi sức tích cực - chống độc": a department's second speciality
                continue
            break
        if _starts_body_or_office(text, nxt, lexicon) and nxt > pos and not _COMBINED_WITH.search(text, pos, nxt) and not (
            proper_start is None and not phrase_names and lexicon.match_at(lexicon.name_inner, lower, nxt)
        ) and not (nxt == skip_spaces(text, pos) and phrase_names and _only_org_head(text, nxt, lexicon)) \
                and not (nxt == skip_spaces(text, pos) and proper_start is None and _owner_names(text, nxt, lexicon)):
            # but "Bệnh xá Công an tỉnh", "Bệnh viện Quân đội 108", "Bệnh viện Trường Đại học Y Dược
            # Huế": the owner names the facility; "Bộ Công an": a body's name may open with a word
            # that heads other bodies
            break
        branch = _NUMBERED_BRANCH.match(text, nxt) if proper_start is not None else None
        if branch is not None:
            proper_end = end = named_end = branch.end()
            break
        bracket = _BRACKETED_ACRONYM.match(text, nxt)
        if bracket and acronym is None:
            acronym = bracket.group(1)  # "Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội"
            cursor = bracket.end()
            continue
        unit = lexicon.match_at(lexicon.admin_units, text, nxt)
        if unit is not None and unit_seen and _repeats_word_before(text, nxt, unit.text.rstrip()):
            cursor = nxt + len(unit.text.rstrip())  # "UBND tỉnh tỉnh": the unit word written twice
            continue
        if unit is not None:
            unit_seen = True
            unit_end = nxt + len(unit.text.rstrip())
            if not real and admin is None:
                admin = str(unit.meta("canonical", unit.text))
                end = unit_end
            elif not department and (_unit_alone(text, unit_end) or skip_spaces(text, unit_end) in stops):
                # "Bệnh viện Sản - Nhi tỉnh", "Sở Y tế thành phố": the province's own, its unit word
                # unnamed; so too before a person's name ("Chủ tịch Hội Chữ thập đỏ tỉnh Mai Lê Thuộc")
                end = unit_end
            # "TP.HCM": the name may follow the unit without a space.
            cursor = unit_end
            continue
        phrase = lexicon.match_at(lexicon.name_phrases, lower, nxt)
        # (Not, in a facility's name, a lowercase phrase after a proper name of two words: "Trạm xá …
        # Vĩnh Gia khám, chữa bệnh cho người dân" is the station, then what it does.)
        if phrase is not None and (proper_start is not None or lowercase_start or text[nxt].isupper()) \
                and not (capitals_in_row >= 2 and text[nxt].islower() and not phrase_names):
            if proper_start is None:
                proper_start = nxt  # "Ban Chỉ đạo phòng, chống dịch": the name starts with the phrase
                real = True
            proper_end = end = cursor = phrase.end
            # "Ban Chỉ đạo Quốc gia phòng, chống dịch Covid-19": the phrase goes on after a closed name
            capitals_in_row = 0
            continue
        final = lexicon.match_at(lexicon.name_final, lower, nxt)
        inner = lexicon.match_at(lexicon.name_inner, lower, nxt)
        word = word_at(text, nxt)
        if word is None:
            break
        if word.text in _CREDIT_WORDS:
            break  # "… Bệnh viện Chấn thương chỉnh hình ẢNH: …": a photo credit follows the caption
        if proper_start is not None and _DAY_STARTS.match(text, nxt):
            break
        after_kind = pending_lower > 0 and last_inner_named  # "Bệnh viện nhi đồng 2"
        if after_kind and (_NUMBER_CODE.fullmatch(word.text) or inner is not None and _NUMBERED.match(text, nxt)):
            # "BV dã chiến số 13", "BV dã chiến 5D": the number names the unit of that kind
            proper_start = nxt if proper_start is None else proper_start
            proper_end = end = named_end = cursor = inner.end if inner is not None else word.end
            real = after_name = True
            pending_lower = 0
            continue
        if proper_start is None and not pending_lower and lexicon.match_at(lexicon.grades, text, nxt):
            break  # "được công nhận Bệnh viện Hạng I": the class of a hospital, not one named "Hạng I"
        if word.number and not (after_name or after_kind or proper_start is None and capitalised_head and not pending_lower):
            # "… khu vực và 50% …", "Trung tâm Y tế huyện và 37 đảng viên": a number continues
            # a name only after a name word, or right after the head and its unit (Trạm Y tế phường 12).
            break
        if word.number:
            if lexicon.counts_things(text, word.end):
                # "tặng Bệnh viện Đa khoa vùng Tây Nguyên 2 máy thở", "Bệnh viện đa khoa tỉnh 4 máy thở",
                # "Trung tâm Y tế 2 chức năng": how many things, not the name's number
                break
            after_number = skip_spaces(text, word.end)
            if proper_start is None and not pending_lower and text[after_number:after_number + 1].islower() \
                    and lexicon.match_at(lexicon.admin_units, text, after_number):
                break  # "Trạm y tế 3 xã": how many units, not the unit's number
        if _SAINT.match(text, nxt):
            # "Bệnh viện St. Mary's": the abbreviation's full stop is inside the name.
            proper_start = nxt if proper_start is None else proper_start
            real = True
            cursor = nxt + 3
            continue
        if word.capitalised or word.number:
            capitals_in_row += 1
            after_name = True
            # "Đa khoa" says what kind of hospital, not which one.
            real = real or not lexicon.match_at(lexicon.generic_modifiers, lower, nxt)
            if proper_start is None:
                proper_start = nxt
            compound = lexicon.match_at(lexicon.name_compounds, text, nxt)
            segmented = compounds.end_at(nxt)
            if segmented is not None and (len(word.text) < 2 or word.text.isupper()
                                          or _known_after(text, lower, word.end, lexicon)):
                segmented = None  # "Nghiệp vụ Y chịu", "Mắt TƯ đạt"; "Đa khoa" is read by the rules
            if segmented is not None and segmented > word.end:
                capitals_in_row -= 1  # "Quản lý", "Khám chữa": a word of a phrase, not of a proper name
            span_end = max([word.end, segmented or 0,
                            *(hit.end for hit in (final, inner, compound) if hit is not None)])
            proper_end = end = named_end = span_end
            if final is not None and final.end > word.end and not department:
                capitals_in_row = 2  # "Bộ Y tế", "Viện … Quốc gia": a closing word ends a phrase name
                # (not a department's: khoa Y tế công cộng)
            pending_lower = 0
            cursor = span_end
            continue
        if final is not None:
            if proper_start is None:
                proper_start = nxt
            proper_end = end = named_end = final.end
            pending_lower = 0
            after_name = True
            # "Quốc gia" names, and so does a centre's disease (bệnh xã hội); "khu vực" alone does not
            real = real or text[nxt].isupper() or bool(final.meta("names", False))
            cursor = final.end
            continue
        after_name = False
        proper_closed = capitals_in_row >= 2 or unit_seen
        capitals_in_row = 0
        if _AND_ANOTHER_BODY.match(text, nxt):
            break  # "Trung tâm Chăm sóc sức khỏe sinh sản và Trung tâm truyền thông …": two bodies
        if text.startswith("và ", nxt) and any(lexicon.match_at(cues, text, skip_spaces(text, nxt + 2))
                                                for cues in (lexicon.titles, lexicon.addresses)):
            break  # "Hội đồng quản lý bệnh viện và PGS.TS …": a person comes next
        if inner is not None and text[nxt:inner.end] == "và" and proper_start is None and not pending_lower:
            break  # "giữa Bệnh viện và Trường": the head alone, then the next body
        if inner is not None and phrase_names and not department and proper_start is not None and text[nxt:inner.end] != "và":
            inner = None  # an organization keeps lowercase words in its name (Cục Quản lý Khám chữa bệnh)
        if inner is not None and not department and text[nxt:inner.end] == "và" and proper_start is not None:
            following = word_at(text, skip_spaces(text, inner.end))
            if phrase_names and not lowercase_start and (following is None or not following.capitalised
                                                         and not lexicon.match_at(lexicon.name_phrases, lower, following.start)):
                break  # "Công ty Dược phẩm Sanofi và chứng kiến lễ …": a clause goes on after "và"
            if not phrase_names and following is not None and following.capitalised \
                    and not lexicon.match_at(lexicon.name_inner, lower, following.start):
                break  # "Bệnh viện Chợ Rẫy và Vạn Khang SOS": two bodies (not "Kỹ thuật cao và Tiêu hóa")
        if inner is not None:
            if proper_closed and phrase_names and not (fields_listed and text[nxt:inner.end] == "và"):
                break
            fields_listed = False
            if department and proper_start is not None:
                following = word_at(text, skip_spaces(text, inner.end))
                if text[nxt:inner.end] == "và":
                    if following is None or not following.capitalised:
                        break  # "khoa Chăm sóc sức khỏe sinh sản và thí sinh …": the list goes on
                else:
                    # A speciality word may end a department's name (khoa … sinh sản).
                    proper_end = end = named_end = cursor = inner.end
                    pending_lower = 0
                    continue
            last_inner_named = not lexicon.match_at(lexicon.generic_modifiers, lower, nxt) and text[nxt:inner.end] != "và"
            cursor = inner.end
            pending_lower += 1
            continue
        if phrase_names and (proper_start is not None or lowercase_start) and not proper_closed:
            if lexicon.match_at(lexicon.name_stops, lower, nxt):
                break
            if pending_lower >= max_lowercase:
                # Too many lowercase words: a clause, not a name; keep the name up to its last capital.
                if named_end is not None:
                    proper_end = end = named_end
                break
            # Organizations keep lowercase words inside their names (Cục Quản lý Dược).
            real = True
            if proper_start is None:
                proper_start = nxt
            proper_end = end = word.end
            cursor = word.end
            pending_lower += 1
            continue
        break
    if not real:
        proper_start = proper_end = None  # "Bệnh viện Đa khoa tỉnh": a speciality is not a name
    if acronym is not None and (proper_end is None or text.find("(" + acronym + ")", pos, proper_end) < 0):
        acronym = None  # the bracket was after the name: it is read as an alias elsewhere
    return NameTail(end, admin, proper_start, proper_end, acronym)


def _repeats_word_before(text: str, pos: int, word: str) -> bool:
    """Whether ``word``, written at ``pos``, is also the word right before it."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end - len(word)
    return start >= 0 and text[start:end] == word and not text[start - 1:start].isalnum()


def _dotted_initials_at(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` joins two groups of initials (``HA.GL``)."""
    start = dot
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    found = _DOTTED_INITIALS.match(text, start)
    return found is not None and start < dot < found.end()


def _listed_field(text: str, comma: int, lexicon: Lexicon) -> bool:
    """Whether the comma at ``comma`` lists another field of the name (``, Cấp cứu và Chống độc``):
    capitalised words that head no body or office, then "và" and a capitalised word."""
    listed = _LISTED_FIELDS.match(text, comma)
    if listed is None or not (listed.group(1)[:1].isupper() and listed.group(2).isupper()):
        return False
    return not _starts_body_or_office(text, listed.start(1), lexicon)


def _known_after(text: str, lower: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the rules already say what the lowercase word after ``end`` is: a name word
    (``khoa`` of ``Đa khoa``), a phrase, or a word that ends a name (``chịu``)."""
    following = skip_spaces(text, end)
    return any(lexicon.match_at(words, lower, following) for words in (
        lexicon.name_inner, lexicon.name_final, lexicon.name_phrases, lexicon.name_stops))


def _only_org_head(text: str, pos: int, lexicon: Lexicon) -> bool:
    return bool(lexicon.match_at(lexicon.org_heads, text, pos)) and not (
        lexicon.match_at(lexicon.facility_heads, text, pos) or lexicon.match_at(lexicon.offices, text, pos))


def _owner_names(text: str, pos: int, lexicon: Lexicon) -> bool:
    owner = lexicon.match_at(lexicon.org_heads, text, pos)
    return owner is not None and bool(owner.meta("owner_name", False))


def _unit_alone(text: str, pos: int) -> bool:
    """Whether an administrative unit word ending at ``pos`` has no name of its own after it
    (and is not "tỉnh bạn", a friendly province: another one)."""
    following = word_at(text, skip_spaces(text, pos))
    return following is None or not (following.capitalised or following.number or following.text == "bạn")


def _starts_body_or_office(text: str, pos: int, lexicon: Lexicon) -> bool:
    return bool(
        lexicon.match_at(lexicon.facility_heads, text, pos)
        or lexicon.match_at(lexicon.org_heads, text, pos)
        or lexicon.match_at(lexicon.offices, text, pos)
    )
