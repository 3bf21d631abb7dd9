"""HTML to blocks, for CMS body fragments stored in text files.

A fragment is the stored body of a CMS post: paragraphs with entities,
MS-Word inline styles and conditional comments, spans that split words
(``N</span><span>gày``), images, italic captions and a right-aligned byline.
Inline elements are joined without spaces (so split words come back whole);
block elements and ``<br>`` end a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .blocks import Block, Role, tidy
from .boilerplate import cut_tail, drop_inline
from .cleanrules import CleaningRules
from .bylines import split_trailing_byline
from .metadata import published_of, read_header, split_outlet
from .paragraphs import ArticleParts, assemble

# Elements whose start or end breaks a line.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "hr", "address", "center",
})
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "iframe", "object", "embed", "svg", "form", "button", "select", "template"})
ITALIC_TAGS = frozenset({"em", "i"})
IMAGE_TAGS = frozenset({"img", "picture", "video", "audio"})

# A fragment has at least this many HTML tags in its first characters.
FRAGMENT_MIN_TAGS = 3
SNIFF_CHARS = 20000
# Under a photo in a fragment only an italic line (or a figcaption) is a caption: CMS editors italicise them.
FRAGMENT_CAPTION_MAX_WORDS = 0

_HTML_TAG = re.compile(
    r"</?(?:p|div|span|br|img|strong|em|b|i|u|a|h[1-6]|table|tr|td|ul|ol|li|figure|figcaption|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
# One closed block element (a CMS body stored as a single <p>…</p>) is markup too.
_CLOSED_BLOCK = re.compile(r"<(p|div|h[1-6]|table|ul|ol|blockquote)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_PAGE = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_ALIGNED_STYLE = re.compile(r"text-align\s*:\s*(?:right|center)", re.IGNORECASE)


def looks_like_page(content: str) -> bool:
    """A whole HTML document (doctype, html, head or body element)."""
    return bool(_PAGE.search(content[:SNIFF_CHARS]))


def looks_like_fragment(content: str) -> bool:
    """Text whose body is HTML markup rather than plain lines."""
    sniffed = content[:SNIFF_CHARS]
    return len(_HTML_TAG.findall(sniffed)) >= FRAGMENT_MIN_TAGS or _CLOSED_BLOCK.search(sniffed) is not None


@dataclass
class _LineBuilder:
    """Collects inline text into lines; each flush makes one block."""

    blocks: list[Block] = field(default_factory=list)
    parts: list[tuple[str, bool]] = field(default_factory=list)
    aligned: bool = False
    heading: bool = False

    def text(self, value: str, italic: bool) -> None:
        self.parts.append((value, italic))

    def flush(self) -> None:
        text = tidy("".join(value for value, _ in self.parts))
        if text:
            italic = all(is_italic for value, is_italic in self.parts if value.strip())
            role = Role.HEADING if self.heading else Role.PARA
            self.blocks.append(Block(text, role=role, italic=italic, aligned=self.aligned))
        self.parts = []

    def image(self, description: str) -> None:
        self.flush()
        self.blocks.append(Block(description or "image", role=Role.IMAGE))


def markup_blocks(markup: str) -> tuple[Block, ...]:
    """Lines of an HTML fragment, with image, italic, alignment and heading hints."""
    soup = BeautifulSoup(markup, "lxml")
    builder = _LineBuilder()
    _walk(soup, builder, italic=False)
    builder.flush()
    return tuple(builder.blocks)


def _walk(node: Tag, builder: _LineBuilder, italic: bool) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue  # MS-Word conditional comments hold VML image markup
        if isinstance(child, NavigableString):
            builder.text(str(child), italic)
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in SKIPPED_TAGS or ":" in name:
            continue  # scripts, widgets and MS Office namespaced elements (v:shape, o:p)
        if name == "br":
            builder.flush()
        elif name in IMAGE_TAGS:
            builder.image(str(child.get("alt") or ""))
        elif name in BLOCK_TAGS:
            builder.flush()
            outer = (builder.aligned, builder.heading)
            builder.aligned = builder.aligned or _is_aligned(child)
            builder.heading = name in HEADING_TAGS
            _walk(child, builder, italic)
            builder.flush()
            builder.aligned, builder.heading = outer
        else:
            _walk(child, builder, italic or name in ITALIC_TAGS)


def _is_aligned(tag: Tag) -> bool:
    align = str(tag.get("align") or "").lower()
    return align in ("right", "center") or bool(_ALIGNED_STYLE.search(str(tag.get("style") or "")))


def clean_fragment(content: str, rules: CleaningRules) -> ArticleParts:
    """A text file of a title line followed by a CMS HTML body fragment."""
    first, _, rest = content.partition("\n")
    if looks_like_fragment(first):
        title, markup = None, content  # no title line: markup from the start
    else:
        title, markup = tidy(first) or None, rest
    blocks = markup_blocks(markup)
    header = read_header(blocks, rules, title_known=title is not None)
    if title is not None:
        header = replace(header, title=title)
    body = cut_tail(blocks[header.body_start:], rules)
    byline = split_trailing_byline(body, rules)
    body = drop_inline(byline.blocks, rules, header.title, caption_max_words=FRAGMENT_CAPTION_MAX_WORDS)
    outlet = split_outlet(body, rules)
    header = published_of(header, outlet.published, byline.published)
    authors = tuple(dict.fromkeys(header.authors + byline.authors))
    return ArticleParts(header, outlet.outlet, authors, assemble(outlet.blocks))
