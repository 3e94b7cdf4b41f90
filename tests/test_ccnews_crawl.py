"""End to end: `scrapy crawl ccnews` over a loopback Common Crawl host serving a CC-NEWS-like month."""

from __future__ import annotations

import shutil

import pytest

from newscrawl.record import record_errors
from tests.crawling import run_crawl
from tests.mockweb import truth
from tests.mockweb.ccnews import CC_HOST, FILES, StaticHost, build_month, file_name, month_folder

SPAN = {"from": "2023-12-30", "to": "2024-01-07"}  # December has no listing; January's 4th file is later
PICKED = [file_name(stamp, serial) for stamp, serial in FILES[:3]]
TRUTH = truth.by_url(1)


def cluster_view(clusters) -> set[tuple[str, frozenset]]:
    """(original, members) of each cluster of a run's clusters file (the authoritative view)."""
    return {(c["original"], frozenset(m["url"] for m in c["members"])) for c in clusters}


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    root = tmp_path_factory.mktemp("cc-host")
    plan = build_month(root)
    with StaticHost(root) as host:
        yield plan, root, {CC_HOST: host.address}


@pytest.fixture(scope="module")
def crawl(month, tmp_path_factory):
    plan, root, host_map = month
    workdir = tmp_path_factory.mktemp("ccnews")
    spool = workdir / "spool"
    result = run_crawl("ccnews", workdir, host_map, args=SPAN, name="cc",
                       settings={"NEWSCRAWL_SPOOL_DIR": str(spool), "NEWSCRAWL_SPOOL_MAX_FILES": "1"})
    return result, spool


def test_the_crawl_succeeds_and_skips_the_missing_month_with_a_count(crawl):
    result, _ = crawl
    assert result.returncode == 0, result.log[-3000:]
    assert result.summary["finish_reason"] == "finished"
    assert "log_count/ERROR" not in result.stats, result.log[-3000:]
    assert result.stats["newscrawl/ccnews/listing_missing"] == 1
    assert "no listing at https://data.commoncrawl.org/crawl-data/CC-NEWS/2023/12/warc.paths.gz" in result.log


def test_files_are_picked_by_name_and_each_is_done_once(crawl):
    result, spool = crawl
    stats = result.stats
    assert stats["newscrawl/ccnews/files_picked"] == 3
    assert stats["newscrawl/ccnews/files_done"] == 3
    assert stats["newscrawl/ccnews/files_left"] == 0
    assert stats["newscrawl/ccnews/records_per_second"] > 0
    for name in PICKED:
        assert f"ccnews: {name} done" in result.log
    assert file_name(*FILES[3]) not in result.log.replace("lists 4 files", "")
    assert list(spool.iterdir()) == []  # every spooled file deleted once read


def test_every_html_response_of_the_picked_files_becomes_one_record(crawl, month):
    result, _ = crawl
    plan, _, _ = month
    expected = {url for name in PICKED for url in plan.files[name]}
    urls = [r["url"] for r in result.records]
    assert len(urls) == len(set(urls))
    assert set(urls) == expected
    stats = result.stats
    for reason in ("not_html", "warc_status", "warc_revisit", "warc_request"):
        assert stats[f"newscrawl/ccnews/skipped/{reason}"] >= 3, reason


def test_records_are_extracted_with_the_sites_knowledge(crawl):
    result, _ = crawl
    checked = 0
    for record in result.records:
        assert record_errors(record) == [], record["url"]
        assert record["spider"] == "ccnews" and record["fetched_at"].startswith("2024-01-0")
        page = TRUTH.get(record["url"])
        if page is not None:
            assert (record.get("title"), record.get("wire")) == (page.title, page.wire), record["url"]
            checked += 1
    assert checked >= 30


def test_copies_are_linked_as_a_warc_replay_of_the_same_files_links_them(crawl, month, tmp_path):
    result, _ = crawl
    _, root, _ = month
    files = tmp_path / "files"
    files.mkdir()
    for name in PICKED:
        shutil.copy(month_folder(root) / name, files / name)
    replay = run_crawl("warc", tmp_path, {}, args={"path": str(files)}, name="replay")
    assert replay.returncode == 0, replay.log[-2000:]
    clusters = cluster_view(result.clusters)
    assert len(clusters) >= 5 and any(len(members) >= 3 for _, members in clusters)
    assert clusters == cluster_view(replay.clusters)


def test_domain_and_language_filters_apply_before_extraction(month, tmp_path):
    plan, _, host_map = month
    domains = tmp_path / "domains.txt"
    domains.write_text("apnews.com\ncapitatum.com\n# German, English and French town papers\n"
                       "town04-gazette.example\ntown03-gazette.example\ntown05-gazette.example\n")
    result = run_crawl("ccnews", tmp_path, host_map, name="filtered",
                       args={**SPAN, "domains_file": str(domains), "languages": "de"})
    assert result.returncode == 0, result.log[-2000:]
    urls = {r["url"] for r in result.records}
    expected = {url for name in PICKED for url in plan.files[name]
                if "capitatum.com" in url or "town04-" in url}  # mirrors declare no language: kept
    assert urls == expected
    stats = result.stats
    assert stats["newscrawl/ccnews/skipped/filtered_domain"] > 0
    assert stats["newscrawl/ccnews/skipped/filtered_language"] > 0
    assert stats["newscrawl/ccnews/records_to_extraction"] == len(expected)
    assert stats["newscrawl/ccnews/records_read"] == len(expected) + stats["newscrawl/ccnews/skipped/filtered_language"]


def test_bad_arguments_stop_the_crawl_with_a_clear_message(month, tmp_path):
    _, _, host_map = month
    result = run_crawl("ccnews", tmp_path, host_map, name="bad", args={"from": "2024-01-07", "to": "2024-01-01"})
    assert result.returncode != 0
    assert "is before -a from=" in result.log
