"""Feed storage that writes through: what a crawl exported survives a SIGKILL."""

from __future__ import annotations

from pathlib import Path

from scrapy.extensions.feedexport import FileFeedStorage


class DurableFileFeedStorage(FileFeedStorage):
    """Scrapy's local-file storage, unbuffered: every exported line reaches the OS at once.

    Buffered, a killed crawl loses the last few kilobytes of items that the seen-URL
    store already counts as done; unbuffered, one item is one write(2).
    """

    def open(self, spider):
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(self.write_mode, buffering=0)
