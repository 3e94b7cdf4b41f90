"""warc: replays WARC files through the same pipelines (`scrapy crawl warc -a path=FILE_OR_DIR`)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import scrapy
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from newscrawl.clock import crawl_now
from newscrawl.crawl.arguments import SpiderArgumentError, check_arguments
from newscrawl.extraction import template_observation
from newscrawl.extraction.decoding import charset_of
from newscrawl.items import ArticleLoader
from newscrawl.pages import WARC_SUFFIXES, Page, read_pages
from newscrawl.signals import template_seen


def warc_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.name.lower().endswith(WARC_SUFFIXES))
    return [path]


# Pages read ahead per thread call: the observations of a whole large WARC would not fit in memory.
LEARN_BATCH = 500


def observe_batch(pages) -> list[tuple[str, list[str], str]] | None:
    """Template observations of the next LEARN_BATCH HTML pages of a `read_pages` iterator; None at its end."""
    batch = list(islice(pages, LEARN_BATCH))
    if not batch:
        return None
    seen = (template_observation(page.body, page.url, charset_of(page.content_type))
            for page in batch if isinstance(page, Page))
    return [observation for observation in seen if observation]


class WarcSpider(scrapy.Spider):
    """Every HTML response record becomes an Article item; no network access at all."""

    name = "warc"
    arguments = {"path": "a .warc / .warc.gz file, or a folder searched for them"}
    required_arguments = ("path",)

    @classmethod
    def check_path(cls, value: str) -> None:
        path = Path(value)
        if not path.exists():
            raise SpiderArgumentError(f"warc: -a path={value}: no such file or folder")
        if path.is_dir() and not warc_files(path):
            raise SpiderArgumentError(f"warc: -a path={value}: no .warc or .warc.gz files in this folder")

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        check_arguments(cls, kwargs)
        return super().from_crawler(crawler, *args, **kwargs)

    def __init__(self, path: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.path = Path(path) if path else None

    async def start(self):
        files = warc_files(self.path)
        if self.settings.getbool("NEWSCRAWL_BOILERPLATE_ENABLED"):
            # Learn the batch's templates first, so that a site's first pages are cleaned too.
            for file in files:
                pages = read_pages(file)
                while (seen := await maybe_deferred_to_future(deferToThread(observe_batch, pages))) is not None:
                    for site, keys, story in seen:
                        self.crawler.signals.send_catch_log(template_seen, site=site, keys=keys, story=story)
        for file in files:
            for page in read_pages(file):
                if not isinstance(page, Page):
                    self.crawler.stats.inc_value(f"newscrawl/skipped/{page.reason}")
                    # Request, warcinfo and metadata records, redirects and discovery pages are expected: no warning.
                    log = self.logger.debug if page.reason.startswith("warc_") else self.logger.warning
                    log("Skipped %s", page.message)
                    continue
                loader = ArticleLoader()
                loader.add_value("url", page.url)
                loader.add_value("spider", self.name)
                loader.add_value("fetched_at", page.fetched_at or crawl_now(self.settings).isoformat())
                loader.add_value("html", page.body)
                loader.add_value("content_type", page.content_type)
                yield loader.load_item()
