"""Local feeds: the default per-run feed (when the user names none) and write-through storage."""

from __future__ import annotations

from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.settings import BaseSettings

# The per-run feed, relative to NEWSCRAWL_OUTPUT_DIR; Scrapy fills in %(name)s and %(time)s.
DEFAULT_FEED = "%(name)s/%(time)s.jsonl"
DEFAULT_FEED_OPTIONS = {"format": "jsonlines", "encoding": "utf8"}


def default_feeds(output_dir: str) -> dict[str, dict]:
    """FEEDS for a run that named no feed: `<output_dir>/<spider>/<start time>.jsonl`."""
    return {str(Path(output_dir) / DEFAULT_FEED): dict(DEFAULT_FEED_OPTIONS)}


class DefaultFeedAddon:
    """Scrapy add-on: adds the default feed only when no feed was configured (-o, -O, FEEDS).

    A FEEDS value in settings.py would be merged into every `-O file` (Scrapy lets FEEDS
    win over the command line), writing each run twice; an add-on runs after the command
    line was applied, so it can see whether the user named a feed, and reads
    NEWSCRAWL_OUTPUT_DIR as given with -s.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        if settings.getdict("FEEDS"):
            return
        settings.set("FEEDS", default_feeds(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output"), priority="addon")


class DurableFileFeedStorage(FileFeedStorage):
    """Scrapy's local-file storage, unbuffered: every exported line reaches the OS at once.

    Buffered, a killed crawl loses the last few kilobytes of items that the seen-URL
    store already counts as done; unbuffered, one item is one write(2).
    """

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(self.write_mode, buffering=0)
