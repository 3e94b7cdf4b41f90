"""ReactorStallMonitor: measures how long the reactor was blocked (e.g. by CPU-bound extraction)."""

from __future__ import annotations

import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class ReactorStallMonitor:
    """Ticks every `interval` seconds; a late tick means the reactor was blocked that long.

    Stats: `newscrawl/reactor/max_stall_ms` and `newscrawl/reactor/stalls_over_100ms`.
    Enabled by NEWSCRAWL_MEASURE_STALLS (the benchmarks turn it on).
    """

    def __init__(self, stats, interval: float = 0.01):
        self.stats = stats
        self.interval = interval
        self.loop = task.LoopingCall(self.tick)
        self.last = 0.0
        self.max_stall = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSCRAWL_MEASURE_STALLS"):
            raise NotConfigured
        monitor = cls(crawler.stats)
        crawler.signals.connect(monitor.start, signal=signals.spider_opened)
        crawler.signals.connect(monitor.stop, signal=signals.spider_closed)
        return monitor

    def start(self, spider=None):
        self.last = time.perf_counter()
        self.loop.start(self.interval, now=False)

    def tick(self):
        now = time.perf_counter()
        stall = now - self.last - self.interval
        self.last = now
        if stall > self.max_stall:
            self.max_stall = stall
            self.stats.set_value("newscrawl/reactor/max_stall_ms", round(stall * 1000, 1))
        if stall > 0.1:
            self.stats.inc_value("newscrawl/reactor/stalls_over_100ms")

    def stop(self, spider=None):
        if self.loop.running:
            self.loop.stop()
