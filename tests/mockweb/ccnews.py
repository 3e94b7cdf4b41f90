"""A CC-NEWS-like month built from the mock web: listings and multi-member gzip WARC files on disk.

`build_month(root)` writes `root/crawl-data/CC-NEWS/2024/01/warc.paths.gz` and its WARC
files. They hold the mock web's article pages (so wire copies link as in a live crawl)
plus fictional pages of other hosts in other languages, non-HTML responses, request and
revisit records, a 404 response, and a last file whose last gzip member is cut short.
`StaticHost` serves such a folder over loopback HTTP (the mock Common Crawl host).
"""

from __future__ import annotations

import gzip
import io
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .sites import build_all
from .truth import pages as truth_pages

CC_HOST = "data.commoncrawl.org"
YEAR, MONTH = 2024, 1
# (file timestamp, serial): the spider picks files by these; 2024-01-09 lies outside a 1-7 span.
FILES = [("20240101013000", 0), ("20240103120000", 1), ("20240106230000", 2), ("20240109080000", 3)]

WORDS = ("harbour council ferry grain market winter bridge rail school budget festival river museum "
         "mayor orchard library tram storm clinic vineyard archive lantern quarry canal mill").split()
GERMAN = ("Hafen Rat Fähre Markt Winter Brücke Bahn Schule Haushalt Fest Fluss Museum Bürgermeister "
          "Garten Bibliothek Sturm Klinik Weinberg Archiv Laterne Kanal Mühle").split()


@dataclass
class MonthPlan:
    """What was put in the month, for tests to compare against."""

    files: dict[str, list[str]] = field(default_factory=dict)  # file name -> response URLs (200, HTML)
    languages: dict[str, str] = field(default_factory=dict)  # url -> declared language
    truncated_url: str | None = None  # the record cut short at the end of the last file


def _sentences(rng: random.Random, words, count: int) -> str:
    out = []
    for _ in range(count):
        picked = rng.sample(words, 9)
        out.append(" ".join(picked).capitalize() + ".")
    return " ".join(out)


def fictional_page(rng: random.Random, host: str, title: str, language: str = "en",
                   paragraphs: int = 6, padding: int = 0) -> bytes:
    """An invented news page: nav, headline, paragraphs of invented text, footer, optional junk."""
    words = GERMAN if language == "de" else WORDS
    body = "".join(f"<p>{_sentences(rng, words, 4)}</p>" for _ in range(paragraphs))
    junk = "".join(f"<li><a href='/more/{n}'>{_sentences(rng, words, 1)}</a></li>" for n in range(padding))
    return (f"<!DOCTYPE html><html lang='{language}'><head><meta charset='utf-8'><title>{title} | {host}</title>"
            f"<meta property='article:published_time' content='2024-01-0{rng.randint(1, 7)}T08:00:00+00:00'>"
            f"</head><body><nav><a href='/'>Home</a> <a href='/local/'>Local</a></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By Staff</p>{body}</article>"
            f"<aside><ul>{junk}</ul></aside><footer>{host}</footer></body></html>").encode()


class CCWarcWriter:
    """One CC-NEWS-like WARC file: a warcinfo record, then request/response records, one gzip member each."""

    def __init__(self, stream, stamp: str):
        self.writer = WARCWriter(stream, gzip=True, warc_version="1.0")
        self.stamp = stamp
        self.writer.write_record(self.writer.create_warcinfo_record("cc", {"software": "mock"}))

    def _date(self) -> str:
        moment = datetime.strptime(self.stamp, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def response(self, url: str, body: bytes, content_type="text/html; charset=utf-8", status="200 OK",
                 extra_headers=(), with_request: bool = True) -> None:
        if with_request:
            request = self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0,
                                                     http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [],
                                                                                   is_http_request=True))
            request.rec_headers.replace_header("WARC-Date", self._date())
            self.writer.write_record(request)
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), *extra_headers]
        record = self.writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"))
        record.rec_headers.replace_header("WARC-Date", self._date())
        self.writer.write_record(record)

    def revisit(self, url: str) -> None:
        record = self.writer.create_warc_record(url, "revisit", payload=io.BytesIO(b""), length=0,
                                                http_headers=StatusAndHeaders("200 OK", [], protocol="HTTP/1.1"))
        record.rec_headers.add_header("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest")
        self.writer.write_record(record)


def file_name(stamp: str, serial: int) -> str:
    return f"CC-NEWS-{stamp}-{serial:05d}.warc.gz"


def month_folder(root: Path, year: int = YEAR, month: int = MONTH) -> Path:
    return root / "crawl-data" / "CC-NEWS" / f"{year}" / f"{month:02d}"


def build_month(root: Path, seed: int = 7, extra_hosts: int = 12) -> MonthPlan:
    """The standard test month (see the module docstring); returns what went where."""
    rng = random.Random(seed)
    builds = build_all(1)
    pages = [p for p in truth_pages(1) if p.site != "brokenpress.com"]
    plan = MonthPlan()
    folder = month_folder(root)
    folder.mkdir(parents=True, exist_ok=True)
    # Mock-web pages in time order over the files, so originals come before most copies.
    chunks = [pages[i::len(FILES)] for i in range(len(FILES))]
    names = []
    for (stamp, serial), chunk in zip(FILES, chunks):
        name = file_name(stamp, serial)
        names.append(name)
        urls = plan.files.setdefault(name, [])
        buffer = io.BytesIO()
        cc = CCWarcWriter(buffer, stamp)
        for page in chunk:
            host = page.url.split("/")[2]
            path = "/" + page.url.split("/", 3)[3]
            cc.response(page.url, builds[host].routes[path].body)
            urls.append(page.url)
            plan.languages[page.url] = "en"
        for n in range(extra_hosts):
            language = ("en", "de", "fr")[n % 3]
            url = f"https://www.town{n:02d}-gazette.example/local/{stamp}-{n}/"
            extra = [("Content-Language", language)] if n % 2 == 0 else []  # else only <html lang>
            cc.response(url, fictional_page(rng, url.split("/")[2], f"Town {n} story {stamp}", language),
                        extra_headers=extra)
            urls.append(url)
            plan.languages[url] = language
        cc.response(f"https://www.town00-gazette.example/img/{serial}.jpg", b"\xff\xd8\xff\xe0 not really a jpeg",
                    content_type="image/jpeg")
        cc.response(f"https://www.town01-gazette.example/gone/{serial}/", b"<html><body>gone</body></html>",
                    status="404 Not Found")
        cc.revisit(chunk[0].url)
        data = buffer.getvalue()
        if serial == FILES[-1][1]:
            # One more record, cut short inside its gzip member: a download that ended early.
            tail = io.BytesIO()
            url = "https://www.town02-gazette.example/local/cut-short/"
            CCWarcWriter(tail, stamp).response(url, fictional_page(rng, "www.town02-gazette.example",
                                                                   "Cut short", padding=40), with_request=False)
            member = tail.getvalue()
            # The tail starts with its own warcinfo member; keep only the response's, and half of it.
            start = member.index(b"\x1f\x8b", 10)
            data += member[start:start + (len(member) - start) // 2]
            plan.truncated_url = url
        (folder / name).write_bytes(data)
    listing = "".join(f"crawl-data/CC-NEWS/{YEAR}/{MONTH:02d}/{name}\n" for name in names)
    (folder / "warc.paths.gz").write_bytes(gzip.compress(listing.encode()))
    return plan


class StaticHost:
    """Serves a folder over loopback HTTP/1.1 (404 for anything missing) in a background thread."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.server: ThreadingHTTPServer | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "StaticHost":
        root = str(self.root)

        class Handler(SimpleHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=root, **kwargs)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
