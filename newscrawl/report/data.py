"""What a report reads: every story with its copies' evidence, from a store or a linked JSONL corpus."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from newscrawl.extraction.boilerplate import MIN_STORIES
from newscrawl.extraction.dates import FUTURE_SLACK
from newscrawl.fingerprint import cluster_views
from newscrawl.fingerprint.records import site_of_record, timestamp
from newscrawl.store import Store

__all__ = ["Corpus", "Member", "Story", "from_jsonl", "from_store"]

# Rows read from a store per call: one round trip each, small enough to keep memory flat.
_CHUNK = 20_000
_FUTURE = FUTURE_SLACK.total_seconds()


@dataclass(frozen=True)
class Member:
    """One page of a story: what it says about itself, and what the crawler saw."""

    url: str
    site: str | None
    relation: str  # original, duplicate, excerpt, version
    wire: str | None = None  # agency the page credits
    published: float | None = None  # the page's own date, POSIX seconds
    fetched: float | None = None  # first fetch
    lastmod: float | None = None  # the site's sitemap lastmod / Last-Modified, when known
    title: str | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class Story:
    """A cluster: its original first, then every other member."""

    cluster_id: str
    members: tuple[Member, ...]

    @property
    def original(self) -> Member:
        return self.members[0]


@dataclass
class Corpus:
    """Everything a report is computed from."""

    source: str  # what was read, for the page's header
    articles: int  # every linked document, copies and unique pages alike
    stories: list[Story]
    templates: dict[str, frozenset[str]] = field(default_factory=dict)  # site -> template block keys
    now: float = 0.0  # when the data was read: dates after it are impossible
    skipped: Counter = field(default_factory=Counter)  # unreadable input, by reason


def _chunks(items: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def from_store(store: Store, now: float) -> Corpus:
    """The store's authoritative clusters (as `newscrawl clusters` writes them) with each member's evidence."""
    views = cluster_views(store, now)
    ids = [doc_id for view in views for doc_id in view.doc_ids]
    rows = {}
    for chunk in _chunks(ids):
        rows.update(store.docs(chunk))
    stories = []
    for view in views:
        members = []
        for doc_id, member in zip(view.doc_ids, view.members):
            row = rows.get(doc_id)
            if row is None:  # the store changed between the two reads
                continue
            members.append(Member(member.url, row.site, member.relation, row.wire, row.published,
                                  row.fetched, None, None, member.similarity))
        if len(members) > 1 and members[0].relation == "original":
            stories.append(Story(view.cluster_id, tuple(members)))
    stories = _with_lastmod(store, stories, now)
    return Corpus(f"store {store.url}", store.count_docs(), stories, site_templates(store), now)


def _with_lastmod(store: Store, stories: list[Story], now: float) -> list[Story]:
    """Members without a believable page date get the date their site's sitemap or headers gave (seen URLs)."""
    out = []
    for story in stories:
        members = []
        for member in story.members:
            bound = (member.fetched if member.fetched is not None else now) + _FUTURE
            if member.published is None or member.published > bound:
                seen = store.seen_get(member.url)
                lastmod = timestamp(seen.lastmod) if seen is not None and seen.lastmod else None
                if lastmod is not None:
                    member = replace(member, lastmod=lastmod)
            members.append(member)
        out.append(Story(story.cluster_id, tuple(members)))
    return out


def site_templates(store: Store) -> dict[str, frozenset[str]]:
    """Each site's learned template: the blocks its boilerplate memory calls template."""
    templates: dict[str, set[str]] = {}
    for site, block, stories in store.iter_blocks():
        if stories >= MIN_STORIES:
            templates.setdefault(site, set()).add(block)
    return {site: frozenset(blocks) for site, blocks in templates.items()}


def _record_member(record: dict) -> Member:
    similarity = record.get("similarity")
    return Member(
        url=record["url"], site=site_of_record(record), relation=str(record.get("relation") or "duplicate"),
        wire=record.get("wire") if isinstance(record.get("wire"), str) and record["wire"].strip() else None,
        published=timestamp(record.get("published")), fetched=timestamp(record.get("fetched_at")),
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        similarity=similarity if isinstance(similarity, (int, float)) else None,
    )


def _lines(path: Path, skipped: Counter) -> Iterator[dict]:
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                skipped["bad_json"] += 1
                print(f"newscrawl report: {path}:{number}: skipped: bad_json ({error})", file=sys.stderr)
                continue
            if not isinstance(record, dict) or not isinstance(record.get("url"), str):
                skipped["no_url"] += 1
                print(f"newscrawl report: {path}:{number}: skipped: not a record with a url", file=sys.stderr)
                continue
            yield record


def from_jsonl(paths: Iterable[Path], now: float) -> Corpus:
    """A corpus `newscrawl dedup` (or a crawl) wrote: records grouped by `cluster_id`."""
    skipped: Counter = Counter()
    groups: dict[str, list[Member]] = {}
    articles = 0
    for path in paths:
        for record in _lines(Path(path), skipped):
            articles += 1
            cluster = record.get("cluster_id")
            if isinstance(cluster, str) and cluster:
                groups.setdefault(cluster, []).append(_record_member(record))
    stories = []
    for cluster_id in sorted(groups):
        members = groups[cluster_id]
        originals = [m for m in members if m.relation == "original"]
        if len(members) < 2 or len(originals) != 1:
            skipped["cluster_without_one_original"] += len(originals) != 1
            continue
        rest = sorted((m for m in members if m.relation != "original"), key=lambda m: m.url)
        stories.append(Story(cluster_id, (originals[0], *rest)))
    names = ", ".join(str(p) for p in paths)
    return Corpus(f"corpus {names}", articles, stories, {}, now, skipped)
