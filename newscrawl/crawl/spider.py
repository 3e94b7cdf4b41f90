"""NewsSpider: discovery (robots.txt sitemaps, sitemaps, feeds, listings) -> article pages -> items.

A site file subclasses it and sets class attributes only: domains, URL templates,
article and listing URL patterns, and optional SiteHints for extraction.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip

from newscrawl.clock import crawl_now
from newscrawl.crawl.arguments import SpiderArgumentError, check_arguments
from newscrawl.crawl.discovery import DiscoveryError, Entry, host_of, parse_discovery, robots_sitemaps, split_off_host
from newscrawl.crawl.failures import failure_reason
from newscrawl.crawl.sitemap_hosts import CHAIN, VOUCHED, SitemapHostRule
from newscrawl.downloader.addresses import parse_networks
from newscrawl.extraction import SiteHints
from newscrawl.extraction.dates import parse_moment
from newscrawl.items import ArticleLoader


def too_old(published: str | None, max_age_days: float, now: datetime | None = None) -> bool:
    """A news-sitemap entry published more than `max_age_days` before `now` (the freshness window)."""
    moment = parse_moment(published)
    now = now or datetime.now(tz=timezone.utc)
    return moment is not None and (now - moment).total_seconds() > max_age_days * 86400


def _domain_list(value) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    return [d.strip().lower() for d in value or () if d and d.strip()]


class NewsSpider(SitemapHostRule, scrapy.Spider):
    """Base of every news spider; see the module docstring. URL templates take `{domain}`."""

    domains: tuple[str, ...] = ()  # sites this spider crawls (`-a domains=a,b` overrides)
    domains_setting: str | None = None  # setting that lists the domains of a site family
    robots_sitemaps = True  # follow `Sitemap:` lines of each domain's robots.txt
    sitemap_urls: tuple[str, ...] = ()  # sitemaps, sitemap indexes, news sitemaps
    feed_urls: tuple[str, ...] = ()  # RSS / Atom feeds
    listing_urls: tuple[str, ...] = ()  # home, section and hub pages
    article_patterns: tuple[str, ...] = ()  # URL regexes of article pages (empty: any page)
    listing_patterns: tuple[str, ...] = ()  # URL regexes of listing pages worth following
    sitemap_patterns: tuple[str, ...] = ()  # URL regexes of child sitemaps to follow (empty: all)
    max_listing_depth = 2  # listing pages followed from a start page
    hints: SiteHints | None = None  # site knowledge passed to extraction
    articles_by_url = False  # pages matching article_patterns are articles: skip the page-kind check
    coverage_floors: dict[str, float] = {}  # run-health floors that differ from the defaults
    # `-a NAME=VALUE` arguments: name -> meaning (README and `-a help=1` list them).
    arguments: dict[str, str] = {"domains": "comma-separated domains to crawl instead of the spider's own"}
    required_arguments: tuple[str, ...] = ()

    @classmethod
    def check_domains(cls, value: str) -> None:
        for domain in _domain_list(value):
            if "/" in domain or ":" in domain or "." not in domain:
                raise SpiderArgumentError(f"{cls.name}: -a domains=: {domain!r} is not a domain name "
                                          "(give host names such as example.com,www.example.org)")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        check_arguments(cls, kwargs)
        spider = super().from_crawler(crawler, *args, **kwargs)
        # A mistyped network must stop the crawl here, not unload the download handler later.
        parse_networks(crawler.settings.getlist("NEWSCRAWL_ALLOW_NETWORKS"))
        configured = crawler.settings.getlist(cls.domains_setting) if cls.domains_setting else []
        spider.domains = tuple(_domain_list(kwargs.get("domains")) or configured or list(cls.domains))
        if not spider.domains and cls.domains_setting:
            raise SpiderArgumentError(f"{cls.name}: no domains; set {cls.domains_setting} or pass -a domains=a.com,b.com")
        spider.allowed_domains = [d[4:] if d.startswith("www.") else d for d in spider.domains]
        spider._article_re = [re.compile(p) for p in cls.article_patterns]
        spider._listing_re = [re.compile(p) for p in cls.listing_patterns]
        spider._sitemap_re = [re.compile(p) for p in cls.sitemap_patterns]
        spider._discovery_seen = set()  # discovery URLs requested in this run
        spider._announced = {}  # article URL -> (moment, newest sitemap/feed date string)
        spider._cross = {}  # other host -> robots.txt text once read, or the entries waiting for it
        spider._off_host_logged = 0
        return spider

    # --- classification -------------------------------------------------------------
    def is_article(self, url: str) -> bool:
        return not self._article_re or any(p.search(url) for p in self._article_re)

    def is_listing(self, url: str) -> bool:
        return any(p.search(url) for p in self._listing_re)

    def follows_sitemap(self, url: str) -> bool:
        return not self._sitemap_re or any(p.search(url) for p in self._sitemap_re)

    # --- discovery --------------------------------------------------------------------
    async def start(self):
        for domain in self.domains:
            requests = []
            if self.robots_sitemaps:
                requests.append(self.discovery_request(f"https://{domain}/robots.txt", self.parse_robots))
            for template in (*self.sitemap_urls, *self.feed_urls):
                requests.append(self.discovery_request(template.format(domain=domain), self.parse_discovery))
            for template in self.listing_urls:
                requests.append(self.discovery_request(template.format(domain=domain), self.parse_listing))
            for request in requests:
                if request is not None:
                    yield request

    def request(self, url: str, callback, **kwargs) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_error, **kwargs)

    def discovery_request(self, url: str, callback, **kwargs) -> scrapy.Request | None:
        """Sitemaps, feeds and listings: fetched once per run, and again on every run.

        They bypass the persistent dupefilter (`dont_filter`) so a resumed JOBDIR crawl
        re-reads them instead of finishing at once (Scrapy's SitemapSpider does); the
        seen-URL store, not the dupefilter, keeps known articles from being fetched again.
        """
        if url in self._discovery_seen:
            return None
        self._discovery_seen.add(url)
        return self.request(url, callback, dont_filter=True, **kwargs)

    def parse_robots(self, response):
        for url in robots_sitemaps(response.text if hasattr(response, "text") else ""):
            # This host vouches for the entries on it of the sitemaps it names, wherever they are.
            request = self.discovery_request(url, self.parse_discovery,
                                             meta={VOUCHED: frozenset({host_of(response.url)})})
            if request is not None:
                yield request

    def _xml_body(self, response) -> bytes | None:
        body = response.body
        if body[:2] == b"\x1f\x8b":
            limit = self.settings.getint("SITEMAP_MAX_SIZE", 32 * 2**20)
            try:
                body = gunzip(body, max_size=limit)
            except (OSError, EOFError, ValueError) as error:
                self.skip(response, "sitemap_gzip", f"gzip body not read ({error or type(error).__name__})")
                return None
        return body

    def parse_discovery(self, response):
        body = self._xml_body(response)
        if body is None:
            return
        try:
            found = parse_discovery(body)
        except DiscoveryError as error:
            self.skip(response, "bad_sitemap", str(error))
            return
        self.crawler.stats.inc_value(f"newscrawl/discovery/{found.kind}")
        if found.problem:
            self.skip(response, "malformed_sitemap_recovered", f"{found.problem}: {len(found.entries)} entries kept")
        here = (*response.meta.get("redirect_urls", ()), response.url)
        chain = (*response.meta.get(CHAIN, ()), *here)  # this sitemap and the indexes above it
        vouched = response.meta.get(VOUCHED, frozenset())
        entries = found.entries
        if found.kind != "feed":  # feeds may link anywhere; sitemaps keep to their own host
            entries, others = split_off_host(entries, {host_of(url) for url in here} | vouched, self.domains)
            for host, waiting in others.items():
                yield from self._check_cross_submit(host, [(e, found.kind, chain, vouched) for e in waiting])
        for entry in entries:
            yield from self._follow(entry, found.kind, chain, vouched)

    def _follow(self, entry: Entry, kind: str, chain: tuple, vouched: frozenset):
        """The request for one sitemap or feed entry: a child sitemap or an article."""
        if kind == "sitemapindex":
            if self.follows_sitemap(entry.url):
                request = self.discovery_request(entry.url, self.parse_discovery, meta={CHAIN: chain, VOUCHED: vouched})
                if request is not None:
                    yield request
            return
        max_age = self.settings.getfloat("NEWSCRAWL_NEWS_MAX_AGE_DAYS", 0)
        if max_age and too_old(entry.published, max_age, crawl_now(self.settings)):
            self.crawler.stats.inc_value("newscrawl/discovery/too_old")
        elif self.is_article(entry.url):
            yield self.article_request(entry)

    def parse_listing(self, response):
        depth = response.meta.get("listing_depth", 0)
        for link in LinkExtractor(allow_domains=self.allowed_domains).extract_links(response):
            if self.is_article(link.url) and not self.is_listing(link.url):
                yield self.article_request(Entry(url=link.url))
            elif self.is_listing(link.url) and depth < self.max_listing_depth:
                request = self.discovery_request(link.url, self.parse_listing, meta={"listing_depth": depth + 1})
                if request is not None:
                    yield request

    def article_request(self, entry: Entry) -> scrapy.Request:
        self._note_announced(entry)
        return self.request(entry.url, self.parse_article, meta={"newscrawl_entry": entry})

    def _note_announced(self, entry: Entry) -> None:
        """Keep the newest date any sitemap or feed gave for a URL, whichever found it first."""
        announced = self._announced
        date = entry.lastmod or entry.published
        moment = parse_moment(date)
        if moment is not None and (entry.url not in announced or moment > announced[entry.url][0]):
            announced[entry.url] = (moment, date)

    # --- articles -------------------------------------------------------------------------
    def parse_article(self, response):
        """One Article item with the raw page; the pipelines extract and link it."""
        entry: Entry | None = response.meta.get("newscrawl_entry")
        loader = ArticleLoader()
        loader.add_value("url", response.url)
        loader.add_value("spider", self.name)
        loader.add_value("fetched_at", crawl_now(self.settings).isoformat(timespec="seconds"))
        loader.add_value("html", response.body)
        loader.add_value("content_type", response.headers.get(b"Content-Type", b"").decode("latin-1"))
        loader.add_value("hints", self.hints.as_dict() if self.hints else None)
        if self.articles_by_url and self._article_re and self.is_article(response.url):
            loader.add_value("article_by_url", True)
        if entry is not None:
            loader.add_value("sitemap_title", entry.title)
            loader.add_value("sitemap_published", entry.published)
            loader.add_value("discovered_lastmod",
                             self._announced.get(entry.url, (None, None))[1])
        yield loader.load_item()

    # --- failures -------------------------------------------------------------------------
    def skip(self, response, reason: str, message: str) -> None:
        self.crawler.stats.inc_value(f"newscrawl/skipped/{reason}")
        self.logger.warning("Skipped %s (%s): %s", response.url, reason, message)

    def on_error(self, failure):
        reason = failure_reason(failure)
        if reason == "internal_address":
            return  # the address guard counted it (newscrawl/safety/) and logged it once per host
        self.crawler.stats.inc_value(f"newscrawl/fetch_errors/{reason}")
        request = getattr(failure, "request", None) or getattr(failure.value, "request", None)
        url = request.url if request is not None else "?"
        self.logger.warning("Fetch failed (%s): %s: %s", reason, url, failure.getErrorMessage())
