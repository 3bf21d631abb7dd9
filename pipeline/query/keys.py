"""Canonical keys that group name variants across articles.

``Bệnh viện Đa khoa Đức Giang`` and ``Bệnh viện Đức Giang`` are one hospital;
``Trạm Y tế phường Long Biên`` and ``Trạm Y tế Long Biên`` one station. The
query tables use the extractor's own ``canonical_key`` so that they group
exactly as extraction does.
"""

from __future__ import annotations

from typing import Optional

from ..extract.entities import canonical_key
from ..textnorm import name_key

# Named in reports and in the query cache's fingerprint.
KEY_SOURCE = "pipeline.extract.entities.canonical_key"


def entity_key(name: str, kind: Optional[str]) -> str:
    """The canonical key of a facility or organization name."""
    return canonical_key(name, kind or "other")


def person_key(name: str, organization_key: Optional[str]) -> str:
    """Same name and same organization: the same person across articles."""
    base = name_key(name)
    return f"{base} | {organization_key}" if organization_key else base
