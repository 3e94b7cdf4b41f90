"""CC-NEWS bookkeeping as pure functions: months of a span, listings, file picking, record filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from newscrawl.crawl.arguments import SpiderArgumentError

# CC-NEWS-20240101013000-00000.warc.gz: the time the crawler started writing the file.
FILE_RE = re.compile(r"CC-NEWS-(\d{14})-(\d{5})\.warc\.gz$")
LANG_RE = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def parse_day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        raise SpiderArgumentError(f"ccnews: -a {name}= must be a day as YYYY-MM-DD, not {value!r}") from None


def months(start: date, end: date) -> list[tuple[int, int]]:
    """(year, month) of every month the span touches, in order."""
    out, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def listing_url(base: str, year: int, month: int) -> str:
    return urljoin(base if base.endswith("/") else base + "/", f"crawl-data/CC-NEWS/{year}/{month:02d}/warc.paths.gz")


def file_url(base: str, path: str) -> str:
    return urljoin(base if base.endswith("/") else base + "/", path.strip().lstrip("/"))


def file_time(path: str) -> datetime | None:
    found = FILE_RE.search(path.strip())
    return datetime.strptime(found.group(1), "%Y%m%d%H%M%S") if found else None


def pick_files(lines: list[str], start: date, end: date) -> tuple[list[str], int]:
    """(paths whose name's timestamp falls on a day of the span, count of unparseable lines)."""
    picked, bad = [], 0
    for line in lines:
        if not line.strip():
            continue
        moment = file_time(line)
        if moment is None:
            bad += 1
        elif start <= moment.date() <= end:
            picked.append(line.strip())
    return picked, bad


def file_name(url: str) -> str:
    return Path(urlsplit(url).path).name


def _bare(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def read_domains(domains: str | None, domains_file: str | None) -> set[str]:
    found = {_bare(d) for d in (domains or "").split(",") if d.strip()}
    if domains_file:
        for line in Path(domains_file).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                found.add(_bare(line))
    return found


@dataclass
class RecordFilter:
    """What to keep of a CC-NEWS month; empty sets keep everything."""

    domains: frozenset[str] = frozenset()  # a record's host or one of its parent domains must be here
    languages: frozenset[str] = frozenset()  # ISO 639-1 codes
    url_pattern: re.Pattern | None = None  # searched in the URL

    def url_reason(self, url: str) -> str | None:
        """Why a record is skipped by its URL alone (before its body is read), or None."""
        if self.domains:
            host = _bare(urlsplit(url).hostname or "")
            while host and host not in self.domains:
                host = host.partition(".")[2]
            if not host:
                return "domain"
        if self.url_pattern is not None and not self.url_pattern.search(url):
            return "url"
        return None

    def language_reason(self, content_language: str | None, body: bytes) -> str | None:
        """Skip when the page declares (header, else <html lang>) only other languages.

        A page that declares nothing is kept: extraction finds its language, and a missing
        declaration must not lose an article.
        """
        if not self.languages:
            return None
        declared = declared_languages(content_language, body)
        if declared and not declared & self.languages:
            return "language"
        return None


def declared_languages(content_language: str | None, body: bytes) -> set[str]:
    if content_language:
        return {part.strip()[:2].lower() for part in content_language.split(",") if part.strip()}
    found = LANG_RE.search(body[:4096])
    return {found.group(1)[:2].decode("ascii").lower()} if found else set()
