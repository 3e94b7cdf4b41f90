"""Ground truth for the mock web: every article page per phase, and what an ideal crawl yields."""
from __future__ import annotations

import functools

from .sites import build_all
from .sites.hostile import ENDPOINTS as HOSTILE_ENDPOINTS
from .sites.partners import HEADLINE_CLASS
from .web import KINDS, PageTruth

__all__ = ["NOW", "pages", "non_article_urls", "excluded_urls", "by_url", "SELECTORS", "PARTNER_TITLE_SELECTOR",
           "ENTRY_POINTS", "HOSTILE_ENDPOINTS", "KINDS", "PageTruth"]

# When each phase is crawled (NEWSCRAWL_NOW): after every real date the phase shows, and
# phase 1 before the pages and changes phase 2 brings (from 2026-11-27T11:35Z).
NOW = {1: "2026-11-27T00:00:00+00:00", 2: "2026-11-28T00:00:00+00:00"}

# CSS selectors (Scrapy/parsel syntax) a site spider can use, per site family.
SELECTORS = {
    "apnews.com": {
        "title": "h1.Page-headline::text",
        "body": "div.RichTextStoryBody > p",  # direct <p> children; skips div.Enhancement promos
        "published": 'meta[property="article:published_time"]::attr(content)',  # also JSON-LD datePublished
        "timestamp_ms": "bsp-timestamp::attr(data-timestamp)",  # epoch ms of publication
        "byline": "div.Page-authors a::text",  # upper-case names, "and"-joined
        "jsonld": 'script[type="application/ld+json"]::text',  # NewsArticle with author Person list
    },
    "partners": {
        "title": "h1.headline::text",  # phase 1 only: see PARTNER_TITLE_SELECTOR
        "title_fallback": "title::text",  # "<headline> | <site name>" in every phase
        "body": "div.article-body > p:not(.copyright)",  # skips the newsletter box and AP copyright line
        "published": "time.published::attr(datetime)",
        "byline": "div.byline .byline-name::text",  # "By The Associated Press" / "By NAME Associated Press" / "By A and B"
    },
    "mirrors": {
        "title": "title::text",  # "<headline> -<Site Name>": strip the suffix; h1.article-title has it too
        "body": "#article-content > p",  # some copies carry one leftover template line in here
        "published": "div.article-date::text",  # "Date:YYYY-MM-DD HH:MM:SS", fake, after the story
        "byline": "div.article-info .author::text",  # fake person name
    },
    "www.brokenpress.com": {
        "title": "h1#headline::text",
        "body": "#story > p",
        "published": "time::attr(datetime)",
        "byline": "p.byline::text",
    },
}

# The partner CMS renames the headline class in phase 2, so `h1.headline` stops matching.
PARTNER_TITLE_SELECTOR = {phase: f"h1.{cls}::text" for phase, cls in HEADLINE_CLASS.items()}

# Where discovery starts on each host.
ENTRY_POINTS = {
    "apnews.com": {"robots": "https://apnews.com/robots.txt", "sitemaps": [
        "https://apnews.com/sitemap.xml", "https://apnews.com/news-sitemap-content.xml"],
        "home": "https://apnews.com/"},
    **{h: {"robots": f"https://{h}/robots.txt", "sitemaps": [f"https://{h}/sitemap.xml"],
           "feed": f"https://{h}/feed/", "home": f"https://{h}/"}
       for h in ("www.kvtn7.com", "www.rivertonledger.com")},
    **{h: {"robots": f"https://{h}/robots.txt", "sitemaps": [f"https://{h}/sitemap.xml"], "home": f"https://{h}/"}
       for h in ("capitatum.com", "sagebrushwire.com", "ledgerpostdaily.com")},
    "www.brokenpress.com": {"robots": "https://www.brokenpress.com/robots.txt",
                            "sitemaps": [HOSTILE_ENDPOINTS["sitemap"]], "home": "https://www.brokenpress.com/"},
}


@functools.lru_cache(maxsize=2)
def _builds(phase: int):
    return build_all(phase)


def pages(phase: int = 1) -> list[PageTruth]:
    """Every article page served in `phase` as a PageTruth; each must give exactly one record.

    - `url` (absolute https URL; for the redirect chain, the final URL), `site` (host without
      "www."), `story_id` (Story key), `kind` (original | exact_copy | edited_copy | excerpt |
      rewrite | unique), `original_url` (the apnews.com page a copy/excerpt comes from, else None);
    - `title` (no site suffix), `paragraphs` (exactly the article paragraphs shown; `.text` joins
      them with blank lines), `wire` ("AP" when the page credits AP — dateline `(AP) —` or byline —
      else None), `dateline`, `authors` (persons credited; mirrors' fake names with
      `fake_byline=True`; "By The Associated Press" gives no author), `published` (ISO 8601 as the
      page shows it; mirrors: their naive fake date), `modified`;
    - `template_lines`: boilerplate visible on the page that must not reach extracted text
      (including in-body leftovers: AP's related-story promo, partners' newsletter box and AP
      copyright line, mirrors' share/source lines);
    - `phase` (first phase serving it), `section`, `series` (templated wire series: similar text,
      never a copy), `version_of` (the late write-thru's link to the early one: DESIGN's relation
      `version`), `rewrite_of` (wire story a partner covered in its own words: never linked).
    """
    return [p for b in _builds(phase).values() for p in b.pages]


def by_url(phase: int = 1) -> dict[str, PageTruth]:
    return {p.url: p for p in pages(phase)}


def non_article_urls(phase: int = 1) -> list[str]:
    """Home, hub, section, author, tag and about pages: they answer 200 and give no record."""
    return [u for b in _builds(phase).values() for u in b.non_article]


def excluded_urls(phase: int = 1) -> list[str]:
    """Linked URLs that must give no record: robots-disallowed, 404, 500, loops, slow, binary, bombs."""
    return [u for b in _builds(phase).values() for u in b.excluded]
