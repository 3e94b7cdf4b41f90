"""The warc spider: a batch's templates are learned before any page is extracted; a long site replay."""

from __future__ import annotations

from tests import long_site
from tests.crawling import run_crawl
from tests.pages import GAZETTE_STORIES, GAZETTE_TEMPLATE, gazette_page, warc_bytes


def test_replaying_a_long_site_learns_templates_first_and_never_shortens_a_paragraph(tmp_path):
    pages = [("response", f"https://welkenhall-gazette.example/{n}", gazette_page(story))
             for n, story in enumerate(GAZETTE_STORIES)]
    pages += [("response", url, html.encode()) for html, url in map(long_site.page, range(300))]
    path = tmp_path / "batch.warc.gz"
    path.write_bytes(warc_bytes(pages))
    crawl = run_crawl("warc", tmp_path, {}, args={"path": str(path)}, settings={"NEWSCRAWL_LINKING_ENABLED": "False"})
    assert crawl.returncode == 0, crawl.log[-3000:]
    records = crawl.by_url()
    assert len(records) == 304
    for n, story in enumerate(GAZETTE_STORIES):  # the first page of the site is as clean as the last
        assert records[f"https://welkenhall-gazette.example/{n}"]["text"].split("\n\n") == story
    assert crawl.summary["memory_shortened_paragraphs"] == 0  # the run summary's check, over 300 pages of one site
    assert crawl.stats["newscrawl/boilerplate/pages_cleaned"] >= 300
    assert not any(GAZETTE_TEMPLATE[1] in record["text"] for record in records.values())
