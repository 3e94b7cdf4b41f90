"""FingerprintPipeline: links each article to its near-duplicate cluster; writes the clusters file."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
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

    Items without text pass through untouched. When the spider closes, the authoritative
    clusters file (one JSON line per cluster) is written beside the run's feed.
    """

    def __init__(self, store_url: str, stats=None, crawler=None):
        self.store_url = store_url
        self.stats = stats
        self.crawler = crawler
        self.store = None
        self.linker: Linker | None = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_LINKING_ENABLED", True):
            raise NotConfigured("near-duplicate linking is disabled (NEWSCRAWL_LINKING_ENABLED)")
        return cls(crawler.settings.get("NEWSCRAWL_STORE_URL"), crawler.stats, crawler)

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
        adapter = ItemAdapter(item)
        if record_text(adapter) is None:
            self._inc("skipped/no_text")
            return item
        fields = link_item(self.linker, adapter.asdict())
        if fields is None:
            self._inc("skipped/no_url")
            return item
        for name, value in fields.items():
            adapter[name] = value
        self._inc(f"relation/{fields['relation']}")
        if fields["duplicate_of"]:
            self._inc("linked")
        return item

    def close_spider(self):
        if self.linker is None:
            return
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
