"""Sitemaps keep to their own host (the sitemaps protocol): entries elsewhere need a robots.txt cross-submit.

A sitemap on host S may list URLs of S only. Entries on another host H count when H is
one of the spider's domains, when H's robots.txt named the sitemap (or an index above
it: a cross-submit, checked by fetching H's robots.txt once per run), and otherwise are
dropped, counted (`newscrawl/discovery/off_host_dropped`) and logged.
"""

from __future__ import annotations

import scrapy

from newscrawl.crawl.discovery import cross_submitted
from newscrawl.crawl.failures import failure_reason

# Hosts outside its own that one run checks for robots.txt cross-submits; beyond, entries are dropped.
MAX_CROSS_SUBMIT_HOSTS = 50
# Request meta: the sitemaps above this one, and the hosts whose robots.txt named one of them.
CHAIN, VOUCHED = "newscrawl_sitemap_chain", "newscrawl_vouched_hosts"


class SitemapHostRule:
    """NewsSpider's handling of sitemap entries on other hosts; `waiting` holds (entry, kind, chain, vouched)."""

    def _check_cross_submit(self, host: str, waiting: list):
        """Entries on `host` are kept only if its robots.txt names their sitemap (the sitemaps protocol)."""
        known = self._cross.get(host)
        if self.allowed_domains:  # a site spider: other hosts are off-site anyway
            self._drop_off_host(host, waiting, "it is not one of the spider's domains")
        elif isinstance(known, str):
            yield from self._decide_cross_submit(host, known, waiting)
        elif known is not None:
            known.extend(waiting)
        elif len(self._cross) >= MAX_CROSS_SUBMIT_HOSTS:
            self._drop_off_host(host, waiting, f"more than {MAX_CROSS_SUBMIT_HOSTS} other hosts")
        else:
            self._cross[host] = list(waiting)
            scheme_netloc = waiting[0][0].url.split("/", 3)[:3]
            yield scrapy.Request("/".join(scheme_netloc) + "/robots.txt", callback=self._cross_submit_read,
                                 errback=self._cross_submit_failed, dont_filter=True,
                                 meta={"newscrawl_host": host, "dont_obey_robotstxt": True})

    def _cross_submit_read(self, response):
        host = response.meta["newscrawl_host"]
        waiting, self._cross[host] = self._cross[host], response.text if hasattr(response, "text") else ""
        yield from self._decide_cross_submit(host, self._cross[host], waiting)

    def _cross_submit_failed(self, failure):
        host = failure.request.meta["newscrawl_host"]
        waiting, self._cross[host] = self._cross[host], ""
        self._drop_off_host(host, waiting, f"its robots.txt could not be read ({failure_reason(failure)})")

    def _decide_cross_submit(self, host: str, robots_txt: str, waiting: list):
        dropped = []
        for entry, kind, chain, vouched in waiting:
            if cross_submitted(robots_txt, chain):
                self.crawler.stats.inc_value("newscrawl/discovery/cross_submitted")
                yield from self._follow(entry, kind, chain, vouched | {host})
            else:
                dropped.append((entry, kind, chain, vouched))
        if dropped:
            self._drop_off_host(host, dropped, "its robots.txt does not name the sitemap")

    def _drop_off_host(self, host: str, waiting: list, why: str) -> None:
        self.crawler.stats.inc_value("newscrawl/discovery/off_host_dropped", len(waiting))
        self._off_host_logged += 1
        if self._off_host_logged > MAX_CROSS_SUBMIT_HOSTS:
            return  # a sitemap naming thousands of hosts must not flood the log: counted only
        sitemap = waiting[0][2][-1]
        self.logger.warning("Dropped %d entries on %s listed by the sitemap %s: sitemaps keep to their own host "
                            "and %s (list the site in -a domains=... to trust it)", len(waiting), host, sitemap, why)
