"""RunSummary: a machine-readable JSON summary of each run, written beside its output."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

from scrapy import signals

from newscrawl.output import run_paths

logger = logging.getLogger(__name__)


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    return value


class RunSummary:
    """On close: stats, item counts and the close reason as JSON (`<feed>.summary.json`)."""

    def __init__(self, crawler):
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def build(self, spider, reason: str) -> dict:
        stats = {key: _plain(value) for key, value in sorted(self.crawler.stats.get_stats().items())}
        return {
            "spider": spider.name,
            "finish_reason": reason,
            "finished_at": datetime.now(tz=timezone.utc).isoformat(timespec="seconds"),
            "items": stats.get("item_scraped_count", 0),
            "pages_fetched": stats.get("response_received_count", 0),
            "stats": stats,
        }

    def spider_closed(self, spider, reason):
        path = run_paths(self.crawler, spider.name).summary
        summary = self.build(spider, reason)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as error:
            logger.error("Could not write the run summary %s: %s", path, error)
            return
        logger.info("Run summary written to %s", path)
