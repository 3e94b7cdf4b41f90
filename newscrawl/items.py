"""The Article item, its field list (the JSONL contract) and its ItemLoader."""

from __future__ import annotations

import scrapy
from itemloaders.processors import Identity, MapCompose, TakeFirst
from scrapy.loader import ItemLoader

# The one documented list of record fields. `schema/article.schema.json` mirrors it and
# tests check that the two agree.
ARTICLE_FIELDS: dict[str, str] = {
    "url": "final URL after redirects",
    "canonical_url": "rel=canonical / og:url, if the page declares one",
    "site": "host of `url`, `www.` dropped",
    "spider": "name of the spider that produced the record",
    "fetched_at": "ISO 8601 UTC time of the fetch",
    "title": "headline, without site-name suffixes",
    "description": "the page's summary (meta description / og:description)",
    "authors": "person names; wire credits (AP, Reuters, ...) and outlet names are never authors",
    "publisher": "the outlet's own name (og:site_name, JSON-LD publisher, or a byline naming the outlet)",
    "published": "ISO 8601 publication time, with offset where known",
    "published_raw": "the page's own publication date string",
    "modified": "ISO 8601 last-modified time, with offset where known",
    "language": "ISO 639-1 language code",
    "text": "main text, paragraphs separated by a blank line, no boilerplate",
    "wire": "agency credited for the text (AP, Reuters, AFP, ...) or null",
    "dateline": "place the text opens with, e.g. 'SEOUL, South Korea'",
    "sitemap_title": "news:title from a Google News sitemap, when discovered there",
    "sitemap_published": "news:publication_date from a Google News sitemap",
    "boilerplate_rules": "how many learned site-level boilerplate rules removed text",
    "cluster_id": "stable id of the near-duplicate cluster, null if the page has no copy",
    "duplicate_of": "url of the cluster's original; null for the original and unique pages",
    "relation": "original, duplicate, excerpt, version or unique",
    "similarity": "0-1 similarity to the cluster's original (1 for the original)",
    # Internal: travels from spider to pipelines, never exported.
    "html": "raw page HTML (internal, dropped before export)",
    "hints": "site hints for extraction (internal, dropped before export)",
    "content_type": "HTTP Content-Type of the page (internal, dropped before export)",
    "hint_misses": "site hints that matched nothing on the page (internal, for run health)",
    "discovered_lastmod": "lastmod / date the sitemap or feed announced (internal, for incremental runs)",
    "page_kind": "article, or what the page is instead: product, listing, forum, service, other (internal)",
    "article_by_url": "the spider vouches that this URL is an article: no page-kind check (internal)",
}

INTERNAL_FIELDS = frozenset({"html", "hints", "content_type", "hint_misses", "discovered_lastmod", "page_kind",
                             "article_by_url"})


class Article(scrapy.Item):
    """One news page as it travels spider -> pipelines -> JSONL; fields: ARTICLE_FIELDS."""

    fields = {name: scrapy.Field() for name in ARTICLE_FIELDS}


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _non_blank(value):
    # Whitespace-only values never win over a later source.
    return value if not isinstance(value, str) or value else None


class ArticleLoader(ItemLoader):
    """Builds an Article; the first non-blank value of a field wins, `authors` is a list."""

    default_item_class = Article
    default_input_processor = MapCompose(_strip, _non_blank)
    default_output_processor = TakeFirst()
    authors_out = Identity()
    html_in = Identity()
    hints_in = Identity()
    hints_out = TakeFirst()
    hint_misses_out = Identity()


def is_absent(value) -> bool:
    """None, an empty string or an empty list: the contract omits such values."""
    return value is None or (isinstance(value, (str, list, tuple, dict)) and not value)


def export_record(item) -> dict:
    """The JSONL record of an item: internal fields dropped, absent (None / empty) values omitted."""
    return {
        key: value
        for key, value in dict(item).items()
        if key not in INTERNAL_FIELDS and not key.startswith("_") and not is_absent(value)
    }
