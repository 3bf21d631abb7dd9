"""Canonical keys of facilities and organizations, so one body groups across articles.

The key is the name's comparison key (``name_key``: tones, case, spaces,
``UBND``/``HĐND``/``TTYT``/``BV``) with further abbreviations spelled out, the
punctuation dropped, and words that do not tell two bodies apart removed where
that is safe: ``đa khoa``, ``tư nhân`` and ``hữu nghị`` after a hospital head (``Bệnh viện Đa
khoa Đức Giang`` = ``Bệnh viện Đức Giang``, ``bệnh viện tư nhân Thăng Hoa`` =
``Bệnh viện đa khoa Thăng Hoa``, ``Bệnh viện Hữu nghị Việt Đức`` = ``Bệnh viện
Việt Đức``) and a unit word between a head and a name
(``Trung tâm Y tế huyện Mê Linh`` = ``TTYT Mê Linh``).
"""

from __future__ import annotations

import re

from ..textnorm import name_key

# Abbreviations spelled out before comparing (after name_key's own).
_EXPANSIONS = (
    (re.compile(r"\btp\s*\.?\s*hcm\b"), "thành phố hồ chí minh"),
    (re.compile(r"\bttytdp\b"), "trung tâm y tế dự phòng"),
    (re.compile(r"\btyt\b"), "trạm y tế"),
    (re.compile(r"\bpkđk\b"), "phòng khám đa khoa"),
    (re.compile(r"\bbvđk\b"), "bệnh viện đa khoa"),
    (re.compile(r"\btw\b"), "trung ương"),
    (re.compile(r"\btp\b\.?"), "thành phố "),  # "TP.Hồ Chí Minh": the unit word apart from the name
    (re.compile(r"\btx\b\.?"), "thị xã "),
    (re.compile(r"\bđk\b"), "đa khoa"),
    (re.compile(r"\bđh\b"), "đại học"),
    (re.compile(r"\bmttq\b"), "mặt trận tổ quốc"),
    (re.compile(r"^bệnh viên\b"), "bệnh viện"),  # a common typo of the head
)
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_HEADS = ("bệnh viện", "trung tâm y tế", "trạm y tế", "phòng khám", "ủy ban nhân dân", "hội đồng nhân dân", "sở", "phòng y tế")
_UNIT_WORDS = r"(?:tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn)"
_UNIT_AFTER_HEAD = re.compile(rf"^((?:{'|'.join(_HEADS)})(?: đa khoa)?) {_UNIT_WORDS} (?=\w)")
# "đa khoa" (general) and "tư nhân" (private) say what kind of hospital it is, not which one;
# "hữu nghị" (friendship) is a title writers leave out (Bệnh viện Hữu nghị Việt Đức, Bệnh viện Việt Đức).
_GENERAL_HOSPITAL = re.compile(r"^bệnh viện (?:hữu nghị )?(?:đa khoa )?(?:tư nhân )?(?=\w)")


def canonical_key(name: str, kind: str) -> str:
    """One key for every written form of the same facility or organization."""
    key = name_key(name)
    for pattern, expansion in _EXPANSIONS:
        key = pattern.sub(expansion, key)
    key = _PUNCTUATION.sub(" ", key)
    key = _SPACES.sub(" ", key).strip()
    key = _UNIT_AFTER_HEAD.sub(r"\1 ", key)
    if kind in ("hospital", "other", "health_center"):
        key = _GENERAL_HOSPITAL.sub("bệnh viện ", key)
    return _SPACES.sub(" ", key).strip()


_UNIT_WORD = re.compile(rf"(?<!\w){_UNIT_WORDS} (?=\w)")


def unit_free_key(name: str, kind: str) -> str:
    """The canonical key without any unit word: within one article ``… bệnh tật Hà Nội`` and
    ``… bệnh tật thành phố Hà Nội`` name one body (across articles the unit word can matter:
    ``huyện`` and ``thị xã`` of one name are different places)."""
    return _SPACES.sub(" ", _UNIT_WORD.sub("", canonical_key(name, kind))).strip()
