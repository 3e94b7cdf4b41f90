"""FingerprintPipeline: settings, cluster fields on items, stats, and the clusters file on close."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.items import Article
from newscrawl.pipelines.fingerprint import FingerprintPipeline
from newscrawl.store import StoreError

DATA = Path(__file__).parent / "data" / "linking"
CORPUS = [json.loads(line) for line in (DATA / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]


def crawler_for(tmp_path, **settings):
    crawler = get_crawler(Spider, {
        "NEWSCRAWL_STORE_URL": f"sqlite:///{tmp_path}/state/links.sqlite",
        "FEEDS": {str(tmp_path / "out" / "%(name)s.jsonl"): {"format": "jsonlines"}},
        **settings,
    })
    crawler.spider = Spider(name="wires")
    return crawler


def test_linking_can_be_disabled(tmp_path):
    with pytest.raises(NotConfigured):
        FingerprintPipeline.from_crawler(crawler_for(tmp_path, NEWSCRAWL_LINKING_ENABLED=False))


def test_items_get_cluster_fields_and_the_clusters_file_is_written(tmp_path):
    crawler = crawler_for(tmp_path)
    pipeline = FingerprintPipeline.from_crawler(crawler)
    pipeline.open_spider()
    fire = [r for r in CORPUS if "glassworks" in r["url"] or "fire-guts" in r["url"]]
    items = [pipeline.process_item(Article(**record)) for record in fire]
    untouched = pipeline.process_item(Article(url="https://a.example/gallery", text="   "))
    pipeline.close_spider()

    assert "cluster_id" not in untouched
    by_url = {item["url"]: item for item in items}
    original = "https://apnews.com/article/greywater-glassworks-fire-3f9a1c"
    # Answers are the best knowledge at the time: the original came first, alone.
    assert by_url[original]["relation"] == "unique" and by_url[original]["cluster_id"] is None
    excerpt = by_url["https://www.rivertonledger.com/wire/greywater-glassworks-fire"]
    assert excerpt["relation"] == "excerpt" and excerpt["duplicate_of"] == original
    assert by_url["https://www.greywatergazette.com/local/glassworks-blaze"]["relation"] == "unique"

    stats = crawler.stats.get_stats()
    assert stats["newscrawl/linking/linked"] == 3
    assert stats["newscrawl/linking/skipped/no_text"] == 1
    assert stats["newscrawl/linking/clusters"] == 1
    [cluster] = [json.loads(line) for line in (tmp_path / "out" / "wires.clusters.jsonl").read_text().splitlines()]
    assert cluster["original"] == original and cluster["cluster_id"] == excerpt["cluster_id"]
    assert {m["url"] for m in cluster["members"]} == set(by_url) - {"https://www.greywatergazette.com/local/glassworks-blaze"}


def test_a_bad_store_url_fails_with_a_clear_error(tmp_path):
    pipeline = FingerprintPipeline.from_crawler(crawler_for(tmp_path, NEWSCRAWL_STORE_URL="nosuch://x"))
    with pytest.raises(StoreError, match="unsupported store URL"):
        pipeline.open_spider()
