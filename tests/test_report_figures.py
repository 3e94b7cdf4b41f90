"""The report's figures on small hand-made corpora: lags, credit, excerpts, fake dates, filters, networks."""

from __future__ import annotations

import pytest

from newscrawl.report.data import Corpus, Member, Story
from newscrawl.report.figures import HOUR, Filters, compute, copy_rows, story_label
from newscrawl.report.networks import MIN_COTIMED_STORIES, template_links, timing_links

T0 = 1_780_000_000.0  # the originals' time
NOW = T0 + 60 * 86400
DAY = 86400.0


def member(url, relation="duplicate", wire=None, published=None, fetched=NOW - DAY, lastmod=None, title=None):
    site = url.split("/")[2]
    return Member(url, site, relation, wire, published, fetched, lastmod, title)


def story(key, *copies, agency="AP", site="apnews.com", title=None):
    original = member(f"https://{site}/{key}", "original", agency, T0, title=title)
    return Story(f"c-{key}", (original, *copies))


def corpus(*stories, articles=100, templates=None):
    return Corpus("test", articles, list(stories), templates or {}, NOW)


def test_lag_comes_from_the_copys_date_else_its_lastmod_else_its_fetch():
    s = story("a",
              member("https://dated.example/a", wire="AP", published=T0 + 2 * HOUR),
              member("https://sitemap.example/a", lastmod=T0 + 5 * HOUR),
              member("https://fetched.example/a", fetched=T0 + 9 * HOUR))
    rows = {r.site: r for r in copy_rows(s, NOW)}
    assert (rows["dated.example"].lag, rows["dated.example"].basis) == (2 * HOUR, "date")
    assert (rows["sitemap.example"].lag, rows["sitemap.example"].basis) == (5 * HOUR, "lastmod")
    assert (rows["fetched.example"].lag, rows["fetched.example"].basis) == (9 * HOUR, "fetch")
    assert [r.dated for r in rows.values()] == [True, False, False]
    assert [r.timed for r in rows.values()] == [True, True, False]


def test_fake_dates_are_named_and_never_used_as_the_copys_time():
    s = story("a",
              member("https://future.example/a", published=NOW + 30 * DAY, fetched=NOW - DAY),
              member("https://early.example/a", published=T0 - 2 * DAY, lastmod=T0 + HOUR),
              member("https://late.example/a", published=T0 + 45 * DAY, fetched=T0 + 50 * DAY),
              member("https://zone.example/a", published=T0 - 10 * HOUR))  # a time-zone slip, not a fake
    rows = {r.site: r for r in copy_rows(s, NOW)}
    assert rows["future.example"].date_problem == "future" and rows["future.example"].basis == "fetch"
    assert rows["early.example"].date_problem == "before_original"
    assert (rows["early.example"].lag, rows["early.example"].basis) == (HOUR, "lastmod")
    assert rows["late.example"].date_problem == "months_late"
    assert rows["zone.example"].date_problem is None and rows["zone.example"].lag == -10 * HOUR


def test_site_table_counts_credit_excerpts_and_quantiles():
    stories = [story(f"s{n}", member(f"https://copier.example/{n}", "excerpt" if n < 2 else "duplicate",
                                     wire="AP" if n % 2 else None, published=T0 + (n + 1) * HOUR))
               for n in range(10)]
    stories.append(story("local", member("https://copier.example/local", published=T0 + HOUR),
                         agency=None, site="local.example"))
    figures = compute(corpus(*stories))
    (site,) = figures.sites
    assert (site.site, site.copies, site.stories) == ("copier.example", 11, 11)
    assert site.agency_copies == 10 and site.credit_share == 0.5 and site.uncredited == 5
    assert site.excerpt_share == pytest.approx(2 / 11)
    assert site.median_lag == pytest.approx(5 * HOUR)  # lags 1,1,2,...,10 h: the 6th of 11
    assert site.p90_lag == pytest.approx(9 * HOUR)
    assert site.no_date_share == 0 and site.untimed_share == 0
    assert len(figures.uncredited) == 5 and all(r.agency == "AP" and not r.credited for r in figures.uncredited)
    assert figures.originals_by_agency == {"AP": 10, "none": 1}
    assert figures.copies == 11 and figures.copy_share == pytest.approx(11 / 100)
    assert figures.matrix == {("apnews.com", "copier.example"): 10, ("local.example", "copier.example"): 1}


def test_the_originals_own_site_versions_are_not_copies():
    s = story("a", member("https://apnews.com/a-update", "version", "AP", T0 + HOUR),
              member("https://copier.example/a", "version", "AP", T0 + 2 * HOUR))
    assert [r.site for r in copy_rows(s, NOW)] == ["copier.example"]


def test_filters_by_time_agency_and_site():
    early = story("early", member("https://x.example/early"))
    late = Story("c-late", tuple(Member(m.url, m.site, m.relation, m.wire, T0 + 10 * DAY if m.relation == "original"
                                        else None, m.fetched) for m in story("late", member("https://y.example/l")).members))
    local = story("local", member("https://y.example/local"), agency=None, site="local.example")
    data = corpus(early, late, local)
    assert compute(data).stories == 3
    assert compute(data, Filters(since=T0 + DAY)).stories == 1
    assert compute(data, Filters(until=T0 + DAY)).stories == 2
    assert compute(data, Filters(agency="ap")).stories == 2
    assert compute(data, Filters(sites=("y.example",))).stories == 2
    assert compute(data, Filters(sites=("local.example",))).copies == 1


def test_sites_with_one_template_form_a_network_and_commonplace_blocks_do_not():
    mirror = frozenset({"nav", "related", "ranking", "rating", "disclaimer", "junk1", "junk2"})
    templates = {"m1.example": mirror | {"m1"}, "m2.example": mirror | {"m2"},
                 "other.example": frozenset({"nav", "related", "subscribe", "o1", "o2", "o3", "o4", "o5", "o6"})}
    links = template_links(templates, set(templates))
    assert [(a, b) for a, b, _ in links] == [("m1.example", "m2.example")]


def test_sites_copying_the_same_stories_within_minutes_form_a_network():
    stories = []
    for n in range(MIN_COTIMED_STORIES):
        stories.append(story(f"s{n}", member(f"https://m1.example/{n}", published=T0 + (n + 1) * HOUR),
                             member(f"https://m2.example/{n}", published=T0 + (n + 1) * HOUR + 120),
                             member(f"https://slow.example/{n}", published=T0 + (n + 3) * HOUR),
                             # fetched within a second of the others: a crawl's clock, not evidence
                             member(f"https://crawled.example/{n}", fetched=T0 + (n + 1) * HOUR)))
    rows = [row for s in stories for row in copy_rows(s, NOW)]
    assert [(a, b, k) for a, b, k in timing_links(rows)] == [("m1.example", "m2.example", MIN_COTIMED_STORIES)]
    figures = compute(corpus(*stories))
    assert [n.sites for n in figures.networks] == [("m1.example", "m2.example")]
    assert figures.networks[0].copies == 2 * MIN_COTIMED_STORIES


def test_spread_holds_the_top_stories_dated_copies_in_hours():
    big = story("big", *[member(f"https://c{n}.example/big", published=T0 + n * HOUR) for n in range(1, 4)],
                member("https://undated.example/big"), title="Big story")
    small = story("small", member("https://c1.example/small", published=T0 + HOUR))
    figures = compute(corpus(small, big))
    assert figures.spread[0] == ("Big story", [1.0, 2.0, 3.0])


def test_a_story_without_a_title_is_named_from_its_url():
    s = story("freight-train-derails-in-millbrook-0123456789abcdef0123456789abcdef")
    assert story_label(s) == "Freight train derails in millbrook"
