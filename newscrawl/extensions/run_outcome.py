"""Whether a finished crawl failed, and why: the conditions behind `scrapy crawl`'s exit status."""

from __future__ import annotations

# Stat holding "; "-joined failure reasons; newscrawl's `scrapy crawl` exits 1 when it is set.
FAILED_STAT = "newscrawl/run/failed"
# Conditions a run can fail on (NEWSCRAWL_FAIL_ON picks them).
CONDITIONS = ("error", "empty", "fetch_failed", "warnings")
# Finish reasons of a run that ended as planned (the closespider limits are the user's own).
CLEAN_FINISH = frozenset({"finished", "closespider_timeout", "closespider_itemcount", "closespider_pagecount"})


def fetch_errors(stats: dict) -> dict[str, int]:
    """Failed requests by reason (`dns`, `refused`, `http_404`, ...), as the spiders counted them.

    Requests the address guard refused (internal addresses) count as `internal_address`:
    the spiders leave them to the guard's own stat.
    """
    prefix = "newscrawl/fetch_errors/"
    errors = {key[len(prefix):]: value for key, value in stats.items() if key.startswith(prefix)}
    if stats.get("newscrawl/safety/refused"):
        errors["internal_address"] = errors.get("internal_address", 0) + stats["newscrawl/safety/refused"]
    return errors


def _kept_known(stats: dict) -> int:
    """Articles an incremental run had already exported: skipped before or after the fetch."""
    return stats.get("newscrawl/incremental/skipped_known", 0) + stats.get("newscrawl/incremental/unchanged", 0)


def conditions(values) -> set[str]:
    """The NEWSCRAWL_FAIL_ON list as a set; ValueError names an unknown condition."""
    chosen = {value.strip() for value in values if value and value.strip()}
    unknown = chosen.difference(CONDITIONS)
    if unknown:
        raise ValueError(f"NEWSCRAWL_FAIL_ON: unknown condition(s) {', '.join(sorted(unknown))}; "
                         f"use any of {', '.join(CONDITIONS)}")
    return chosen


def run_failures(summary: dict, fail_on) -> list[str]:
    """One line per failed condition among `fail_on`; empty when the run counts as a success.

    `error`: the run ended early (start error, shutdown, an error limit); `empty`: it exported
    nothing and had no already-known article to skip; `fetch_failed`: no page came back at
    all although requests were made; `warnings`: the run summary has health warnings.
    """
    stats = summary.get("stats", {})
    fail_on = conditions(fail_on)
    failures = []
    reason = summary.get("finish_reason")
    if "error" in fail_on and reason not in CLEAN_FINISH:
        failures.append(f"the run ended early ({reason})")
    errors = fetch_errors(stats)
    error_text = ", ".join(f"{name} {count}" for name, count in sorted(errors.items()))
    pages = stats.get("response_received_count", 0) - stats.get("robotstxt/response_count", 0)
    if "fetch_failed" in fail_on and pages <= 0 and errors:
        failures.append(f"every request failed ({sum(errors.values())} fetch errors: {error_text})")
    if "empty" in fail_on and not summary.get("items") and not _kept_known(stats):
        found = [f"{max(pages, 0)} pages fetched", f"{stats.get('item_dropped_count', 0)} dropped"]
        if errors:
            found.append(f"fetch errors: {error_text}")
        failures.append(f"nothing exported ({', '.join(found)})")
    if "warnings" in fail_on and summary.get("warnings"):
        failures.append(f"{len(summary['warnings'])} health warning(s): {summary['warnings'][0]}")
    return failures
