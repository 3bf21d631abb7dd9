"""Date mentions: ``ngày 23/10``, ``chiều 25/2``, ``tháng 3/2019``, ``năm 2020``, ``hôm qua``.

Expressions come from ``rules/dates.yaml`` (kind ``dates``). A value is as
precise as the text (``2025-10-23``, ``2025-02``, ``2025``). A day written
without a year takes the year of the article: its publication date first,
else the year its own sentence, or failing that its paragraph, states for it
(``Sáng 1/6 … tháng 6 năm 2023``, ``Sáng 13/11 … lần thứ nhất năm 2017``;
``date_years``), else the latest full date
the article writes out (an anniversary range such as ``27/2/1955 –
27/2/2025`` ends in the current year; a cited document's issue date is a
lower bound, as it was issued before the article); with none, the mention is
left out rather than given a guessed year. Relative days (``hôm qua``,
``sáng nay``) need the publication date; ``chiều nay (7/10)`` gives its day.
A range of counts (``từ 2- 3 đợt``) and a lunar day (``14/8 âm lịch``) are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..document import AnnotatedArticle
from ..models import DateMention, Mention, PartOfDay
from ..rules import RuleSet
from .date_years import KIND, Expression, is_document_date, latest_full_year, season_year, stated_year

__all__ = ["KIND", "DateFound", "extract_dates", "find_dates", "group_dates", "is_document_date"]
# A day-month more than this many days after publication is taken to be in the
# year before (a report in January about 28/12), never in a later year.
_FUTURE_TOLERANCE_DAYS = 120
# How far before a date a part-of-day word may stand ("Chiều ngày 17/4").
_PART_OF_DAY_WINDOW = 20
_BETWEEN_PART_AND_DATE = re.compile(
    r"^[\s,]*(?:ngày|hôm|nay|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)?[\s,(]*(?:ngày)?[\s,]*$", re.IGNORECASE
)
_RELATIVE_OFFSETS = {"hôm nay": 0, "nay": 0, "hôm qua": -1, "qua": -1, "hôm kia": -2, "ngày mai": 1}
_RELATIVE_YEARS = {"năm nay": 0, "năm ngoái": -1}


@dataclass(frozen=True)
class DateFound:
    """One date expression in the text, before grouping into ``DateMention``s."""

    start: int
    end: int
    text: str
    value: str
    part_of_day: Optional[PartOfDay]
    rule_id: str


_FOUR_DIGIT_YEAR = re.compile(r"^[1-9]\d{3}(?:-|$)")


def extract_dates(ann: AnnotatedArticle) -> list[DateMention]:
    """One ``DateMention`` per distinct (value, part of day), with all its mentions."""
    return group_dates(find_dates(ann.text, ann.rules, ann.published, ann.article.published_month))


def find_dates(
    text: str, rules: RuleSet, published: Optional[str], published_month: Optional[str] = None
) -> list[DateFound]:
    """Every date expression of ``text`` with its value, in text order. ``published_month``
    (YYYY-MM, when the source gives no day) gives days without a year their year."""
    expressions = _expressions(text, rules)
    published_day = _published_day(published)
    # Days without a year take it from the publication day, else from the end of the month of publication.
    reference_day = published_day or _month_end(published_month)
    article_year = latest_full_year(expressions, text, rules)
    parts = _part_of_day_matches(text, rules)
    found: list[DateFound] = []
    for expression in expressions:
        context_year = article_year
        if reference_day is None:
            context_year = stated_year(expression, expressions, text, rules) or article_year \
                or season_year(expression, expressions)
        found.extend(_resolve(expression, text, parts, published_day, reference_day, context_year))
    # A value is a four-digit year first (the contract's YYYY[-MM[-DD]]): an
    # inferred year that falls outside 1000-9999 (a publication date of year
    # 1000 and a day in December) is dropped, not written as an invalid value.
    return [item for item in found if _FOUR_DIGIT_YEAR.match(item.value)]


def yearless_days(text: str, rules: RuleSet) -> list[int]:
    """Where days are written without a year (``ngày 7/9``): in a page that gives no year for
    them they have no value, yet an act reported on such a day took place."""
    return [e.start for e in _expressions(text, rules)
            if e.rule.meta.get("precision") == "day" and e.rule.meta.get("role") == "expression"
            and not e.groups.get("year")]


def group_dates(found: list[DateFound]) -> list[DateMention]:
    grouped: dict[tuple[str, Optional[str]], DateMention] = {}
    for item in found:
        key = (item.value, item.part_of_day)
        if key not in grouped:
            grouped[key] = DateMention(text=item.text, value=item.value, part_of_day=item.part_of_day, mentions=[])
        grouped[key].mentions.append(Mention(start=item.start, end=item.end))
    return list(grouped.values())


def _expressions(text: str, rules: RuleSet) -> list[Expression]:
    """Expression and relative-day matches, overlaps resolved longest first;
    a written date wins over a relative word it overlaps ("chiều nay (7/10)"),
    and nothing inside a range of counts ("từ 2- 3 đợt") or a lunar day ("14/8 âm lịch") is a date."""
    blocked = [m.span() for rule in rules.rules(KIND) if rule.meta.get("role") == "not_a_date" for m in rule.finditer(text)]
    candidates = []
    for rule in rules.rules(KIND):
        if rule.meta.get("role") not in ("expression", "relative"):
            continue
        for match in rule.finditer(text):
            if any(match.start() < block_end and match.end() > block_start for block_start, block_end in blocked):
                continue
            start, end = match.span("date") if "date" in rule.regex.groupindex and match.group("date") else match.span()
            candidates.append(Expression(start, end, match.start(), match.end(), rule, match.groupdict()))
    candidates.sort(key=lambda c: (c.rule.meta.get("role") == "relative", -(c.match_end - c.match_start), c.match_start))
    kept: list[Expression] = []
    for candidate in candidates:
        if all(candidate.match_end <= k.match_start or candidate.match_start >= k.match_end for k in kept):
            kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept


def _resolve(
    expression: Expression,
    text: str,
    parts: list[tuple[int, int, PartOfDay]],
    published_day: Optional[dt.date],
    reference_day: Optional[dt.date],
    context_year: Optional[int],
) -> list[DateFound]:
    groups = expression.groups
    rule = expression.rule
    start, end = expression.start, expression.end
    part = _part_of_day_before(text, start, parts)
    if part is not None and expression.match_start == start:
        # "chiều 25/2" is one mention; in "Sáng nay (20/6)" the mention stays "20/6".
        start = part[0]
    surface = text[start:end]
    if rule.meta.get("role") == "relative":
        return _relative(expression, text, start, end, published_day, part)
    part_of_day = part[2] if part else None
    values: list[str] = []
    precision = rule.meta.get("precision")
    if precision == "year":
        values = [v for v in (groups.get("year_from"), groups.get("year")) if v]
    elif precision == "month":
        months = [int(m) for m in (groups.get("month_from"), groups.get("month")) if m and 1 <= int(m) <= 12]
        year = groups.get("year") or (_infer_year(1, months[-1], reference_day, context_year) if months else None)
        values = [f"{year}-{m:02d}" for m in months] if year else []
    elif precision == "day":
        values = _day_values(groups, reference_day, context_year)
    return [DateFound(start, end, surface, value, part_of_day, rule.id) for value in values]


def _day_values(groups: dict[str, Optional[str]], published_day: Optional[dt.date], context_year: Optional[int]) -> list[str]:
    day, month = int(groups["day"] or 0), int(groups["month"] or 0)
    written_year = int(groups["year"]) if groups.get("year") else None
    ends = [(day, month)]
    if groups.get("day_from"):
        # The first end of a range shares the month of the second unless it gives its own.
        ends.insert(0, (int(groups["day_from"]), int(groups.get("month_from") or month)))
    if groups.get("days_listed"):
        # "ngày 17, 18 và 19-11": the days listed before the last two share their month
        ends[:0] = [(int(listed), month) for listed in re.findall(r"\d+", groups["days_listed"])]
    values = []
    for d, m in ends:
        year = written_year or _infer_year(d, m, published_day, context_year)
        if year is None or not _valid(year, m, d):
            continue
        values.append(f"{year}-{m:02d}-{d:02d}")
    return values


def _infer_year(day: int, month: int, published_day: Optional[dt.date], context_year: Optional[int]) -> Optional[int]:
    """The year of a day-month from the article; ``None`` rather than a guess."""
    if published_day is not None:
        year = published_day.year
        if _valid(year, month, day) and (dt.date(year, month, day) - published_day).days > _FUTURE_TOLERANCE_DAYS:
            return year - 1
        return year
    return context_year


def _relative(
    expression: Expression,
    text: str,
    start: int,
    end: int,
    published_day: Optional[dt.date],
    part: Optional[tuple[int, int, PartOfDay]],
) -> list[DateFound]:
    if published_day is None:
        return []
    word = (expression.groups.get("relative") or "").lower()
    if word in _RELATIVE_YEARS:
        year = published_day.year + _RELATIVE_YEARS[word]
        return [DateFound(start, end, text[start:end], str(year), None, expression.rule.id)]
    offset = _RELATIVE_OFFSETS.get(word)
    if offset is None:
        return []
    part_of_day = part[2] if part else None
    part_word = (expression.groups.get("part") or "").lower()
    if part_word:
        part_of_day = _PART_WORDS.get(part_word, part_of_day)
    day = published_day + dt.timedelta(days=offset)
    return [DateFound(start, end, text[start:end], day.isoformat(), part_of_day, expression.rule.id)]


_PART_WORDS: dict[str, PartOfDay] = {
    "sáng": "morning",
    "trưa": "noon",
    "chiều": "afternoon",
    "tối": "evening",
    "đêm": "evening",
}


def _part_of_day_matches(text: str, rules: RuleSet) -> list[tuple[int, int, PartOfDay]]:
    return [
        (m.start, m.end, m.rule.meta["part_of_day"])  # type: ignore[misc]
        for m in rules.matches(KIND, text)
        if m.rule.meta.get("role") == "part_of_day"
    ]


def _part_of_day_before(text: str, start: int, parts: list[tuple[int, int, PartOfDay]]) -> Optional[tuple[int, int, PartOfDay]]:
    """A part-of-day word standing right before a date ("Chiều ngày 17/4")."""
    best = None
    for part in parts:
        part_start, part_end, _ = part
        if part_end <= start and start - part_end <= _PART_OF_DAY_WINDOW:
            if _BETWEEN_PART_AND_DATE.match(text[part_end:start]):
                best = part
        elif part_start >= start and part_start < start + 12:
            # The word is inside the expression itself ("chiều 25/2").
            if _BETWEEN_PART_AND_DATE.match(text[start:part_start]) or part_start == start:
                return (start, part_end, part[2])
    return best


def _month_end(month: Optional[str]) -> Optional[dt.date]:
    """The last day of a YYYY-MM month."""
    if not month:
        return None
    try:
        first = dt.date.fromisoformat(f"{month}-01")
    except ValueError:
        return None
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _published_day(published: Optional[str]) -> Optional[dt.date]:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
