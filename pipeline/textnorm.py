"""Unicode and tone-mark normalisation, applied to inputs, rules and gazetteers alike.

Vietnamese text arrives in NFC or NFD and with either tone-mark placement for
the open syllables ``oa``, ``oe`` and ``uy`` (``hoà``/``hòa``, ``Thuỵ``/``Thụy``).
The record uses one convention throughout: NFC with the mark on the first
vowel of those open syllables (``hòa``, ``khỏe``, ``Thụy``, ``Ủy``), so that
``Kiến Thuỵ`` and ``Kiến Thụy`` are the same string.
"""

from __future__ import annotations

import re
import unicodedata

# The five tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng).
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# In NFD a toned vowel is base letter + tone mark. An open syllable is one not
# followed by another letter; ``qu`` + ``y`` is a consonant cluster, not ``uy``.
_OA_OE = re.compile(rf"([oO])([aAeE])([{TONE_MARKS}])(?![^\W\d_])")
_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{TONE_MARKS}])(?![^\W\d_])")

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalize_tones(text: str) -> str:
    """NFC text with tone marks on the first vowel of open ``oa``/``oe``/``uy``."""
    decomposed = unicodedata.normalize("NFD", text)
    decomposed = _OA_OE.sub(r"\1\3\2", decomposed)
    decomposed = _UY.sub(r"\1\3\2", decomposed)
    return unicodedata.normalize("NFC", decomposed)


def normalize_text(text: str) -> str:
    """Normalise a whole document: line endings, odd spaces, invisible marks, tones."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return normalize_tones(text)


def is_decomposed(text: str) -> bool:
    """True when the text was not in NFC (a warning for the record)."""
    return unicodedata.normalize("NFC", text) != text


_FOLD_SPACES = re.compile(r"\s+")
# Abbreviations the contract treats as the same name when comparing.
_EXPANSIONS = (
    (re.compile(r"\bubnd\b"), "ủy ban nhân dân"),
    (re.compile(r"\bhđnd\b"), "hội đồng nhân dân"),
    (re.compile(r"\bttyt\b"), "trung tâm y tế"),
    (re.compile(r"\bbv\b"), "bệnh viện"),
)


def name_key(name: str) -> str:
    """The comparison key of a name: one tone convention, case and space folded,
    ``UBND``/``HĐND``/``TTYT``/``BV`` expanded, as the contract's scoring says."""
    key = normalize_tones(name).casefold()
    key = _FOLD_SPACES.sub(" ", key).strip()
    for pattern, expansion in _EXPANSIONS:
        key = pattern.sub(expansion, key)
    return key
