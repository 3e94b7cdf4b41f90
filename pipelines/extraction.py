"""ExtractionPipeline: raw HTML -> the record's fields, off the reactor thread, with site memory."""

from __future__ import annotations

import logging
import threading

from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from newscrawl.clock import fixed_now
from newscrawl.extraction import BadInput, extract_article
from newscrawl.extraction.boilerplate import SiteBoilerplate
from newscrawl.extraction.dates import normalise_date
from newscrawl.extraction.decoding import charset_of
from newscrawl.signals import template_seen
from newscrawl.sites import registry_for
from newscrawl.store import open_store

logger = logging.getLogger(__name__)

# Lines of text the site memory would have cut words out of (they were put back).
SHORTENED_STAT = "newscrawl/boilerplate/paragraphs_shortened"


def fill_item(item, fields: dict, now=None) -> None:
    """Copy extracted fields into the item; discovery data fills what the page lacks."""
    for key, value in fields.items():
        if key != "url" and value not in (None, [], ""):
            item[key] = value
    if not item.get("title") and item.get("sitemap_title"):
        item["title"] = item["sitemap_title"]
    if not item.get("published") and item.get("sitemap_published"):
        item["published"] = normalise_date(item["sitemap_published"], now)
        item["published_raw"] = item["sitemap_published"]


class ThreadLocalStores:
    """One store connection per thread: extraction threads read the memory concurrently."""

    def __init__(self, url: str):
        self.url = url
        self.local = threading.local()
        self.opened = []
        self.lock = threading.Lock()

    def get(self):
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = open_store(self.url)
            with self.lock:
                self.opened.append(store)
        return store

    def blocks_doc_counts(self, site, keys):
        return self.get().blocks_doc_counts(site, keys)

    def close(self):
        with self.lock:
            for store in self.opened:
                store.close()
            self.opened.clear()


class ExtractionPipeline:
    """Runs extraction in Twisted's thread pool: a 50 ms parse must not stall the reactor.

    With NEWSCRAWL_BOILERPLATE_ENABLED, a SiteBoilerplate memory backed by the store
    removes each site's learned template; new observations are written back after
    every item, from the reactor thread.
    """

    def __init__(self, stats, in_thread: bool = True, store_url: str | None = None, sites=None, now=None):
        self.stats = stats
        self.now = now  # NEWSCRAWL_NOW: dates after it are not plausible; None: the real clock
        self.in_thread = in_thread
        self.store_url = store_url
        self.sites = sites  # SiteRegistry: hints for items whose spider gave none
        self.readers = self.store = self.memory = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        store_url = settings.get("NEWSCRAWL_STORE_URL") if settings.getbool("NEWSCRAWL_BOILERPLATE_ENABLED") else None
        pipeline = cls(crawler.stats, settings.getbool("NEWSCRAWL_EXTRACT_IN_THREAD", True), store_url,
                       registry_for(crawler), fixed_now(settings))
        crawler.signals.connect(pipeline.learn, signal=template_seen)
        return pipeline

    def learn(self, site: str, keys: list[str], story: str) -> None:
        """A page read ahead of extraction (template_seen) teaches the memory."""
        if self.memory is not None:
            self.memory.observe(site, keys, story)

    def open_spider(self, spider=None):
        if self.store_url:
            self.store = open_store(self.store_url)
            self.readers = ThreadLocalStores(self.store_url)
            self.memory = SiteBoilerplate(stored_counts=self.readers.blocks_doc_counts)

    def close_spider(self, spider=None):
        if self.store is not None:
            self._persist_memory()
            self.readers.close()
            self.store.close()

    def _persist_memory(self):
        for site, keys, story in self.memory.drain():
            self.store.blocks_observe(site, keys, story)

    async def process_item(self, item):
        html = item.get("html")
        if html is None:
            return item  # already extracted (e.g. a record replayed from JSONL)
        hints = item.get("hints") or (self.sites.hints_for(item["url"]) if self.sites else None)
        args = (html, item["url"], hints)
        kwargs = {"declared_encoding": charset_of(item.get("content_type")), "memory": self.memory, "now": self.now}
        try:
            if self.in_thread:
                fields = await maybe_deferred_to_future(deferToThread(extract_article, *args, **kwargs))
            else:
                fields = extract_article(*args, **kwargs)
        except BadInput as error:
            self.stats.inc_value(f"newscrawl/extraction/skipped/{error.reason}")
            raise DropItem(f"not extracted ({error.reason}): {item['url']}: {error}") from None
        finally:
            if self.memory is not None:
                self._persist_memory()
        shortened = fields.pop("boilerplate_shortened", None)
        fill_item(item, fields, self.now)
        self.stats.inc_value("newscrawl/extraction/extracted")
        if fields.get("boilerplate_rules"):
            self.stats.inc_value("newscrawl/boilerplate/pages_cleaned")
        if self.memory is not None:
            # Always present when the memory is on, so a summary shows the check ran: must stay 0.
            self.stats.inc_value(SHORTENED_STAT, shortened or 0)
        return item
