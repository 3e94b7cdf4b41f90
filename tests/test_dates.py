"""Dates: the shapes and languages pages print them in, and the shown dateline against the declared one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newscrawl.extraction.dates import month_first_in, parse_date, prefer_shown


@pytest.mark.parametrize("text, expected", [
    ("04-ago-2021 5:11:10", datetime(2021, 8, 4, 5, 11)),
    ("5. März 2024", date(2024, 3, 5)),
    ("4 de agosto de 2021", date(2021, 8, 4)),
    ("15 juillet 2023 à 10:30", datetime(2023, 7, 15, 10, 30)),
    ("12 dic 2020", date(2020, 12, 12)),
    ("Dec 12, 2020", date(2020, 12, 12)),
    ("3 items in 2024", None),
])
def test_dates_in_many_languages(text, expected):
    assert parse_date(text) == expected


def test_shown_date_of_another_day_wins_over_a_drifted_declared_one():
    # The CMS re-stamped datePublished when the page was republished; the page still shows its day.
    assert prefer_shown("2025-09-15", "2025-09-15", None, "Published: January 3, 2024") == \
        ("2024-01-03", "Published: January 3, 2024")


def test_shown_date_is_used_when_nothing_is_declared():
    assert prefer_shown(None, None, None, "Dec 18, 2025") == ("2025-12-18", "Dec 18, 2025")


def test_shown_update_day_does_not_replace_the_publication_date():
    assert prefer_shown("2025-01-29T20:47:55+00:00", "raw", "2025-08-19T13:25:59+00:00", "August 19, 2025") == \
        ("2025-01-29T20:47:55+00:00", "raw")


def test_shown_day_that_is_the_declared_timestamp_in_another_time_zone_agrees_with_it():
    # 02:17 UTC on the 10th is the evening of the 9th in the Americas: the precise timestamp stays.
    assert prefer_shown("2021-12-10T02:17:00+00:00", "raw", None, "December 9, 2021") == \
        ("2021-12-10T02:17:00+00:00", "raw")
    # 22:02 UTC on the 19th is the 19th or 20th everywhere: the 18th shown is another day.
    assert prefer_shown("2025-12-19T22:02:58+00:00", "raw", None, "Dec 18, 2025")[0] == "2025-12-18"


def test_a_shown_date_in_the_future_is_ignored():
    now = datetime(2025, 1, 1, tzinfo=datetime.now().astimezone().tzinfo)
    assert prefer_shown("2024-12-30", "raw", None, "March 3, 2026", now) == ("2024-12-30", "raw")


@pytest.mark.parametrize("text, expected", [
    ("November 18, 2019 11:03 PM", datetime(2019, 11, 18, 23, 3)),
    ("on Monday, November 18th, 2019 at 11:04 a.m.", datetime(2019, 11, 18, 11, 4)),
    ("12 Dec 2020 12:15 am", datetime(2020, 12, 12, 0, 15)),
    ("1er janvier 2020", date(2020, 1, 1)),
])
def test_ordinals_and_twelve_hour_clocks(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, month_first, expected", [
    ("3/4/2025", True, date(2025, 3, 4)),  # American English: month first
    ("3/4/2025", False, date(2025, 4, 3)),  # elsewhere: day first
    ("12.12.2025", True, date(2025, 12, 12)),
    ("13/11/2025 09:21", True, datetime(2025, 11, 13, 9, 21)),  # a part over 12 settles it
    ("10/12/2023 7:38:01 PM", True, datetime(2023, 10, 12, 19, 38)),
    ("Post time: 01-04-2024", True, date(2024, 1, 4)),
    ("2025/4/29", False, date(2025, 4, 29)),
    ("2023 Jan 7", True, date(2023, 1, 7)),  # citations
    ("build v1.2.2025", True, None),  # glued to a word: a version, not a date
    ("31/31/2025", True, None),
])
def test_all_number_dates_follow_the_page_convention(text, month_first, expected):
    assert parse_date(text, month_first) == expected


@pytest.mark.parametrize("lang, expected", [("en-US", True), ("en", True), (None, True), ("en-GB", False),
                                            ("de", False), ("fr-FR", False)])
def test_month_first_only_in_american_english(lang, expected):
    assert month_first_in(lang) is expected


def test_shown_all_number_date_is_read_the_page_way():
    assert prefer_shown(None, None, None, "04/03/2025", month_first=False) == ("2025-03-04", "04/03/2025")
