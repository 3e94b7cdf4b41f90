"""RunSummary: a machine-readable JSON summary of each run, with health warnings, beside its output."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path

from scrapy import signals

from newscrawl.errors import SettingError
from newscrawl.extensions.run_outcome import FAILED_STAT, conditions, run_failures
from newscrawl.output import run_paths

logger = logging.getLogger(__name__)

HEALTH = "newscrawl/health/"
SHORTENED_STAT = "newscrawl/boilerplate/paragraphs_shortened"
# Below these shares of items having the field (or matching the site hint), the run warns.
COVERAGE_FLOORS = {"title": 0.9, "text": 1.0, "published": 0.5, "authors": 0.3}
HINT_FLOOR = 0.8
# An item count below this share of the previous run's is worth a warning.
ITEM_DROP_RATIO = 0.5


def _plain(value):
    return value.isoformat() if isinstance(value, datetime) else value


def coverage(stats: dict) -> tuple[dict[str, float], dict[str, float]]:
    """(field -> share of items having it, hint -> share of items where it matched)."""
    items = stats.get(f"{HEALTH}items", 0)
    if not items:
        return {}, {}
    fields = {name: round(stats.get(f"{HEALTH}field/{name}", 0) / items, 3) for name in COVERAGE_FLOORS}
    hints = {
        key.rsplit("/", 1)[1]: round(1 - value / items, 3)
        for key, value in stats.items() if key.startswith(f"{HEALTH}hint_miss/")
    }
    return fields, hints


def previous_summary(folder: Path, spider: str, exclude: Path) -> dict | None:
    """The newest earlier summary of the same spider in the same folder."""
    candidates = []
    for path in folder.glob("*.summary.json"):
        if path == exclude:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if data.get("spider") == spider:
            candidates.append((data.get("finished_at", ""), data))
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def health_checks(summary: dict, previous: dict | None, floors: dict | None = None) -> dict[str, list[str]]:
    """Warnings by check: `coverage`, `site_hints`, `refused`, `site_memory`, `item_trend` (a monitor each)."""
    floors = {**COVERAGE_FLOORS, **(floors or {})}
    checks: dict[str, list[str]] = {"coverage": [], "site_hints": [], "refused": [], "site_memory": [],
                                     "item_trend": []}
    for name, share in summary["coverage"].items():
        if share < floors[name]:
            checks["coverage"].append(f"coverage of {name} is {share:.0%} (floor {floors[name]:.0%})")
    for hint, share in summary["hint_coverage"].items():
        if share < HINT_FLOOR:
            checks["site_hints"].append(f"site hint '{hint}' matched {share:.0%} of pages: has the layout changed?")
    if summary.get("refused_requests"):
        checks["refused"].append(f"{summary['refused_requests']} request(s) to internal addresses refused "
                                 f"({summary['refused_hosts']} host(s)); see the log, and NEWSCRAWL_ALLOW_NETWORKS")
    if summary.get("memory_shortened_paragraphs"):
        checks["site_memory"].append(f"the site memory cut into {summary['memory_shortened_paragraphs']} paragraphs "
                                     "(their words were put back): please report the pages")
    if previous and previous.get("items") and summary["items"] < ITEM_DROP_RATIO * previous["items"]:
        if not summary.get("incremental"):
            checks["item_trend"].append(f"{summary['items']} items, {previous['items']} in the previous run")
    return checks


def health_warnings(summary: dict, previous: dict | None, floors: dict | None = None) -> list[str]:
    """Every warning of `health_checks`, in one list (the summary's `warnings`)."""
    return [warning for found in health_checks(summary, previous, floors).values() for warning in found]


class RunSummary:
    """On close: counts, coverage, warnings and all stats as JSON (`<feed>.summary.json`)."""

    def __init__(self, crawler, fail_on=("error", "empty", "fetch_failed")):
        self.crawler = crawler
        try:
            self.fail_on = conditions(fail_on)  # refuse an unknown condition before the crawl starts
        except ValueError as error:
            raise SettingError(str(error)) from None
        self._summary: dict | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.getlist("NEWSCRAWL_FAIL_ON"))

    def build(self, spider, reason: str, previous: dict | None) -> dict:
        stats = {key: _plain(value) for key, value in sorted(self.crawler.stats.get_stats().items())}
        fields, hints = coverage(stats)
        summary = {
            "spider": spider.name,
            "finish_reason": reason,
            "finished_at": datetime.now(tz=timezone.utc).isoformat(timespec="seconds"),
            "items": stats.get("item_scraped_count", 0),
            "pages_fetched": stats.get("response_received_count", 0),
            "skipped_known": stats.get("newscrawl/incremental/skipped_known", 0),
            # pages with text that were not articles (product pages, listings, forums), by kind
            "not_articles": stats.get("newscrawl/dropped/not_article", 0),
            "not_articles_by_kind": {key.rsplit("/", 1)[1]: value for key, value in stats.items()
                                     if key.startswith("newscrawl/dropped/not_article/")},
            "incremental": bool(stats.get("newscrawl/incremental/skipped_known")),
            # The address guard's refusals (requests to internal addresses) and off-host sitemap entries.
            "refused_requests": stats.get("newscrawl/safety/refused", 0),
            "refused_hosts": stats.get("newscrawl/safety/refused_hosts", 0),
            "off_host_sitemap_entries": stats.get("newscrawl/discovery/off_host_dropped", 0),
            "coverage": fields,
            "hint_coverage": hints,
            "previous_items": previous.get("items") if previous else None,
            # Paragraphs the site memory would have cut words out of (put back): must stay 0.
            "memory_shortened_paragraphs": stats.get(SHORTENED_STAT),
            "stats": stats,
        }
        summary["checks"] = health_checks(summary, previous, getattr(spider, "coverage_floors", None))
        summary["warnings"] = [warning for found in summary["checks"].values() for warning in found]
        summary["failures"] = run_failures(summary, self.fail_on)
        return summary

    def summary(self, spider, reason: str) -> dict:
        """This run's summary, built once when the spider closes (spidermon monitors read it too)."""
        if self._summary is None:
            path = run_paths(self.crawler, spider.name).summary
            self._summary = self.build(spider, reason, previous_summary(path.parent, spider.name, path))
        return self._summary

    def spider_closed(self, spider, reason):
        path = run_paths(self.crawler, spider.name).summary
        summary = self.summary(spider, reason)
        for warning in summary["warnings"]:
            logger.warning("Run health: %s: %s", spider.name, warning)
        for failure in summary["failures"]:
            logger.error("Run failed: %s: %s", spider.name, failure)
        if summary["failures"]:
            self.crawler.stats.set_value(FAILED_STAT, "; ".join(summary["failures"]))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as error:
            logger.error("Could not write the run summary %s: %s", path, error)
            return
        logger.info("Run summary written to %s", path)
