"""Site-level boilerplate memory: text blocks that recur across different stories of a site.

Every page of a site shares its template, so a block of text (a rating widget, a
sidebar headline, a footer line) that shows up on pages of several *different* stories
of the same site is template, not story. The memory learns such blocks as pages go by
and removes them from later pages before trafilatura runs.

Why per site and per story: mirrors copy the same story word for word onto many sites,
so repetition of a paragraph *across sites* is a copy, never a template; within one site
we count distinct stories (a key taken from the page's long paragraphs), so the same
story fetched twice, or a write-thru sharing its lede with the first version, does not
teach the memory that its paragraphs are template.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict

import xxhash

from newscrawl.extraction.page_lines import CONTAINERS, INLINE, LEAF_TAGS, PageLines, is_whole
from newscrawl.extraction.parsing import element_text

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_MAX_CONTAINER_CHARS = 300
_STORY_WORDS = 12  # paragraphs at least this long identify the story a page tells
_NON_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")

# A block seen on pages of this many other stories of the site is template.
MIN_STORIES = 2
# Distinct stories remembered per block: enough to decide, bounded in memory.
STORY_CAP = 8


# Numbers are folded only in short blocks (widgets); folding them in long ones would make
# a weekly report's sentence frames ("rates rose to 6.1%") look like template.
_FOLD_DIGITS_MAX_WORDS = 8


def block_key(text: str) -> str | None:
    """Key of a block's text: case and punctuation folded, numbers too in short blocks (`veryGood! (95)`)."""
    text = text.lower()
    if len(text.split()) <= _FOLD_DIGITS_MAX_WORDS:
        text = _DIGITS.sub("0", text)
    folded = _NON_WORD.sub(" ", text).strip()
    if len(folded) < 2:
        return None
    return xxhash.xxh64_hexdigest(folded.encode())


def page_blocks(tree) -> list[tuple[object, str, int]]:
    """(element, key, word count) for each text block of a page, in document order.

    A block is a paragraph-like element, a small container of inline text, or an inline
    element standing alone; each is the whole of a line of the page (`is_whole`).
    """
    page = PageLines(tree)
    blocks = []
    for element in page.elements:
        tag = element.tag
        if tag in _SKIP_TAGS:
            continue
        if tag not in LEAF_TAGS:
            if (tag not in CONTAINERS and tag not in INLINE) or element in page.holds_block:
                continue
        text = element_text(element)
        if not text or (tag not in LEAF_TAGS and len(text) > _MAX_CONTAINER_CHARS):
            continue
        key = block_key(text)
        if key:
            page.words(element, text)  # seeds the cache: the text is at hand
            if is_whole(element, page):
                blocks.append((element, key, len(text.split())))
    return blocks


def story_key(blocks, fallback: str) -> str:
    """One key for the story a page tells: the smallest key among its long paragraphs."""
    long_keys = [key for _, key, words in blocks if words >= _STORY_WORDS]
    return min(long_keys) if long_keys else xxhash.xxh64_hexdigest(fallback.encode())


class SiteBoilerplate:
    """Thread-safe memory of block key -> the distinct stories it was seen with, per site.

    `observe` records a page; `template_keys` says which of a page's blocks are template.
    New observations queue up in `drain()` so a pipeline can persist them to the store;
    `stored_counts(site, keys) -> {key: stories}` reads what earlier runs persisted (the
    store's `blocks_doc_counts`), so the next crawl starts knowing the site.
    """

    def __init__(self, min_stories: int = MIN_STORIES, stored_counts=None):
        self.min_stories = min_stories
        self.stored_counts = stored_counts
        self._stories: dict[str, dict[str, set[str]]] = defaultdict(dict)
        self._pending: list[tuple[str, list[str], str]] = []
        self._lock = threading.Lock()

    def template_keys(self, site: str, keys, story: str) -> set[str]:
        """The keys among `keys` seen with at least `min_stories` stories other than `story`."""
        keys = set(keys)
        # Persisted counts include this run's drained observations: the larger count wins.
        stored = self.stored_counts(site, sorted(keys)) if self.stored_counts and keys else {}
        with self._lock:
            memory = self._stories[site]
            template = set()
            for key in keys:
                stories = memory.get(key, ())
                seen_here = len(stories) - (story in stories)
                # The store counts stories, not which ones: an earlier run may have counted
                # this very story (a page fetched again), so it always counts one less. Being
                # one story late to learn a template costs little; counting a page's own
                # paragraphs against it would drop its text.
                if max(seen_here, stored.get(key, 0) - 1) >= self.min_stories:
                    template.add(key)
            return template

    def observe(self, site: str, keys, story: str) -> None:
        unique = sorted(set(keys))
        with self._lock:
            memory = self._stories[site]
            for key in unique:
                stories = memory.setdefault(key, set())
                if len(stories) < STORY_CAP:
                    stories.add(story)
            self._pending.append((site, unique, story))

    def drain(self) -> list[tuple[str, list[str], str]]:
        """Observations not yet persisted: (site, block keys, story key)."""
        with self._lock:
            pending, self._pending = self._pending, []
        return pending


# Removed blocks leave a placeholder character from Unicode's Supplementary Private Use
# Area-A (no real text uses it; a page that does is left alone), so the extracted text shows
# where each removal fell: a placeholder alone on a line is a whole block gone, one next to
# other words means the removal cut into a paragraph, and its words are put back.
_PLACEHOLDER_BASE = 0xF0000
_PLACEHOLDER_MAX = 0xFFFFD - _PLACEHOLDER_BASE
_PLACEHOLDERS = re.compile("[\U000F0000-\U000FFFFD]")
_WORD = re.compile(r"\w")


def template_blocks(tree, site: str, memory: SiteBoilerplate, fallback_story: str) -> list[tuple[object, str]]:
    """(element, key) of the page's blocks that `memory` knows as the site's template; the page teaches it in turn."""
    blocks = page_blocks(tree)
    story = story_key(blocks, fallback_story)
    template = memory.template_keys(site, (key for _, key, _ in blocks), story)
    memory.observe(site, (key for _, key, _ in blocks), story)
    return [(element, key) for element, key, _ in blocks if key in template]


def remove_blocks(tree, blocks: list[tuple[object, str]]) -> tuple[int, dict[str, str]]:
    """Replace template blocks still in `tree` with placeholders (in place).

    Returns how many learned rules (distinct template blocks) removed text, and each
    placeholder's original text for `settle_removals`. Runs after the page rules, which
    judge link lists by their whole run of links, template ones included.
    """
    rules: set[str] = set()
    removed: dict[str, str] = {}
    if not blocks or _PLACEHOLDERS.search("".join(tree.itertext())):
        return 0, removed
    for element, key in blocks:
        # Blocks inside one removed before, or dropped by a page rule, have left the tree.
        if element.getroottree().getroot() is not tree or len(removed) > _PLACEHOLDER_MAX:
            continue
        placeholder = chr(_PLACEHOLDER_BASE + len(removed))
        removed[placeholder] = element_text(element)
        element.clear(keep_tail=True)  # the tail is the next words' text, not the block's
        element.text = placeholder
        rules.add(key)
    return len(rules), removed


def settle_removals(paragraphs: list[str], removed: dict[str, str]) -> tuple[list[str], int]:
    """Paragraphs without the placeholders of removed blocks, and how many lines a removal shortened.

    A line (a paragraph, a list item, a table row) that is nothing but placeholders was
    template and goes; a line where a placeholder sits among words would have lost text
    inside it, so the removed text is put back and the line counted.
    """
    if not removed:
        return paragraphs, 0
    settled, shortened = [], 0
    for paragraph in paragraphs:
        if not _PLACEHOLDERS.search(paragraph):
            settled.append(paragraph)
            continue
        lines = []
        for line in paragraph.split("\n"):
            if not _PLACEHOLDERS.search(line):
                lines.append(line)
            elif _WORD.search(_PLACEHOLDERS.sub("", line)):
                shortened += 1
                restored = _PLACEHOLDERS.sub(lambda m: removed.get(m.group(), ""), line)
                lines.append(" ".join(restored.split()))
        if lines:
            settled.append("\n".join(lines))
    return settled, shortened
