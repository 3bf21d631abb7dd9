"""Words the segmenter made of a capitalised syllable and lowercase ones: where a name may not end.

A body's name is read word by word, and a lowercase syllable usually ends a
hospital's name (``Bệnh viện Bạch Mai cấp cứu …``). When the word segmenter
has joined that syllable to the capitalised one before it (``Tổng hợp``,
``Sức khỏe``, ``Cán bộ``, ``Phong-Da liễu``, a misspelt ``Thủy nguyên``), the
two are one word, and a name that reaches the first reaches the last:
``Khoa Nội Tổng hợp``, ``Viện Sức khỏe Tâm thần``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Optional

from ..annotate.tokenizer import WORD_FORM


@dataclass(frozen=True)
class WordCompounds:
    """Where each such word starts, and where it ends (offsets into the article's text)."""

    ends: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))

    def end_at(self, start: int) -> Optional[int]:
        """The end of the compound word that starts at ``start``, if one does."""
        return self.ends.get(start)


def word_compounds(doc: object, text: str) -> WordCompounds:
    """The compound words of ``doc`` when it is the annotated ``text``; none without a doc."""
    if doc is None or getattr(doc, "text", None) != text:
        return WordCompounds()
    ends = {}
    for token in doc:
        if token._.get(WORD_FORM) is None:
            continue
        first, _, rest = token.text.partition(" ")
        # Two syllables only: a longer word may run into the next one ("Điều dưỡng thương").
        if rest and " " not in rest and first[:1].isupper() and rest.isalpha() and rest == rest.lower():
            ends[token.idx] = token.idx + len(token.text)
    return WordCompounds(MappingProxyType(ends))
