"""Choosing a cluster's original by evidence: agency site, plausible earliest date, completeness."""

from __future__ import annotations

from collections.abc import Sequence

from newscrawl.extraction.dates import FUTURE_SLACK
from newscrawl.extraction.wire import AGENCY_SITES
from newscrawl.store import DocRow

__all__ = ["choose_original", "plausible_dates"]

# A claimed date this long after the earliest evidence that the text already existed
# elsewhere is a mirror's fake date (mirrors re-date copies by months).
MAX_LAG = 30 * 86400.0
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


def choose_original(rows: Sequence[DocRow], now: float) -> int:
    """Index of the original among a cluster's rows.

    1. the agency's own site, for an agency some member credits; else among all:
    2. the earliest believable publication date; a member claiming an unbelievable date
       ranks after members that claim none (a fake date counts against a page);
    3. the most complete text (most shingles);
    4. the earliest fetch (the text provably existed then), then the smallest URL, so
       the choice never depends on order.
    """
    credited = {row.wire for row in rows if row.wire}
    pool = [i for i, row in enumerate(rows) if _on_agency_site(row, credited)] or range(len(rows))
    believable = plausible_dates(rows, now)

    def rank(i: int):
        row = rows[i]
        trust = 0 if believable[i] else 1 if row.published is None else 2
        fetched = row.fetched if row.fetched is not None else float("inf")
        return (trust, row.published if trust == 0 else 0.0, -row.size, fetched, row.url)

    return min(pool, key=rank)
