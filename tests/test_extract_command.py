"""`newscrawl extract`: good pages come out, each kind of bad input is a clear, counted skip."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from tests.pages import (GAZETTE_STORIES, GAZETTE_TEMPLATE, PARAGRAPHS, article_html, gazette_page,
                         warc_bytes)


def run_extract(*args, cwd=None):
    result = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "extract", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result, records


@pytest.fixture
def good_page(tmp_path):
    path = tmp_path / "good.html"
    path.write_text(article_html(), encoding="utf-8")
    return path


def test_html_and_gzip_pages(tmp_path, good_page):
    gz = tmp_path / "good2.html.gz"
    gz.write_bytes(gzip.compress(article_html(title="Second page").encode()))
    result, records = run_extract(good_page, gz, "--url", "https://www.ostlandcourier.com/news/gates/")
    assert result.returncode == 0, result.stderr
    assert len(records) == 2
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
    result, records = run_extract(*(tmp_path / path for path, _, _ in cases.values()), good_page,
                                  "--url", "https://www.ostlandcourier.com/news/gates/")
    assert result.returncode == 0, result.stderr
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


def test_exit_status_is_nonzero_only_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    result, records = run_extract(tmp_path / "missing.html", tmp_path / "empty.warc.gz")
    assert records == []
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


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
