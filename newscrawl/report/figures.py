"""Every number of the provenance report, from a Corpus: one pure function the page and the tests share."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import numpy as np

from newscrawl.extraction.dates import FUTURE_SLACK
from newscrawl.extraction.wire import AGENCY_SITES, agency as agency_name
from newscrawl.fingerprint.provenance import MAX_LAG
from newscrawl.report.data import Corpus, Member, Story
from newscrawl.report.networks import Network, mirror_networks

__all__ = ["CLOCK_SLACK", "CopyRow", "Figures", "Filters", "SiteFigures", "compute", "story_time"]

HOUR = 3600.0
# Dates closer than the time-zone ambiguity decide nothing (DESIGN): a copy dated up to
# 14 h before its original is a clock or zone error, beyond that it is impossible.
CLOCK_SLACK = 14 * HOUR
_FUTURE = FUTURE_SLACK.total_seconds()
SPREAD_STORIES = 8  # stories drawn in the spread chart
# A trailing content hash or id in a URL slug (`…-e0006545b8d19d4f…`) says nothing to a reader.
_URL_NOISE = re.compile(r"[-_]?[0-9a-f]{16,}$")
_SITE_OF_AGENCY = {site: name for name, site in AGENCY_SITES.items()}


@dataclass(frozen=True)
class Filters:
    """Which stories a report covers: by the original's time, its agency, the sites involved."""

    since: float | None = None
    until: float | None = None
    agency: str | None = None
    sites: tuple[str, ...] = ()

    def admits(self, story: Story, when: float | None, agency: str | None) -> bool:
        if self.since is not None and (when is None or when < self.since):
            return False
        if self.until is not None and (when is None or when >= self.until):
            return False
        if self.agency is not None and (agency or "").lower() != self.agency.lower():
            return False
        return not self.sites or any(m.site in self.sites for m in story.members)


@dataclass(frozen=True)
class CopyRow:
    """One copy of a story on a site other than the original's."""

    story: str
    cluster_id: str
    original_url: str
    original_site: str | None
    url: str
    site: str
    relation: str
    agency: str | None  # the story's agency, if any
    credited: bool  # the copy credits an agency
    lag: float | None  # seconds after the original
    basis: str  # what the copy's time comes from: date, lastmod or fetch ("" when unknown)
    date_problem: str | None  # before_original, future or months_late: the page's own date is fake
    dated: bool = True  # the page gives a date of its own

    @property
    def timed(self) -> bool:
        """The lag comes from a time the copy's site claims; a fetch time only bounds it from above."""
        return self.lag is not None and self.basis in ("date", "lastmod")


@dataclass(frozen=True)
class SiteFigures:
    """The copier sites table's row."""

    site: str
    copies: int
    stories: int
    median_lag: float | None  # seconds, of the copies with a claimed time (not only our fetch)
    p90_lag: float | None
    agency_copies: int  # copies of agency stories: the base of the credit share
    credit_share: float | None
    excerpt_share: float
    bad_date_share: float
    no_date_share: float  # copies whose page gives no date (none, or one extraction dropped as impossible)
    untimed_share: float  # copies whose time comes only from our fetch: left out of the lags
    uncredited: int


@dataclass
class Figures:
    """Everything the page shows."""

    source: str
    now: float
    filters: Filters
    articles: int
    stories: int
    copies: int
    originals_by_agency: dict[str, int]
    copy_share: float  # copies among all articles
    credited_share: float | None  # of copies of agency stories
    sites: list[SiteFigures]
    uncredited: list[CopyRow]  # copies of agency stories without credit, by story then lag
    networks: list[Network]
    spread: list[tuple[str, list[float]]]  # (story, lags in hours of its dated copies), top stories
    matrix: dict[tuple[str, str], int]  # (original's site, copier site) -> copies
    lags: dict[str, list[float]] = field(default_factory=dict)  # copier site -> its timed copies' lags, seconds
    relations: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)


def _believable(member: Member, now: float) -> bool:
    bound = member.fetched if member.fetched is not None else now
    return member.published is not None and member.published <= bound + _FUTURE


def story_time(original: Member, now: float) -> tuple[float | None, str]:
    """When the original appeared, and the evidence: its own date, its site's lastmod, or its fetch."""
    if _believable(original, now):
        return original.published, "date"
    if original.lastmod is not None:
        return original.lastmod, "lastmod"
    return original.fetched, "fetch" if original.fetched is not None else ""


def story_agency(original: Member) -> str | None:
    return agency_name(original.wire) or original.wire or _SITE_OF_AGENCY.get(original.site or "")


def story_label(story: Story) -> str:
    """The original's title, else words from its URL's last path segment (ids and hashes dropped)."""
    title = story.original.title
    if title:
        return title
    slug = urlsplit(story.original.url).path.rstrip("/").rsplit("/", 1)[-1]
    slug = _URL_NOISE.sub("", slug.rsplit(".", 1)[0] if "." in slug else slug)
    words = slug.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else story.original.url


def _date_problem(copy: Member, start: float | None, now: float) -> str | None:
    if copy.published is None:
        return None
    if not _believable(copy, now):
        return "future"
    if start is not None and copy.published < start - CLOCK_SLACK:
        return "before_original"
    if start is not None and copy.published > start + MAX_LAG:
        return "months_late"
    return None


def _copy_time(copy: Member, problem: str | None) -> tuple[float | None, str]:
    if copy.published is not None and problem is None:
        return copy.published, "date"
    if copy.lastmod is not None and (copy.fetched is None or copy.lastmod <= copy.fetched + _FUTURE):
        return copy.lastmod, "lastmod"
    return copy.fetched, "fetch" if copy.fetched is not None else ""


def copy_rows(story: Story, now: float) -> list[CopyRow]:
    """The copies of one story on other sites than the original's (its own versions are not copies)."""
    original = story.original
    start, _ = story_time(original, now)
    agency, label = story_agency(original), story_label(story)
    rows = []
    for copy in story.members[1:]:
        if copy.site is None or copy.site == original.site:
            continue
        problem = _date_problem(copy, start, now)
        when, basis = _copy_time(copy, problem)
        lag = when - start if when is not None and start is not None else None
        rows.append(CopyRow(label, story.cluster_id, original.url, original.site, copy.url, copy.site,
                            copy.relation, agency, bool(copy.wire), lag, basis, problem, copy.published is not None))
    return rows


def _quantile(values: list[float], q: float) -> float | None:
    return float(np.quantile(np.asarray(values), q)) if values else None


def site_table(rows: list[CopyRow]) -> list[SiteFigures]:
    """One row per copier site, most copies first."""
    by_site: dict[str, list[CopyRow]] = {}
    for row in rows:
        by_site.setdefault(row.site, []).append(row)
    out = []
    for site, copies in by_site.items():
        lags = [r.lag for r in copies if r.timed]
        agency_copies = [r for r in copies if r.agency]
        credited = sum(r.credited for r in agency_copies)
        n = len(copies)
        out.append(SiteFigures(
            site=site, copies=n, stories=len({r.cluster_id for r in copies}),
            median_lag=_quantile(lags, 0.5), p90_lag=_quantile(lags, 0.9),
            agency_copies=len(agency_copies),
            credit_share=credited / len(agency_copies) if agency_copies else None,
            excerpt_share=sum(r.relation == "excerpt" for r in copies) / n,
            bad_date_share=sum(r.date_problem is not None for r in copies) / n,
            no_date_share=sum(not r.dated for r in copies) / n,
            untimed_share=sum(not r.timed for r in copies) / n,
            uncredited=len(agency_copies) - credited))
    return sorted(out, key=lambda s: (-s.copies, s.site))


def compute(corpus: Corpus, filters: Filters = Filters()) -> Figures:
    """The report's figures for the stories the filters admit."""
    now = corpus.now
    rows: list[CopyRow] = []
    originals: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    per_story: list[tuple[str, list[CopyRow]]] = []
    kept: list[Story] = []
    for story in corpus.stories:
        start, _ = story_time(story.original, now)
        agency = story_agency(story.original)
        if not filters.admits(story, start, agency):
            continue
        kept.append(story)
        originals[agency or "none"] += 1
        story_rows = copy_rows(story, now)
        relations.update(r.relation for r in story_rows)
        rows += story_rows
        per_story.append((story_label(story), story_rows))
    agency_rows = [r for r in rows if r.agency]
    uncredited = sorted((r for r in agency_rows if not r.credited),
                        key=lambda r: (r.story, r.cluster_id, r.lag if r.lag is not None else float("inf"), r.url))
    top = sorted(per_story, key=lambda item: -len(item[1]))[:SPREAD_STORIES]
    spread = [(label, sorted(r.lag / HOUR for r in story_rows if r.timed))
              for label, story_rows in top if story_rows]
    matrix = Counter((r.original_site or "?", r.site) for r in rows)
    lags: dict[str, list[float]] = {}
    for r in rows:
        if r.timed:
            lags.setdefault(r.site, []).append(r.lag)
    return Figures(
        source=corpus.source, now=now, filters=filters, articles=corpus.articles, stories=len(kept),
        copies=len(rows), originals_by_agency=dict(originals.most_common()),
        copy_share=len(rows) / corpus.articles if corpus.articles else 0.0,
        credited_share=sum(r.credited for r in agency_rows) / len(agency_rows) if agency_rows else None,
        sites=site_table(rows), uncredited=uncredited, networks=mirror_networks(rows, corpus.templates),
        spread=spread, matrix=dict(matrix), lags=lags, relations=dict(relations), skipped=dict(corpus.skipped))
