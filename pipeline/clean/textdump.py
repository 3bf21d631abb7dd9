"""Plain-text dumps of news pages: one block per non-empty line."""

from __future__ import annotations

import re
from dataclasses import replace

from .blocks import Block, Role, tidy
from .boilerplate import cut_tail, drop_inline
from .cleanrules import CleaningRules
from .bylines import split_trailing_byline
from .metadata import published_of, read_header, split_outlet
from .paragraphs import ArticleParts, assemble, mark_layout_captions
from .shapes import SENTENCE_END

# Some crawlers store the page's date before its text: " date 2026-02-15 Ngày 15/2, …".
_STORED_DATE = re.compile(r"\s*date\s+(?P<date>\d{4}-\d{2}(?P<day>-\d{2})?)(?:\s+|$)")
# A dump hard-wrapped at a fixed width breaks sentences across lines: it has at least this
# many lines that go on, in lower case, from a line left without closing punctuation.
WRAPPED_MIN_CONTINUATIONS = 3
# In such a dump a line that begins in lower case goes on from the line above unless that one
# ends a sentence: a width break falls after "(TMV)", "chia sẻ:" or a closing quote as well.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"”»)]*$")


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
    stored = _STORED_DATE.match(content)
    if stored:
        content = content[stored.end():]
    blocks = text_blocks(content)
    header = read_header(blocks, rules)
    if stored and stored.group("day") and header.published is None:
        header = replace(header, published=stored.group("date"))
    body = cut_tail(header.captions_above + blocks[header.body_start:], rules)
    byline = split_trailing_byline(body, rules)
    body = drop_inline(join_wrapped_lines(byline.blocks), rules, header.title)
    body = mark_layout_captions(body)
    outlet = split_outlet(body, rules)
    header = published_of(header, outlet.published, byline.published)
    if stored and not stored.group("day") and header.published is None:
        header = replace(header, published_month=stored.group("date"))
    authors = tuple(dict.fromkeys(header.authors + byline.authors))
    return ArticleParts(header, outlet.outlet, authors, assemble(outlet.blocks))


def join_wrapped_lines(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The paragraphs of a hard-wrapped dump put back together.

    Some sites store text broken at a fixed width, inside sentences and even
    inside names (``đồng chí Lê`` / ``Hồng Lợi``, ``Phó Bí thư – Chủ`` /
    ``tịch HĐND``). Once a dump shows that layout, a line joins the line above
    it when that one has no closing punctuation and no blank line separates
    them. Runs after the tail is cut, so that lists of other articles'
    headlines are gone and cannot be joined.
    """
    pairs = zip(blocks, blocks[1:])
    continuations = sum(1 for above, line in pairs if _goes_on(above, line) and line.text[:1].islower())
    if continuations < WRAPPED_MIN_CONTINUATIONS:
        return blocks
    joined = [blocks[0]]
    for line in blocks[1:]:
        if _goes_on(joined[-1], line) or _lower_case_goes_on(joined[-1], line):
            joined[-1] = joined[-1].with_text(f"{joined[-1].text} {line.text}")
        else:
            joined.append(line)
    return tuple(joined)


def _goes_on(above: Block, line: Block) -> bool:
    return _adjacent_prose(above, line) and not SENTENCE_END.search(above.text)


def _lower_case_goes_on(above: Block, line: Block) -> bool:
    return _adjacent_prose(above, line) and line.text[:1].islower() and not _ENDS_SENTENCE.search(above.text)


def _adjacent_prose(above: Block, line: Block) -> bool:
    """Two prose lines with no blank line between them."""
    return line.gap == 0 and above.role is Role.PARA and line.role is Role.PARA
