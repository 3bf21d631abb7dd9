"""Annotation: underthesea words, tags and entities, and rule matches, on a spaCy Doc.

``Annotator(rules, layers).annotate(text)`` returns a ``Doc`` whose text is
exactly ``text``; see the README section "Annotation" for what each token and
span carries.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..rules import RuleSet
from .nlp import build_nlp
from .taggers import LAYERS

__all__ = ["Annotator", "LAYERS"]


class Annotator:
    """Word segmentation, the requested tagging layers and rule spans, as one spaCy pipeline.

    Models are loaded once per process, whatever the number of annotators.
    """

    def __init__(self, rules: Optional[RuleSet] = None, layers: Sequence[str] = LAYERS):
        self.rules = rules
        self.layers = tuple(layers)
        self.nlp: Language = build_nlp(rules, self.layers)

    def annotate(self, text: str) -> Doc:
        """The annotated Doc of ``text``; ``doc.text == text``."""
        if not isinstance(text, str):
            # spaCy would read bytes as a serialised Doc: say what is wrong instead.
            raise TypeError(f"Annotator.annotate expects text as str, got {type(text).__name__}")
        return self.nlp(text)

    def annotate_many(self, texts: Iterable[str]) -> Iterator[Doc]:
        """Annotated Docs of many texts, in order."""
        return (self.annotate(text) for text in texts)
