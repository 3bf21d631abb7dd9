"""Sentence spans of an annotated article, for extractors that reason per sentence.

The annotator's spaCy ``Doc`` gives sentence boundaries when its pipeline set
them; when it did not (or there is no ``Doc``), a rule-based splitter is used:
a sentence ends at a paragraph break, or at ``.``/``!``/``?``/``…`` followed by
a space and an upper-case letter or a digit, except after short abbreviations
such as ``TS.``, ``PGS.`` or ``TP.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import AnnotatedArticle


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets in ``ann.text``, its paragraph index, its text."""

    start: int
    end: int
    paragraph: int
    text: str


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
# A full stop ends a sentence only before a space and a capital or a digit.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
# Words written with a full stop that do not end a sentence (titles, "TP.").
_ABBREVIATION_BEFORE = re.compile(r"(?:\b(?:TS|PGS|GS|ThS|BS|TP|Tp|St|Dr|Mr|Ms|CN|DS|KS|Th\.S|Ths)\.)$")


def split_sentences(ann: AnnotatedArticle) -> list[Sentence]:
    """The sentences of the article's text, from the ``Doc`` or by rule."""
    from_doc = _doc_sentences(ann)
    if from_doc:
        return from_doc
    return split_text(ann.text)


def split_text(text: str) -> list[Sentence]:
    """Rule-based sentence spans of a text (used when the ``Doc`` has none)."""
    sentences: list[Sentence] = []
    paragraph = 0
    for block_start, block_end in _paragraph_spans(text):
        cut = block_start
        block = text[block_start:block_end]
        for match in _SENTENCE_END.finditer(block):
            end = block_start + match.start()
            if _ABBREVIATION_BEFORE.search(text[max(block_start, end - 6):end]):
                continue
            _append(sentences, text, cut, end, paragraph)
            cut = block_start + match.end()
        _append(sentences, text, cut, block_end, paragraph)
        paragraph += 1
    return sentences


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, paragraph, text[start:end]))


def _doc_sentences(ann: AnnotatedArticle) -> list[Sentence]:
    """Sentences from the spaCy ``Doc`` when it has boundaries, split at paragraph breaks."""
    doc = ann.doc
    if doc is None or not hasattr(doc, "has_annotation"):
        return []
    try:
        if not doc.has_annotation("SENT_START") or doc.text != ann.text:
            return []
        spans = [(sent.start_char, sent.end_char) for sent in doc.sents]
    except (ValueError, AttributeError):
        return []
    # Paragraph indices come from the text; a Doc sentence never spans a paragraph break.
    paragraphs = _paragraph_spans(ann.text)
    sentences: list[Sentence] = []
    for start, end in spans:
        pieces = [(max(start, ps), min(end, pe)) for ps, pe in paragraphs if ps < end and pe > start]
        for piece_start, piece_end in pieces:
            index = next(i for i, (ps, pe) in enumerate(paragraphs) if ps <= piece_start < pe)
            _append(sentences, ann.text, piece_start, piece_end, index)
    return sentences
