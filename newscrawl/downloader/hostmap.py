"""A download handler that sends chosen hosts to another address (the mock web, a staging box).

It sits below every downloader middleware, so redirects, robots.txt, cookies, the
response's `url` and the per-domain slots all still see the real URL: spiders need no
test-only paths. `NEWSCRAWL_HOST_MAP = {"apnews.com": "127.0.0.1:8123"}` routes every
http(s) request for apnews.com to plain HTTP on 127.0.0.1:8123 with `Host: apnews.com`.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Request, Response


def mapped_url(url: str, host_map: dict[str, str]) -> str | None:
    """The URL to fetch instead of `url`, or None when its host is not mapped."""
    parts = urlsplit(url)
    target = host_map.get((parts.hostname or "").lower())
    if target is None:
        return None
    return urlunsplit(("http", target, parts.path or "/", parts.query, ""))


class HostMapDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, with NEWSCRAWL_HOST_MAP applied to each request."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.host_map = {
            host.lower(): target for host, target in crawler.settings.getdict("NEWSCRAWL_HOST_MAP").items()
        }

    async def download_request(self, request: Request) -> Response:
        target = mapped_url(request.url, self.host_map)
        if target is None:
            return await super().download_request(request)
        headers = request.headers.copy()
        headers[b"Host"] = urlsplit(request.url).netloc
        response = await super().download_request(request.replace(url=target, headers=headers))
        return response.replace(url=request.url, request=request)
