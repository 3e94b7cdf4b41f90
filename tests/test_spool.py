"""Spooling handler: big bodies reach disk intact past DOWNLOAD_MAXSIZE, pages stay in memory, stale files go."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys

from newscrawl.downloader.spool import spool_prefix, stale_spool_files
from tests.crawling import ROOT, TEST_SETTINGS, read_jsonl
from tests.mockweb.ccnews import StaticHost

BIG = 24 * 1024 * 1024  # above DOWNLOAD_MAXSIZE (16 MiB): Scrapy itself would abort it


def test_a_spooled_body_reaches_disk_whole_and_a_page_stays_in_memory(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    data = os.urandom(BIG)
    (site / "big.bin").write_bytes(data)
    page = b"<html><body><p>small page</p></body></html>"
    (site / "page.html").write_bytes(page)
    spool = tmp_path / "spool"
    out = tmp_path / "out.jsonl"
    with StaticHost(site) as host:
        settings = {**TEST_SETTINGS, "NEWSCRAWL_HOST_MAP": json.dumps({"files.example": host.address}),
                    "NEWSCRAWL_SPOOL_DIR": str(spool), "NEWSCRAWL_STORE_URL": f"sqlite:///{tmp_path / 's.sqlite'}",
                    "ITEM_PIPELINES": "{}", "LOG_FILE": str(tmp_path / "log")}
        command = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "tests/probes/spool_spider.py"),
                   "-O", str(out), "-a", "big=https://files.example/big.bin",
                   "-a", "small=https://files.example/page.html"]
        for key, value in settings.items():
            command += ["-s", f"{key}={value}"]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    log = (tmp_path / "log").read_text()
    assert result.returncode == 0, log[-2000:]
    items = {item["kind"]: item for item in read_jsonl(out)}
    big = items["big"]
    assert big["url"] == "https://files.example/big.bin"  # the real URL, not the mapped address
    assert big["body_len"] == 0 and big["size"] == BIG
    assert big["sha256"] == hashlib.sha256(data).hexdigest()
    assert big["path"].startswith(str(spool))
    assert items["small"] == {"kind": "small", "url": "https://files.example/page.html", "body_len": len(page),
                              "spooled": False}
    assert list(spool.iterdir()) == []


def test_only_spool_files_of_dead_processes_of_this_host_are_stale(tmp_path):
    host = socket.gethostname()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        names = {
            "killed": f"{spool_prefix(host, dead.pid)}ab12_x.spool",  # its process is gone: stale
            "running": f"{spool_prefix(host, alive.pid)}cd34_y.spool",  # still in use
            "own": f"{spool_prefix(host, os.getpid())}ef56_z.spool",  # this process's own
            "other_host": f"{spool_prefix('other-machine-1', dead.pid)}gh78_w.spool",  # not ours to judge
            "not_ours": "newscrawl-report.spool.bak",
            "older_name": "newscrawl-k3j4l5m6.spool",  # no process in the name: left alone
        }
        for name in names.values():
            (tmp_path / name).write_bytes(b"x" * 10)
        assert stale_spool_files(tmp_path, host, os.getpid()) == [tmp_path / names["killed"]]
    finally:
        alive.kill()
        alive.wait()
