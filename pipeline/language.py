"""Is a cleaned body Vietnamese prose? A cheap check on its letters.

Vietnamese writes almost every second or third syllable with a letter that
other Latin-script languages do not use (ă, â, đ, ê, ô, ơ, ư and the five
tone marks). An English or French page that reached the pipeline has almost
none of them.
"""

from __future__ import annotations

import unicodedata

from .textnorm import TONE_MARKS

# Letters (after NFD) that mark a Vietnamese syllable: modified vowels, đ, and
# the tone marks as combining characters.
_VIETNAMESE_MARKS = frozenset(TONE_MARKS + "\u0302\u0306\u031b")  # tones, circumflex, breve, horn
_VIETNAMESE_LETTERS = frozenset("đĐ")

# Below this many letters a text is too short to judge.
MIN_LETTERS = 200
# Real Vietnamese prose has 25-40 marked letters per 100 letters; English has ~0.
MIN_MARKED_SHARE = 0.04


def vietnamese_share(text: str) -> float:
    """Share of letters that carry a Vietnamese mark (0.0 when no letters)."""
    letters = marked = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        if ch in _VIETNAMESE_LETTERS or any(m in _VIETNAMESE_MARKS for m in unicodedata.normalize("NFD", ch)[1:]):
            marked += 1
    return marked / letters if letters else 0.0


def looks_vietnamese(text: str) -> bool:
    """True unless the text is long enough to judge and has almost no Vietnamese letters."""
    sample = text[:20000]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return True
    return vietnamese_share(sample) >= MIN_MARKED_SHARE
