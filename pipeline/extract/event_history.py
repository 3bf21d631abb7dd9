"""History in an article: triggers that recall the past rather than report the news.

A trigger after a year or month that dates its sentence ("Năm 2019, hai đơn vị
đã ký kết …"), one dated well before the lead's day, one dated years before
publication, or one whose clause puts it in a past year ("ký kết hợp tác vào
năm 2017") starts no event.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..models import DateMention
from .event_triggers import SentenceDate, TriggerHit
from .sentences import Sentence

# "ký kết hợp tác vào năm 2017": the clause of a trigger says it happened in a past year.
IN_A_YEAR = re.compile(r"[^,.;:!?]{0,60}?(?<!\w)(?:vào|hồi|từ)\s+(?:năm|tháng)\s+\d", re.IGNORECASE)
# Heuristic: an act dated this many days before the lead's date is background, not the news.
HISTORY_DAYS = 30
# Heuristic: an act dated this many days before publication is history, even in the lead.
HISTORY_YEARS_DAYS = 365
# Heuristic: with a lead that gives no day ("Vừa qua, …"), an act after it dated this many days
# before publication is background ("Bản ghi nhớ … được ký kết ngày 16-8-2022" in April 2023).
UNDATED_LEAD_HISTORY_DAYS = 90


def long_before_lead(
    hit: TriggerHit, lead: Optional[SentenceDate], lead_paragraph: int, published: Optional[str] = None
) -> bool:
    """A trigger after the lead dated more than ``HISTORY_DAYS`` before the lead's date
    reports background ("Ngày 27/2/2019, Thủ tướng … đã phát động Chương trình …" in an
    article about 7/4/2019); with an undated lead, more than ``UNDATED_LEAD_HISTORY_DAYS``
    before publication."""
    if hit.date is None or hit.sentence.paragraph == lead_paragraph:
        return False
    reference, days = (lead.value, HISTORY_DAYS) if lead is not None else (
        (published[:10], UNDATED_LEAD_HISTORY_DAYS) if published else (None, 0))
    if reference is None:
        return False
    try:
        return (date.fromisoformat(reference) - date.fromisoformat(hit.date.value)).days > days
    except ValueError:
        return False


def years_before_publication(hit: TriggerHit, published: Optional[str]) -> bool:
    """A trigger dated long before the article was published recalls history, wherever it is
    ("Thư Bác Hồ gửi Hội nghị cán bộ y tế ngày 27-2-1955" in an article of 2019)."""
    return hit.date is not None and long_before_publication(hit.date.value, published)


def long_before_publication(value: str, published: Optional[str]) -> bool:
    if not published:
        return False
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(value)).days > HISTORY_YEARS_DAYS
    except ValueError:
        return False


def history_starts(sentences: list[Sentence], dates: list[DateMention]) -> dict[int, int]:
    """Where a sentence dated only by a year or a month opens its history part.

    "Năm 2019, hai đơn vị đã ký kết …" is history: a trigger after the year
    starts nothing. "… Hội nghị tổng kết công tác năm 2024" is not: the year
    follows the trigger. A sentence with a day-precise date is never history.
    """
    coarse: dict[int, int] = {}
    precise: set[int] = set()
    for date in dates:
        for mention in date.mentions:
            for index, sentence in enumerate(sentences):
                if sentence.start <= mention.start < sentence.end:
                    if len(date.value) == 10:
                        precise.add(index)
                    else:
                        coarse[index] = min(coarse.get(index, mention.start), mention.start)
    return {index: start for index, start in coarse.items() if index not in precise}
