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

# Elements whose text is one block; containers only count when they hold no such element.
_LEAF_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "figcaption",
              "blockquote", "caption", "option", "summary"}
_CONTAINERS = {"div", "section", "header", "footer", "aside", "nav", "article", "center"}
# Inline elements are a block only when they stand alone (see `is_whole`): inside a sentence
# their text is the sentence's, however often it recurs as a tag link elsewhere.
_INLINE = {"span", "a", "strong", "em", "small", "b", "i", "font", "time", "label", "button", "u", "abbr",
           "cite", "mark", "q", "sub", "sup", "code", "s", "del", "ins", "big", "tt", "br", "img", "wbr",
           "bdi", "bdo", "data", "var", "kbd", "samp", "dfn", "picture", "source", "svg"}
# Elements that make one line of extracted text, whatever blocks they hold (a quote's paragraphs,
# a list item's): a block inside one is only whole when it is all of the line.
_LINE_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt",
              "figcaption", "caption", "summary", "address"}
_CELLS = {"td", "th"}
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


def _own_text(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word in _NON_WORD.split(text.lower()) if word)


def _is_inline(node) -> bool:
    return isinstance(node.tag, str) and node.tag in _INLINE


class _Page:
    """What `is_whole` asks of a page's elements, computed in one pass and cached.

    It keeps every element's proxy alive, so walking up and down the tree creates none.
    """

    def __init__(self, tree):
        self.elements = [e for e in tree.iter() if isinstance(e.tag, str)]
        self._words: dict = {}
        self._runs: dict = {}
        self.line_of: dict = {}  # element -> nearest enclosing line element (p, li, quote, ...)
        self.cell_of: dict = {}  # element -> itself or its nearest enclosing table cell
        for element in self.elements:  # parents come before their children
            parent = element.getparent()
            if parent is not None and parent.tag in _LINE_TAGS:
                self.line_of[element] = parent
            else:
                self.line_of[element] = self.line_of.get(parent)
            self.cell_of[element] = element if element.tag in _CELLS else self.cell_of.get(parent)
        self.holds_block: set = set()  # elements with a paragraph-like or div descendant
        self.holds_non_inline: set = set()  # elements with any block-level descendant
        for element in reversed(self.elements):  # children come before their parents
            parent = element.getparent()
            if parent is None:
                continue
            if element.tag in _LEAF_TAGS or element.tag == "div" or element in self.holds_block:
                self.holds_block.add(parent)
            if element.tag not in _INLINE or element in self.holds_non_inline:
                self.holds_non_inline.add(parent)

    def words(self, element, text: str | None = None) -> tuple[str, ...]:
        words = self._words.get(element)
        if words is None:
            words = self._words[element] = _words(" ".join(element.itertext()) if text is None else text)
        return words

    def run(self, parent, child) -> tuple[str, ...]:
        """Words of the inline run of `parent` (text between its block children) that holds `child`."""
        runs = self._runs.get(parent)
        if runs is None:
            runs = self._runs[parent] = {}
            members, texts = [], [parent.text or ""]
            for node in [*parent, None]:
                if node is None or (isinstance(node.tag, str) and not _is_inline(node)):
                    words = _words(" ".join(texts))
                    runs.update(dict.fromkeys(members, words))
                    members, texts = [], [node.tail or ""] if node is not None else []
                    continue
                if isinstance(node.tag, str):
                    members.append(node)
                    texts.append(" ".join(node.itertext()))
                texts.append(node.tail or "")
        return runs.get(child, ())


def is_whole(element, page: _Page) -> bool:
    """Whether `element`'s text is all of a line of the page's text, not words inside one.

    An inline element (a tag link in a sentence, a bold word) must be its whole run of
    text; any block must be all of the paragraph, list item or quote it sits in, and a
    data table's cell all of its row. Only such blocks may be removed as template.
    """
    words = page.words(element)
    node = element
    while _is_inline(node):
        parent = node.getparent()
        if parent is None:
            return False
        if (page.words(parent) if _is_inline(parent) else page.run(parent, node)) != words:
            return False
        node = parent
    # Every enclosing line counts: a quote's paragraphs make one line of text.
    line = node if node is not element and node.tag in _LINE_TAGS else page.line_of.get(node)
    while line is not None:
        if page.words(line) != words:
            return False
        line = page.line_of.get(line)
    cell = page.cell_of.get(node)
    if cell is not None and cell not in page.holds_non_inline:  # a data cell, not a layout cell
        if page.words(cell) != words:
            return False
        row = cell.getparent()
        if row is not None and any(other is not cell and other.tag in _CELLS and page.words(other)
                                   for other in row):
            return False
    return True


def page_blocks(tree) -> list[tuple[object, str, int]]:
    """(element, key, word count) for each text block of a page, in document order.

    A block is a paragraph-like element, a small container of inline text, or an inline
    element standing alone; each is the whole of a line of the page (`is_whole`).
    """
    page = _Page(tree)
    blocks = []
    for element in page.elements:
        tag = element.tag
        if tag in _SKIP_TAGS:
            continue
        if tag not in _LEAF_TAGS:
            if (tag not in _CONTAINERS and tag not in _INLINE) or element in page.holds_block:
                continue
        text = _own_text(element)
        if not text or (tag not in _LEAF_TAGS and len(text) > _MAX_CONTAINER_CHARS):
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
                if max(seen_here, stored.get(key, 0) - (story in stories)) >= self.min_stories:
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
        removed[placeholder] = _own_text(element)
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
