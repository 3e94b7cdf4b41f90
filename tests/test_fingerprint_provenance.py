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


PARAS = [
    "HARBOR CITY, Veloria — The harbor authority approved a plan on Tuesday to dredge the main shipping channel, "
    "a project that will close the north basin to large vessels for most of next summer.",
    "The work will deepen the channel by two meters so that the newest container ships can reach the port "
    "without waiting for the tide, the authority's director, Maren Oyelaran, told the board.",
    "Fishing crews who moor in the north basin will be moved to temporary berths at the old ferry pier, and "
    "the authority said it would pay for the move and for any lost days at sea.",
    "Dredging is expected to begin in April and to last about five months, weather permitting, with the spoil "
    "taken by barge to a licensed disposal site far offshore.",
]


def fingerprints_of(*texts):
    from newscrawl.fingerprint.shingles import fingerprint
    return [fingerprint("\n\n".join(t)) for t in texts]


def test_a_bad_clock_within_14_hours_does_not_beat_the_containing_uncredited_text():
    # The partner wrote local time as UTC: its trimmed, credited copy looks 5 hours older.
    publisher = doc("https://harborcourier.example/dredging", published=T0, size=120)
    partner = doc("https://partner.example/dredging", published=T0 - 5 * 3600, size=60, wire="Harbor Courier")
    fps = fingerprints_of(PARAS, PARAS[:2])
    for rows, prints in (([publisher, partner], fps), ([partner, publisher], fps[::-1])):
        assert rows[choose_original(rows, NOW, prints)].url == publisher.url


def test_dates_further_apart_than_any_time_zone_still_decide():
    publisher = doc("https://harborcourier.example/dredging", published=T0, size=120)
    partner = doc("https://partner.example/dredging", published=T0 - 15 * 3600, size=60, wire="AP")
    fps = fingerprints_of(PARAS, PARAS[:2])
    assert [publisher, partner][choose_original([publisher, partner], NOW, fps)].url == partner.url


def test_among_equal_texts_within_the_window_the_page_that_credits_no_one_wins():
    own = doc("https://harborcourier.example/dredging", published=T0)
    credited = doc("https://partner.example/dredging", published=T0 - 3 * 3600, wire="AP")
    fps = fingerprints_of(PARAS, PARAS)
    assert [own, credited][choose_original([own, credited], NOW, fps)].url == own.url
    assert original([own, credited]) == own.url  # without fingerprints too
