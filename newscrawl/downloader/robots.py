"""robots.txt as Scrapy obeys it, plus the `Crawl-delay` it ignores."""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.httpobj import urlparse_cached

logger = logging.getLogger(__name__)


def crawl_delay_slot(floor: float, jitter: float) -> tuple[float, float]:
    """(delay, jitter) of a slot whose random waits span [floor, floor * (1 + jitter)].

    Scrapy waits delay * (1 ± jitter); a Crawl-delay is a minimum, so the whole spread
    goes above it: the same width as Scrapy's upper half, never below the floor.
    """
    if jitter <= 0:
        return floor, 0.0
    half = jitter / 2
    return floor * (1 + half), half / (1 + half)


def configured_jitter(settings) -> float:
    """The default jitter of download slots: DOWNLOAD_DELAY_JITTER, 0 if randomizing is off."""
    if not settings.getbool("RANDOMIZE_DOWNLOAD_DELAY", True):
        return 0.0
    return settings.getfloat("DOWNLOAD_DELAY_JITTER", 0.5)


class CrawlDelayRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware that also applies each host's Crawl-delay to its slot.

    The delay (capped by NEWSCRAWL_CRAWL_DELAY_MAX, never under DOWNLOAD_DELAY) becomes
    the slot's minimum wait; the random spread goes above it. AutoThrottle is told to
    leave that host's delay alone, so it can never lower it.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        if str(crawler.settings.get("LOG_LEVEL", "")).upper() != "DEBUG":
            _quiet_download_tracebacks()
        self.max_delay = crawler.settings.getfloat("NEWSCRAWL_CRAWL_DELAY_MAX", 30.0)
        self.min_delay = crawler.settings.getfloat("DOWNLOAD_DELAY", 0.0)
        self.jitter = configured_jitter(crawler.settings)
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
        floor = max(min(float(delay), self.max_delay), self.min_delay)
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        slot_delay, slot_jitter = crawl_delay_slot(floor, self.jitter)
        # "randomize_delay" is for Scrapy releases before slot jitter: no randomizing there.
        downloader.per_slot_settings.setdefault(key, {}).update(
            delay=slot_delay, jitter=slot_jitter, randomize_delay=False)
        slot = downloader.slots.get(key)
        if slot is not None:
            if hasattr(slot, "jitter"):
                slot.delay, slot.jitter = slot_delay, slot_jitter
            else:
                slot.delay, slot.randomize_delay = floor, False
        self._stats.inc_value("newscrawl/robots/crawl_delay_hosts")
        logger.info("Honouring robots.txt Crawl-delay of %.1fs for %s", floor, key)
        return floor


class _DownloadTracebackFilter(logging.Filter):
    """Drops the traceback Scrapy logs with a failed robots.txt download (a site down, a DNS error).

    Its one-line message says it all; the traceback stays with LOG_LEVEL=DEBUG.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.getMessage().startswith("Error downloading"):
            record.exc_info = record.exc_text = None
        return True


def _quiet_download_tracebacks() -> None:
    scrapy_logger = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")
    if not any(isinstance(f, _DownloadTracebackFilter) for f in scrapy_logger.filters):
        scrapy_logger.addFilter(_DownloadTracebackFilter())
