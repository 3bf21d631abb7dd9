"""The spaCy pipeline: Vietnamese tokenizer, tagger and rule spans, assembled once."""

from __future__ import annotations

from typing import Optional, Sequence

import spacy
from spacy.language import Language

from ..rules import RuleSet
from . import rule_spans, tag_component, tokenizer  # noqa: F401  (registers factories)
from .taggers import LAYERS, resolve_layers

TOKENIZER = "vnie.vietnamese_tokenizer.v1"
TAGGER = "vi_tagger"
RULE_SPANS = "vi_rule_spans"


def build_nlp(rules: Optional[RuleSet] = None, layers: Sequence[str] = LAYERS) -> Language:
    """A blank Vietnamese ``Language`` with the underthesea tokenizer, the tagger when
    ``layers`` is not empty, and the rule spans component when ``rules`` is given."""
    layers = list(layers)
    if layers:
        resolve_layers(layers)  # fail early, naming the unknown layer
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    if layers:
        nlp.add_pipe(TAGGER, config={"layers": layers})
    if rules is not None:
        component = nlp.add_pipe(RULE_SPANS)
        component.rules = rules
    return nlp
