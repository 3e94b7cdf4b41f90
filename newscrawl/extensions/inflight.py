"""InFlightLedger: article requests a worker took from the shared queue, until they are done.

scrapy-redis pops a request from Redis when a worker starts on it; if that worker is
killed, the request is gone from the queue and already in the dupefilter, so no one
would fetch it again. The ledger records each article request a worker is working on,
beside a heartbeat key with a short TTL. A worker that runs out of work re-queues the
entries of workers whose heartbeat has expired, and waits while live workers still hold
entries, so the crawl ends with nothing lost.
"""

from __future__ import annotations

import logging
import uuid

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from twisted.internet import task

from newscrawl.crawl.discovery import Entry
from newscrawl.signals import work_unit_done
from newscrawl.store.redis import retry_policy

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
HEARTBEAT_TTL = 5  # seconds without a beat before a worker counts as dead


class InFlightLedger:
    def __init__(self, crawler, url: str):
        self.crawler = crawler
        self.redis = redis.Redis.from_url(url, retry=retry_policy())
        self.worker = uuid.uuid4().hex[:12]
        self.beat = task.LoopingCall(self.heartbeat)
        self.spider = None
        for handler, signal in ((self.opened, signals.spider_opened), (self.closed, signals.spider_closed),
                                (self.done, signals.item_scraped), (self.done, signals.item_dropped),
                                (self.idle, signals.spider_idle), (self.unit_done, work_unit_done)):
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        url = crawler.settings.get("NEWSCRAWL_REDIS_URL")
        if not url:
            raise NotConfigured
        return cls(crawler, url)

    def _ledger(self) -> str:
        return f"newscrawl:inflight:{self.spider.name}"

    def opened(self, spider):
        self.spider = spider
        self.heartbeat()
        self.beat.start(HEARTBEAT_SECONDS, now=False)
        logger.info("Worker %s joined the shared crawl of %s", self.worker, spider.name)

    def heartbeat(self):
        self.redis.set(f"newscrawl:worker:{self.worker}", 1, ex=HEARTBEAT_TTL)

    def taken(self, request, spider=None):
        # Article requests, and units of work (a CC-NEWS file) that end with work_unit_done.
        if request.meta.get("newscrawl_entry") is not None or request.meta.get("newscrawl_unit"):
            self.redis.hset(self._ledger(), request.url, self.worker)

    def unit_done(self, url, spider=None):
        self.redis.hdel(self._ledger(), url)

    def done(self, item, response=None, spider=None, **kwargs):
        request = response.request if response is not None else None
        if request is not None and request.meta.get("newscrawl_unit"):
            return  # one of many records of a unit: the unit ends with work_unit_done
        url = item.get("url") if hasattr(item, "get") else None
        request_url = request.url if request is not None else None
        for key in {url, request_url} - {None}:
            self.redis.hdel(self._ledger(), key)

    def idle(self, spider):
        """Re-queue the entries of dead workers; keep waiting while live workers hold entries."""
        waiting = False
        for url, owner in self.redis.hgetall(self._ledger()).items():
            owner = owner.decode()
            if owner == self.worker:
                continue
            if self.redis.exists(f"newscrawl:worker:{owner}"):
                waiting = True
                continue
            if self.redis.hdel(self._ledger(), url):  # only one survivor claims it
                url = url.decode()
                logger.warning("Re-queueing %s, taken by worker %s which is gone", url, owner)
                self.crawler.stats.inc_value("newscrawl/distributed/requeued")
                redo = getattr(spider, "redo_request", None)
                request = redo(url) if redo else spider.article_request(Entry(url=url)).replace(dont_filter=True)
                self.crawler.engine.crawl(request)
                waiting = True
        if waiting:
            raise DontCloseSpider

    def closed(self, spider, reason):
        if self.beat.running:
            self.beat.stop()
        # A clean stop finished (or logged) everything it took.
        for url, owner in self.redis.hgetall(self._ledger()).items():
            if owner.decode() == self.worker:
                self.redis.hdel(self._ledger(), url)
        self.redis.delete(f"newscrawl:worker:{self.worker}")


class InFlightTakenMiddleware:
    """Downloader middleware, first in line: a request enters the ledger as soon as the engine
    takes it from the queue, before a later middleware waits (for a new host's robots.txt)."""

    def __init__(self, ledger: InFlightLedger):
        self.ledger = ledger

    @classmethod
    def from_crawler(cls, crawler):
        ledger = next((e for e in crawler.extensions.middlewares if isinstance(e, InFlightLedger)), None)
        if ledger is None:
            raise NotConfigured
        return cls(ledger)

    def process_request(self, request, spider=None):
        self.ledger.taken(request)
