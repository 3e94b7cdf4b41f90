"""The in-flight ledger on a real redis-server: a dead worker's page is claimed by one survivor, once."""

from __future__ import annotations

import time

import pytest
import redis
from scrapy import Request, Spider
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.test import get_crawler

from newscrawl.extensions import inflight
from newscrawl.extensions.inflight import InFlightLedger
from tests.redis_server import RedisServer

PAGE = "http://mirror.example/story-1.html"
DEAD = "deadworker01"


class LedgerSpider(Spider):
    name = "ledger"


@pytest.fixture
def server():
    with RedisServer() as running:
        yield running


def survivor(url: str) -> InFlightLedger:
    """A live worker's ledger (its heartbeat written), as the extension runs in a crawl."""
    crawler = get_crawler(LedgerSpider, {"NEWSCRAWL_REDIS_URL": url})
    ledger = InFlightLedger.from_crawler(crawler)
    ledger.spider = LedgerSpider()
    ledger.heartbeat()
    return ledger


def owner_of(server, url: str) -> str | None:
    owner = redis.Redis.from_url(server.url).hget("newscrawl:inflight:ledger", url)
    return owner and owner.decode()


def test_one_claim_of_a_dead_workers_page_wins(server):
    first, second = survivor(server.url), survivor(server.url)
    redis.Redis.from_url(server.url).hset("newscrawl:inflight:ledger", PAGE, DEAD)
    assert first.claim(PAGE, DEAD)
    assert not second.claim(PAGE, DEAD)
    assert owner_of(server, PAGE) is None


def test_a_claim_from_an_old_snapshot_loses_once_the_page_is_taken_again(server):
    # Both survivors read the ledger while the dead worker held the page; the first
    # re-queues it and a worker takes it again before the second acts on its snapshot.
    first, second = survivor(server.url), survivor(server.url)
    redis.Redis.from_url(server.url).hset("newscrawl:inflight:ledger", PAGE, DEAD)
    assert first.claim(PAGE, DEAD)
    first.taken(Request(PAGE, meta={"newscrawl_entry": object()}))
    assert owner_of(server, PAGE) == first.worker
    assert not second.claim(PAGE, DEAD)  # a plain HDEL would have taken it from `first`
    assert owner_of(server, PAGE) == first.worker


def test_a_survivor_waits_while_a_live_worker_holds_a_page(server):
    first, second = survivor(server.url), survivor(server.url)
    first.taken(Request(PAGE, meta={"newscrawl_entry": object()}))
    with pytest.raises(DontCloseSpider):
        second.idle(second.spider)
    assert owner_of(server, PAGE) == first.worker  # not re-queued: its worker is alive


def test_a_busy_worker_keeps_beating_and_a_closed_one_stops(server, monkeypatch):
    monkeypatch.setattr(inflight, "HEARTBEAT_SECONDS", 0.2)
    monkeypatch.setattr(inflight, "HEARTBEAT_TTL", 1)
    crawler = get_crawler(LedgerSpider, {"NEWSCRAWL_REDIS_URL": server.url})
    ledger = InFlightLedger.from_crawler(crawler)
    ledger.opened(LedgerSpider())
    beat = f"newscrawl:worker:{ledger.worker}"
    client = redis.Redis.from_url(server.url)
    time.sleep(2.5)  # the reactor is not running at all here: as blocked as a reactor can be
    assert client.exists(beat)
    ledger.closed(ledger.spider, "finished")
    time.sleep(0.5)
    assert not client.exists(beat)
