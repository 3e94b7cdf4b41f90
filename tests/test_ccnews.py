"""CC-NEWS bookkeeping and WARC reading: spans, listings, file picking, filters, both readers."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newscrawl.crawl import ccnews
from newscrawl.crawl.warcfile import warc_responses
from newscrawl.pages import Skip
from tests.mockweb.ccnews import build_month, month_folder


def test_a_span_touches_every_month_in_order():
    assert ccnews.months(date(2023, 12, 30), date(2024, 2, 1)) == [(2023, 12), (2024, 1), (2024, 2)]
    assert ccnews.months(date(2024, 1, 1), date(2024, 1, 7)) == [(2024, 1)]


def test_listing_and_file_urls_sit_under_the_base():
    assert ccnews.listing_url("https://data.commoncrawl.org/", 2024, 1) == \
        "https://data.commoncrawl.org/crawl-data/CC-NEWS/2024/01/warc.paths.gz"
    assert ccnews.listing_url("http://mirror.example/cc", 2024, 11) == \
        "http://mirror.example/cc/crawl-data/CC-NEWS/2024/11/warc.paths.gz"
    assert ccnews.file_url("http://m.example/cc/", "crawl-data/x.warc.gz") == "http://m.example/cc/crawl-data/x.warc.gz"


def test_files_are_picked_by_the_timestamp_in_their_names():
    lines = ["crawl-data/CC-NEWS/2024/01/CC-NEWS-20231231235959-00001.warc.gz",
             "crawl-data/CC-NEWS/2024/01/CC-NEWS-20240101000000-00002.warc.gz",
             "crawl-data/CC-NEWS/2024/01/CC-NEWS-20240107235959-00003.warc.gz",
             "crawl-data/CC-NEWS/2024/01/CC-NEWS-20240108000000-00004.warc.gz",
             "not a file name", ""]
    picked, bad = ccnews.pick_files(lines, date(2024, 1, 1), date(2024, 1, 7))
    assert [p[-14:-8] for p in picked] == ["-00002", "-00003"]
    assert bad == 1


def test_bad_days_get_a_clear_message():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        ccnews.parse_day("1/1/2024", "from")


def test_domains_match_hosts_and_subdomains_from_the_argument_and_a_file(tmp_path):
    listed = tmp_path / "domains.txt"
    listed.write_text("# newsroom list\nwww.kvtn7.com\n\napnews.com  # the agency\n")
    keep = ccnews.RecordFilter(domains=frozenset(ccnews.read_domains("capitatum.com", str(listed))))
    assert keep.url_reason("https://capitatum.com/news/a/1.html") is None
    assert keep.url_reason("https://www.kvtn7.com/news/a/b/") is None
    assert keep.url_reason("https://m.apnews.com/article/x") is None
    assert keep.url_reason("https://notapnews.com/article/x") == "domain"


def test_url_pattern_and_languages():
    keep = ccnews.RecordFilter(languages=frozenset({"en", "de"}), url_pattern=re.compile(r"/news/"))
    assert keep.url_reason("https://a.example/news/1") is None
    assert keep.url_reason("https://a.example/shop/1") == "url"
    assert keep.language_reason("de-DE", b"") is None
    assert keep.language_reason("fr", b"<html lang='en'>") == "language"  # the header wins
    assert keep.language_reason(None, b"<html class='x' lang=\"fr-FR\">") == "language"
    assert keep.language_reason(None, b"<html><p>no declaration</p>") is None  # kept: when in doubt, keep


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    root = tmp_path_factory.mktemp("ccmonth")
    plan = build_month(root)
    return plan, sorted(month_folder(root).glob("CC-NEWS-*.warc.gz"))


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
def test_readers_give_every_html_response_and_count_the_rest(month, reader):
    plan, files = month
    for path in files:
        found = list(warc_responses(path, reader=reader))
        urls = [f.url for f in found if not isinstance(f, Skip)]
        assert urls == plan.files[path.name]
        reasons = {f.reason for f in found if isinstance(f, Skip)}
        assert {"warc_warcinfo", "warc_request", "warc_revisit", "not_html", "warc_status"} <= reasons
    last = list(warc_responses(files[-1], reader=reader))
    assert isinstance(last[-1], Skip) and last[-1].reason == "bad_warc"  # the cut-short member, at the end


def test_both_readers_agree_on_every_field(month):
    _, files = month
    for path in files:
        fast = [vars(f) for f in warc_responses(path, reader="fastwarc") if not isinstance(f, Skip)]
        slow = [vars(f) for f in warc_responses(path, reader="warcio") if not isinstance(f, Skip)]
        for record in fast + slow:
            record.pop("offset")
        assert fast == slow


def test_url_filter_skips_records_before_their_body_is_read(month):
    _, files = month
    found = list(warc_responses(files[0], lambda url: None if "apnews.com" in url else "domain"))
    kept = [f for f in found if not isinstance(f, Skip)]
    assert kept and all("apnews.com" in f.url for f in kept)
    assert any(isinstance(f, Skip) and f.reason == "filtered_domain" for f in found)


def test_an_unknown_reader_is_refused():
    with pytest.raises(ValueError, match="unknown WARC reader"):
        list(warc_responses("x.warc.gz", reader="nope"))
