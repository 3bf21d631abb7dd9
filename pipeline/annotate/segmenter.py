"""Word segmentation with exact character offsets.

underthesea segments a sentence in three steps: it normalises the characters
(NFC, ``ð`` → ``đ``), splits them into syllables with its regular expression,
normalises each syllable's spelling, and joins syllables into words with a
CRF (``B-W``/``I-W``). The CRF's attributes are built here by the same
feature builder as the taggers' (from the templates and dictionary stored
with the model), passing only attributes the model knows. Its output is a list of strings, which cannot be placed back in the
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

from .features import TemplateSet, sentence_attributes
from .model_file import LoadedModel, load_crf_model
from .sentences import TextSpan
from .value_functions import segmenter_functions

# Characters underthesea rewrites before segmenting (same length either way).
_CHARACTER_FIXES = str.maketrans({"ð": "đ", "Ð": "Đ"})
WORD_INSIDE = "I-W"
_SPELLING_CACHE_LIMIT = 200_000
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
    """A text as underthesea sees it, with the original range of each character.

    Both maps are empty when normalisation kept every character in place.
    """

    text: str
    origin_start: tuple[int, ...]
    origin_end: tuple[int, ...]

    def origin(self, start: int, end: int, offset: int) -> TextSpan:
        """The original range (shifted by ``offset``) of normalised characters ``[start, end)``."""
        if not self.origin_start:  # same characters at the same places
            return TextSpan(offset + start, offset + end)
        return TextSpan(offset + self.origin_start[start], offset + self.origin_end[end - 1])


def normalise_characters(text: str) -> NormalisedText:
    """NFC and underthesea's character fixes, with a map back to ``text``.

    NFC is applied per cluster (a base character and the combining marks that
    follow it); for Vietnamese this equals whole-text NFC. Each normalised
    character gets its own non-empty range of the cluster it came from, the
    last one taking the rest, so distinct syllables never share a character.
    """
    if unicodedata.is_normalized("NFC", text):
        # Empty maps: every character stays where it is.
        return NormalisedText(text.translate(_CHARACTER_FIXES), (), ())
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
        # Spelling normalisation is a pure function of the syllable and the
        # same few thousand syllables recur; bounded so that odd input
        # (numbers, codes) cannot grow it without limit.
        self._spellings: dict[str, str] = {}

    def words(self, text: str, sentence: TextSpan) -> list[Word]:
        """The words of ``text[sentence.start:sentence.end]``, offsets into ``text``."""
        normalised = normalise_characters(text[sentence.start : sentence.end])
        matches = list(self._syllables.finditer(normalised.text))
        if not matches:
            return []
        forms = [self._spelling(match.group(0)) for match in matches]
        tags = self._model.tag(forms)
        starts: list[int] = []
        ends: list[int] = []
        word_forms: list[list[str]] = []
        in_place = not normalised.origin_start
        for match, form, tag in zip(matches, forms, tags):
            if in_place:
                start, end = sentence.start + match.start(), sentence.start + match.end()
            else:
                span = normalised.origin(match.start(), match.end(), sentence.start)
                start, end = span.start, span.end
            if ends and start < ends[-1]:
                # Only when NFC expanded one character into several that
                # became different syllables: keep ranges disjoint.
                start, end = ends[-1], max(end, ends[-1])
                if start == end:
                    tag = WORD_INSIDE
            if tag == WORD_INSIDE and ends:
                ends[-1] = end
                word_forms[-1].append(form)
            else:
                starts.append(start)
                ends.append(end)
                word_forms.append([form])
        return [Word(start, end, " ".join(parts)) for start, end, parts in zip(starts, ends, word_forms)]

    def _spelling(self, syllable: str) -> str:
        form = self._spellings.get(syllable)
        if form is None:
            form = self._normalise_syllable(syllable)
            if len(self._spellings) < _SPELLING_CACHE_LIMIT:
                self._spellings[syllable] = form
        return form


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


@dataclass(frozen=True)
class SegmentationModel:
    """underthesea's word segmentation CRF: its templates (read from the model's
    ``features.bin``), its dictionary and its tagger."""

    templates: TemplateSet
    model: LoadedModel

    def tag(self, syllables: list[str]) -> list[str]:
        """``B-W``/``I-W`` for each syllable of one sentence."""
        attributes = sentence_attributes(self.templates, [syllables], self.model.vocabulary)
        return self.model.tagger.tag(attributes)


@lru_cache(maxsize=1)
def load_word_segmentation_model() -> SegmentationModel:
    """The model underthesea's ``word_tokenize`` uses, loaded once per process."""
    import joblib
    import underthesea

    directory = Path(underthesea.__file__).resolve().parent / "pipeline" / "word_tokenize" / "models" / WS_MODEL
    if not (directory / "models.bin").is_file():
        raise FileNotFoundError(f"{directory}: word segmentation model not found (is underthesea 9.5.0 installed?)")
    template_texts = joblib.load(directory / "features.bin")
    dictionary = frozenset(joblib.load(directory / "dictionary.bin"))
    templates = TemplateSet.parse(template_texts, segmenter_functions(dictionary))
    return SegmentationModel(templates, load_crf_model(str(directory / "models.bin")))
