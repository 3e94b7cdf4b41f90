"""The hostile web: every failure is a log line and a stat, and the good pages still come out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newscrawl.record import record_errors
from tests.crawling import ROOT, TEST_SETTINGS, run_crawl
from tests.mockweb.truth import HOSTILE_ENDPOINTS as ENDPOINTS

GOOD = {
    "https://www.brokenpress.com/news/2026/11/26/gull-point-keeper.html",
    "https://www.brokenpress.com/news/2026/11/25/wexley-cider-press.html",
}
BAD_URLS = ["private", "not_found", "server_error", "redirect_start", "loop", "slow", "binary", "gzbomb_page"]


@pytest.fixture(scope="module")
def sitemap_crawl(mockweb, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hostile-sitemap")
    return run_crawl("sitemap", workdir, mockweb.host_map, args={"url": ENDPOINTS["sitemap"]},
                     settings={"DOWNLOAD_TIMEOUT": "2"})


@pytest.fixture(scope="module")
def url_crawl(mockweb, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hostile-urls")
    url_file = workdir / "urls.txt"
    url_file.write_text("# hostile pages\n" + "\n".join(ENDPOINTS[k] for k in BAD_URLS) + "\n\nnot a url\n")
    return run_crawl("urls", workdir, mockweb.host_map, args={"file": str(url_file)},
                     settings={"DOWNLOAD_TIMEOUT": "2"})


def test_sitemap_crawl_finishes_with_the_good_articles(sitemap_crawl):
    assert sitemap_crawl.returncode == 0, sitemap_crawl.log[-3000:]
    assert {r["url"] for r in sitemap_crawl.records} == GOOD
    assert all(record_errors(r) == [] for r in sitemap_crawl.records)
    assert sitemap_crawl.summary["finish_reason"] == "finished"


@pytest.mark.parametrize("stat, log_words", [
    ("newscrawl/skipped/bad_sitemap", "possible XML bomb"),
    ("newscrawl/skipped/sitemap_gzip", "exceeded the specified maximum"),
    ("newscrawl/skipped/malformed_sitemap_recovered", "malformed XML"),
    ("newscrawl/fetch_errors/robots_forbidden", "Forbidden by robots.txt"),
    ("newscrawl/robots/crawl_delay_hosts", "Honouring robots.txt Crawl-delay of 1.0s"),
], ids=["xml-bomb", "gzip-bomb-sitemap", "malformed-sitemap", "robots-disallow", "crawl-delay"])
def test_sitemap_hazard_is_logged_and_counted(sitemap_crawl, stat, log_words):
    assert sitemap_crawl.stats.get(stat) == 1, {k: v for k, v in sitemap_crawl.stats.items() if "newscrawl" in k}
    assert log_words in sitemap_crawl.log


def test_url_crawl_follows_the_redirect_chain(url_crawl):
    assert url_crawl.returncode == 0, url_crawl.log[-3000:]
    assert [r["url"] for r in url_crawl.records] == ["https://www.brokenpress.com/news/2026/11/25/wexley-cider-press.html"]


@pytest.mark.parametrize("stat, log_words", [
    ("newscrawl/fetch_errors/http_404", "Fetch failed (http_404)"),
    ("newscrawl/fetch_errors/http_500", "Fetch failed (http_500)"),
    ("newscrawl/fetch_errors/redirect_loop", "redirect loop: https://www.brokenpress.com/loop/a"),
    ("newscrawl/fetch_errors/timeout", "Fetch failed (timeout)"),
    ("newscrawl/fetch_errors/too_large", "Fetch failed (too_large)"),
    ("newscrawl/fetch_errors/robots_forbidden", "Forbidden by robots.txt"),
    ("newscrawl/extraction/skipped/binary", "binary body"),
    ("newscrawl/skipped/bad_url", "not an http(s) URL"),
], ids=["404", "500", "redirect-loop", "slow-page", "gzip-bomb-page", "robots-disallow", "binary", "bad-line"])
def test_page_hazard_is_logged_and_counted(url_crawl, stat, log_words):
    assert url_crawl.stats.get(stat) == 1, {k: v for k, v in url_crawl.stats.items() if "newscrawl" in k}
    assert log_words in url_crawl.log


def test_dated_feed_gets_its_clusters_file_and_summary_beside_it(mockweb, tmp_path):
    """Without -O, a run writes <dir>/<spider>/<start time>.jsonl and its siblings."""
    url_file = tmp_path / "urls.txt"
    url_file.write_text(sorted(GOOD)[0] + "\n")
    feeds = {str(tmp_path / "out" / "%(name)s" / "%(time)s.jsonl"): {"format": "jsonlines"}}
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"file={url_file}",
               "-s", f"FEEDS={json.dumps(feeds)}", "-s", f"NEWSCRAWL_HOST_MAP={json.dumps(mockweb.host_map)}",
               "-s", f"NEWSCRAWL_STORE_URL=sqlite:///{tmp_path / 'state.sqlite'}"]
    for key, value in TEST_SETTINGS.items():
        command += ["-s", f"{key}={value}"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=300)
    feeds_written = list((tmp_path / "out" / "urls").glob("*.jsonl"))
    runs = [p for p in feeds_written if not p.name.endswith(".clusters.jsonl")]
    assert len(runs) == 1 and runs[0].stat().st_size > 0
    stem = runs[0].name[: -len(".jsonl")]
    assert (runs[0].parent / f"{stem}.clusters.jsonl").exists()
    assert json.loads((runs[0].parent / f"{stem}.summary.json").read_text())["items"] == 1
