"""The attribute names stored in a CRFsuite model file.

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
from pathlib import Path
from typing import Optional

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
