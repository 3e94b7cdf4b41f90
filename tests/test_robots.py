"""robots.txt Crawl-delay: the download slot's own delay, its random spread, AutoThrottle and the cap."""

from __future__ import annotations

import asyncio
import random

import pytest
from scrapy import Request, Spider
from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import HtmlResponse
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.downloader.robots import CrawlDelayRobotsTxtMiddleware, crawl_delay_slot

# Our politeness defaults (AutoThrottle on, DOWNLOAD_DELAY 0.25, Scrapy's default jitter).
POLITE = {name: getattr(project_settings, name) for name in (
    "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "DOWNLOAD_DELAY", "NEWSCRAWL_CRAWL_DELAY_MAX", "USER_AGENT")}
NO_HANDLERS = {"DOWNLOAD_HANDLERS": {"http": None, "https": None}}  # nothing is downloaded here


class _Spider(Spider):
    name = "robots-test"


def _crawler(**settings):
    crawler = get_crawler(_Spider, {**POLITE, **NO_HANDLERS, **settings})
    crawler.spider = crawler._create_spider()
    crawler.engine = crawler._create_engine()
    crawler.throttle = AutoThrottle.from_crawler(crawler)
    crawler.throttle._spider_opened(crawler.spider)  # new slots start at AUTOTHROTTLE_START_DELAY
    return crawler


def _visit(crawler, url: str, robots: str | None) -> tuple[CrawlDelayRobotsTxtMiddleware, Request]:
    """Pass one request through the middleware, its host's robots.txt already fetched."""
    middleware = CrawlDelayRobotsTxtMiddleware.from_crawler(crawler)
    request = Request(url)
    if robots is not None:
        netloc = request.url.split("/")[2]
        middleware._parsers[netloc] = ProtegoRobotParser.from_crawler(crawler, robots.encode())
    asyncio.run(middleware.process_request(request))
    return middleware, request


def _slot(crawler, request):
    """The slot the downloader would send `request` through (created as the downloader does)."""
    downloader = crawler.engine.downloader

    async def get():
        slot = downloader._get_slot(request)[1]
        if downloader._slot_gc_loop is not None and downloader._slot_gc_loop.running:
            downloader._slot_gc_loop.stop()  # the slot GC needs a running loop we don't keep
        return slot
    return asyncio.run(get())


def _spread(slot) -> tuple[float, float]:
    """The shortest and longest wait the slot can choose, from its own delay and jitter."""
    return slot.delay * (1 - slot.jitter), slot.delay * (1 + slot.jitter)


@pytest.mark.parametrize("floor, jitter", [(1.5, 0.5), (1.0, 0.2), (30.0, 0.9), (2.0, 0.0)])
def test_the_spread_starts_at_the_floor(floor, jitter):
    delay, slot_jitter = crawl_delay_slot(floor, jitter)
    assert delay * (1 - slot_jitter) == pytest.approx(floor)
    assert delay * (1 + slot_jitter) == pytest.approx(floor * (1 + jitter))


def test_the_crawl_delay_is_the_slots_minimum_wait():
    crawler = _crawler()
    middleware, request = _visit(crawler, "https://slow.example/a", "User-agent: *\nCrawl-delay: 1.5\n")
    slot = _slot(crawler, request)
    shortest, longest = _spread(slot)
    assert shortest == pytest.approx(1.5) and longest == pytest.approx(2.25)
    random.seed(17)
    waits = [slot.download_delay() for _ in range(2000)]
    assert min(waits) >= 1.5 and max(waits) > 2.0  # randomized, but only above the Crawl-delay
    assert middleware.delays["slow.example"] == 1.5
    assert crawler.stats.get_value("newscrawl/robots/crawl_delay_hosts") == 1


def test_a_slot_that_already_exists_gets_the_crawl_delay():
    crawler = _crawler()
    request = Request("https://slow.example/robots.txt")
    before = _slot(crawler, request)  # robots.txt itself went through this slot
    assert before.delay == pytest.approx(POLITE["AUTOTHROTTLE_START_DELAY"])
    _visit(crawler, "https://slow.example/a", "User-agent: *\nCrawl-delay: 3\n")
    assert _spread(_slot(crawler, request))[0] == pytest.approx(3.0)


def test_without_randomizing_the_slot_waits_exactly_the_crawl_delay():
    crawler = _crawler(DOWNLOAD_DELAY_JITTER=0)
    _, request = _visit(crawler, "https://slow.example/a", "User-agent: *\nCrawl-delay: 1.5\n")
    slot = _slot(crawler, request)
    assert slot.download_delay() == 1.5


def test_crawl_delay_is_capped():
    crawler = _crawler(NEWSCRAWL_CRAWL_DELAY_MAX=5)
    middleware, request = _visit(crawler, "https://slow.example/a", "User-agent: *\nCrawl-delay: 600\n")
    assert middleware.delays["slow.example"] == 5
    assert _spread(_slot(crawler, request))[0] == pytest.approx(5.0)


def test_download_delay_stays_the_floor_under_a_shorter_crawl_delay():
    crawler = _crawler(DOWNLOAD_DELAY=2)
    _, request = _visit(crawler, "https://slow.example/a", "User-agent: *\nCrawl-delay: 0.5\n")
    assert _spread(_slot(crawler, request))[0] == pytest.approx(2.0)


def test_crawl_delay_for_another_agent_is_not_ours():
    crawler = _crawler()
    middleware, request = _visit(crawler, "https://slow.example/a", "User-agent: otherbot\nCrawl-delay: 9\n")
    assert middleware.delays["slow.example"] == 0.0
    assert "autothrottle_dont_adjust_delay" not in request.meta
    assert _slot(crawler, request).delay < 9


def _fast_response(crawler, request):
    request.meta["download_latency"] = 0.001
    request.meta["download_slot"] = crawler.engine.downloader.get_slot_key(request)
    response = HtmlResponse(request.url, status=200, body=b"<html></html>", request=request)
    crawler.throttle._response_downloaded(response, request, crawler.spider)


def test_autothrottle_never_lowers_a_crawl_delay():
    crawler = _crawler()
    _, request = _visit(crawler, "https://slow.example/a", "User-agent: *\nCrawl-delay: 1.5\n")
    slot = _slot(crawler, request)
    for _ in range(5):
        _fast_response(crawler, request)
    assert _spread(slot)[0] == pytest.approx(1.5)


def test_autothrottle_still_steers_hosts_without_a_crawl_delay():
    crawler = _crawler()
    _, request = _visit(crawler, "https://fast.example/a", "User-agent: *\nDisallow: /private\n")
    slot = _slot(crawler, request)
    start = slot.delay
    for _ in range(5):
        _fast_response(crawler, request)
    assert slot.delay < start  # the control: AutoThrottle was really consulted
