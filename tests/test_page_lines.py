"""Which elements are whole lines of a page's text: a word inside a sentence never is."""

from __future__ import annotations

import lxml.html
import pytest

from newscrawl.extraction.page_lines import PageLines, is_whole

CASES = [  # (page body, xpath of the element, whole?)
    ("<p>Der Rat stimmte gegen die <a href='/t/n'>Nordmark</a> und den Westen.</p>", "//a", False),
    ("<p><a href='/t/m'>Möwen</a>-Spielmacher Ilja Brandt traf.</p>", "//a", False),
    ("<p>Die Stadt ist aufs <strong>Essen</strong> fixiert.</p>", "//strong", False),
    ("<p>Am <time>3. Mai</time> beginnt der Markt.</p>", "//time", False),
    ("<ul><li><a href='/t/n'>Nordmark</a></li></ul>", "//a", True),
    ("<ul><li><a href='/t/n'>Nordmark</a></li></ul>", "//li", True),
    ("<p><strong>Nordmark</strong></p>", "//strong", True),
    ("<div class='tags'>Tags: <a href='/t/n'>Nordmark</a>, <a href='/t/e'>Essen</a></div>", "//a[1]", False),
    ("<div class='stars'><span>veryGood! (95)</span></div>", "//span", True),
    ("<blockquote><p>Wir bauen weiter, sagte sie.</p><p><em>Nordmark</em></p></blockquote>", "//p[2]", False),
    ("<ul><li>Erster Punkt <div>Nordmark</div></li></ul>", "//div", False),
    ("<table><tr><td>Nordmark</td><td>402</td></tr></table>", "//td[1]", False),
    ("<table><tr><td>Nordmark</td></tr><tr><td>402</td></tr></table>", "//td[1]", True),
    ("<table><tr><td><p>Ein Absatz der Geschichte.</p><p>Nordmark</p></td><td>x</td></tr></table>", "//p[2]", True),
]


@pytest.mark.parametrize("body, path, whole", CASES, ids=[f"{i}-{c[2]}" for i, c in enumerate(CASES)])
def test_is_whole(body, path, whole):
    tree = lxml.html.document_fromstring(f"<html><body>{body}</body></html>")
    assert is_whole(tree.xpath(path)[0], PageLines(tree)) is whole
