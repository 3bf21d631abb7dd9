"""Word segmentation with exact character offsets.

underthesea segments a sentence in three steps: it normalises the characters
(NFC, ``ð`` → ``đ``), splits them into syllables with its regular expression,
normalises each syllable's spelling, and joins syllables into words with a
CRF. Its output is a list of strings, which cannot be placed back in the
input when normalisation changed a character. Here the same steps run on each
sentence while keeping where every syllable came from, so every word is a
``[start, end)`` range of the original text plus the form underthesea would
have produced (what the taggers read).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .sentences import TextSpan

# Characters underthesea rewrites before segmenting (same length either way).
_CHARACTER_FIXES = str.maketrans({"ð": "đ", "Ð": "Đ"})
WORD_INSIDE = "I-W"
# The model underthesea's word_tokenize uses.
WS_MODEL = "ws_crf_vlsp2013_20230727"


@dataclass(frozen=True)
class Word:
    """One underthesea word: its range in the text and its normalised form."""

    start: int
    end: int
    form: str


@dataclass(frozen=True)
class NormalisedText:
    """A text as underthesea sees it, with the original range of each character."""

    text: str
    origin_start: tuple[int, ...]
    origin_end: tuple[int, ...]

    def origin(self, start: int, end: int, offset: int) -> TextSpan:
        """The original range (shifted by ``offset``) of normalised characters ``[start, end)``."""
        return TextSpan(offset + self.origin_start[start], offset + self.origin_end[end - 1])


def normalise_characters(text: str) -> NormalisedText:
    """NFC and underthesea's character fixes, with a map back to ``text``.

    NFC is applied per cluster (a base character and the combining marks that
    follow it); for Vietnamese this equals whole-text NFC. Each normalised
    character gets its own non-empty range of the cluster it came from, the
    last one taking the rest, so distinct syllables never share a character.
    """
    if unicodedata.is_normalized("NFC", text):
        positions = tuple(range(len(text)))
        return NormalisedText(text.translate(_CHARACTER_FIXES), positions, tuple(p + 1 for p in positions))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cluster_start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        composed = unicodedata.normalize("NFC", text[cluster_start:index])
        pieces.append(composed)
        last = index - 1
        for offset in range(len(composed)):
            start = min(cluster_start + offset, last)
            starts.append(start)
            ends.append(start + 1 if offset < len(composed) - 1 and start < last else index)
        cluster_start = index
    return NormalisedText("".join(pieces).translate(_CHARACTER_FIXES), tuple(starts), tuple(ends))


class WordSegmenter:
    """underthesea's word segmentation of one sentence, as offset-carrying words."""

    def __init__(self) -> None:
        self._syllables, self._normalise_syllable = _syllable_rules()
        self._model = load_word_segmentation_model()

    def words(self, text: str, sentence: TextSpan) -> list[Word]:
        """The words of ``text[sentence.start:sentence.end]``, offsets into ``text``."""
        normalised = normalise_characters(text[sentence.start : sentence.end])
        syllables = [
            (match.start(), match.end(), self._normalise_syllable(match.group(0)))
            for match in self._syllables.finditer(normalised.text)
        ]
        if not syllables:
            return []
        tags = self._model.predict([[form] for _, _, form in syllables])
        words: list[Word] = []
        for (start, end, form), tag in zip(syllables, tags):
            span = normalised.origin(start, end, sentence.start)
            if words and span.start < words[-1].end:
                # Only when NFC expanded one character into several that
                # became different syllables: keep ranges disjoint.
                span = TextSpan(words[-1].end, max(span.end, words[-1].end))
                if span.start == span.end:
                    tag = WORD_INSIDE
            if tag == WORD_INSIDE and words:
                previous = words[-1]
                words[-1] = Word(previous.start, span.end, f"{previous.form} {form}")
            else:
                words.append(Word(span.start, span.end, form))
        return words


@lru_cache(maxsize=1)
def _syllable_rules():
    """underthesea's syllable expression and spelling normaliser.

    The expression is built from underthesea's own list of alternatives (in
    its priority order), not taken from its module global, which its
    ``fixed_words`` option rebinds.
    """
    from underthesea.pipeline.text_normalize import token_normalize
    from underthesea.pipeline.word_tokenize import regex_tokenize

    alternatives = "(" + "|".join(regex_tokenize.regex_patterns) + ")"
    return re.compile(alternatives, re.VERBOSE | re.UNICODE), token_normalize


@lru_cache(maxsize=1)
def load_word_segmentation_model():
    """underthesea's word segmentation CRF (features computed in Rust), loaded once per process."""
    import underthesea
    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

    directory = Path(underthesea.__file__).resolve().parent / "pipeline" / "word_tokenize" / "models" / WS_MODEL
    if not (directory / "models.bin").is_file():
        raise FileNotFoundError(f"{directory}: word segmentation model not found (is underthesea 9.5.0 installed?)")
    model = FastCRFSequenceTagger()
    model.load(str(directory))
    return model
