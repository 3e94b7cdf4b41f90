"""ccnews on many workers and one Redis: every file once, every article once, a killed worker's file redone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest

from tests.crawling import ROOT, crawl_command, read_jsonl, run_crawl
from tests.mockweb.ccnews import CC_HOST, FILES, StaticHost, build_month, file_name
from tests.redis_server import RedisServer
from tests.test_distributed import cluster_view, write_clusters

SPAN = {"from": "2024-01-01", "to": "2024-01-31"}  # all four files of the month
WORKERS = 3
# One file at a time per worker, fetched at a pace that lets the others join.
PACED = {"NEWSCRAWL_SPOOL_MAX_FILES": "1", "DOWNLOAD_DELAY": "0.3", "CONCURRENT_REQUESTS": "1",
         "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}


def worker(output, host_map, redis_url, extra=None):
    settings = {**PACED, "NEWSCRAWL_REDIS_URL": redis_url, "LOG_FILE": str(output.with_suffix(".log")), **(extra or {})}
    command = crawl_command("ccnews", output, host_map, settings=settings, args=SPAN)
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    root = tmp_path_factory.mktemp("cc-host")
    plan = build_month(root, extra_hosts=40)  # ~80 records a file: a file takes seconds to work through
    with StaticHost(root) as host:
        yield plan, {CC_HOST: host.address}


def expected_urls(plan) -> set[str]:
    return {url for urls in plan.files.values() for url in urls}


def test_three_workers_do_every_file_once_and_link_like_one_process(month, tmp_path):
    plan, host_map = month
    with RedisServer() as server:
        outputs = [tmp_path / f"w{n}.jsonl" for n in range(WORKERS)]
        processes = [worker(out, host_map, server.url) for out in outputs]
        codes = [p.wait(timeout=300) for p in processes]
        assert codes == [0] * WORKERS, [p.stderr.read().decode()[-2000:] for p in processes]
        write_clusters(server.url, tmp_path / "fleet-clusters.jsonl")
    logs = [out.with_suffix(".log").read_text() for out in outputs]
    for stamp, serial in FILES:
        done = sum(log.count(f"ccnews: {file_name(stamp, serial)} done") for log in logs)
        assert done == 1, file_name(stamp, serial)
    assert sum(1 for log in logs if " done (" in log) >= 2, "one worker did all the files"
    urls = [r["url"] for out in outputs for r in read_jsonl(out)]
    assert len(urls) == len(set(urls)), "an article exported twice"
    assert set(urls) == expected_urls(plan)
    single = run_crawl("ccnews", tmp_path, host_map, args=SPAN, name="single")
    assert single.returncode == 0, single.log[-2000:]
    write_clusters(f"sqlite:///{tmp_path / 'state.sqlite'}", tmp_path / "single-clusters.jsonl")
    assert cluster_view(tmp_path / "fleet-clusters.jsonl") == cluster_view(tmp_path / "single-clusters.jsonl")


def test_a_killed_workers_file_is_redone_without_duplicate_exports(month, tmp_path):
    plan, host_map = month
    with RedisServer() as server:
        outputs = [tmp_path / f"w{n}.jsonl" for n in range(WORKERS)]
        processes = [worker(outputs[0], host_map, server.url)]
        victim_log = outputs[0].with_suffix(".log")
        deadline = time.monotonic() + 120
        # Kill it mid-file: some records of its first file exported, the file not done.
        while time.monotonic() < deadline and len(read_jsonl(outputs[0])) < 3:
            time.sleep(0.02)
        os.kill(processes[0].pid, signal.SIGKILL)
        processes[0].wait(timeout=60)
        assert " done (" not in victim_log.read_text(), "the victim finished its file before the kill"
        survivors = [worker(out, host_map, server.url) for out in outputs[1:]]
        codes = [p.wait(timeout=300) for p in survivors]
        assert codes == [0, 0], [p.stderr.read().decode()[-2000:] for p in survivors]
    summaries = [json.loads(out.with_name(out.stem + ".summary.json").read_text()) for out in outputs[1:]]
    assert sum(s["stats"].get("newscrawl/distributed/requeued", 0) for s in summaries) >= 1
    urls = [r["url"] for out in outputs for r in read_jsonl(out)]
    assert set(urls) == expected_urls(plan), {"missing": expected_urls(plan) - set(urls)}
    # The victim's exports are remembered in Redis; a redo drops them (at most one in flight at the kill).
    assert len(urls) - len(set(urls)) <= 1, "records exported twice"
    assert sum(s["stats"].get("newscrawl/incremental/unchanged", 0) for s in summaries) >= 3
