"""Boilerplate removal by the shape of lines, with phrase lists from the rules.

Two passes. ``cut_tail`` finds where the article ends: the first heading of a
related-articles / comments / tags block, a site footer, a teaser block of
another article (headline, timestamp line, lead), or a headline printed twice
in a row (list layouts repeat the link text). ``drop_inline`` then removes what
sits inside the article: image markup and file names, widget lines,
"Xem thêm" teasers, repeats of the headline, teaser strips, stray timestamps.
"""

from __future__ import annotations

from typing import Optional, Sequence

from .blocks import Block, Role, word_count
from .cleanrules import CleaningRules, LineKind
from .metadata import is_headline, is_prose, is_teaser_strip

# A caption under a photo is at most this long; a longer line is prose.
CAPTION_MAX_WORDS = 40
# A teaser's bare link line after "Xem thêm:" is at most this long.
TEASER_LINK_MAX_WORDS = 30


def cut_tail(blocks: Sequence[Block], rules: CleaningRules) -> tuple[Block, ...]:
    """The blocks before the first sign that the article has ended."""
    end = _tail_start(blocks, rules)
    return tuple(blocks[:end])


def _tail_start(blocks: Sequence[Block], rules: CleaningRules) -> int:
    seen_prose = False
    for i, block in enumerate(blocks):
        text = block.text
        if block.role is Role.PARA and is_prose(text):
            seen_prose = True
        kind = rules.line_kind(text)
        if kind in (LineKind.SECTION, LineKind.FOOTER) and seen_prose:
            return i
        if not seen_prose:
            continue
        # Teaser block: another article's headline, then its timestamp line.
        if rules.timestamp(text) is not None:
            previous = blocks[i - 1] if i else None
            if previous is not None and is_headline(previous.text) and not is_prose(previous.text):
                return i - 1
            return i
        # List layouts print each link twice (thumbnail title, then title).
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and nxt.text == text and is_headline(text) and block.role is not Role.IMAGE:
            return i
    return len(blocks)


def drop_inline(
    blocks: Sequence[Block], rules: CleaningRules, title: Optional[str], caption_max_words: int = CAPTION_MAX_WORDS
) -> tuple[Block, ...]:
    """Remove what is not prose inside the article; mark image lines and the captions under them."""
    kept: list[Block] = []
    skip_link = False
    after_image = False
    for block in blocks:
        text = block.text
        kind = rules.line_kind(text)
        if skip_link:
            skip_link = False
            if word_count(text) <= TEASER_LINK_MAX_WORDS and not is_prose(text):
                continue
        if kind is LineKind.IMAGE or block.role is Role.IMAGE:
            after_image = True
            continue
        if kind in (LineKind.DROP, LineKind.SECTION, LineKind.FOOTER):
            continue
        if kind is LineKind.TEASER:
            # "Xem thêm:" alone introduces a link on the next line.
            skip_link = word_count(text) <= 3
            continue
        if title and _same_headline(text, title):
            continue
        if rules.timestamp(text) is not None:
            continue
        if after_image and block.role in (Role.PARA, Role.CAPTION) and _caption_shaped(block, caption_max_words):
            kept.append(block.with_text(text.rstrip(" |")).with_role(Role.CAPTION))
            after_image = False
            continue
        after_image = False
        if is_teaser_strip(text):
            continue
        kept.append(block)
    return tuple(kept)


def _caption_shaped(block: Block, max_words: int) -> bool:
    return block.italic or block.role is Role.CAPTION or word_count(block.text) <= max_words


def _same_headline(text: str, title: str) -> bool:
    return text.casefold().strip(" .") == title.casefold().strip(" .")
