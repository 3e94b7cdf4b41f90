"""SeenUrlPipeline: an article is marked seen only once exported; unchanged re-fetches are dropped."""

from __future__ import annotations

import pytest
from scrapy import Spider, signals
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.items import Article
from newscrawl.pipelines.seen import SeenUrlPipeline, content_hash
from newscrawl.store import open_store

URL = "https://news.example/2026/11/27/harbor-ferry.html"
TEXT = "The harbor ferry resumed service on Friday.\n\nRiders waited an hour at the north pier."


@pytest.fixture
def crawler(tmp_path):
    crawler = get_crawler(Spider, {"NEWSCRAWL_INCREMENTAL": True,
                                   "NEWSCRAWL_STORE_URL": f"sqlite:///{tmp_path / 'state.sqlite'}"})
    crawler.spider = Spider(name="seen-test")
    return crawler


@pytest.fixture
def pipeline(crawler):
    pipeline = SeenUrlPipeline.from_crawler(crawler)
    pipeline.open_spider()
    yield pipeline
    pipeline.close_spider()


def _article(text=TEXT, **fields) -> Article:
    return Article(url=URL, text=text, fetched_at="2026-11-27T12:00:00+00:00", **fields)


def _exported(crawler, item) -> None:
    """What the engine does once the feed exporter took the item."""
    crawler.signals.send_catch_log(signals.item_scraped, item=item, response=None, spider=crawler.spider)


def test_an_article_is_not_seen_until_it_is_exported(crawler, pipeline):
    item = pipeline.process_item(_article(discovered_lastmod="2026-11-27T10:00:00+00:00"))
    assert pipeline.store.seen_get(URL) is None  # a crash here must not lose the article next run
    _exported(crawler, item)
    seen = pipeline.store.seen_get(URL)
    assert seen is not None and seen.content_hash == content_hash(TEXT)
    assert seen.lastmod == "2026-11-27T10:00:00+00:00" and seen.fetched_at == "2026-11-27T12:00:00+00:00"


def test_an_article_dropped_after_this_pipeline_is_never_seen(crawler, pipeline, tmp_path):
    pipeline.process_item(_article())  # a later pipeline drops it: no item_scraped
    pipeline.close_spider()
    with open_store(f"sqlite:///{tmp_path / 'state.sqlite'}") as store:
        assert store.seen_get(URL) is None


def test_an_unchanged_refetch_is_dropped_and_a_changed_one_passes(crawler, pipeline):
    _exported(crawler, pipeline.process_item(_article()))
    with pytest.raises(DropItem, match="unchanged"):
        pipeline.process_item(_article(text=TEXT.replace("\n\n", "\n\n  ")))  # whitespace only
    changed = TEXT + "\n\nService runs every half hour until Sunday."
    assert pipeline.process_item(_article(text=changed))["text"] == changed
    assert crawler.stats.get_value("newscrawl/incremental/unchanged") == 1
    assert crawler.stats.get_value("newscrawl/incremental/changed") == 1


def test_incremental_off_turns_the_pipeline_off(tmp_path):
    crawler = get_crawler(Spider, {"NEWSCRAWL_INCREMENTAL": False})
    with pytest.raises(NotConfigured):
        SeenUrlPipeline.from_crawler(crawler)
