"""Metadata of a full HTML page from its structure: meta tags, JSON-LD,
``<h1>``, ``<time>``, byline and breadcrumb elements, figure captions.

XPath over the lxml tree (the page is parsed once, and trafilatura reads the
same tree), so metadata costs well under a millisecond.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from lxml import html as lxml_html

from .blocks import tidy, word_count
from .cleanrules import CleaningRules
from .metadata import iso_from_machine, iso_published
from .shapes import is_person_name

PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate",
    "publish-date", "dc.date.issued", "dcterms.created", "dc.date", "date", "parsely-pub-date",
)
AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author")
SITE_KEYS = ("og:site_name", "application-name", "copyright", "twitter:site", "publisher", "twitter:creator")
SECTION_KEYS = ("article:section", "og:article:section", "section", "parsely-section")
HOME_CRUMBS = frozenset({"trang chủ", "home", "trang nhất", "tin tức"})
# An element with this many words is prose, not a byline, date or caption.
BYLINE_MAX_WORDS = 8
# The dateline of a page without date markup is among this many elements after the headline.
DATELINE_SEARCH_ELEMENTS = 8
CAPTION_MAX_WORDS = 80
# Site names in <title> and og:title follow the headline after one of these.
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
_LEAD_CLASS = re.compile(r"sapo|description|lead|summary|chapeau|intro|excerpt", re.IGNORECASE)
# A lead paragraph is a sentence or a few: between these word counts.
LEAD_MIN_WORDS, LEAD_MAX_WORDS = 8, 150
_URLISH = re.compile(r"https?://|www\.|\.(?:vn|com|net)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PageMeta:
    title: Optional[str]
    published: Optional[str]
    authors: tuple[str, ...]
    category: Optional[str]
    captions: tuple[str, ...]
    lead: Optional[str] = None


def page_metadata(tree: lxml_html.HtmlElement, rules: CleaningRules) -> PageMeta:
    """Title, publication time, authors, section and captions of a parsed page."""
    ld = _json_ld(tree)
    metas = _meta_index(tree)
    scope = _article_scope(tree)
    sites = tuple(filter(None, (_meta(metas, (key,)) for key in SITE_KEYS)))
    return PageMeta(
        title=_title(tree, metas, sites[0] if sites else None),
        published=_published(tree, metas, ld, scope, rules),
        authors=_authors(tree, metas, ld, scope, sites),
        category=_category(tree, metas),
        captions=_captions(tree),
        lead=_lead(tree),
    )


def _article_scope(tree: lxml_html.HtmlElement) -> Optional[lxml_html.HtmlElement]:
    """The element holding the article: an <article> with the headline, else the headline's grandparent."""
    articles = tree.xpath("//article[.//h1]") or tree.xpath("//article")
    if articles:
        return max(articles, key=lambda element: len(element.xpath(".//p")))
    headings = [h for h in tree.xpath("//h1") if _text(h)]
    if headings:
        parent = headings[0].getparent()
        grandparent = parent.getparent() if parent is not None else None
        return grandparent if grandparent is not None else parent
    return None


def _text(element: lxml_html.HtmlElement) -> str:
    return tidy(element.text_content())


def _meta_index(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Every <meta> value by its property / name / itemprop (lower-cased), first one kept."""
    index: dict[str, str] = {}
    for element in tree.iter("meta"):
        value = tidy(str(element.get("content") or ""))
        if not value:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key and key not in index:
                index[key] = value
    return index


def _meta(index: dict[str, str], keys: Iterable[str]) -> Optional[str]:
    for key in keys:
        value = index.get(key.lower())
        if value:
            return value
    return None


def _json_ld(tree: lxml_html.HtmlElement) -> list[dict]:
    """Every JSON-LD object of the page (lists and @graph flattened); bad JSON is skipped."""
    found: list[dict] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(value for key, value in item.items() if key == "@graph")
    return found


def _headline_element(tree: lxml_html.HtmlElement) -> Optional[lxml_html.HtmlElement]:
    """The article's headline: an h1 inside <article> or with "title" in its class, else the first h1."""
    headings = [h for h in tree.xpath("//h1") if _text(h)]
    for heading in headings:
        if heading.xpath("ancestor::article") or "title" in (heading.get("class") or "").lower():
            return heading
    return headings[0] if headings else None


def _title(tree: lxml_html.HtmlElement, metas: dict[str, str], site: Optional[str]) -> Optional[str]:
    headings = [h for h in tree.xpath("//h1") if _text(h)]
    heading = _headline_element(tree)
    if heading is not None and (heading.xpath("ancestor::article") or "title" in (heading.get("class") or "").lower()):
        return _text(heading)
    og_title = _meta(metas, ("og:title", "twitter:title"))
    if og_title:
        return _strip_site(og_title, site)
    if headings:
        return _text(headings[0])
    titles = tree.xpath("//title")
    return _strip_site(_text(titles[0]), site) if titles and _text(titles[0]) else None


def _strip_site(title: str, site: Optional[str]) -> str:
    stripped = _TITLE_SUFFIX.sub("", title)
    return stripped if stripped and (site is None or site not in stripped) else title


def _published(
    tree: lxml_html.HtmlElement, metas: dict[str, str], ld: list[dict],
    scope: Optional[lxml_html.HtmlElement], rules: CleaningRules,
) -> Optional[str]:
    for candidate in [_meta(metas, PUBLISHED_KEYS), *(str(item.get("datePublished") or "") for item in ld)]:
        value = iso_from_machine(candidate or "")
        if value:
            return value
    for element in tree.xpath("//time[@datetime]"):
        value = iso_from_machine(element.get("datetime") or "")
        if value:
            return value
    # A visible date near the headline: an element whose class says date or time,
    # inside the article (a date in the page header or a sidebar is not the article's).
    for element in [] if scope is None else scope.xpath(".//*[contains(@class,'date') or contains(@class,'time') or contains(@class,'publish')]"):
        text = _text(element)
        if 0 < word_count(text) <= BYLINE_MAX_WORDS + 4:
            stamp = rules.timestamp(text)
            if stamp is not None:
                return iso_published(stamp)
    dateline = _dateline_after_headline(tree, rules)
    return dateline or url_date(_canonical_url(tree, metas))


def _dateline_after_headline(tree: lxml_html.HtmlElement, rules: CleaningRules) -> Optional[str]:
    """A line that is only a date and time among the few elements right after the headline
    (``<h2>…</h2><p>16/08/2023 11:30</p>``): the article's own dateline."""
    heading = _headline_element(tree)
    heading = heading if heading is not None else _heading_like_title(tree)
    if heading is None:
        return None
    for element in heading.xpath(f"following::*[not(self::script or self::style)][position() <= {DATELINE_SEARCH_ELEMENTS}]"):
        text = _text(element)
        if 0 < word_count(text) <= BYLINE_MAX_WORDS + 4:
            stamp = rules.timestamp(text)
            if stamp is not None:
                return iso_published(stamp)
    return None


def _heading_like_title(tree: lxml_html.HtmlElement) -> Optional[lxml_html.HtmlElement]:
    """Without an h1, the h2/h3 that repeats the page's <title>."""
    titles = tree.xpath("//title")
    title = _text(titles[0]) if titles else ""
    if not title:
        return None
    for heading in tree.xpath("//h2|//h3"):
        text = _text(heading)
        # the heading may carry a section label before the title ("SỰ KIỆN NỔI BẬT Tập huấn …")
        if text and (title in text or text in title and 2 * len(text) >= len(title)):
            return heading
    return None


# Many Vietnamese outlets stamp the article's own URL with the day it was
# written: ``…-20221224012650880.htm`` or ``/2022/12/24/…``. The time in such a
# stamp is when the story was created, not published, so only the day is kept.
_URL_STAMP = re.compile(r"-(20\d{2})(\d{2})(\d{2})\d{0,12}\.s?html?$|/(20\d{2})/(\d{2})/(\d{2})/[^/]+$")


def _canonical_url(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> Optional[str]:
    for element in tree.xpath("//link[@rel='canonical'][@href]"):
        return str(element.get("href"))
    return _meta(metas, ("og:url",))


def url_date(url: Optional[str]) -> Optional[str]:
    """The bare date stamped in an article's own URL, or ``None``."""
    match = _URL_STAMP.search((url or "").split("?")[0])
    if not match:
        return None
    year, month, day = (int(g) for g in (match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _authors(
    tree: lxml_html.HtmlElement, metas: dict[str, str], ld: list[dict],
    scope: Optional[lxml_html.HtmlElement], sites: tuple[str, ...],
) -> tuple[str, ...]:
    """Bylines from JSON-LD, author elements and meta tags; the site's own name is not an author."""
    names: list[str] = []
    for item in ld:
        author = item.get("author")
        for entry in author if isinstance(author, list) else [author]:
            if isinstance(entry, dict) and entry.get("@type", "Person") == "Person":
                names.append(tidy(str(entry.get("name") or "")))
    for element in tree.xpath("//*[@rel='author' or @itemprop='author']") + (scope.xpath(
        ".//*[contains(@class,'author-name') or contains(@class,'author_name') or contains(@class,'byline')]"
    ) if scope is not None else []):
        names.append(_text(element))
    meta_author = _meta(metas, AUTHOR_KEYS)
    if meta_author:
        names.append(meta_author)
    kept = [
        name for name in names
        if name and word_count(name) <= BYLINE_MAX_WORDS and not _URLISH.search(name)
        and not any(name.casefold() in site.casefold() for site in sites) and is_person_name(name)
    ]
    return tuple(dict.fromkeys(kept))


def _category(tree: lxml_html.HtmlElement, metas: dict[str, str]) -> Optional[str]:
    section = _meta(metas, SECTION_KEYS)
    if section:
        return section
    for crumbs in tree.xpath("//*[contains(@class,'breadcrumb')]"):
        items = crumbs.xpath(".//a|.//li[not(.//a)]") or [crumbs]
        for item in items:
            text = _text(item)
            if text and text.casefold() not in HOME_CRUMBS:
                return text
    return None


def _lead(tree: lxml_html.HtmlElement) -> Optional[str]:
    """The lead paragraph (sapo) printed under the headline, which extractors often leave out.

    Looked for after the headline and inside the headline's own container, so
    that a sidebar teaser's description is never taken.
    """
    heading = _headline_element(tree)
    container = heading.getparent() if heading is not None else None
    if container is None:
        return None
    after_heading = False
    for element in container.iter():
        if element is heading:
            after_heading = True
            continue
        if not after_heading or not isinstance(element.tag, str):
            continue
        if _LEAD_CLASS.search(element.get("class") or ""):
            text = _text(element)
            if LEAD_MIN_WORDS <= word_count(text) <= LEAD_MAX_WORDS:
                return text
    return None


def _captions(tree: lxml_html.HtmlElement) -> tuple[str, ...]:
    found = []
    for element in tree.xpath("//figcaption|//*[contains(@class,'caption') and not(ancestor::figcaption)]"):
        text = _text(element)
        if text and word_count(text) <= CAPTION_MAX_WORDS:
            found.append(text)
    return tuple(dict.fromkeys(found))
