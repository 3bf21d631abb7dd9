"""Feature columns for underthesea's POS, chunking and NER CRF models.

The CRF models underthesea ships were trained on string attributes written as
``<template>=<value>``, where a template names a window of the sentence:

- ``T[k]`` is the word ``k`` places from the current one (``T[-1]`` the
  previous word), ``T[a,b]`` the words ``a`` to ``b`` joined by one space;
- ``[c]`` picks column ``c`` of the tagged sentence (0 the word, 1 its POS
  tag, then whatever the model's input rows carry), 0 when absent;
- ``.lower`` and ``.istitle`` transform the value (``istitle`` is ``True``
  when every space-separated part starts with a title-case letter);
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
from typing import Callable, Iterable, Optional, Sequence

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


def _is_title(word: str) -> bool:
    """True when every space-separated part of ``word`` starts with a title-case letter."""
    if not word:
        return False
    return all(part and part[0].istitle() for part in word.split(" "))


def _lower(word: str) -> str:
    return word.lower()


def _title_flag(word: str) -> str:
    return "True" if _is_title(word) else "False"


# The value transforms the models were trained with.
VALUE_FUNCTIONS: dict[str, Callable[[str], str]] = {
    "lower": _lower,
    "istitle": _title_flag,
}


@dataclass(frozen=True)
class FeatureTemplate:
    """One parsed template: a window ``first..last`` of column ``column``, transformed by ``function``."""

    text: str
    first: int
    last: int
    column: int
    function: Optional[str]

    @classmethod
    def parse(cls, text: str) -> "FeatureTemplate":
        match = _TEMPLATE.match(text)
        if match is None:
            raise TemplateError(f"feature template {text!r}: expected T[i], T[i,j], optional [column] and .function")
        first = int(match.group("first"))
        last = int(match.group("last")) if match.group("last") is not None else first
        if last < first:
            raise TemplateError(f"feature template {text!r}: window ends before it starts")
        function = match.group("function")
        if function is not None and function not in VALUE_FUNCTIONS:
            raise TemplateError(f"feature template {text!r}: unknown function {function!r}")
        column = int(match.group("column")) if match.group("column") is not None else 0
        return cls(text, first, last, column, function)

    @property
    def prefix(self) -> str:
        return f"{self.text}="


@dataclass(frozen=True)
class TemplateSet:
    """The parsed templates of one model, with the padding their windows need."""

    templates: tuple[FeatureTemplate, ...]
    padding: int

    @classmethod
    def parse(cls, texts: Sequence[str]) -> "TemplateSet":
        templates = tuple(FeatureTemplate.parse(text) for text in texts)
        padding = max((max(abs(t.first), abs(t.last)) for t in templates), default=0)
        return cls(templates, padding)

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


def sentence_attributes(
    templates: TemplateSet,
    columns: Sequence[Sequence[str]],
    vocabulary: Optional[AttributeVocabulary] = None,
) -> list[tuple[str, ...]]:
    """The CRF attributes of every position of one sentence.

    ``columns[c][i]`` is column ``c`` of word ``i`` (column 0 the words). Every
    column must have one value per word. With the model's ``vocabulary``,
    attributes it does not know are all :data:`UNKNOWN_ATTRIBUTE` and known
    ones are the vocabulary's own strings (no string is built per token).
    """
    size = len(columns[0]) if columns else 0
    if size == 0:
        return []
    for index, column in enumerate(columns):
        if len(column) != size:
            raise ValueError(f"column {index} has {len(column)} values for {size} words")
    pad = templates.padding
    # Windows are computed on columns padded on both sides, so that a window
    # starting before the sentence reads BOS and one reaching past it EOS.
    padded_cache: dict[tuple[int, int, Optional[str]], list[str]] = {}
    feature_columns: list[list[str]] = []
    for template in templates.templates:
        key = (template.column, template.last - template.first, template.function)
        padded = padded_cache.get(key)
        if padded is None:
            padded = _padded_windows(columns[template.column], template.last - template.first, template.function, pad)
            padded_cache[key] = padded
        offset = pad + template.first
        window = padded[offset : offset + size]
        if vocabulary is None:
            prefix = template.prefix
            feature_columns.append([prefix + value for value in window])
        else:
            known = vocabulary.by_template.get(template.text, {}).get
            feature_columns.append([known(value, UNKNOWN_ATTRIBUTE) for value in window])
    return list(zip(*feature_columns))


def _padded_windows(values: Sequence[str], width: int, function: Optional[str], pad: int) -> list[str]:
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
    if function is not None:
        transform = VALUE_FUNCTIONS[function]
        windows = [transform(value) if index < size - width else value for index, value in enumerate(windows)]
    return [BEFORE_SENTENCE] * pad + windows + [AFTER_SENTENCE] * (pad + 1)
