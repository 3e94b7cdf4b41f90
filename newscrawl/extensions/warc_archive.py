"""WarcArchive: every response a crawl fetched, with its request, into gzip WARC 1.1 files.

`scrapy crawl X -s NEWSCRAWL_WARC_DIR=archive/` writes
`archive/<spider>-<UTC time>-<serial>-<host>.warc.gz` (the WARC 1.1 spec's annex C name),
each starting with a `warcinfo` record and rotated once it passes
NEWSCRAWL_WARC_MAX_BYTES. `scrapy crawl warc -a path=archive/` replays them.

Records are written with warcio (which computes the block and payload digests). Scrapy has
already decoded the body (gzip, chunked) when `response_received` fires, so the archived
HTTP headers drop Content-Encoding / Transfer-Encoding and give the decoded length: the
archive then says exactly what the spider saw.
"""

from __future__ import annotations

import logging
import socket
from http import HTTPStatus
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

logger = logging.getLogger(__name__)

# Headers that describe the transfer, not the body we store.
TRANSFER_HEADERS = {b"content-encoding", b"transfer-encoding", b"content-length"}
# Extension field (WARC 1.1 allows them) naming what the crawl took the page for:
# `article` (it became a record) or `discovery` (sitemap, feed, listing); replays keep articles.
ROLE_HEADER = "Newscrawl-Page"
# Requests carrying this meta key are not archived (e.g. CC-NEWS WARC files: already archives).
NO_ARCHIVE_META = "newscrawl_no_archive"


def _pairs(headers) -> list[tuple[str, str]]:
    """Scrapy Headers -> (name, value) str pairs, every value of a repeated header kept."""
    return [(name.decode("latin-1"), value.decode("latin-1"))
            for name, values in headers.items() for value in values]


def http_status_line(status: int) -> str:
    # Scrapy keeps no reason phrase; the standard one for the code is what servers send.
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    return f"{status} {reason}"


class WarcFileWriter:
    """Appends request/response pairs to the current WARC file; starts a new one past max_bytes."""

    def __init__(self, folder: Path, prefix: str, max_bytes: int, software: str = "newscrawl"):
        self.folder = Path(folder)
        self.prefix = prefix
        self.max_bytes = max_bytes
        self.software = software
        self.host = socket.gethostname().split(".")[0] or "localhost"
        self.serial = 0
        self.handle = None
        self.writer = None
        self.path: Path | None = None
        self.paths: list[Path] = []

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(tz=timezone.utc).strftime("%Y%m%d%H%M%S")
        self.path = self.folder / f"{self.prefix}-{stamp}-{self.serial:05d}-{self.host}.warc.gz"
        self.serial += 1
        self.handle = self.path.open("xb")
        self.writer = WARCWriter(self.handle, gzip=True, warc_version="1.1")
        info = self.writer.create_warcinfo_record(self.path.name, {
            "software": self.software, "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
            "hostname": socket.gethostname(), "isPartOf": self.prefix,
        })
        self.writer.write_record(info)
        self.paths.append(self.path)

    def write(self, url: str, request_line: str, request_headers, status_line: str,
              response_headers, body: bytes, ip_address: str | None = None, page_role: str | None = None) -> None:
        if self.handle is None:
            self._open()
        headers = [(k, v) for k, v in _pairs(response_headers) if k.lower().encode() not in TRANSFER_HEADERS]
        headers.append(("Content-Length", str(len(body))))
        response = self.writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders(status_line, headers, protocol="HTTP/1.1"),
        )
        if ip_address:
            response.rec_headers.add_header("WARC-IP-Address", ip_address)
        if page_role:
            response.rec_headers.add_header(ROLE_HEADER, page_role)
        request = self.writer.create_warc_record(
            url, "request", payload=BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(request_line, _pairs(request_headers), is_http_request=True),
        )
        # The request belongs to this response: same time, linked by WARC-Concurrent-To.
        request.rec_headers.replace_header("WARC-Date", response.rec_headers.get_header("WARC-Date"))
        request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
        self.writer.write_record(response)
        self.writer.write_record(request)
        self.handle.flush()  # a killed crawl keeps every record written so far
        if self.handle.tell() >= self.max_bytes:
            self.close()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.handle = self.writer = None


class WarcArchive:
    """Scrapy extension: archives each received response (redirects and errors included)."""

    def __init__(self, crawler, folder: str, max_bytes: int):
        self.crawler = crawler
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self.writer: WarcFileWriter | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get("NEWSCRAWL_WARC_DIR")
        if not folder:
            raise NotConfigured
        return cls(crawler, folder, crawler.settings.getint("NEWSCRAWL_WARC_MAX_BYTES"))

    def spider_opened(self, spider):
        from newscrawl import __version__

        self.writer = WarcFileWriter(self.folder, spider.name, self.max_bytes, f"newscrawl/{__version__}")

    def response_received(self, response, request, spider=None):
        if self.writer is None or request.meta.get(NO_ARCHIVE_META):
            return
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = request.headers.copy()
        if b"Host" not in headers:
            headers[b"Host"] = parts.netloc
        try:
            self.writer.write(response.url, f"{request.method} {target} HTTP/1.1", headers,
                              http_status_line(response.status), response.headers, response.body,
                              str(response.ip_address) if response.ip_address else None,
                              "article" if request.meta.get("newscrawl_entry") is not None else "discovery")
        except OSError as error:
            # A full disk must not stop the crawl: the items still go to the feed.
            self.crawler.stats.inc_value("newscrawl/warc/write_errors")
            logger.error("WARC archive: could not write %s: %s", response.url, error)
            return
        self.crawler.stats.inc_value("newscrawl/warc/records", 2)
        # Set here, not on close: the run summary is written by an earlier spider_closed handler.
        self.crawler.stats.set_value("newscrawl/warc/files", len(self.writer.paths))

    def spider_closed(self, spider, reason):
        if self.writer is not None:
            self.writer.close()
            logger.info("WARC archive: %d file(s) in %s", len(self.writer.paths), self.folder)
