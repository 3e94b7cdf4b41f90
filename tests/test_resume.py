"""Resuming with the same JOBDIR and store: after a pause, and after a SIGKILL; every article once.

A paused run (Ctrl-C) saved its queue: the resumed run replays it and re-reads sitemaps and
listings. Scrapy writes the queue's state only on a clean stop, so after a kill the pending
requests cannot be replayed; the restart drops the stale queue and its request memory,
re-reads discovery, and the store skips what was exported.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

from newscrawl.store import open_store
from tests.crawling import ROOT, crawl_command, read_jsonl, run_crawl
from tests.mockweb import MIRROR_HOSTS, truth


def _command(output, host_map, workdir, log="killed.log", delay="0.15"):
    settings = {"NEWSCRAWL_STORE_URL": f"sqlite:///{workdir / 'state.sqlite'}",
                "JOBDIR": str(workdir / "job"), "CONCURRENT_REQUESTS": "1", "DOWNLOAD_DELAY": delay,
                "LOG_FILE": str(workdir / log)}
    return crawl_command("mirrors", output, host_map, settings=settings, feed="-o")


def _queued_bytes(jobdir) -> int:
    """Bytes of pending requests in the JOBDIR's disk queue (Scrapy's own files)."""
    return sum(p.stat().st_size for p in (jobdir / "requests.queue").rglob("*") if p.is_file())


def test_sigkill_with_a_queue_in_jobdir_then_restart_exports_every_article_once(mockweb, tmp_path):
    first, jobdir = tmp_path / "run1.jsonl", tmp_path / "job"
    # Downloads slower than extraction, so pending requests are still on disk when the
    # fifth article is exported (with a short delay the queue can drain first).
    process = subprocess.Popen(_command(first, mockweb.host_map, tmp_path, delay="0.5"), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(read_jsonl(first)) < 5:
        time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    killed_with = len(read_jsonl(first))
    expected = {p.url for p in truth.pages(1) if p.url.split("/")[2] in MIRROR_HOSTS}
    assert 5 <= killed_with < len(expected), "the crawl was not killed mid-run"
    assert _queued_bytes(jobdir) > 0, "the kill did not land while the JOBDIR held a queue"
    assert not (jobdir / "requests.queue" / "active.json").exists()  # Scrapy cannot replay it

    resumed = run_crawl("mirrors", tmp_path, mockweb.host_map, name="run2", settings={"JOBDIR": str(jobdir)})
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert "the last run was killed" in resumed.log
    urls = [r["url"] for r in read_jsonl(first)] + [r["url"] for r in resumed.records]
    assert sorted(urls) == sorted(expected), {"dupes": len(urls) - len(set(urls)),
                                              "missing": expected - set(urls)}
    # What the restart did: discovery re-read, exported articles skipped by the store, the rest fetched once.
    assert resumed.stats.get("newscrawl/discovery/urlset", 0) >= len(MIRROR_HOSTS)
    assert resumed.stats["newscrawl/extraction/extracted"] == len(expected) - killed_with
    assert resumed.stats["newscrawl/incremental/skipped_known"] >= killed_with
    assert not (jobdir / "run.open").exists()  # and it finished cleanly
    with open_store(f"sqlite:///{tmp_path / 'state.sqlite'}") as store:
        assert store.integrity_check() == []
        assert all(store.seen_get(url) is not None for url in expected)


def test_a_paused_run_resumes_its_queue_and_rereads_discovery(mockweb, tmp_path):
    first, jobdir = tmp_path / "run1.jsonl", tmp_path / "job"
    process = subprocess.Popen(_command(first, mockweb.host_map, tmp_path, log="paused.log", delay="0.5"), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(read_jsonl(first)) < 5:
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)  # Ctrl-C: finish what is in flight, save the queue
    assert process.wait(timeout=120) == 1  # a run stopped before its end exits 1, so cron notices
    paused_with = len(read_jsonl(first))
    expected = {p.url for p in truth.pages(1) if p.url.split("/")[2] in MIRROR_HOSTS}
    assert paused_with < len(expected), "the crawl was not paused mid-run"
    assert (jobdir / "requests.queue" / "active.json").exists() and (jobdir / "requests.seen").stat().st_size

    resumed = run_crawl("mirrors", tmp_path, mockweb.host_map, name="run2", settings={"JOBDIR": str(jobdir)})
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert "Resuming crawl" in resumed.log and "the last run was killed" not in resumed.log
    assert resumed.stats.get("newscrawl/discovery/urlset", 0) >= len(MIRROR_HOSTS)  # re-read, not skipped
    urls = [r["url"] for r in read_jsonl(first)] + [r["url"] for r in resumed.records]
    assert sorted(urls) == sorted(expected), {"dupes": len(urls) - len(set(urls)),
                                              "missing": expected - set(urls)}
