"""Generic spiders for any site: a sitemap, a feed, or a file of URLs (`-a url=` / `-a file=`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.crawl.arguments import require_file, require_http_url
from newscrawl.crawl.discovery import Entry
from newscrawl.crawl.spider import NewsSpider


class _OneUrlSpider(NewsSpider):
    """Starts from the `-a url=` argument; every page it announces is taken as an article."""

    robots_sitemaps = False
    arguments = {"url": "address of the sitemap / feed to start from (https://...)"}
    required_arguments = ("url",)

    @classmethod
    def check_url(cls, value: str) -> None:
        require_http_url(cls.name, "url", value)

    def __init__(self, url: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_url = url.strip() if url else url

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.allowed_domains = []  # a sitemap or feed may point to any host
        return spider

    async def start(self):
        yield self.request(self.start_url, self.parse_discovery)


class SitemapSpider(_OneUrlSpider):
    """`scrapy crawl sitemap -a url=https://site/sitemap.xml`: sitemaps, indexes, news sitemaps."""

    name = "sitemap"
    arguments = {"url": "address of a sitemap, sitemap index or Google News sitemap (https://...)",
                 "domains": "comma-separated hosts whose entries are trusted besides the sitemap's own"}


class FeedSpider(_OneUrlSpider):
    """`scrapy crawl feed -a url=https://site/feed/`: RSS 2.0, RSS 1.0 and Atom."""

    name = "feed"
    arguments = {"url": "address of an RSS or Atom feed (https://...)"}


class UrlListSpider(NewsSpider):
    """`scrapy crawl urls -a file=urls.txt`: one article URL a line; `#` comments, blanks skipped."""

    name = "urls"
    robots_sitemaps = False
    arguments = {"file": "text file with one article URL a line (# comments and blank lines skipped)"}
    required_arguments = ("file",)

    @classmethod
    def check_file(cls, value: str) -> None:
        require_file(cls.name, "file", value)

    def __init__(self, file: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.url_file = Path(file) if file else None

    async def start(self):
        with self.url_file.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, start=1):
                url = line.strip()
                if not url or url.startswith("#"):
                    continue
                if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                    self.crawler.stats.inc_value("newscrawl/skipped/bad_url")
                    self.logger.warning("Skipped line %d of %s: not an http(s) URL: %r", number, self.url_file, url[:200])
                    continue
                yield self.article_request(Entry(url=url))
