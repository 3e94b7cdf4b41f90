"""newscrawl's `scrapy crawl`: one feed where the user asked, exit statuses, `-a help=1`, spider arguments."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from newscrawl.record import record_errors
from tests.crawling import ROOT, TEST_SETTINGS, read_jsonl
from tests.pages import article_html, warc_bytes

URL = "https://www.ostlandcourier.com/news/gates/"


def spider_classes() -> dict:
    loader = SpiderLoader.from_settings(get_project_settings())
    return {name: loader.load(name) for name in loader.list()}


def scrapy(args: list[str], cwd: Path, **env) -> subprocess.CompletedProcess:
    """`scrapy ARGS` in a folder outside the project (settings from SCRAPY_SETTINGS_MODULE)."""
    command = [sys.executable, "-m", "scrapy", *args]
    for key, value in TEST_SETTINGS.items():
        command += ["-s", f"{key}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", **env}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def warc(tmp_path) -> Path:
    path = tmp_path / "one.warc.gz"
    path.write_bytes(warc_bytes([("response", URL, article_html().encode())]))
    return path


def test_without_a_feed_the_run_goes_to_the_output_dir(tmp_path, warc):
    result = scrapy(["crawl", "warc", "-a", f"path={warc}", "-s", "NEWSCRAWL_OUTPUT_DIR=runs"], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    feeds = [p for p in (tmp_path / "runs" / "warc").glob("*.jsonl") if not p.name.endswith(".clusters.jsonl")]
    assert len(feeds) == 1
    records = read_jsonl(feeds[0])
    assert [r["url"] for r in records] == [URL] and record_errors(records[0]) == []
    assert len(list((tmp_path / "runs" / "warc").glob("*.summary.json"))) == 1
    assert not (tmp_path / "output").exists()


def test_with_O_the_run_writes_one_feed_and_nothing_under_output(tmp_path, warc):
    result = scrapy(["crawl", "warc", "-a", f"path={warc}", "-O", "mine.jsonl"], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [r["url"] for r in read_jsonl(tmp_path / "mine.jsonl")] == [URL]
    assert (tmp_path / "mine.summary.json").exists() and (tmp_path / "mine.clusters.jsonl").exists()
    assert not (tmp_path / "output").exists()
    assert result.stderr.count("Stored jsonl") == 1


def test_an_incremental_run_with_nothing_new_succeeds(tmp_path, warc):
    first = scrapy(["crawl", "warc", "-a", f"path={warc}", "-O", "first.jsonl"], tmp_path)
    second = scrapy(["crawl", "warc", "-a", f"path={warc}", "-O", "second.jsonl"], tmp_path)
    assert (first.returncode, second.returncode) == (0, 0), second.stderr[-3000:]
    summary = json.loads((tmp_path / "second.summary.json").read_text())
    assert summary["items"] == 0 and summary["failures"] == []
    assert summary["stats"]["newscrawl/incremental/unchanged"] == 1


def test_the_summary_says_why_a_run_failed(tmp_path):
    path = tmp_path / "none.warc.gz"
    path.write_bytes(warc_bytes([("response", URL, b"<html><body><nav>Home</nav></body></html>")]))
    result = scrapy(["crawl", "warc", "-a", f"path={path}", "-O", "none.jsonl"], tmp_path)
    assert result.returncode == 1
    summary = json.loads((tmp_path / "none.summary.json").read_text())
    assert summary["failures"] == ["nothing exported (0 pages fetched, 1 dropped)"]
    assert result.stderr.strip().splitlines()[-1] == \
        "scrapy crawl warc: run failed: nothing exported (0 pages fetched, 1 dropped)"


def test_a_warc_record_without_target_uri_is_counted_and_the_rest_crawled(tmp_path):
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(warc_bytes([("response", "", article_html().encode()),
                                 ("response", URL, article_html().encode())]))
    result = scrapy(["crawl", "warc", "-a", f"path={path}", "-O", "mixed.jsonl"], tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [r["url"] for r in read_jsonl(tmp_path / "mixed.jsonl")] == [URL]
    summary = json.loads((tmp_path / "mixed.summary.json").read_text())
    assert summary["stats"]["newscrawl/skipped/no_target_uri"] == 1


@pytest.mark.parametrize("name", sorted(spider_classes()))
def test_help_lists_the_spiders_arguments(tmp_path, name):
    result = scrapy(["crawl", name, "-a", "help=1"], tmp_path)
    assert result.returncode == 0, result.stderr
    arguments = spider_classes()[name].arguments
    assert arguments, name
    for argument in arguments:
        assert f"-a {argument}=" in result.stdout
    assert result.stdout.startswith(f"{name}: ")


def test_readme_lists_every_spiders_arguments():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| (`\w+` \((?:required|optional)\).*) \|$", readme, flags=re.M))
    spiders = spider_classes()
    assert set(rows) == set(spiders)
    for name, spider in spiders.items():
        assert re.findall(r"`(\w+)` \((?:required|optional)\)", rows[name]) == list(spider.arguments), name
        for argument in spider.arguments:
            required = argument in getattr(spider, "required_arguments", ())
            assert f"`{argument}` ({'required' if required else 'optional'})" in rows[name]
