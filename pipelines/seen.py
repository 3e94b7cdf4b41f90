"""SeenUrlPipeline: remembers exported articles so scheduled runs fetch only what is new."""

from __future__ import annotations

import xxhash
from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured

from newscrawl.store import open_store


def content_hash(text: str) -> str:
    return xxhash.xxh64_hexdigest(" ".join(text.split()).encode("utf-8"))


class SeenUrlPipeline:
    """Drops re-fetched articles whose text did not change; marks each article seen once exported.

    Marking happens on `item_scraped`, after the feed exporter wrote the item, so a crash
    never records as seen an article that is not in the output.
    """

    def __init__(self, crawler, store_url: str):
        self.crawler = crawler
        self.stats = crawler.stats
        self.store_url = store_url
        self.store = None
        # url -> what to record once the item is exported (internal fields are gone by then).
        self.pending: dict[str, tuple[str, str | None, str | None]] = {}
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_INCREMENTAL"):
            raise NotConfigured
        return cls(crawler, crawler.settings.get("NEWSCRAWL_STORE_URL"))

    def open_spider(self, spider=None):
        self.store = open_store(self.store_url)

    def close_spider(self, spider=None):
        if self.store is not None:
            self.store.close()

    def process_item(self, item):
        text = item.get("text")
        if not text:
            return item
        digest = content_hash(text)
        seen = self.store.seen_get(item["url"])
        if seen is not None and seen.content_hash == digest:
            self.stats.inc_value("newscrawl/incremental/unchanged")
            raise DropItem(f"unchanged since the last run: {item['url']}")
        if seen is not None:
            self.stats.inc_value("newscrawl/incremental/changed")
        self.pending[item["url"]] = (digest, item.get("discovered_lastmod"), item.get("fetched_at"))
        return item

    def item_scraped(self, item, response=None, spider=None):
        record = self.pending.pop(item.get("url"), None)
        if record is not None:
            self.store.seen_put(item["url"], *record)
