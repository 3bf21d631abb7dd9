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
from .shapes import (
    is_headline,
    is_lead_as_title,
    is_piped_caption,
    is_piped_paragraph,
    is_prose,
    is_sentence_paragraph,
    is_teaser_strip,
)

# A caption under a photo is at most this long; a longer line is prose.
CAPTION_MAX_WORDS = 40
# A teaser's bare link line after "Xem thêm:" is at most this long.
TEASER_LINK_MAX_WORDS = 30
# A timestamp line ends the article only after this many paragraphs of prose
# (one near the top is the article's own date line, under its lead).
TEASER_AFTER_PROSE = 2
# A closing run of this many headline-shaped lines is a list of other articles.
TRAILING_LIST_RUN = 3
LISTED_HEADLINE_MIN_WORDS = 4
# Bulleted teasers: BULLET_RUN bulleted headlines within BULLET_WINDOW lines.
BULLETS = ("•", "·", "►", "▶", "»")
BULLET_RUN, BULLET_WINDOW = 3, 6
# After a related-articles heading, this many paragraphs of prose in a row mean the article goes on.
RESUME_PROSE_RUN = 3
# Editors caption the lead photo with the headline as a sentence: a repeat of
# the headline closed by a full stop, after the prose has begun, is that
# caption. A layout's repeat of the headline (list titles, the page's own
# headline line) carries no full stop.
HEADLINE_CAPTION_END = "."
# An all-caps section label printed in front of the headline has at most this many words.
SECTION_LABEL_MAX_WORDS = 5


def cut_tail(blocks: Sequence[Block], rules: CleaningRules) -> tuple[Block, ...]:
    """The article's blocks: everything before the first sign that it has ended.

    A related-articles box in the middle of an article (a section heading,
    a few links, then the article's prose again) is dropped, not cut at.
    """
    kept: list[Block] = []
    prose_seen = 0
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = block.text
        kind = rules.line_kind(text)
        if kind is LineKind.FOOTER and prose_seen:
            break
        if kind in (LineKind.SECTION, LineKind.TEASER) and prose_seen:
            # A "Xem thêm" teaser inside the article is one link: one paragraph after it resumes the article.
            needed = RESUME_PROSE_RUN if kind is LineKind.SECTION else 1
            resume = _prose_resumes(blocks, i + 1, rules, needed)
            if resume is None:
                break
            i = resume
            continue
        if prose_seen >= TEASER_AFTER_PROSE and rules.timestamp(text) is not None:
            if _prose_resumes(blocks, i + 1, rules, RESUME_PROSE_RUN) == i + 1:
                # The article's own date line between its lead and its body (title, sapo, date, body):
                # the prose goes on right under it, where a teaser's timestamp has another headline.
                kept.append(block)
                i += 1
                continue
            if _last_before_comments(blocks, i + 1, rules):
                kept.append(block)  # the article's own date line, under its byline ("17 August 2016 | 5:14 pm")
                break
            # Teaser block: another article's headline, then its timestamp line.
            if kept and is_headline(kept[-1].text) and not is_prose(kept[-1].text):
                kept.pop()
            break
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and nxt.text == text and is_headline(text):
            if prose_seen and block.role is not Role.IMAGE and not text.endswith((".", "!", "?")) \
                    and kind is not LineKind.CAPTION and not _prose_after(blocks, i + 2, rules):
                # List layouts print each link twice (thumbnail title, then title); a sentence printed
                # twice, a line closed by a photo credit (… Ảnh: YÊN LAN), or a line printed twice with
                # the article going on under it, is a photo's caption (its alt text, then the caption),
                # not a link.
                break
            i += 1  # a caption printed twice is kept once
        if prose_seen >= TEASER_AFTER_PROSE and _bulleted_headline(text) \
                and sum(_bulleted_headline(b.text) for b in blocks[i + 1:i + 1 + BULLET_WINDOW]) >= BULLET_RUN - 1:
            break  # a bulleted list of other articles' headlines, each with its lead
        if block.role is Role.PARA and is_prose(text):
            prose_seen += 1
        kept.append(block)
        i += 1
    return _without_trailing_list(kept)


def _prose_after(blocks: Sequence[Block], at: int, rules: CleaningRules) -> bool:
    """Whether the block at ``at`` is a paragraph of prose (the article goes on), not another
    article's lead, which opens with the outlet's tag ("HNP - Đến 18h20, …")."""
    return at < len(blocks) and blocks[at].role is Role.PARA and is_sentence_paragraph(blocks[at].text) \
        and rules.line_kind(blocks[at].text) is None and rules.outlet_prefix(blocks[at].text) is None


def _bulleted_headline(text: str) -> bool:
    """A bullet, then a headline (no closing full stop): an item of a list of other articles."""
    return (text.startswith(BULLETS) and is_headline(text) and word_count(text) >= LISTED_HEADLINE_MIN_WORDS
            and not text.endswith((".", ";", ":")))


def _without_trailing_list(blocks: list[Block]) -> tuple[Block, ...]:
    """Drop a closing run of headline-shaped lines: other articles' titles listed under this one.

    Bylines (two or three words) are too short to count, so they stay for the byline pass.
    """
    start = len(blocks)
    while start > 0 and _listed_headline(blocks[start - 1]):
        start -= 1
    if len(blocks) - start >= TRAILING_LIST_RUN and start > 0:
        return tuple(blocks[:start])
    return tuple(blocks)


def _listed_headline(block: Block) -> bool:
    text = block.text
    return (block.role in (Role.PARA, Role.LINK, Role.IMAGE) and is_headline(text) and not is_sentence_paragraph(text)
            and word_count(text) >= LISTED_HEADLINE_MIN_WORDS and not text.endswith((".", ":", ";")))


def _last_before_comments(blocks: Sequence[Block], after: int, rules: CleaningRules) -> bool:
    """Whether nothing but the comment form or the footer follows (a date line that ends the article)."""
    return after >= len(blocks) or rules.line_kind(blocks[after].text) in (LineKind.SECTION, LineKind.FOOTER)


def _prose_resumes(blocks: Sequence[Block], start: int, rules: CleaningRules, needed: int) -> Optional[int]:
    """Where the article's prose resumes after a box of links, or None when the box runs to the end.

    Prose resumes with ``needed`` paragraphs in a row; a timestamp line or a
    repeated line before that means a list of teasers: the article is over.
    """
    run = 0
    for j in range(start, len(blocks)):
        text = blocks[j].text
        if rules.timestamp(text) is not None or rules.line_kind(text) is LineKind.FOOTER:
            return None
        if j + 1 < len(blocks) and blocks[j + 1].text == text:
            return None
        if blocks[j].role is Role.PARA and is_sentence_paragraph(text) and rules.line_kind(text) is None:
            run += 1
            if run == needed:
                return j - needed + 1
        else:
            run = 0
    return None


def drop_inline(
    blocks: Sequence[Block], rules: CleaningRules, title: Optional[str], caption_max_words: int = CAPTION_MAX_WORDS
) -> tuple[Block, ...]:
    """Remove what is not prose inside the article; mark image lines and the captions under them."""
    kept: list[Block] = []
    skip_link = False
    after_image = False
    prose_seen = False
    for block in blocks:
        text = rules.without_leading_label(block.text)
        if text != block.text:
            block = block.with_text(text)
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
        if title and _same_headline(text, title) and not is_lead_as_title(title):
            if prose_seen and text.endswith(HEADLINE_CAPTION_END):
                kept.append(block.with_role(Role.CAPTION))
            continue
        if rules.timestamp(text) is not None:
            continue
        # Under a photo, a line closed by a photo credit ("… Ảnh: Đức Anh |") is its caption however
        # long: a strip of other articles' headlines carries no credit.
        if after_image and block.role in (Role.PARA, Role.CAPTION) \
                and (_caption_shaped(block, caption_max_words) or kind is LineKind.CAPTION):
            kept.append(block.with_text(text.rstrip(" |")).with_role(Role.CAPTION))
            after_image = False
            continue
        after_image = False
        if is_piped_paragraph(text) and block.role is Role.PARA:
            kept.append(block.with_text(text.rstrip(" |")))  # a table cell's pipe after prose
            prose_seen = True
            continue
        if is_piped_caption(text) and block.role is Role.PARA:
            kept.append(block.with_text(text.rstrip(" |")).with_role(Role.CAPTION))
            continue
        if is_teaser_strip(text):
            continue
        if kind is LineKind.CAPTION and block.role is Role.PARA and word_count(text) <= CAPTION_MAX_WORDS:
            kept.append(block.with_role(Role.CAPTION))
            continue
        prose_seen = prose_seen or (block.role is Role.PARA and is_prose(text))
        kept.append(block)
    return tuple(kept)


def _caption_shaped(block: Block, max_words: int) -> bool:
    return block.italic or block.role is Role.CAPTION or word_count(block.text) <= max_words


def _same_headline(text: str, title: str) -> bool:
    line, headline = text.casefold().strip(" ."), title.casefold().strip(" .")
    if line == headline:
        return True
    # A page's section label run into the headline ("SỰ KIỆN NỔI BẬT Tập huấn …").
    label = text.strip(" .")[: len(line) - len(headline)].strip()
    return bool(headline) and line.endswith(headline) and label.isupper() and word_count(label) <= SECTION_LABEL_MAX_WORDS
