"""Discovery parsers: sitemaps keep to their own host, feeds and robots.txt give http(s) URLs only."""

from __future__ import annotations

from newscrawl.crawl.discovery import Entry, cross_submitted, in_domains, parse_discovery, robots_sitemaps, split_off_host


def test_sitemap_entries_on_other_hosts_are_split_off():
    entries = [Entry("https://news.example.com/a"), Entry("http://127.0.0.2:8080/latest/meta-data/"),
               Entry("https://cdn.example.net/b"), Entry("https://NEWS.example.com/c")]
    kept, others = split_off_host(entries, {"news.example.com"})
    assert [e.url for e in kept] == ["https://news.example.com/a", "https://NEWS.example.com/c"]
    assert sorted(others) == ["127.0.0.2", "cdn.example.net"]


def test_a_spiders_domains_are_trusted():
    entries = [Entry("https://www.example.com/a"), Entry("https://example.org/b")]
    kept, others = split_off_host(entries, {"sitemaps.example.net"}, domains=("www.example.com",))
    assert [e.url for e in kept] == ["https://www.example.com/a"]
    assert list(others) == ["example.org"]


def test_in_domains_matches_subdomains_not_lookalikes():
    assert in_domains("www.example.com", ["example.com"])
    assert in_domains("example.com", ["www.example.com"])
    assert not in_domains("badexample.com", ["example.com"])
    assert not in_domains("example.com.evil.net", ["example.com"])


def test_robots_txt_cross_submit_names_the_sitemap_or_its_index():
    robots = "User-agent: *\nDisallow: /private/\nSitemap: https://cdn.example.net/news-index.xml\n"
    assert cross_submitted(robots, ("https://cdn.example.net/news-index.xml", "https://cdn.example.net/news-1.xml"))
    assert not cross_submitted(robots, ("https://cdn.example.net/other.xml",))
    assert not cross_submitted("", ("https://cdn.example.net/news-index.xml",))


def test_feed_links_other_than_http_are_dropped():
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel>'
            b"<item><link>https://news.example.com/a</link></item>"
            b"<item><link>file:///etc/passwd</link></item>"
            b"<item><link>ftp://10.0.0.5/pub</link></item>"
            b"<item><link>javascript:alert(1)</link></item></channel></rss>")
    assert [e.url for e in parse_discovery(feed).entries] == ["https://news.example.com/a"]


def test_robots_sitemap_lines_other_than_http_are_dropped():
    robots = "Sitemap: https://example.com/sitemap.xml\nSitemap: file:///etc/passwd\nsitemap: ftp://x/y.xml\n"
    assert robots_sitemaps(robots) == ["https://example.com/sitemap.xml"]
