"""Response records of a WARC file on disk, one at a time, filtered by URL before the body is read.

Two readers give the same records: FastWARC (the default; bench/ccnews.py measures it
against warcio on the same files) and warcio (already used by `newscrawl extract`). Only
one record's body is in memory at a time, so a 1 GB file costs no more than a small one.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newscrawl.pages import MAX_INPUT_BYTES, Skip

READERS = ("fastwarc", "warcio")


@dataclass
class WarcResponse:
    url: str
    fetched_at: str | None
    content_type: str | None
    content_language: str | None
    body: bytes
    offset: int | None = None


def _html(content_type: str | None) -> bool:
    return not content_type or "html" in content_type.lower()


def _judge(url, status, content_type, keep_url) -> tuple[str, str] | None:
    """(reason, message) for a response record skipped before its body is read, else None."""
    if not url:
        return "warc_no_url", "response record without WARC-Target-URI"
    if status and not str(status).startswith("2"):
        return "warc_status", f"HTTP status {status}"
    if not _html(content_type):
        return "not_html", f"{content_type}, not HTML"
    reason = keep_url(url)
    if reason:
        return f"filtered_{reason}", f"{url}: filtered out ({reason})"
    return None


def _fastwarc(path: str, keep_url) -> Iterator[WarcResponse | Skip]:
    from fastwarc.warc import ArchiveIterator

    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, parse_http=True):
            kind = str(record.record_type)
            source = f"{path}@{record.stream_pos}"
            if kind != "response":
                yield Skip(source, f"warc_{kind}", f"{source}: {kind} record, not a response")
                continue
            headers = record.http_headers
            url = record.headers.get("WARC-Target-URI")
            content_type = headers.get("Content-Type") if headers is not None else None
            judged = _judge(url, headers.status_code if headers is not None else None, content_type, keep_url)
            if judged:
                yield Skip(source, judged[0], f"{source}: {judged[1]}")
                continue
            body = record.reader.read(MAX_INPUT_BYTES + 1)
            if len(body) > MAX_INPUT_BYTES:
                yield Skip(source, "too_large", f"{source}: larger than {MAX_INPUT_BYTES // 2**20} MB")
            elif len(body) < record.content_length:
                yield Skip(source, "bad_warc", f"{source}: truncated WARC record "
                           f"({record.content_length - len(body)} bytes missing)")
            else:
                yield WarcResponse(url, record.headers.get("WARC-Date"), content_type,
                                   headers.get("Content-Language"), body, record.stream_pos)


def _warcio(path: str, keep_url) -> Iterator[WarcResponse | Skip]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            offset = records.offset
            source = f"{path}@{offset}"
            if record.rec_type != "response":
                yield Skip(source, f"warc_{record.rec_type}", f"{source}: {record.rec_type} record, not a response")
                continue
            headers = record.http_headers
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = headers.get_header("Content-Type") if headers else None
            judged = _judge(url, headers.get_statuscode() if headers else None, content_type, keep_url)
            if judged:
                yield Skip(source, judged[0], f"{source}: {judged[1]}")
                continue
            body = record.content_stream().read(MAX_INPUT_BYTES + 1)
            if len(body) > MAX_INPUT_BYTES:
                yield Skip(source, "too_large", f"{source}: larger than {MAX_INPUT_BYTES // 2**20} MB")
            elif getattr(record.raw_stream, "limit", 0) > 0:
                yield Skip(source, "bad_warc", f"{source}: truncated WARC record "
                           f"({record.raw_stream.limit} bytes missing)")
            else:
                yield WarcResponse(url, record.rec_headers.get_header("WARC-Date"), content_type,
                                   headers.get_header("Content-Language"), body, offset)


def warc_responses(path: str, keep_url: Callable[[str], str | None] = lambda url: None,
                   reader: str = "fastwarc") -> Iterator[WarcResponse | Skip]:
    """HTML 2xx response records of `path`; everything else comes as a counted Skip.

    `keep_url(url)` returns None to keep a record or a short reason to skip it unread.
    A file that ends mid-record yields what came before, then one `bad_warc` Skip.
    """
    if reader not in READERS:
        raise ValueError(f"unknown WARC reader {reader!r}: use one of {', '.join(READERS)}")
    iterate = _fastwarc if reader == "fastwarc" else _warcio
    try:
        yield from iterate(str(path), keep_url)
    except (EOFError, zlib.error, ValueError, OSError) as error:
        yield Skip(str(path), "bad_warc", f"{path}: truncated or corrupt WARC file ({error or type(error).__name__})")
    except Exception as error:  # warcio's ArchiveLoadFailed and FastWARC's parse errors have no common base
        if type(error).__name__ not in ("ArchiveLoadFailed", "ParseError"):
            raise
        yield Skip(str(path), "bad_warc", f"{path}: corrupt WARC file ({error})")
