"""A real scrapyd: deploy the project with scrapyd-deploy, schedule a job, read its JSONL."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.crawling import ROOT, TEST_SETTINGS, read_jsonl

BIN = Path(sys.executable).parent
PROJECT_FILES = ("newscrawl", "spiders", "pipelines", "pyproject.toml", "setup.py", "README.md")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def call(port: int, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{endpoint}", data=body, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path):
    if not (BIN / "scrapyd").exists():
        pytest.fail("scrapyd is not installed: run `make install`")
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\nitems_dir = {home / 'items'}\n"
        f"dbs_dir = {home / 'dbs'}\nmax_proc = 2\npoll_interval = 0.5\n"
    )
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if call(port, "daemonstatus.json")["status"] == "ok":
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail(f"scrapyd did not start: {process.stderr.read().decode()[-2000:]}")
                time.sleep(0.2)
        yield port, home
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_deploy_schedule_and_read_the_jsonl(scrapyd, mockweb, tmp_path):
    port, home = scrapyd
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    (project / "scrapy.cfg").write_text(
        "[settings]\ndefault = newscrawl.settings\n\n"
        f"[deploy]\nurl = http://127.0.0.1:{port}/\nproject = newscrawl\n"
    )
    deployed = subprocess.run([str(BIN / "scrapyd-deploy"), "--version", "r1"], cwd=project,
                              capture_output=True, text=True, timeout=300)
    assert deployed.returncode == 0 and '"status": "ok"' in deployed.stdout, deployed.stdout + deployed.stderr
    assert "apnews" in call(port, "listspiders.json?project=newscrawl")["spiders"]

    job = call(port, "schedule.json", [
        ("project", "newscrawl"), ("spider", "apnews"),
        ("setting", f"NEWSCRAWL_HOST_MAP={json.dumps(mockweb.host_map)}"),
        ("setting", f"NEWSCRAWL_STORE_URL=sqlite:///{tmp_path / 'state.sqlite'}"),
        ("setting", "AUTOTHROTTLE_ENABLED=False"), ("setting", "DOWNLOAD_DELAY=0"),
        ("setting", f"NEWSCRAWL_NOW={TEST_SETTINGS['NEWSCRAWL_NOW']}"),
    ])["jobid"]
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        jobs = call(port, "listjobs.json?project=newscrawl")
        if any(j["id"] == job for j in jobs["finished"]):
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"job {job} did not finish: {jobs}")
    items = list((home / "items").rglob(f"{job}.jl"))
    assert items, list((home / "items").rglob("*"))
    records = read_jsonl(items[0])
    assert len(records) >= 20
    assert all(r["site"] == "apnews.com" and r["text"] for r in records)
