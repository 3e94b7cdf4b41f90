"""extract_article: a pure function of (html, url, site hints) -> the record's fields."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
from trafilatura.settings import Document

from newscrawl.extraction import wire as wires
from newscrawl.extraction.body_parts import merge_body_parts, split_body_parts
from newscrawl.extraction.boilerplate import (SiteBoilerplate, page_blocks, remove_blocks, settle_removals, story_key,
                                              template_blocks)
from newscrawl.extraction.dates import normalise_date, parse_date, parse_moment
from newscrawl.extraction.decoding import decode_html
from newscrawl.extraction.disclosures import reveal_collapsed
from newscrawl.extraction.errors import BadInput
from newscrawl.extraction.header import header_lines
from newscrawl.extraction.hints import SiteHints
from newscrawl.extraction.language import detect_language, iso_language
from newscrawl.extraction.line_rules import drop_trailing_bylines, is_furniture
from newscrawl.extraction.metadata import first, page_metadata
from newscrawl.extraction.page_kind import page_kind, page_signals
from newscrawl.extraction.page_rules import is_junk_paragraph, prune_page_chrome
from newscrawl.extraction.paragraphs import drop_repeated_runs, has_sentence, output_paragraphs, split_double_breaks
from newscrawl.extraction.parsing import load_html
from newscrawl.extraction.names import clean_title, is_site_heading
from newscrawl.extraction.page_dates import page_date, shown_published
from newscrawl.extraction.people import page_authors
from newscrawl.extraction.recall import fuller_paragraphs
from newscrawl.extraction.selectors import select, select_texts

# Pages larger than this are not news articles (trafilatura's own cap is 20 MB).
MAX_PAGE_BYTES = 16 * 1024 * 1024
# Less main text than this is a menu or a caption, not an article.
MIN_ARTICLE_CHARS = 80


def site_of(url: str) -> str:
    """The host of a URL without `www.`: the record's `site`."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _text_tree(tree, hints: SiteHints | None):
    """The part of the page that holds the text: the hinted body container, else the page."""
    if hints and hints.body:
        containers = [m for m in select(tree, hints.body) if isinstance(m, etree._Element)]
        if containers:
            inner = "".join(etree.tostring(c, encoding="unicode", with_tail=False) for c in containers)
            return lxml.html.document_fromstring(f"<html><body>{inner}</body></html>")
    return tree


def drop_hinted(tree, hints: SiteHints | None) -> None:
    """Remove the elements a site's hints name as never text (widgets, sidebars)."""
    for expression in hints.drop if hints else ():
        for element in select(tree, expression):
            if isinstance(element, etree._Element) and element.getparent() is not None:
                element.drop_tree()


def _trafilatura_paragraphs(tree, url: str, favor_recall: bool = False) -> list[str]:
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_recall=favor_recall,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,  # its cache is process-global: output would depend on order
        output_format="txt",  # only the body tree is read: no need to render it as text too
    )
    return output_paragraphs(document.body) if document is not None and document.body is not None else []


def main_paragraphs(tree, url: str, hints: SiteHints | None = None) -> list[str]:
    """The page's main-text paragraphs, by trafilatura (within the hinted container, if any).

    A body split over same-class containers is merged in `tree` (in place) and extracted
    again: trafilatura alone would return only its first part. Where the text kept is a
    small share of the page's, trafilatura's recall pass may give the rest (extraction.recall).
    """
    text_tree = _text_tree(tree, hints)
    split_double_breaks(text_tree)
    reveal_collapsed(text_tree)
    paragraphs = _trafilatura_paragraphs(text_tree, url)
    parts = split_body_parts(text_tree, paragraphs)
    if parts:
        merge_body_parts(parts)
        paragraphs = _trafilatura_paragraphs(text_tree, url)
    recall_pass = lambda: _trafilatura_paragraphs(text_tree, url, favor_recall=True)  # noqa: E731
    return fuller_paragraphs(paragraphs, text_tree, recall_pass)


def _unpruned_if_prose(html, url: str, hints: SiteHints | None, declared_encoding: str | None) -> list[str] | None:
    """The page's paragraphs without the page rules, when they hold sentences; else None.

    Removing a page's link lists can leave trafilatura choosing a menu over the story (text
    without a single sentence): the story, with whatever link lists come along, beats a menu.
    """
    tree = parse_page(html, declared_encoding)
    drop_hinted(tree, hints)
    paragraphs = main_paragraphs(tree, url, hints)
    return paragraphs if has_sentence(paragraphs) else None


_BYLINE_BLOCK = re.compile(r"^(by|von|par|por)\s+\S", re.I)
_DATE_BLOCK = re.compile(r"^(date|published|updated|posted)\s*:?\s*[\d\w ,:./+-]{6,40}$", re.I)


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def drop_leading_chrome(paragraphs: list[str], titles: list[str | None]) -> list[str]:
    """Drop the headline and byline that trafilatura often keeps at the top of the text."""
    keys = {_squash(t) for t in titles if t}
    start = 0
    while start < len(paragraphs) and start < 3:
        block = paragraphs[start]
        squashed = _squash(block)
        if squashed in keys or any(k and k.startswith(squashed) and len(squashed) > 20 for k in keys):
            start += 1
        elif _BYLINE_BLOCK.match(block) and len(block.split()) <= 12 and not block.endswith("."):
            start += 1
        elif _DATE_BLOCK.match(block) or (len(block.split()) <= 6 and parse_date(block) is not None):
            start += 1
        else:
            break
    return paragraphs[start:]


def _hinted(tree, expression: str | None) -> list[str]:
    return select_texts(tree, expression) if expression else []


def _published(candidates, now) -> tuple[str | None, str | None]:
    """(ISO date, raw string) of the first plausible candidate, in precedence order."""
    for raw in candidates:
        if raw and str(raw).strip():
            value = normalise_date(str(raw), now)
            if value:
                return value, str(raw).strip()
    return None, None


def parse_page(html: bytes | str, declared_encoding: str | None = None):
    """An lxml tree of a page, or BadInput saying why there is none."""
    if len(html) > MAX_PAGE_BYTES:
        raise BadInput("too_large", f"page too large ({len(html) / 1e6:.1f} MB > {MAX_PAGE_BYTES / 1e6:.0f} MB)")
    text = decode_html(html, declared_encoding)
    tree = load_html(text)
    if tree is None or not len(tree):
        raise BadInput("not_html", "not an HTML document")
    return tree


def template_observation(html: bytes | str, url: str, declared_encoding: str | None = None):
    """(site, block keys, story key) of a page, for teaching a memory a batch's templates before
    extracting any of it; None for a page that cannot be read (extraction will say why)."""
    try:
        tree = parse_page(html, declared_encoding)
    except BadInput:
        return None
    blocks = page_blocks(tree)
    return site_of(url), [key for _, key, _ in blocks], story_key(blocks, url)


def _trafilatura_metadata(tree, url: str) -> Document:
    """trafilatura's `extract_metadata` cut down to what a record takes from it: the title.

    Same sources in the same order (meta tags, JSON-LD, <title>/<h1>); its date (htmldate),
    author, category, tag, licence and site-name searches, whose results were thrown away or
    are found by newscrawl.extraction.page_dates, were most of its cost.
    """
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # extract_metadata shields its JSON-LD parser the same way
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    metadata.clean_and_trim()
    return metadata


def _visible_headline(meta: dict) -> str | None:
    """The page's <h1> when it agrees with the declared titles (half its words in them).

    og:title and JSON-LD headline are often the SEO version of the headline; the <h1> is
    what the reader sees. An <h1> that shares little with them is a logo or a section name.
    """
    h1 = meta["h1"]
    words = set(re.findall(r"\w+", (h1 or "").lower()))
    if not h1 or len(words) < 2 or len(h1) > 250:
        return None
    declared = set(re.findall(r"\w+", f"{meta['title'] or ''} {meta['html_title'] or ''}".lower()))
    return h1 if len(words & declared) >= 0.5 * len(words) else None


def _metadata(tree, url: str, hints: SiteHints | None, now: datetime | None) -> dict:
    """Every field but the text; `_byline_agency` and `_headlines` are for text cleaning."""
    meta = page_metadata(tree, url)
    site = site_of(url)
    if is_site_heading(meta["h1"], [meta["site_name"], meta["publisher"], site, site.split(".")[0]], meta["html_title"]):
        meta["h1"] = None  # a logo in an <h1> is not the headline
    # A publisher the page types as a Person (a personal site) is its author, not an outlet.
    outlets = [meta["site_name"], None if meta["publisher_is_person"] else meta["publisher"], site, site.split(".")[0]]
    hinted_title = _hinted(tree, hints.title if hints else None)
    hinted_authors = _hinted(tree, hints.authors if hints else None)
    above, below = header_lines(tree)
    authors, byline_agency, outlet = page_authors(tree, hinted_authors or meta["authors"], outlets,
                                                  bool(hinted_authors), below)
    organisations = meta["author_organisations"]
    title = first(*hinted_title, _visible_headline(meta), meta["title"], meta["h1"], meta["html_title"])
    published, published_raw = _published(
        [*_hinted(tree, hints.published if hints else None), meta["published"]], now
    )
    modified = normalise_date(meta["modified"], now)
    if published and modified and parse_moment(published) > parse_moment(modified) + timedelta(days=1):
        # Published after its own update: the CMS wrote a later date into datePublished.
        # Look for the original date on the page.
        published = published_raw = None
    if not (hints and hints.published):
        published, published_raw = shown_published(tree, url, published, published_raw, modified, above, below, now)
    if not published:
        # Nothing declared: the date the page shows, found in the tree we already have.
        published, published_raw = page_date(tree, url, above, below, modified, now)
    fallback = None
    if not title:
        # trafilatura's title search is the last resort.
        fallback = _trafilatura_metadata(tree, url)
        title = fallback.title
    return {
        "url": url,
        "canonical_url": meta["canonical_url"],
        "site": site,
        "title": clean_title(title, [meta["site_name"] or "", site, site.split(".")[0]], meta["h1"]),
        "description": meta["description"],
        "authors": authors,
        # The outlet's own name; a byline naming the outlet (`BBC News`) lands here, not in authors.
        "publisher": first(meta["site_name"], *(o for o in organisations if not wires.agency(o)), outlet),
        "published": published,
        "published_raw": published_raw,
        "modified": modified,
        "language": meta["language"] or iso_language(fallback.language if fallback else None),
        "_byline_agency": byline_agency,
        "_credits": meta["credits"],
        "_headlines": [*hinted_title, meta["title"], meta["h1"], meta["html_title"]],
        "_signals": page_signals(tree, url, title, meta["jsonld_types"], meta["og_type"],
                                 bool(meta["published"]), bool(authors)),
    }


def extract_article(
    html: bytes | str,
    url: str,
    hints: SiteHints | dict | None = None,
    *,
    memory: SiteBoilerplate | None = None,
    now: datetime | None = None,
    declared_encoding: str | None = None,
) -> dict:
    """Record fields of one page. Raises BadInput for pages that cannot be read at all.

    Precedence for each field: site hints > JSON-LD / meta tags > trafilatura's metadata.
    With a boilerplate `memory`, blocks it learned as the site's template are removed
    before the text is extracted, and the page teaches it in turn. `text` is None when
    the page holds no article.
    """
    hints = SiteHints.coerce(hints)
    tree = parse_page(html, declared_encoding)
    record = _metadata(tree, url, hints, now)
    # Hints that match nothing mean the site changed its layout: run health reports them.
    record["hint_misses"] = [
        name for name in ("body", "title", "published", "authors")
        if hints and getattr(hints, name) and not select(tree, getattr(hints, name))
    ]
    # After the metadata: a byline or date that recurs on every page is still the page's.
    template = template_blocks(tree, record["site"], memory, url) if memory is not None else []
    drop_hinted(tree, hints)
    prune_page_chrome(tree)
    rules, removed = remove_blocks(tree, template)
    paragraphs, shortened = settle_removals(main_paragraphs(tree, url, hints), removed)
    if not has_sentence(paragraphs):
        paragraphs = _unpruned_if_prose(html, url, hints, declared_encoding) or paragraphs
    paragraphs = drop_repeated_runs(drop_leading_chrome(paragraphs, record.pop("_headlines")))

    place, credited = wires.dateline(paragraphs[0]) if paragraphs else (None, None)
    credit_agencies = [wires.credit_line_agency(p) for p in paragraphs if wires.is_credit_line(p)]
    end_agency = wires.end_credit(paragraphs)
    paragraphs = [p for p in paragraphs if not wires.is_credit_line(p) and not is_junk_paragraph(p)]
    # After the credit lines are read: a "Credit: ..." line may name the agency.
    paragraphs = drop_trailing_bylines([p for p in paragraphs if not is_furniture(p)], record["authors"])
    record["wire"] = first(
        credited,
        *credit_agencies,
        end_agency,
        record.pop("_byline_agency"),
        hints.wire if hints else None,
        *(wires.agency(name) for name in record.pop("_credits")),
    )
    record["dateline"] = place
    record["language"] = record["language"] or detect_language(" ".join(paragraphs[:6]))
    text = "\n\n".join(paragraphs)
    record["text"] = text if len(text) >= MIN_ARTICLE_CHARS else None
    signals = record.pop("_signals")
    record["page_kind"] = page_kind(signals, paragraphs) if record["text"] else None
    record["boilerplate_rules"] = rules if memory is not None else None
    # Lines the memory would have cut into (their words were put back): must stay 0.
    record["boilerplate_shortened"] = shortened if memory is not None else None
    return record
