"""Short, countable names for why a request failed."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest, NotSupported
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TimeoutError, TCPTimedOutError
from twisted.web._newclient import ResponseNeverReceived

from newscrawl.downloader.guard import AddressRefused


# Scrapy >= 2.13 wraps Twisted's download errors in its own classes; named here by name,
# so older Scrapy versions (which raise the Twisted ones, handled below) still import this.
SCRAPY_DOWNLOAD_ERRORS = {
    "DownloadConnectionRefusedError": "refused",
    "CannotResolveHostError": "dns",
    "DownloadTimeoutError": "timeout",
    "ResponseDataLossError": "data_loss",
}


def failure_reason(failure) -> str:
    """`http_404`, `timeout`, `dns`, `refused`, `internal_address`, `ignored`, ... for a Twisted failure."""
    error = failure.value
    if isinstance(error, AddressRefused):
        return "internal_address"
    if isinstance(error, NotSupported):
        return "unsupported_scheme"  # file://, ftp://, ...: no handler, on purpose
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    if type(error).__name__ in SCRAPY_DOWNLOAD_ERRORS:
        return SCRAPY_DOWNLOAD_ERRORS[type(error).__name__]
    if isinstance(error, (TimeoutError, TCPTimedOutError)) or "Timeout" in type(error).__name__:
        return "timeout"
    if isinstance(error, DNSLookupError):
        return "dns"
    if isinstance(error, ConnectionRefusedError):
        return "refused"
    if isinstance(error, ResponseNeverReceived):
        return "no_response"
    if isinstance(error, IgnoreRequest):
        message = str(error).lower()
        if "robots" in message:
            return "robots_forbidden"
        if "redirect" in message:
            return "redirect_loop"
        if "maxsize" in message or "exceeded" in message or "cancelled" in message:
            return "too_large"
        return "ignored"
    return type(error).__name__
