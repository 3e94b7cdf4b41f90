"""Page-level chrome rules on small fictional pages: what is pruned before trafilatura runs."""

from __future__ import annotations

from newscrawl.extraction import parse_page
from newscrawl.extraction.page_rules import prune_page_chrome
from newscrawl.extraction.parsing import element_text

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
            assert dict.get(texts, element) == element_text(element)


def test_promo_is_pruned_whatever_its_letters():
    # `ſ` is an `s` to a case-blind pattern, and lower() leaves it alone: the promo test must still run.
    for promo in ("Sign up for our newsletter", "SUBSCRIBE TO OUR weekly tide tables", "Subſcribe to our tide tables"):
        tree = parse_page(f"<html><body><article><p>{'The pier reopens after a winter of repairs. ' * 4}</p>"
                          f"<div>{promo}</div></article></body></html>")
        prune_page_chrome(tree)
        assert promo not in _text(tree)
        assert "The pier reopens" in _text(tree)


NEWSLETTER_STORY = [
    "The Harbour Ledger is my weekly newsletter about the fishing towns of the north coast.",
    "The newsletter started in 2019 as a list of tide tables that I sent to eleven friends.",
    "Each issue now carries one long report and a column of letters from skippers.",
    "What makes a newsletter worth opening on a Sunday morning?",
    "Readers told me the letters column is why they stay; the newsletter grew to four thousand readers.",
]


def _newsletter_page(extra: str = "") -> str:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in NEWSLETTER_STORY)
    return f"<html><body><article><h1>Five years of the Harbour Ledger</h1>{paragraphs}{extra}</article></body></html>"


def test_a_page_about_a_newsletter_keeps_its_sentences():
    tree = parse_page(_newsletter_page())
    prune_page_chrome(tree)
    text = _text(tree)
    assert all(sentence in text for sentence in NEWSLETTER_STORY)


def test_newsletter_promos_are_pruned_on_a_page_about_newsletters_too():
    box = ("<div class='promo'><h3>Harbour Ledger Newsletter</h3>"
           "<p>Get the newsletter in your inbox every Sunday.</p></div>")
    tree = parse_page(_newsletter_page(box))
    prune_page_chrome(tree)
    text = _text(tree)
    assert "Get the newsletter" not in text and "Harbour Ledger Newsletter" not in text
    assert all(sentence in text for sentence in NEWSLETTER_STORY)


def test_a_lone_newsletter_sentence_in_a_box_is_still_a_promo():
    page = ("<html><body><article><h1>Storm closes the ferry</h1><p>" + "The ferry did not sail. " * 12 + "</p>"
            "<aside><p>Our newsletter brings the week's harbour news every Friday.</p></aside></article></body></html>")
    tree = parse_page(page)
    prune_page_chrome(tree)
    assert "Our newsletter brings" not in _text(tree)


def test_links_listed_inside_a_sentence_stay():
    sentence = ("<li>Camp shoes (<strong><a href='https://shop.example/a'>Clogs</a></strong>, "
                "<strong><a href='https://shop.example/b'>Sandals</a></strong>, "
                "<strong><a href='https://shop.example/c'>Felt slippers</a></strong>, etc.)</li>")
    page = f"<html><body><article><h1>What to pack</h1><ul><li>A warm hat</li>{sentence}</ul></article></body></html>"
    tree = parse_page(page)
    prune_page_chrome(tree)
    assert "Camp shoes ( Clogs , Sandals , Felt slippers , etc.)" in _text(tree)


def test_a_comma_separated_tag_line_is_still_pruned():
    tags = ", ".join(f"<span class='tag'><a href='/tag/{t}'>{t}</a></span>" for t in ("Harbour", "Weather", "Ferries"))
    page = f"<html><body><article><h1>Storm</h1><div class='tags'>12.03.2026 in {tags}</div></article></body></html>"
    tree = parse_page(page)
    prune_page_chrome(tree)
    assert "Ferries" not in _text(tree)


def test_a_story_told_as_a_list_of_links_is_not_pruned_away():
    # The rules take the list for a link list; with it gone only the menu is left, which holds
    # no sentence: then the text comes from the page without the rules.
    from newscrawl.extraction import extract_article

    notes = [
        "The tide tables for the north harbour were printed for the last time this spring.",
        "Skippers now read the tides from a board at the end of the pier, updated each morning.",
        "The harbour master says the board has been right on every tide since it went up in March.",
        "A copy of the old printed tables is kept in the museum by the fish market.",
    ]
    items = "".join(f"<li><a href='/notes/{i}'>{note}</a></li>" for i, note in enumerate(notes))
    page = (f"<html><head><title>Harbour notes</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
            f"</nav><main><h1>Harbour notes</h1><ul class='notes'>{items}</ul></main>"
            f"<footer><span>Contact</span> <span>Imprint</span></footer></body></html>")
    assert extract_article(page, "https://harbour.example/notes")["text"] == "\n".join(notes)


def test_a_list_of_links_the_text_announces_stays():
    # A changelog's items are each one link, as a "related stories" list's are; the sentence
    # ending in a colon right before it says the list is the text's own.
    fixes = ["Net winch: fix the brake on steep slipways", "Net winch: allow a slower haul speed",
             "Net winch: report the drum temperature", "Net winch: stop at the marked depth"]
    items = "".join(f"<li><p><a href='https://code.example/winch/pull/{i}'>{fix}</a></p></li>"
                    for i, fix in enumerate(fixes))
    page = ("<html><body><article><h1>Winch report, March</h1><div class='section'>"
            "<div class='paragraph'><p>It was a busy month for the winch controller.</p></div>"
            "<div class='paragraph'><p>Four changes were merged this month:</p></div>"
            f"<div class='list'><ul>{items}</ul></div>"
            "<div class='paragraph'><p>The next release goes to the boats in April.</p></div></div>"
            "<p>Related:</p><ul><li><a href='/a'>Winch report, February</a></li>"
            "<li><a href='/b'>Winch report, January</a></li><li><a href='/c'>Our new slipway</a></li></ul>"
            "</article></body></html>")
    tree = parse_page(page)
    prune_page_chrome(tree)
    text = _text(tree)
    assert all(fix in text for fix in fixes)
    assert "Winch report, February" not in text  # a label is no lead-in: that list still goes


def test_words_inside_a_sentence_are_not_pruned_as_a_promo():
    # `<strong>weekly newsletters</strong>` alone would look like a promo box's heading; inside a
    # sentence it is the sentence's words, and removing it garbles the text.
    sentence = ("First I sort the <strong>weekly newsletters</strong> by how many skippers wrote back, "
                "then I read the top ten on the morning ferry.")
    promo = "<p>Enjoyed this? <span>Sign up for our newsletter</span></p>"
    tree = parse_page(_newsletter_page(f"<p>{sentence}</p>{promo}"))
    prune_page_chrome(tree)
    text = _text(tree)
    assert "First I sort the weekly newsletters by how many skippers wrote back" in text
    assert "Sign up for our newsletter" not in text  # a promo beside two words is still one


def test_talk_of_subscribers_and_email_is_no_call_to_sign_up():
    # On a page about newsletters, a sentence that counts subscribers or names email as a medium
    # asks nothing of the reader: it is the story's, as "Get the newsletter in your inbox" is not.
    sentence = "The Ledger passed four thousand subscribers this winter, most of them reading its newsletter as email."
    tree = parse_page(_newsletter_page(f"<p>{sentence}</p>"))
    prune_page_chrome(tree)
    assert sentence in _text(tree)


def test_words_in_a_sentence_cut_into_spans_are_not_pruned():
    # Some editors wrap every run of a paragraph in its own <span>: the words around the
    # inline element are then in its siblings, not loose in the paragraph.
    paragraph = ("<p><span>Next I pick out my </span><strong>best-read newsletters</strong>"
                 "<span> - the issues that skippers answered, printed or passed on.</span></p>")
    tree = parse_page(_newsletter_page(paragraph))
    prune_page_chrome(tree)
    assert "Next I pick out my best-read newsletters - the issues" in _text(tree)
