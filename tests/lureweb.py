"""A lure site that points a crawler inside, and "internal" servers that count every connection.

The internal servers stand for a cloud metadata service or an intranet host: 127.0.0.2
(Linux routes all of 127/8 to loopback) and [::1]. They serve a page that would pass
for an article, so a crawler that reached one would export it. The lure site
(www.lureprint.com and its sitemap host www.lurecdn.com, fictional, reached through
NEWSCRAWL_HOST_MAP) redirects, lists and links there. All text is made up for these tests.
"""

from __future__ import annotations

import socket
import tempfile
import threading
from pathlib import Path
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LURE, CDN = "www.lureprint.com", "www.lurecdn.com"
NAMED = "intranet.lureprint.test"  # the test resolver answers 127.0.0.2 for it
FLIP = "flip.lureprint.test"  # answers 127.0.0.3, then 127.0.0.2, in turn (DNS rebinding)
INTERNAL_MARKER = "Instance credentials rotate every six hours"
STAND_IN_MARKER = "The harbour pilots of Quillon Bay"
LOCAL_MARKER = "Draft minutes kept on the crawl machine"


def article_html(title: str, lead: str) -> bytes:
    paragraphs = [
        lead,
        "Residents gathered on the quay long before the first light, carrying thermoses and folding stools, "
        "and stayed until the last boat had been tied up for the evening.",
        "Organisers said the event had grown every year since a handful of volunteers first strung lanterns "
        "between the bollards, and that next year they hope to add a second evening.",
        "The town council has set aside a small budget for cleaning up afterwards, and the ferry company "
        "has promised extra sailings for visitors coming from the islands.",
        "Local shops reported a busy weekend, with the bakery on Tanner Row selling out of its seed loaves "
        "by ten in the morning on both days.",
    ]
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>\n").encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self.server.paths.append(self.path)
        status, headers, body = self.server.answer(self.headers.get("Host", ""), self.path)
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body)), **headers}
        if self.server.close_each:
            headers["Connection"] = "close"
            self.close_connection = True
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str, port: int, answer, close_each: bool = False):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.answer, self.close_each = answer, close_each
        self.connections = 0  # TCP connections accepted: the one number that must stay 0
        self.paths: list[str] = []
        super().__init__((host, port), _Handler)

    def process_request(self, request, client_address) -> None:
        self.connections += 1
        super().process_request(request, client_address)


class Servers:
    """Start with `with Servers() as web:`; `web.internal`, `web.internal6`, `web.stand_in`, `web.lure`."""

    def __init__(self):
        self._all: list[_Server] = []

    def _start(self, host, port, answer, close_each=False) -> _Server:
        server = _Server(host, port, answer, close_each)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self._all.append(server)
        return server

    def __enter__(self) -> "Servers":
        internal = lambda host, path: (200, {}, article_html("Instance metadata", INTERNAL_MARKER + "."))  # noqa: E731
        self.internal = self._start("127.0.0.2", 0, internal)
        self.port = self.internal.server_address[1]
        self.internal6 = self._start("::1", 0, internal)
        self.port6 = self.internal6.server_address[1]
        # A "public" server for the rebinding name, on the internal server's port: only the address differs.
        stand_in = lambda host, path: (200, {}, article_html(f"Pilots {path}", STAND_IN_MARKER + f" ({path})."))  # noqa: E731
        self.stand_in = self._start("127.0.0.3", self.port, stand_in, close_each=True)
        self.lure = self._start("127.0.0.1", 0, self._lure_answer)
        self.lure_port = self.lure.server_address[1]
        # A local file a feed links to as file://: an article, so reading it would export it.
        self._tmp = tempfile.TemporaryDirectory(prefix="lureweb-")
        self.local_page = Path(self._tmp.name) / "minutes.html"
        self.local_page.write_bytes(article_html("Local minutes", LOCAL_MARKER + "."))
        return self

    def __exit__(self, *exc) -> None:
        for server in self._all:
            server.shutdown()
            server.server_close()
        self._tmp.cleanup()

    @property
    def host_map(self) -> dict[str, str]:
        return {LURE: f"127.0.0.1:{self.lure_port}", CDN: f"127.0.0.1:{self.lure_port}"}

    @property
    def dns(self) -> dict[str, list[list[str]]]:
        """NEWSCRAWL_TEST_DNS for tests.fake_dns."""
        return {NAMED: [["127.0.0.2"]], FLIP: [["127.0.0.3"], ["127.0.0.2"]]}

    def internal_url(self, path: str) -> str:
        return f"http://127.0.0.2:{self.port}{path}"

    def connections_inside(self) -> int:
        return self.internal.connections + self.internal6.connections

    def _lure_answer(self, host: str, path: str):
        host = host.split(":")[0].lower()
        page = self.cdn_pages() if host == CDN else self.lure_pages()
        found = page.get(path.split("?")[0])
        if found is None:
            return 404, {}, b"<html><body>Not here</body></html>"
        if isinstance(found, tuple):  # (status, location)
            return found[0], {"Location": found[1]}, b""
        content_type = "application/xml" if path.endswith(".xml") else "text/plain" if path.endswith(".txt") else None
        return 200, ({"Content-Type": content_type} if content_type else {}), found

    def lure_pages(self) -> dict:
        inside = self.internal_url
        base = f"https://{LURE}"
        return {
            "/robots.txt": f"User-agent: *\nAllow: /\nSitemap: https://{CDN}/lureprint-news.xml\n".encode(),
            "/news/harbour-lights.html": article_html("Harbour lights festival returns",
                                                      "The harbour lights festival returned to Quillon on Saturday."),
            "/news/ferry-timetable.html": article_html("Winter ferry timetable published",
                                                       "The winter ferry timetable for Quillon was published on Monday."),
            "/news/orchard-fair.html": article_html("Orchard fair moves indoors",
                                                    "The Quillon orchard fair will move into the old grain hall."),
            "/go/metadata": (302, inside("/latest/meta-data/")),
            "/go/chain-1": (302, f"{base}/go/chain-2"),
            "/go/chain-2": (301, f"{base}/go/chain-3"),
            "/go/chain-3": (307, inside("/chain-end")),
            "/go/ipv6": (302, f"http://[::1]:{self.port6}/latest/meta-data/"),
            "/go/named": (302, f"http://{NAMED}:{self.port}/named"),
            "/go/decimal": (302, f"http://2130706434:{self.port}/decimal"),  # 127.0.0.2 as one number
            "/go/routed": (302, f"http://127.0.0.1:{self.lure_port}/news/harbour-lights.html"),
            "/go/file": (302, "file:///etc/passwd"),
            "/go/refresh": (f'<html><head><meta http-equiv="refresh" content="0; url={inside("/refresh")}">'
                            "</head><body>Moved</body></html>").encode(),
            "/sitemap.xml": _urlset([f"{base}/news/harbour-lights.html", inside("/sitemap-entry")]),
            "/feed.xml": _rss([f"{base}/news/harbour-lights.html", inside("/feed-item"),
                               f"http://{NAMED}:{self.port}/feed-named", self.local_page.as_uri()]),
        }

    def cdn_pages(self) -> dict:
        base = f"https://{CDN}"
        return {
            "/robots.txt": b"User-agent: *\nAllow: /\n",
            "/index.xml": _index([f"{base}/lureprint-news.xml", f"{base}/other.xml"]),
            # Named by www.lureprint.com's robots.txt: a cross-submit, so its entries count.
            "/lureprint-news.xml": _urlset([f"https://{LURE}/news/ferry-timetable.html"]),
            # Named by no robots.txt: its entry on www.lureprint.com is dropped.
            "/other.xml": _urlset([f"https://{LURE}/news/orchard-fair.html"]),
        }


def _urlset(urls) -> bytes:
    rows = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'.encode()


def _index(urls) -> bytes:
    rows = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}'
            "</sitemapindex>").encode()


def _rss(urls) -> bytes:
    items = "".join(f"<item><title>Story {n}</title><link>{u}</link></item>" for n, u in enumerate(urls))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lureprint</title>{items}</channel></rss>'.encode()
