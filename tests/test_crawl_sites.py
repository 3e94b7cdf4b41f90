"""End to end: the real site spiders crawl the mock web into JSONL, and copies link to originals."""

from __future__ import annotations

import pytest

from newscrawl.record import cluster_errors, record_errors
from tests.crawling import TEST_SETTINGS, run_crawl
from tests.mockweb import truth

SITE_SPIDERS = ("apnews", "partners", "mirrors")  # the agency first, as a scheduler would
TRUTH = {page.url: page for page in truth.pages(1) if page.site != "brokenpress.com"}


@pytest.fixture(scope="module")
def crawls(mockweb, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("sites")
    return {spider: run_crawl(spider, workdir, mockweb.host_map, name=spider) for spider in SITE_SPIDERS}


@pytest.fixture(scope="module")
def records(crawls):
    return [record for crawl in crawls.values() for record in crawl.records]


def test_crawls_succeed(crawls):
    for spider, crawl in crawls.items():
        assert crawl.returncode == 0, (spider, crawl.log[-3000:])
        assert crawl.summary["finish_reason"] == "finished"
        assert "log_count/ERROR" not in crawl.stats, (spider, crawl.log[-3000:])


def test_each_article_page_gives_exactly_one_record(records):
    urls = [record["url"] for record in records]
    assert len(urls) == len(set(urls)), "duplicate records"
    assert set(urls) == set(TRUTH), {"missing": set(TRUTH) - set(urls), "extra": set(urls) - set(TRUTH)}


def test_listing_tag_and_about_pages_give_no_record(records):
    urls = {record["url"] for record in records}
    assert not urls & set(truth.non_article_urls(1))


def test_records_follow_the_schema_and_carry_no_raw_html(records):
    for record in records:
        assert record_errors(record) == [], record["url"]
        assert "html" not in record and "<p>" not in record["text"]
        assert record["spider"] in SITE_SPIDERS
        assert record["fetched_at"] == TEST_SETTINGS["NEWSCRAWL_NOW"]  # the crawl's settable now


@pytest.mark.parametrize("field", ["title", "wire", "dateline"])
def test_fields_match_the_truth(records, field):
    wrong = {r["url"]: (r.get(field), getattr(TRUTH[r["url"]], field)) for r in records
             if r.get(field) != getattr(TRUTH[r["url"]], field)}
    assert not wrong


def test_authors_match_the_truth_and_never_hold_a_wire_credit(records):
    for record in records:
        page = TRUTH[record["url"]]
        assert not {"AP", "Associated Press", "The Associated Press"} & set(record.get("authors", []))
        if not page.fake_byline:
            assert sorted(record.get("authors", [])) == sorted(page.authors), record["url"]


def test_every_article_paragraph_and_no_template_line(records):
    for record in records:
        page = TRUTH[record["url"]]
        text = " ".join(record["text"].split())
        missing = [p for p in page.paragraphs if " ".join(p.split()) not in text]
        assert not missing, (record["url"], missing[:2])
        leaked = [line for line in page.template_lines if line in text]
        assert not leaked, (record["url"], leaked[:3])


def cluster_original(url: str) -> str:
    """The original a cluster should name: a write-thru's first version stands for its later ones."""
    page = TRUTH[url]
    return cluster_original(page.version_of) if page.version_of else url


def test_copies_point_to_the_agency_original(records):
    by_url = {record["url"]: record for record in records}
    copies = [p for p in TRUTH.values() if p.kind in ("exact_copy", "edited_copy", "excerpt")]
    wrong = {p.url: by_url[p.url].get("duplicate_of") for p in copies
             if by_url[p.url].get("duplicate_of") != cluster_original(p.original_url)}
    assert not wrong
    for page in TRUTH.values():
        if page.kind in ("rewrite", "unique"):
            assert by_url[page.url].get("duplicate_of") is None, page.url


def test_write_thru_versions_share_one_cluster(crawls):
    # The clusters file is authoritative: the early version was exported before the late one existed.
    members = {m["url"]: (c["cluster_id"], m["relation"]) for c in crawls["mirrors"].clusters for m in c["members"]}
    versions = [page for page in TRUTH.values() if page.version_of]
    assert versions
    for page in versions:
        assert members[page.url][0] == members[page.version_of][0]
        assert members[page.url][1] == "version" and members[page.version_of][1] == "original"


def test_clusters_file_names_the_agency_original(crawls):
    clusters = crawls["mirrors"].clusters
    assert clusters, "no clusters file written"
    assert all(cluster_errors(cluster) == [] for cluster in clusters)
    originals = {cluster["original"] for cluster in clusters}
    expected = {cluster_original(p.original_url) for p in TRUTH.values() if p.original_url}
    assert expected <= originals


def test_run_summary_reports_counts_and_coverage(crawls):
    summary = crawls["apnews"].summary
    assert summary["items"] == sum(1 for p in TRUTH.values() if p.site == "apnews.com")
    assert summary["coverage"]["title"] == 1.0 and summary["coverage"]["text"] == 1.0
    assert summary["warnings"] == [] and summary["failures"] == []
    assert summary["pages_fetched"] > summary["items"]  # listings, sitemaps and robots.txt too
    assert summary["previous_items"] is None  # a first run: nothing to compare with
