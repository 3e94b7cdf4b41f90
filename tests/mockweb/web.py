"""Shared building blocks: responses, ground-truth records, site builds, HTML/XML helpers."""
from __future__ import annotations

import hashlib
import html
import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml_escape

HTML = "text/html; charset=utf-8"
XML = "application/xml"
RSS = "application/rss+xml"
TEXT = "text/plain; charset=utf-8"

KINDS = ("original", "exact_copy", "edited_copy", "excerpt", "rewrite", "unique")


@dataclass
class Response:
    """A canned HTTP answer; `delay` seconds are slept before answering."""

    status: int = 200
    body: bytes = b""
    content_type: str = HTML
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class PageTruth:
    """What an ideal crawler knows about one article page (see truth.py for the contract)."""

    url: str
    site: str  # host of url with "www." dropped, as in the Article record
    story_id: str  # the Story key the text comes from
    kind: str  # one of KINDS
    original_url: str | None  # the wire original, for copies and excerpts
    title: str
    paragraphs: tuple[str, ...]
    wire: str | None
    dateline: str | None
    authors: tuple[str, ...]
    published: str  # ISO 8601 as the page shows it (mirrors: naive fake date)
    modified: str | None
    template_lines: tuple[str, ...]
    fake_byline: bool = False
    phase: int = 1  # first phase serving the page
    section: str | None = None
    series: str | None = None  # templated wire series: similar text, never a copy
    version_of: str | None = None  # url of the earlier write-thru of the same wire story
    rewrite_of: str | None = None  # url of the wire story covered in the page's own words

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class SiteBuild:
    """Everything one host serves in one phase, plus its ground truth."""

    host: str
    routes: dict[str, Response] = field(default_factory=dict)
    pages: list[PageTruth] = field(default_factory=list)
    non_article: list[str] = field(default_factory=list)  # 200 pages that give no record
    excluded: list[str] = field(default_factory=list)  # linked URLs that must give no record

    def add_html(self, path: str, body: str, **headers: str) -> None:
        self.routes[path] = Response(body=body.encode("utf-8"), headers=dict(headers))

    def add(self, path: str, body: str | bytes, content_type: str, status: int = 200) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Response(status=status, body=data, content_type=content_type)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def site_of(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def rng(*seed: object) -> random.Random:
    """A Random seeded from the arguments: same page, same choices, every run."""
    digest = hashlib.sha256("|".join(map(str, seed)).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def http_date(when: datetime) -> str:
    """RFC 9110 date for Last-Modified (and RFC 822 pubDate in feeds)."""
    return format_datetime(when.astimezone(timezone.utc), usegmt=True)


def paragraphs_html(paras, cls: str | None = None) -> str:
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{esc(p)}</p>" for p in paras)


def link_list(items: list[tuple[str, str]], cls: str = "") -> str:
    lis = "".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for t, u in items)
    return f'<ul class="{cls}">{lis}</ul>'


def urlset(entries: list[tuple[str, str | None]], extra_ns: str = "") -> str:
    """A sitemap <urlset>; entries are (loc, lastmod or None)."""
    rows = []
    for loc, lastmod in entries:
        lm = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        rows.append(f"<url><loc>{xml_escape(loc)}</loc>{lm}</url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{extra_ns}>\n'
            + "\n".join(rows) + "\n</urlset>\n")


def sitemap_index(entries: list[tuple[str, str | None]]) -> str:
    rows = []
    for loc, lastmod in entries:
        lm = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        rows.append(f"<sitemap><loc>{xml_escape(loc)}</loc>{lm}</sitemap>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "\n".join(rows) + "\n</sitemapindex>\n")
