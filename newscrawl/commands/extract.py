"""`newscrawl extract FILE... [--url URL]`: saved pages (.html, .html.gz, WARC, folders, `-`) to JSONL on stdout."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.errors import UserError
from newscrawl.extraction import BadInput, extract_article, template_observation
from newscrawl.extraction.boilerplate import SiteBoilerplate
from newscrawl.extraction.decoding import charset_of
from newscrawl.items import export_record
from newscrawl.pages import WARC_SUFFIXES, Page, Skip, page_files, read_pages, read_stream_pages
from newscrawl.sites import default_registry

HELP = "extract articles from .html, .html.gz and WARC files as JSON lines on stdout"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help=".html, .html.gz, .warc or .warc.gz; a folder (its page files, recursively); "
                             "'-' for standard input")
    parser.add_argument("--url", help="the page's URL, for a single HTML page (WARC records carry their own; "
                                      "without it, the page's canonical URL is used when it declares one)")
    parser.add_argument("--no-site-memory", action="store_true",
                        help="don't learn site templates across the pages of this run")
    parser.add_argument("--all-pages", action="store_true",
                        help="keep pages that are not articles (product pages, listings, forums, ...)")


def _is_http(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).hostname)


def check_inputs(files: list[str], url: str | None) -> None:
    """Refuse what would give wrong records: one --url stamped on several pages."""
    if url is None:
        return
    if not _is_http(url):
        raise UserError(f"--url {url} is not an http(s) URL")
    if len(files) > 1:
        raise UserError(f"--url names one page, but {len(files)} inputs were given (their records would "
                        "share one URL); run extract once per page")
    if files[0] != "-" and Path(files[0]).is_dir():
        raise UserError(f"--url names one page, but {files[0]} is a folder")
    if files[0].lower().endswith(WARC_SUFFIXES):
        raise UserError(f"--url names one page, but {files[0]} is a WARC file (its records carry their own URLs)")


def _pages(name: str, url: str | None, ignored: Counter | None, stdin: dict):
    """Pages of one input argument: a file, a folder (its page files) or `-`.

    Read twice (templates first, then extraction), so standard input is kept in `stdin`
    after the first read; folder notes are printed only when `ignored` counts them.
    """
    if name == "-":
        if "pages" not in stdin:
            stdin["pages"] = list(read_stream_pages(sys.stdin.buffer, url))
        yield from stdin["pages"]
        return
    path = Path(name)
    if not path.is_dir():
        yield from read_pages(path, url)
        return
    pages, others = page_files(path)
    if others and ignored is not None:
        ignored["files"] += len(others)
        kinds = ", ".join(sorted({p.suffix or p.name for p in others})[:5])
        print(f"newscrawl extract: {path}: {len(others)} files without a page suffix ignored ({kinds})",
              file=sys.stderr)
    if not pages:
        yield Skip(str(path), "empty_folder", f"{path}: no .html, .html.gz or WARC files in this folder")
    for file in pages:
        yield from read_pages(file)


def _extract(page: Page, given: str | None, memory):
    """The page's record; a page with no known URL gets the canonical URL it declares, if any."""
    charset = charset_of(page.content_type)
    url = page.url or given
    if url:
        return extract_article(page.body, url, default_registry().hints_for(url), memory=memory,
                               declared_encoding=charset)
    local = Path(page.source).resolve().as_uri() if page.source != "-" else "file:///dev/stdin"
    # First pass without site memory: the page's site is not known yet.
    first = extract_article(page.body, local, declared_encoding=charset)
    canonical = first.get("canonical_url")
    if not _is_http(canonical):
        return first
    return extract_article(page.body, canonical, default_registry().hints_for(canonical), memory=memory,
                           declared_encoding=charset)


def learn_templates(files: list[str], given_url: str | None, stdin: dict) -> SiteBoilerplate:
    """A memory that has seen every page of the batch: the first page of a site is cleaned as well as the last.

    Pages without a known URL teach nothing: their site is only known once extracted.
    """
    memory = SiteBoilerplate()
    for name in files:
        for page in _pages(name, given_url, None, stdin):
            url = page.url or given_url if isinstance(page, Page) else None
            if url:
                seen = template_observation(page.body, url, charset_of(page.content_type))
                if seen:
                    memory.observe(*seen)
    memory.drain()  # nothing here is persisted
    return memory


def run(args) -> int:
    try:
        check_inputs(args.files, args.url)
    except UserError as error:
        print(f"newscrawl extract: {error}", file=sys.stderr)
        return 2
    read = extracted = shortened = 0
    skipped: Counter[str] = Counter()
    ignored: Counter[str] = Counter()  # files in input folders that are not pages
    stdin: dict = {}
    out = sys.stdout
    # Pages of one site teach each other its template; all of them first, then each is extracted.
    memory = None if args.no_site_memory else learn_templates(args.files, args.url, stdin)
    for name in args.files:
        for page in _pages(name, args.url, ignored, stdin):
            if not isinstance(page, Page):
                skipped[page.reason] += 1
                print(f"newscrawl extract: skipped {page.message}", file=sys.stderr)
                continue
            read += 1
            if memory is not None:
                memory.drain()  # observations queue up for a store; here there is none
            try:
                record = _extract(page, args.url, memory)
            except BadInput as error:
                skipped[error.reason] += 1
                print(f"newscrawl extract: skipped {page.source}: {error}", file=sys.stderr)
                continue
            if not record["text"]:
                skipped["no_article"] += 1
                print(f"newscrawl extract: skipped {page.source}: no article text found", file=sys.stderr)
                continue
            shortened += record.pop("boilerplate_shortened", None) or 0
            kind = record.pop("page_kind", None)
            if kind != "article" and not args.all_pages:
                skipped["not_article"] += 1
                print(f"newscrawl extract: skipped {page.source}: not an article ({kind} page)", file=sys.stderr)
                continue
            record["fetched_at"] = page.fetched_at
            out.write(json.dumps(export_record(record), ensure_ascii=False) + "\n")
            out.flush()
            extracted += 1
    reasons = ", ".join(f"{reason}: {count}" for reason, count in sorted(skipped.items()))
    print(
        f"newscrawl extract: {read} pages read, {extracted} articles extracted, "
        f"{sum(skipped.values())} skipped" + (f" ({reasons})" if reasons else "")
        + (f", {shortened} paragraphs the site memory shortened (put back)" if shortened else "")
        + (f", {ignored['files']} other files in folders ignored" if ignored else ""),
        file=sys.stderr,
    )
    # A run that produced no article from any input is a failure, whatever it read.
    return 0 if extracted else 1
