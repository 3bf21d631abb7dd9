"""Sentence boundaries of Vietnamese news text, as character spans.

A line break always ends a sentence: article bodies put one paragraph per
line (or a blank line between paragraphs), and headings, captions and list
items carry no final punctuation. Within a line, a sentence ends after ``.``,
``!``, ``?`` or ``…`` (with any closing quotes or brackets) when whitespace and
a sentence opening (a capital letter, a digit, an opening quote or bracket,
a dash) follow, except after a known abbreviation (``TS.``, ``TP.``), an
initial, or a number's decimal point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TextSpan:
    """A half-open character range ``[start, end)`` of a text."""

    start: int
    end: int


_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# Terminal punctuation, closing quotes/brackets, then the whitespace before
# the next sentence, and the first character of the next sentence (which must
# not be a lower-case letter).
_BOUNDARY = re.compile(
    r"(?P<end>[.!?…]+[\"'”’»)\]]*)\s+(?P<next>[\"'“‘«(\[\-–—•*]|[^\W_])",
)
# Abbreviations written with a final dot that do not end a sentence: academic
# and professional titles, place and unit prefixes, Latin-script shorthands.
_ABBREVIATIONS = frozenset(
    word.casefold()
    for word in (
        "TS", "ThS", "PGS", "GS", "BS", "CN", "KS", "DS", "ĐD", "KTV", "NCS", "TSKH", "BSCKI", "BSCKII",
        "CKI", "CKII", "TP", "Tp", "TX", "TT", "Q", "P", "St", "Dr", "Mr", "Mrs", "Ms", "Prof", "Th",
        "Ths", "Ph", "v.v", "vv", "tr", "No", "Nxb", "NXB", "Tel", "ĐT", "Fax", "Co", "Ltd", "Inc",
    )
)
_LONGEST_WORD = 40
_PRECEDING_WORD = re.compile(r"([^\W_]+(?:\.[^\W_]+)*)$")


def sentence_spans(text: str) -> list[TextSpan]:
    """The sentences of ``text`` in order, each without surrounding whitespace."""
    spans: list[TextSpan] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if boundary.group("next").islower() or _continues(text, boundary.start("end"), boundary.group("end")):
                continue
            _append_stripped(text, start, boundary.end("end"), spans)
            start = boundary.start("next")
        _append_stripped(text, start, line.end(), spans)
    return spans


def _continues(text: str, punct_start: int, punct: str) -> bool:
    """True when the punctuation at ``punct_start`` does not end a sentence."""
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    # Only the few characters before the dot matter; a bounded search keeps
    # the whole text linear.
    word = _PRECEDING_WORD.search(text, max(0, punct_start - _LONGEST_WORD), punct_start)
    if word is None:
        return False
    token = word.group(1)
    # "PGS.TS." ends in the abbreviation "TS".
    if token.casefold() in _ABBREVIATIONS or token.rsplit(".", 1)[-1].casefold() in _ABBREVIATIONS:
        return True
    # A single capital is an initial ("Nguyễn V. A."), not a sentence end.
    return len(token) == 1 and token.isupper()


def _append_stripped(text: str, start: int, end: int, spans: list[TextSpan]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(TextSpan(start, end))
