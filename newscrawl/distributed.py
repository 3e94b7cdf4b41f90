"""One setting turns a crawl distributed: NEWSCRAWL_REDIS_URL shares the queue, dupefilter and store.

`scrapy crawl mirrors -s NEWSCRAWL_REDIS_URL=redis://10.0.0.5:6379/0` on any number of
machines: scrapy-redis holds the request queue and the dupefilter, newscrawl's Redis
store holds fingerprints, clusters, seen URLs and site memory, and the in-flight ledger
re-queues the articles a killed worker had taken. The spiders do not change.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings

# What the Redis profile sets; a user's own -s / settings.py values of higher priority win.
REDIS_PROFILE = {
    "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
    "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
    # Keep the shared queue when one worker stops: the others, or a restarted one, go on.
    "SCHEDULER_PERSIST": True,
    # Give workers a moment to push follow-up requests before an idle one gives up.
    "SCHEDULER_IDLE_BEFORE_CLOSE": 2,
    # Other workers may take every article: one that exported nothing has not failed.
    "NEWSCRAWL_FAIL_ON": ["error", "fetch_failed"],
}


class DistributedAddon:
    """Scrapy add-on: applies REDIS_PROFILE when NEWSCRAWL_REDIS_URL is set, else does nothing."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("NEWSCRAWL_REDIS_URL")
        if not url:
            return
        for name, value in REDIS_PROFILE.items():
            settings.set(name, value, priority="project")
        settings.set("REDIS_URL", url, priority="project")
        # scrapy-redis's queue and dupefilter ride out a Redis restart as the store does.
        from newscrawl.store.redis import retry_policy

        settings.set("REDIS_PARAMS", {"retry": retry_policy(), **settings.getdict("REDIS_PARAMS")},
                     priority="project")
        settings.set("NEWSCRAWL_STORE_URL", url, priority="project")
        extensions = settings.getdict("EXTENSIONS")
        extensions["newscrawl.extensions.inflight.InFlightLedger"] = 520
        settings.set("EXTENSIONS", extensions, priority="project")
        middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
        middlewares["newscrawl.extensions.inflight.InFlightTakenMiddleware"] = 0
        settings.set("DOWNLOADER_MIDDLEWARES", middlewares, priority="project")
