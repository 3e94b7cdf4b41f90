"""KnownArticleFilter: scheduled runs skip articles already exported, unless discovery says they changed."""

from __future__ import annotations

import logging

from scrapy.exceptions import NotConfigured

from newscrawl.extraction.dates import parse_moment
from newscrawl.store import open_store

logger = logging.getLogger(__name__)


def changed_since(announced: str | None, recorded: str | None, fetched_at: str | None = None) -> bool:
    """Whether a sitemap/feed date is newer than the one recorded at the last fetch.

    Without a recorded date (the article was found on a listing page), the fetch time
    stands in: only a change announced after we fetched it counts.
    """
    new = parse_moment(announced)
    old = parse_moment(recorded) or parse_moment(fetched_at)
    return new is not None and (old is None or new > old)


class KnownArticleFilter:
    """Spider middleware: drops article requests for URLs in the seen-URL store.

    A request is kept when its sitemap `lastmod` / news `publication_date` / feed date is
    newer than the one recorded when the article was last exported.
    """

    def __init__(self, crawler, store_url: str):
        self.crawler = crawler
        self.stats = crawler.stats
        self.store = open_store(store_url)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_INCREMENTAL"):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("NEWSCRAWL_STORE_URL"))

    def wanted(self, request) -> bool:
        entry = request.meta.get("newscrawl_entry") if hasattr(request, "meta") else None
        if entry is None:
            return True  # discovery pages and items pass
        seen = self.store.seen_get(request.url)
        if seen is None:
            return True
        if changed_since(entry.lastmod or entry.published, seen.lastmod, seen.fetched_at):
            self.stats.inc_value("newscrawl/incremental/refetch_changed")
            return True
        self.stats.inc_value("newscrawl/incremental/skipped_known")
        return False

    def process_spider_output(self, response, result):
        for element in result:
            if self.wanted(element):
                yield element

    async def process_spider_output_async(self, response, result):
        async for element in result:
            if self.wanted(element):
                yield element

    async def process_start(self, start):
        async for element in start:
            if self.wanted(element):
                yield element
