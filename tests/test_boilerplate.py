"""Site boilerplate memory: template blocks learned across different stories, story text kept."""

from __future__ import annotations

from newscrawl.extraction import extract_article
from newscrawl.extraction.boilerplate import SiteBoilerplate, block_key

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
