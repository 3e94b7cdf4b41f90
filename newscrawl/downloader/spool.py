"""A download handler that streams big bodies to a temporary file instead of holding them in memory.

Scrapy's HTTP/1.1 handler gathers every body in a BytesIO: fine for pages, fatal for a
1 GB WARC file. A request with `meta["newscrawl_spool"] = True` goes through the same
handler (same connection pool, TLS, host map, address guard and downloader slot, hence
the same politeness), but its body is written to a file as it arrives; the response comes
back with an empty body, as a SpooledResponse naming the file (`spool_path`). Whoever
reads the file deletes it; until then it counts against NEWSCRAWL_SPOOL_MAX_FILES, and further spooled downloads wait,
so downloads never run far ahead of the parsing (Scrapy's own back-pressure counts body
bytes, and a spooled body has none).
"""

from __future__ import annotations

import logging
import os
import tempfile

from scrapy.core.downloader.handlers import http11
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)

SPOOL_META = "newscrawl_spool"


class SpoolBuffer:
    """Stands in for Scrapy's BytesIO body buffer: writes go to a file, the value is left there."""

    def __init__(self, path: str):
        self.path = path
        self.handle = open(path, "wb")  # noqa: SIM115 (closed in getvalue, when the body ends)
        self.size = 0

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.size += len(data)

    def truncate(self, size: int = 0) -> None:
        self.handle.truncate(size)

    def getvalue(self) -> bytes:
        self.handle.close()
        return b""


class _SpoolingAgent(http11._ScrapyAgent):
    """Scrapy's agent, with the body reader's buffer swapped for a SpoolBuffer."""

    def __init__(self, *args, spool: SpoolBuffer, **kwargs):
        super().__init__(*args, **kwargs)
        self._spool = spool

    def _cb_bodyready(self, txresponse, request):
        deliver = txresponse.deliverBody

        def deliver_to_spool(protocol):
            if not hasattr(protocol, "_bodybuf"):
                raise RuntimeError("this Scrapy version's HTTP/1.1 reader has no _bodybuf: cannot spool")
            protocol._bodybuf = self._spool
            deliver(protocol)

        txresponse.deliverBody = deliver_to_spool
        return super()._cb_bodyready(txresponse, request)


class SpooledResponse(Response):
    """A response whose body is in the file `spool_path` (the reader deletes it), not in `body`."""

    attributes = (*Response.attributes, "spool_path")  # kept by response.replace()

    def __init__(self, *args, spool_path: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.spool_path = spool_path


class SpoolingHTTP11DownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler; requests marked `newscrawl_spool` have their body spooled to disk.

    HostMapDownloadHandler builds on it, so host map and address guard apply to spooled
    downloads exactly as to pages.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.spool_dir = settings.get("NEWSCRAWL_SPOOL_DIR") or None
        self.max_files = max(1, settings.getint("NEWSCRAWL_SPOOL_MAX_FILES", 2))
        self.spooled: list[str] = []  # paths handed out; a path counts until its reader deletes it

    async def _wait_for_room(self) -> None:
        from twisted.internet import reactor  # imported late: importing it installs a reactor

        while True:
            self.spooled = [p for p in self.spooled if os.path.exists(p)]
            if len(self.spooled) < self.max_files:
                return
            await maybe_deferred_to_future(deferLater(reactor, 0.2, lambda: None))

    def _agent(self, spool: SpoolBuffer) -> _SpoolingAgent:
        return _SpoolingAgent(
            contextFactory=self._contextFactory, bindAddress=self._bind_address, pool=self._pool,
            maxsize=0, warnsize=0, fail_on_dataloss=self._fail_on_dataloss, crawler=self._crawler,
            tls_verbose_logging=self._tls_verbose_logging, spool=spool,
        )

    async def download_request(self, request: Request) -> Response:
        if not request.meta.get(SPOOL_META):
            return await super().download_request(request)
        await self._wait_for_room()
        if self.spool_dir:
            os.makedirs(self.spool_dir, exist_ok=True)
        handle, path = tempfile.mkstemp(prefix="newscrawl-", suffix=".spool", dir=self.spool_dir)
        os.close(handle)
        self.spooled.append(path)
        spool = SpoolBuffer(path)
        try:
            response = await maybe_deferred_to_future(self._agent(spool).download_request(request))
        except BaseException:
            spool.handle.close()
            os.unlink(path)
            raise
        spool.handle.close()
        logger.debug("Spooled %s (%d bytes) to %s", request.url, spool.size, path)
        return SpooledResponse(url=response.url, status=response.status, headers=response.headers, body=b"",
                               flags=response.flags, request=request, certificate=response.certificate,
                               ip_address=response.ip_address, protocol=response.protocol, spool_path=path)
