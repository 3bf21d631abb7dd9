"""Feature columns for underthesea's CRF models (word segmentation, POS, chunking, NER).

The CRF models underthesea ships were trained on string attributes written as
``<template>=<value>``, where a template names a window of the sentence:

- ``T[k]`` is the word ``k`` places from the current one (``T[-1]`` the
  previous word), ``T[a,b]`` the words ``a`` to ``b`` joined by one space;
- ``[c]`` picks column ``c`` of the tagged sentence (0 the word, 1 its POS
  tag, then whatever the model's input rows carry), 0 when absent;
- ``.lower``, ``.istitle`` ... transform the value (see ``value_functions``:
  each model family has its own);
- a window that starts before the sentence is ``BOS``; one that starts or
  ends after it is ``EOS``.

A template is parsed once into a :class:`FeatureTemplate`. A sentence is
turned into attributes column by column: each template's values for every
position are computed in one pass over the padded column, instead of once per
token and template. The attribute strings are exactly the ones the models
expect, so the tags are those of underthesea.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable, Mapping, Optional, Sequence

from .value_functions import TAGGER_FUNCTIONS, ValueFunction

BEFORE_SENTENCE = "BOS"
AFTER_SENTENCE = "EOS"
# Stands for every attribute the model does not know: a CRF ignores unknown
# attributes, so one shared string (never a model attribute, all of which
# start with a template) gives the same tags without building the others.
UNKNOWN_ATTRIBUTE = ""

_TEMPLATE = re.compile(
    r"^T\[(?P<first>-?\d+)(?:,(?P<last>-?\d+))?\](?:\[(?P<column>\d+)\])?(?:\.(?P<function>[a-z_]+))?$"
)


class TemplateError(ValueError):
    """A feature template that cannot be parsed."""


@dataclass(frozen=True)
class FeatureTemplate:
    """One parsed template: a window ``first..last`` of column ``column``, transformed by ``function``."""

    text: str
    first: int
    last: int
    column: int
    function: Optional[str]

    @classmethod
    def parse(cls, text: str, functions: Mapping[str, ValueFunction] = TAGGER_FUNCTIONS) -> "FeatureTemplate":
        match = _TEMPLATE.match(text)
        if match is None:
            raise TemplateError(f"feature template {text!r}: expected T[i], T[i,j], optional [column] and .function")
        first = int(match.group("first"))
        last = int(match.group("last")) if match.group("last") is not None else first
        if last < first:
            raise TemplateError(f"feature template {text!r}: window ends before it starts")
        function = match.group("function")
        if function is not None and function not in functions:
            raise TemplateError(f"feature template {text!r}: unknown function {function!r}")
        column = int(match.group("column")) if match.group("column") is not None else 0
        return cls(text, first, last, column, function)

    @property
    def prefix(self) -> str:
        return f"{self.text}="


@dataclass(frozen=True)
class TemplateSet:
    """The parsed templates of one model, the transforms they name, and the padding their windows need."""

    templates: tuple[FeatureTemplate, ...]
    padding: int
    functions: Mapping[str, ValueFunction]

    @classmethod
    def parse(cls, texts: Sequence[str], functions: Mapping[str, ValueFunction] = TAGGER_FUNCTIONS) -> "TemplateSet":
        templates = tuple(FeatureTemplate.parse(text, functions) for text in texts)
        padding = max((max(abs(t.first), abs(t.last)) for t in templates), default=0)
        return cls(templates, padding, functions)

    @property
    def columns(self) -> frozenset[int]:
        return frozenset(template.column for template in self.templates)


@dataclass(frozen=True)
class AttributeVocabulary:
    """The attributes a model knows, by template: value -> attribute name."""

    by_template: dict[str, dict[str, str]]

    @classmethod
    def from_names(cls, names: Iterable[str]) -> "AttributeVocabulary":
        by_template: dict[str, dict[str, str]] = {}
        for name in names:
            template, separator, value = name.partition("=")
            if separator:
                by_template.setdefault(template, {})[value] = name
        return cls(by_template)


class SentenceColumns:
    """The value columns of one sentence, by name, with their padded windows.

    Windows are computed once per sentence and shared by every model that
    reads the same column (the words and the POS tags are read by three and
    two models).
    """

    def __init__(self, size: int):
        self.size = size
        self._values: dict[str, Sequence[str]] = {}
        self._windows: dict[tuple[str, int, Optional[ValueFunction], int], list[str]] = {}

    @classmethod
    def of(cls, columns: Sequence[Sequence[str]]) -> "SentenceColumns":
        """Columns named by their position ("0", "1", ...)."""
        sentence = cls(len(columns[0]) if columns else 0)
        for index, values in enumerate(columns):
            sentence.add(str(index), values)
        return sentence

    def add(self, name: str, values: Sequence[str]) -> None:
        if len(values) != self.size:
            raise ValueError(f"column {name} has {len(values)} values for {self.size} words")
        self._values[name] = values

    def windows(self, name: str, width: int, transform: Optional[ValueFunction], pad: int) -> list[str]:
        key = (name, width, transform, pad)
        found = self._windows.get(key)
        if found is None:
            found = self._windows[key] = _padded_windows(self._values[name], width, transform, pad)
        return found


def sentence_attributes(
    templates: TemplateSet,
    columns: SentenceColumns | Sequence[Sequence[str]],
    vocabulary: Optional[AttributeVocabulary] = None,
    names: Optional[Sequence[str]] = None,
) -> list[tuple[str, ...]]:
    """The CRF attributes of every position of one sentence.

    ``columns`` holds one value per word in each column (column 0 the
    words); ``names[c]`` is the name of the model's column ``c`` in it
    (default: ``"c"``). With the model's ``vocabulary``, attributes it does not
    know are all :data:`UNKNOWN_ATTRIBUTE` and known ones are the vocabulary's
    own strings, so no string is built per token.
    """
    if not isinstance(columns, SentenceColumns):
        columns = SentenceColumns.of(columns)
    size = columns.size
    if size == 0:
        return []
    pad = templates.padding
    feature_columns = []
    for template in templates.templates:
        name = names[template.column] if names is not None else str(template.column)
        # Windows are read from columns padded on both sides, so that a window
        # starting before the sentence reads BOS and one reaching past it EOS.
        transform = templates.functions[template.function] if template.function is not None else None
        padded = columns.windows(name, template.last - template.first, transform, pad)
        offset = pad + template.first
        window = padded[offset : offset + size]
        if vocabulary is None:
            feature_columns.append(map(template.prefix.__add__, window))
        else:
            known = vocabulary.by_template.get(template.text, {}).get
            feature_columns.append(map(known, window, repeat(UNKNOWN_ATTRIBUTE, size)))
    return list(zip(*feature_columns))


def _padded_windows(values: Sequence[str], width: int, transform: Optional[ValueFunction], pad: int) -> list[str]:
    """Window values starting at every position from ``-pad`` to ``len + pad``.

    A window of ``width + 1`` words starting at ``j`` is ``BOS`` when ``j`` is
    before the sentence and ``EOS`` when any of its words is after it.
    """
    size = len(values)
    if width == 0:
        windows = list(values)
    else:
        windows = [" ".join(values[start : start + width + 1]) for start in range(size - width)]
        windows.extend([AFTER_SENTENCE] * width)
    if transform is not None:
        windows = [transform(value) if index < size - width else value for index, value in enumerate(windows)]
    return [BEFORE_SENTENCE] * pad + windows + [AFTER_SENTENCE] * (pad + 1)
