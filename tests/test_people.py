"""page_authors: structured data, the byline block, and what is not the page's byline."""

from __future__ import annotations

import lxml.html

from newscrawl.extraction.people import page_authors

OUTLETS = ["Harbour Courier", "harbourcourier.example", "harbourcourier"]


def tree(body: str):
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def test_byline_block_naming_more_people_wins_over_structured_data():
    page = tree('<article><div class="byline">By Mara Lindqvist, Tomas Berg and Ada Okonkwo</div>'
                "<p>Story.</p></article>")
    assert page_authors(page, ["Mara Lindqvist"], OUTLETS, False)[0] == ["Mara Lindqvist", "Tomas Berg", "Ada Okonkwo"]


def test_author_boxes_of_related_stories_and_commenters_are_not_bylines():
    page = tree('<main><article><div><div><span class="author">Mara Lindqvist</span></div></div><p>Story.</p>'
                "</article></main>"
                '<aside><ul><li><div><div><span class="author">Tomas Berg</span></div></div></li></ul></aside>'
                '<section id="comments"><div class="comment"><span class="author">Jane Roe</span></div></section>')
    assert page_authors(page, [], OUTLETS, False)[0] == ["Mara Lindqvist"]


def test_agency_beside_the_name_on_the_byline_line_is_the_credit():
    page = tree('<div class="attribution"><span class="author">Tom Roe</span> '
                '<span class="publication">Associated Press</span></div><p>Story.</p>')
    authors, agency, _ = page_authors(page, ["Tom Roe"], OUTLETS, False)
    assert authors == ["Tom Roe"] and agency == "AP"


def test_hinted_authors_are_taken_as_they_are():
    page = tree('<div class="byline">By Mara Lindqvist and Tomas Berg</div>')
    assert page_authors(page, ["Ada Okonkwo"], OUTLETS, True)[0] == ["Ada Okonkwo"]


STORY = "<p>" + "The harbour ferry to Saltholm Island ran late all week while the crew waited for parts. " * 3 + "</p>"


def test_by_line_under_the_headline_names_the_author():
    from newscrawl.extraction.header import header_lines  # noqa
    page = tree(f'<h1>Ferry runs late</h1><p><span>By</span> <a href="/staff/kl">Kari Lund</a></p>{STORY}')
    assert page_authors(page, [], OUTLETS, False, header_lines(page)[1])[0] == ["Kari Lund"]


def test_by_line_under_the_headline_adds_the_co_authors_structured_data_left_out():
    from newscrawl.extraction.header import header_lines  # noqa
    page = tree(f"<h1>Ferry runs late</h1><p>By Mara Lindqvist, Tomas Berg and Ada Okonkwo</p>{STORY}")
    assert page_authors(page, ["Mara Lindqvist"], OUTLETS, False, header_lines(page)[1])[0] == \
        ["Mara Lindqvist", "Tomas Berg", "Ada Okonkwo"]


def test_jobs_after_the_name_in_the_header_are_not_co_authors():
    from newscrawl.extraction.header import header_lines  # noqa
    page = tree(f"<h1>Ferry runs late</h1><p>By Mara Lindqvist, harbour desk, Veloria</p>{STORY}")
    assert page_authors(page, ["Mara Lindqvist"], OUTLETS, False, header_lines(page)[1])[0] == ["Mara Lindqvist"]


def test_link_to_an_author_page_that_spells_the_name():
    page = tree('<div class="meta"><a href="/tag/ferries/">Ferries</a> '
                '<a href="https://harbourcourier.example/author/kari-lund/">Kari Lund</a></div>'
                f'{STORY}<aside><a href="/author/tomas-berg/">Tomas Berg</a></aside>')
    assert page_authors(page, [], OUTLETS, False)[0] == ["Kari Lund"]


def test_author_link_whose_text_is_not_the_name_is_not_a_byline():
    page = tree(f'<a href="/author/kari-lund/">More from this writer</a>{STORY}')
    assert page_authors(page, [], OUTLETS, False)[0] == []
