"""Person mentions: a name, the titles before it and the offices around it.

A capitalised run of words is a person when something announces it: a title
chain (``PGS.TS``), a form of address (``đồng chí``, ``bà``), a profession
(``luật sư``), an office before it (``Bí thư Quận ủy Hoàng Mai Nguyễn Xuân
Linh``, the organization's name and the person's name then being split), an
office or a description after it (``Lê Khắc Nam, Phó chủ tịch UBND thành
phố``; ``Edward Moya, nhà phân tích``), or an age (``(13 tuổi)``). Without any
of these only a full Vietnamese name of three or four syllables is taken, and
not after a street, place or number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Optional

from .bodies import body_at
from .lexicon import Hit, Lexicon
from .names import FOREIGN, SHORT, VIETNAMESE, Run, capitalised_runs, name_shape, short_shape
from .titles import TitleChain, chain_before, find_title_chains
from .words import is_vietnamese_syllable, skip_spaces, word_at

# Heuristic limits of the text between an office and the name it precedes
# ("Phó Chủ tịch UBND TP Hà Nội Ngô Văn Quý"): an organization, not a clause.
MAX_ORG_GAP = 90
MAX_GAP_LOWERCASE = 6
_GAP_BREAK = re.compile(r"[;:!?\n\"“”()]|\.\s")
_GAP_ACRONYM = re.compile(r"\s*\([A-ZĐ][A-ZĐ0-9]{1,9}\)")  # "Trung tâm Kiểm soát bệnh tật (CDC) Hà Nội"
_AFTER_SEPARATOR = re.compile(r"\s*(?:,|\s-|\s–|\s—|;)\s*(?:[Nn]guyên\s+|kiêm\s+)?")
_KIEM = re.compile(r"\s+kiêm\s+")
_AGE_AFTER = re.compile(r"^\s*[(,]\s*\d+\s*tuổi")
_DEPARTMENT_OF = re.compile(r"\s*(?:,|-|–|của|thuộc)?\s*")
_ORG_END = re.compile(r"[,;:.()\n\"“”]|\s[-–]\s")
_SEPARATOR_BEFORE = re.compile(r"[^\W\d_]\s*(?:,|\s-|\s–)\s*(?:[Nn]guyên\s+)?$")
_COORDINATION = re.compile(r"^\s*(?:,|và|cùng)\s*(?:(?:đồng chí|ông|bà|anh|chị|em|bé|cháu)\s+)?$")
_LINE_END_AFTER = re.compile(r"^\s*(?:\(|\n|$)")
_ITEM_BEFORE = re.compile(r"([^\W\d_]+(?: [^\W\d_]+){0,4})\s*,\s*$")
_ITEM_AFTER = re.compile(r"^\s*,\s*([^\W\d_]+(?: [^\W\d_]+){0,4})")
# "Trần Qúy Tường": the tone written on the u of "qu" belongs on the next vowel.
_QU_TONE = re.compile(r"([Qq])([úùủũụ])([yiaeo])")
_QU_MOVE = {"ú": "\u0301", "ù": "\u0300", "ủ": "\u0309", "ũ": "\u0303", "ụ": "\u0323"}
# Words before a capitalised run that make it a place, street or thing, not a person.
_PLACE_BEFORE = re.compile(
    r"(?:phố|đường|ngõ|ngách|số|tuyến|đền|chùa|cầu|chợ|làng|thôn|ấp|khóm|xóm|bản|sông|núi|tỉnh|thành phố|quận|"
    r"huyện|xã|phường|thị trấn|thị xã|TP\.?|trường|giải|cúp|khu|dự án|quê|ở|tại|từ|về|đến|và|nhãn hiệu|"
    r"thương hiệu|hãng|báo|tờ|kênh|sân)\s+$|\d\s*$|(?:ảnh|nguồn|tác giả|bài|clip|video|theo)\s*:\s*$",
    re.IGNORECASE,
)
# An acronym right before (Trường THPT Lê Hồng Phong, UBND …): the run names a body.
_ACRONYM_BEFORE = re.compile(r"(?<!\w)[A-ZĐ]{2,}\s+$")


@dataclass(frozen=True)
class PositionMention:
    """An office held by a person and the organization as written (may be partial)."""

    title: str
    org_start: Optional[int]
    org_end: Optional[int]
    org_text: Optional[str]


@dataclass(frozen=True)
class PersonMention:
    """One mention of a person in the text."""

    start: int
    end: int
    name: str
    shape: str  # vietnamese, foreign or short
    titles: tuple[str, ...]
    positions: tuple[PositionMention, ...]
    addressed: bool = False  # after a form of address (anh Viễn): a short name may stand alone
    coordinated: bool = False  # joined to the mention before by "," or "và" (a list of names)


def find_people(text: str, lexicon: Lexicon) -> list[PersonMention]:
    """Every person mention of the text, in order."""
    chains = find_title_chains(text, lexicon)
    offices = lexicon.find(lexicon.offices, text)
    runs = capitalised_runs(text)
    after_names = _offices_after_names(text, runs, offices, lexicon)
    before_names = _offices_before_names(text, runs, offices, lexicon)
    found: list[PersonMention] = []
    for run in runs:
        previous = found[-1] if found else None
        coordinated = previous is not None and bool(_COORDINATION.match(text[previous.end:run.start]))
        mention = _person_in_run(text, run, chains, offices, after_names, before_names, coordinated, lexicon)
        if mention is not None:
            found.append(mention)
    return _share_offices(found)


def _share_offices(mentions: list[PersonMention]) -> list[PersonMention]:
    """Names listed together before one office share it: ``Nguyễn Văn A và Trần Văn B, Phó Chủ tịch UBND tỉnh``."""
    shared = list(mentions)
    index = len(shared) - 1
    while index > 0:
        last = shared[index]
        first = index
        while first > 0 and shared[first].coordinated:
            first -= 1
        if first < index and last.positions and not any(m.positions for m in shared[first:index]):
            for i in range(first, index):
                shared[i] = replace(shared[i], positions=last.positions)
        index = first - 1 if first < index else index - 1
    return shared


def _offices_after_names(text: str, runs: list[Run], offices: list[Hit], lexicon: Lexicon) -> frozenset[int]:
    """Starts of offices written after a name and a comma or dash (``Jeffrey Sica, CEO …``)."""
    ends = {run.end: run for run in runs}
    found: set[int] = set()
    for office in offices:
        before = text[max(0, office.start - 30):office.start]
        match = _SEPARATOR_BEFORE.search(before)
        if not match:
            continue
        name_end = office.start - len(before) + match.start() + 1
        run = ends.get(name_end)
        if run is not None and name_shape(run, lexicon) is not None:
            found.add(office.start)
    return frozenset(found)


def _offices_before_names(text: str, runs: list[Run], offices: list[Hit], lexicon: Lexicon) -> frozenset[int]:
    """Starts of offices followed by their organization and a full Vietnamese name
    (``…, Phó Bí thư Thường trực Quận ủy Nguyễn Tiến Thành``): they are that name's."""
    found: set[int] = set()
    for run in runs:
        office = _office_before(text, run.start, offices, lexicon)
        if office is None:
            continue
        picked = _split_after_office(text, run, office, lexicon)
        if picked is not None and picked[1] == VIETNAMESE and len(picked[0].words) >= 3:
            found.add(office.start)
    return frozenset(found)


def _person_in_run(
    text: str,
    run: Run,
    chains: list[TitleChain],
    offices: list[Hit],
    after_names: frozenset[int],
    before_names: frozenset[int],
    coordinated: bool,
    lexicon: Lexicon,
) -> Optional[PersonMention]:
    if _starts_body(text, run.start, lexicon):
        return None  # "Chủ tịch Hiệp hội …", "Giám đốc Trung tâm …"
    addressed = False
    first = run.words[0].text
    if len(run.words) > 1 and any(lexicon.regex(rule).fullmatch(first) for rule in lexicon.addresses):
        run, addressed = run.part(1), True  # "Bà Nguyễn Thị …" at a sentence start
    start = run.start
    chain = chain_before(chains, text, start)
    addressed = addressed or bool(lexicon.ends_at(lexicon.addresses, text, start, window=12))
    profession = bool(lexicon.ends_at(lexicon.professions, text, start, window=30))
    office = None if chain or addressed or profession else _office_before(text, start, offices, lexicon)

    picked = _split_after_office(text, run, office, lexicon) if office is not None else None
    if office is not None and picked is not None and office.start in after_names:
        # An office after another person's name belongs to the next name only
        # when a full Vietnamese name follows its organization directly.
        if picked[1] != VIETNAMESE or len(picked[0].words) < 3:
            return None
    if office is not None and picked is None:
        return None
    if picked is not None:
        name_run, shape = picked
    else:
        name_run = run.part(0, 5) if len(run.words) > 5 else run
        found_shape = name_shape(name_run, lexicon)
        if found_shape is None and (addressed or chain) and short_shape(name_run, lexicon):
            found_shape = SHORT
        if found_shape is None:
            return None
        shape = found_shape

    after = _positions_after(text, name_run.end, lexicon, before_names)
    cued = bool(chain or addressed or profession or office or after)
    cued = cued or _appositive_after(text, name_run.end, lexicon) or bool(_AGE_AFTER.match(text[name_run.end:]))
    cued = cued or coordinated and shape in (VIETNAMESE, FOREIGN)
    if not cued:
        if shape != VIETNAMESE or not 3 <= len(name_run.words) <= 4 or _place_before(text, name_run.start, lexicon):
            return None
        if _byline(text, name_run) or _in_place_list(text, name_run, lexicon):
            return None
    if shape == FOREIGN and not cued:
        return None
    if shape == FOREIGN and len(name_run.words) == 1 and not (addressed or office or profession):
        return None

    positions: list[PositionMention] = []
    if office is not None:
        org_start = office.org_start if office.org_start is not None else skip_spaces(text, office.end)
        org_text = text[org_start:name_run.start].strip(" ,-–")
        org_end = org_start + len(org_text)
        positions.append(
            PositionMention(str(office.meta("canonical")), org_start if org_text else None,
                            org_end if org_text else None, org_text or None)
        )
    positions.extend(after)
    titles = chain.atoms if chain else ()
    name = _QU_TONE.sub(_move_qu_tone, name_run.text())
    if shape != SHORT and len(name_run.words) == 1:
        shape = SHORT
    return PersonMention(name_run.start, name_run.end, name, shape, titles, tuple(positions), addressed, coordinated)


def _office_before(text: str, start: int, offices: list[Hit], lexicon: Lexicon) -> Optional[Hit]:
    """The office that precedes ``start`` with only an organization's name between."""
    before = [hit for hit in offices if hit.end <= start and start - hit.end <= MAX_ORG_GAP]
    if not before:
        return None
    office = before[-1]
    gap = _GAP_ACRONYM.sub("", text[office.end:start])
    if _GAP_BREAK.search(gap.replace("TP.", "TP ").replace("Tp.", "Tp ")):
        return None
    lowercase = [w for w in re.findall(r"[^\W\d_]+", gap) if w[:1].islower()]
    if len(lowercase) > MAX_GAP_LOWERCASE:
        return None
    lower_gap = gap.lower()
    for match in re.finditer(r"[^\W\d_]+", gap):
        if match.group(0)[:1].islower() and lexicon.match_at(lexicon.name_stops, lower_gap, match.start()):
            return None
    return office


def _split_after_office(text: str, run: Run, office: Hit, lexicon: Lexicon) -> Optional[tuple[Run, str]]:
    """Split ``Hoàng Mai Nguyễn Xuân Linh`` after ``Bí thư Quận ủy`` into place and name."""
    gap = text[office.end:run.start].strip()
    needs_place = _gap_needs_name(gap, lexicon)
    best: Optional[tuple[float, Run, str]] = None
    for first in range(len(run.words)):
        candidate = run.part(first)
        size = len(candidate.words)
        if size > 5 or first == 0 and needs_place and size < 3:
            continue
        shape = name_shape(candidate, lexicon)
        if shape is None and short_shape(candidate, lexicon) and first == 0 and not gap:
            shape = SHORT
        if shape is None:
            continue
        if shape == FOREIGN and any(is_vietnamese_syllable(w.text) for w in candidate.words):
            continue
        if shape == FOREIGN and size == 1 and first > 0:
            continue  # "Tổng thống Ukraine Volodymyr Zelensky": not "Zelensky" alone
        cued_elsewhere = _cued_elsewhere(text, run, candidate.text(), lexicon)
        if shape == VIETNAMESE and size == 2 and not cued_elsewhere:
            continue  # "Bí thư Quận ủy Hoàng Mai bày tỏ": a two-syllable place, not a name
        score = _split_score(text, run, candidate, shape) + (3.0 if cued_elsewhere else 0.0)
        if first == 0 and needs_place:
            score -= 2.0
        if best is None or score > best[0]:
            best = (score, candidate, shape)
    return (best[1], best[2]) if best else None


def _split_score(text: str, run: Run, candidate: Run, shape: str) -> float:
    size = len(candidate.words)
    score = {3: 1.5, 4: 1.0, 2: 0.5}.get(size, 0.0)
    if shape == FOREIGN:
        score = 1.5 if size == 2 else 0.5
    if size > 1 and candidate.words[1].text in ("Thị", "Văn"):
        score += 1.0
    name = candidate.text()
    if any(not run.start <= m.start() < run.end for m in re.finditer(re.escape(name), text)):
        score += 1.0
    return score


def _cued_elsewhere(text: str, run: Run, name: str, lexicon: Lexicon) -> bool:
    """True when ``name`` is written elsewhere right after a form of address or a title."""
    for match in re.finditer(re.escape(name), text):
        if run.start <= match.start() < run.end:
            continue
        if lexicon.ends_at(lexicon.addresses, text, match.start(), window=12) or lexicon.ends_at(
            lexicon.titles, text, match.start(), window=20
        ):
            return True
    return False


def _gap_needs_name(gap: str, lexicon: Lexicon) -> bool:
    """True when the text before the run ends with a unit word or a head that needs a name."""
    if not gap:
        return False
    for rules in (lexicon.admin_units, lexicon.facility_heads):
        hit = lexicon.ends_at(rules, gap, len(gap), window=40)
        if hit is not None:
            return True
    hit = lexicon.ends_at(lexicon.org_heads, gap + " ", len(gap) + 1, window=40)
    return bool(hit and hit.meta("tail") == "name" and not hit.meta("level"))


def _positions_after(text: str, pos: int, lexicon: Lexicon, taken: frozenset[int]) -> list[PositionMention]:
    """Offices written after a name: ``, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện …``."""
    positions: list[PositionMention] = []
    while True:
        sep = _AFTER_SEPARATOR.match(text, pos) or (_KIEM.match(text, pos) if positions else None)
        if sep is None:
            break
        office = lexicon.match_at(lexicon.offices, text, sep.end())
        if office is None or office.start in taken:
            break
        position, pos = _organization_after(text, office, lexicon)
        positions.append(position)
    return positions


def _organization_after(text: str, office: Hit, lexicon: Lexicon) -> tuple[PositionMention, int]:
    title = str(office.meta("canonical"))
    org_start = office.org_start if office.org_start is not None else skip_spaces(text, office.end)
    body = body_at(text, org_start, lexicon)
    if body is not None and not body.generic:
        end = body.end
        if body.kind == "department":
            end = _facility_after(text, end, lexicon)
        return PositionMention(title, body.start, end, text[body.start:end]), end
    first = word_at(text, org_start)
    if first is None or (office.org_start is None and not first.capitalised):
        return PositionMention(title, None, None, None), office.end
    stop = _ORG_END.search(text, org_start)
    limit = stop.start() if stop else len(text)
    end = org_start
    lower = text.lower()
    for match in re.finditer(r"[^\W_]+", text[org_start:limit]):
        at = org_start + match.start()
        if match.group(0)[:1].islower() and lexicon.match_at(lexicon.name_stops, lower, at):
            break
        if lexicon.match_at(lexicon.offices, text, at) and at > org_start:
            break
        facility = body_at(text, at, lexicon) if at > org_start else None
        if facility is not None and facility.category == "facility" and not facility.generic:
            end = facility.end  # "khoa Nhi Bệnh viện Đa khoa tỉnh …": the department's facility
            break
        end = org_start + match.end()
    if end > org_start and office.org_start is not None:
        end = _facility_after(text, end, lexicon)  # "Trưởng khoa Cấp cứu, Bệnh viện Bạch Mai"
    org_text = text[org_start:end] or None
    return PositionMention(title, org_start if org_text else None, end if org_text else None, org_text), max(end, office.end)


def _facility_after(text: str, pos: int, lexicon: Lexicon) -> int:
    """End of the facility a department belongs to when it follows (``…, Bệnh viện X``), else ``pos``."""
    link = _DEPARTMENT_OF.match(text, pos)
    if link is None:
        return pos
    body = body_at(text, link.end(), lexicon)
    if body is None or body.generic or body.category != "facility" or body.kind == "department":
        return pos
    return body.end


def _starts_body(text: str, pos: int, lexicon: Lexicon) -> bool:
    return any(lexicon.match_at(rules, text, pos) for rules in (lexicon.facility_heads, lexicon.org_heads, lexicon.offices))


def _byline(text: str, run: Run) -> bool:
    """A name alone at the start of a line or sentence and then a bracket or the line's end
    (an author's signature: ``Nguyễn Thị A (TTYT huyện …)``), not a person of the story."""
    before = text[max(0, run.start - 2):run.start]
    at_start = run.start == 0 or before.endswith("\n") or before == ". "
    return at_start and bool(_LINE_END_AFTER.match(text[run.end:]))


def _in_place_list(text: str, run: Run, lexicon: Lexicon) -> bool:
    """True inside a comma list of places or streets (``Ngọc Lâm, Trần Thái Tông, Đội Cấn``)."""
    before = _ITEM_BEFORE.search(text[max(0, run.start - 40):run.start])
    after = _ITEM_AFTER.match(text[run.end:run.end + 40])
    for item in (before, after):
        if item is None:
            continue
        item_runs = capitalised_runs(item.group(1))
        if item_runs and all(w[:1].isupper() for w in item.group(1).split()):
            if name_shape(item_runs[-1], lexicon) is None:
                return True
    return False


def _move_qu_tone(match: re.Match[str]) -> str:
    vowel = unicodedata.normalize("NFC", match.group(3) + _QU_MOVE[match.group(2)])
    return match.group(1) + "u" + vowel


def _appositive_after(text: str, pos: int, lexicon: Lexicon) -> bool:
    window = text[pos:pos + 60]
    return any(lexicon.regex(rule).match(window) for rule in lexicon.appositives)


def _place_before(text: str, start: int, lexicon: Lexicon) -> bool:
    """True after a street, place or number word, or right after a body's head or a unit word
    (``Bệnh viện Lê Văn Thịnh`` names a hospital, not a person)."""
    before = text[max(0, start - 20):start]
    if _PLACE_BEFORE.search(before) or _ACRONYM_BEFORE.search(before):
        return True
    return any(lexicon.ends_at(rules, text, start, window=40)
               for rules in (lexicon.facility_heads, lexicon.org_heads, lexicon.admin_units))
