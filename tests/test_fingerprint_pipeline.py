"""FingerprintPipeline: settings, cluster fields on items, stats, batches, and the clusters file on close."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest
from scrapy import Spider
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from twisted.internet import task

from newscrawl.items import Article
from newscrawl.pipelines.fingerprint import FingerprintPipeline
from newscrawl.store import StoreError
from tests.crawling import ROOT, crawl_command, read_jsonl, run_crawl
from tests.redis_server import RedisServer

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
    crawler = crawler_for(tmp_path, NEWSCRAWL_LINK_BATCH_SIZE=1)  # each item alone, answered at once
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


def run_batched(tmp_path, batch_size: int, name: str):
    """The corpus through the pipeline in batches; (items, clusters file lines, clock)."""
    clock = task.Clock()
    crawler = crawler_for(tmp_path / name)
    pipeline = FingerprintPipeline(f"sqlite:///{tmp_path}/{name}.sqlite", crawler.stats, crawler,
                                   batch_size=batch_size, batch_seconds=0.5, clock=clock)
    pipeline.open_spider()
    items, waits = [], []
    for record in CORPUS:
        item = Article(**record)
        items.append(item)
        waits.append(pipeline.process_item(item))
    return pipeline, items, waits, clock, crawler


def test_batches_hold_items_until_linked_then_release_them(tmp_path):
    pipeline, items, waits, clock, crawler = run_batched(tmp_path, 8, "eight")
    held = len(CORPUS) % 8
    assert held and all("relation" in item for item in items[:-held])
    assert not any("relation" in item for item in items[-held:])  # waiting for the batch timer
    clock.advance(0.5)
    assert all("relation" in item for item in items)
    assert crawler.stats.get_value("newscrawl/linking/batches") == len(CORPUS) // 8 + 1
    for wait in waits:
        wait.close()  # coroutines Scrapy would await; their items are already filled
    pipeline.close_spider()


def test_by_default_a_lone_item_waits_for_the_batch_timer_only(tmp_path):
    crawler = crawler_for(tmp_path)  # no batch settings: the defaults (64 items or 0.5 s)
    pipeline = FingerprintPipeline.from_crawler(crawler)
    pipeline.clock = clock = task.Clock()
    pipeline.open_spider()
    item = Article(**CORPUS[0])
    wait = pipeline.process_item(item)
    assert pipeline.batch_size == 64 and "relation" not in item
    clock.advance(0.49)
    assert "relation" not in item
    clock.advance(0.01)
    assert item["relation"] == "unique" and crawler.stats.get_value("newscrawl/linking/batches") == 1
    wait.close()
    pipeline.close_spider()


def test_any_batch_size_gives_the_same_clusters(tmp_path):
    # `former_ids` differ, rightly: they list the ids handed out with earlier answers, and
    # a batch answers once for what single items answered several times.
    files = []
    for size in (1, 5, 64):
        pipeline, items, waits, clock, _ = run_batched(tmp_path, size, f"size{size}")
        for wait in waits:
            if size > 1:
                wait.close()
        pipeline.close_spider()  # flushes what waits for the timer, then writes the clusters file
        assert all("relation" in item for item in items)
        lines = (tmp_path / f"size{size}" / "out" / "wires.clusters.jsonl").read_text().splitlines()
        files.append([{k: v for k, v in json.loads(line).items() if k != "former_ids"} for line in lines])
    assert files[0] == files[1] == files[2] and len(files[0]) == 14


def test_a_crawl_in_batches_exports_every_item_linked(mockweb, tmp_path):
    crawls = {}
    for size in (1, 8, None):  # None: the default (64)
        workdir = tmp_path / f"size{size}"
        workdir.mkdir()
        settings = {} if size is None else {"NEWSCRAWL_LINK_BATCH_SIZE": size}
        crawls[size] = run_crawl("partners", workdir, mockweb.host_map, settings=settings)
    one = crawls[1]
    assert one.returncode == 0 and one.clusters and "newscrawl/linking/batches" not in one.stats
    for batched in (crawls[8], crawls[None]):
        assert batched.returncode == 0, batched.log[-3000:]
        assert batched.stats.get("newscrawl/linking/batches", 0) >= 1
        assert sorted(r["url"] for r in batched.records) == sorted(r["url"] for r in one.records)
        assert all("relation" in r for r in batched.records if r.get("text"))
        assert clusters(batched) == clusters(one)


def clusters(crawl):
    return [{k: v for k, v in c.items() if k != "former_ids"} for c in crawl.clusters]


def test_a_batch_goes_at_once_when_scrapy_holds_too_many_responses(mockweb, tmp_path):
    # Scrapy stops downloading while the responses of items in progress exceed
    # SCRAPER_SLOT_MAX_ACTIVE_SIZE; here any response does, so each item is linked on
    # arrival instead of waiting a minute for the timer (which would time the crawl out).
    crawl = run_crawl("partners", tmp_path, mockweb.host_map, timeout=240, settings={
        "SCRAPER_SLOT_MAX_ACTIVE_SIZE": "1", "NEWSCRAWL_LINK_BATCH_SECONDS": "60"})
    assert crawl.returncode == 0, crawl.log[-3000:]
    linked = [r for r in crawl.records if r.get("text")]
    assert linked and all("relation" in r for r in linked)
    assert crawl.stats["newscrawl/linking/batches"] == len(linked)


def test_a_sigterm_links_and_exports_every_item_waiting_in_a_batch(mockweb, tmp_path):
    # Into Redis (one atomic script per batch), with batches that fill only at the timer: when
    # SIGTERM comes, items wait in the pipeline; the graceful stop links and exports them all.
    import redis

    output, log = tmp_path / "out.jsonl", tmp_path / "out.log"
    with RedisServer() as server:
        command = crawl_command("partners", output, mockweb.host_map, settings={
            "NEWSCRAWL_STORE_URL": f"{server.url}?prefix=term", "NEWSCRAWL_LINK_BATCH_SIZE": "1000",
            "NEWSCRAWL_LINK_BATCH_SECONDS": "2", "DOWNLOAD_DELAY": "0.2", "LOG_FILE": str(log)})
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        client = redis.Redis.from_url(server.url)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not client.hlen("nc:term:url"):  # a first batch is linked
            time.sleep(0.05)
        at_signal = client.hlen("nc:term:url")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) == 1  # a run stopped early says so in its exit code
        assert "the run ended early (shutdown)" in proc.stderr.read().decode()
        stored = {url.decode() for url in client.hkeys("nc:term:url")}
    records = [r for r in read_jsonl(output) if r.get("text")]
    summary = json.loads(output.with_name("out.summary.json").read_text())
    assert "shutting down gracefully" in log.read_text() and summary["stats"]["finish_reason"] == "shutdown"
    assert len(stored) > at_signal > 0  # items were waiting for the next batch when the signal came
    assert all("relation" in r for r in records)
    assert {r["url"] for r in records} == stored  # every item linked was exported, and none lost
