"""Is this page an article? Evidence from structured data, markup, URL and the extracted text."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from newscrawl.extraction.page_layout import Layout, layout_features, page_layout, teaser_grid

ARTICLE = "article"
# JSON-LD / microdata types that say "a story" (WebPage says nothing: every page is one).
_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "report", "scholarlyarticle",
    "techarticle", "socialmediaposting", "reviewnewsarticle", "askpublicnewsarticle", "review",
}
# JSON-LD / microdata types of pages that are not stories, and the kind each names.
_OTHER_TYPES = {
    "product": "product", "productgroup": "product", "offer": "product", "aggregateoffer": "product",
    "itemlist": "listing", "collectionpage": "listing", "searchresultspage": "listing",
    "discussionforumposting": "forum", "qapage": "forum", "question": "forum",
    "softwareapplication": "service", "service": "service", "localbusiness": "service",
    "faqpage": "service", "contactpage": "service", "aboutpage": "service", "profilepage": "service",
}
# Microdata types of the parts of a discussion (posts, answers, comments).
_THREAD_TYPES = {"comment", "answer", "question", "discussionforumposting", "usercomments"}
# URL path segments of pages that are not stories (not `community`: local papers file news there).
_OTHER_PATH = re.compile(
    r"/(?:products?|shop|store|cart|checkout|collections?|category|categories|tags?|topics?|forums?|"
    r"threads?|questions|docs|documentation|reference|api|manual|search|pricing|plans|"
    r"login|signup|register|account|contact|about|careers|jobs|t|c|viewtopic|discussions?|calculators?)(?:/|$|\.)",
    re.I,
)
# Host names of documentation, help, shop and discussion sites (`docs.example.org`, `forum.example.org`).
_OTHER_HOST = re.compile(
    r"^(?:docs?|developers?|help|support|shop|store|forums?|community|discuss|discourse|wiki|api|bbs|answers|kb)\.",
    re.I,
)
# Path words of service and product-marketing pages: weaker than _OTHER_PATH (guides live there too).
# Not `/service/` nor `/features/`: news sites file stories there.
_SERVICE_PATH = re.compile(
    r"/(?:services|solutions?|platform|pricing|what-we-do|industries|capabilities|use-cases)(?:/|$|\.)", re.I
)
_DATED_PATH = re.compile(r"/(?:19|20)\d\d/(?:[01]?\d/)?|\d{8}|/(?:news|article|articles|story|stories|blog|post)s?/",
                         re.I)
# Class words of shop controls and of bylines; bounded so `cartoon` or `authority` don't count.
# Matched on lower-cased names with `_` made `-`, so that \b bounds a name's parts.
_CART_CLASS = re.compile(r"\b(?:cart|basket|checkout|addtocart)\b")
_BYLINE_CLASS = re.compile(r"\b(?:author|byline)\b")
# Words each of those needs: most pages have none, and a substring test is far cheaper than the scan.
_CART_WORDS, _BYLINE_WORDS = ("cart", "basket", "checkout"), ("author", "byline")
_WORD = re.compile(r"\w+")
# Query parameters of click tracking (campaign tags, ad and shopping click ids): they name no page.
_TRACKING = re.compile(r"utm_\w+$|(?:srsltid|gclid|gbraid|wbraid|fbclid|msclkid|mc_cid|mc_eid|yclid|ref)$", re.I)
# First person singular: forum posts and personal pages talk like this more than reports do.
_FIRST_PERSON = {"i", "my", "me", "ich", "mein", "meine", "je", "mon", "ma"}
# First person plural: a business describing its services.
_WE = {"we", "our", "us", "wir", "unser", "unsere", "nous", "notre"}
# Second person: service pages and shops address the customer.
_YOU = {"you", "your", "yours", "dein", "deine", "vous", "votre", "vos"}
# Prices in the text: a number with a currency sign or code.
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?(?:€|EUR|USD|GBP)(?!\w)")


@dataclass
class PageSignals:
    """What the page's markup says about its kind, gathered before the text is extracted."""

    url: str = ""
    title: str = ""
    types: list[str] = field(default_factory=list)  # JSON-LD and microdata @type values, lower-cased
    og_type: str = ""
    has_published: bool = False  # a publication date in meta tags or JSON-LD
    has_byline: bool = False  # authors found
    article_elements: int = 0  # <article> elements
    prices: int = 0  # price and offer markup
    carts: int = 0  # add-to-cart / basket / checkout controls
    forms: int = 0
    code_blocks: int = 0  # <pre> and <code>: documentation and forums
    times: int = 0  # <time> elements: dates of stories and posts
    byline_marks: int = 0  # elements whose class names an author or byline
    thread_items: int = 0  # microdata comments, answers, forum posts
    main_block: int = 0  # characters of <p> text under the one parent that holds the most
    headings: int = 0  # <h2>-<h4>: a landing page is many headings over short blurbs
    buttons: int = 0  # <button>, <input> and <select> controls: shops and apps
    layout: Layout = field(default_factory=Layout)  # teaser links, images, discussion markup


# Counts in one XPath call that returns a string: no Python object per element (building those
# cost more than all the rest of the detector).
# (Unions such as `//pre | //code` cost a sort each: sums of counts don't.)
_COUNTS = etree.XPath(
    "concat(count(//article), ' ', count(//form), ' ', count(//pre) + count(//code), ' ', count(//time), ' ',"
    " count(//a[@rel='author']), ' ', count(//@itemprop[.='price' or .='offers' or .='priceCurrency']), ' ',"
    " count(//h2) + count(//h3) + count(//h4), ' ', count(//button) + count(//input) + count(//select))"
)
_CLASSES = etree.XPath("//@class", smart_strings=False)
_ITEMTYPES = etree.XPath("//@itemtype", smart_strings=False)


def _marks(pattern: re.Pattern, words: tuple[str, ...], classes: str) -> int:
    return len(pattern.findall(classes)) if any(word in classes for word in words) else 0


def _main_block(tree) -> int:
    """Paragraph text under one parent: a story is one long run of <p>, a grid many short ones."""
    blocks: Counter = Counter()
    for paragraph in tree.iter("p"):
        blocks[paragraph.getparent()] += len(paragraph.text_content())
    return max(blocks.values(), default=0)


def page_signals(tree, url: str, title: str | None, jsonld_types: list[str], og_type: str | None,
                 has_published: bool, has_byline: bool) -> PageSignals:
    """Signals of one parsed page (call before the page's chrome is pruned)."""
    articles, forms, code, times, author_links, prices, headings, buttons = (
        int(float(n)) for n in _COUNTS(tree).split()
    )
    classes = " ".join(_CLASSES(tree)).lower().replace("_", "-")
    microdata = [t.rstrip("/").rsplit("/", 1)[-1].lower() for value in _ITEMTYPES(tree) for t in value.split()]
    return PageSignals(
        url=url,
        title=title or "",
        types=[*(t.lower() for t in jsonld_types), *microdata],
        og_type=(og_type or "").lower(),
        has_published=has_published,
        has_byline=has_byline,
        article_elements=articles,
        prices=prices,
        carts=_marks(_CART_CLASS, _CART_WORDS, classes),
        forms=forms,
        code_blocks=code,
        times=times,
        byline_marks=_marks(_BYLINE_CLASS, _BYLINE_WORDS, classes) + author_links,
        thread_items=sum(1 for t in microdata if t in _THREAD_TYPES),
        main_block=_main_block(tree),
        headings=headings,
        buttons=buttons,
        layout=page_layout(tree, classes),
    )


def _text_rates(paragraphs: list[str]) -> tuple[float, float, float, float]:
    """Shares of the text's words: first person singular, first person plural, numbers, years."""
    text = " ".join(paragraphs).lower()
    words = Counter(_WORD.findall(text))
    n = sum(words.values()) or 1
    first_person = sum(words[w] for w in _FIRST_PERSON) / n
    we = sum(words[w] for w in _WE) / n
    # Numbers (`\b\d+\b`) are the words made of decimal digits only, years the four-digit ones
    # from 1900 to 2099: counted from the words, not by scanning the text twice more.
    digits = [w for w in words if w.isdecimal()]
    numbers = sum(words[w] for w in digits) / n
    years = sum(words[w] for w in digits if len(w) == 4 and w[:2] in ("19", "20")) / n
    return min(first_person * 20, 1.0), min(we * 20, 1.0), min(numbers * 10, 1.0), min(years * 200, 1.0)


def _shape(paragraphs: list[str]) -> tuple[float, float, float, float, float]:
    """Second-person rate, share of heading-like lines, lines per paragraph, questions per
    sentence, prices: the text of a landing page, a shop or a thread rather than of a story."""
    text = " ".join(paragraphs)
    words = _WORD.findall(text.lower())
    you = sum(1 for w in words if w in _YOU) / (len(words) or 1)
    n = len(paragraphs) or 1
    headings = sum(1 for p in paragraphs if len(p) < 80 and not re.search(r"[.!?:。！？]$", p.strip())) / n
    lines = sum(p.count("\n") + 1 for p in paragraphs) / n
    sentences = len(re.findall(r"[.!?。！？](?:\s|$)", text)) or 1
    questions = min(text.count("?") / sentences, 1.0)
    return min(you * 20, 1.0), headings, min(lines, 5) / 5, questions, math.log1p(len(_PRICE.findall(text))) / 5


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
        min(signals.code_blocks, 30) / 30,
        min(signals.times, 10) / 10,
        1.0 if signals.byline_marks else 0.0,
        min(signals.thread_items, 10) / 10,
        math.log1p(signals.main_block) / 10,
        *_text_rates(paragraphs),
        1.0 if _OTHER_HOST.match(urlsplit(signals.url).hostname or "") else 0.0,
        1.0 if _SERVICE_PATH.search(path) else 0.0,
        math.log1p(signals.headings) / 5,
        math.log1p(signals.buttons) / 5,
        *_shape(paragraphs),
        1.0 if _is_home(signals.url) else 0.0,
        *layout_features(signals.layout, paragraphs),
    ]
# A logistic model over `features`, fitted on the WCXB dev split by bench/page_kind_fit.py
# (in-sample and site-grouped cross-validated figures in bench/README.md); the decision threshold
# is folded into BIAS so that recall stays near 0.987: losing an article costs more than keeping a page.
# A low score drops a page only when its markup, URL or layout also names another kind of page (_says_otherwise).
WEIGHTS: tuple[float, ...] = (
    1.158, -1.061, 1.218, -1.157, 0.063, 0.818, 0.297, -0.241, -0.727, -0.378, -1.747, 1.927, 2.530, 1.050,
    0.573, 0.590, 0.775, 0.211, -1.656, -0.377, 0.764, -0.615, 3.206, -0.721, -1.793, -0.349, 0.600, -2.014,
    -1.736, -0.001, -0.788, 0.090, -0.042, 0.423, 0.175, -0.361, -1.321, -0.365, -1.647, -1.211,
)
BIAS = -2.369


def article_score(signals: PageSignals, paragraphs: list[str]) -> float:
    """Above 0: an article."""
    if not WEIGHTS:
        return 1.0
    return sum(w * x for w, x in zip(WEIGHTS, features(signals, paragraphs))) + BIAS


def _is_home(url: str) -> bool:
    """A site's front page (`https://example.org/`, `/en-us/`): never one story. A query other than
    click tracking names a page (`/?p=31228` is a WordPress story)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    return parts.scheme in ("http", "https") and all(
        _TRACKING.match(pair.split("=", 1)[0]) for pair in parts.query.split("&") if pair
    ) and (
        not segments or (len(segments) == 1 and bool(re.fullmatch(r"[a-z]{2}(?:[-_][a-z]{2})?", segments[0], re.I)))
    )


def _says_otherwise(signals: PageSignals, paragraphs: list[str]) -> bool:
    """Markup, a URL or a layout that names another kind of page (a front page, a docs/forum/shop
    host, a /services/ path, a grid of teasers): a low score alone (a short story on a bare page, no
    structured data) is not enough to drop a page."""
    parts = urlsplit(signals.url)
    return bool(
        any(t in _OTHER_TYPES for t in signals.types) or signals.og_type.startswith("product")
        or signals.prices or signals.carts or signals.article_elements >= 3
        or signals.code_blocks > 3 or signals.thread_items  # documentation, a discussion
        or _OTHER_PATH.search(parts.path) or _SERVICE_PATH.search(parts.path)
        or _OTHER_HOST.match(parts.hostname or "") or _is_home(signals.url)
        or teaser_grid(signals.layout, paragraphs)
    )


def page_kind(signals: PageSignals, paragraphs: list[str]) -> str:
    """`article`, or the kind of page it is instead (`product`, `listing`, `forum`, `service`, `other`)."""
    if article_score(signals, paragraphs) >= 0 or not _says_otherwise(signals, paragraphs):
        return ARTICLE
    named = next((_OTHER_TYPES[t] for t in signals.types if t in _OTHER_TYPES), None)
    if named is None and signals.og_type.startswith("product"):
        named = "product"
    if named is None and teaser_grid(signals.layout, paragraphs):
        named = "listing"
    return named or "other"
