"""search_author: trafilatura's last-resort author search, same answers without its cost."""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.metadata import extract_author
from trafilatura.utils import load_html as trafilatura_load_html

from newscrawl.extraction.author_search import search_author
from newscrawl.extraction.parsing import load_html


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Harbour Courier</title>{head}</head><body>{body}<p>The ferry left at noon.</p></body></html>"


CASES = {
    "author class": ('<div class="author">Mara Lindqvist</div>', "Mara Lindqvist"),
    # The date inside the byline is deleted first; the words after it join the text before it.
    "date inside": ('<p class="byline">By Tomas<time>May 3</time> Berg, <time>9:00</time>staff</p>',
                    "Tomas Berg; Staff"),
    "glued tail": ('<span class="author-name">Ada<span class="date">x</span>Okonkwo</span>', "AdaOkonkwo"),
    "commenter": ('<section id="comments"><span class="author">Jo Quill</span></section>'
                  '<span class="byline">Ines Marlow</span>', "Ines Marlow"),
    "sidebar": ('<div class="sidebar-box"><a rel="author" href="/a">Pell Varga</a></div>'
                '<div class="post-author">Wren Hollis</div>', "Wren Hollis"),
    "figure credit": ('<figure><span class="author">Photo Desk</span></figure>'
                      '<div class="entry-writer">Odile Fenn</div>', "Odile Fenn"),
    "specific before generic": ('<div class="byline">Nils Arden</div><span class="author-name">Cato Brill</span>',
                                "Cato Brill"),
    "last resort": ('<li class="Byline__name">Ruth Keel</li>', "Ruth Keel"),
    "chinese id": ('<span id="zuozhe_1">Li Wen</span>', "Li Wen"),
    "too long": ('<div class="author-bio">' + "Words about the writer. " * 10 + "</div>", None),
    "too short": ('<span class="author">Al</span>', None),
    "link": ('<span class="author"><a href="https://example.org/pell">https://example.org/pell</a></span>', None),
    "nothing": ('<div class="story">No marks here.</div>', None),
    "comments only": ('<div class="comments"><span class="author">Jo Quill</span></div>', None),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("parse", [load_html, trafilatura_load_html], ids=["ours", "trafilatura's"])
def test_same_answer_as_trafilatura(name, parse):
    body, expected = CASES[name]
    tree = parse(page(body))
    assert search_author(tree) == expected
    assert extract_author(parse(page(body))) == expected  # the reference, on a fresh tree


def test_page_with_author_elements_is_left_to_trafilatura():
    tree = load_html(page('<author>Ines Marlow</author><div class="byline">Nils Arden</div>'))
    assert search_author(tree) == extract_author(tree) == "Ines Marlow"


def test_tree_is_left_unchanged():
    tree = load_html(page('<p class="byline">By Tomas <time>May 3</time> Berg</p>'))
    before = etree.tostring(tree, encoding="unicode")
    assert search_author(tree) == "Tomas Berg"
    assert etree.tostring(tree, encoding="unicode") == before
