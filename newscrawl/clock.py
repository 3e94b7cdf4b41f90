"""The crawl's "now": the real clock, or NEWSCRAWL_NOW for tests and replays of a fixed moment."""

from __future__ import annotations

from datetime import datetime, timezone


def fixed_now(settings) -> datetime | None:
    """NEWSCRAWL_NOW as an aware datetime (naive means UTC); None when unset: the real clock."""
    value = settings.get("NEWSCRAWL_NOW")
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"NEWSCRAWL_NOW must be an ISO 8601 date-time, not {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def crawl_now(settings) -> datetime:
    """The moment a crawl takes as now: NEWSCRAWL_NOW when set, else the real clock (UTC)."""
    return fixed_now(settings) or datetime.now(tz=timezone.utc)
