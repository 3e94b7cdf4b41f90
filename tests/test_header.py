"""The header under a headline: its `By …` line and its dateline, as a reader sees them."""

from __future__ import annotations

import lxml.html

from newscrawl.extraction.header import header_byline, header_date, header_lines
from newscrawl.extraction.names import split_byline

STORY = "<p>" + "The harbour ferry to Saltholm Island ran late all week while the crew waited for parts. " * 3 + "</p>"


def lines(body: str):
    return header_lines(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))


def test_by_line_with_names_in_their_own_links():
    before, after = lines('<article><h1>Ferry runs late</h1><p class="meta">By <a href="/p/1">Mara Lindqvist</a>, '
                          '<a href="/p/2">Tomas Berg</a> and <a href="/p/3">Ada Okonkwo</a> · 3 March 2024</p>'
                          f"{STORY}</article>")
    assert split_byline(header_byline(after))[0] == ["Mara Lindqvist", "Tomas Berg", "Ada Okonkwo"]
    assert header_date(before, after) == "· 3 March 2024"


def test_written_by_label_then_the_name_in_the_next_element():
    _, after = lines('<h1>Ferry runs late</h1><div><p>Written by</p><p>Kari Lund</p></div>'
                     f"<div><p>Table of contents</p></div>{STORY}")
    assert header_byline(after) == ["Kari Lund"]


def test_name_and_date_on_one_line_end_at_the_date():
    _, after = lines(f"<h1>Ferry runs late</h1><p>by: Ola Nordmann, Dec 17, 2025</p>{STORY}")
    assert header_byline(after) == ["Ola Nordmann"]


def test_a_word_that_starts_like_a_label_is_not_one():
    _, after = lines(f"<h1>Router guide</h1><p>Port Forwarding</p><p>Open a port</p>{STORY}")
    assert header_byline(after) == []


def test_the_body_ends_the_header():
    _, after = lines(f"<h1>Ferry runs late</h1>{STORY}<p>By Someone Else</p>")
    assert header_byline(after) == []


def test_the_date_nearest_the_headline_wins_over_a_sidebar_date_below():
    before, after = lines('<div><span>6 min read</span><span>January 16, 2025</span><h1>Ferry runs late</h1>'
                          "<p>Written by:</p><p>Kari Lund</p><p>Most popular</p><p>Bus fares rise</p>"
                          f"<p>July 15, 2025</p></div>{STORY}")
    assert header_date(before, after) == "January 16, 2025"


def test_an_update_line_is_not_the_dateline():
    before, after = lines(f"<h1>Ferry runs late</h1><p>Last updated</p><p>Aug 4, 2025</p>{STORY}")
    assert header_date(before, after) is None
    before, after = lines(f"<h1>Ferry runs late</h1><p>Updated on 23 Oct 2025</p>{STORY}")
    assert header_date(before, after) is None


def test_page_without_h1_has_no_header():
    assert lines(STORY) == ([], [])


def test_a_sentence_that_starts_with_by_is_not_a_byline():
    _, after = lines("<h1>Label sold</h1><p>The label was bought</p>"
                     "<p>by talent manager Jo Roe earlier this year.</p>" + STORY)
    assert header_byline(after) == []


def test_a_photo_caption_is_not_the_dateline():
    before, after = lines("<h1>Port traffic</h1><figure><img src='a.jpg'><figcaption>A ship leaves the port "
                          "on Aug. 31, 2019.</figcaption></figure><p>A cargo crane lifts containers, Aug. 31, "
                          "2019, in the harbour.</p><p>on Monday, November 18th, 2019 at 11:04 p.m.</p>" + STORY)
    assert header_date(before, after) == "on Monday, November 18th, 2019 at 11:04 p.m."


def test_label_above_a_dateline_that_sits_above_the_headline_is_read():
    # Above the headline the lines are listed nearest first: the label is the one after the date.
    before, after = lines('<div><span>Updated:</span><span>May 4, 2024</span></div><h1>Ferry runs late</h1>'
                          f"{STORY}")
    assert header_date(before, after) is None
    assert header_date(before, after, updates=True) == "May 4, 2024"


def test_received_and_accepted_dates_are_not_the_publication():
    _, after = lines(f"<h1>Ferry runs late</h1><p>Received 2022 Oct 12</p>{STORY}")
    assert header_date([], after) is None
