"""Canonical keys that group name variants across articles.

``Bệnh viện Đa khoa Đức Giang`` and ``Bệnh viện Đức Giang`` are one hospital;
``Trạm Y tế phường Long Biên`` and ``Trạm Y tế Long Biên`` one station. A key
is the contract's comparison key (``name_key``) with generic words removed.
When the extractor publishes its own ``canonical_key(name, kind)`` the query
layer uses that one, so that the tables group exactly as extraction does.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from ..textnorm import name_key

# Words that describe a facility's type or level rather than name it: a
# general hospital is usually named with and without "Đa khoa".
_GENERIC_FACILITY_WORDS = re.compile(r"\b(?:đa khoa|đk)\b")
# An administrative-unit word followed by the unit's name ("phường Long
# Biên", "thị xã Đông Triều") is dropped so that the bare name matches; a
# unit word at the end ("Trung tâm Y tế quận") is kept, it is all there is,
# and so is one that names a party committee ("Quận ủy", "Huyện ủy").
_UNIT_BEFORE_NAME = re.compile(
    r"\b(?:thành phố|thị xã|thị trấn|quận|huyện|phường|xã|tỉnh|tp\.?|tx\.?)\s+(?!ủy\b)(?=\w)"
)
_SPACES = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[\"“”'‘’()\[\],.:;]+")


@lru_cache(maxsize=65536)
def fallback_entity_key(name: str, kind: Optional[str] = None) -> str:
    """``name_key`` without punctuation, generic type words and unit words."""
    key = name_key(name)
    key = _PUNCTUATION.sub(" ", key)
    key = _GENERIC_FACILITY_WORDS.sub(" ", key)
    key = _UNIT_BEFORE_NAME.sub("", key)
    return _SPACES.sub(" ", key).strip()


@dataclass(frozen=True)
class EntityKeyer:
    """Computes facility and organization keys with one chosen key function."""

    extractor_key: Optional[Callable[[str, str], str]] = None

    @classmethod
    def default(cls) -> "EntityKeyer":
        """The extractor's ``canonical_key`` when the package provides one."""
        try:
            module = importlib.import_module("pipeline.extract.entities")
        except ImportError:
            return cls()
        function = getattr(module, "canonical_key", None)
        return cls(function if callable(function) else None)

    @property
    def source(self) -> str:
        """Which key function is in use, for reports and the README."""
        if self.extractor_key is not None:
            return "pipeline.extract.entities.canonical_key"
        return "pipeline.query.keys.fallback_entity_key"

    def key(self, name: str, kind: Optional[str]) -> str:
        """The canonical key of a facility or organization name."""
        if self.extractor_key is not None:
            try:
                key = self.extractor_key(name, kind or "other")
            except Exception:  # a failing helper must not lose the table
                key = None
            if isinstance(key, str) and key:
                return key
        return fallback_entity_key(name, kind)


def person_key(name: str, organization_key: Optional[str]) -> str:
    """Same name and same organization: the same person across articles."""
    base = name_key(name)
    return f"{base} | {organization_key}" if organization_key else base
