"""Run summary health checks: the site memory's shortened-paragraph count must stay 0."""

from __future__ import annotations

from newscrawl.extensions.run_summary import health_warnings


def summary(shortened):
    return {"coverage": {}, "hint_coverage": {}, "items": 10, "memory_shortened_paragraphs": shortened}


def test_a_memory_that_cut_into_paragraphs_is_a_warning():
    assert health_warnings(summary(0), None) == []
    assert health_warnings(summary(None), None) == []  # memory off: no check ran
    assert any("cut into 3 paragraphs" in w for w in health_warnings(summary(3), None))
