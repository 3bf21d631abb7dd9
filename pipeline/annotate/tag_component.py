"""The spaCy component that writes underthesea's POS, chunk and NER tags onto a Doc.

Each sentence's words (their underthesea forms) are tagged once by the
requested layers; POS goes to ``token.tag_``, chunk tags to ``token._.chunk``
(``doc._.chunk_tags``), NER tags to ``token._.ner`` (``doc._.ner_tags``) and,
as spans, to ``doc.ents``. Tokens that are not words (whitespace between
sentences) get the tag ``_SP`` and no chunk or NER tag.
"""

from __future__ import annotations

from typing import Sequence

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from .taggers import LAYERS, SentenceTagger
from .tokenizer import WORD_FORMS, register_per_token_values, register_token_extensions

CHUNK = "chunk"
CHUNK_TAGS = "chunk_tags"
NER = "ner"
NER_TAGS = "ner_tags"
SPACE_TAG = "_SP"


def register_tag_extensions() -> None:
    """``token._.chunk`` and ``token._.ner`` with their per-Doc lists (idempotent)."""
    register_token_extensions()
    register_per_token_values(CHUNK_TAGS, CHUNK)
    register_per_token_values(NER_TAGS, NER)


class TagComponent:
    """Tags every sentence of a Doc made by :class:`VietnameseTokenizer`."""

    def __init__(self, layers: Sequence[str] = LAYERS):
        register_tag_extensions()
        self.tagger = SentenceTagger(layers)

    @property
    def layers(self) -> tuple[str, ...]:
        return self.tagger.layers

    def __call__(self, doc: Doc) -> Doc:
        forms = doc._.get(WORD_FORMS)
        if forms is None:
            raise ValueError("vi_tagger needs a Doc made by the Vietnamese tokenizer (no word forms)")
        size = len(doc)
        pos: list = [None] * size
        chunks: list = [None] * size
        ner: list = [None] * size
        entities: list[Span] = []
        for sentence in doc.sents:
            indices = [i for i in range(sentence.start, sentence.end) if forms[i] is not None]
            if not indices:
                continue
            tagged = self.tagger.tag([forms[i] for i in indices])
            for column, tags in ((pos, tagged.pos), (chunks, tagged.chunk), (ner, tagged.ner)):
                if tags is not None:
                    for i, tag in zip(indices, tags):
                        column[i] = tag
            if tagged.ner is not None:
                entities.extend(_entity_spans(doc, indices, tagged.ner))
        for i, form in enumerate(forms):
            if form is None and doc[i].is_space:
                pos[i] = SPACE_TAG
        if "pos" in self.layers:
            _set_tags(doc, pos)
        if "chunk" in self.layers:
            doc._.set(CHUNK_TAGS, chunks)
        if "ner" in self.layers:
            doc._.set(NER_TAGS, ner)
            doc.ents = entities
        return doc


def _set_tags(doc: Doc, tags: list) -> None:
    """All POS tags at once (``token.tag_`` one by one builds a Token per word)."""
    strings = doc.vocab.strings
    values = numpy.array([strings.add(tag) if tag else 0 for tag in tags], dtype="uint64").reshape(-1, 1)
    doc.from_array([TAG], values)


def _entity_spans(doc: Doc, indices: list[int], tags: Sequence[str]) -> list[Span]:
    """IOB tags of a sentence's words as labelled spans.

    An ``I-`` tag that does not continue an entity of its label starts one, as
    underthesea's own tag sequences sometimes do.
    """
    spans: list[Span] = []
    start = label = None
    last = None
    for index, tag in zip(indices, tags):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.append(Span(doc, start, last + 1, label=label))
            start = label = None
        if prefix in ("B", "I") and kind and not continues:
            start, label = index, kind
        last = index
    if label is not None:
        spans.append(Span(doc, start, last + 1, label=label))
    return spans


@Language.factory("vi_tagger", default_config={"layers": list(LAYERS)})
def create_tag_component(nlp: Language, name: str, layers: list[str]) -> TagComponent:
    return TagComponent(layers)
