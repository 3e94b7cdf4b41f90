"""ccnews: a span of Common Crawl News, filtered by domain, language and URL, streamed file by file.

    scrapy crawl ccnews -a from=2024-01-01 -a to=2024-01-07 -a domains_file=domains.txt -a languages=en,de

Each month's `warc.paths.gz` is read under NEWSCRAWL_CCNEWS_BASE_URL; the WARC files whose
names fall in the span are fetched through Scrapy (host map, robots.txt, politeness) and
spooled to disk, never held in memory; each file is one unit of work, read record by
record. Records are filtered before extraction, then extracted and linked like any crawl.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from pathlib import Path

import scrapy
from scrapy import signals
from scrapy.utils.gz import gunzip

from newscrawl.crawl import ccnews
from newscrawl.crawl.arguments import SpiderArgumentError, check_arguments
from newscrawl.crawl.failures import failure_reason
from newscrawl.crawl.warcfile import warc_responses
from newscrawl.downloader.spool import SPOOL_META
from newscrawl.extensions.warc_archive import NO_ARCHIVE_META
from newscrawl.items import ArticleLoader
from newscrawl.pages import Skip
from newscrawl.signals import work_unit_done

UNIT_META = "newscrawl_unit"
STATS = "newscrawl/ccnews/"
LINK_BATCH = 64  # records linked per store transaction (see update_settings)
BREATH_SECONDS = 0.05  # longest stretch of record reading without handing the reactor a turn


class CCNewsSpider(scrapy.Spider):
    name = "ccnews"
    # A worker takes at most two files from a shared queue: one being read, one downloading.
    # (Scrapy pulls up to CONCURRENT_REQUESTS requests at once; more would hoard the fleet's work.)
    custom_settings = {"CONCURRENT_REQUESTS": 2, "CONCURRENT_REQUESTS_PER_DOMAIN": 2,
                       "NEWSCRAWL_LINK_BATCH_SECONDS": 2.0}
    # `-a NAME=VALUE` arguments (README and `-a help=1` list them; others are refused).
    arguments = {
        "from": "first day of the span, YYYY-MM-DD",
        "to": "last day of the span, YYYY-MM-DD (default: the first day)",
        "domains": "comma-separated domains to keep (subdomains included)",
        "domains_file": "file with one domain a line, to keep",
        "languages": "comma-separated ISO 639-1 codes to keep",
        "url_pattern": "regular expression a kept record's URL must match",
    }
    required_arguments = ("from",)

    def __init__(self, *args, domains: str | None = None, domains_file: str | None = None,
                 languages: str | None = None, url_pattern: str | None = None, **kwargs):
        start, end = kwargs.pop("from", None), kwargs.pop("to", None)
        super().__init__(*args, **kwargs)
        if not start:
            raise SpiderArgumentError("ccnews: pass the first day with -a from=YYYY-MM-DD (and -a to=, default: the same day)")
        self.start_day = ccnews.parse_day(start, "from")
        self.end_day = ccnews.parse_day(end, "to") if end else self.start_day
        if self.end_day < self.start_day:
            raise SpiderArgumentError(f"ccnews: -a to={end} is before -a from={start}")
        self.filter = ccnews.RecordFilter(
            domains=frozenset(ccnews.read_domains(domains, domains_file)),
            languages=frozenset(code.strip().lower() for code in (languages or "").split(",") if code.strip()),
            url_pattern=_pattern(url_pattern) if url_pattern else None,
        )
        self.records = self.kept = 0
        self.picked: set[str] = set()  # file URLs of the span (listings read so far, and redone files)
        self.done: set[str] = set()  # file URLs finished, in this run or (JOBDIR) an earlier one
        self.redoing: set[str] = set()  # file URLs an earlier run of this JOBDIR left unfinished, requested at start
        self.started_at: float | None = None
        self._outstanding: dict[str, int] = {}  # file URL -> items still in the pipelines
        self._exhausted: set[str] = set()  # files whose records were all read
        self._item_unit: dict[int, str] = {}  # id(item) -> its file URL

    @classmethod
    def update_settings(cls, settings):
        """Link records in batches: one store transaction for up to LINK_BATCH records, not one each.

        A file's records come by the thousand (bench/ccnews.py: linked one by one, linking
        took a third of a worker's time); a record waits at most NEWSCRAWL_LINK_BATCH_SECONDS.
        A batch waits for items the scraper holds at once, so it stays under half of
        CONCURRENT_ITEMS, or it would only ever be flushed by the timer. `-s` overrides it.
        """
        super().update_settings(settings)
        batch = min(LINK_BATCH, max(1, settings.getint("CONCURRENT_ITEMS") // 2))
        settings.set("NEWSCRAWL_LINK_BATCH_SIZE", batch, priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        check_arguments(cls, kwargs)
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.base_url = settings.get("NEWSCRAWL_CCNEWS_BASE_URL")
        spider.reader = settings.get("NEWSCRAWL_CCNEWS_READER")
        spider.file_timeout = settings.getfloat("NEWSCRAWL_CCNEWS_DOWNLOAD_TIMEOUT")
        jobdir = settings.get("JOBDIR")
        spider.ledger_path = Path(jobdir) / "ccnews-files.txt" if jobdir else None
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(spider._item_finished, signal=signal)
        return spider

    # --- listing -----------------------------------------------------------------------
    async def start(self):
        for url in self._interrupted_files():
            self.picked.add(url)
            self.redoing.add(url)
            self.logger.info("ccnews: redoing %s, interrupted in an earlier run of this JOBDIR", url)
            yield self.file_request(url).replace(dont_filter=True)
        for year, month in ccnews.months(self.start_day, self.end_day):
            yield scrapy.Request(ccnews.listing_url(self.base_url, year, month), callback=self.parse_listing,
                                 errback=self.listing_failed, dont_filter=True, meta={NO_ARCHIVE_META: True})

    def parse_listing(self, response):
        try:
            lines = gunzip(response.body).decode("utf-8", "replace").splitlines()
        except (OSError, EOFError, ValueError) as error:
            self._skip("bad_listing", f"{response.url}: not a gzip listing ({error})")
            return
        picked, bad = ccnews.pick_files(lines, self.start_day, self.end_day)
        if bad:
            self._skip("bad_listing_line", f"{response.url}: {bad} lines are not CC-NEWS file names", count=bad)
        self.picked.update(ccnews.file_url(self.base_url, path) for path in picked)
        self.crawler.stats.set_value(f"{STATS}files_picked", len(self.picked))
        self.logger.info("ccnews: %s lists %d files, %d in %s..%s", response.url, len(lines), len(picked),
                         self.start_day, self.end_day)
        for path in picked:
            url = ccnews.file_url(self.base_url, path)
            # After a kill -9 the dupefilter's memory is dropped (RunDupeFilter), so the ledger
            # decides: a file done is not read again, one being redone is not read twice at once.
            if url in self.done:
                self.crawler.stats.inc_value(f"{STATS}files_done_earlier")
                continue
            if url not in self.redoing:
                yield self.file_request(url)

    def listing_failed(self, failure):
        reason = failure_reason(failure)
        self.crawler.stats.inc_value(f"{STATS}listing_missing")
        self.logger.warning("ccnews: no listing at %s (%s): that month is skipped", failure.request.url, reason)

    # --- files -------------------------------------------------------------------------
    def file_request(self, url: str) -> scrapy.Request:
        meta = {SPOOL_META: True, UNIT_META: url, NO_ARCHIVE_META: True, "download_timeout": self.file_timeout}
        return scrapy.Request(url, callback=self.parse_file, errback=self.file_failed, meta=meta)

    def redo_request(self, url: str) -> scrapy.Request:
        """The request that redoes a unit another worker took and did not finish (InFlightLedger)."""
        return self.file_request(url).replace(dont_filter=True)

    def file_failed(self, failure):
        url = failure.request.url
        self.crawler.stats.inc_value(f"{STATS}files_failed")
        self.logger.warning("ccnews: %s not fetched (%s)", url, failure_reason(failure))

    async def parse_file(self, response):
        url, path = response.url, getattr(response, "spool_path", None)
        if path is None:  # not spooled: an error page, or a handler that does not spool
            self._skip("not_spooled", f"{url}: no spooled body (HTTP {response.status})")
            return
        self._note("started", url)
        self.picked.add(url)
        self.started_at = self.started_at or time.monotonic()
        self._outstanding[url] = 0
        breath = time.monotonic()
        try:
            for found in warc_responses(path, self.filter.url_reason, self.reader):
                if not self.crawler.crawling:
                    # Stopping (Ctrl-C): leave the file unfinished; a JOBDIR resume redoes it.
                    self.logger.info("ccnews: stopping inside %s; it stays unfinished", ccnews.file_name(url))
                    return
                if time.monotonic() - breath > BREATH_SECONDS:
                    # Long runs of filtered records yield nothing: let the reactor run (heartbeats, I/O).
                    await asyncio.sleep(0)
                    breath = time.monotonic()
                if isinstance(found, Skip):
                    self.crawler.stats.inc_value(f"{STATS}skipped/{found.reason}")
                    if found.reason == "bad_warc":
                        self.logger.warning("ccnews: skipped %s", found.message)
                    continue
                self.records += 1
                self.crawler.stats.set_value(f"{STATS}records_read", self.records)
                reason = self.filter.language_reason(found.content_language, found.body)
                if reason:
                    self.crawler.stats.inc_value(f"{STATS}skipped/filtered_{reason}")
                    continue
                yield self._item(found, url)
        finally:
            os.unlink(path)
        self._exhausted.add(url)
        self._maybe_done(url)

    def _item(self, found, unit: str):
        loader = ArticleLoader()
        loader.add_value("url", found.url)
        loader.add_value("spider", self.name)
        loader.add_value("fetched_at", found.fetched_at)
        loader.add_value("html", found.body)
        loader.add_value("content_type", found.content_type)
        item = loader.load_item()
        self.kept += 1
        self._outstanding[unit] += 1
        self._item_unit[id(item)] = unit
        self.crawler.stats.set_value(f"{STATS}records_to_extraction", self.kept)
        return item

    def _item_finished(self, item, **kwargs):
        unit = self._item_unit.pop(id(item), None)
        if unit is not None:
            self._outstanding[unit] -= 1
            self._maybe_done(unit)

    def _maybe_done(self, url: str) -> None:
        """A file is done once it was read to the end and all its items left the pipelines."""
        if url not in self._exhausted or self._outstanding.get(url):
            return
        self._exhausted.discard(url)
        self._outstanding.pop(url, None)
        self._note("done", url)
        self.done.add(url)
        left = len(self.picked - self.done)
        stats = self.crawler.stats
        elapsed = max(time.monotonic() - (self.started_at or time.monotonic()), 1e-6)
        stats.set_value(f"{STATS}files_done", len(self.done))
        stats.set_value(f"{STATS}files_left", left)
        stats.set_value(f"{STATS}records_per_second", round(self.records / elapsed, 1))
        self.logger.info("ccnews: %s done (%d files done, %d left): %d records read, %d to extraction, "
                         "%d articles exported, %.1f records/s", ccnews.file_name(url), len(self.done),
                         left, self.records, self.kept,
                         stats.get_value("item_scraped_count", 0), self.records / elapsed)
        self.crawler.signals.send_catch_log(work_unit_done, url=url, spider=self)

    # --- JOBDIR bookkeeping ------------------------------------------------------------------
    def _note(self, event: str, url: str) -> None:
        if self.ledger_path is not None:
            self.ledger_path.parent.mkdir(parents=True, exist_ok=True)
            with self.ledger_path.open("a", encoding="utf-8") as ledger:  # one line, flushed at once
                ledger.write(f"{event} {url}\n")

    def closed(self, reason: str) -> None:
        # Like the dupefilter (RunDupeFilter), a finished run forgets: the next run of this JOBDIR reads its span anew.
        if reason == "finished" and self.ledger_path is not None:
            self.ledger_path.unlink(missing_ok=True)

    def _interrupted_files(self) -> list[str]:
        """Files an earlier run of this JOBDIR started but did not finish (killed mid-file)."""
        if self.ledger_path is None or not self.ledger_path.exists():
            return []
        started: dict[str, None] = {}
        for line in self.ledger_path.read_text(encoding="utf-8").splitlines():
            event, _, url = line.partition(" ")
            if event == "started":
                started[url] = None
            elif event == "done":
                started.pop(url, None)
                self.done.add(url)
        return list(started)

    def _skip(self, reason: str, message: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(f"{STATS}skipped/{reason}", count)
        self.logger.warning("ccnews: skipped %s", message)


def _pattern(value: str) -> re.Pattern:
    try:
        return re.compile(value)
    except re.error as error:
        raise SpiderArgumentError(f"ccnews: -a url_pattern= is not a regular expression ({error}): {value!r}") from None
