"""Layout signals of a whole page for article detection: teaser links, images, discussion markup."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from lxml import etree

# One XPath call, no Python object per element (see page_kind._COUNTS). A headline-like link has
# six words or more (five spaces once whitespace is normalised): a grid of teasers is many of them
# over little prose; a story links a few in its text. Links in the site's menus, header, footer and
# sidebars are not counted: long menu entries and a "latest news" sidebar sit beside short stories.
_COUNTS = etree.XPath(
    "concat(count(//img), ' ',"
    " count(//a[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
    "[string-length(normalize-space(.)) - string-length(translate(normalize-space(.), ' ', '')) >= 5]))"
)
# Class words of the parts of a discussion (posts, replies, answers, user names). A story with a
# comment section has some; a thread is made of them. Matched like page_kind's class words.
_DISCUSSION_CLASS = re.compile(r"\b(?:comment|reply|replies|answer|post-?body|postbit|message|username|user-name)\b")
_DISCUSSION_WORDS = ("comment", "repl", "answer", "post", "message", "user")


@dataclass(frozen=True)
class Layout:
    """Counts over the whole page (before its chrome is pruned)."""

    images: int = 0  # <img> elements: product grids and landing pages show many
    headline_links: int = 0  # links of six words or more outside menus and sidebars: teasers of other pages
    discussion_marks: int = 0  # class names of posts, replies, answers, user names


def _chars(text: str) -> int:
    """Length with runs of whitespace counted as one space."""
    return len(" ".join(text.split()))


def page_layout(tree, classes: str) -> Layout:
    """Layout counts of a parsed page; `classes` is its class names joined, lower-cased, `_` made `-`."""
    images, headline_links = (int(float(n)) for n in _COUNTS(tree).split())
    return Layout(
        images=images,
        headline_links=headline_links,
        discussion_marks=(len(_DISCUSSION_CLASS.findall(classes))
                          if any(word in classes for word in _DISCUSSION_WORDS) else 0),
    )


def layout_features(layout: Layout, paragraphs: list[str]) -> list[float]:
    """The detector's layout inputs; teaser links are set against the main text, since a story
    carries a few related links whatever its length and a list is teasers around a little text."""
    main = sum(_chars(p) for p in paragraphs)
    return [
        math.log1p(layout.images) / 5,
        min(layout.headline_links / (1 + main / 1000), 10) / 10,
        math.log1p(layout.discussion_marks) / 5,
    ]


def teaser_grid(layout: Layout, paragraphs: list[str]) -> bool:
    """Ten headline-like links or more, and three or more per thousand characters of main text (and
    three over none): the page lists other pages. (A few links beside a text the extractor cut
    short are no grid.)"""
    return layout.headline_links >= max(10, 3 * (1 + sum(_chars(p) for p in paragraphs) / 1000))
