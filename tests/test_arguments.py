"""Spider arguments: declared, checked before the crawl, refused when unknown, empty or unusable."""

from __future__ import annotations

import pytest

from newscrawl.crawl.arguments import SpiderArgumentError, argument_help, check_arguments
from newscrawl.spiders.generic import SitemapSpider, UrlListSpider
from newscrawl.spiders.mirrors import MirrorSpider
from newscrawl.spiders.warc import WarcSpider


def test_good_arguments_pass(tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text("https://a.example/1\n")
    check_arguments(UrlListSpider, {"file": str(urls)})
    check_arguments(MirrorSpider, {"domains": "capitatum.com, www.example.org"})
    check_arguments(MirrorSpider, {})  # the family's setting supplies the domains
    check_arguments(SitemapSpider, {"url": "https://a.example/sitemap.xml"})


def test_scrapy_attributes_and_scrapyd_job_pass():
    check_arguments(MirrorSpider, {"user_agent": "x", "download_delay": "2", "_job": "abc"})


@pytest.mark.parametrize("spider, given, words", [
    (MirrorSpider, {"domain": "x.com"}, "unknown argument -a domain=; this spider takes -a domains="),
    (MirrorSpider, {"domains": " "}, "-a domains= is empty"),
    (MirrorSpider, {"domains": "https://capitatum.com/"}, "is not a domain name"),
    (UrlListSpider, {}, "missing -a file="),
    (UrlListSpider, {"file": "/nonexistent/urls.txt"}, "no such file"),
    (SitemapSpider, {"url": "ftp://a.example/x"}, "is not an http(s) URL"),
    (WarcSpider, {"path": "/nonexistent.warc.gz"}, "no such file or folder"),
])
def test_bad_arguments_are_refused_in_one_line(spider, given, words):
    with pytest.raises(SpiderArgumentError, match=None) as caught:
        check_arguments(spider, given)
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{spider.name}: ")


def test_a_folder_is_not_a_url_list(tmp_path):
    with pytest.raises(SpiderArgumentError, match="is a directory, not a file"):
        check_arguments(UrlListSpider, {"file": str(tmp_path)})
    with pytest.raises(SpiderArgumentError, match="no .warc or .warc.gz files"):
        check_arguments(WarcSpider, {"path": str(tmp_path)})


def test_help_names_required_arguments():
    text = argument_help(UrlListSpider)
    assert text.splitlines()[0].startswith("urls: ")
    assert "-a file=...  (required)" in text
