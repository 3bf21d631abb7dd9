"""Bylines under an article: the author's name, a credit (``Theo …``, ``Bài và ảnh: …``), the
author's unit, a date line, the outlet a credited article came from. They are taken off the
end of the article's blocks and their names become its authors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from .blocks import Block, word_count
from .cleanrules import CleaningRules, LineKind
from .metadata import CREDIT_MAX_WORDS, credited_people, iso_published
from .shapes import SENTENCE_END, person_names

# An organisation line under a byline ("TTYT huyện Mê Linh") is this short.
ATTRIBUTION_MAX_WORDS = 10
# A credit's label printed alone on its line ("Tác giả:", "Tin và ảnh:") is this short.
CREDIT_LABEL_MAX_WORDS = 4
# Byline lines are looked for among this many last lines of the article
# (author, photographer, unit, source).
BYLINE_TAIL_LINES = 4
# Some CMSs put photo captions under the byline: at most this many short lines.
CAPTIONS_UNDER_BYLINE = 3
CAPTION_LINE_MIN_WORDS, CAPTION_LINE_MAX_WORDS = 4, 30
# A name this long is one person's full name; a shorter one ("Văn Gõ", a pen name) may recur by chance.
FULL_NAME_MIN_WORDS = 3

_NAME_DASH_UNIT = re.compile(r"(?P<name>[^\W\d_]+(?: [^\W\d_]+){1,4}) [-–] (?P<unit>[^\n]{2,70})")


@dataclass(frozen=True)
class Byline:
    """Authors taken off the end of an article, and the blocks left."""

    authors: tuple[str, ...]
    blocks: tuple[Block, ...]
    published: Optional[str] = None  # a date line under the article ("17 August 2016 | 5:14 pm")


def split_trailing_byline(blocks: Sequence[Block], rules: CleaningRules) -> Byline:
    """Bylines at the end: a name, ``Theo …``, an organisation line, an outlet after a byline."""
    kept = list(blocks)
    authors: list[str] = []
    published: Optional[str] = None
    while kept and rules.line_kind(kept[-1].text) is LineKind.DROP and rules.credit(kept[-1].text) is None:
        kept.pop()  # widget lines under the article ("Facebook", "Quay lại") hide the byline above them
    _byline_above_captions(kept, authors, rules)
    for _ in range(BYLINE_TAIL_LINES):
        if not kept:
            break
        text = kept[-1].text
        before = kept[-2].text if len(kept) > 1 else ""
        if _is_credit_label(before) and rules.credit(f"{before} {text}") \
                and word_count(f"{before} {text}") <= CREDIT_MAX_WORDS:
            # The label on its own line ("Tác giả:"), the names on the next.
            authors[:0] = credited_people(rules.credit(f"{before} {text}") or "", rules)
            del kept[-2:]
        elif published is None and (stamp := rules.timestamp(text)) is not None:
            published = iso_published(stamp)  # "Hồng Hải" / "17 August 2016 | 5:14 pm"
            kept.pop()
        elif rules.organisation(text) and _is_attribution(text, before, rules):
            kept.pop()  # the author's unit under the name: "(TTYT huyện Mê Linh)"
        elif _is_byline(before, rules) and word_count(text) <= 2 and not SENTENCE_END.search(text):
            kept.pop()  # the outlet a credited article came from ("Theo X" / "VnEconomy")
        elif rules.credit(text) and word_count(text) <= CREDIT_MAX_WORDS:
            # "Theo Thanh Xuân" names a person; "Theo VnExpress", "Theo Báo Nghệ An" only a source.
            authors[:0] = credited_people(rules.credit(text) or "", rules)
            kept.pop()
        elif rules.name(_unstopped(text)) and person_names(_unstopped(text)):
            # "Lê Xuân." signs with a full stop too. A name the article is about ("Thủ tướng Phạm
            # Minh Chính" above) is a tag under it: a byline's name is not in the text it signs.
            names = person_names(_unstopped(text))
            if not _named_above(names, kept[:-1]):
                authors[:0] = names
            kept.pop()
        elif signed := _name_with_unit(text, rules):
            authors[:0] = signed  # "Hoàng Thu Nga - Phòng CTXH": the author and her unit on one line
            kept.pop()
        else:
            break
    return Byline(tuple(a for a in authors if a), tuple(kept), published)


def _name_with_unit(text: str, rules: CleaningRules) -> tuple[str, ...]:
    """The author of a line that signs with a name, a dash and the author's unit."""
    signed = _NAME_DASH_UNIT.match(_unstopped(text.strip()))
    if signed is None or rules.organisation(signed.group("unit")) is None or not rules.name(signed.group("name")):
        return ()
    return tuple(person_names(signed.group("name")))


def _named_above(names: Sequence[str], blocks: Sequence[Block]) -> bool:
    """Whether a full name (three syllables or more) of ``names`` is written in ``blocks``."""
    full = [name for name in names if word_count(name) >= FULL_NAME_MIN_WORDS]
    return any(name in block.text for name in full for block in blocks)


def _byline_above_captions(kept: list[Block], authors: list[str], rules: CleaningRules) -> None:
    """A CMS that puts photo captions under the byline ("HỮU TOÀN", then "Trao giấy mừng thọ
    cho cụ …, 103 tuổi,"): the name line is the byline when only short lines without a full
    stop follow it. The name goes to ``authors``; the caption lines stay."""
    for count in range(1, CAPTIONS_UNDER_BYLINE + 1):
        if len(kept) <= count:
            return
        tail = kept[-count:]
        if not all(_caption_line(block.text) and rules.organisation(block.text) is None
                   and rules.credit(block.text) is None and ":" not in block.text for block in tail):
            return  # a unit or a credit under a name ("Nguồn tin: …") is handled below
        candidate = kept[-count - 1].text
        if rules.name(candidate) and person_names(candidate) and rules.credit(candidate) is None:
            authors[:0] = person_names(candidate)
            del kept[-count - 1]
            return


def _caption_line(text: str) -> bool:
    """A photo caption's shape: a phrase of a few words up to a sentence, no full stop."""
    return CAPTION_LINE_MIN_WORDS <= word_count(text) <= CAPTION_LINE_MAX_WORDS and not re.search(r"[.!?…]$", text.strip())


def _unstopped(text: str) -> str:
    """A short line without the one full stop it may end with."""
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


def _is_credit_label(text: str) -> bool:
    """A credit's label alone on its line: a few words closed by a colon."""
    return text.endswith(":") and word_count(text) <= CREDIT_LABEL_MAX_WORDS


def _is_attribution(text: str, before: str, rules: CleaningRules) -> bool:
    """An organisation line is an attribution in parentheses, or right under a byline name."""
    if word_count(text) > ATTRIBUTION_MAX_WORDS:
        return False
    return (text.startswith("(") and text.endswith(")")) or _is_byline(before, rules)


def _is_byline(text: str, rules: CleaningRules) -> bool:
    return bool(text) and ((rules.credit(text) is not None and word_count(text) <= CREDIT_MAX_WORDS)
                           or (rules.name(text) is not None and bool(person_names(text))))
