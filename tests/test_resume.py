"""A crawl killed with SIGKILL resumes from its JOBDIR and store: every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from newscrawl.store import open_store
from tests.crawling import ROOT, TEST_SETTINGS, read_jsonl, run_crawl
from tests.mockweb import truth


def _command(output, host_map, workdir):
    settings = {**TEST_SETTINGS, "NEWSCRAWL_HOST_MAP": json.dumps(host_map),
                "NEWSCRAWL_STORE_URL": f"sqlite:///{workdir / 'state.sqlite'}",
                "JOBDIR": str(workdir / "job"), "CONCURRENT_REQUESTS": "1", "DOWNLOAD_DELAY": "0.15",
                "LOG_FILE": str(workdir / "killed.log")}
    command = [sys.executable, "-m", "scrapy", "crawl", "mirrors", "-o", str(output)]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    return command


def test_sigkill_then_resume_exports_every_article_once(mockweb, tmp_path):
    first = tmp_path / "run1.jsonl"
    process = subprocess.Popen(_command(first, mockweb.host_map, tmp_path), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(read_jsonl(first)) < 5:
        time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    killed_with = len(read_jsonl(first))
    expected = {p.url for p in truth.pages(1) if p.url.split("/")[2] in
                ("capitatum.com", "sagebrushwire.com", "ledgerpostdaily.com")}
    assert 5 <= killed_with < len(expected), "the crawl was not killed mid-run"

    resumed = run_crawl("mirrors", tmp_path, mockweb.host_map, name="run2",
                        settings={"JOBDIR": str(tmp_path / "job")})
    assert resumed.returncode == 0, resumed.log[-3000:]
    urls = [r["url"] for r in read_jsonl(first)] + [r["url"] for r in resumed.records]
    assert sorted(urls) == sorted(expected), {"dupes": len(urls) - len(set(urls)),
                                              "missing": expected - set(urls)}
    with open_store(f"sqlite:///{tmp_path / 'state.sqlite'}") as store:
        assert store.integrity_check() == []
