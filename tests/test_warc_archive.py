"""WARC out: a crawl of the mock web archives what it fetched, and `warc` replays it to the same records."""

from __future__ import annotations

import gzip
import hashlib
from base64 import b32encode

import pytest
from warcio.archiveiterator import ArchiveIterator

from newscrawl.extensions.warc_archive import WarcFileWriter, http_status_line
from tests.crawling import run_crawl

# Small files, so one crawl of the mock web fills several and rotation is exercised.
MAX_BYTES = 20_000
# What a replay must give back exactly as the crawl did (fetch time and spider name differ by design).
CONTENT_FIELDS = ("url", "canonical_url", "title", "authors", "publisher", "published", "language",
                  "text", "wire", "dateline", "description")


@pytest.fixture(scope="module")
def archived(mockweb, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("warc-out")
    archive = workdir / "archive"
    crawl = run_crawl("apnews", workdir, mockweb.host_map, name="crawl",
                      settings={"NEWSCRAWL_WARC_DIR": str(archive), "NEWSCRAWL_WARC_MAX_BYTES": str(MAX_BYTES)})
    replay = run_crawl("warc", workdir, {}, name="replay", args={"path": str(archive)},
                       settings={"NEWSCRAWL_STORE_URL": f"sqlite:///{workdir / 'replay.sqlite'}"})
    return crawl, replay, sorted(archive.glob("*.warc.gz"))


def records_of(path):
    with path.open("rb") as stream:
        return [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read())
                for r in ArchiveIterator(stream)]


def test_the_crawl_writes_rotated_gzip_warc_files(archived):
    crawl, _, files = archived
    assert crawl.returncode == 0, crawl.log[-2000:]
    assert len(files) >= 3, files
    assert crawl.stats["newscrawl/warc/files"] == len(files)
    for path in files:
        assert path.name.startswith("apnews-") and len(path.name.split("-")) >= 4
        with gzip.open(path) as whole:  # a valid gzip stream from end to end
            whole.read()
    # Rotation happens after the record that crosses the limit: no file is far beyond it.
    assert all(p.stat().st_size < MAX_BYTES + 64_000 for p in files)


def test_each_file_opens_with_warcinfo_and_pairs_every_response_with_its_request(archived):
    _, _, files = archived
    responses = 0
    for path in files:
        records = records_of(path)
        assert records[0][0] == "warcinfo"
        assert b"newscrawl/" in records[0][3]
        by_id = {}
        for rec_type, headers, http, body in records[1:]:
            assert headers.protocol == "WARC/1.1"
            for name in ("WARC-Record-ID", "WARC-Date", "WARC-Target-URI", "WARC-Block-Digest", "Content-Length"):
                assert headers.get_header(name), (rec_type, name)
            by_id[headers.get_header("WARC-Record-ID")] = (rec_type, headers, http, body)
        for rec_type, headers, http, body in by_id.values():
            if rec_type != "request":
                continue
            response = by_id[headers.get_header("WARC-Concurrent-To")]
            assert response[0] == "response"
            assert response[1].get_header("WARC-Target-URI") == headers.get_header("WARC-Target-URI")
            assert http.get_header("User-Agent", "").startswith("newscrawl/")
            responses += 1
    assert responses >= 10


def test_archived_bodies_are_what_was_fetched_with_a_matching_digest(archived, mockweb):
    _, _, files = archived
    checked = 0
    for path in files:
        for rec_type, headers, http, body in records_of(path):
            if rec_type == "response" and http.get_statuscode() == "200":
                assert int(http.get_header("Content-Length")) == len(body)
                assert http.get_header("Content-Encoding") is None  # stored decoded, as the spider saw it
                digest = "sha1:" + b32encode(hashlib.sha1(body).digest()).decode()
                assert headers.get_header("WARC-Payload-Digest") == digest
                checked += 1
    assert checked >= 10


def test_replaying_the_archive_reproduces_the_crawls_records(archived):
    crawl, replay, _ = archived
    assert replay.returncode == 0, replay.log[-2000:]
    assert crawl.records
    original = {r["url"]: {f: r.get(f) for f in CONTENT_FIELDS} for r in crawl.records}
    replayed = {r["url"]: {f: r.get(f) for f in CONTENT_FIELDS} for r in replay.records}
    assert replayed.keys() == original.keys()
    different = {url: (original[url], replayed[url]) for url in original if original[url] != replayed[url]}
    assert not different
    # Redirects and robots.txt are in the archive but are not pages: counted, not warned about.
    assert replay.stats.get("newscrawl/skipped/warc_request", 0) >= len(crawl.records)


def test_writer_rotates_and_names_files_by_the_spec(tmp_path):
    writer = WarcFileWriter(tmp_path, "demo", max_bytes=1)
    for n in range(3):
        writer.write(f"https://example.org/{n}", f"GET /{n} HTTP/1.1", {}, http_status_line(200),
                     {b"Content-Type": [b"text/html"], b"Content-Encoding": [b"gzip"]}, b"<p>x</p>")
    writer.close()
    assert [p.name.split("-")[2] for p in writer.paths] == ["00000", "00001", "00002"]
    assert http_status_line(404) == "404 Not Found" and http_status_line(799) == "799 Unknown"
