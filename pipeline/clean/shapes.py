"""The shape of a line: headline, prose, list item, a person's name.

Boilerplate is recognised by shape as much as by phrase, so these predicates
are shared by the header, boilerplate and byline passes.
"""

from __future__ import annotations

import re

from .blocks import word_count

# A headline is one line of at most this many words and characters.
HEADLINE_MAX_WORDS = 40
HEADLINE_MAX_CHARS = 300
# A paragraph of prose: this many words, or a full sentence of PROSE_SENTENCE_WORDS.
PROSE_MIN_WORDS = 15
PROSE_SENTENCE_WORDS = 6
# A paragraph that is certainly prose: a statement of SENTENCE_PARAGRAPH_WORDS, or LONG_PARAGRAPH_WORDS.
SENTENCE_PARAGRAPH_WORDS = 8
LONG_PARAGRAPH_WORDS = 25
LIST_MARKERS = ("•", "·", "- ", "+ ", "*", "►", "▶", ">")
# A byline name is two to five capitalised words.
NAME_MIN_WORDS, NAME_MAX_WORDS = 2, 5

SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$")
# Headlines may end in "?" or "!"; statements end in a full stop, a colon or a quote.
_STATEMENT_END = re.compile(r"[.…:;\"”»)]$")
# Capitalised like a name, but a day of the week ("Thứ Sáu", "Chủ Nhật") leading a date line.
_WEEKDAY = re.compile(r"(?:Thứ|Chủ)\s", re.IGNORECASE)
# Heuristic: a line that opens with the day of the report ("Sáng ngày 28/03/2022 Bệnh viện …") is
# a lead sentence, even without its full stop; headlines and photo captions do not open with the day.
_OPENS_WITH_DAY = re.compile(
    r"(?:(?:Sáng|Chiều|Tối|Trưa|Đêm)(?: ngày| nay| qua)?|Ngày|Hôm nay|Hôm qua)\s+\d{1,2}\s*[/.-]\s*\d{1,2}\b")
_PIPE_AFTER_SENTENCE = re.compile(r"[.!?…]\s*\|$")
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[A-ZĐÀ-Ỹ]")
_NAME_SEPARATOR = re.compile(r"\s+[-–]\s+|,\s+|\s+và\s+")
# Where a person stands in a photo, "(bên trái)", "(giữa)", "(thứ hai từ phải sang)": a caption's words.
_PHOTO_POSITION = re.compile(
    r"\((?:từ\s+)?(?:bên\s+)?(?:trái|phải)(?:\s+sang(?:\s+(?:phải|trái))?)?\)|\((?:đứng\s+|ngồi\s+|ở\s+)?giữa\)"
    r"|\(thứ\s+\w+\s+từ\s+(?:trái|phải)[^)]{0,12}\)", re.IGNORECASE)


def is_person_name(text: str) -> bool:
    """Two to five words, each starting with a capital letter, no digits or punctuation.

    A name is written in capitals throughout or not at all: an abbreviation
    among capitalised words ("Nhóm PV", "TTYT Mê Linh") names a desk or a unit.
    """
    words = text.split()
    if not NAME_MIN_WORDS <= len(words) <= NAME_MAX_WORDS:
        return False
    if not all(word[0].isupper() and all(ch.isalpha() or ch in "'’-" for ch in word) for word in words):
        return False
    abbreviations = sum(1 for word in words if len(word) > 1 and word.isupper())
    return abbreviations in (0, len(words))


def person_names(text: str) -> tuple[str, ...]:
    """The names of a byline ("Hồng Hải - Minh Anh"), or () when any part is not a person's name."""
    parts = [part.strip() for part in _NAME_SEPARATOR.split(text) if part.strip()]
    if not parts or not all(is_person_name(part) and not _WEEKDAY.match(part) for part in parts):
        return ()
    return tuple(parts)


def is_headline(text: str) -> bool:
    """One short line: a headline, a subheading or a link title (a line of punctuation alone is none)."""
    return 0 < word_count(text) <= HEADLINE_MAX_WORDS and len(text) <= HEADLINE_MAX_CHARS \
        and not is_punctuation_only(text)


def is_punctuation_only(text: str) -> bool:
    """A line with no letter or digit ("." or "• :"): what a page's icons left in the dump."""
    return not any(char.isalnum() for char in text)


def is_speaker_line(text: str, below: str) -> bool:
    """The first line of a headline set in two, the speaker before a colon and the quote under
    it ("Phó Chủ tịch UBND tỉnh Trần Văn A:" over "Đội ngũ thầy thuốc phải giỏi về y thuật")."""
    return text.endswith(":") and is_headline(text) and is_headline(below) and not SENTENCE_END.search(below)


def is_prose(text: str) -> bool:
    """A line of running text: long, or a sentence closed by punctuation."""
    words = word_count(text)
    return words >= PROSE_MIN_WORDS or (words >= PROSE_SENTENCE_WORDS and bool(SENTENCE_END.search(text)))


def is_sentence_paragraph(text: str) -> bool:
    """Prose for certain: a sentence of some length closed by sentence punctuation, not a list item.

    Long headlines have many words but no closing punctuation.
    """
    if text.startswith(LIST_MARKERS):
        return False
    words = word_count(text)
    # Headlines may end in "?" or "!"; a paragraph ends in a full stop or a quote, or is long.
    return words >= LONG_PARAGRAPH_WORDS or (words >= SENTENCE_PARAGRAPH_WORDS and bool(_STATEMENT_END.search(text)))


def opens_with_report_day(text: str) -> bool:
    """Whether a line opens with the day of the report, as a lead sentence does."""
    return bool(_OPENS_WITH_DAY.match(text))


def is_lead_as_title(title: str) -> bool:
    """A stored title that is the article's lead sentence (some CMSs keep the lead in the
    title column): long and closed by a full stop, unlike a headline. Its repeat at the top
    of the body is the lead paragraph and stays in the body."""
    return word_count(title) >= LONG_PARAGRAPH_WORDS and title.rstrip().endswith(".")


def is_teaser_strip(text: str) -> bool:
    """Headlines of other articles run together and closed by a pipe (``… |``)."""
    return text.endswith("|") and not text.startswith("!") and not is_piped_caption(text)


def is_piped_caption(text: str) -> bool:
    """A photo caption some sites close with a pipe (``… tặng quà tại Trạm Y tế xã X. |``):
    one sentence with its full stop before the pipe, which headlines do not have."""
    return _pipe_after_sentence(text) and not _long_of_sentences(text)


def is_piped_paragraph(text: str) -> bool:
    """A paragraph of a page laid out in table cells, each closed by a pipe (``… tại tỉnh Bạc Liêu
    đã diễn ra lễ khánh thành … Đây là BVĐK tư nhân đầu tiên … |``): long and of several
    sentences, which a caption or a strip of headlines is not."""
    return _pipe_after_sentence(text) and _long_of_sentences(text)


def _pipe_after_sentence(text: str) -> bool:
    """One pipe, closing a line whose last sentence ends with its punctuation."""
    return text.count("|") == 1 and bool(_PIPE_AFTER_SENTENCE.search(text))


def _long_of_sentences(text: str) -> bool:
    return word_count(text) >= LONG_PARAGRAPH_WORDS and bool(_SENTENCE_BREAK.search(text))


def names_photo_positions(text: str) -> bool:
    """Whether a line says where people stand in a photo: a caption, not a headline."""
    return bool(_PHOTO_POSITION.search(text))
