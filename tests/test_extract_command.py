"""`newscrawl extract`: good pages come out, each kind of bad input is a clear, counted skip."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from newscrawl.record import record_errors
from tests.pages import (GAZETTE_STORIES, GAZETTE_TEMPLATE, PARAGRAPHS, article_html, gazette_page,
                         warc_bytes)


def run_extract(*args, cwd=None):
    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "extract", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


GATES = "https://www.ostlandcourier.com/news/gates/"


def canonical(url: str) -> str:
    return f'<link rel="canonical" href="{url}">'


@pytest.fixture
def good_page(tmp_path):
    path = tmp_path / "good.html"
    path.write_text(article_html(extra_head=canonical(GATES)), encoding="utf-8")
    return path


def assert_contract(records):
    for record in records:
        assert record_errors(record) == [], record


def test_html_and_gzip_pages(tmp_path, good_page):
    gz = tmp_path / "good2.html.gz"
    gz.write_bytes(gzip.compress(article_html(title="Second page",
                                              extra_head=canonical(GATES + "second/")).encode()))
    result, records = run_extract(good_page, gz)
    assert result.returncode == 0, result.stderr
    assert len(records) == 2
    assert_contract(records)
    assert [r["url"] for r in records] == [GATES, GATES + "second/"]  # the canonical URL, no --url needed
    first = records[0]
    assert first["site"] == "ostlandcourier.com"
    assert first["title"] == "Marrowfield opens its new flood gates"
    assert first["wire"] == "AP" and first["dateline"] == "MARROWFIELD, Ostland"
    assert first["text"].split("\n\n") == PARAGRAPHS
    assert "2 pages read, 2 articles extracted, 0 skipped" in result.stderr


def _bad_input_cases(tmp_path):
    """name -> (path, reason counted in the summary, words the message must contain)."""
    cases = {}
    (tmp_path / "empty.html").write_bytes(b"")
    cases["empty"] = ("empty.html", "empty", "empty page")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 40)
    cases["binary"] = ("binary.html", "binary", "binary body")
    big = article_html(paragraphs=PARAGRAPHS + ["filler " * 20] * 140_000)
    (tmp_path / "huge.html").write_text(big, encoding="utf-8")
    assert len(big) > 20_000_000
    cases["huge"] = ("huge.html", "too_large", "too large")
    (tmp_path / "noarticle.html").write_text(
        "<html><head><title>Contact us</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    cases["no_article"] = ("noarticle.html", "no_article", "no article text")
    (tmp_path / "truncated.html.gz").write_bytes(gzip.compress(article_html().encode())[:120])
    cases["truncated_gzip"] = ("truncated.html.gz", "bad_gzip", "truncated or corrupt gzip")
    complete = warc_bytes([("response", "https://www.ostlandcourier.com/a/", article_html().encode()),
                           ("response", "https://www.ostlandcourier.com/b/", article_html(title="Another").encode())])
    (tmp_path / "truncated.warc.gz").write_bytes(complete[: len(complete) - 200])
    cases["truncated_warc"] = ("truncated.warc.gz", "bad_warc", "truncated or corrupt WARC record")
    return cases


def test_each_bad_input_is_a_clear_counted_skip_and_the_batch_goes_on(tmp_path, good_page):
    cases = _bad_input_cases(tmp_path)
    result, records = run_extract(*(tmp_path / path for path, _, _ in cases.values()), good_page)
    assert result.returncode == 0, result.stderr
    assert_contract(records)
    assert "Traceback" not in result.stderr
    for name, (path, reason, words) in cases.items():
        assert any(path in line and words in line for line in result.stderr.splitlines()), (name, result.stderr)
        assert f"{reason}: 1" in result.stderr.splitlines()[-1], (name, result.stderr.splitlines()[-1])
    # The good page after the bad ones, and the first (complete) record of the truncated WARC.
    urls = [record["url"] for record in records]
    assert "https://www.ostlandcourier.com/news/gates/" in urls
    assert "https://www.ostlandcourier.com/a/" in urls


def test_cp1252_page_without_charset(tmp_path):
    text = "Le café d’été coûte 3 € à Zürich — “naïve” prices, said Ågot Brünn."
    page = article_html(paragraphs=[text + " It was the talk of the whole valley for a week."] + PARAGRAPHS[1:],
                        charset=None)
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    result, records = run_extract(path, "--url", "https://www.ostlandcourier.com/news/cafe/")
    assert result.returncode == 0, result.stderr
    assert text in records[0]["text"]


def test_warc_with_request_and_metadata_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([
        ("request", "https://www.ostlandcourier.com/a/", b""),
        ("response", "https://www.ostlandcourier.com/a/", article_html().encode()),
        ("metadata", "https://www.ostlandcourier.com/a/", b"via: test\n"),
        ("response", "https://www.ostlandcourier.com/b/", article_html(title="Second story").encode()),
    ]))
    result, records = run_extract(path)
    assert result.returncode == 0, result.stderr
    assert [r["url"] for r in records] == ["https://www.ostlandcourier.com/a/", "https://www.ostlandcourier.com/b/"]
    assert records[1]["title"] == "Second story"
    summary = result.stderr.splitlines()[-1]
    assert "warc_request: 1" in summary and "warc_metadata: 1" in summary


def test_exit_status_is_nonzero_when_no_input_gave_an_article(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    (tmp_path / "empty.html").write_bytes(b"")
    result, records = run_extract(tmp_path / "missing.html", tmp_path / "empty.warc.gz", tmp_path / "empty.html")
    assert records == []
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "1 pages read, 0 articles extracted" in result.stderr


def test_warc_record_without_target_uri_is_skipped_and_the_file_goes_on(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([
        ("response", "https://www.ostlandcourier.com/a/", article_html().encode()),
        ("response", "", article_html(title="No address").encode()),
        ("response", "https://www.ostlandcourier.com/c/", article_html(title="After the bad one").encode()),
    ]))
    result, records = run_extract(path)
    assert result.returncode == 0, result.stderr
    assert [r["url"] for r in records] == ["https://www.ostlandcourier.com/a/", "https://www.ostlandcourier.com/c/"]
    assert "response record without a WARC-Target-URI" in result.stderr
    assert "no_target_uri: 1" in result.stderr.splitlines()[-1]


def test_url_with_several_pages_is_refused(tmp_path, good_page):
    other = tmp_path / "other.html"
    other.write_text(article_html(title="Other"), encoding="utf-8")
    result, records = run_extract(good_page, other, "--url", GATES)
    assert (result.returncode, records) == (2, [])
    assert result.stderr.strip().splitlines() == [
        "newscrawl extract: --url names one page, but 2 inputs were given (their records would share one URL); "
        "run extract once per page"]
    for single in (tmp_path, tmp_path / "x.warc.gz"):
        assert run_extract(single, "--url", GATES)[0].returncode == 2


def test_folder_input_reads_its_pages_and_names_the_other_files(tmp_path, good_page):
    nested = tmp_path / "more" / "deeper"
    nested.mkdir(parents=True)
    (nested / "b.html.gz").write_bytes(gzip.compress(article_html(title="Nested",
                                                                  extra_head=canonical(GATES + "b/")).encode()))
    (tmp_path / "notes.txt").write_text("not a page")
    result, records = run_extract(tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(r["url"] for r in records) == [GATES, GATES + "b/"]
    assert "1 files without a page suffix ignored (.txt)" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result, _ = run_extract(empty)
    assert result.returncode == 1 and "no .html, .html.gz or WARC files in this folder" in result.stderr


def test_standard_input_as_html_and_as_warc(tmp_path):
    page = article_html(extra_head=canonical(GATES)).encode()
    for data in (page, gzip.compress(page)):
        result = subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", "-"], input=data,
                                capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["url"] == GATES
    warc = warc_bytes([("response", GATES, page), ("response", GATES + "2/", article_html(title="Two").encode())])
    result = subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", "-"], input=warc,
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["url"] for line in result.stdout.splitlines()] == [GATES, GATES + "2/"]


def test_page_without_any_url_keeps_its_text_with_a_file_url(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text(article_html(), encoding="utf-8")
    result, records = run_extract(path)
    assert result.returncode == 0, result.stderr
    assert records[0]["url"] == path.resolve().as_uri()
    assert "site" not in records[0] and records[0]["text"].split("\n\n") == PARAGRAPHS
    assert_contract(records)


def test_records_carry_no_internal_or_empty_fields(tmp_path):
    path = tmp_path / "nobyline.html"
    path.write_text(article_html().replace("<p class='byline'>By Hanne Vosk</p>", ""), encoding="utf-8")
    result, records = run_extract(path, "--url", GATES)
    assert result.returncode == 0, result.stderr
    assert "hint_misses" not in records[0] and "authors" not in records[0]
    assert_contract(records)


def test_a_batch_teaches_the_memory_first_so_the_first_page_of_a_site_is_clean(tmp_path):
    path = tmp_path / "gazette.warc.gz"
    path.write_bytes(warc_bytes([("response", f"https://welkenhall-gazette.example/{n}", gazette_page(story))
                                 for n, story in enumerate(GAZETTE_STORIES)]))
    result, records = run_extract(path)
    assert result.returncode == 0, result.stderr
    assert len(records) == 4
    for record, story in zip(records, GAZETTE_STORIES):
        assert record["text"].split("\n\n") == story, record["url"]  # the first page as clean as the last
    result, records = run_extract(path, "--no-site-memory")
    assert all(GAZETTE_TEMPLATE[0] in record["text"] for record in records)  # what the memory removes


def test_utf8_page_declaring_latin1_is_not_mojibake(tmp_path):
    path = tmp_path / "faehre.html"
    path.write_bytes(article_html(title="Sanción für die Fähre", charset="iso-8859-15").encode("utf-8"))
    result, records = run_extract(path, "--url", "https://www.ostlandcourier.com/news/faehre/")
    assert result.returncode == 0, result.stderr
    assert records[0]["title"] == "Sanción für die Fähre"
