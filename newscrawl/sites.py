"""Site knowledge by domain: the SiteHints of every site file, found for any URL of that site.

A site file (`spiders/<site>.py`) declares its domains and hints once, on its spider
class. The registry collects them through Scrapy's spider loader, so a page of that site
gets the same hints whatever brought it: the site's own spider, the generic spiders,
`warc`, `ccnews` or `newscrawl extract`.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from urllib.parse import urlsplit

from newscrawl.extraction import SiteHints

logger = logging.getLogger(__name__)


def _bare(domain: str) -> str:
    domain = domain.strip().lower().rstrip(".")
    return domain[4:] if domain.startswith("www.") else domain


class SiteRegistry:
    """domain -> SiteHints; a URL matches its host or any parent domain (news.x.com -> x.com)."""

    def __init__(self):
        self.hints: dict[str, SiteHints] = {}
        self.owner: dict[str, str] = {}  # domain -> who registered it, for conflict messages

    def register(self, domains, hints: SiteHints, owner: str = "?") -> None:
        for domain in map(_bare, domains):
            if domain in self.hints and self.hints[domain] != hints:
                # Deterministic: the first registration (spiders are loaded by name) wins.
                logger.warning("Site hints for %s from %s ignored: %s already gave different ones",
                               domain, owner, self.owner[domain])
                continue
            self.hints[domain] = hints
            self.owner[domain] = owner

    def hints_for(self, url: str | None) -> SiteHints | None:
        host = _bare(urlsplit(url or "").hostname or "")
        while host:
            found = self.hints.get(host)
            if found is not None:
                return found
            host = host.partition(".")[2]
        return None


def _spider_domains(spidercls, settings) -> list[str]:
    setting = getattr(spidercls, "domains_setting", None)
    configured = settings.getlist(setting) if setting else []
    return list(configured or getattr(spidercls, "domains", ()) or ())


def build_registry(settings) -> SiteRegistry:
    """Every spider in SPIDER_MODULES that has hints and domains, loaded in name order."""
    from scrapy.spiderloader import get_spider_loader

    registry = SiteRegistry()
    loader = get_spider_loader(settings)
    for name in sorted(loader.list()):
        spidercls = loader.load(name)
        hints = getattr(spidercls, "hints", None)
        if isinstance(hints, SiteHints):
            registry.register(_spider_domains(spidercls, settings), hints, owner=f"spider {name}")
    return registry


@lru_cache(maxsize=1)
def default_registry() -> SiteRegistry:
    """The registry under the project's own settings (for code that runs outside a crawl)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    return build_registry(settings)


def registry_for(crawler) -> SiteRegistry:
    """The registry under a crawl's settings (its -s overrides of site domain lists count)."""
    registry = getattr(crawler, "_newscrawl_sites", None)
    if registry is None:
        registry = crawler._newscrawl_sites = build_registry(crawler.settings)
    return registry
