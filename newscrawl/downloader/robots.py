"""robots.txt as Scrapy obeys it, plus the `Crawl-delay` it ignores."""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


class CrawlDelayRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware that also applies each host's Crawl-delay to its slot.

    The delay becomes the slot's minimum (capped by NEWSCRAWL_CRAWL_DELAY_MAX) and
    AutoThrottle is told not to lower it for that host.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self.max_delay = crawler.settings.getfloat("NEWSCRAWL_CRAWL_DELAY_MAX", 30.0)
        self.delays: dict[str, float] = {}  # netloc -> honoured Crawl-delay (0: none)

    async def process_request(self, request, spider=None) -> None:
        await super().process_request(request)
        if self.delays.get(urlparse_cached(request).netloc):
            request.meta["autothrottle_dont_adjust_delay"] = True

    async def robot_parser(self, request):
        parser = await super().robot_parser(request)
        netloc = urlparse_cached(request).netloc
        if parser is not None and netloc not in self.delays:
            self.delays[netloc] = self._apply_crawl_delay(parser, request)
        return parser

    def _apply_crawl_delay(self, parser, request) -> float:
        agent = self._robotstxt_useragent or request.headers.get(b"User-Agent", self._default_useragent)
        delay = parser.crawl_delay(agent)
        if not delay or delay <= 0:
            return 0.0
        delay = min(float(delay), self.max_delay)
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        downloader.per_slot_settings.setdefault(key, {})["delay"] = delay
        if key in downloader.slots:
            downloader.slots[key].delay = max(downloader.slots[key].delay, delay)
        self._stats.inc_value("newscrawl/robots/crawl_delay_hosts")
        logger.info("Honouring robots.txt Crawl-delay of %.1fs for %s", delay, key)
        return delay
