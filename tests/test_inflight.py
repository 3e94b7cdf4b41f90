"""InFlightLedger on a real redis-server: a dead worker's entry is claimed once, a live owner's never."""

from __future__ import annotations

import time

import pytest
from scrapy import Spider
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.test import get_crawler

from newscrawl.extensions.inflight import HEARTBEAT_SECONDS, InFlightLedger
from tests.redis_server import RedisServer


class Recording(Spider):
    name = "recording"

    def redo_request(self, url):
        from scrapy import Request

        return Request(url, dont_filter=True)


@pytest.fixture
def ledger():
    with RedisServer() as server:
        crawler = get_crawler(Recording, {"NEWSCRAWL_REDIS_URL": server.url})
        crawler.spider = Recording()
        crawled = []
        crawler.engine = type("Engine", (), {"crawl": staticmethod(crawled.append)})()
        ledger = InFlightLedger(crawler, server.url)
        ledger.spider = crawler.spider
        yield ledger, crawled
        ledger.stopping.set()


def test_an_entry_is_claimed_only_while_it_names_the_dead_worker(ledger):
    ledger, _ = ledger
    key = ledger._ledger()
    ledger.redis.hset(key, "https://a.example/1", "dead")
    ledger.redis.hset(key, "https://a.example/2", "dead")
    # Another survivor re-queued /2 and a worker took it again since this one read the ledger.
    ledger.redis.hset(key, "https://a.example/2", "taker")
    assert ledger.claim(keys=[key], args=["https://a.example/1", "dead"]) == 1
    assert ledger.claim(keys=[key], args=["https://a.example/1", "dead"]) == 0  # a second survivor: nothing
    assert ledger.claim(keys=[key], args=["https://a.example/2", "dead"]) == 0
    assert ledger.redis.hget(key, "https://a.example/2") == b"taker"


def test_idle_requeues_a_dead_workers_entry_once_and_waits_for_a_live_one(ledger):
    ledger, crawled = ledger
    key = ledger._ledger()
    ledger.redis.set("newscrawl:worker:alive", 1, ex=30)
    ledger.redis.hset(key, mapping={"https://a.example/dead": "gone", "https://a.example/live": "alive"})
    with pytest.raises(DontCloseSpider):
        ledger.idle(ledger.spider)
    with pytest.raises(DontCloseSpider):  # the live worker still holds its entry
        ledger.idle(ledger.spider)
    assert [request.url for request in crawled] == ["https://a.example/dead"]
    assert ledger.redis.hgetall(key) == {b"https://a.example/live": b"alive"}


def test_the_heartbeat_goes_on_while_the_reactor_thread_is_busy(ledger):
    ledger, _ = ledger
    ledger.opened(ledger.spider)
    beat = f"newscrawl:worker:{ledger.worker}"
    ledger.redis.delete(beat)
    time.sleep(HEARTBEAT_SECONDS * 2.5)  # this thread (the reactor's, in a crawl) does nothing meanwhile
    assert ledger.redis.exists(beat)
    ledger.closed(ledger.spider, "finished")
    assert not ledger.redis.exists(beat)
