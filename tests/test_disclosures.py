"""Collapsed panels: an accordion's answers are text, a closed menu is not."""

from __future__ import annotations

from newscrawl.extraction import extract_article, parse_page
from newscrawl.extraction.disclosures import reveal_collapsed

STORY = [
    "The harbour trust voted on Tuesday to keep the old fish market open through the winter, reversing a plan "
    "to close it in October.",
    "Traders had collected more than two thousand signatures in three weeks, most of them from people who buy "
    "their fish there every Friday.",
]
ANSWER = ("The first stage starts in November and should take six weeks, weather permitting, the trust's "
          "engineer told the meeting on Tuesday night.")


def _page(panel: str) -> str:
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    return (f"<html><body><nav><ul class='collapse' id='menu'><li><a href='/'>Home</a></li>"
            f"<li><a href='/news'>News from the harbour and the fish market</a></li>"
            f"<li><a href='/about'>About the harbour trust and its members</a></li></ul></nav>"
            f"<article><h1>Fish market stays open</h1>{story}{panel}</article></body></html>")


def test_an_accordion_answer_is_text():
    panel = ("<div class='faq'><button aria-controls='a1'>How long will the works take?</button>"
             f"<div id='a1' role='region' style='display:none;'><p>{ANSWER}</p></div></div>")
    assert extract_article(_page(panel), "https://harbour.example/news/fish-market")["text"].endswith(ANSWER)


def test_a_panel_hidden_by_its_class_is_revealed_and_a_closed_menu_is_not():
    panel = f"<div class='accordion'><div class='accordion-body collapse'><p>{ANSWER}</p></div></div>"
    tree = parse_page(_page(panel))
    assert reveal_collapsed(tree) == 1
    assert tree.xpath("//div[contains(@class, 'accordion-body')]/@class") == ["accordion-body"]
    assert tree.xpath("//ul/@class") == ["collapse"]  # in the navigation, and only links
