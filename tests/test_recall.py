"""The recall-leaning second pass: taken where trafilatura's default pass keeps little of a page."""

from __future__ import annotations

from newscrawl.extraction import extract_article, parse_page
from newscrawl.extraction.recall import fuller_paragraphs

STORY = [
    "The harbour trust voted on Tuesday to keep the old fish market open through the winter, reversing a plan "
    "to close it in October.",
    "Traders had collected more than two thousand signatures in three weeks, most of them from people who buy "
    "their fish there every Friday.",
    "The trust said the roof repairs would now be done in two stages, so that half of the stalls can stay open "
    "while the work goes on.",
    "The first stage starts in November and should take six weeks, weather permitting, the trust's engineer told "
    "the meeting.",
]


def test_a_story_inside_an_unclosed_popup_is_extracted():
    # A newsletter popup left unclosed wraps the whole page, story included: trafilatura's default
    # pass prunes it all away, its recall pass keeps the story.
    story = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    page = ("<html><head><title>Fish market stays open</title></head><body><aside class='popup'><div>Newsletter</div>"
            "<div id='wrap'><header class='site-header'><div class='top'><article class='entry'>"
            f"<h1>Fish market stays open</h1>{story}</article></div></header></div></aside></body></html>")
    assert extract_article(page, "https://harbour.example/news/fish-market")["text"] == "\n\n".join(STORY)


def _page(paragraphs: list[str]):
    return parse_page("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")


def test_the_recall_pass_is_not_run_when_the_first_kept_most_of_the_page():
    def recall_pass():
        raise AssertionError("not needed: the first pass kept most of the page's text")

    assert fuller_paragraphs(STORY[:3], _page(STORY), recall_pass) == STORY[:3]


def test_a_little_more_text_is_not_taken():
    # The first pass kept a small share of the page; the second finds only a caption more.
    page = _page([*STORY, *(f"Menu entry number {i} of the harbour site" for i in range(40))])
    ends = [STORY[0], STORY[3]]
    fuller = [STORY[0], "Photo: the fish market in winter.", STORY[3]]
    assert fuller_paragraphs(ends, page, lambda: fuller) == ends
    assert fuller_paragraphs(ends, page, lambda: STORY) == STORY  # the story's middle, found


def test_text_after_the_story_does_not_count():
    # What the recall pass adds after the first pass's last paragraph (a cookie notice, comments)
    # is what the first pass rightly left out: only parts before or between its paragraphs count.
    page = _page([*STORY, *(f"Menu entry number {i} of the harbour site" for i in range(40))])
    notice = ["This site uses cookies to remember your choices and to count visits; you can refuse all but the "
              "necessary ones in the settings at the foot of every page. " * 2]
    assert fuller_paragraphs(STORY[:2], page, lambda: [*STORY[:2], *notice]) == STORY[:2]
    assert fuller_paragraphs(STORY[2:], page, lambda: [*STORY, *notice]) == [*STORY, *notice]
