"""CC-NEWS-like WARC files of a chosen size, from the synthetic corpus, for bench/ccnews.py.

Each record is an HTML page of ~26 KB (14 KB gzipped: head with an inline script of app
state, navigation, the article, link lists, footer) around one synthetic
story (bench/synthetic_corpus.py: made-up words, 30% copies). Every record is its own
gzip member, as in Common Crawl's files.
"""

from __future__ import annotations

import base64
import gzip
import io
import random
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import generate  # noqa: E402

def page(record: dict, n: int) -> bytes:
    host = record["url"].split("/")[2]
    title = record.get("title") or f"Story {n}"  # copies carry no title of their own
    nav = "".join(f"<li><a href='/section/{k}/'>Section {k}</a></li>" for k in range(60))
    related = "".join(f"<li><a href='/story/{(n * 7 + k) % 99991}/'>Trending headline number {k} "
                      f"of the day on {host}</a></li>" for k in range(40))
    paragraphs = "".join(f"<p>{p}</p>" for p in record["text"].split("\n\n") if p.strip())
    # Real pages carry ~10-20 KB of app state and tracking code that compresses badly.
    state = base64.b64encode(random.Random(n).randbytes(12_000)).decode()
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title} | {host}</title>"
            f"<meta property='article:published_time' content='{record['published']}'>"
            f"<script>window.__STATE__='{state}';</script></head>"
            f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>"
            f"<div class='byline'>By Staff</div>{paragraphs}</article><aside><h2>Related</h2><ul>{related}</ul>"
            f"</aside></main><footer><p>© {host}. All rights reserved.</p></footer></body></html>").encode()


def write_warc(path: Path, megabytes: float, seed: int = 1) -> int:
    """Write records until the file passes `megabytes`; returns the number of response records."""
    limit = int(megabytes * 2**20)
    count = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.0")
        for n, record in enumerate(generate(10**9, seed=seed)):
            body = page(record, n)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            url = record["url"] + (f"-{n}" if "mirror" not in record["url"] else "")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=headers))
            count += 1
            if out.tell() >= limit:
                break
    return count


def repeat_warc(path: Path, source: Path, megabytes: float) -> None:
    """A big file quickly: `source` repeated (gzip members concatenate; records repeat)."""
    limit = int(megabytes * 2**20)
    with path.open("wb") as out:
        while out.tell() < limit:
            with source.open("rb") as chunk:
                while block := chunk.read(1 << 24):
                    out.write(block)


def month_with(root: Path, year: int, month: int, megabytes: float, seed: int = 1,
               source: Path | None = None) -> Path:
    """root/crawl-data/CC-NEWS/YYYY/MM/ with one WARC file of that size and its listing (reused if present).

    With `source`, the file is that file repeated (for memory runs, where records are not extracted).
    """
    folder = root / "crawl-data" / "CC-NEWS" / str(year) / f"{month:02d}"
    name = f"CC-NEWS-{year}{month:02d}01000000-00000.warc.gz"
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        if source is not None:
            repeat_warc(partial, source, megabytes)
        else:
            write_warc(partial, megabytes, seed)
        partial.rename(path)
        (folder / "warc.paths.gz").write_bytes(
            gzip.compress(f"crawl-data/CC-NEWS/{year}/{month:02d}/{name}\n".encode()))
    return path
