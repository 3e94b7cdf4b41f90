"""End to end: the generic spiders (feed, sitemap with a freshness window, warc) and the User-Agent."""

from __future__ import annotations

import http.server
import threading
import urllib.request
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from newscrawl.clock import fixed_now
from newscrawl.extraction.dates import parse_moment
from tests.crawling import TEST_SETTINGS, run_crawl
from tests.mockweb import truth
from tests.pages import PARAGRAPHS, article_html, warc_bytes

TRUTH = truth.by_url(1)
NOW = fixed_now({"NEWSCRAWL_NOW": TEST_SETTINGS["NEWSCRAWL_NOW"]})


def fetch(mockweb, url: str) -> bytes:
    """A mock-web page as any client gets it (the site's Host header on the loopback address)."""
    host, path = url.split("/", 3)[2], "/" + url.split("/", 3)[3]
    request = urllib.request.Request(mockweb.url(path), headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def test_feed_spider_exports_every_article_the_feed_lists(mockweb, tmp_path):
    feed_url = truth.ENTRY_POINTS["www.kvtn7.com"]["feed"]
    listed = {item.findtext("link").strip() for item in ET.fromstring(fetch(mockweb, feed_url)).iter("item")}
    assert listed and listed <= set(TRUTH)
    crawl = run_crawl("feed", tmp_path, mockweb.host_map, args={"url": feed_url})
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert sorted(r["url"] for r in crawl.records) == sorted(listed)
    for record in crawl.records:
        page = TRUTH[record["url"]]
        assert (record["spider"], record["title"], record.get("wire")) == ("feed", page.title, page.wire)


def _news_entries(mockweb) -> dict[str, str]:
    sitemap = truth.ENTRY_POINTS["apnews.com"]["sitemaps"][1]
    root = ET.fromstring(fetch(mockweb, sitemap))
    entries = {}
    for url in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}url"):
        loc = url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").strip()
        date = next(e.text for e in url.iter() if e.tag.endswith("publication_date"))
        entries[loc] = date.strip()
    return entries


def test_news_max_age_days_skips_older_news_sitemap_entries(mockweb, tmp_path):
    entries = _news_entries(mockweb)
    fresh = {url for url, date in entries.items() if NOW - parse_moment(date) <= timedelta(days=2)}
    assert fresh and fresh != set(entries)  # both sides of the window are there
    sitemap = truth.ENTRY_POINTS["apnews.com"]["sitemaps"][1]
    crawl = run_crawl("sitemap", tmp_path, mockweb.host_map, args={"url": sitemap},
                      settings={"NEWSCRAWL_NEWS_MAX_AGE_DAYS": "2"})
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert {r["url"] for r in crawl.records} == fresh
    assert crawl.stats["newscrawl/discovery/too_old"] == len(entries) - len(fresh)


def test_warc_spider_replays_pages_through_the_pipelines(mockweb, tmp_path):
    original = next(p for p in TRUTH.values() if p.kind == "original" and p.site == "apnews.com"
                    and any(c.original_url == p.url and c.kind == "exact_copy" for c in TRUTH.values()))
    copy = next(c for c in TRUTH.values() if c.original_url == original.url and c.kind == "exact_copy")
    archive = tmp_path / "pages.warc.gz"
    archive.write_bytes(warc_bytes([("request", original.url, b""),
                                    ("response", original.url, fetch(mockweb, original.url)),
                                    ("response", copy.url, fetch(mockweb, copy.url))]))
    crawl = run_crawl("warc", tmp_path, {}, args={"path": str(archive)})
    assert crawl.returncode == 0, crawl.log[-3000:]
    by_url = crawl.by_url()
    assert sorted(by_url) == sorted([original.url, copy.url])
    assert by_url[original.url]["title"] == original.title and by_url[original.url]["wire"] == "AP"
    # The clusters file is authoritative: records answer with what was known when each was linked.
    assert [(c["original"], sorted(m["url"] for m in c["members"])) for c in crawl.clusters] == \
        [(original.url, sorted([original.url, copy.url]))]
    assert crawl.stats.get("downloader/request_count", 0) == 0  # no network at all


class _RecordingHandler(http.server.BaseHTTPRequestHandler):
    """Serves one fictional article (and an empty robots.txt), noting each request's User-Agent."""

    seen: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802 (http.server naming)
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        body = b"" if self.path == "/robots.txt" else article_html(PARAGRAPHS).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_site():
    _RecordingHandler.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"www.ostlandcourier.com": f"127.0.0.1:{server.server_address[1]}"}, _RecordingHandler.seen
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("settings, agent", [
    ({}, "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl)"),
    ({"NEWSCRAWL_CONTACT_URL": "https://desk.example/crawler"}, "newscrawl/0.1 (+https://desk.example/crawler)"),
    ({"USER_AGENT": "deskbot/2 (+mailto:desk@example.org)"}, "deskbot/2 (+mailto:desk@example.org)"),
], ids=["default", "contact-url", "own-user-agent"])
def test_every_request_names_the_project_and_the_contact(recording_site, tmp_path, settings, agent):
    host_map, seen = recording_site
    urls = tmp_path / "urls.txt"
    urls.write_text("https://www.ostlandcourier.com/news/2026/11/19/flood-gates/\n")
    crawl = run_crawl("urls", tmp_path, host_map, args={"file": str(urls)}, settings=settings)
    assert crawl.returncode == 0 and len(crawl.records) == 1, crawl.log[-3000:]
    assert sorted(path for path, _ in seen) == ["/news/2026/11/19/flood-gates/", "/robots.txt"]
    assert {ua for _, ua in seen} == {agent}
