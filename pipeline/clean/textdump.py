"""Plain-text dumps of news pages: one block per non-empty line."""

from __future__ import annotations

from .blocks import Block, tidy
from .boilerplate import cut_tail, drop_inline
from .cleanrules import CleaningRules
from .metadata import read_header, split_outlet, split_trailing_byline
from .paragraphs import ArticleParts, assemble, mark_layout_captions


def text_blocks(content: str) -> tuple[Block, ...]:
    """Non-empty lines, each with the number of blank lines above it."""
    blocks: list[Block] = []
    gap = 0
    for line in content.split("\n"):
        text = tidy(line)
        if not text:
            gap += 1
            continue
        blocks.append(Block(text, gap=gap))
        gap = 0
    return tuple(blocks)


def clean_text(content: str, rules: CleaningRules) -> ArticleParts:
    """Header, article lines, byline and captions of a plain-text dump."""
    blocks = text_blocks(content)
    header = read_header(blocks, rules)
    body = cut_tail(blocks[header.body_start:], rules)
    byline = split_trailing_byline(body, rules)
    body = drop_inline(byline.blocks, rules, header.title)
    body = mark_layout_captions(body)
    outlet = split_outlet(body, rules)
    authors = tuple(dict.fromkeys(header.authors + byline.authors))
    return ArticleParts(header, outlet.outlet, authors, assemble(outlet.blocks))
