"""A crawl can't be turned against its own network: every way in to an internal address is refused.

Each crawl is a real `scrapy crawl` over loopback HTTP. The internal servers count TCP
connections, so "refused" means never connected to, not just "not exported"; the same
crawl with NEWSCRAWL_ALLOW_NETWORKS does reach them (the control that shows the refusals
are the guard's doing).
"""

from __future__ import annotations

import json

import pytest

from tests.crawling import run_crawl
from tests.lureweb import CDN, FLIP, INTERNAL_MARKER, LOCAL_MARKER, LURE, NAMED, STAND_IN_MARKER, Servers

GOOD = f"https://{LURE}/news/harbour-lights.html"
WAYS_IN = ["metadata", "chain-1", "refresh", "ipv6", "named", "decimal", "routed", "file"]
RESOLVER = {"TWISTED_DNS_RESOLVER": "tests.fake_dns.FixedAnswersResolver"}


@pytest.fixture(scope="module")
def web():
    with Servers() as servers:
        yield servers


def crawl(web, workdir, spider, args, **settings):
    merged = {**RESOLVER, "NEWSCRAWL_TEST_DNS": json.dumps(web.dns), "DOWNLOAD_TIMEOUT": "5", **settings}
    return run_crawl(spider, workdir, web.host_map, args=args, settings=merged)


def url_list(web, workdir) -> str:
    lines = [GOOD, *(f"https://{LURE}/go/{way}" for way in WAYS_IN),
             web.internal_url("/direct"), f"http://[::1]:{web.port6}/direct", f"http://{NAMED}:{web.port}/direct"]
    path = workdir / "urls.txt"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


@pytest.fixture(scope="module")
def url_crawl(web, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("safety-urls")
    before = web.connections_inside()
    # Retries on: a refused request must not be tried again.
    result = crawl(web, workdir, "urls", {"file": url_list(web, workdir)}, RETRY_TIMES="2")
    return result, web.connections_inside() - before


def test_urls_crawl_never_connects_inside(url_crawl):
    result, connections = url_crawl
    assert result.returncode == 0, result.log[-3000:]
    assert connections == 0
    assert [r["url"] for r in result.records] == [GOOD]  # the host-mapped site still crawls
    assert INTERNAL_MARKER not in result.output.read_text()


def test_each_refusal_is_counted_once_and_never_retried(url_crawl):
    result, _ = url_crawl
    stats = result.stats
    # 10 pages (metadata, chain, meta refresh, ipv6, named, decimal, routed; 127.0.0.2, [::1] and the
    # name directly) and the robots.txt Scrapy asks for first on each of their 5 hosts: 15, once each.
    assert stats["newscrawl/safety/refused"] == 15, {k: v for k, v in stats.items() if "safety" in k}
    assert stats["newscrawl/safety/refused/loopback"] == 13
    assert stats["newscrawl/safety/refused/routed"] == 2
    assert stats["downloader/exception_type_count/newscrawl.downloader.guard.AddressRefused"] == 15
    assert not any(key.startswith("retry/") for key in stats), stats
    assert result.summary["refused_requests"] == 15
    assert any("internal addresses refused" in w for w in result.summary["warnings"])


def test_refusals_are_logged_once_per_host(url_crawl):
    result, _ = url_crawl
    lines = [line for line in result.log.splitlines() if "] WARNING: Refused http" in line]
    hosts = {"127.0.0.2", "::1", NAMED, "2130706434", "127.0.0.1"}
    assert len(lines) == len(hosts) == result.stats["newscrawl/safety/refused_hosts"], "\n".join(lines)
    assert any(f"{NAMED} resolves to 127.0.0.2, a loopback address" in line for line in lines)
    assert any("2130706434 resolves to 127.0.0.2, a loopback address" in line for line in lines)
    assert any("::1 is a loopback address" in line for line in lines)


def test_redirect_to_a_file_url_is_not_followed(url_crawl):
    result, _ = url_crawl
    assert result.stats.get("newscrawl/fetch_errors/http_302") == 1
    assert "root:" not in result.output.read_text()


def test_allowed_network_is_crawled(web, tmp_path):
    """The control: with the internal networks allowed, the same list reaches them."""
    before = web.connections_inside()
    result = crawl(web, tmp_path, "urls", {"file": url_list(web, tmp_path)},
                   NEWSCRAWL_ALLOW_NETWORKS="127.0.0.2/32,::1/128")
    assert result.returncode == 0, result.log[-3000:]
    assert web.connections_inside() > before
    inside = [r for r in result.records if INTERNAL_MARKER in r.get("text", "")]
    assert len(inside) >= 5, [r["url"] for r in result.records]
    # Only the host-map target asked for directly (robots.txt and page) is still refused.
    assert result.stats.get("newscrawl/safety/refused") == result.stats.get("newscrawl/safety/refused/routed") == 2


def test_sitemap_entry_inside_is_dropped_as_off_host(web, tmp_path):
    before = web.connections_inside()
    result = crawl(web, tmp_path, "sitemap", {"url": f"https://{LURE}/sitemap.xml"})
    assert result.returncode == 0, result.log[-3000:]
    assert web.connections_inside() == before
    assert [r["url"] for r in result.records] == [GOOD]
    assert result.stats["newscrawl/discovery/off_host_dropped"] == 1
    # Its robots.txt, asked for the cross-submit check, is inside too: refused.
    assert result.stats["newscrawl/safety/refused"] == 1
    assert "sitemaps keep to their own host" in result.log


def test_sitemap_entry_inside_is_refused_even_when_trusted(web, tmp_path):
    """`-a domains=127.0.0.2` lets the entry past the sitemap rule; the address guard still refuses it."""
    before = web.connections_inside()
    result = crawl(web, tmp_path, "sitemap", {"url": f"https://{LURE}/sitemap.xml", "domains": "127.0.0.2"})
    assert web.connections_inside() == before
    assert [r["url"] for r in result.records] == [GOOD]
    assert result.stats["newscrawl/safety/refused"] == 2  # robots.txt, then the page
    assert "newscrawl/discovery/off_host_dropped" not in result.stats


def test_feed_links_inside_are_refused(web, tmp_path):
    before = web.connections_inside()
    result = crawl(web, tmp_path, "feed", {"url": f"https://{LURE}/feed.xml"})
    assert result.returncode == 0, result.log[-3000:]
    assert web.connections_inside() == before
    assert [r["url"] for r in result.records] == [GOOD]
    assert result.stats["newscrawl/safety/refused_hosts"] == 2  # 127.0.0.2 and the name resolving there
    # Its file:// link is no article: local files are never read.
    assert LOCAL_MARKER not in result.output.read_text() and "file://" not in result.log


def test_cross_submitted_sitemap_entries_are_kept(web, tmp_path):
    """A sitemap on another host counts where that host's robots.txt names it; the rest is dropped."""
    result = crawl(web, tmp_path, "sitemap", {"url": f"https://{CDN}/index.xml"})
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in result.records] == [f"https://{LURE}/news/ferry-timetable.html"]
    assert result.stats["newscrawl/discovery/cross_submitted"] == 1
    assert result.stats["newscrawl/discovery/off_host_dropped"] == 1
    assert result.summary["off_host_sitemap_entries"] == 1


def test_name_rebinding_to_an_internal_address_is_refused(web, tmp_path):
    """A name answering 127.0.0.3 (allowed here, standing for a public address), then 127.0.0.2, in turn.

    Every connection is a fresh lookup (the stand-in closes each connection, no DNS cache):
    whatever each lookup answers, only the allowed address is ever connected to.
    """
    before = web.connections_inside()
    url_file = tmp_path / "urls.txt"
    url_file.write_text("".join(f"http://{FLIP}:{web.port}/page-{n}\n" for n in range(8)))
    result = crawl(web, tmp_path, "urls", {"file": str(url_file)}, NEWSCRAWL_ALLOW_NETWORKS="127.0.0.3/32",
                   CONCURRENT_REQUESTS_PER_DOMAIN="1", DNSCACHE_ENABLED="False")
    assert result.returncode == 0, result.log[-3000:]
    assert web.connections_inside() == before
    assert result.records and all(STAND_IN_MARKER in r["text"] for r in result.records)
    assert result.stats["newscrawl/safety/refused"] >= 2
    assert len(result.records) + result.stats["newscrawl/safety/refused"] >= 8


REDIS_PASSWORD = "lure-Redis-pw-5521"


@pytest.mark.parametrize("password", [REDIS_PASSWORD, "wrong-Redis-pw-9034"], ids=["right", "wrong"])
def test_redis_password_stays_out_of_the_log(web, tmp_path, password):
    """With NEWSCRAWL_REDIS_URL carrying a password, at DEBUG level, the password is in no log line."""
    from tests.redis_server import RedisServer

    with RedisServer() as server:
        assert server.command("CONFIG", "SET", "requirepass", REDIS_PASSWORD).startswith(b"+OK")
        url_file = tmp_path / "urls.txt"
        url_file.write_text(GOOD + "\n")
        result = crawl(web, tmp_path, "urls", {"file": str(url_file)}, LOG_LEVEL="DEBUG",
                       NEWSCRAWL_REDIS_URL=f"redis://:{password}@127.0.0.1:{server.port}/0")
    if password == REDIS_PASSWORD:
        assert result.returncode == 0 and [r["url"] for r in result.records] == [GOOD], result.log[-3000:]
    else:
        assert not result.records and "AuthenticationError" in result.log, result.log[-3000:]
    assert password not in result.log
    assert password not in json.dumps(result.summary)


def test_a_mistyped_allowed_network_stops_the_crawl_before_any_fetch(web, tmp_path):
    url_file = tmp_path / "urls.txt"
    url_file.write_text(GOOD + "\n")
    result = crawl(web, tmp_path, "urls", {"file": str(url_file)}, NEWSCRAWL_ALLOW_NETWORKS="10.0.0.0/8,intranet")
    assert result.returncode != 0 and not result.records
    assert "NEWSCRAWL_ALLOW_NETWORKS: 'intranet' is not a network" in result.log
