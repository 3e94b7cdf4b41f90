"""The report on a real crawl of the mock web: its figures against the truth and the store, and in Chromium."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time

import pytest

from newscrawl.fingerprint import cluster_views
from newscrawl.fingerprint.records import timestamp
from newscrawl.report.data import from_jsonl, from_store
from newscrawl.report.figures import compute, copy_rows
from newscrawl.report.page import render
from newscrawl.store import open_store
from tests.browser import Browser, chromium_path
from tests.crawling import ROOT, run_crawl
from tests.mockweb import MIRROR_HOSTS, truth
from tests.mockweb.content import WIRE
from tests.mockweb.plan import mirror_copies
from tests.mockweb.sites.mirrors import article_url as mirror_url, lastmod

SPIDERS = ("apnews", "partners", "mirrors")  # the agency first, as a scheduler would
PAGES = {page.url: page for page in truth.pages(1) if page.site != "brokenpress.com"}


def first_version(url: str) -> str:
    while PAGES[url].version_of:
        url = PAGES[url].version_of
    return url


def root_original(page) -> str:
    """The first write-thru of the wire story a page copies: the cluster's original."""
    return first_version(page.original_url)


# Copies of a wire story on other sites than the agency's, as the truth knows them.
COPIES = {url: page for url, page in PAGES.items() if page.original_url and page.site != "apnews.com"}


@pytest.fixture(scope="module")
def crawled(mockweb, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("report")
    for spider in SPIDERS:
        crawl = run_crawl(spider, workdir, mockweb.host_map, name=spider)
        assert crawl.returncode == 0, crawl.log[-2000:]
    joined = workdir / "crawled.jsonl"
    joined.write_text("".join((workdir / f"{s}.jsonl").read_text(encoding="utf-8") for s in SPIDERS), encoding="utf-8")
    store_url = f"sqlite:///{workdir / 'state.sqlite'}"
    subprocess.run([sys.executable, "-m", "newscrawl.cli", "dedup", str(joined), "-o", str(workdir / "linked.jsonl"),
                    "--store", store_url], cwd=ROOT, check=True, capture_output=True)
    return workdir, store_url


@pytest.fixture(scope="module")
def figures(crawled):
    with open_store(crawled[1], create=False) as store:
        return compute(from_store(store, time.time()))


def test_copies_per_site_match_the_truth(figures):
    expected: dict[str, int] = {}
    for page in COPIES.values():
        expected[page.site] = expected.get(page.site, 0) + 1
    assert {s.site: s.copies for s in figures.sites} == expected
    assert figures.copies == len(COPIES)
    assert figures.stories == len({root_original(p) for p in COPIES.values()} | {
        first_version(p.url) for p in PAGES.values() if p.site == "apnews.com" and p.version_of})
    assert figures.originals_by_agency == {"AP": figures.stories}


def test_credit_shares_and_the_uncredited_list_match_the_truth(figures):
    for site in figures.sites:
        pages = [p for p in COPIES.values() if p.site == site.site]
        assert site.credit_share == pytest.approx(sum(p.wire == "AP" for p in pages) / len(pages)), site.site
    assert {r.url for r in figures.uncredited} == {u for u, p in COPIES.items() if p.wire is None}
    assert all(r.original_url == root_original(COPIES[r.url]) for r in figures.uncredited)


def test_lags_are_the_partners_dates_and_the_mirrors_sitemap_dates(figures, crawled):
    with open_store(crawled[1], create=False) as store:
        rows = {}
        for story in from_store(store, figures.now).stories:
            rows.update((r.url, r) for r in copy_rows(story, figures.now))
    assert set(rows) == set(COPIES)
    for url, page in COPIES.items():
        start = timestamp(PAGES[root_original(page)].published)
        if page.site in MIRROR_HOSTS:
            continue
        assert (rows[url].basis, rows[url].lag) == ("date", timestamp(page.published) - start), url
    for copy in mirror_copies(1):
        row = rows[mirror_url(copy)]
        start = timestamp(PAGES[root_original(COPIES[row.url])].published)
        if row.basis == "lastmod":  # the page's own date is fake: dropped at extraction, or flagged here
            assert row.lag == lastmod(copy).timestamp() - start, row.url
        else:
            assert row.basis == "date" and WIRE[copy.key].published.timestamp() < start + row.lag, row.url
    assert all(s.untimed_share == 0 for s in figures.sites)  # every copy has a date or a sitemap lastmod
    lags = {s.site: s.median_lag for s in figures.sites}
    assert max(lags[s] for s in lags if s not in MIRROR_HOSTS) < min(lags[s] for s in MIRROR_HOSTS)


def test_the_mirror_network_is_found_and_the_agency_is_in_none(figures):
    networks = [set(n.sites) for n in figures.networks]
    assert set(MIRROR_HOSTS) in networks
    assert not any("apnews.com" in n for n in networks)
    mirrors = next(n for n in figures.networks if set(n.sites) == set(MIRROR_HOSTS))
    assert mirrors.copies == sum(p.site in MIRROR_HOSTS for p in COPIES.values())


def test_the_figures_agree_with_the_stores_clusters(figures, crawled):
    with open_store(crawled[1], create=False) as store:
        views = cluster_views(store, figures.now)
        rows = store.docs([i for v in views for i in v.doc_ids])
    copies = 0
    for view in views:
        original_site = rows[view.doc_ids[0]].site
        copies += sum(rows[i].site != original_site for i in view.doc_ids[1:])
    assert figures.copies == copies and figures.stories == len(views)
    assert figures.articles == len(PAGES)


def test_a_linked_corpus_gives_the_same_counts_and_credit(figures, crawled):
    from_corpus = compute(from_jsonl([crawled[0] / "linked.jsonl"], figures.now))
    assert (from_corpus.articles, from_corpus.stories, from_corpus.copies) == (figures.articles, figures.stories,
                                                                              figures.copies)
    assert [(s.site, s.copies, s.credit_share, s.excerpt_share) for s in from_corpus.sites] == \
        [(s.site, s.copies, s.credit_share, s.excerpt_share) for s in figures.sites]
    assert [r.url for r in from_corpus.uncredited] != [] and \
        {r.url for r in from_corpus.uncredited} == {r.url for r in figures.uncredited}


def test_the_command_writes_one_page_from_a_store_or_a_corpus(crawled, tmp_path):
    workdir, store_url = crawled
    for source in (["--store", store_url], [str(workdir / "linked.jsonl")]):
        out = tmp_path / "r.html"
        done = subprocess.run([sys.executable, "-m", "newscrawl.cli", "report", *source, "-o", str(out),
                               "--agency", "AP"], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        page = out.read_text(encoding="utf-8")
        assert "Who copies whom" in page and "capitatum.com" in page and "<svg" in page
        assert f"{len(COPIES)} copies" in done.stderr


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.fail("chromium is not installed: run make install", pytrace=False)
    with Browser() as running:
        yield running


def test_chromium_opens_the_page_offline_without_errors(figures, browser, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render(figures), encoding="utf-8")
    visit = browser.open(path)
    assert visit.requests and visit.outside_requests == [] and visit.errors == []
    shot = browser.screenshot(tmp_path / "first-screen.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    assert browser.evaluate("document.querySelectorAll('svg').length") >= 4


def test_tables_sort_and_export_csv_in_the_browser(figures, browser, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render(figures), encoding="utf-8")
    browser.open(path)
    column = "Array.from(document.querySelectorAll('#sites-table tbody tr'), r => r.cells[%d].textContent)"
    browser.evaluate("document.querySelectorAll('#sites-table th')[6].click()")  # uncredited, ascending
    uncredited = [int(v) for v in browser.evaluate(column % 6)]
    assert uncredited == sorted(uncredited) and uncredited[-1] >= 1
    browser.evaluate("document.querySelectorAll('#sites-table th')[0].click()")
    assert browser.evaluate(column % 0) == sorted(s.site for s in figures.sites)
    table = list(csv.reader(io.StringIO(browser.evaluate("tableCsv('uncredited-table')"))))
    assert table[0] == ["story", "original", "copy", "site", "lag", "lag from", "relation", "agency"]
    assert {line[2] for line in table[1:]} == {r.url for r in figures.uncredited}
