"""Where the organization after an office ends and a person's name begins.

``Bí thư Quận ủy Hoàng Mai Nguyễn Xuân Linh``: the capitalised run after the
office holds the end of the organization's place name and then the name; the
split is scored by the name's shape, its length, and whether the same name is
written elsewhere after a title or a form of address. After ``tỉnh`` the place
is one of a closed list of provinces, or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lexicon import HEAD_WINDOW, Hit, Lexicon
from .names import FOREIGN, SHORT, VIETNAMESE, Run, name_shape, short_shape
from .words import is_vietnamese_syllable, skip_spaces, word_at


@dataclass(frozen=True)
class NameSplit:
    """The name found at the end of a run after an office, and its shape."""

    run: Run
    shape: str


def split_after_office(text: str, run: Run, office: Hit, lexicon: Lexicon) -> Optional[NameSplit]:
    """Split ``Hoàng Mai Nguyễn Xuân Linh`` after ``Bí thư Quận ủy`` into place and name."""
    gap = text[office.end:run.start].strip()
    needs_place = _gap_needs_name(gap, lexicon)
    # After "tỉnh" the place is one of a closed list: "UBND tỉnh Võ Phiên" leaves the province
    # unnamed and names the person; "UBND tỉnh Thái Bình Nguyễn Văn A" names both.
    province_words = _province_words(gap, text, run.start, lexicon)
    unnamed_province = province_words == 0
    if unnamed_province:
        needs_place = False
    # Only the words at the run are lowercased, not the article once per run.
    # "Giám đốc Bệnh viện Ung Bướu Hà Nội": a kind of facility, not a surname; a name may follow
    # only the province that ends the facility's name (Bệnh viện Mắt Phú Yên Huỳnh Phúc Nhĩ).
    kind_first = lexicon.after_facility_head(text, run.start) \
        and lexicon.match_at(lexicon.name_inner, text[run.start:run.start + HEAD_WINDOW].lower(), 0) is not None
    # "Giám đốc BVĐK Tây Ninh Liêu Chí Hùng": a province named first is never cut in two.
    province = lexicon.match_at(lexicon.province_names, text, run.start)
    province_end = province.end if province is not None else run.start
    # "Giám đốc Bệnh viện Đa khoa khu vực Cù Lao Minh": after the words of a facility's kind the
    # first words name the facility (Bệnh viện Đa khoa Nguyễn Đình Chiểu), never its head.
    named_facility = lexicon.after_facility_kind(text, run.start)
    best: Optional[tuple[float, Run, str]] = None
    for first in range(len(run.words)):
        candidate = run.part(first)
        size = len(candidate.words)
        if kind_first and not (first > 0 and lexicon.ends_in_province_name(text, run.start, run.words[first - 1].end,
                                                                             words_before=0)):
            continue
        if run.start < candidate.start < province_end or first == 0 and named_facility \
                or lexicon.ends_in_province_name(text, candidate.start, candidate.end):
            continue  # "Chủ tịch Tập đoàn Hoàng Anh Gia Lai": the company's name, not a person
        if size > 5 or first == 0 and needs_place and size < 3 or province_words and first < province_words:
            continue
        shape = name_shape(candidate, lexicon)
        if shape is None and short_shape(candidate, lexicon) and first == 0 and not gap \
                and not _department_named(text, run, office):
            shape = SHORT
        if shape is None:
            continue
        if shape == FOREIGN and any(is_vietnamese_syllable(w.text) for w in candidate.words):
            continue
        if shape == FOREIGN and size == 1 and first > 0:
            continue  # "Tổng thống Ukraine Volodymyr Zelensky": not "Zelensky" alone
        cued_elsewhere = _cued_elsewhere(text, run, candidate.text(), lexicon)
        if shape == VIETNAMESE and size == 2 and not cued_elsewhere and (gap or first > 0) \
                and not (unnamed_province and first == 0) and not (province_words and first == province_words):
            # "Bí thư Quận ủy Hoàng Mai bày tỏ": a two-syllable place, not a name; right after
            # the office, with no organization between, it is the name ("Tổng Bí thư Tô Lâm").
            continue
        if first > 0 and lexicon.after_facility_head(text, candidate.start):
            continue  # "… và BV Bạch Mai": the words after a facility's head name the facility
        score = _split_score(text, run, candidate, shape) + (3.0 if cued_elsewhere else 0.0)
        if first == 0 and needs_place:
            score -= 2.0
        if best is None or score > best[0]:
            best = (score, candidate, shape)
    return NameSplit(best[1], best[2]) if best else None


def _department_named(text: str, run: Run, office: Hit) -> bool:
    """Whether a capitalised word right after a department's office, with lowercase words or a
    comma after it, names the department ("Trưởng khoa Khám bệnh Trịnh Quang Thứ", "Trưởng khoa
    Nhi, Trưởng khoa Mắt"), not a person."""
    if not office.text.rstrip().lower().endswith(("khoa", "phòng")) or len(run.words) != 1:
        return False
    after = skip_spaces(text, run.end)
    following = word_at(text, after)
    if following is None and not text.startswith((",", ";"), after) \
            or following is not None and not following.text[:1].islower():
        return False
    # "Trưởng khoa Hùng cho biết" after "BS Nguyễn Văn Hùng": the given name of a full name written elsewhere
    return not re.search(r"[A-ZĐ]\w* " + re.escape(run.words[0].text) + r"(?!\w)", text)


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


def _province_words(gap: str, text: str, pos: int, lexicon: Lexicon) -> Optional[int]:
    """After a gap ending in "tỉnh": how many words of the text at ``pos`` name the province
    (0 when they name none); ``None`` when the gap does not end in "tỉnh"."""
    unit = lexicon.ends_at(lexicon.admin_units, gap, len(gap), window=8)
    if unit is None or unit.meta("level") != "province" or unit.end != len(gap):
        return None
    name = lexicon.match_at(lexicon.province_names, text, pos)
    return len(name.text.split()) if name else 0


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
