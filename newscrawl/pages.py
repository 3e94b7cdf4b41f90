"""Saved pages as (url, body) pairs: .html, .html.gz and WARC files, with reasons for skips."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Files a folder given as input contributes; others in it are counted, not read.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", *WARC_SUFFIXES)
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


class _TargetlessRecordLoader(ArcWarcRecordLoader):
    """warcio's record loader, except that a record without WARC-Target-URI still parses.

    warcio calls `uri.startswith` on the missing URI and raises AttributeError, which
    ends the iteration: every later record of the file would be lost. Without a URI the
    HTTP headers stay unparsed; the record is skipped anyway (`no_target_uri`).
    """

    def load_http_headers(self, rec_type, uri, stream, length):
        if not uri:
            return None
        return super().load_http_headers(rec_type, uri, stream, length)


def _warc_pages(path: Path) -> Iterator[Page | Skip]:
    with path.open("rb") as stream:
        yield from _warc_stream_pages(stream, str(path))


def _warc_stream_pages(stream: BinaryIO, name: str) -> Iterator[Page | Skip]:
    records = ArchiveIterator(stream)
    records.loader = _TargetlessRecordLoader()
    try:
        for record in records:
            headers = record.http_headers
            content_type = headers.get_header("Content-Type") if headers else None
            status = headers.get_statuscode() if headers else None
            ok = not status or status.startswith("2")  # redirects and errors hold no article
            target = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
            wanted = (record.rec_type == "response" and bool(target) and ok
                      and (not content_type or "html" in content_type.lower()))
            # Read before asking for the offset: warcio's offset call ends the payload stream.
            body = record.content_stream().read(MAX_INPUT_BYTES + 1) if wanted else b""
            source = f"{name}@{records.get_record_offset()}"
            if wanted and getattr(record.raw_stream, "limit", 0) > 0 and len(body) <= MAX_INPUT_BYTES:
                # Fewer bytes than the record's Content-Length: the file ends mid-record.
                yield Skip(source, "bad_warc", f"{source}: truncated or corrupt WARC record "
                           f"({record.raw_stream.limit} bytes missing)")
            elif record.rec_type != "response":
                yield Skip(source, f"warc_{record.rec_type}", f"{source}: {record.rec_type} record, not a response")
            elif not target:
                yield Skip(source, "no_target_uri", f"{source}: response record without a WARC-Target-URI")
            elif record.rec_headers.get_header("Newscrawl-Page", "article") != "article":
                # Our own archives mark the sitemaps and listings a crawl read to find articles.
                yield Skip(source, "warc_discovery", f"{source}: a discovery page of the archived crawl")
            elif not ok:
                yield Skip(source, "warc_status", f"{source}: HTTP status {status}, not a page")
            elif not wanted:
                yield Skip(source, "not_html", f"{source}: {content_type}, not HTML")
            else:
                yield Page(
                    url=target,
                    body=body,
                    source=source,
                    fetched_at=record.rec_headers.get_header("WARC-Date"),
                    content_type=content_type,
                )
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError) as error:
        yield Skip(name, "bad_warc", f"{name}: truncated or corrupt WARC record ({error})")


class _Prefixed(io.RawIOBase):
    """A stream that first returns bytes already read from it (to sniff the format), then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size], self.head = self.head[:size], self.head[size:]
            return size
        data = self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _starts_warc(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def read_stream_pages(stream: BinaryIO, url: str | None = None, name: str = "-") -> Iterator[Page | Skip]:
    """The pages of standard input (`-`): one HTML page (gzipped or not) or a WARC stream."""
    head = stream.read(4096)
    if _starts_warc(head):
        yield from _warc_stream_pages(io.BufferedReader(_Prefixed(head, stream)), name)
        return
    body = head + stream.read(MAX_INPUT_BYTES + 1 - len(head))
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as unzipped:
                body = unzipped.read(MAX_INPUT_BYTES + 1)
        except (EOFError, gzip.BadGzipFile, zlib.error) as error:
            yield Skip(name, "bad_gzip", f"{name}: truncated or corrupt gzip ({error or 'unexpected end of data'})")
            return
    if len(body) > MAX_INPUT_BYTES:
        yield Skip(name, "too_large", f"{name}: larger than {MAX_INPUT_BYTES // 2**20} MB")
        return
    yield Page(url=url, body=body, source=name)


def page_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(files with a page suffix, other files) under a folder, each sorted by path."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    pages = [p for p in files if p.name.lower().endswith(PAGE_SUFFIXES)]
    return pages, [p for p in files if not p.name.lower().endswith(PAGE_SUFFIXES)]


def read_pages(path: str | Path, url: str | None = None) -> Iterator[Page | Skip]:
    """Every page in one saved file, in file order; unreadable parts come as Skip."""
    path = Path(path)
    if path.is_dir():
        yield Skip(str(path), "directory", f"{path}: is a directory")
        return
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
