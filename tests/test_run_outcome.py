"""When a finished crawl counts as failed (NEWSCRAWL_FAIL_ON), and what the summary says."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from newscrawl.distributed import DistributedAddon
from newscrawl.extensions.run_outcome import conditions, run_failures

DEFAULT = ("error", "empty", "fetch_failed")


def summary(items=0, reason="finished", warnings=(), **stats):
    return {"items": items, "finish_reason": reason, "warnings": list(warnings),
            "stats": {key.replace("__", "/"): value for key, value in stats.items()}}


def test_a_run_that_exported_articles_succeeds():
    assert run_failures(summary(items=3, response_received_count=5), DEFAULT) == []


def test_closespider_limits_are_planned_ends():
    assert run_failures(summary(items=3, reason="closespider_itemcount"), DEFAULT) == []


@pytest.mark.parametrize("reason", ["start_error", "shutdown", "closespider_errorcount"])
def test_an_early_end_fails(reason):
    assert run_failures(summary(items=3, reason=reason), DEFAULT) == [f"the run ended early ({reason})"]


def test_every_request_failed_and_nothing_exported():
    found = run_failures(summary(**{"newscrawl__fetch_errors__dns": 2, "newscrawl__fetch_errors__refused": 1}),
                         DEFAULT)
    assert found == ["every request failed (3 fetch errors: dns 2, refused 1)",
                     "nothing exported (0 pages fetched, 0 dropped, fetch errors: dns 2, refused 1)"]


def test_robots_txt_responses_are_not_pages():
    stats = {"response_received_count": 1, "robotstxt__response_count": 1, "newscrawl__fetch_errors__http_500": 4}
    assert "every request failed" in run_failures(summary(**stats), DEFAULT)[0]


def test_an_incremental_run_with_nothing_new_is_not_empty():
    assert run_failures(summary(response_received_count=2, newscrawl__incremental__skipped_known=40), DEFAULT) == []
    assert run_failures(summary(response_received_count=2, newscrawl__incremental__unchanged=2), DEFAULT) == []


def test_conditions_are_chosen_by_the_setting():
    empty = summary(response_received_count=4, item_dropped_count=4)
    assert run_failures(empty, []) == [] and run_failures(empty, [""]) == []
    assert run_failures(empty, ["empty"]) == ["nothing exported (4 pages fetched, 4 dropped)"]
    warned = summary(items=5, warnings=["coverage of title is 10% (floor 90%)"])
    assert run_failures(warned, DEFAULT) == []
    assert run_failures(warned, ["warnings"]) == ["1 health warning(s): coverage of title is 10% (floor 90%)"]


def test_an_unknown_condition_is_refused():
    with pytest.raises(ValueError, match="unknown condition"):
        conditions(["empty", "emtpy"])


def test_the_redis_profile_does_not_fail_a_worker_that_exported_nothing():
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    assert "empty" in settings.getlist("NEWSCRAWL_FAIL_ON")
    settings.set("NEWSCRAWL_REDIS_URL", "redis://127.0.0.1:6379/0", priority="cmdline")
    DistributedAddon().update_settings(settings)
    assert conditions(settings.getlist("NEWSCRAWL_FAIL_ON")) == {"error", "fetch_failed"}


def test_requests_the_address_guard_refused_are_failed_requests():
    stats = {"newscrawl__safety__refused": 2}
    assert run_failures(summary(**stats), ["fetch_failed"]) == [
        "every request failed (2 fetch errors: internal_address 2)"]
