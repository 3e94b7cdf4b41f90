"""spidermon monitors for the run-health checks of RunSummary, so a degraded scheduled run alerts a person.

Optional: `pip install 'newscrawl[monitoring]'`, then see the README ("Alerts"). Each
monitor asserts one part of this run's summary (the same dict that goes to
`<feed>.summary.json`), so the JSON file and the alert never disagree.
"""

from __future__ import annotations

from scrapy.utils.misc import load_object
from spidermon import MonitorSuite
from spidermon.contrib.scrapy.monitors.base import BaseScrapyMonitor

from newscrawl.extensions.run_summary import RunSummary


class _SummaryMonitor(BaseScrapyMonitor):
    def run_summary(self) -> dict:
        crawler = self.data.crawler
        extension = crawler.get_extension(RunSummary)
        if extension is None:
            self.skipTest("the RunSummary extension is disabled")
        return extension.summary(self.data.spider, self.data.stats.get("finish_reason", "finished"))


class RunOutcomeMonitor(_SummaryMonitor):
    """The run did not fail (NEWSCRAWL_FAIL_ON: ended early, exported nothing, every request failed)."""

    def test_run_did_not_fail(self):
        failures = self.run_summary()["failures"]
        self.assertFalse(failures, "; ".join(failures))


class RunHealthMonitor(_SummaryMonitor):
    """Field coverage, site hints, refused internal addresses and items against the previous run."""

    def _check(self, name: str) -> None:
        warnings = self.run_summary()["checks"][name]
        self.assertFalse(warnings, "; ".join(warnings))

    def test_field_coverage_above_floors(self):
        self._check("coverage")

    def test_site_hints_still_match(self):
        self._check("site_hints")

    def test_no_request_to_internal_addresses(self):
        self._check("refused")

    def test_site_memory_never_cut_into_a_paragraph(self):
        self._check("site_memory")

    def test_items_not_halved_against_previous_run(self):
        self._check("item_trend")


class RunHealthMonitorSuite(MonitorSuite):
    """All run-health monitors; on failure, runs the actions named in NEWSCRAWL_ALERT_ACTIONS.

    spidermon's own way is a suite subclass per project listing its actions; a setting
    lets `-s` / settings.py choose them (Slack, email, Telegram, Sentry, ...) instead.
    """

    monitors = [RunOutcomeMonitor, RunHealthMonitor]

    def __init__(self, *args, crawler=None, **kwargs):
        paths = crawler.settings.getlist("NEWSCRAWL_ALERT_ACTIONS") if crawler is not None else []
        actions = [load_object(path) for path in paths]
        kwargs["monitors_failed_actions"] = [*(kwargs.get("monitors_failed_actions") or ()), *actions]
        super().__init__(*args, crawler=crawler, **kwargs)
