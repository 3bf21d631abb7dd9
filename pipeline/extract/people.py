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

from .lexicon import HEAD_WINDOW, Hit, Lexicon
from .names import FOREIGN, SHORT, VIETNAMESE, Run, capitalised_runs, capitals_name_at, name_shape, short_shape
from .office_orgs import PositionMention, office_title, org_start_of
from .office_owners import (
    inside_org_name,
    office_before,
    office_in_apposition,
    offices_chained_before,
    offices_leading_names,
    offices_after_names,
    offices_before_names,
)
from .offices import positions_after
from .office_names import split_after_office
from .titles import PROFESSION_GAP, TitleChain, chain_after, chain_before, find_title_chains
from .words import TextSpan

_AGE_AFTER = re.compile(r"^\s*[(,]\s*\d+\s*tuổi")
# "Ngoài ông A, Chủ tịch UBND thành phố cũng điều động …": besides A, the office is the next subject's.
_BESIDES_BEFORE = re.compile(r"(?<!\w)[Nn]goài\s+(?:(?:ông|bà|đồng chí|anh|chị)\s+)?$")
_COORDINATION = re.compile(r"^\s*(?:,|và|cùng)\s*(?:(?:đồng chí|ông|bà|anh|chị|em|bé|cháu)\s+)?$")
_LINE_END_AFTER = re.compile(r"^\s*(?:\(|\n|$)")
_ITEM_BEFORE = re.compile(r"([^\W\d_]+(?: [^\W\d_]+){0,4})\s*,\s*$")
_ITEM_AFTER = re.compile(r"^\s*,\s*([^\W\d_]+(?: [^\W\d_]+){0,4})")
# "các ủy viên Bộ Chính trị: A; B; C", "các Phó Chủ tịch UBND tỉnh: A, B": a plural office over a list.
# "các đồng chí là nguyên Chủ tịch UBND Quận 4 qua các thời kỳ: A, B": former holders, one after another.
# "cùng 6 Phó Giám đốc: A, B": a count stands where "các" does.
_PLURAL_BEFORE = re.compile(r"(?<!\w)(?:các|\d{1,2})\s+(?:đồng chí\s+)?(?:là\s+)?(?:nguyên\s+)?$", re.IGNORECASE)
_SUCCESSIVE = re.compile(r"\s+(?:qua\s+)?các\s+(?:thời kỳ|nhiệm kỳ)\s*$", re.IGNORECASE)
_LIST_COLON = re.compile(r"[^.:;\n]{0,60}?:")
_LIST_END = re.compile(r"[.!?\n]")
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
# A compound that goes on after a name (Trung ương, Cao đẳng) is read within this many characters.
_COMPOUND_WINDOW = 48
# "chàng thanh niên ở Cà Mau Trần Nguyễn An Khương": a home place written right before the name.
_HOME_PLACE_BEFORE = re.compile(r"(?<!\w)(?:ở|quê)\s+$")
# A lowercase word right before, in the same clause: a capitalised form of address there is no
# sentence's first word but part of a place's name.
_LOWERCASE_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[a-zđà-ỹ]+ $")
# An acronym right before (Trường THPT Lê Hồng Phong, UBND …): the run names a body.
_ACRONYM_BEFORE = re.compile(r"(?<!\w)[A-ZĐ]{2,}\s+$")


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
    titles_start: Optional[int] = None  # where the titles written right before the name start


def find_people(text: str, lexicon: Lexicon, recognised: frozenset[TextSpan] = frozenset()) -> list[PersonMention]:
    """Every person mention of the text, in order.

    ``recognised`` are the person names the annotator's NER found: a bonus cue
    for names nothing else announces (``H’Chua cùng 2 em vào rừng``).
    """
    chains = find_title_chains(text, lexicon)
    offices = lexicon.find(lexicon.offices, text)
    runs = capitalised_runs(text)
    after_names = offices_after_names(text, runs, offices, lexicon)
    before_names = offices_before_names(text, runs, offices, lexicon, after_names)
    leading = offices_leading_names(text, offices, before_names, lexicon)
    after_names = after_names - leading
    found: list[PersonMention] = []
    for run in runs:
        previous = found[-1] if found else None
        coordinated = previous is not None and bool(_COORDINATION.match(text[previous.end:_cue_start(chains, text, run.start)]))
        article = _Article(text, lexicon, chains, offices, after_names, before_names, leading, recognised)
        mention = _person_in_run(article, run, coordinated)
        if mention is not None:
            found.append(mention)
    found = _with_names_in_capitals(found, text, chains, lexicon)
    return _offices_over_lists(_share_offices(found), text, offices)


def _with_names_in_capitals(found: list[PersonMention], text: str, chains: list[TitleChain],
                            lexicon: Lexicon) -> list[PersonMention]:
    """The mentions and the names signed in capitals after titles (``BS NGUYỄN XUÂN BÁI``)."""
    signed = [
        PersonMention(run.start, run.end, run.text(), VIETNAMESE, chain.atoms, (), titles_start=chain.start)
        for chain in chains if (run := capitals_name_at(text, chain.end, lexicon)) is not None
        and not any(m.start <= run.start < m.end for m in found)
    ]
    return sorted(found + signed, key=lambda m: m.start) if signed else found


def _offices_over_lists(mentions: list[PersonMention], text: str, offices: list[Hit]) -> list[PersonMention]:
    """Every name listed after a plural office and a colon holds that office, besides its own
    (``Cùng đi có các ủy viên Bộ Chính trị: Bí thư Trung ương Đảng … A; Đại tướng B, Bộ trưởng …``)."""
    shared = list(mentions)
    for office in offices:
        if not _PLURAL_BEFORE.search(text, max(0, office.start - 32), office.start):
            continue
        colon = _LIST_COLON.match(text, office.end)
        if colon is None:
            continue
        org_end = colon.end() - 1
        successive = _SUCCESSIVE.search(text, office.end, org_end)
        position = _position_before(text, office, successive.start() if successive else org_end)
        end = _LIST_END.search(text, colon.end())
        list_end = end.start() if end else len(text)
        for index, mention in enumerate(shared):
            if colon.end() <= mention.start < list_end \
                    and not any(p.title == position.title for p in mention.positions):
                shared[index] = replace(mention, positions=(position, *mention.positions))
    return shared


def _cue_start(chains: list[TitleChain], text: str, start: int) -> int:
    """Where the titles written right before a name start (``và ThS.BS. Vũ Văn A``), else the name."""
    chain = chain_before(chains, text, start)
    return chain.start if chain is not None else start


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


@dataclass(frozen=True)
class _Article:
    """What every run of one article is checked against."""

    text: str
    lexicon: Lexicon
    chains: list[TitleChain]
    offices: list[Hit]
    after_names: frozenset[int]  # offices written after a name
    before_names: frozenset[int]  # offices that belong to the name they precede
    leading: frozenset[int]  # offices joined by a dash to one of before_names: that name's too
    recognised: frozenset[TextSpan]  # person names found by the annotator's NER


def _person_in_run(article: _Article, run: Run, coordinated: bool) -> Optional[PersonMention]:
    text, lexicon, chains, offices = article.text, article.lexicon, article.chains, article.offices
    after_names, before_names = article.after_names, article.before_names
    # "Bác sĩ CK I Trần Thị Mai": the run starts inside the titles; "Phó Chủ tịch Nước Đặng
    # Thị …": inside an office whose last word is capitalised. The name starts after either.
    inside = next((c.end for c in chains if c.start <= run.start < c.end), None)
    if inside is None:
        inside = next((o.end for o in offices if o.start < run.start < o.end), None)
    if inside is not None:
        rest = [i for i, w in enumerate(run.words) if w.start >= inside]
        if not rest:
            return None
        run = run.part(rest[0])
    run = _name_after_bare_body(text, run, lexicon)
    if _starts_body(text, run.start, lexicon):
        return None  # "Chủ tịch Hiệp hội …", "Giám đốc Trung tâm …"
    office_inside = next((i for i, w in enumerate(run.words) if i and any(
        lexicon.match_at(words, text, w.start) for words in (lexicon.offices, lexicon.common_words))), None)
    if office_inside is not None:
        # "Sômphone Chănthanasouk Giám đốc …", "Trần Văn Hậu Đảng viên …": the name ends before the office
        run = run.part(0, office_inside)
    addressed = False
    first = run.words[0].text
    if len(run.words) > 1 and any(lexicon.regex(rule).fullmatch(first) for rule in lexicon.addresses):
        if lexicon.starts_province_name(text, run.start):
            return None  # "Bà Rịa – Vũng Tàu": a province, not "bà" and a name
        if lexicon.after_facility_head(text, run.start) or lexicon.after_facility_kind(text, run.start):
            return None  # "Bệnh viện Đa khoa Anh Quất": the words name the facility, no one is addressed
        if len(run.words) == 2 and _LOWERCASE_WORD_BEFORE.search(text, max(0, run.start - 12), run.start):
            return None  # "Khu du lịch Bà Nà": a capitalised "Bà" inside a clause names a place
        run, addressed = run.part(1), True  # "Bà Nguyễn Thị …" at a sentence start
    start = run.start
    chain = chain_before(chains, text, start)
    address = lexicon.ends_at(lexicon.addresses, text, start, window=12)
    profession_hit = lexicon.ends_at(lexicon.professions, text, start, window=30)
    # office_before gives no office when the name has a cue of its own, unless the cue word is
    # part of the organization's name ("Chủ tịch Hội Điều dưỡng Việt Nam …") or an abbreviated
    # title or a form of address right after it ("Vụ trưởng Vụ Tổ chức cán bộ TS Nguyễn Hồng Sơn",
    # "Trưởng Ban Dân vận Trung ương bà Trương Thị Mai").
    office = None if addressed else office_before(text, start, offices, lexicon, after_names)
    if chain is not None and office is not None and inside_org_name(text, office, chain.start, chain.end):
        chain = None
    addressed = addressed or (address is not None and office is None)
    profession = profession_hit is not None and office is None
    if chain is None and profession:
        # "Thầy thuốc ưu tú, lương y Nguyễn Thị A": the titles before the profession are the name's
        chain = chain_before(chains, text, profession_hit.start, PROFESSION_GAP)
    cue_start = chain.start if chain else address.start if address is not None and addressed else None
    apposed = office_in_apposition(text, cue_start, offices, lexicon) if cue_start is not None else None

    picked = split_after_office(text, run, office, lexicon) if office is not None else None
    if office is not None and picked is not None and office.start in after_names:
        # An office after another person's name belongs to the next name only
        # when a full Vietnamese name follows its organization directly.
        if picked.shape != VIETNAMESE or len(picked.run.words) < 3:
            return None
        if lexicon.after_facility_head(text, picked.run.start):
            return None  # "A - Giám đốc Bệnh viện Nguyễn Tri Phương, B": a facility named after a person
    if office is not None and picked is None:
        return None
    if picked is not None:
        name_run, shape = picked.run, picked.shape
        # "Trưởng khoa Nhi ThS Nguyễn Thị A": titles between the organization and the name
        chain = chain or chain_before(chains, text, name_run.start)
    else:
        name_run = _name_after_home_place(text, run, lexicon) or (run.part(0, 5) if len(run.words) > 5 else run)
        found_shape = name_shape(name_run, lexicon, addressed=addressed or profession or chain is not None)
        if found_shape is None and (addressed or chain) and short_shape(name_run, lexicon) \
                and not (len(name_run.words) == 1 and not text[name_run.end:].strip()):
            found_shape = SHORT  # but "Tại lễ kỷ niệm, đồng chí Nguyễn" ending a stored text: a name cut off
        if found_shape is None:
            return None
        shape = found_shape

    later = chain_after(chains, text, name_run.end)  # "ông A, Phó giáo sư Tiến sĩ – Giám đốc …"
    after_from = later.end if later else name_run.end
    besides = bool(_BESIDES_BEFORE.search(text, max(0, name_run.start - 20), name_run.start))
    after = [] if besides else positions_after(text, after_from, lexicon, before_names | article.leading)
    cued = bool(chain or later or addressed or profession or office or after)
    cued = cued or _appositive_after(text, name_run.end, lexicon) or bool(_AGE_AFTER.match(text[name_run.end:]))
    cued = cued or coordinated and shape in (VIETNAMESE, FOREIGN)
    if not cued and TextSpan(name_run.start, name_run.end) in article.recognised and _apostrophe(name_run):
        # The NER's word is enough for a name of the Central Highlands peoples (H’Chua), which
        # no surname gazetteer covers; for other runs it proved too noisy (Vitamin A, Châu Âu).
        cued = not _byline(text, name_run) and not _place_before(text, name_run.start, lexicon)
        addressed = addressed or cued and len(name_run.words) == 1
    if not cued:
        if shape != VIETNAMESE or not 3 <= len(name_run.words) <= 4 or _place_before(text, name_run.start, lexicon) \
                or lexicon.ends_in_province_name(text, name_run.start, name_run.end, words_before=1):
            return None  # with no cue, "Hàn Đà Nẵng" of "Bệnh viện Việt - Hàn Đà Nẵng" is no one
        if _byline(text, name_run) or _in_place_list(text, name_run, lexicon):
            return None
    if shape == FOREIGN and not cued:
        return None
    if shape == FOREIGN and len(name_run.words) == 1 and not (addressed or office or profession):
        return None

    if _anonymised(name_run) or lexicon.commemorated_at(text, name_run.start):
        return None
    if not (addressed or chain or _named_by_office(text, office, name_run, shape)) \
            and lexicon.is_province_name(text, name_run.start, name_run.end):
        return None  # "tại Thái Nguyên, Ủy viên Trung ương Đảng …": a province, not a name
    if lexicon.city_before(text, name_run.start) and (
            office is None or lexicon.is_province_name(text, name_run.start, name_run.end)):
        return None  # "TP Hồ Chí Minh" names a city; "Phó Chủ tịch HĐND TP Phạm Đức Hải" a person
    if office is None and (lexicon.after_facility_head(text, start) or lexicon.after_facility_kind(text, start)
                           or lexicon.ends_at(lexicon.org_heads, text, start, window=HEAD_WINDOW)):
        return None  # "BV Bạch Mai, Bộ trưởng …", "Bệnh viện Đa khoa khu vực Cù Lao Minh": the body's name
    if _starts_compound(text, name_run, lexicon):
        return None  # "Trung" of "Trung ương", "Đoàn Trường Cao" of "… Cao đẳng": a body's name, not a person
    if lexicon.match_at(lexicon.common_words, text, name_run.start):
        return None  # "các đồng chí Lãnh đạo UBND huyện": a common word, capitalised out of respect
    positions: list[PositionMention] = []
    if office is not None:
        for earlier, org_end in offices_chained_before(text, office, offices, lexicon, after_names | before_names):
            positions.append(_position_before(text, earlier, org_end))
        cue = chain.start if chain else address.start if address is not None else name_run.start
        positions.append(_position_before(text, office, cue))
    elif apposed is not None and cue_start is not None and apposed.start not in after_names | before_names:
        positions.append(_position_before(text, apposed, cue_start))
    positions.extend(after)
    titles = (chain.atoms if chain else ()) + (later.atoms if later else ())
    name = _QU_TONE.sub(_move_qu_tone, name_run.text()).replace("'", "’")  # one apostrophe: H'Chua = H’Chua
    if shape != SHORT and len(name_run.words) == 1:
        shape = SHORT
    return PersonMention(name_run.start, name_run.end, name, shape, titles, tuple(positions), addressed, coordinated,
                         chain.start if chain else None)


def _position_before(text: str, office: Hit, end: int) -> PositionMention:
    """The office and the organization written between it and ``end`` (the name or its cue)."""
    org_start = org_start_of(text, office)
    org_text = text[org_start:end].strip(" ,-–")
    if not org_text:
        return PositionMention(office_title(office), None, None, None)
    return PositionMention(office_title(office), org_start, org_start + len(org_text), org_text)


def _starts_compound(text: str, run: Run, lexicon: Lexicon) -> bool:
    """Whether the name's last word begins a compound that goes on in lowercase (``Trung ương``,
    ``Quốc gia``, ``Cao đẳng``): the words name a level or a body, not a person."""
    last = run.words[-1].start
    # Only the words after the name are read (not the whole text lowercased for every name);
    # a hit must end inside the window, so that a word the window cuts is not taken as ended.
    window = text[last:last + _COMPOUND_WINDOW].lower()
    complete = len(window) if last + _COMPOUND_WINDOW >= len(text) else len(window) - 1
    return any(hit is not None and run.end - last < hit.end <= complete
               for hit in (lexicon.match_at(lexicon.name_final, window, 0), lexicon.match_at(lexicon.name_inner, window, 0)))


def _name_after_home_place(text: str, run: Run, lexicon: Lexicon) -> Optional[Run]:
    """The full name at the end of ``Cà Mau Trần Nguyễn An Khương`` after ``ở``/``quê``: a place of
    one to three words, then a Vietnamese name of three or four syllables."""
    if len(run.words) < 4 or not _HOME_PLACE_BEFORE.search(text[max(0, run.start - 8):run.start]):
        return None
    for first in range(1, min(4, len(run.words) - 2)):
        candidate = run.part(first)
        if 3 <= len(candidate.words) <= 4 and name_shape(candidate, lexicon) == VIETNAMESE:
            return candidate
    return None


def _name_after_bare_body(text: str, run: Run, lexicon: Lexicon) -> Run:
    """The full Vietnamese name after a body written by its head alone, where the rules allow
    it (``Phó Giám đốc Sở Bùi Trường Phong``); else the run as it is."""
    head = lexicon.match_at(lexicon.org_heads, text, run.start)
    if head is None or not head.meta("bare_before_name", False) or len(run.words) < 4:
        return run
    rest = run.part(1)
    return rest if name_shape(rest, lexicon) == VIETNAMESE else run


def _starts_body(text: str, pos: int, lexicon: Lexicon) -> bool:
    """A run that starts a body, an office, a title or a profession (``Đại úy``) is no name."""
    kinds = (lexicon.facility_heads, lexicon.org_heads, lexicon.offices, lexicon.titles, lexicon.professions)
    return any(lexicon.match_at(rules, text, pos) for rules in kinds)


def _named_by_office(text: str, office: Optional[Hit], name_run: Run, shape: str) -> bool:
    """Is a full Vietnamese name written right after an office with no body between?
    ("Chủ tịch Hồ Chí Minh đã gửi thư": the person, though the name is also a city's)."""
    return office is not None and shape == VIETNAMESE and len(name_run.words) >= 3 \
        and not text[office.end:name_run.start].strip()


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


def _anonymised(run: Run) -> bool:
    """A name ending in a bare initial (``Giàng Thị L.``, ``anh T``) is how the press hides a
    private person: it identifies nobody, so it is not recorded as a person."""
    last = run.words[-1].text
    return len(last) == 1 and last.isupper()


def _apostrophe(run: Run) -> bool:
    return any("'" in w.text or "’" in w.text for w in run.words)


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
