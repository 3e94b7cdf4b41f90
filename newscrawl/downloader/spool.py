"""A download handler that streams big bodies to a temporary file instead of holding them in memory.

Scrapy's HTTP/1.1 handler gathers every body in a BytesIO: fine for pages, fatal for a
1 GB WARC file. A request with `meta["newscrawl_spool"] = True` goes through the same
handler (same connection pool, TLS, host map, address guard and downloader slot, hence
the same politeness), but its body is written to a file as it arrives; the response comes
back with an empty body, as a SpooledResponse naming the file (`spool_path`). Whoever
reads the file deletes it; until then it counts against NEWSCRAWL_SPOOL_MAX_FILES, and further spooled downloads wait,
so downloads never run far ahead of the parsing (Scrapy's own back-pressure counts body
bytes, and a spooled body has none).

A spool file's name carries its process (`newscrawl-<host>-<pid>-<random>.spool`): a
process killed with SIGKILL cannot delete its files, so the next one to start on the same
machine deletes those whose process is gone (`stale_spool_files`).
"""

from __future__ import annotations

import logging
import os
import re
import socket
import tempfile
from pathlib import Path

from scrapy.core.downloader.handlers import http11
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)

SPOOL_META = "newscrawl_spool"
# newscrawl-<host>-<pid>-<mkstemp's random part, no dashes>.spool
SPOOL_NAME = re.compile(r"^newscrawl-(?P<host>.+)-(?P<pid>\d+)-[^-]+\.spool$")


def spool_prefix(host: str, pid: int) -> str:
    return f"newscrawl-{host}-{pid}-"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def stale_spool_files(folder: str | Path, host: str, pid: int, alive=pid_alive) -> list[Path]:
    """Spool files in `folder` left by dead processes of this host.

    Only our names, only this machine's (a shared folder may serve others, whose processes
    we cannot see), never this process's own, and only when `alive(pid)` says the owner is
    gone. A reused pid keeps a stale file until that process ends: a leak, never a loss.
    """
    stale = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for path in entries:
        found = SPOOL_NAME.match(path.name)
        if found is None or found["host"] != host or int(found["pid"]) == pid:
            continue
        if not alive(int(found["pid"])) and path.is_file():
            stale.append(path)
    return stale


def remove_stale_spool_files(folder: str | None, stats=None) -> int:
    """Delete the spool files of killed processes (see stale_spool_files); returns how many."""
    folder = folder or tempfile.gettempdir()
    removed = size = 0
    for path in stale_spool_files(folder, socket.gethostname(), os.getpid()):
        try:
            size += path.stat().st_size
            path.unlink()
            removed += 1
        except OSError as error:  # gone meanwhile, or not ours to delete
            logger.debug("Stale spool file %s not removed: %s", path, error)
    if removed:
        logger.warning("Removed %d stale spool files (%.1f MB) left in %s by killed runs", removed,
                       size / 2**20, folder)
        if stats is not None:
            stats.inc_value("newscrawl/spool/stale_removed", removed)
    return removed


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
        self.prefix = spool_prefix(socket.gethostname(), os.getpid())
        remove_stale_spool_files(self.spool_dir, crawler.stats)

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
        handle, path = tempfile.mkstemp(prefix=self.prefix, suffix=".spool", dir=self.spool_dir)
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
