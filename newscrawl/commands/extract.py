"""`newscrawl extract FILE... [--url URL]`: saved pages (.html, .html.gz, WARC) to JSONL on stdout."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from newscrawl.extraction import BadInput, extract_article, template_observation
from newscrawl.extraction.boilerplate import SiteBoilerplate
from newscrawl.extraction.decoding import charset_of
from newscrawl.pages import Page, read_pages
from newscrawl.sites import default_registry

HELP = "extract articles from .html, .html.gz and WARC files as JSON lines on stdout"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=".html, .html.gz, .warc or .warc.gz")
    parser.add_argument("--url", help="the page's URL (for a single HTML file; WARC records carry their own)")
    parser.add_argument("--no-site-memory", action="store_true",
                        help="don't learn site templates across the pages of this run")
    parser.add_argument("--all-pages", action="store_true",
                        help="keep pages that are not articles (product pages, listings, forums, ...)")


def _page_url(page: Page, given: str | None) -> str:
    return page.url or given or Path(page.source).resolve().as_uri()


def learn_templates(files: list[str], given_url: str | None) -> SiteBoilerplate:
    """A memory that has seen every page of the batch: the first page of a site is cleaned as well as the last."""
    memory = SiteBoilerplate()
    for name in files:
        for page in read_pages(name, given_url):
            if isinstance(page, Page):
                seen = template_observation(page.body, _page_url(page, given_url), charset_of(page.content_type))
                if seen:
                    memory.observe(*seen)
    memory.drain()  # nothing here is persisted
    return memory


def run(args) -> int:
    read = extracted = shortened = 0
    skipped: Counter[str] = Counter()
    out = sys.stdout
    # Pages of one site teach each other its template; all of them first, then each is extracted.
    memory = None if args.no_site_memory else learn_templates(args.files, args.url)
    for name in args.files:
        for page in read_pages(name, args.url):
            if not isinstance(page, Page):
                skipped[page.reason] += 1
                print(f"newscrawl extract: skipped {page.message}", file=sys.stderr)
                continue
            read += 1
            if memory is not None:
                memory.drain()  # observations queue up for a store; here there is none
            try:
                url = _page_url(page, args.url)
                record = extract_article(page.body, url, default_registry().hints_for(url),
                                         memory=memory, declared_encoding=charset_of(page.content_type))
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
            out.write(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False) + "\n")
            out.flush()
            extracted += 1
    reasons = ", ".join(f"{reason}: {count}" for reason, count in sorted(skipped.items()))
    print(
        f"newscrawl extract: {read} pages read, {extracted} articles extracted, "
        f"{sum(skipped.values())} skipped" + (f" ({reasons})" if reasons else "")
        + (f", {shortened} paragraphs the site memory shortened (put back)" if shortened else ""),
        file=sys.stderr,
    )
    return 0 if read else 1
