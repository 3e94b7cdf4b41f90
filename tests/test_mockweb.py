"""The loopback mock web: its ground truth is consistent, and its sites answer over real HTTP."""
from __future__ import annotations

import http.client
import re
import socket
import urllib.robotparser
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from datetime import datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from tests.mockweb import ALL_HOSTS, HOSTILE_HOST, MIRROR_HOSTS, PARTNER_HOSTS, WIRE_HOST, MockWeb, truth
from tests.mockweb.sites import build_all

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
AP_URL = re.compile(r"^https://apnews\.com/article/[a-z0-9-]+-[0-9a-f]{32}$")
PARTNER_URL = re.compile(r"^https://www\.(kvtn7|rivertonledger)\.com/news/[a-z]+/[a-z0-9-]+/$")
MIRROR_URL = re.compile(r"^https://[a-z]+\.com/news/[a-z]+/\d+\.html$")


class Page(HTMLParser):
    """Collects the <title> text and the text of every <p> element."""

    def __init__(self, html: str):
        super().__init__()
        self.title, self.paragraphs, self._in = "", [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "p"):
            self._in, self._buf = tag, []

    def handle_endtag(self, tag):
        if tag == self._in:
            text = "".join(self._buf)
            if tag == "title":
                self.title = text
            else:
                self.paragraphs.append(text)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._buf.append(data)


# --- ground truth, no server ------------------------------------------------------------


def test_catalogue_has_the_required_shape():
    pages = truth.pages(1)
    kinds = Counter(p.kind for p in pages)
    wire = [p for p in pages if p.site == WIRE_HOST]
    assert len({p.story_id for p in wire}) >= 22 and all(p.kind == "original" for p in wire)
    assert all(5 <= len(p.paragraphs) <= 12 for p in wire)
    assert set(kinds) == set(truth.KINDS) and 2 <= kinds["rewrite"] <= 3
    assert sum(p.dateline is not None for p in wire) > 0.8 * len(wire)
    for host in MIRROR_HOSTS:
        assert sum(p.site == host for p in pages) >= 8
    mirrored = Counter(p.story_id for p in pages if p.site in MIRROR_HOSTS)
    assert max(mirrored.values()) >= 3
    series = defaultdict(set)
    for p in wire:
        if p.series:
            series[p.series].add(p.url)
    assert len(series) == 2 and all(len(urls) >= 2 for urls in series.values())
    assert all(AP_URL.match(p.url) for p in wire)
    assert all(PARTNER_URL.match(p.url) for p in pages if "www." + p.site in PARTNER_HOSTS)
    assert all(MIRROR_URL.match(p.url) for p in pages if p.site in MIRROR_HOSTS)


def test_write_thru_pair_shares_dateline_and_lede_only():
    wire = {p.url: p for p in truth.pages(1) if p.site == WIRE_HOST}
    late = [p for p in wire.values() if p.version_of]
    assert len(late) == 1
    early = wire[late[0].version_of]
    assert early.dateline == late[0].dateline and early.paragraphs[0] == late[0].paragraphs[0]
    assert not set(early.paragraphs[1:]) & set(late[0].paragraphs[1:])


def test_copies_relate_to_their_originals_as_their_kind_says():
    pages = truth.pages(2)
    originals = {p.url: p for p in pages if p.kind == "original"}
    for p in pages:
        if p.kind in ("original", "unique", "rewrite"):
            assert p.original_url is None
            continue
        orig = originals[p.original_url]
        if p.kind == "exact_copy":
            assert p.paragraphs == orig.paragraphs
        elif p.kind == "excerpt":
            assert 3 <= len(p.paragraphs) <= 5 and p.paragraphs == orig.paragraphs[:len(p.paragraphs)]
        else:  # edited_copy: a dropped sentence or a changed word
            assert p.paragraphs != orig.paragraphs
            assert abs(len(p.text) - len(orig.text)) < 200
    rewrites = [p for p in pages if p.kind == "rewrite"]
    assert all(p.rewrite_of in originals and p.wire is None for p in rewrites)


def test_template_lines_never_occur_in_the_article_text():
    for p in truth.pages(2):
        assert p.template_lines, p.url
        for line in p.template_lines:
            assert not any(line in para for para in p.paragraphs), (p.url, line)


def test_bylines_dates_and_wire_credits():
    pages = truth.pages(1)
    originals = {p.url: p for p in pages if p.kind == "original"}
    for p in pages:
        if p.site in MIRROR_HOSTS:
            assert p.fake_byline and len(p.authors) == 1
            # The fake date is weeks to months after the wire story ran.
            assert p.published > originals[p.original_url].published[:19]
        elif p.site == WIRE_HOST:
            assert p.wire == "AP" and p.authors and p.published.endswith("-05:00")
        elif p.original_url:
            assert p.wire == "AP" and p.published[:10] == originals[p.original_url].published[:10]
    assert any(len(p.authors) == 2 for p in originals.values())


def test_mirror_pages_in_pairs_share_identical_sidebars():
    site = build_all(1)[MIRROR_HOSTS[0]]
    sidebars = defaultdict(set)
    for p in site.pages:
        html = site.routes[urlsplit(p.url).path].body.decode()
        block = html[html.index('<div class="related">'):html.index('<div class="footer">')]
        sidebars[block].add(p.story_id)
    assert max(len(stories) for stories in sidebars.values()) >= 2


def test_phase_two_adds_pages_and_changes_one_partner_article():
    one, two = truth.by_url(1), truth.by_url(2)
    added = [two[u] for u in set(two) - set(one)]
    assert set(one) <= set(two)
    assert sum(p.site == WIRE_HOST for p in added) == 3
    new_wire = {p.story_id for p in added if p.site == WIRE_HOST}
    old_on_new_mirror_pages = {p.story_id for p in added if p.site in MIRROR_HOSTS} - new_wire
    assert len(old_on_new_mirror_pages) == 2
    partner_added = {p.story_id for p in added if "www." + p.site in PARTNER_HOSTS}
    assert partner_added and partner_added <= new_wire
    changed = [u for u in one if one[u].paragraphs != two[u].paragraphs]
    assert len(changed) == 1 and two[changed[0]].modified > one[changed[0]].modified
    assert truth.PARTNER_TITLE_SELECTOR[1] != truth.PARTNER_TITLE_SELECTOR[2]


# --- over real HTTP -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def web1():
    with MockWeb(phase=1) as web:
        yield web


@pytest.fixture(scope="module")
def web2():
    with MockWeb(phase=2) as web:
        yield web


def fetch(web, url: str, method: str = "GET", timeout: float = 10, read: bool = True):
    """Fetch an https URL of a fictional site from the loopback server, without following redirects."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=timeout)
    conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Host": parts.netloc})
    resp = conn.getresponse()
    body = resp.read() if read else resp.read(65536)
    conn.close()
    return resp.status, resp, body


def test_mockweb_reports_its_port_and_host_map(web1):
    assert web1.address == f"127.0.0.1:{web1.port}" and web1.port > 0
    assert web1.host_map == {h: web1.address for h in ALL_HOSTS}
    status, _, _ = fetch(web1, "https://unknown.example/")
    assert status == 404


def sitemap_urls(web, url: str, seen=None) -> dict[str, str | None]:
    """loc -> lastmod for every <url> reachable from a sitemap or sitemap index."""
    status, resp, body = fetch(web, url)
    assert status == 200 and resp.getheader("Content-Type").startswith("application/xml"), url
    root, out = ET.fromstring(body), {}
    if root.tag == f"{SM}sitemapindex":
        for loc in root.iter(f"{SM}loc"):
            out.update(sitemap_urls(web, loc.text))
        return out
    assert root.tag == f"{SM}urlset"
    for node in root.findall(f"{SM}url"):
        lastmod = node.find(f"{SM}lastmod")
        out[node.find(f"{SM}loc").text] = lastmod.text if lastmod is not None else None
    return out


@pytest.mark.parametrize("host", [WIRE_HOST, *PARTNER_HOSTS, *MIRROR_HOSTS])
def test_robots_and_sitemaps_list_every_article(web1, host):
    status, _, body = fetch(web1, f"https://{host}/robots.txt")
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(body.decode().splitlines())
    sitemaps = robots.site_maps()
    assert status == 200 and sitemaps == truth.ENTRY_POINTS[host]["sitemaps"]
    listed = {}
    for sm in sitemaps:
        listed.update(sitemap_urls(web1, sm))
    articles = {p.url for p in truth.pages(1) if urlsplit(p.url).netloc == host}
    assert articles <= set(listed)
    assert all(urlsplit(u).netloc == host and u.startswith("https://") for u in listed)


def test_news_sitemap_has_google_news_fields(web1):
    _, _, body = fetch(web1, "https://apnews.com/news-sitemap-content.xml")
    news = ET.fromstring(body).findall(f"{SM}url/{NEWS}news")
    assert news and all(n.find(f"{NEWS}publication/{NEWS}name").text == "AP News" for n in news)
    assert all(n.find(f"{NEWS}publication_date").text.endswith("-05:00") and n.find(f"{NEWS}title").text
               for n in news)


@pytest.mark.parametrize("host", PARTNER_HOSTS)
def test_partner_rss_feed(web1, host):
    status, resp, body = fetch(web1, f"https://{host}/feed/")
    assert status == 200 and resp.getheader("Content-Type") == "application/rss+xml"
    items = ET.fromstring(body).findall("channel/item")
    articles = {p.url: p for p in truth.pages(1) if urlsplit(p.url).netloc == host}
    assert {i.findtext("link") for i in items} == set(articles)
    for item in items:
        assert parsedate_to_datetime(item.findtext("pubDate")).isoformat() == articles[item.findtext("link")].published


def test_every_article_answers_with_its_title_and_paragraphs(web1):
    for p in truth.pages(1):
        status, resp, body = fetch(web1, p.url)
        assert status == 200, p.url
        assert resp.getheader("Content-Type") == "text/html; charset=utf-8"
        assert resp.getheader("Last-Modified")
        page = Page(body.decode("utf-8"))
        assert p.title in page.title, p.url
        missing = [para for para in p.paragraphs if para not in page.paragraphs]
        assert not missing, (p.url, missing)


def test_non_article_pages_answer(web1):
    urls = truth.non_article_urls(1)
    assert {urlsplit(u).netloc for u in urls} == set(ALL_HOSTS)
    for url in urls:
        status, resp, _ = fetch(web1, url)
        assert status == 200 and resp.getheader("Content-Type").startswith("text/html"), url


def test_hostile_robots_errors_and_redirects(web1):
    ep = truth.HOSTILE_ENDPOINTS
    _, _, body = fetch(web1, f"https://{HOSTILE_HOST}/robots.txt")
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(body.decode().splitlines())
    assert robots.crawl_delay("*") == 1 and not robots.can_fetch("newscrawl", ep["private"])
    _, _, good = fetch(web1, ep["sitemap_good"])
    assert ep["private"] in good.decode() and ep["private"] in fetch(web1, f"https://{HOSTILE_HOST}/")[2].decode()
    assert fetch(web1, ep["not_found"])[0] == 404 and fetch(web1, ep["server_error"])[0] == 500
    url, hops = ep["redirect_start"], 0
    while True:
        status, resp, _ = fetch(web1, url)
        if status not in (301, 302):
            break
        url, hops = resp.getheader("Location"), hops + 1
        assert url.startswith(f"https://{HOSTILE_HOST}/")
    assert hops == 3 and status == 200 and url in truth.by_url(1)
    status, resp, _ = fetch(web1, ep["loop"])
    assert status == 302
    assert fetch(web1, resp.getheader("Location"))[1].getheader("Location") == ep["loop"]


def test_hostile_slow_binary_and_bombs(web1):
    ep = truth.HOSTILE_ENDPOINTS
    with pytest.raises((socket.timeout, TimeoutError)):
        fetch(web1, ep["slow"], timeout=1)
    status, resp, body = fetch(web1, ep["binary"])
    assert status == 200 and resp.getheader("Content-Type").startswith("text/html")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    with pytest.raises(ET.ParseError):
        ET.fromstring(fetch(web1, ep["sitemap_malformed"])[2])
    assert b"<!ENTITY lol9" in fetch(web1, ep["sitemap_bomb"])[2]
    for key, encoded in (("gzbomb_page", True), ("sitemap_gzbomb", False)):
        status, resp, body = fetch(web1, ep[key])
        assert status == 200 and body[:2] == b"\x1f\x8b"
        assert (resp.getheader("Content-Encoding") == "gzip") == encoded
        # gzip's trailer holds the inflated size: no need to inflate 200 MB here.
        assert int.from_bytes(body[-4:], "little") >= 200 * 2**20 and len(body) < 2 * 2**20
    head = fetch(web1, ep["gzbomb_page"], method="HEAD", read=False)[1]
    assert int(head.getheader("Content-Length")) > 0


def test_phase_two_serves_the_new_and_changed_pages(web1, web2):
    one, two = truth.by_url(1), truth.by_url(2)
    for url in sorted(set(two) - set(one)):
        assert fetch(web1, url)[0] == 404
        status, _, body = fetch(web2, url)
        page = Page(body.decode())
        assert status == 200 and all(para in page.paragraphs for para in two[url].paragraphs), url
    for host in [*PARTNER_HOSTS, *MIRROR_HOSTS]:
        before = sitemap_urls(web1, f"https://{host}/sitemap.xml")
        after = sitemap_urls(web2, f"https://{host}/sitemap.xml")
        new = set(after) - set(before)
        stamp = datetime.fromisoformat
        assert new and min(stamp(after[u]) for u in new) > max(stamp(v) for v in before.values() if v)
    changed = next(u for u in one if one[u].paragraphs != two[u].paragraphs)
    host = urlsplit(changed).netloc
    lastmod1 = sitemap_urls(web1, f"https://{host}/sitemap.xml")[changed]
    assert sitemap_urls(web2, f"https://{host}/sitemap.xml")[changed] > lastmod1
    partner = next(p for p in one.values() if "www." + p.site in PARTNER_HOSTS)
    html1, html2 = fetch(web1, partner.url)[2].decode(), fetch(web2, partner.url)[2].decode()
    assert '<h1 class="headline">' in html1 and '<h1 class="headline">' not in html2
    assert '<h1 class="article-title">' in html2 and partner.title in Page(html2).title
