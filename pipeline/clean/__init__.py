"""Clean stage: a ``RawDocument`` to the article's own prose and metadata.

``clean(raw, rules)`` picks the cleaner by the input's shape: a full HTML page
(main content through trafilatura, metadata from the page structure), a text
file whose body is a CMS HTML fragment, or a plain-text dump of a page.
Boilerplate phrases, byline and date patterns are data in
``rules/boilerplate.yaml`` and ``rules/article_meta.yaml``.
"""

from __future__ import annotations

from ..document import CleanedArticle, RawDocument
from ..rules import RuleSet
from .cleanrules import CleaningRules
from .fragment import clean_fragment, looks_like_fragment, looks_like_page
from .page import clean_page
from .textdump import clean_text

__all__ = ["clean"]

WARN_NO_TITLE = "no title"
WARN_EMPTY_BODY = "no article text found"
WARN_CAPTIONS_ONLY = "only photo captions found"
WARN_FRAGMENT = "html fragment in text file"


def clean(raw: RawDocument, rules: RuleSet) -> CleanedArticle:
    """The article's own prose (``body``), its captions and its metadata."""
    cleaning_rules = CleaningRules.from_ruleset(rules)
    warnings: list[str] = []
    if raw.kind == "html" or looks_like_page(raw.content):
        parts = clean_page(raw.content, cleaning_rules)
    elif raw.kind == "fragment" or looks_like_fragment(raw.content):
        if raw.kind != "fragment":
            warnings.append(WARN_FRAGMENT)
        parts = clean_fragment(raw.content, cleaning_rules)
    else:
        parts = clean_text(raw.content, cleaning_rules)
    warnings.extend(parts.warnings)
    if not parts.header.title:
        warnings.append(WARN_NO_TITLE)
    if not parts.assembled.body:
        # A photo report whose every line is a caption is still read, from its captions.
        warnings.append(WARN_CAPTIONS_ONLY if parts.assembled.captions else WARN_EMPTY_BODY)
    return CleanedArticle(
        body=parts.assembled.body,
        title=parts.header.title,
        published=parts.header.published,
        published_month=parts.header.published_month,
        authors=parts.authors,
        outlet=parts.outlet,
        category=parts.header.category,
        captions=parts.assembled.captions,
        warnings=tuple(warnings),
    )
