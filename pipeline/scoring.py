"""Per-field scoring as the contract's table defines it.

Each function compares one predicted record with one gold record and returns
counts (true positives, predicted, gold); ``evaluate`` sums them over articles.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from .textnorm import name_key

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Counts:
    """Matches, predictions and gold items of one field, summable across articles."""

    tp: float = 0
    predicted: float = 0
    gold: float = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def text_tokens(text: str) -> Counter[str]:
    """Bag of words of a text: normalised, case-folded word tokens with counts."""
    return Counter(_WORD.findall(name_key(text)))


def score_body(predicted_text: str, gold_text: str) -> Counts:
    """Token-level bag-of-words overlap of predicted main text against gold."""
    predicted, gold = text_tokens(predicted_text), text_tokens(gold_text)
    overlap = sum((predicted & gold).values())
    return Counts(overlap, sum(predicted.values()), sum(gold.values()))


def _match_names(predicted: Iterable[frozenset[str]], gold: Iterable[frozenset[str]]) -> tuple[int, list[int]]:
    """Greedy one-to-one matching of items given as sets of name keys.

    Returns the number of matches and, for each gold item, the index of the
    predicted item matched to it (or -1).
    """
    predicted = list(predicted)
    used: set[int] = set()
    pairs: list[int] = []
    for gold_keys in gold:
        match = next((i for i, keys in enumerate(predicted) if i not in used and keys & gold_keys), -1)
        if match >= 0:
            used.add(match)
        pairs.append(match)
    return len(used), pairs


def key_set(names: Iterable[Optional[str]]) -> frozenset[str]:
    return frozenset(name_key(name) for name in names if name)
