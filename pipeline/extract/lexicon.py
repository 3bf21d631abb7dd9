"""The entity rule files as one typed view: what each rule means to the extractors.

Rules stay data (``rules/*.yaml``); this module only reads their ``meta`` into
small typed records and offers anchored matching (``match_at``), so that the
extractors never look inside raw rule dictionaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from ..rules import Rule, RuleSet
from .words import skip_spaces

TITLES = "titles"
OFFICES = "offices"
FACILITY_TYPES = "facility_types"
ADMIN_UNITS = "admin_units"
ORGANIZATIONS = "organizations"
PERSON_NAMES = "person_names"
# How far before a name a commemoration cue (ngày sinh Chủ tịch …) is looked for.
COMMEMORATION_WINDOW = 60
# "TP", "thành phố" stand within this many characters before the city's name.
CITY_WORD_WINDOW = 12
# How far before a name a facility's head word is looked for, in characters.
HEAD_WINDOW = 40


@dataclass(frozen=True)
class OfficeQualifier:
    """A word written after an office that the record keeps with it (Thứ trưởng Thường trực,
    Tổng Giám đốc điều hành): ``offices`` limits it to some offices (all when empty)."""

    pattern: re.Pattern[str]
    text: str
    offices: frozenset[str]


@dataclass(frozen=True)
class Hit:
    """One rule matched at one place of the text."""

    rule: Rule
    start: int
    end: int
    text: str
    org_start: Optional[int] = None
    board: Optional[str] = None  # a named board inside an office (Trưởng Ban Tuyên giáo)
    acting: Optional[str] = None  # the acting prefix written before an office (Quyền Bộ trưởng)
    qualifier: Optional[str] = None  # written after the office and kept with it (Thường trực, điều hành)

    def meta(self, key: str, default: object = None) -> object:
        return self.rule.meta.get(key, default)

    def canonical(self) -> str:
        """The office as the record writes it (``meta.canonical``, or the text itself for offices
        marked ``canonical_as_written``), with its acting prefix and its qualifier (Quyền Giám
        đốc, Thứ trưởng Thường trực, Tổng Giám đốc điều hành)."""
        office = str(self.meta("canonical"))
        if self.meta("canonical_as_written"):
            written = " ".join(self.text.split())
            office = written[:1].upper() + written[1:]  # "Phó phòng", "Phó khoa": the short form the text uses
        if self.qualifier and not office.endswith(self.qualifier):
            office = f"{office} {self.qualifier}"
        return f"{self.acting} {office}" if self.acting else office


@dataclass(frozen=True)
class Lexicon:
    """Rules of the entity extractors, grouped by what they are used for."""

    titles: tuple[Rule, ...]
    offices: tuple[Rule, ...]
    facility_offices: frozenset[str]  # offices held in a facility (Giám đốc): canonical forms
    ministry_offices: frozenset[str]  # offices held in a ministry (Thứ trưởng): canonical forms
    school_offices: frozenset[str]  # offices held in a school (Hiệu trưởng): canonical forms
    body_named_offices: frozenset[str]  # offices that name their body (Phó Chủ tịch nước): canonical forms
    school_heads: frozenset[str]  # heads of schools' names (Trường, Đại học)
    whole_name_heads: frozenset[str]  # heads that name an agency on their own (Trung tâm Kiểm soát bệnh tật)
    facility_heads: tuple[Rule, ...]
    name_inner: tuple[Rule, ...]
    name_final: tuple[Rule, ...]
    name_compounds: tuple[Rule, ...]  # Hải quân, Hậu cần: a capitalised syllable and the one completing it
    generic_modifiers: tuple[Rule, ...]
    quantifiers: tuple[Rule, ...]
    counted_nouns: tuple[Rule, ...]  # máy, suất …: a number before one counts things, it names nothing
    grades: tuple[Rule, ...]  # Hạng I, hạng đặc biệt: a hospital's class after its head, not its name
    chain_names: tuple[Rule, ...]  # Vinmec alone: the article's one hospital of that chain
    admin_units: tuple[Rule, ...]
    province_names: tuple[Rule, ...]  # the closed list of names "tỉnh" may be followed by
    country_names: tuple[Rule, ...]  # Việt Nam, Lào …: a body's country written after its name
    org_heads: tuple[Rule, ...]
    name_stops: tuple[Rule, ...]
    name_phrases: tuple[Rule, ...]
    branches: tuple[Rule, ...]  # chi đoàn, công đoàn: lowercase branches of the body named after them
    surnames: tuple[Rule, ...]
    surnames_after_address: tuple[Rule, ...]  # surnames that are also words (Lầu): only after "bà", a title
    addresses: tuple[Rule, ...]
    professions: tuple[Rule, ...]
    appositives: tuple[Rule, ...]
    not_names: tuple[Rule, ...]
    organisation_words: tuple[Rule, ...]  # Group, Hospital …: a foreign-looking run with one names a body
    common_words: tuple[Rule, ...]  # Lãnh đạo, Thường trực …: capitalised after "các đồng chí", never a name
    commemorated: tuple[Rule, ...]  # cues before a leader of history named in a slogan or commemoration
    city_words: tuple[Rule, ...]  # "TP", "thành phố": the words after them name a city
    # Compiled patterns by rule id: looked up once, because reading them off the
    # rule model on every match is slow.
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    # The acting prefix (Quyền) written before an office: matched apart from the offices, since an
    # optional group in front of every office pattern makes each search several times slower.
    acting_at: Optional[re.Pattern[str]] = field(default=None, compare=False, repr=False)
    acting_before: Optional[re.Pattern[str]] = field(default=None, compare=False, repr=False)
    # Qualifiers written after an office ("Thường trực", "TT", "điều hành"), each matched right at its end.
    qualifiers: tuple[OfficeQualifier, ...] = field(default=(), compare=False, repr=False)
    office_ids: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # Abbreviated facility heads as written and their spelled-out forms (BVĐK: Bệnh viện Đa khoa).
    spelled_heads: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def regex(self, rule: Rule) -> re.Pattern[str]:
        pattern = self.patterns.get(rule.id)
        return pattern if pattern is not None else rule.regex

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "Lexicon":
        def role(kind: str, name: str) -> tuple[Rule, ...]:
            return tuple(rule for rule in rules.rules(kind) if rule.meta.get("role") == name)

        kinds = (TITLES, OFFICES, FACILITY_TYPES, ADMIN_UNITS, ORGANIZATIONS, PERSON_NAMES)
        patterns = {rule.id: rule.regex for kind in kinds for rule in rules.rules(kind)}
        offices = tuple(rule for rule in rules.rules(OFFICES) if "canonical" in rule.meta)
        acting = role(OFFICES, "acting_prefix")
        # Every office may be held in an acting capacity: "Quyền Bộ trưởng", "Quyền Giám đốc".
        prefix = "|".join(f"(?:{rule.pattern})" for rule in acting)
        qualifiers = tuple(
            OfficeQualifier(re.compile(rf"[ \t]+(?:{rule.pattern})"), str(rule.meta["qualifier"]),
                            frozenset(str(office) for office in rule.meta.get("offices", ())))
            for rule in role(OFFICES, "qualifier_after"))
        spelled = dict(
            item.split("=", 1) for rule in role(FACILITY_TYPES, "head")
            for item in rule.meta.get("spelled_out") or () if isinstance(item, str) and "=" in item)
        return cls(
            patterns=patterns,
            qualifiers=qualifiers,
            spelled_heads=spelled,
            acting_at=re.compile(rf"(?P<acting>{prefix})[ \t]+") if acting else None,
            acting_before=re.compile(rf"(?P<acting>{prefix})[ \t]+$") if acting else None,
            office_ids=frozenset(rule.id for rule in offices),
            titles=tuple(rules.rules(TITLES)),
            offices=offices,
            facility_offices=frozenset(str(r.meta["canonical"]) for r in offices if r.meta.get("facility_office")),
            ministry_offices=frozenset(str(r.meta["canonical"]) for r in offices if r.meta.get("ministry_office")),
            school_offices=frozenset(str(r.meta["canonical"]) for r in offices if r.meta.get("school_office")),
            body_named_offices=frozenset(str(r.meta["canonical"]) for r in offices if r.meta.get("names_its_body")),
            school_heads=frozenset(str(r.meta["head"]) for r in rules.rules(ORGANIZATIONS) if r.meta.get("school")),
            whole_name_heads=frozenset(
                str(r.meta["head"]) for r in rules.rules(ORGANIZATIONS) if "kind" in r.meta and r.meta.get("whole_name")),
            facility_heads=role(FACILITY_TYPES, "head"),
            name_inner=role(FACILITY_TYPES, "name_inner"),
            name_final=role(FACILITY_TYPES, "name_final"),
            name_compounds=role(FACILITY_TYPES, "name_compound"),
            generic_modifiers=role(FACILITY_TYPES, "generic_modifier"),
            quantifiers=role(FACILITY_TYPES, "quantifier"),
            counted_nouns=role(FACILITY_TYPES, "counted_noun"),
            grades=role(FACILITY_TYPES, "grade"),
            chain_names=role(FACILITY_TYPES, "chain_alone"),
            admin_units=tuple(rule for rule in rules.rules(ADMIN_UNITS) if "level" in rule.meta),
            province_names=role(ADMIN_UNITS, "province_name"),
            country_names=role(ADMIN_UNITS, "country_name"),
            org_heads=tuple(rule for rule in rules.rules(ORGANIZATIONS) if "kind" in rule.meta),
            name_stops=role(ORGANIZATIONS, "name_stop"),
            name_phrases=role(ORGANIZATIONS, "name_phrase"),
            branches=role(ORGANIZATIONS, "branch"),
            surnames=role(PERSON_NAMES, "surname"),
            surnames_after_address=role(PERSON_NAMES, "surname_after_address"),
            addresses=role(PERSON_NAMES, "address"),
            professions=role(PERSON_NAMES, "profession"),
            appositives=role(PERSON_NAMES, "appositive"),
            not_names=role(PERSON_NAMES, "not_name"),
            organisation_words=role(PERSON_NAMES, "organisation_word"),
            commemorated=role(PERSON_NAMES, "commemorated"),
            city_words=role(PERSON_NAMES, "city_before"),
            common_words=role(PERSON_NAMES, "common_word"),
        )

    # -- finding -----------------------------------------------------------

    def find(self, rules: tuple[Rule, ...], text: str) -> list[Hit]:
        """Non-overlapping hits of ``rules`` in text order, the longest winning."""
        hits = [self._qualified(self._acting(_hit(rule, m), text), text) for rule in rules
                for m in self.regex(rule).finditer(text) if m.end() > m.start()]
        hits.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
        chosen: list[Hit] = []
        for hit in hits:
            if chosen and hit.start < chosen[-1].end:
                continue
            chosen.append(hit)
        return chosen

    def match_at(self, rules: tuple[Rule, ...], text: str, pos: int) -> Optional[Hit]:
        """The longest hit of ``rules`` that starts exactly at ``pos``."""
        offices = rules is self.offices or bool(rules) and all(rule.id in self.office_ids for rule in rules)
        acting = self.acting_at.match(text, pos) if offices and self.acting_at is not None else None
        at = acting.end() if acting is not None else pos
        best: Optional[Hit] = None
        for rule in rules:
            m = self.regex(rule).match(text, at)
            if m and m.end() > m.start() and (best is None or m.end() > best.end):
                best = _hit(rule, m)
        if best is not None and acting is not None:
            best = replace(best, start=pos, text=text[pos:best.end], acting=acting.group("acting").capitalize())
        return self._qualified(best, text) if best is not None and offices else best

    def _acting(self, hit: Hit, text: str) -> Hit:
        """An office hit widened to the acting prefix written before it (Quyền Giám đốc)."""
        if self.acting_before is None or hit.rule.id not in self.office_ids:
            return hit
        before = self.acting_before.search(text, max(0, hit.start - 12), hit.start)
        if before is None:
            return hit
        return replace(hit, start=before.start(), text=text[before.start():hit.end],
                       acting=before.group("acting").capitalize())

    def _qualified(self, hit: Hit, text: str) -> Hit:
        """An office hit widened to the qualifier written after it (Thứ trưởng Thường trực)."""
        if hit.rule.id not in self.office_ids or hit.org_start is not None:
            return hit
        office = str(hit.meta("canonical"))
        for qualifier in self.qualifiers:
            if qualifier.offices and office not in qualifier.offices:
                continue
            after = qualifier.pattern.match(text, hit.end)
            if after is not None:
                return replace(hit, end=after.end(), text=text[hit.start:after.end()], qualifier=qualifier.text)
        return hit

    def unqualified(self, office: str) -> str:
        """The office without the qualifier written after it (Thứ trưởng Thường trực → Thứ trưởng)."""
        for qualifier in self.qualifiers:
            if office.endswith(f" {qualifier.text}"):
                return office[:-len(qualifier.text) - 1]
        return office

    def is_province_name(self, text: str, start: int = 0, end: Optional[int] = None) -> bool:
        """Whether ``text[start:end]`` is exactly the name of a province (Thái Nguyên)."""
        end = len(text) if end is None else end
        return any(self.regex(rule).fullmatch(text, start, end) for rule in self.province_names)

    def is_country_name(self, text: str) -> bool:
        """Whether ``text`` is exactly the name of a country (Việt Nam)."""
        return any(self.regex(rule).fullmatch(text) for rule in self.country_names)

    def ends_in_province_name(self, text: str, start: int, end: int, words_before: int = 2) -> bool:
        """Whether ``text[start:end]`` ends with a province's name after ``words_before`` words or
        more (``Hoàng Anh Gia Lai``: a company or a place named after the province, not a person;
        but ``Trương Hòa Bình``: a surname and a given name that is also a province's)."""
        chunk = text[start:end]
        return any(hit.end == len(chunk) and len(chunk[:hit.start].split()) >= words_before
                   for hit in self.find(self.province_names, chunk))

    def counts_things(self, text: str, number_end: int) -> bool:
        """Whether the number ending at ``number_end`` counts things (``4 máy thở``, ``2 chức
        năng``): a counted noun follows it, so it names no facility and no unit."""
        return self.match_at(self.counted_nouns, text, skip_spaces(text, number_end)) is not None

    def after_facility_head(self, text: str, pos: int) -> bool:
        """Whether a facility's head word (Bệnh viện, TTYT) ends right before ``pos``."""
        return self.ends_at(self.facility_heads, text, pos, window=HEAD_WINDOW) is not None

    def after_facility_kind(self, text: str, pos: int) -> bool:
        """Whether a facility's head and words that only say its kind end right before ``pos``
        (``Bệnh viện Đa khoa khu vực`` before ``Cù Lao Minh``): the words at ``pos`` name it."""
        start = max(0, pos - 2 * HEAD_WINDOW)
        heads = self.find(self.facility_heads, text[start:pos])
        if not heads:
            return False
        # Only the words around ``pos`` are lowercased (not the article, once per name); the slice
        # reaches past ``pos`` so that a kind word running over it is still seen as running over.
        window = text[start:pos + HEAD_WINDOW].lower()
        limit = pos - start
        cursor = heads[-1].end
        kinds = 0
        while (cursor := skip_spaces(window, cursor)) < limit:
            kind = self.match_at(self.name_inner, window, cursor) or self.match_at(self.name_final, window, cursor)
            if kind is None or kind.end > limit or window[cursor:kind.end] == "và":
                return False
            cursor, kinds = kind.end, kinds + 1
        return kinds > 0

    def without_acting(self, office: str) -> str:
        """The office without its acting prefix (Quyền Bộ trưởng → Bộ trưởng)."""
        acting = self.acting_at.match(office) if self.acting_at is not None else None
        return office[acting.end():] if acting is not None else office

    def starts_province_name(self, text: str, pos: int) -> bool:
        """Whether the name of a province starts at ``pos`` (Bà Rịa – Vũng Tàu)."""
        return any(self.regex(rule).match(text, pos) for rule in self.province_names)

    def ends_at(self, rules: tuple[Rule, ...], text: str, end: int, window: int = 40) -> Optional[Hit]:
        """The hit of ``rules`` that ends at ``end`` (only spaces between)."""
        start = max(0, end - window)
        chunk = text[start:end]
        stripped = chunk.rstrip(" \t")
        if not stripped:
            return None
        limit = start + len(stripped)
        for hit in reversed(self.find(rules, text[start:limit])):
            if hit.end == len(stripped):
                org_start = None if hit.org_start is None else hit.org_start + start
                return replace(hit, start=hit.start + start, end=hit.end + start, org_start=org_start)
        return None

    def is_surname(self, word: str, addressed: bool = False) -> bool:
        """Whether ``word`` is a surname; ``addressed``: after a form of address or a title, where
        the surnames that are also words count too (bà Lầu Y Mại)."""
        rules = self.surnames + self.surnames_after_address if addressed else self.surnames
        return any(self.regex(rule).fullmatch(word) for rule in rules)

    def commemorated_at(self, text: str, start: int) -> bool:
        """Is the name at ``start`` the object of a commemoration or slogan?"""
        return self._cued_before(self.commemorated, text, start, COMMEMORATION_WINDOW)

    def city_before(self, text: str, start: int) -> bool:
        """Is the name at ``start`` written right after "TP" or "thành phố"?"""
        return self._cued_before(self.city_words, text, start, CITY_WORD_WINDOW)

    def _cued_before(self, rules: tuple[Rule, ...], text: str, start: int, window: int) -> bool:
        before = text[max(0, start - window):start]
        return any(self.regex(rule).search(before) for rule in rules)

    def is_not_name(self, word: str) -> bool:
        return any(self.regex(rule).match(word) for rule in self.not_names)

    def is_organisation_word(self, word: str) -> bool:
        return any(self.regex(rule).match(word) for rule in self.organisation_words)

    def quantified(self, text: str, start: int) -> bool:
        """True when the words right before ``start`` make a head generic (các, 6 …)."""
        before = text[max(0, start - 24):start]
        return any(self.regex(rule).search(before) for rule in self.quantifiers)

    def admin_abbreviation(self, canonical: str) -> Optional[str]:
        for rule in self.admin_units:
            if rule.meta.get("canonical") == canonical:
                abbr = rule.meta.get("abbr")
                return abbr if isinstance(abbr, str) else None
        return None


def _hit(rule: Rule, match: re.Match[str]) -> Hit:
    org_start = match.start("org") if "org" in match.re.groupindex and match.group("org") is not None else None
    board = match.group("board") if "board" in match.re.groupindex else None
    acting = match.group("acting") if "acting" in match.re.groupindex else None
    return Hit(rule, match.start(), match.end(), match.group(0), org_start, board, acting and acting.capitalize())
