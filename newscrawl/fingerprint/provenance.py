"""Choosing a cluster's original by evidence: agency site, plausible early date, containing text, credit.

The rules, in order (the README states them too):

1. **The agency's own site**, for an agency that some member credits.
2. **A plausible early date.** A date after the page's own fetch (or after now), or more
   than 30 days after the earliest evidence that the text existed elsewhere, is a
   mirror's fake date: such a page ranks after pages that give no date at all.
3. **Clocks lie**: every member dated within 14 hours (the span of time-zone offsets) of
   the earliest plausible date is tied on date. A time written without its zone, or a
   local time labelled UTC, moves a page by up to that much. Among the tied:
   a. the text that contains the others (it holds most of another member's shingles)
      wins: a trimmed partner copy lies inside the publisher's full text;
   b. then the page that doesn't credit someone else (a wire credit off the agency's
      site means "this came from elsewhere");
   c. then the earlier date.
4. Then the most complete text, the earliest fetch, the smallest URL: the choice never
   depends on order.
"""

from __future__ import annotations

from collections.abc import Sequence

from newscrawl.extraction.dates import FUTURE_SLACK
from newscrawl.extraction.wire import AGENCY_SITES
from newscrawl.fingerprint.shingles import Fingerprint
from newscrawl.fingerprint.verify import DUPLICATE_COVERAGE, compare
from newscrawl.store import DocRow

__all__ = ["CLOCK_SLACK", "choose_original", "plausible_dates"]

# A claimed date this long after the earliest evidence that the text already existed
# elsewhere is a mirror's fake date (mirrors re-date copies by months).
MAX_LAG = 30 * 86400.0
# Time-zone offsets span UTC-12 to UTC+14: dates closer than this don't decide alone.
CLOCK_SLACK = 14 * 3600.0
# Containment is checked among this many of the largest tied members (a text contains
# only smaller ones), so a big cluster costs a bounded number of comparisons.
MAX_CONTAINERS = 8
_SLACK = FUTURE_SLACK.total_seconds()


def _before_fetch(row: DocRow, now: float) -> bool:
    bound = row.fetched if row.fetched is not None else now
    return row.published is not None and row.published <= bound + _SLACK


def plausible_dates(rows: Sequence[DocRow], now: float) -> list[bool]:
    """Whether each row's `published` is believable.

    Not believable: a date after the row's own fetch (or after now), or one more than
    30 days after the earliest evidence from another member (its believable date, else
    its fetch time) that the text already existed.
    """
    evidence = [
        row.published if _before_fetch(row, now) else row.fetched
        for row in rows
    ]
    out = []
    for i, row in enumerate(rows):
        if not _before_fetch(row, now):
            out.append(False)
            continue
        others = [e for j, e in enumerate(evidence) if j != i and e is not None]
        out.append(not others or row.published <= min(others) + MAX_LAG)
    return out


def _on_agency_site(row: DocRow, credited: set[str]) -> bool:
    return any(row.site == AGENCY_SITES.get(agency) for agency in credited)


def _credits_someone_else(row: DocRow) -> bool:
    return bool(row.wire) and row.site != AGENCY_SITES.get(row.wire)


def _contained_counts(tied: list[int], fingerprints: Sequence[Fingerprint] | None) -> dict[int, int]:
    """For the largest tied members: how many other tied members lie mostly inside each."""
    counts = dict.fromkeys(tied, 0)
    if fingerprints is None or len(tied) < 2:
        return counts
    largest = sorted(tied, key=lambda i: (-fingerprints[i].size, i))[:MAX_CONTAINERS]
    for i in largest:
        counts[i] = sum(1 for j in tied if j != i
                        and compare(fingerprints[j], fingerprints[i]).cover_a >= DUPLICATE_COVERAGE)
    return counts


def choose_original(rows: Sequence[DocRow], now: float,
                    fingerprints: Sequence[Fingerprint] | None = None) -> int:
    """Index of the original among a cluster's rows (the rules in the module docstring).

    `fingerprints` (same order as rows) lets the containing text win among members
    dated within CLOCK_SLACK of each other; without them that rule is skipped.
    """
    credited = {row.wire for row in rows if row.wire}
    pool = [i for i, row in enumerate(rows) if _on_agency_site(row, credited)] or list(range(len(rows)))
    believable = plausible_dates(rows, now)
    dated = [i for i in pool if believable[i]]
    earliest = min((rows[i].published for i in dated), default=None)
    tied = [i for i in dated if rows[i].published <= earliest + CLOCK_SLACK]
    contains = _contained_counts(tied, fingerprints)

    def rank(i: int):
        row = rows[i]
        if i in contains:
            tier = 0
        else:
            tier = 1 if believable[i] else 2 if row.published is None else 3
        fetched = row.fetched if row.fetched is not None else float("inf")
        return (tier, -contains.get(i, 0), tier == 0 and _credits_someone_else(row),
                row.published if tier <= 1 else 0.0, -row.size, fetched, row.url)

    return min(pool, key=rank)
