"""spidermon monitors over the run summary: a failed or degraded run runs the configured alert action."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spidermon", reason="the `monitoring` extra (make install installs it)")

from tests.crawling import ROOT  # noqa: E402
from tests.test_crawl_command import URL, scrapy  # noqa: E402
from tests.pages import article_html, warc_bytes  # noqa: E402

SPIDERMON = [
    "-s", 'EXTENSIONS={"newscrawl.extensions.run_summary.RunSummary": 500, '
          '"spidermon.contrib.scrapy.extensions.Spidermon": 600}',
    "-s", "SPIDERMON_ENABLED=True",
    "-s", "SPIDERMON_SPIDER_CLOSE_MONITORS=newscrawl.extensions.monitors.RunHealthMonitorSuite",
    "-s", "NEWSCRAWL_ALERT_ACTIONS=tests.alerting.WriteAlertFile",
]


def crawl(tmp_path, records, name):
    path = tmp_path / f"{name}.warc.gz"
    path.write_bytes(warc_bytes(records))
    alert = tmp_path / f"{name}.alert.json"
    result = scrapy(["crawl", "warc", "-a", f"path={path}", "-O", f"{name}.jsonl", *SPIDERMON,
                     "-s", f"TEST_ALERT_FILE={alert}"], tmp_path, PYTHONPATH=str(ROOT))
    return result, alert


def test_a_failed_run_alerts_with_the_summary_s_reason(tmp_path):
    result, alert = crawl(tmp_path, [("response", URL, b"<html><body><nav>Home</nav></body></html>")], "empty")
    assert result.returncode == 1
    failed = json.loads(alert.read_text())
    assert "nothing exported (0 pages fetched, 1 dropped)" in failed["test_run_did_not_fail"]
    summary = json.loads((tmp_path / "empty.summary.json").read_text())
    assert summary["failures"] == ["nothing exported (0 pages fetched, 1 dropped)"]  # the JSON stays


def test_a_coverage_drop_alerts_although_the_run_succeeded(tmp_path):
    untitled = article_html().replace("<title>", "<x>").replace("</title>", "</x>")
    untitled = untitled.replace("<h1>Marrowfield opens its new flood gates</h1>", "")
    result, alert = crawl(tmp_path, [("response", URL, untitled.encode())], "untitled")
    assert result.returncode == 0, result.stderr[-3000:]
    failed = json.loads(alert.read_text())
    assert list(failed) == ["test_field_coverage_above_floors"]
    assert "coverage of title is 0%" in failed["test_field_coverage_above_floors"]


def test_a_healthy_run_does_not_alert(tmp_path):
    result, alert = crawl(tmp_path, [("response", URL, article_html().encode())], "healthy")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Spidermon" in result.stderr and not alert.exists()
