"""Mirror networks: sites that share one template, or copy the same stories within minutes of each other."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newscrawl.report.figures import CopyRow

__all__ = ["MIN_SHARED_BLOCKS", "MIN_TEMPLATE_JACCARD", "Network", "TIMING_WINDOW", "mirror_networks"]

# Two sites share a template when this many learned template blocks are the same and they
# make up this share of the two templates together (nav words like "Home" alone are not enough).
MIN_SHARED_BLOCKS = 3
MIN_TEMPLATE_JACCARD = 0.2
# A block in the template of more sites than this is a commonplace ("Share", "Subscribe").
MAX_BLOCK_SITES = 50
# Two sites copy "within minutes" when their copies of one story are dated this close ...
TIMING_WINDOW = 10 * 60.0
# ... on at least this many stories, and on at least this share of the stories both copied.
MIN_COTIMED_STORIES = 3
MIN_COTIMED_SHARE = 0.5
# Copies compared per story: a story with thousands of copies must not cost millions of pairs.
_MAX_TIMED = 200


@dataclass(frozen=True)
class Network:
    """A group of copier sites tied by shared templates or synchronised copying."""

    sites: tuple[str, ...]
    copies: int
    stories: int
    uncredited: int
    template_links: tuple[tuple[str, str, int], ...]  # (site, site, shared template blocks)
    timing_links: tuple[tuple[str, str, int], ...]  # (site, site, stories copied within minutes)


def template_links(templates: dict[str, frozenset[str]], sites: set[str]) -> list[tuple[str, str, int]]:
    """Pairs of `sites` whose learned templates overlap enough to be one template."""
    holders: dict[str, list[str]] = {}
    for site in sorted(sites & set(templates)):
        for block in templates[site]:
            holders.setdefault(block, []).append(site)
    shared: Counter[tuple[str, str]] = Counter()
    for owners in holders.values():
        if 1 < len(owners) <= MAX_BLOCK_SITES:
            shared.update(combinations(owners, 2))
    links = []
    for (a, b), count in sorted(shared.items()):
        union = len(templates[a]) + len(templates[b]) - count
        if count >= MIN_SHARED_BLOCKS and count / union >= MIN_TEMPLATE_JACCARD:
            links.append((a, b, count))
    return links


def timing_links(rows: Sequence[CopyRow]) -> list[tuple[str, str, int]]:
    """Pairs of sites that copy the same stories within TIMING_WINDOW of each other, by claimed dates only.

    Fetch times are not evidence: one crawl fetches every copy within minutes.
    """
    by_story: dict[str, list[tuple[float, str]]] = {}
    stories_of: dict[str, set[str]] = {}
    for row in rows:
        stories_of.setdefault(row.site, set()).add(row.cluster_id)
        if row.timed:
            by_story.setdefault(row.cluster_id, []).append((row.lag, row.site))
    together: Counter[tuple[str, str]] = Counter()
    for timed in by_story.values():
        timed = sorted(timed)[:_MAX_TIMED]
        pairs = set()
        for i, (when, site) in enumerate(timed):
            for later, other in timed[i + 1:]:
                if later - when > TIMING_WINDOW:
                    break
                if other != site:
                    pairs.add((min(site, other), max(site, other)))
        together.update(pairs)
    links = []
    for (a, b), count in sorted(together.items()):
        both = len(stories_of[a] & stories_of[b])
        if count >= MIN_COTIMED_STORIES and count >= MIN_COTIMED_SHARE * both:
            links.append((a, b, count))
    return links


def _components(links: list[tuple[str, str, int]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(site: str) -> str:
        while parent.setdefault(site, site) != site:
            parent[site] = parent[parent[site]]
            site = parent[site]
        return site

    for a, b, _ in links:
        parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for site in parent:
        groups.setdefault(find(site), set()).add(site)
    return [group for group in groups.values() if len(group) > 1]


def mirror_networks(rows: Sequence[CopyRow], templates: dict[str, frozenset[str]]) -> list[Network]:
    """Groups of copier sites, biggest (by copies) first."""
    copiers = {row.site for row in rows}
    by_template = template_links(templates, copiers)
    by_timing = timing_links(rows)
    networks = []
    for group in _components(by_template + by_timing):
        mine = [row for row in rows if row.site in group]
        networks.append(Network(
            sites=tuple(sorted(group)), copies=len(mine), stories=len({r.cluster_id for r in mine}),
            uncredited=sum(1 for r in mine if r.agency and not r.credited),
            template_links=tuple(link for link in by_template if link[0] in group),
            timing_links=tuple(link for link in by_timing if link[0] in group)))
    return sorted(networks, key=lambda n: (-n.copies, n.sites))
