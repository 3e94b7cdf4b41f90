"""Choosing the original: agency site, believable earliest date, completeness, tie-breaks."""

from __future__ import annotations

from itertools import permutations

from newscrawl.fingerprint.provenance import choose_original, plausible_dates
from newscrawl.store import DocRow

DAY = 86400.0
T0 = 1.8e9
NOW = T0 + 400 * DAY


def doc(url, published=None, fetched=T0 + DAY, size=100, wire=None, site=None):
    return DocRow(url=url, content=0, site=site or url.split("/")[2].removeprefix("www."), wire=wire,
                  published=published, fetched=fetched, size=size)


def original(rows):
    """The chosen url, checked to be the same for every order of the rows."""
    chosen = {rows_[choose_original(rows_, NOW)].url for rows_ in map(list, permutations(rows))}
    assert len(chosen) == 1
    return chosen.pop()


def test_the_agency_site_wins_for_a_credited_wire_story():
    rows = [doc("https://www.kvtn7.com/a", published=T0 - DAY, wire="AP"),
            doc("https://apnews.com/article/a", published=T0, wire="AP", size=50),
            doc("https://capitatum.com/a", published=T0 - 2 * DAY)]
    assert original(rows) == "https://apnews.com/article/a"


def test_the_agency_site_needs_the_agency_credited():
    rows = [doc("https://www.reuters.com/a", published=T0), doc("https://kvtn7.com/a", published=T0 - DAY)]
    assert original(rows) == "https://kvtn7.com/a"


def test_earliest_believable_date_wins():
    rows = [doc("https://b.example/a", published=T0 + 3600), doc("https://c.example/a", published=T0)]
    assert original(rows) == "https://c.example/a"


def test_a_date_after_the_fetch_is_not_believable():
    rows = [doc("https://mirror.example/a", published=T0 - 10 * DAY, fetched=T0 - 20 * DAY),
            doc("https://paper.example/a", published=T0)]
    assert plausible_dates(rows, NOW) == [False, True]
    assert original(rows) == "https://paper.example/a"


def test_a_mirror_date_months_after_the_evidence_never_wins():
    # The paper gives no date but was fetched early; the mirror's date is before its own
    # fetch, yet months after the text provably existed.
    rows = [doc("https://paper.example/a", published=None, fetched=T0),
            doc("https://a-mirror.example/a", published=T0 + 90 * DAY, fetched=T0 + 92 * DAY, size=120)]
    assert plausible_dates(rows, NOW) == [False, False]
    assert original(rows) == "https://paper.example/a"


def test_without_dates_the_most_complete_text_wins_then_the_earliest_fetch_then_the_url():
    assert original([doc("https://a.example/x", size=40), doc("https://b.example/x", size=90)]) == \
        "https://b.example/x"
    assert original([doc("https://a.example/x", fetched=T0 + 5), doc("https://b.example/x", fetched=T0)]) == \
        "https://b.example/x"
    assert original([doc("https://b.example/x"), doc("https://a.example/x")]) == "https://a.example/x"
