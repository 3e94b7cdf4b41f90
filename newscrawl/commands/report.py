"""`newscrawl report --store URL | linked.jsonl [-o report.html]`: the provenance report as one HTML page."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from newscrawl.extraction.dates import parse_moment
from newscrawl.store import StoreError, open_store

__all__ = ["HELP", "add_arguments", "run"]

HELP = "write the provenance report (who copies whom, how fast, with or without credit) as one HTML page"


def _moment(value: str) -> float:
    moment = parse_moment(value)
    if moment is None:
        raise ValueError(f"not a date: {value!r} (use e.g. 2026-11-01 or 2026-11-01T12:00+00:00)")
    return moment.timestamp()


def add_arguments(parser) -> None:
    parser.add_argument("corpus", nargs="*", metavar="linked.jsonl",
                        help="a corpus written by `newscrawl dedup` (or a crawl's feed), instead of --store")
    parser.add_argument("--store", metavar="URL", help="the store a crawl or `dedup` linked into")
    parser.add_argument("-o", "--output", default="report.html", metavar="report.html",
                        help="where the page goes (default: report.html)")
    parser.add_argument("--since", metavar="DATE", help="only stories whose original appeared at or after DATE")
    parser.add_argument("--until", metavar="DATE", help="only stories whose original appeared before DATE")
    parser.add_argument("--agency", metavar="NAME", help="only stories of this agency (AP, Reuters, AFP, …)")
    parser.add_argument("--site", action="append", default=[], metavar="SITE",
                        help="only stories this site took part in, as original or copy (repeatable)")


def run(args) -> int:
    from newscrawl.report.data import from_jsonl, from_store
    from newscrawl.report.figures import Filters, compute
    from newscrawl.report.page import render

    if bool(args.store) == bool(args.corpus):
        print("newscrawl report: give either --store URL or linked JSONL files, not both", file=sys.stderr)
        return 2
    try:
        since = _moment(args.since) if args.since else None
        until = _moment(args.until) if args.until else None
    except ValueError as error:
        print(f"newscrawl report: {error}", file=sys.stderr)
        return 2
    sites = tuple(s.lower().removeprefix("www.") for s in args.site)
    started, now = time.monotonic(), time.time()
    if args.store:
        try:
            with open_store(args.store, create=False) as store:
                corpus = from_store(store, now)
        except StoreError as error:
            print(f"newscrawl report: {error}", file=sys.stderr)
            return 2
    else:
        missing = [p for p in args.corpus if not Path(p).is_file()]
        if missing:
            print(f"newscrawl report: no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
        corpus = from_jsonl([Path(p) for p in args.corpus], now)
    figures = compute(corpus, Filters(since, until, args.agency, sites))
    page = render(figures)
    output = Path(args.output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"newscrawl report: cannot write: {error}", file=sys.stderr)
        return 1
    print(f"newscrawl report: {figures.stories:,} stories, {figures.copies:,} copies on {len(figures.sites):,} "
          f"sites, {len(figures.uncredited):,} uncredited; {output} ({len(page.encode()) / 1e6:.1f} MB) "
          f"in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return 0
