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
