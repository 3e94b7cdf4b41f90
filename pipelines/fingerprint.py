"""FingerprintPipeline: links articles (alone or in small batches) to their near-duplicate clusters; writes the clusters file."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from twisted.internet.defer import Deferred
from scrapy.exceptions import NotConfigured

from newscrawl.clock import fixed_now
from newscrawl.fingerprint import Linker, write_clusters
from newscrawl.fingerprint.records import record_text
from newscrawl.output import run_paths
from newscrawl.store import StoreError, open_store

__all__ = ["FingerprintPipeline", "link_item"]

logger = logging.getLogger(__name__)
STATS = "newscrawl/linking"


def link_item(linker: Linker, fields: dict) -> dict | None:
    """The cluster fields of one record (a plain function: it can move to a worker thread)."""
    result = linker.link(fields)
    return None if result is None else result.fields()


class FingerprintPipeline:
    """Fills cluster_id, duplicate_of, relation and similarity: the best knowledge so far.

    Items without text pass through untouched. Items wait (up to `batch_seconds`, or until
    `batch_size` wait) and are linked together: one atomic store step and a few round trips
    for many items, which is what bounds a fleet on one Redis (`batch_size` 1: each alone,
    at once). A batch also goes as soon as Scrapy holds too many responses for items in
    progress (it stops downloading then, so the batch could only fill at the timer). When
    the spider closes, what still waits is linked, then the authoritative clusters file
    (one JSON line per cluster) is written beside the run's feed.
    """

    def __init__(self, store_url: str, stats=None, crawler=None, batch_size: int = 64,
                 batch_seconds: float = 0.5, clock=None):
        self.store_url = store_url
        self.stats = stats
        self.crawler = crawler
        self.store = None
        self.linker: Linker | None = None
        self.batch_size = max(1, batch_size)
        self.batch_seconds = batch_seconds
        self.clock = clock  # IReactorTime for the batch timer; the running reactor by default
        self._pending: list[tuple[object, dict, Deferred]] = []
        self._timer = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_LINKING_ENABLED", True):
            raise NotConfigured("near-duplicate linking is disabled (NEWSCRAWL_LINKING_ENABLED)")
        return cls(crawler.settings.get("NEWSCRAWL_STORE_URL"), crawler.stats, crawler,
                   batch_size=crawler.settings.getint("NEWSCRAWL_LINK_BATCH_SIZE", 64),
                   batch_seconds=crawler.settings.getfloat("NEWSCRAWL_LINK_BATCH_SECONDS", 0.5))

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"{STATS}/{key}", count)

    def open_spider(self):
        try:
            self.store = open_store(self.store_url)
            now = fixed_now(self.crawler.settings) if self.crawler is not None else None
            self.linker = Linker(self.store, now=now.timestamp() if now else None)
        except StoreError as error:
            logger.error("Near-duplicate linking cannot start: %s", error)
            raise

    def process_item(self, item):
        """The item with its cluster fields; with batches, an awaitable that gives it once its
        batch is linked (so it is exported only then)."""
        adapter = ItemAdapter(item)
        if record_text(adapter) is None:
            self._inc("skipped/no_text")
            return item
        if self.batch_size == 1:
            self._fill(item, link_item(self.linker, adapter.asdict()))
            return item
        done: Deferred = Deferred()
        self._pending.append((item, adapter.asdict(), done))
        if len(self._pending) >= self.batch_size or self._scraper_full():
            self.flush()
        elif self._timer is None:
            self._timer = self._clock().callLater(self.batch_seconds, self.flush)
        return self._wait(done)

    @staticmethod
    async def _wait(done: Deferred):
        from scrapy.utils.defer import maybe_deferred_to_future

        return await maybe_deferred_to_future(done)

    def _scraper_full(self) -> bool:
        """Whether Scrapy backs out (the responses of items in progress exceed SCRAPER_SLOT_MAX_ACTIVE_SIZE)."""
        try:
            slot = self.crawler.engine.scraper.slot
        except (AttributeError, RuntimeError):  # no crawler, or no crawl running (Scrapy raises then)
            return False
        return slot is not None and slot.needs_backout()

    def _clock(self):
        if self.clock is None:
            from twisted.internet import reactor

            self.clock = reactor
        return self.clock

    def flush(self) -> None:
        """Link the pending items as one batch and release them."""
        if self._timer is not None and self._timer.active():
            self._timer.cancel()
        self._timer = None
        pending, self._pending = self._pending, []
        if not pending:
            return
        try:
            results = self.linker.link_many([fields for _, fields, _ in pending])
        except Exception as error:  # the items fail (logged by Scrapy), the crawl goes on
            for _, _, done in pending:
                done.errback(error)
            return
        self._inc("batches")
        for (item, _, done), result in zip(pending, results):
            self._fill(item, None if result is None else result.fields())
            done.callback(item)

    def _fill(self, item, fields: dict | None) -> None:
        if fields is None:
            self._inc("skipped/no_url")
            return
        adapter = ItemAdapter(item)
        for name, value in fields.items():
            adapter[name] = value
        self._inc(f"relation/{fields['relation']}")
        if fields["duplicate_of"]:
            self._inc("linked")

    def close_spider(self):
        if self.linker is None:
            return
        self.flush()  # normally empty: the engine waits for items in progress
        try:
            spider = self.crawler.spider if self.crawler is not None else None
            if spider is not None:
                path = run_paths(self.crawler, spider.name).clusters
                count = write_clusters(self.linker.clusters(), path)
                if self.stats is not None:
                    self.stats.set_value(f"{STATS}/clusters", count)
                logger.info("Clusters file written to %s (%d clusters)", path, count)
        except OSError as error:
            logger.error("Could not write the clusters file: %s", error)
        finally:
            self.store.close()
            self.linker = None
