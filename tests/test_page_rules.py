"""Page-level chrome rules on small fictional pages: what is pruned before trafilatura runs."""

from __future__ import annotations

from newscrawl.extraction import parse_page
from newscrawl.extraction.page_rules import prune_page_chrome

PAGE = """<html><body><article>
<h1>Lighthouse keepers' cottages to become a field station</h1>
<p>The three cottages below the Skerrin Point light will house visiting marine biologists from next spring,
the trust that owns them said on Monday.</p>
<div class="more-text" style="display: none"><p>Until the 1980s the keepers' families lived there all year.</p></div>
</article>
<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">
  <h1 itemprop="name">Lighthouse keepers' cottages to become a field station</h1>
  <div itemprop="description"><p>The three cottages below the Skerrin Point light will...</p></div>
  <div itemprop="articleBody">The three cottages below the Skerrin Point light will house visiting marine
  biologists from next spring, the trust that owns them said on Monday.</div>
</div>
</body></html>"""


def _text(tree) -> str:
    return " ".join(" ".join(tree.itertext()).split())


def test_hidden_microdata_copy_is_pruned():
    tree = parse_page(PAGE)
    prune_page_chrome(tree)
    text = _text(tree)
    assert text.count("The three cottages below the Skerrin Point light") == 1
    assert "will..." not in text


def test_other_hidden_text_is_kept():
    # A "read more" expander is hidden too, but it holds the story: only microdata copies go.
    tree = parse_page(PAGE)
    prune_page_chrome(tree)
    assert "Until the 1980s the keepers' families lived there all year." in _text(tree)


def test_small_elements_text_is_put_together_as_read_whole():
    # Text glued across inline tags, comments, odd spaces, nested blocks: each small element's
    # text, assembled from its children's in the bottom-up pass, reads as its whole text does.
    import lxml.html

    from newscrawl.extraction import page_rules

    tree = lxml.html.document_fromstring(
        "<html><body><div><p>Tide <b>N</b>ow<!-- note -->\u00a0at <i>six</i>\n\n<br>tonight.</p>"
        "<div> <span>Harbour</span><span>master</span> <a href='/x'>said</a>\tso </div>"
        "<ul><li><a href='/a'>Ferry times</a></li><li> <!--x--> </li><li><a href='/b'>Pier<br>works</a> ok</li></ul>"
        "</div><p></p></body></html>"
    )
    texts = page_rules._Texts()
    page_rules._block_rules(tree, texts)
    for element in tree.iter(lxml.etree.Element):
        if len(element.text_content()) <= page_rules._SMALL_BLOCK:
            assert dict.get(texts, element) == page_rules._text(element)


def test_promo_is_pruned_whatever_its_letters():
    # `ſ` is an `s` to a case-blind pattern, and lower() leaves it alone: the promo test must still run.
    for promo in ("Sign up for our newsletter", "SUBSCRIBE TO OUR weekly tide tables", "Subſcribe to our tide tables"):
        tree = parse_page(f"<html><body><article><p>{'The pier reopens after a winter of repairs. ' * 4}</p>"
                          f"<div>{promo}</div></article></body></html>")
        prune_page_chrome(tree)
        assert promo not in _text(tree)
        assert "The pier reopens" in _text(tree)
