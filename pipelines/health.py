"""HealthPipeline: counts field coverage and site-hint misses, for the run summary."""

from __future__ import annotations

# Fields whose coverage says whether a spider still works.
COVERED_FIELDS = ("title", "text", "published", "authors")


class HealthPipeline:
    """Stats `newscrawl/health/items`, `.../field/<name>` (items having it), `.../hint_miss/<hint>`."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        self.stats.inc_value("newscrawl/health/items")
        for name in COVERED_FIELDS:
            if item.get(name):
                self.stats.inc_value(f"newscrawl/health/field/{name}")
        for hint in item.get("hint_misses") or ():
            self.stats.inc_value(f"newscrawl/health/hint_miss/{hint}")
        return item
