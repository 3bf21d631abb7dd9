"""Full HTML pages: main content through trafilatura, metadata from the page.

The page is parsed once with lxml. Metadata (title, time, authors, section,
captions) comes from the page structure first, because trafilatura may prune
the tree it is given. trafilatura then finds the main content; its paragraphs
get the same Vietnamese clean-up as text dumps (outlet lead tag, headline
repeats, related-article links, trailing "Theo …" credits, boilerplate
sections), and paragraphs that are figure captions become captions.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .blocks import CONTROL_CHARS, Block, Role, tidy, word_count
from .boilerplate import cut_tail, drop_inline
from .cleanrules import CleaningRules
from .bylines import split_trailing_byline
from .metadata import Header, published_of, split_outlet
from .pagemeta import PageMeta, page_metadata
from .paragraphs import ArticleParts, assemble

# trafilatura logs markup oddities of the pages it reads ("missing link attribute") as
# warnings on stderr; they say nothing about the article and clutter a batch run's output.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

WARN_NOT_PARSED = "html page could not be parsed"
WARN_FALLBACK = "main content not found by trafilatura; page paragraphs used"

# Server-side template directives (JSP, PHP, ASP) left in a saved page, and the
# XML declaration (lxml refuses a str that declares an encoding).
_DIRECTIVE = re.compile(r"<%[^<>]{0,2000}?%>|<\?[^<>]{0,2000}?\?>")
# A paragraph that is only a link this short is a link to another article.
LINK_MAX_WORDS = 30
# The lead is looked for among this many first blocks of the extracted content.
LEAD_SEARCH_BLOCKS = 6
# Elements read as paragraphs when trafilatura finds nothing.
FALLBACK_XPATH = ".//p|.//h2|.//h3|.//h4|.//li|.//figcaption"


def clean_page(content: str, rules: CleaningRules) -> ArticleParts:
    """Metadata, article paragraphs and captions of a full HTML page."""
    markup = CONTROL_CHARS.sub("", _DIRECTIVE.sub("", content)).strip()
    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ArticleParts(Header(None, None, None, (), 0), None, (), assemble(()), (WARN_NOT_PARSED,))
    meta = page_metadata(tree, rules)
    parts = _article_parts(_main_content(tree, meta), meta, rules)
    if not parts.assembled.body:
        # trafilatura found nothing, or only the headline: read the page's paragraphs
        # (from a fresh parse: trafilatura prunes the tree it is given).
        fresh = lxml_html.document_fromstring(markup)
        fallback = _article_parts(_fallback_blocks(fresh, meta), meta, rules)
        parts = replace(fallback, warnings=(WARN_FALLBACK,))
    return parts


def _article_parts(blocks: tuple[Block, ...], meta: PageMeta, rules: CleaningRules) -> ArticleParts:
    """The Vietnamese clean-up of a page's content blocks, with the page's metadata."""
    if meta.lead and not any(meta.lead in block.text or block.text in meta.lead for block in blocks[:LEAD_SEARCH_BLOCKS]):
        blocks = (Block(meta.lead), *blocks)  # the extractor left the lead out
    blocks = cut_tail(blocks, rules)
    byline = split_trailing_byline(blocks, rules)
    body = drop_inline(byline.blocks, rules, meta.title, caption_max_words=0)
    outlet = split_outlet(body, rules)
    authors = tuple(dict.fromkeys(meta.authors + byline.authors))
    header = published_of(Header(meta.title, meta.category, meta.published, authors, 0), outlet.published, byline.published)
    return ArticleParts(header, outlet.outlet, authors, assemble(outlet.blocks))


def _main_content(tree: lxml_html.HtmlElement, meta: PageMeta) -> tuple[Block, ...]:
    try:
        document = trafilatura.bare_extraction(
            tree, include_comments=False, include_links=True, include_images=True, include_tables=True
        )
    except Exception:  # noqa: BLE001 - a page that breaks the extractor falls back to its paragraphs
        return ()
    body = getattr(document, "body", None)
    if body is None:
        return ()
    captions = frozenset(meta.captions)
    blocks: list[Block] = []
    for element in body.iterchildren():
        blocks.extend(_element_blocks(element, captions))
    return tuple(blocks)


def _element_blocks(element: etree._Element, captions: frozenset[str]) -> list[Block]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "graphic":
        return [Block(tidy(element.get("alt") or "") or "image", role=Role.IMAGE)]
    if tag in ("list", "table", "quote") and len(element):
        parts = element.xpath("./item|./row|./p|./list|./quote|./head")
        if parts:
            return [block for part in parts for block in _element_blocks(part, captions)]
    text = tidy("".join(element.itertext()))
    if not text:
        return []
    if text in captions:
        return [Block(text, role=Role.CAPTION)]
    if tag == "head":
        return [Block(text, role=Role.HEADING)]
    if _only_link(element, text):
        return [Block(text, role=Role.LINK)]
    return [Block(text)]


def _only_link(element: etree._Element, text: str) -> bool:
    """All of the paragraph's text sits in links: a related-article link, not prose."""
    if word_count(text) > LINK_MAX_WORDS:
        return False
    linked = tidy("".join("".join(ref.itertext()) for ref in element.iter("ref")))
    return bool(linked) and linked == text


def _fallback_blocks(tree: lxml_html.HtmlElement, meta: PageMeta) -> tuple[Block, ...]:
    """Paragraph elements of the article (or the body) when trafilatura returns nothing."""
    scope = (tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree])[0]
    captions = frozenset(meta.captions)
    blocks = []
    for element in scope.xpath(FALLBACK_XPATH):
        if element.xpath("ancestor::nav|ancestor::header|ancestor::footer|ancestor::aside"):
            continue
        text = tidy(element.text_content())
        if not text or element.xpath(".//p|.//li"):
            continue
        role = Role.CAPTION if text in captions else (Role.HEADING if element.tag in ("h2", "h3", "h4") else Role.PARA)
        blocks.append(Block(text, role=role))
    return tuple(blocks)
