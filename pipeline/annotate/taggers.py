"""POS, chunking and NER tagging with the CRF models underthesea ships.

Each model is described by :class:`TaggingModel`: its file, the feature
templates it was trained with, and the input columns of its rows (the word,
the tags of the layers before it, and placeholder columns that underthesea
fills with ``X`` at prediction time, so that the attributes are the same).
Models load once per process; a sentence's columns are built once and each
requested layer is run on them in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .features import SentenceColumns, TemplateSet, sentence_attributes
from .model_file import load_crf_model
from .value_functions import tagger_functions

LAYERS = ("pos", "chunk", "ner")
# A placeholder column: underthesea predicts with "X" where the model was
# trained on the gold tag of an earlier position, so we do the same.
PLACEHOLDER = "X"

_WORD_WINDOWS = (
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
)
_WORD_NGRAMS = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
)
_POS_WINDOWS = (
    "T[-2][1]", "T[-1][1]", "T[0][1]", "T[1][1]", "T[2][1]",
    "T[-2,-1][1]", "T[-1,0][1]", "T[0,1][1]", "T[1,2][1]",
)


class TaggerError(RuntimeError):
    """A tagging model that cannot be loaded or used."""


@dataclass(frozen=True)
class TaggingModel:
    """One CRF layer: where its model is and how its input rows are laid out.

    ``inputs`` names the source of each input column: ``word``, another
    layer's name, or ``placeholder``.
    """

    layer: str
    filename: str
    templates: tuple[str, ...]
    inputs: tuple[str, ...]

    @property
    def path(self) -> Path:
        return _underthesea_pipeline_dir() / self.layer_dir / self.filename

    @property
    def layer_dir(self) -> str:
        return {"pos": "pos_tag", "chunk": "chunking", "ner": "ner"}[self.layer]

    def needed_layers(self) -> frozenset[str]:
        """The earlier layers whose tags this model reads."""
        used = TemplateSet.parse(self.templates).columns
        return frozenset(self.inputs[c] for c in used if self.inputs[c] in LAYERS)


POS_MODEL = TaggingModel(
    layer="pos",
    filename="pos_crf_2017_10_11.bin",
    templates=_WORD_WINDOWS + ("T[0].istitle", "T[-1].istitle", "T[1].istitle")
    + _WORD_NGRAMS + ("T[-3][1]", "T[-2][1]", "T[-1][1]", "T[-3,-2][1]", "T[-2,-1][1]"),
    inputs=("word", "placeholder"),
)
CHUNK_MODEL = TaggingModel(
    layer="chunk",
    filename="chunk_crf_2017_10_12.bin",
    templates=_WORD_WINDOWS + ("T[0].istitle", "T[-1].istitle", "T[1].istitle")
    + _WORD_NGRAMS + _POS_WINDOWS + ("T[-3][2]", "T[-2][2]", "T[-1][2]"),
    inputs=("word", "pos", "placeholder"),
)
NER_MODEL = TaggingModel(
    layer="ner",
    filename="ner_crf_2017_10_12.bin",
    templates=_WORD_WINDOWS
    + ("T[0].istitle", "T[-1].istitle", "T[1].istitle", "T[-2].istitle", "T[2].istitle")
    + _WORD_NGRAMS + _POS_WINDOWS + ("T[-3][3]", "T[-2][3]", "T[-1][3]"),
    inputs=("word", "pos", "chunk", "placeholder"),
)
MODELS = {model.layer: model for model in (POS_MODEL, CHUNK_MODEL, NER_MODEL)}


@dataclass(frozen=True)
class TaggedSentence:
    """The tags of one sentence's words; a layer that was not run is ``None``."""

    words: tuple[str, ...]
    pos: tuple[str, ...] | None = None
    chunk: tuple[str, ...] | None = None
    ner: tuple[str, ...] | None = None


def resolve_layers(layers: Sequence[str]) -> tuple[str, ...]:
    """The layers to run, in model order, with the ones they read added.

    NER reads the words and POS tags only (the chunk column of its rows is
    never used by its templates), so asking for NER does not run chunking.
    """
    unknown = [layer for layer in layers if layer not in MODELS]
    if unknown:
        raise TaggerError(f"unknown tagging layer(s) {unknown}; choose from {list(LAYERS)}")
    wanted = set(layers)
    for layer in list(wanted):
        wanted |= MODELS[layer].needed_layers()
    return tuple(layer for layer in LAYERS if layer in wanted)


class SentenceTagger:
    """Runs the requested CRF layers over word-segmented sentences."""

    def __init__(self, layers: Sequence[str] = LAYERS):
        self.layers = resolve_layers(layers)
        # One set of transforms for every layer, so that windows read by
        # several models are computed once per sentence.
        functions = tagger_functions()
        self._steps = [
            (
                MODELS[layer],
                TemplateSet.parse(MODELS[layer].templates, functions),
                load_crf_model(str(MODELS[layer].path)),
            )
            for layer in self.layers
        ]

    def tag(self, words: Sequence[str]) -> TaggedSentence:
        """Tag one sentence given as underthesea words (syllables joined by one space)."""
        words = tuple(words)
        if not words:
            return TaggedSentence(words, *(() if layer in self.layers else None for layer in LAYERS))
        columns = SentenceColumns(len(words))
        columns.add("word", words)
        columns.add("placeholder", (PLACEHOLDER,) * len(words))
        tags: dict[str, tuple[str, ...]] = {}
        for model, templates, loaded in self._steps:
            attributes = sentence_attributes(templates, columns, loaded.vocabulary, model.inputs)
            tags[model.layer] = tuple(loaded.tagger.tag(attributes))
            columns.add(model.layer, tags[model.layer])
        return TaggedSentence(words, tags.get("pos"), tags.get("chunk"), tags.get("ner"))


@lru_cache(maxsize=1)
def _underthesea_pipeline_dir() -> Path:
    import underthesea

    return Path(underthesea.__file__).resolve().parent / "pipeline"
