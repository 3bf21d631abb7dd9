"""The unit every cleaner works on: one line or paragraph of a source, with
what the source's layout said about it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from ..textnorm import normalize_text


class Role(str, Enum):
    """What a block is, as far as the cleaner can tell."""

    PARA = "para"  # prose, or not known to be anything else
    HEADING = "heading"  # a heading inside the article (h2-h6, a short bold line)
    CAPTION = "caption"  # a photo or video caption
    IMAGE = "image"  # an image, image placeholder or file name: never output
    LINK = "link"  # a paragraph that is nothing but a link to another page


@dataclass(frozen=True)
class Block:
    """One line (text dumps) or paragraph (HTML) of a source.

    ``gap`` is the number of blank lines before the block in a text dump (0 in
    HTML). ``italic`` and ``aligned`` carry layout hints from HTML: a wholly
    italic paragraph under a photo is its caption; a right-aligned or centred
    paragraph at the end is a byline.
    """

    text: str
    role: Role = Role.PARA
    gap: int = 0
    italic: bool = False
    aligned: bool = False

    def with_role(self, role: Role) -> "Block":
        return replace(self, role=role)

    def with_text(self, text: str) -> "Block":
        return replace(self, text=text)


_SPACE_RUN = re.compile(r"\s+")
# Control characters (NUL and the like) carry no text; lxml would turn them into U+FFFD.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def tidy(text: str) -> str:
    """One block of text on one line: normalised (NFC, tone convention), whitespace folded.

    Runs after entity decoding, which can leave decomposed sequences
    (``b&ecirc;̣nh``) that the reader's normalisation never saw.
    """
    return _SPACE_RUN.sub(" ", normalize_text(CONTROL_CHARS.sub("", text))).strip()


def word_count(text: str) -> int:
    return len(text.split())
