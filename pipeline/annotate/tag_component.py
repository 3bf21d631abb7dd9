"""The spaCy component that writes underthesea's POS, chunk and NER tags onto a Doc.

Each sentence's words (their underthesea forms) are tagged once by the
requested layers; POS goes to ``token.tag_``, chunk tags to ``token._.chunk``,
NER tags to ``token._.ner`` and, as spans, to ``doc.ents``. Tokens that are not
words (whitespace between sentences) get the tag ``_SP``.
"""

from __future__ import annotations

from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .taggers import LAYERS, SentenceTagger, TaggedSentence
from .tokenizer import WORD_FORM, register_token_extensions

CHUNK = "chunk"
NER = "ner"
SPACE_TAG = "_SP"
OUTSIDE = "O"


def register_tag_extensions() -> None:
    """Token attributes for the chunk and NER tags (idempotent)."""
    register_token_extensions()
    for name in (CHUNK, NER):
        if not Token.has_extension(name):
            Token.set_extension(name, default=None)


class TagComponent:
    """Tags every sentence of a Doc made by :class:`VietnameseTokenizer`."""

    def __init__(self, layers: Sequence[str] = LAYERS):
        register_tag_extensions()
        self.tagger = SentenceTagger(layers)

    @property
    def layers(self) -> tuple[str, ...]:
        return self.tagger.layers

    def __call__(self, doc: Doc) -> Doc:
        entities: list[Span] = []
        for sentence in doc.sents:
            tokens = [token for token in sentence if token._.get(WORD_FORM) is not None]
            for token in sentence:
                if token._.get(WORD_FORM) is None and token.is_space:
                    token.tag_ = SPACE_TAG
            if not tokens:
                continue
            tagged = self.tagger.tag([token._.get(WORD_FORM) for token in tokens])
            _write_tags(tokens, tagged)
            if tagged.ner is not None:
                entities.extend(_entity_spans(doc, tokens, tagged.ner))
        if "ner" in self.layers:
            doc.ents = entities
        return doc


def _write_tags(tokens: list[Token], tagged: TaggedSentence) -> None:
    if tagged.pos is not None:
        for token, tag in zip(tokens, tagged.pos):
            token.tag_ = tag
    if tagged.chunk is not None:
        for token, tag in zip(tokens, tagged.chunk):
            token._.set(CHUNK, tag)
    if tagged.ner is not None:
        for token, tag in zip(tokens, tagged.ner):
            token._.set(NER, tag)


def _entity_spans(doc: Doc, tokens: list[Token], tags: Sequence[str]) -> list[Span]:
    """IOB tags of a sentence's words as labelled spans.

    An ``I-`` tag that does not continue an entity of its label starts one, as
    underthesea's own tag sequences sometimes do.
    """
    spans: list[Span] = []
    start = label = None
    last = None
    for token, tag in zip(tokens, tags):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append(Span(doc, start, last + 1, label=label))
            start = label = None
        if prefix in ("B", "I") and kind and not continues:
            start, label = token.i, kind
        last = token.i
    if label is not None:
        spans.append(Span(doc, start, last + 1, label=label))
    return spans


@Language.factory("vi_tagger", default_config={"layers": list(LAYERS)})
def create_tag_component(nlp: Language, name: str, layers: list[str]) -> TagComponent:
    return TagComponent(layers)
