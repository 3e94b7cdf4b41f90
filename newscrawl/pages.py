"""Saved pages as (url, body) pairs: .html, .html.gz and WARC files, with reasons for skips."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# A saved page bigger than this is refused before it is read whole.
MAX_INPUT_BYTES = 64 * 1024 * 1024


@dataclass
class Page:
    url: str | None
    body: bytes
    source: str  # file name, plus the record offset for WARC records
    fetched_at: str | None = None
    content_type: str | None = None


@dataclass
class Skip:
    source: str
    reason: str  # short key, for counting
    message: str


def _read_html_file(path: Path) -> bytes:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    with path.open("rb") as handle:
        return handle.read(MAX_INPUT_BYTES + 1)


def _html_pages(path: Path, url: str | None) -> Iterator[Page | Skip]:
    try:
        body = _read_html_file(path)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Skip(str(path), "bad_gzip", f"{path}: truncated or corrupt gzip ({error or 'unexpected end of data'})")
        return
    if len(body) > MAX_INPUT_BYTES:
        yield Skip(str(path), "too_large", f"{path}: larger than {MAX_INPUT_BYTES // 2**20} MB")
        return
    yield Page(url=url, body=body, source=str(path))


def _warc_pages(path: Path) -> Iterator[Page | Skip]:
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                headers = record.http_headers
                content_type = headers.get_header("Content-Type") if headers else None
                status = headers.get_statuscode() if headers else None
                ok = not status or status.startswith("2")  # redirects and errors hold no article
                wanted = record.rec_type == "response" and ok and (not content_type or "html" in content_type.lower())
                # Read before asking for the offset: warcio's offset call ends the payload stream.
                body = record.content_stream().read(MAX_INPUT_BYTES + 1) if wanted else b""
                source = f"{path}@{records.get_record_offset()}"
                if wanted and getattr(record.raw_stream, "limit", 0) > 0 and len(body) <= MAX_INPUT_BYTES:
                    # Fewer bytes than the record's Content-Length: the file ends mid-record.
                    yield Skip(source, "bad_warc", f"{source}: truncated or corrupt WARC record "
                               f"({record.raw_stream.limit} bytes missing)")
                elif record.rec_type != "response":
                    yield Skip(source, f"warc_{record.rec_type}", f"{source}: {record.rec_type} record, not a response")
                elif record.rec_headers.get_header("Newscrawl-Page", "article") != "article":
                    # Our own archives mark the sitemaps and listings a crawl read to find articles.
                    yield Skip(source, "warc_discovery", f"{source}: a discovery page of the archived crawl")
                elif not ok:
                    yield Skip(source, "warc_status", f"{source}: HTTP status {status}, not a page")
                elif not wanted:
                    yield Skip(source, "not_html", f"{source}: {content_type}, not HTML")
                else:
                    yield Page(
                        url=record.rec_headers.get_header("WARC-Target-URI"),
                        body=body,
                        source=source,
                        fetched_at=record.rec_headers.get_header("WARC-Date"),
                        content_type=content_type,
                    )
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as error:
            yield Skip(str(path), "bad_warc", f"{path}: truncated or corrupt WARC record ({error})")


def read_pages(path: str | Path, url: str | None = None) -> Iterator[Page | Skip]:
    """Every page in one saved file, in file order; unreadable parts come as Skip."""
    path = Path(path)
    if not path.is_file():
        yield Skip(str(path), "missing", f"{path}: no such file")
        return
    try:
        if path.name.lower().endswith(WARC_SUFFIXES):
            yield from _warc_pages(path)
        else:
            yield from _html_pages(path, url)
    except OSError as error:
        yield Skip(str(path), "unreadable", f"{path}: {error.strerror or error}")
