"""Is this page an article? Evidence from structured data, markup, URL and the extracted text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

ARTICLE = "article"
# JSON-LD types that say "a story" (WebPage says nothing: every page is one).
_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "report", "scholarlyarticle",
    "techarticle", "socialmediaposting", "reviewnewsarticle", "askpublicnewsarticle", "review",
}
# JSON-LD types of pages that are not stories, and the kind each names.
_OTHER_TYPES = {
    "product": "product", "productgroup": "product", "offer": "product", "aggregateoffer": "product",
    "itemlist": "listing", "collectionpage": "listing", "searchresultspage": "listing",
    "discussionforumposting": "forum", "qapage": "forum", "question": "forum",
    "softwareapplication": "service", "service": "service", "localbusiness": "service",
    "faqpage": "service", "contactpage": "service", "aboutpage": "service", "profilepage": "service",
}
# URL path segments of pages that are not stories.
_OTHER_PATH = re.compile(
    r"/(?:products?|shop|store|cart|checkout|collections?|category|categories|tags?|topics?|forums?|"
    r"threads?|community|questions|docs|documentation|reference|api|manual|search|pricing|plans|"
    r"login|signup|register|account|contact|about|careers|jobs)(?:/|$|\.)",
    re.I,
)
_DATED_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?|\d{8}|/(?:news|article|articles|story|stories|blog|post)s?/",
                         re.I)


@dataclass
class PageSignals:
    """What the page's markup says about its kind, gathered before the text is extracted."""

    url: str = ""
    title: str = ""
    types: list[str] = field(default_factory=list)  # JSON-LD @type values, lower-cased
    og_type: str = ""
    has_published: bool = False  # a publication date in meta tags or JSON-LD
    has_byline: bool = False  # authors found
    article_elements: int = 0  # <article> elements
    prices: int = 0  # price and offer markup
    carts: int = 0  # add-to-cart controls
    forms: int = 0


_CART = ("//*[contains(@class, 'add-to-cart') or contains(@class, 'addtocart') or contains(@class, 'add_to_cart')"
         " or contains(@name, 'add-to-cart') or contains(@id, 'add-to-cart')]")
_PRICES = "//*[@itemprop='price' or @itemprop='offers' or @itemprop='priceCurrency']"
# Whole-tree XPaths with predicates on every element are most of this module's cost; one
# cheap list of every attribute value says whether the exact query can match at all.
_ATTRIBUTE_VALUES = etree.XPath("//@*", smart_strings=False)
_PRICE_VALUES = {"price", "offers", "priceCurrency"}
_CART_WORDS = ("add-to-cart", "addtocart", "add_to_cart")


def _count(tree, element_tag: str) -> int:
    return sum(1 for _ in tree.iter(element_tag))


def page_signals(tree, url: str, title: str | None, jsonld_types: list[str], og_type: str | None,
                 has_published: bool, has_byline: bool) -> PageSignals:
    """Signals of one parsed page (call before the page's chrome is pruned)."""
    values = _ATTRIBUTE_VALUES(tree)
    joined = " ".join(values)
    has_price = not _PRICE_VALUES.isdisjoint(values)
    has_cart = any(word in joined for word in _CART_WORDS)
    return PageSignals(
        url=url,
        title=title or "",
        types=[t.lower() for t in jsonld_types],
        og_type=(og_type or "").lower(),
        has_published=has_published,
        has_byline=has_byline,
        article_elements=_count(tree, "article"),
        prices=len(tree.xpath(_PRICES)) if has_price else 0,
        carts=len(tree.xpath(_CART)) if has_cart else 0,
        forms=_count(tree, "form"),
    )


def features(signals: PageSignals, paragraphs: list[str]) -> list[float]:
    """The detector's inputs: structured data, markup, URL shape and text shape."""
    path = urlsplit(signals.url).path
    slug = [part for part in path.split("/") if part][-1:] or [""]
    slug_words = len(re.findall(r"[A-Za-z0-9]+", re.sub(r"\.\w{2,5}$", "", slug[0])))
    total = sum(len(p) for p in paragraphs)
    prose = [p for p in paragraphs if len(p) >= 150 and re.search(r"[.!?。！？]", p)]
    short = [p for p in paragraphs if len(p) < 60]
    n = len(paragraphs) or 1
    return [
        1.0 if any(t in _ARTICLE_TYPES for t in signals.types) else 0.0,
        1.0 if any(t in _OTHER_TYPES for t in signals.types) else 0.0,
        1.0 if signals.og_type == "article" else 0.0,
        1.0 if signals.og_type.startswith("product") else 0.0,
        1.0 if signals.has_published else 0.0,
        1.0 if signals.has_byline else 0.0,
        min(signals.article_elements, 10) / 10,
        1.0 if signals.prices else 0.0,
        1.0 if signals.carts else 0.0,
        min(signals.forms, 10) / 10,
        1.0 if _OTHER_PATH.search(path) else 0.0,
        1.0 if _DATED_PATH.search(path) else 0.0,
        min(slug_words, 15) / 15,
        min(len(signals.title.split()), 20) / 20,
        math.log1p(total) / 10,
        min(len(prose), 30) / 30,
        sum(len(p) for p in prose) / total if total else 0.0,
        len(short) / n,
    ]


# A logistic model over `features`, fitted on the WCXB dev split by bench/page_kind_fit.py
# (5-fold cross-validated figures in bench/README.md); the decision threshold is folded into
# BIAS so that recall stays near 0.985: losing an article costs more than keeping a page.
# A page is dropped only when the markup also names another kind of page (_says_otherwise).
WEIGHTS: tuple[float, ...] = (
    0.929, -0.828, 1.307, -0.387, 0.317, 0.661, -0.182, -0.182, -0.498, -0.454, -1.220, 1.412, 1.286, 0.574,
    0.358, 1.063, 0.574, -0.038,
)
BIAS = -0.891


def article_score(signals: PageSignals, paragraphs: list[str]) -> float:
    """Above 0: an article."""
    if not WEIGHTS:
        return 1.0
    return sum(w * x for w, x in zip(WEIGHTS, features(signals, paragraphs))) + BIAS


def _says_otherwise(signals: PageSignals) -> bool:
    """Markup that names another kind of page: a low score alone (a short story on a bare page,
    no structured data) is not enough to drop a page."""
    return bool(
        any(t in _OTHER_TYPES for t in signals.types) or signals.og_type.startswith("product")
        or signals.prices or signals.carts or signals.article_elements >= 3
        or _OTHER_PATH.search(urlsplit(signals.url).path)
    )


def page_kind(signals: PageSignals, paragraphs: list[str]) -> str:
    """`article`, or the kind of page it is instead (`product`, `listing`, `forum`, `service`, `other`)."""
    if article_score(signals, paragraphs) >= 0 or not _says_otherwise(signals):
        return ARTICLE
    named = next((_OTHER_TYPES[t] for t in signals.types if t in _OTHER_TYPES), None)
    if named is None and signals.og_type.startswith("product"):
        named = "product"
    return named or "other"
