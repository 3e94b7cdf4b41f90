"""RequireTextPipeline: a page without article text, or that is not an article, gives no record."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class RequireTextPipeline:
    """Drops items whose `text` is empty (galleries, pages we could not read) and pages that are
    not articles (product pages, listings, forums: `page_kind` from extraction).

    A spider vouches for its article URLs with `articles_by_url = True` (items then carry
    `article_by_url`); NEWSCRAWL_ARTICLES_ONLY = False keeps every page with text.
    """

    def __init__(self, stats, articles_only: bool = True):
        self.stats = stats
        self.articles_only = articles_only

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getbool("NEWSCRAWL_ARTICLES_ONLY", True))

    def process_item(self, item):
        if not (item.get("text") or "").strip():
            self.stats.inc_value("newscrawl/dropped/no_text")
            raise DropItem(f"no article text: {item.get('url')}")
        kind = item.get("page_kind")
        if self.articles_only and kind and kind != "article" and not item.get("article_by_url"):
            self.stats.inc_value("newscrawl/dropped/not_article")
            self.stats.inc_value(f"newscrawl/dropped/not_article/{kind}")
            raise DropItem(f"not an article ({kind} page): {item.get('url')}")
        return item
