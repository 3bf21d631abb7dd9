"""Typed access to the two rule files the cleaner uses.

``rules/boilerplate.yaml`` (kind ``boilerplate``) says which lines are not
article prose; ``rules/article_meta.yaml`` (kind ``article_meta``) says which
lines and prefixes carry the article's own metadata. Each rule's
``meta.role`` says what a match means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Optional

from ..rules import RuleSet

BOILERPLATE_KIND = "boilerplate"
ARTICLE_META_KIND = "article_meta"
# ``meta.role`` of a boilerplate rule that matches a label at the start of a
# line (a camera file name before a caption): the label goes, the line stays.
LEADING_LABEL_ROLE = "leading_label"
ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class LineKind(str, Enum):
    """``meta.role`` of a boilerplate rule."""

    SECTION = "section"  # heading of a block that is not the article: the article ends here
    FOOTER = "footer"  # site footer: the article ends here
    TEASER = "teaser"  # "Xem thêm: …" inside the article: this line (and a bare link after it) go
    DROP = "drop"  # a stray widget line
    IMAGE = "image"  # image placeholder, markup or file name
    CAPTION = "caption"  # a caption by its own shape (a photo credit at its end)


@dataclass(frozen=True)
class TimestampMatch:
    """A line that is a date (and maybe a time), with what led it."""

    year: int
    month: int
    day: int
    hour: Optional[int]
    minute: Optional[int]
    lead: Optional[str]
    utc_offset: Optional[int] = None  # hours, when the line states them ("(GMT+0)"); else Vietnam's


@dataclass(frozen=True)
class PrefixMatch:
    """A value found at the start of a text, and where the text resumes."""

    value: str
    end: int
    stamp: Optional[TimestampMatch] = None  # the day a dateline gives with the tag ("(BVBNĐ-29/12/2017)")


@dataclass(frozen=True)
class CleaningRules:
    """The boilerplate and article-metadata rules, grouped by role, patterns compiled.

    Compiled patterns are kept here rather than read through ``Rule.regex``
    on every line: the cleaner matches every line against every rule.
    """

    line_rules: tuple[tuple[re.Pattern[str], LineKind], ...]
    leading_labels: tuple[re.Pattern[str], ...]
    timestamps: tuple[re.Pattern[str], ...]
    outlets: tuple[re.Pattern[str], ...]
    credits: tuple[re.Pattern[str], ...]
    names: tuple[re.Pattern[str], ...]
    organisations: tuple[re.Pattern[str], ...]

    @classmethod
    def from_ruleset(cls, ruleset: RuleSet) -> "CleaningRules":
        """Group the rules; raises ``RuleError`` when a file is missing or a role unknown."""
        from ..rules import RuleError

        line_rules = []
        leading_labels = []
        for rule in ruleset.rules(BOILERPLATE_KIND):
            if rule.meta.get("role") == LEADING_LABEL_ROLE:
                leading_labels.append(rule.regex)
                continue
            try:
                line_rules.append((rule.regex, LineKind(str(rule.meta.get("role")))))
            except ValueError:
                raise RuleError(f"{BOILERPLATE_KIND}: rule {rule.id}: unknown meta.role {rule.meta.get('role')!r}") from None
        by_role: dict[str, list[re.Pattern[str]]] = {}
        for rule in ruleset.rules(ARTICLE_META_KIND):
            by_role.setdefault(str(rule.meta.get("role")), []).append(rule.regex)
        known = {"timestamp", "outlet", "credit", "author", "organisation"}
        unknown = set(by_role) - known
        if unknown:
            raise RuleError(f"{ARTICLE_META_KIND}: unknown meta.role {sorted(unknown)}")
        return cls(
            line_rules=tuple(line_rules),
            leading_labels=tuple(leading_labels),
            timestamps=tuple(by_role.get("timestamp", ())),
            outlets=tuple(by_role.get("outlet", ())),
            credits=tuple(by_role.get("credit", ())),
            names=tuple(by_role.get("author", ())),
            organisations=tuple(by_role.get("organisation", ())),
        )

    def line_kind(self, line: str) -> Optional[LineKind]:
        """The role of the first boilerplate rule that matches the line."""
        for pattern, kind in self.line_rules:
            if pattern.search(line):
                return kind
        return None

    def without_leading_label(self, line: str) -> str:
        """The line without a label the rules say is not text (``IMG_8418: Khám mắt …`` → ``Khám mắt …``)."""
        for pattern in self.leading_labels:
            match = pattern.match(line)
            if match and match.end() < len(line):
                return line[match.end():].lstrip()
        return line

    def timestamp(self, line: str) -> Optional[TimestampMatch]:
        for pattern in self.timestamps:
            match = pattern.search(line)
            if match:
                groups = match.groupdict()
                minute = groups.get("minute")
                # The author's name stands before the date or after a bar ("… 10:00 | Hoàng Sơn").
                lead = (groups.get("lead") or groups.get("tail") or "").strip(" ,-|") or None
                offset = groups.get("offset")
                return TimestampMatch(
                    int(groups["year"]), _month(groups), int(groups.get("day") or groups["day_after"]),
                    _hour(groups), int(minute) if minute is not None else None, lead,
                    int(offset.replace(" ", "")) if offset else None,
                )
        return None

    def outlet_prefix(self, text: str) -> Optional[PrefixMatch]:
        for pattern in self.outlets:
            match = pattern.match(text)
            if match:
                groups = match.groupdict()
                stamp = TimestampMatch(int(groups["year"]), _month(groups), int(groups["day"]), None, None, None) \
                    if groups.get("year") else None
                return PrefixMatch(match.group("outlet").strip(), match.end(), stamp)
        return None

    def credit(self, line: str) -> Optional[str]:
        return _group(self.credits, line, "author")

    def name(self, line: str) -> Optional[str]:
        return _group(self.names, line, "author")

    def organisation(self, line: str) -> Optional[str]:
        return _group(self.organisations, line, "org")


def _month(groups: dict[str, Optional[str]]) -> int:
    """The month as a number, written as one or by its English name (``August``, ``Dec``)."""
    name = groups.get("month_name") or groups.get("month_name_first")
    if name:
        return ENGLISH_MONTHS.index(name[:3].lower()) + 1
    return int(groups["month"] or 0)


def _hour(groups: dict[str, Optional[str]]) -> Optional[int]:
    """The hour on a 24-hour clock (``5:14 pm`` is 17)."""
    hour = groups.get("hour")
    if hour is None:
        return None
    meridiem = (groups.get("meridiem") or "").lower()[:1]
    if meridiem == "p" and int(hour) < 12:
        return int(hour) + 12
    if meridiem == "a" and int(hour) == 12:
        return 0
    return int(hour)


def _group(patterns: tuple[re.Pattern[str], ...], line: str, group: str) -> Optional[str]:
    for pattern in patterns:
        match = pattern.search(line)
        if match:
            return match.group(group).strip()
    return None
