"""The year a day written without one takes from the article.

The latest full date the article writes out (founding dates and cited
documents' issue dates aside), and the year a day's own sentence states for it
(``Sáng 1/6 … tháng 6 năm 2023``) or, failing that, the sentences of its
paragraph before it (``… nhân dịp Tết Trung thu 2022. Chiều ngày 10/9, …``), and last the year of a season
the article names for a day in its months (``Tết Nguyên đán Bính Ngọ 2026`` for ``Chiều 27/1``).
Two different candidate years give nothing: the year is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..rules import Rule, RuleSet
from .words import stretch_between

KIND = "dates"
# A cited document's number stands at most this far before its issue date.
_DOCUMENT_WINDOW = 90
# Where a sentence ends, for the year a sentence states for its own day-month.
_SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)|\n")
# How far before "năm YYYY" a word may say the year is not the event's
# ("đến năm 2030", "tổng kết công tác năm 2024").
_YEAR_CONTEXT_WINDOW = 40
# The first year of a term of office: the year the body was elected.
_TERM_START = re.compile(r"\bnhiệm kỳ\s+((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d\b", re.IGNORECASE)
# What joins the two days of an anniversary (27/2/1955 – 27/2/2019, 27-7-1947/27-7-2018).
_RANGE_DASH = re.compile(r"\s*[-–/]\s*")
# Where a paragraph ends: the next scope a day's year is looked for in.
_PARAGRAPH_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class Expression:
    """A rule match; ``start``/``end`` are the mention (the group ``date`` when
    the rule has one, e.g. only "27/2" of "Ngày Thầy thuốc Việt Nam 27/2")."""

    start: int
    end: int
    match_start: int
    match_end: int
    rule: Rule
    groups: dict[str, Optional[str]]


def latest_full_year(expressions: list[Expression], text: str, rules: RuleSet) -> Optional[int]:
    """The latest year of a date written out in full (day, month and year).

    Founding dates ("Được thành lập ngày 28-3-1958") say nothing of the article's year and
    are left out. Issue dates of cited documents are left out too (often years older). They are
    a lower bound of the article's year (a document is issued before the
    article citing it), so the latest of them is taken only when the article
    has no other full date and itself states that year ("năm 2021", or a term
    "nhiệm kỳ 2020-2025" that starts in it) and no later one.
    """
    own, issued = [], []
    for e in expressions:
        if e.rule.meta.get("precision") == "day" and e.groups.get("year") and not _founding_date(text, e.start, rules):
            (issued if is_document_date(text, e.start, rules, e.end) else own).append(int(e.groups["year"]))
    if own:
        return max(own)
    if not issued:
        return None
    stated = {
        int(e.groups["year"])
        for e in expressions
        if e.rule.meta.get("precision") == "year"
        and e.groups.get("year")
        and not e.groups.get("year_from")
        and not _is_not_event_year(text, e.match_start, rules)
    }
    # A congress elects for a term that starts in its year ("Đại hội … nhiệm kỳ 2020-2025").
    stated |= {int(m.group(1)) for m in _TERM_START.finditer(text)}
    latest = max(issued)
    return latest if latest in stated and max(stated) == latest else None


# A month-year this many months from a day's month, in the same sentence, gives the day's year.
NEAR_MONTHS = 2


def stated_year(expression: Expression, expressions: list[Expression], text: str, rules: RuleSet) -> Optional[int]:
    """The year a sentence states for its own day or month without a year, else its paragraph.

    The year an anniversary is kept ("(1724 - 2024)", "(27/2/1955 – 27/2/2019)") settles it;
    else a month-year of the same month ("Sáng 1/6 … tháng 6 năm 2023"); else a single year
    of the sentence that is not a target, a period or the year of reviewed work ("lần thứ
    nhất năm 2017", "Tết Trung thu 2022", but not "đến năm 2030", "tổng kết công tác năm
    2024"). Two different candidate years give nothing: the year is never guessed. The
    paragraph before the sentence is read only when the sentence states no year at all.
    """
    if expression.groups.get("year") or expression.rule.meta.get("precision") not in ("day", "month"):
        return None
    month = expression.groups.get("month")
    if not month:
        return None
    sentence = stretch_between(text, expression.match_start, expression.match_end, _SENTENCE_BREAK)
    # The paragraph before the sentence: the occasion it opens with ("nhân dịp Tết Trung thu 2022.").
    before = (stretch_between(text, expression.match_start, expression.match_end, _PARAGRAPH_BREAK)[0], sentence[0])
    for scope in (sentence, before):
        years = _candidate_years(expression, expressions, text, rules, scope, int(month))
        if years:
            return years.pop() if len(years) == 1 else None
    return None


def season_year(expression: Expression, expressions: list[Expression]) -> Optional[int]:
    """The year of a season the article names, for a day of that season's months written
    without a year anywhere in the article: "Sáng 31-1, … đến thăm …" in an article that later
    wishes "năm mới Kỷ Hợi 2019". Two different years named give nothing."""
    if expression.groups.get("year") or not expression.groups.get("month"):
        return None
    month = int(expression.groups["month"])
    years = {
        int(other.groups["year"]) for other in expressions
        if other.groups.get("year") and str(month) in (other.rule.meta.get("season_months") or ())
    }
    return years.pop() if len(years) == 1 else None


def _candidate_years(
    expression: Expression, expressions: list[Expression], text: str, rules: RuleSet, scope: tuple[int, int], month: int
) -> set[int]:
    """The years a stretch of text states that may be the day's, the most telling kind first."""
    start, end = scope
    kept: set[int] = set()
    same_month: set[int] = set()
    plain: set[int] = set()
    near_month: set[int] = set()
    in_scope = [other for other in expressions
                if other is not expression and start <= other.match_start and other.match_end <= end]
    for earlier, later in zip(in_scope, in_scope[1:]):
        if _anniversary_pair(earlier, later, text):
            kept.add(int(later.groups["year"]))  # "Ngày 25-2, … kỷ niệm (27/2/1955 – 27/2/2019)": 2019
    for other in in_scope:
        year = other.groups.get("year")
        if year and other.rule.meta.get("anniversary"):
            # "Ngày 22/2, … kỷ niệm 300 năm ngày sinh của ông (1724 - 2024)": the year it is kept
            kept.add(int(year))
            continue
        if not year or other.groups.get("year_from") or other.groups.get("day"):
            continue
        if other.rule.meta.get("precision") == "month" and other.groups.get("month") and int(other.groups["month"]) == month:
            same_month.add(int(year))
        elif other.rule.meta.get("precision") == "month" and other.groups.get("month"):
            # "Ngày 1/7, Chính phủ họp phiên thường kỳ tháng 6/2021": a month of the same
            # sentence a few months away gives the year
            if abs(int(other.groups["month"]) - month) <= NEAR_MONTHS:
                near_month.add(int(year))
        elif other.rule.meta.get("precision") == "year" and (
                not _is_not_event_year(text, other.match_start, rules)
                or _in_same_brackets(text, expression.match_end, other.match_start)):
            plain.add(int(year))  # "Sáng nay (11/2, tức ngày 30 tết Nguyên đán Tân Sửu 2021)": the day's own year
    return next((years for years in (kept, same_month, plain, near_month) if years), set())


def _anniversary_pair(earlier: Expression, later: Expression, text: str) -> bool:
    """Two full dates of one day and month joined by a dash (``27/2/1955 – 27/2/2019``): the
    first day of what is commemorated and the day it is kept, whose year is the article's."""
    first, second = earlier.groups, later.groups
    if not (first.get("day") and first.get("year") and second.get("day") and second.get("year")):
        return False
    same_day = (int(first["day"]), int(first["month"])) == (int(second["day"]), int(second["month"]))
    joined = _RANGE_DASH.fullmatch(text, earlier.match_end, later.match_start) is not None
    return same_day and joined and int(first["year"]) < int(second["year"])


def _founding_date(text: str, start: int, rules: RuleSet) -> bool:
    """Whether a full date is written as the day something was founded or started being built."""
    return _said_before(text, start, rules, "founding")


def _said_before(text: str, start: int, rules: RuleSet, role: str) -> bool:
    """Whether a rule of ``role`` matches the words right before ``start``."""
    before = text[max(0, start - _YEAR_CONTEXT_WINDOW):start]
    return any(rule.meta.get("role") == role and rule.regex.search(before) for rule in rules.rules(KIND))


def _in_same_brackets(text: str, first_end: int, second_start: int) -> bool:
    """Whether two stretches stand inside one pair of brackets, the first before the second."""
    return second_start >= first_end and text.rfind("(", 0, first_end) > text.rfind(")", 0, first_end) \
        and ")" not in text[first_end:second_start] and "(" not in text[first_end:second_start]


def _is_not_event_year(text: str, start: int, rules: RuleSet) -> bool:
    """Whether the words before "năm YYYY" make it a target, a period or the
    year of the work reviewed rather than the year of the sentence's day."""
    before = text[max(0, start - _YEAR_CONTEXT_WINDOW):start]
    open_parenthesis = before.rfind("(") > before.rfind(")")
    return open_parenthesis or _said_before(text, start, rules, "not_event_year")


def is_document_date(text: str, start: int, rules: RuleSet, end: Optional[int] = None) -> bool:
    """Whether the date at ``start`` is the issue date of a cited document
    ("Nghị quyết số 20-NQ/TW ngày 25/10/2017"), or, given its ``end``, the day
    a document was issued ("Ngày 3/12/2020, UBND tỉnh đã ban hành Kế hoạch số …")."""
    before = text[max(0, start - _DOCUMENT_WINDOW):start]
    after = text[end:end + _DOCUMENT_WINDOW] if end is not None else None
    for rule in rules.rules(KIND):
        role = rule.meta.get("role")
        if role == "document_issue" and rule.regex.search(before):
            return True
        if role == "document_issued_on" and after is not None and rule.regex.search(after):
            return True
    return False
