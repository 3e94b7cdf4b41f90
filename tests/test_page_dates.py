"""The date a page shows: weighed against the declared one, and found in the tree when none is declared."""

from __future__ import annotations

from datetime import datetime, timezone

import lxml.html

from newscrawl.extraction.article import extract_article
from newscrawl.extraction.header import header_lines
from newscrawl.extraction.page_dates import (in_page_offset, marked_date, originally_published, page_date,
                                             shown_published, url_date)

NOW = datetime(2026, 6, 1, tzinfo=timezone.utc)
STORY = "<p>" + "The night ferry to Saltholm Island waited two hours for the mail van and its late crates. " * 3 + "</p>"


def tree_of(body: str, lang: str = "en"):
    return lxml.html.document_fromstring(f'<html lang="{lang}"><head></head><body>{body}</body></html>')


def found(body: str, url: str = "https://example.test/story", lang: str = "en", modified: str | None = None):
    tree = tree_of(body, lang)
    return page_date(tree, url, *header_lines(tree), modified, NOW)


def shown(body: str, published: str | None, modified: str | None = None, url: str = "https://example.test/story",
          lang: str = "en"):
    tree = tree_of(body, lang)
    return shown_published(tree, url, published, published, modified, *header_lines(tree), NOW)


def test_dateline_under_the_headline():
    assert found(f"<h1>Ferry waits</h1><p>By Ada Lind</p><p>March 3, 2025</p>{STORY}")[0] == "2025-03-03"


def test_all_number_dateline_is_read_in_the_page_language():
    assert found(f"<h1>Ferry waits</h1><p>04/03/2025</p>{STORY}", lang="en-US")[0] == "2025-04-03"
    assert found(f"<h1>Ferry waits</h1><p>04/03/2025</p>{STORY}", lang="en-GB")[0] == "2025-03-04"
    assert found(f"<h1>Fähre wartet</h1><p>12.05.2025</p>{STORY}", lang="de")[0] == "2025-05-12"


def test_without_an_html_lang_the_language_meta_tags_say_how_all_number_dates_read():
    for head, day in (('<meta name="language" content="de">', "2015-10-12"),
                      ('<meta property="og:locale" content="en_GB">', "2015-10-12"), ("", "2015-12-10")):
        tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body><h1>Fähre wartet</h1>"
                                             f"<p>12.10.2015, 19:16 Uhr</p>{STORY}</body></html>")
        assert page_date(tree, "https://example.test/a", *header_lines(tree), None, NOW)[0][:10] == day


def test_an_update_dateline_counts_when_it_is_the_only_date_shown():
    assert found(f"<h1>Ferry waits</h1><p>Updated June 2, 2025</p>{STORY}")[0] == "2025-06-02"


def test_the_publication_dateline_beats_the_update_beside_it():
    assert found(f"<h1>Ferry waits</h1><p>Updated June 2, 2025</p><p>May 30, 2025</p>{STORY}")[0] == "2025-05-30"


def test_time_marked_as_publication_outside_the_header():
    body = (f"<h1>Ferry waits</h1>{STORY}{STORY}"
            '<p>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></p>')
    assert found(body)[0] == "2025-08-13"


def test_dates_of_related_stories_and_comments_are_not_the_page_date():
    body = (f"<h1>Ferry waits</h1>{STORY}"
            '<div class="related-posts"><span class="post-date">January 9, 2024</span></div>'
            '<ol class="comment-list"><li><time datetime="2025-02-01">Feb 1</time></li></ol>'
            '<div class="entry-meta"><span class="post-date">March 12, 2024</span></div>')
    assert found(body)[0] == "2024-03-12"


def test_story_container_named_after_its_layout_is_still_the_story():
    body = (f'<div class="story-template-sidebar"><h1>Ferry waits</h1>{STORY}'
            '<span class="post-date">March 12, 2024</span></div>')
    assert found(body)[0] == "2024-03-12"


def test_the_story_headline_after_a_site_name_headline_holds_the_story():
    # The first <h1> is the site's name, and a long blurb under it ends the header lines there; the
    # story's own container, named after its layout, is still the story.
    blurb = "<p>" + "Island Notes reports on the ferries, tides and councils of the outer islands. " * 3 + "</p>"
    body = (f'<header><h1>Island Notes</h1></header>{blurb}<div class="story-template-sidebar">'
            f'<h1>Ferry waits</h1><div class="story-date">May 31, 2024</div>{STORY}</div>')
    assert found(body)[0] == "2024-05-31"


def test_a_story_whose_only_headline_sits_in_an_aside_keeps_its_dates():
    body = (f'<aside class="content"><section><h1>Ferry waits</h1><div class="story-date">12.10.2015, 19:16</div>'
            f'{STORY}</section></aside>')
    assert found(body, lang="de")[0] == "2015-10-12T19:16:00"


def test_dateline_in_the_headlines_block_after_a_long_standfirst():
    dek = "<p>" + "How the island council kept the night ferry running through a winter of gearbox trouble. " * 2 + "</p>"
    header = ('<div class="post-header"><h1>Ferry waits</h1>{dek}<div class="credit"><div class="name">Ada Lind</div>'
              '<div class="text-date">August 25, 2024</div></div></div>')
    body = header.format(dek=dek) + STORY
    # The declared date, the same in datePublished and dateModified, is a re-stamp: the shown date wins.
    assert shown(body, "2025-06-24", "2025-06-24")[0] == "2024-08-25"
    assert found(body)[0] == "2024-08-25"
    # One the page calls an update does not.
    updated = body.replace('<div class="text-date">', '<span>Last updated:</span><div class="text-date">')
    assert shown(updated, "2023-02-01", "2025-06-24")[0] == "2023-02-01"
    machine = body.replace('<div class="text-date">August 25, 2024</div>',
                           '<time datetime="2025-12-17T09:30:00Z">Last updated: Dec 17, 2025</time>')
    assert shown(machine, "2023-02-01", "2025-06-24")[0] == "2023-02-01"
    stamped = body.replace('<div class="text-date">August 25, 2024</div>',
                           '<time datetime="2024-08-25T09:30:00Z">August 25, 2024</time>')
    assert found(stamped)[0] == "2024-08-25T09:30:00+00:00"


def test_a_date_labelled_published_counts_inside_an_aside():
    body = (f'<article><h1>Ferry waits</h1>{STORY}<aside><span class="post-date">January 3, 2024</span></aside>'
            '<aside class="facts"><div><h3>Published</h3><p><time datetime="2024-08-30T12:00:00Z">August 30, 2024'
            '</time></p></div></aside></article>')
    assert found(body)[0] == "2024-08-30T12:00:00+00:00"
    assert found(body.replace("<h3>Published</h3>", "<h3>More ferries</h3>")) == (None, None)


def test_an_ambiguous_all_number_date_is_read_as_the_pages_own_dates_read_it():
    body = f"<h1>Ferry waits</h1><p>03/10/2023</p>{STORY}"
    assert found(body)[0] == "2023-03-10"  # American English by default
    assert found(body, url="https://example.test/blog/2023/october/03/ferry-waits")[0] == "2023-10-03"
    listed = '<h4>Ferry waits</h4><time datetime="2025-12-02">December 02, 2025</time>'
    assert found(f"<h1>Ferry waits</h1><p>02-12-2025</p>{STORY}{listed}")[0] == "2025-12-02"


def test_url_day_in_words():
    assert url_date("https://example.test/blog/2023/october/03/ferry-waits") == "2023-10-03"
    assert url_date("https://example.test/blog/2023/ferries/03/ferry-waits") is None


def test_a_dateline_of_another_day_does_not_beat_a_declared_date_the_url_confirms():
    body = f'<h1>Ferry waits</h1><p>Recent articles</p><p>2022-04-12 Link to</p>{STORY}'
    url = "https://example.test/2021/01/18/ferry-waits"
    assert shown(body, "2021-01-18T19:55:00+01:00", url=url)[0] == "2021-01-18T19:55:00+01:00"
    assert shown(body, "2021-01-18T19:55:00+01:00")[0] == "2022-04-12"


def test_earliest_of_the_other_publication_meta_tags():
    # A build time stamped into one tag is later than the page's publication date in another.
    tree = lxml.html.document_fromstring(
        '<html><head><meta name="published-time" content="2026-03-09T08:45:32Z">'
        '<meta name="published-date" content="2021-02-16"></head>'
        f"<body><h1>Ferry waits</h1>{STORY}</body></html>")
    assert page_date(tree, "https://example.test/a", *header_lines(tree), None, NOW)[0] == "2021-02-16"


def test_publication_date_in_script_data():
    body = f'<h1>Ferry waits</h1>{STORY}<script>window.__DATA__ = {{"publishDate":"2025-05-27"}}</script>'
    assert found(body)[0] == "2025-05-27"


def test_short_line_of_text_that_is_mostly_a_date():
    assert found(f"{STORY}<div><span>Posted on April 13, 2023</span></div>{STORY}")[0] == "2023-04-13"


def test_url_day_then_the_modified_date_are_the_last_resorts():
    assert found(STORY, url="https://example.test/2024/03/05/ferry-waits/")[0] == "2024-03-05"
    assert url_date("https://example.test/2024/13/05/ferry") is None
    assert found(STORY, modified="2024-07-01T10:00:00+00:00")[0] == "2024-07-01T10:00:00+00:00"
    assert found(STORY) == (None, None)


def test_future_dates_are_not_taken():
    assert found(f"<h1>Ferry waits</h1><p>March 3, 2029</p>{STORY}") == (None, None)


def test_originally_published_line_wins_over_declared_and_shown():
    body = (f"<h1>Ferry waits</h1><p>30 Sep 2022</p>{STORY}"
            "<p>This story was originally published on 26 Sep 2019 and has been updated since.</p>")
    assert shown(body, "2022-09-30T11:07:00+10:00", lang="en-AU")[0] == "2019-09-26"


def test_marked_publication_time_takes_a_restamped_declared_date_back():
    body = (f"<h1>Ferry waits</h1>{STORY}"
            '<p>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></p>')
    assert shown(body, "2025-11-29T12:28:31-05:00", "2025-11-29T12:28:31-05:00")[0] == "2025-08-13"


def test_marked_time_later_than_the_declared_date_is_another_story():
    body = (f'<h1>Ferry waits</h1>{STORY}<div class="carousel">'
            '<span itemprop="datePublished" content="2025-12-16">December 16, 2025</span></div>')
    assert shown(body, "2024-11-13T06:36:52+00:00")[0] == "2024-11-13T06:36:52+00:00"
    assert marked_date(tree_of(body)) == ("2025-12-16", "2025-12-16")


def test_utc_timestamp_takes_the_page_offset_when_the_page_names_that_local_day():
    # 03:05 UTC on the 19th is 19:05 on the 18th on a site whose own times are UTC-8 and whose URL says the 18th.
    body = (f'<h1>Ferry waits</h1>{STORY}<span class="post-date"><time datetime="2025-12-18T19:05:00-08:00">'
            'Dec 18</time></span>')
    result = shown(body, "2025-12-19T03:05:00+00:00", url="https://example.test/2025/12/18/ferry-waits/")
    assert result[0] == "2025-12-18T19:05:00-08:00"
    # Without the local day named anywhere the UTC timestamp stays as declared.
    assert in_page_offset("2025-12-19T03:05:00+00:00", tree_of(body), set()) == "2025-12-19T03:05:00+00:00"


def test_utc_timestamp_takes_the_offset_of_the_time_naming_that_moment():
    # The page's times are mostly in winter time (-05:00); the one naming the declared moment says -04:00.
    times = "".join(f'<time datetime="2026-0{m}-09T16:17:27-05:00">Updated</time>' for m in (1, 2))
    body = (f'<h1>Ferry waits</h1><p>July 4, 2025</p>{STORY}<span class="post-date">'
            f'<time datetime="2025-07-04T20:04:00-04:00">July 4</time></span>{times}')
    assert shown(body, "2025-07-05T00:04:00+00:00")[0] == "2025-07-04T20:04:00-04:00"


def test_originally_published_needs_a_date():
    assert originally_published(tree_of("<p>This recipe was originally published in our spring issue.</p>")) is None


def test_extract_article_uses_the_page_pass_when_nothing_is_declared():
    html = (f'<html lang="en"><head><title>Ferry waits</title></head><body><article><h1>Ferry waits</h1>'
            f'<p class="byline">By Ada Lind</p><p class="dateline">12/01/2024</p>{STORY}{STORY}</article></body></html>')
    record = extract_article(html, "https://example.test/ferry-waits", now=NOW)
    assert record["published"] == "2024-12-01"
    assert record["published_raw"] == "12/01/2024"
