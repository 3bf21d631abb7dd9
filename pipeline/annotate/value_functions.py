"""The value transforms of the feature templates (``T[0].lower``, ``T[0].istitle`` ...).

The two families behave differently and each must match what its models were
trained with, character for character:

- the POS, chunking and NER models (features built in Python by underthesea):
  ``istitle`` is true when every space-separated part starts with a
  title-case letter;
- the word segmentation model (features built by underthesea_core's Rust
  featurizer): ``istitle`` is true when the first character of every part is
  unchanged by upper-casing (so digits, punctuation and CJK count as title),
  ``isdigit`` is true for a 32-bit signed integer written in ASCII digits with
  an optional sign, ``is_in_dict`` looks the lower-cased window up in the
  model's dictionary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Collection

ValueFunction = Callable[[str], str]

TRUE = "True"
FALSE = "False"
_INT32 = re.compile(r"[+-]?[0-9]+")
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1


def lower(value: str) -> str:
    return value.lower()


def tagger_istitle(value: str) -> str:
    """POS/chunk/NER models: every part starts with a title-case letter."""
    if not value:
        return FALSE
    return TRUE if all(part and part[0].istitle() for part in value.split(" ")) else FALSE


def segmenter_istitle(value: str) -> str:
    """Word segmentation model: every part's first character is its own upper case."""
    return TRUE if all(part and part[0].upper() == part[0] for part in value.split(" ")) else FALSE


def segmenter_isdigit(value: str) -> str:
    """Word segmentation model: an integer that fits 32 signed bits."""
    if _INT32.fullmatch(value) is None:
        return FALSE
    return TRUE if _INT32_MIN <= int(value) <= _INT32_MAX else FALSE


# Transforms of the POS, chunking and NER templates (not memoised).
TAGGER_FUNCTIONS: dict[str, ValueFunction] = {"lower": lower, "istitle": tagger_istitle}

# The same words and syllables recur across sentences; a bounded memo per
# model turns the Python-level checks into one dictionary lookup.
_MEMO_SIZE = 1 << 16


def tagger_functions() -> dict[str, ValueFunction]:
    """Memoised transforms of the POS, chunking and NER templates (one set per tagger)."""
    return {"lower": lower, "istitle": lru_cache(maxsize=_MEMO_SIZE)(tagger_istitle)}


def segmenter_functions(dictionary: Collection[str]) -> dict[str, ValueFunction]:
    """Memoised transforms of the word segmentation templates, ``is_in_dict`` over ``dictionary``."""

    def is_in_dict(value: str) -> str:
        return TRUE if value.lower() in dictionary else FALSE

    return {
        "lower": lower,
        "istitle": lru_cache(maxsize=_MEMO_SIZE)(segmenter_istitle),
        "isdigit": lru_cache(maxsize=_MEMO_SIZE)(segmenter_isdigit),
        "is_in_dict": lru_cache(maxsize=_MEMO_SIZE)(is_in_dict),
    }
