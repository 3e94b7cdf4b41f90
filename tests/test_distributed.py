"""Many workers, one Redis: pages fetched once in total, one cluster and one original per story."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
import redis

from tests.crawling import ROOT, crawl_command, read_jsonl, run_crawl
from tests.mockweb import MIRROR_HOSTS, truth
from tests.redis_server import RedisServer

SITE_SPIDERS = ("apnews", "partners", "mirrors")
WORKERS = 3
# The mock web answers in microseconds: pace each worker so the crawl outlasts the others' start-up.
PACED = {"DOWNLOAD_DELAY": "0.15", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"}


def worker_command(spider, output, host_map, redis_url, extra=None):
    settings = {"NEWSCRAWL_REDIS_URL": redis_url, "LOG_FILE": str(output.with_suffix(".log")), **(extra or {})}
    return crawl_command(spider, output, host_map, settings=settings)


def run_workers(spider, workdir, host_map, redis_url, count=WORKERS, extra=None):
    outputs = [workdir / f"{spider}-w{n}.jsonl" for n in range(count)]
    processes = [subprocess.Popen(worker_command(spider, out, host_map, redis_url, extra), cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for out in outputs]
    return processes, outputs


def cluster_view(path) -> set[tuple[str, frozenset]]:
    """(original, members) of every cluster: what must agree between two ways of crawling."""
    return {(c["original"], frozenset(m["url"] for m in c["members"])) for c in read_jsonl(path)}


def write_clusters(store_url, path):
    subprocess.run([sys.executable, "-m", "newscrawl.cli", "clusters", "--store", store_url, "-o", str(path)],
                   cwd=ROOT, check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def redis_server():
    with RedisServer() as server:
        yield server


@pytest.fixture(scope="module")
def fleet(mockweb, redis_server, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("fleet")
    results = {}
    for spider in SITE_SPIDERS:  # the agency first, three workers each
        processes, outputs = run_workers(spider, workdir, mockweb.host_map, redis_server.url, extra=PACED)
        codes = [p.wait(timeout=300) for p in processes]
        summaries = [json.loads(o.with_name(o.stem + ".summary.json").read_text()) for o in outputs]
        results[spider] = (codes, outputs, summaries, [p.stderr.read().decode() for p in processes])
    write_clusters(redis_server.url, workdir / "clusters.jsonl")
    return results, workdir


def test_every_article_is_fetched_once_in_total(fleet):
    results, _ = fleet
    expected = {p.url for p in truth.pages(1) if p.site != "brokenpress.com"}
    exported = []
    workers_with_items = 0
    for spider, (codes, outputs, summaries, errors) in results.items():
        assert codes == [0] * WORKERS, (spider, errors)
        extracted = sum(s["stats"].get("newscrawl/extraction/extracted", 0) for s in summaries)
        records = [r for out in outputs for r in read_jsonl(out)]
        assert extracted == len(records), spider  # no page fetched twice
        assert sum(1 for s in summaries if s["stats"].get("scheduler/dequeued/redis")) >= 2, \
            f"{spider}: the queue was not shared"
        exported += [r["url"] for r in records]
        workers_with_items += sum(1 for s in summaries if s["items"])
    assert sorted(exported) == sorted(expected)
    assert workers_with_items > len(SITE_SPIDERS), "one worker did all the work"


def test_clusters_equal_a_single_process_sqlite_crawl(fleet, mockweb, tmp_path):
    _, workdir = fleet
    for spider in SITE_SPIDERS:
        run_crawl(spider, tmp_path, mockweb.host_map, name=spider)
    write_clusters(f"sqlite:///{tmp_path / 'state.sqlite'}", tmp_path / "clusters.jsonl")
    single = cluster_view(tmp_path / "clusters.jsonl")
    shared = cluster_view(workdir / "clusters.jsonl")
    assert shared == single
    originals = [original for original, _ in shared]
    assert len(originals) == len(set(originals))  # one original per cluster


def _held_by(redis_url, log_path) -> set[str]:
    """URLs the ledger lists for the worker that writes this log."""
    worker = re.search(r"Worker (\w+) joined", log_path.read_text()).group(1)
    client = redis.Redis.from_url(redis_url)
    return {url.decode() for url, owner in client.hgetall("newscrawl:inflight:mirrors").items()
            if owner.decode() == worker}


def _stop_holding_pages(process, log_path, redis_url, timeout=60.0) -> set[str]:
    """SIGSTOP the worker at a moment it holds pages taken from the queue; the URLs it holds."""
    deadline = time.monotonic() + timeout
    worker = None
    client = redis.Redis.from_url(redis_url)
    while time.monotonic() < deadline:
        if worker is None and log_path.exists():
            found = re.search(r"Worker (\w+) joined", log_path.read_text())
            worker = found and found.group(1)
        os.kill(process.pid, signal.SIGSTOP)
        held = {url.decode() for url, owner in client.hgetall("newscrawl:inflight:mirrors").items()
                if worker and owner.decode() == worker}
        if held:
            return held
        os.kill(process.pid, signal.SIGCONT)
        time.sleep(0.02)
    pytest.fail("the worker never held a page")


def test_a_killed_worker_loses_nothing(mockweb, tmp_path):
    with RedisServer() as server:
        # Items exported one by one: with batches (64 or 0.5 s) the first exports come in a burst,
        # and by then the worker may hold nothing more to be caught holding.
        slow = {"CONCURRENT_REQUESTS": "2", "DOWNLOAD_DELAY": "0.2", "NEWSCRAWL_LINK_BATCH_SIZE": "1"}
        processes, outputs = run_workers("mirrors", tmp_path, mockweb.host_map, server.url, extra=slow)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(read_jsonl(outputs[0])) < 2:
            time.sleep(0.05)
        held = _stop_holding_pages(processes[0], outputs[0].with_suffix(".log"), server.url)
        os.kill(processes[0].pid, signal.SIGKILL)
        processes[0].wait(timeout=30)
        # Read again once it is dead: a ledger write it sent just before the stop counts too
        # (its heartbeat outlives it by seconds, so no survivor has claimed anything yet).
        held = _held_by(server.url, outputs[0].with_suffix(".log")) | held
        codes = [p.wait(timeout=300) for p in processes[1:]]
        assert codes == [0, 0], [p.stderr.read().decode()[-2000:] for p in processes[1:]]
    urls = [r["url"] for out in outputs for r in read_jsonl(out)]
    expected = {p.url for p in truth.pages(1) if p.url.split("/")[2] in MIRROR_HOSTS}
    assert set(urls) == expected, {"missing": expected - set(urls)}
    summaries = [json.loads(o.with_name(o.stem + ".summary.json").read_text()) for o in outputs[1:]]
    # Every held page is re-queued by exactly one survivor (the claim is atomic: test_inflight.py).
    requeued = sum(s["stats"].get("newscrawl/distributed/requeued", 0) for s in summaries)
    assert requeued == len(held), (requeued, held)
    # Exported twice only if the kill fell between the killed worker's feed line and its
    # ledger entry's removal.
    twice = {url for url in urls if urls.count(url) > 1}
    assert twice <= held & {r["url"] for r in read_jsonl(outputs[0])}, twice


def test_unreachable_redis_is_a_clear_error_before_any_fetch(mockweb, tmp_path):
    with RedisServer() as server:
        dead_url = server.url
    output = tmp_path / "out.jsonl"
    result = subprocess.run(worker_command("apnews", output, mockweb.host_map, dead_url), cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    log = output.with_suffix(".log").read_text() + result.stderr
    assert result.returncode == 2  # nothing was crawled: one line says why
    assert "cannot reach the Redis server" in result.stderr.splitlines()[-1] and dead_url.split("/0")[0] in log
    assert "Crawled (200)" not in log and not read_jsonl(output)


QUEUE_CALLS = ("zremrangebyrank", "exec", "zadd", "sadd")  # scrapy-redis: queue pop, push, dupefilter


def test_redis_restarted_inside_a_queue_call_is_retried_and_the_crawl_completes(mockweb, tmp_path):
    with RedisServer() as server:
        slow = {"CONCURRENT_REQUESTS": "2", "DOWNLOAD_DELAY": "0.2"}
        processes, outputs = run_workers("mirrors", tmp_path, mockweb.host_map, server.url, count=1, extra=slow)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(read_jsonl(outputs[0])) < 4:
            time.sleep(0.05)
        assert len(read_jsonl(outputs[0])) >= 4, processes[0].stderr.read().decode()[-2000:]
        # Inside a call of the shared queue (scrapy-redis's pop or push); the store's calls
        # ride out restarts in test_store_redis.py.
        assert server.restart_inside_a_call(QUEUE_CALLS) in QUEUE_CALLS
        code = processes[0].wait(timeout=300)
        write_clusters(server.url, tmp_path / "clusters.jsonl")
    log = outputs[0].with_suffix(".log").read_text()
    assert code == 0 and "ERROR" not in log, log[-3000:]
    urls = [r["url"] for r in read_jsonl(outputs[0])]
    expected = {p.url for p in truth.pages(1) if p.url.split("/")[2] in MIRROR_HOSTS}
    assert sorted(urls) == sorted(expected)
    # Every page that shares a story with another is in that story's cluster.
    clustered = {url for _, members in cluster_view(tmp_path / "clusters.jsonl") for url in members}
    stories = {}
    for page in truth.pages(1):
        if page.url in expected:
            stories.setdefault(page.story_id, set()).add(page.url)
    for story in stories.values():
        if len(story) > 1:
            assert story <= clustered, story - clustered
