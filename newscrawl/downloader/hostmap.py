"""A download handler that sends chosen hosts to another address (the mock web, a staging box).

It sits below every downloader middleware, so redirects, robots.txt, cookies, the
response's `url` and the per-domain slots all still see the real URL: spiders need no
test-only paths. `NEWSCRAWL_HOST_MAP = {"apnews.com": "127.0.0.1:8123"}` routes every
http(s) request for apnews.com to plain HTTP on 127.0.0.1:8123 with `Host: apnews.com`.

Every other request passes the address guard (guard.py): it never connects to an
internal address unless NEWSCRAWL_ALLOW_NETWORKS allows it. Mapped hosts are exempt:
the user routed them on purpose.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy.http import Request, Response
from twisted.internet.error import DNSLookupError

from newscrawl.downloader.guard import RequestGuard
from newscrawl.downloader.spool import SpoolingHTTP11DownloadHandler

try:  # Scrapy >= 2.14 wraps Twisted's lookup error in its own
    from scrapy.exceptions import CannotResolveHostError
except ImportError:  # pragma: no cover
    CannotResolveHostError = DNSLookupError


def mapped_url(url: str, host_map: dict[str, str]) -> str | None:
    """The URL to fetch instead of `url`, or None when its host is not mapped."""
    parts = urlsplit(url)
    target = host_map.get((parts.hostname or "").lower())
    if target is None:
        return None
    return urlunsplit(("http", target, parts.path or "/", parts.query, ""))


class HostMapDownloadHandler(SpoolingHTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler (spooling marked bodies to disk), with NEWSCRAWL_HOST_MAP and the
    address guard applied to each request."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_map = {
            host.lower(): target for host, target in crawler.settings.getdict("NEWSCRAWL_HOST_MAP").items()
        }
        self.guard = RequestGuard.from_settings(crawler.settings, self.host_map, crawler.stats)

    async def download_request(self, request: Request) -> Response:
        from twisted.internet import reactor

        self.guard.resolver(reactor)
        target = mapped_url(request.url, self.host_map)
        if target is None:
            return await self._guarded_download(request)
        headers = request.headers.copy()
        headers[b"Host"] = urlsplit(request.url).netloc
        response = await super().download_request(request.replace(url=target, headers=headers))
        return response.replace(url=request.url, request=request)

    async def _guarded_download(self, request: Request) -> Response:
        proxy = request.meta.get("proxy")
        self.guard.check_url(request.url, proxy)
        try:
            response = await super().download_request(request)
        except Exception as error:
            # Scrapy wraps Twisted's DNSLookupError; the guard knows if it withheld the addresses.
            lookup_failed = isinstance(error, (DNSLookupError, CannotResolveHostError))
            refusal = self.guard.lookup_refusal(request.url) if lookup_failed else None
            if refusal is not None:
                self.guard.refuse(request.url, refusal)
            raise
        if not proxy:
            self.guard.check_peer(request.url, response.ip_address)
        return response

