"""CRF model files: the tagger, loaded once per process, and the attribute names it knows.

A CRFsuite model keeps its attribute names in a constant database whose
records are ``<uint32 id><uint32 size><size bytes: name, NUL>``. Attribute
names of underthesea's taggers all start with a template (``T[``), so each
record is found by that start and confirmed by the size stored just before
it. The count is checked against the model's own attribute count; on any
mismatch the names are not used (the taggers then pass every attribute,
which gives the same tags, only slower).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .features import AttributeVocabulary

_RECORD_START = re.compile(rb"T\[[^\x00]*?\x00")
_SIZE = struct.Struct("<I")


def read_attribute_names(path: Path, expected_count: Optional[int] = None) -> Optional[frozenset[str]]:
    """Every attribute name of the model at ``path``, or ``None`` when they cannot be read exactly."""
    data = Path(path).read_bytes()
    names: set[str] = set()
    for match in _RECORD_START.finditer(data):
        start = match.start()
        if start < _SIZE.size:
            continue
        (size,) = _SIZE.unpack_from(data, start - _SIZE.size)
        if size != match.end() - start:
            continue
        try:
            names.add(data[start : match.end() - 1].decode("utf-8"))
        except UnicodeDecodeError:
            return None
    if expected_count is not None and len(names) != expected_count:
        return None
    return frozenset(names)


class ModelFileError(RuntimeError):
    """A CRF model file that cannot be loaded."""


@dataclass(frozen=True)
class LoadedModel:
    """A CRF tagger (``underthesea_core.CRFTagger``) and the attributes its model knows.

    ``vocabulary`` is ``None`` when the attribute names cannot be read
    exactly; tagging then passes every attribute (same tags, slower).
    """

    tagger: object
    vocabulary: Optional[AttributeVocabulary]


@lru_cache(maxsize=None)
def load_crf_model(path: str) -> LoadedModel:
    """The CRF tagger of one model file and its attribute vocabulary, loaded once per process."""
    from underthesea_core import CRFModel, CRFTagger

    if not Path(path).is_file():
        raise ModelFileError(f"{path}: CRF model file not found (is underthesea 9.5.0 installed?)")
    tagger = CRFTagger()
    tagger.load(path)
    names = read_attribute_names(Path(path), CRFModel.load(path).num_attributes)
    return LoadedModel(tagger, AttributeVocabulary.from_names(names) if names is not None else None)
