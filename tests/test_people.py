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
