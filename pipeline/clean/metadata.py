"""The article's own metadata from its lines: title, category, publication
time, byline and outlet tag.

Only the header (the lines before the first paragraph of prose) and the last
lines of the article (``bylines.py``) are read for a date or a byline: a date
further down is a sidebar's, never the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from typing import Optional, Sequence

from .blocks import Block, Role, word_count
from .cleanrules import CleaningRules, LineKind, TimestampMatch
from .shapes import (
    PROSE_MIN_WORDS,
    SENTENCE_END,
    is_headline,
    is_lead_as_title,
    is_prose,
    is_punctuation_only,
    is_sentence_paragraph,
    is_speaker_line,
    is_teaser_strip,
    names_photo_positions,
    opens_with_report_day,
    person_names,
)

VIETNAM = timezone(timedelta(hours=7))

# A section line above the headline ("Y tế - Giáo dục") is this short.
CATEGORY_MAX_WORDS = 6
# A menu at the top of a dump: at least NAV_RUN lines of at most NAV_WORDS words.
NAV_RUN, NAV_WORDS = 3, 6
HOME_CRUMBS = frozenset({"trang chủ", "home", "trang nhất"})
# A date line is looked for this many lines past the start of the prose.
DATE_LOOKAHEAD = 3
# Heuristic: when the top lines give no date, a date line among this many lines is the page's,
# and a headline right above it is where the article starts (a masthead stands above it).
MASTHEAD_LINES = 8
# A byline line under the headline ("Hồng Hải - Minh Anh") is this short.
BYLINE_MAX_WORDS = 12
# A credit line ("Bài và ảnh: Minh Khương", "Nguồn tin: Đài phát thanh và
# truyền hình tỉnh …") is this short; the rules bound its value's length too.
CREDIT_MAX_WORDS = 16
# Heuristic: a unit's name before a date ("Trung tâm Y tế huyện A (12/3/2024)") is a credit, seldom
# longer than this; a longer line that starts with one is a headline ("Bệnh viện A hợp tác … với B").
ORGANISATION_MAX_WORDS = 12
# A headline says what happened: fewer words are a masthead's weather or place ("16.2 C", "Lạng Sơn").
HEADLINE_MIN_WORDS = 5

_CRUMB_SEPARATOR = re.compile(r"\s+[>›»/]\s+")
# "Bầu Chủ tịch Hội đồng trường (22-04-2019)": a headline with its date in brackets beside it.
_DATE_IN_BRACKETS_AT_END = re.compile(r"\(\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^()]*\)$")
# Some dumps print the date line on the headline's own line: "… vùng biên Tây Ninh 06/11/2025 18:58".
# A time is required, so that a headline naming a day ("… NGÀY QUỐC TẾ PHỤ NỮ 20/10/2020") is not cut.
_DATE_TIME_AT_END = re.compile(r"(?<=\S)\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4},?\s+\d{1,2}:\d{2}$")


@dataclass(frozen=True)
class Header:
    """What the lines above the first paragraph said, and where prose starts."""

    title: Optional[str]
    category: Optional[str]
    published: Optional[str]
    authors: tuple[str, ...]
    body_start: int
    # The month of publication when the source gives no day (a stored "date 2025-06"): it
    # gives days without a year their year; the record writes it as ``published`` (2025-06).
    published_month: Optional[str] = None
    # Photo captions printed above the headline (under a masthead): the article's, kept.
    captions_above: tuple[Block, ...] = ()


@dataclass(frozen=True)
class OutletSplit:
    outlet: Optional[str]
    blocks: tuple[Block, ...]
    published: Optional[str] = None  # the day of a dateline tag ("(BVBNĐ-29/12/2017) Sáng nay, …")


def iso_published(stamp: TimestampMatch) -> Optional[str]:
    """ISO 8601: with +07:00 when there is a time (a time the line states in another offset,
    "14:41 (GMT+0)", moved to Vietnam's), a bare date otherwise; None if impossible."""
    try:
        day = date(stamp.year, stamp.month, stamp.day)
        if stamp.hour is None or stamp.minute is None:
            return day.isoformat()
        zone = VIETNAM if stamp.utc_offset is None else timezone(timedelta(hours=stamp.utc_offset))
        moment = datetime(stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, tzinfo=zone)
    except ValueError:
        return None
    return moment.astimezone(VIETNAM).isoformat()


def iso_from_machine(value: str) -> Optional[str]:
    """A machine-readable date from page metadata (ISO 8601, any offset) in the record's form."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        # Vietnamese sites state local time without an offset.
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM).replace(microsecond=0).isoformat()


def published_of(header: Header, *found: Optional[str]) -> Header:
    """The header with the publication date a later part of the page gave (a dateline tag, a
    date line under the article) when the lines above the prose gave none."""
    if header.published is not None:
        return header
    return replace(header, published=next((value for value in found if value), None))


def read_header(blocks: Sequence[Block], rules: CleaningRules, title_known: bool = False) -> Header:
    """Title, section, publication time and byline from the lines above the prose.

    ``title_known`` says the caller already took the title (a CMS fragment's
    first line), so the first line here is not one.
    """
    start, category = _skip_navigation(blocks, rules)
    header = _header_from(blocks, rules, title_known, start, category)
    if title_known:
        return header
    date_line = _date_line_near_top(blocks, rules, start)
    if date_line is None or date_line[0] < header.body_start:
        return header  # no date line near the top, or the header read it
    stamp_at, stamp = date_line
    # A date line where the header put the prose: a site's masthead (its name, an English name,
    # a hotline, a photo's caption) stood above the headline, which is right above the date line.
    headline = _headline_above(blocks, stamp_at, start)
    prose_at = next((j for j in range(start, stamp_at if headline is None else headline)
                     if is_sentence_paragraph(blocks[j].text)
                     and rules.line_kind(blocks[j].text) is not LineKind.CAPTION), None)
    # (Not the line right under the header: a byline the rules do not know, "Lê Thạch, icon".)
    if headline is not None and headline > header.body_start and prose_at is None:
        captions = tuple(block for block in blocks[start:headline] if rules.line_kind(block.text) is LineKind.CAPTION)
        return replace(_header_from(blocks, rules, title_known, headline, category), captions_above=captions)
    if header.published is not None or prose_at is not None and stamp_at - prose_at > DATE_LOOKAHEAD:
        return header  # far under the prose: another article's date, in a list
    # Still the page's date line: among the masthead's lines or right under the lead.
    return replace(header, published=iso_published(stamp))


def _date_line_near_top(
    blocks: Sequence[Block], rules: CleaningRules, start: int
) -> Optional[tuple[int, TimestampMatch]]:
    """The first date line among the ``MASTHEAD_LINES`` after ``start``, with where it stands."""
    for at in range(start + 1, min(len(blocks), start + MASTHEAD_LINES)):
        stamp = rules.timestamp(blocks[at].text)
        if stamp is not None:
            return at, stamp
    return None


def _headline_above(blocks: Sequence[Block], stamp_at: int, start: int) -> Optional[int]:
    """The headline above a date line (above its byline, if one stands between), where it is
    written first when the page repeats it."""
    at = stamp_at - 1
    while at > start and _byline_names(blocks[at].text):
        at -= 1
    text = blocks[at].text
    if not is_headline(text) or is_sentence_paragraph(text):
        return None
    # Written twice, or set in two lines under its speaker ("Phó Chủ tịch … Trần Văn A:").
    above = blocks[at - 1].text if at > start else None
    return at - 1 if above is not None and (above == text or is_speaker_line(above, text)) else at


def _header_from(
    blocks: Sequence[Block], rules: CleaningRules, title_known: bool, i: int, category: Optional[str],
) -> Header:
    title = published = None
    authors: list[str] = []
    top_at = i
    top = rules.timestamp(blocks[i].text) if i < len(blocks) else None
    if top and i + 2 < len(blocks) and is_headline(blocks[i + 1].text) and rules.timestamp(blocks[i + 2].text):
        i += 1  # the page's clock above the headline; the article's own time is under it
    elif top and i + 1 < len(blocks) and (earlier := _earlier_stamp_below(top, rules.timestamp(blocks[i + 1].text))):
        # two date lines on top: the page's clock (today), then the article's own, earlier time
        published, i = earlier, i + 2
    elif top and not title_known and not top.lead and i + 1 < len(blocks) and _headline_line(blocks[i + 1].text, rules):
        # a date line alone on top, then the headline ("01/02/2021 11:10 GMT+7", "Đưa tòa nhà … vào hoạt động"),
        # not the weather or the place a masthead prints under its clock ("16.2 C", "Lạng Sơn")
        published, i = iso_published(top), i + 1
    first = blocks[i].text if i < len(blocks) else ""
    # The top line's date was read above; read the line again only when the header moved past it.
    first_stamp = top if i == top_at else (rules.timestamp(first) if first else None)
    beside = _date_beside(first, first_stamp, rules) if not title_known else None
    if beside is not None and beside.lead and not person_names(beside.lead) \
            and (rules.organisation(beside.lead) is None or word_count(beside.lead) > ORGANISATION_MAX_WORDS):
        title, published, i = beside.lead, iso_published(beside), i + 1
    elif not title_known and first and rules.outlet_prefix(first) is None and is_headline(first) \
            and not _is_opening_sentence(first) and rules.line_kind(first) is None \
            and (first_stamp is None or _dated_headline(first_stamp, blocks, i, rules)) \
            and not names_photo_positions(first):
        second = blocks[i + 1].text if i + 1 < len(blocks) else ""
        # (A headline may ask or exclaim: "Sẽ rút lại quyết định bổ nhiệm bà A?")
        if category is None and _is_category(first) and is_headline(second) and word_count(second) > word_count(first) \
                and not SENTENCE_END.search(second.rstrip("?!")) and rules.timestamp(second) is None \
                and not is_teaser_strip(second):
            category, title, i = first, second, i + 2
        elif is_speaker_line(first, second) and rules.timestamp(second) is None:
            title, i = f"{first} {second}", i + 2
        else:
            title, i = first, i + 1
    while i < len(blocks):
        text = blocks[i].text
        stamp = rules.timestamp(text)
        if stamp is not None:
            if published is None:
                published = iso_published(stamp)
                if stamp.lead and not rules.organisation(stamp.lead):
                    authors.extend(person_names(stamp.lead))  # "Phạm Linh 14:21 …", not "Báo Lao Động | …"
        elif is_teaser_strip(text) or rules.line_kind(text) is LineKind.DROP or (title and text == title and not is_lead_as_title(title)):
            pass
        elif rules.credit(text) and word_count(text) <= CREDIT_MAX_WORDS:
            authors.extend(credited_people(rules.credit(text) or "", rules))
        elif names := _byline_names(text):
            authors.extend(names)  # a byline on its own line under the headline
        else:
            break
        i += 1
    if published is None:
        # Some pages print the date line under the lead paragraph.
        for block in blocks[i:i + DATE_LOOKAHEAD]:
            stamp = rules.timestamp(block.text)
            if stamp is not None:
                published = iso_published(stamp)
                break
    # (A byline printed twice, as some pages do, names its author once.)
    return Header(title, category, published, tuple(dict.fromkeys(a for a in authors if a)), i)


def _headline_line(text: str, rules: CleaningRules) -> bool:
    return is_headline(text) and word_count(text) >= HEADLINE_MIN_WORDS and not is_sentence_paragraph(text) \
        and rules.timestamp(text) is None


def _date_beside(first: str, stamp: Optional[TimestampMatch], rules: CleaningRules) -> Optional[TimestampMatch]:
    """The date in brackets, or the date and time, that ends a headline ("… Nghệ An, Thanh Hóa
    (13/10/2024)", "… Tây Ninh 06/11/2025 18:58"), with the headline as its lead. A headline
    longer than a date line's lead is read from the date alone."""
    written = _DATE_IN_BRACKETS_AT_END.search(first) or _DATE_TIME_AT_END.search(first)
    if written is None:
        return None
    if stamp is not None:
        return stamp
    inside = rules.timestamp(written.group(0).strip("() "))
    return replace(inside, lead=first[:written.start()].strip() or None) if inside is not None else None


def _earlier_stamp_below(upper: TimestampMatch, lower: Optional[TimestampMatch]) -> Optional[str]:
    """The time of the second of two date lines when it is the earlier day, else None."""
    if lower is None:
        return None
    upper_time, lower_time = iso_published(upper), iso_published(lower)
    if upper_time is None or lower_time is None or lower_time[:10] >= upper_time[:10]:
        return None
    return lower_time


def _dated_headline(stamp: TimestampMatch, blocks: Sequence[Block], i: int, rules: CleaningRules) -> bool:
    """A headline that ends in a date ("CHÀO MỪNG NGÀY QUỐC TẾ PHỤ NỮ 20/10/2020"), read like a
    date line under a name (``stamp``), is the headline when the page's own date line comes right
    under it."""
    return bool(stamp.lead and not person_names(stamp.lead)) and i + 1 < len(blocks) \
        and rules.timestamp(blocks[i + 1].text) is not None


def _byline_names(text: str) -> tuple[str, ...]:
    """The names of a line that is only a byline (``Hồng Hải - Minh Anh``), else ()."""
    return person_names(text) if word_count(text) <= BYLINE_MAX_WORDS else ()


def _is_opening_sentence(text: str) -> bool:
    """A first line that is a full sentence of prose, not a headline (headlines seldom end in a period
    and do not open with the day of the report)."""
    if word_count(text) < PROSE_MIN_WORDS:
        return False
    return opens_with_report_day(text) or text.endswith(".") and not text.endswith("..")


def _skip_navigation(blocks: Sequence[Block], rules: CleaningRules) -> tuple[int, Optional[str]]:
    """Where the header starts after a menu or breadcrumb trail, and the section the trail names.

    A menu is a run of NAV_RUN or more very short lines; a breadcrumb trail
    is one short line of crumbs separated by ">", "›", "»" or "/".
    """
    i = 0
    category: Optional[str] = None
    while i < len(blocks) and (rules.line_kind(blocks[i].text) is LineKind.DROP or is_punctuation_only(blocks[i].text)):
        i += 1
    run = i
    while run < len(blocks) and word_count(blocks[run].text) <= NAV_WORDS and not SENTENCE_END.search(blocks[run].text) \
            and rules.timestamp(blocks[run].text) is None:
        run += 1
    if run - i >= NAV_RUN:
        # A short headline can close the run: the line under it (date, byline, prose) says so.
        nxt = blocks[run].text if run < len(blocks) else ""
        headline_follows = bool(nxt) and is_headline(nxt) and rules.timestamp(nxt) is None and not is_prose(nxt)
        i = run if headline_follows or not nxt else run - 1
    if i < len(blocks):
        crumbs = [crumb.strip() for crumb in _CRUMB_SEPARATOR.split(blocks[i].text) if crumb.strip()]
        if len(crumbs) >= 2 and word_count(blocks[i].text) <= CATEGORY_MAX_WORDS * 2:
            sections = [crumb for crumb in crumbs if crumb.casefold() not in HOME_CRUMBS]
            category = sections[0] if sections else None
            i += 1
    return i, category


def _is_category(text: str) -> bool:
    """A short section name: few words, no sentence punctuation, no digits."""
    return word_count(text) <= CATEGORY_MAX_WORDS and not SENTENCE_END.search(text) and not re.search(r"\d", text)


def credited_people(value: str, rules: CleaningRules) -> tuple[str, ...]:
    """The people a credit names: capitalised like names, but not an outlet or unit ("Báo Nghệ An")."""
    return tuple(name for name in person_names(value) if rules.organisation(name) is None)


def split_outlet(blocks: Sequence[Block], rules: CleaningRules) -> OutletSplit:
    """The lead tag of the first paragraph (``HNP - ``, ``(HPĐT)-``), taken off it.

    A page's lead paragraph (sapo) is often marked up as a heading, so the
    first paragraph or heading counts.
    """
    for index, block in enumerate(blocks):
        if block.role not in (Role.PARA, Role.HEADING):
            continue
        found = rules.outlet_prefix(block.text)
        if found is None:
            return OutletSplit(None, tuple(blocks))
        rest = block.text[found.end:].strip()
        updated = list(blocks)
        if rest:
            updated[index] = block.with_text(rest).with_role(Role.PARA)
        else:
            del updated[index]
        return OutletSplit(found.value, tuple(updated), iso_published(found.stamp) if found.stamp else None)
    return OutletSplit(None, tuple(blocks))
