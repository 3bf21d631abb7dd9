"""Captions found by layout, and the body, caption list and metadata put together."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Optional, Sequence

from .blocks import Block, Role, word_count
from .metadata import Header
from .shapes import is_prose, opens_with_report_day

# A caption found by layout alone (no image marker) is at most this long.
LAYOUT_CAPTION_MAX_WORDS = 35

PARAGRAPH_SEPARATOR = "\n\n"
# A dump is laid out in blank-separated paragraphs when this share of its lines follow a blank line.
BLANK_SEPARATED_SHARE = 0.4


@dataclass(frozen=True)
class Assembled:
    body: str
    captions: tuple[str, ...]


@dataclass(frozen=True)
class ArticleParts:
    """What one cleaner made of an input, before it becomes a ``CleanedArticle``."""

    header: Header
    outlet: Optional[str]
    authors: tuple[str, ...]
    assembled: Assembled
    warnings: tuple[str, ...] = ()


def mark_layout_captions(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Captions of a text dump whose images were stripped, recognised by spacing.

    In a dump whose paragraphs are separated by one blank line, a removed
    image leaves a short line either after an extra blank line (the image's
    own line) or glued to the paragraph below it without a blank line.
    """
    if len(blocks) < 3:
        return tuple(blocks)
    gaps = [block.gap for block in blocks[1:]]
    separated = [gap for gap in gaps if gap >= 1]
    if len(separated) < BLANK_SEPARATED_SHARE * len(gaps):
        return tuple(blocks)  # lines, not blank-separated paragraphs: spacing says nothing
    usual_gap = median(separated)
    marked = list(blocks)
    for i, block in enumerate(blocks):
        if block.role is not Role.PARA or word_count(block.text) > LAYOUT_CAPTION_MAX_WORDS or i == 0:
            continue
        if opens_with_report_day(block.text):
            continue  # the lead ("Chiều ngày 23/5/2019, Công đoàn … tổ chức …"), however short
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        after_extra_gap = block.gap > usual_gap
        glued_above_paragraph = (
            nxt is not None and nxt.gap == 0 and block.gap >= 1 and is_prose(nxt.text)
            and word_count(nxt.text) > word_count(block.text)
        )
        if after_extra_gap or glued_above_paragraph:
            marked[i] = block.with_role(Role.CAPTION)
    return tuple(marked)


def assemble(blocks: Sequence[Block]) -> Assembled:
    """Body paragraphs joined by a blank line; captions apart, in order, without repeats."""
    body = [block.text for block in blocks if block.role in (Role.PARA, Role.HEADING) and block.text]
    captions: list[str] = []
    for block in blocks:
        if block.role is Role.CAPTION and block.text and block.text not in captions:
            captions.append(block.text)
    return Assembled(PARAGRAPH_SEPARATOR.join(body), tuple(captions))
