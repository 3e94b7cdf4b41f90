"""ExtractionPipeline: raw HTML -> the record's fields, off the reactor thread."""

from __future__ import annotations

import logging

from scrapy.exceptions import DropItem
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from newscrawl.extraction import BadInput, extract_article
from newscrawl.extraction.dates import normalise_date
from newscrawl.extraction.decoding import charset_of

logger = logging.getLogger(__name__)


def fill_item(item, fields: dict) -> None:
    """Copy extracted fields into the item; discovery data fills what the page lacks."""
    for key, value in fields.items():
        if key != "url" and value not in (None, [], ""):
            item[key] = value
    if not item.get("title") and item.get("sitemap_title"):
        item["title"] = item["sitemap_title"]
    if not item.get("published") and item.get("sitemap_published"):
        item["published"] = normalise_date(item["sitemap_published"])
        item["published_raw"] = item["sitemap_published"]


class ExtractionPipeline:
    """Runs extraction in Twisted's thread pool: a 50 ms parse must not stall the reactor."""

    def __init__(self, stats, in_thread: bool = True):
        self.stats = stats
        self.in_thread = in_thread

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getbool("NEWSCRAWL_EXTRACT_IN_THREAD", True))

    async def process_item(self, item):
        html = item.get("html")
        if html is None:
            return item  # already extracted (e.g. a record replayed from JSONL)
        args = (html, item["url"], item.get("hints"))
        kwargs = {"declared_encoding": charset_of(item.get("content_type"))}
        try:
            if self.in_thread:
                fields = await maybe_deferred_to_future(deferToThread(extract_article, *args, **kwargs))
            else:
                fields = extract_article(*args, **kwargs)
        except BadInput as error:
            self.stats.inc_value(f"newscrawl/extraction/skipped/{error.reason}")
            raise DropItem(f"not extracted ({error.reason}): {item['url']}: {error}") from None
        fill_item(item, fields)
        self.stats.inc_value("newscrawl/extraction/extracted")
        return item
