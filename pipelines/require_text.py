"""RequireTextPipeline: a page without article text gives no record."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class RequireTextPipeline:
    """Drops items whose `text` is empty (listing pages, galleries, pages we could not read)."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        if not (item.get("text") or "").strip():
            self.stats.inc_value("newscrawl/dropped/no_text")
            raise DropItem(f"no article text: {item.get('url')}")
        return item
