"""Site boilerplate memory: template blocks learned across different stories, story text kept."""

from __future__ import annotations

import re

import lxml.html
import pytest

from newscrawl.extraction import extract_article
from newscrawl.extraction.boilerplate import SiteBoilerplate, block_key, settle_removals
from tests import long_site

STORIES = {
    name: [f"{name} paragraph {i}: the {name} committee met on a wet morning in the valley town to weigh "
           f"plan number {i}, and members argued for an hour before the chair called a vote." for i in range(4)]
    for name in ("ferry", "orchard", "bridge", "library", "quarry")
}


def mirror_page(story: str, rating: int, sidebar: list[str]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORIES[story])
    items = "".join(f"<li><a href='/news/{i}.html'>{h}</a></li>" for i, h in enumerate(sidebar))
    return (
        f"<html><head><title>{story} news -Capitatum</title></head><body>"
        f"<div class='crumb'>Current:Home &gt; Markets</div><h1>{story} news -Capitatum</h1>"
        f"<div class='content'>{paragraphs}</div>"
        f"<div class='stars'>veryGood! ({rating})</div>"
        f"<div class='side'><h3>Related</h3><ul>{items}</ul></div></body></html>"
    )


SIDEBAR = ["Harbor fair draws record crowds to the pier", "Council delays vote on tram fares again",
           "Mill workers hold a vigil for the closed loom", "Late frost threatens the apricot crop"]


def test_block_key_folds_numbers_and_punctuation():
    assert block_key("veryGood! (95)") == block_key("verygood (88)")
    assert block_key("Related") != block_key("Ranking")


def test_template_blocks_are_learned_and_story_text_is_kept():
    memory = SiteBoilerplate()
    stories = list(STORIES)
    results = [
        extract_article(mirror_page(story, 80 + n, SIDEBAR), f"https://capitatum.com/news/m/{n}.html", memory=memory)
        for n, story in enumerate(stories)
    ]
    assert results[0]["boilerplate_rules"] == 0  # cold start: nothing learned yet
    for result, story in zip(results[2:], stories[2:]):
        assert result["boilerplate_rules"] > 0
        text = result["text"]
        for paragraph in STORIES[story]:
            assert paragraph in text
        for line in ("veryGood", *SIDEBAR):
            assert line not in text, line


def test_the_same_story_on_many_pages_is_never_learned_as_template():
    memory = SiteBoilerplate()
    for n in range(5):  # one story, five URLs of one site (re-posts, tracking parameters)
        result = extract_article(mirror_page("ferry", 90, []), f"https://capitatum.com/news/m/{n}.html",
                                 memory=memory)
    for paragraph in STORIES["ferry"]:
        assert paragraph in result["text"]


def test_memory_is_per_site():
    memory = SiteBoilerplate()
    for n, story in enumerate(["ferry", "orchard", "bridge"]):
        extract_article(mirror_page(story, 90, SIDEBAR), f"https://capitatum.com/news/m/{n}.html", memory=memory)
    other = extract_article(mirror_page("library", 90, SIDEBAR), "https://ledgerpostdaily.com/news/m/1.html",
                            memory=memory)
    assert other["boilerplate_rules"] == 0


def test_drain_returns_each_observation_once():
    memory = SiteBoilerplate()
    extract_article(mirror_page("quarry", 70, SIDEBAR), "https://capitatum.com/news/m/9.html", memory=memory)
    pending = memory.drain()
    assert len(pending) == 1 and pending[0][0] == "capitatum.com"
    assert memory.drain() == []


# --- the memory never cuts words out of a paragraph --------------------------------------

def lines(text: str | None) -> list[str]:
    """The text's lines: paragraphs, list items, table rows."""
    return [line for line in (text or "").split("\n") if line.strip()]


def page_lines(html: str) -> set[str]:
    """Every whole line the page holds: each element's text, each table row as the text shows it."""
    tree = lxml.html.fromstring(html)
    found = {" ".join(" ".join(e.itertext()).split()) for e in tree.iter() if isinstance(e.tag, str)}
    found |= {" | ".join(" ".join(" ".join(c.itertext()).split()) for c in row) for row in tree.iter("tr")}
    return found


TEMPLATE_SHAPES = re.compile(r"^(Updated \d+ May|Useful\? \(\d+\))$")


def test_memory_removes_whole_lines_only_over_a_long_crawl_of_one_site():
    """300 pages of one site whose tag links share words with the prose: with the memory, the
    text is the text without it minus whole template lines, never a paragraph with words cut out."""
    memory = SiteBoilerplate()
    cleaned = identical_but_template = 0
    for n in range(300):
        html, url = long_site.page(n)
        with_memory = extract_article(html, url, memory=memory)
        without = extract_article(html, url)
        ours, plain = lines(with_memory["text"]), lines(without["text"])
        assert with_memory["boilerplate_shortened"] == 0, url
        # Lines the memory took away are whole template blocks (a subheading equal to a tag may go).
        lost = [line for line in plain if line not in ours]
        assert all(line in long_site.TEMPLATE_LINES or TEMPLATE_SHAPES.match(line) for line in lost), (url, lost)
        # Every line with the memory is a line without it or, where trafilatura kept more of the
        # story once the template was gone, a whole line of the page: none is a shortened line.
        whole = page_lines(html)
        gained = [line for line in ours if line not in plain]
        assert all(line in whole for line in gained), (url, gained)
        cleaned += with_memory["boilerplate_rules"] > 0
        identical_but_template += not gained
    assert cleaned >= 290  # the memory does work: from the third page on it removes the template
    assert identical_but_template >= 270  # and mostly the text is exactly the plain text minus template lines


# The three ways real pages lost words (issue #12), in fictional text: a tag link in a sentence,
# a linked first half of a compound word, a bold word; each text is also a tag link of the site.
INLINE_CASES = {
    "link": ("Der Rat stimmte gegen die <a href='/thema/nordmark'>Nordmark</a> und den Westen.",
             "Der Rat stimmte gegen die Nordmark und den Westen."),
    "compound": ("<a href='/thema/moewen'>Möwen</a>-Spielmacher Ilja Brandt traf zweimal.",
                 "Möwen-Spielmacher Ilja Brandt traf zweimal."),
    "bold": ("Die Stadt ist aufs <strong>Essen</strong> fixiert, sagt der Wirt.",
             "Die Stadt ist aufs Essen fixiert, sagt der Wirt."),
}
TAGS = ["Nordmark", "Möwen", "Essen", "Wetter"]


def german_page(n: int, sentence: str) -> str:
    story = " ".join(f"Absatz {n}-{i}: Die Gemeinde Kaltenbruch beriet am Abend über Plan {n * 7 + i}, "
                     f"und die Mitglieder stritten eine Stunde lang über Brücke {i}." for i in range(3))
    tags = "".join(f"<li><a href='/thema/{t.lower()}'>{t}</a></li>" for t in TAGS)
    return (f"<html><body><nav><ul>{tags}</ul></nav><article><h1>Bericht {n} aus Kaltenbruch</h1>"
            f"<p>{story}</p><p>{sentence} {story[:60]}</p><p>Zum Schluss dankte Bürgermeisterin Olga Renz den {n + 12} Helfern für die Nacht an der Brücke.</p></article>"
            f"<div class='tags'><ul>{tags}</ul></div><footer>Kaltenbrucher Bote</footer></body></html>")


@pytest.mark.parametrize("case", list(INLINE_CASES))
def test_words_inside_a_sentence_survive_the_memory(case):
    markup, words = INLINE_CASES[case]
    memory = SiteBoilerplate()
    for n in range(6):
        result = extract_article(german_page(n, markup), f"https://kaltenbrucher-bote.example/{n}", memory=memory)
        assert words in result["text"], (n, result["text"])
    assert result["boilerplate_rules"] > 0 and result["boilerplate_shortened"] == 0
    assert "Wetter" not in result["text"]  # the tag list itself is learned and removed


def test_a_removal_that_would_cut_a_line_is_put_back_and_counted():
    cut, whole = chr(0xF0000), chr(0xF0001)
    removed = {cut: "Nordmark", whole: "Most read"}
    paragraphs = [f"Der Rat stimmte gegen die {cut} und den Westen.", whole, f"Liste\n{whole}\nZweiter Punkt"]
    settled, shortened = settle_removals(paragraphs, removed)
    assert settled == ["Der Rat stimmte gegen die Nordmark und den Westen.", "Liste\nZweiter Punkt"]
    assert shortened == 1


def test_a_page_fetched_again_in_a_later_process_keeps_its_text():
    # An earlier run stored this story's paragraphs (with one other story sharing a
    # paragraph); the store only knows counts, so it cannot tell the page's own story apart.
    own = ["the council voted on the river bridge budget after a long night of debate here"]
    shared = "subscribe to our morning newsletter for the latest local headlines and more"
    stored = {block_key(own[0]): 1, block_key(shared): 2}
    memory = SiteBoilerplate(stored_counts=lambda site, keys: {k: stored[k] for k in keys if k in stored})
    keys = [block_key(own[0]), block_key(shared)]
    assert memory.template_keys("example.org", keys, story=block_key(own[0])) == set()
    stored[block_key(shared)] = 3  # seen with two stories other than this one: template
    assert memory.template_keys("example.org", keys, story=block_key(own[0])) == {block_key(shared)}
