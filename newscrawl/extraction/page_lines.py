"""Which elements of a page hold a whole line of its text, never words inside a sentence.

A line is what the extracted text shows as one: a paragraph, a heading, a list item, a
quote, a table row. The site memory may remove an element only when it is a whole line:
a tag link or a bold word inside a sentence belongs to the sentence, however often the
same word stands alone elsewhere on the site.
"""

from __future__ import annotations

import re

# Elements whose text is one block; containers only count when they hold no such element.
LEAF_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "figcaption",
             "blockquote", "caption", "option", "summary"}
CONTAINERS = {"div", "section", "header", "footer", "aside", "nav", "article", "center"}
# Inline elements are a block only when they stand alone (see `is_whole`): inside a sentence
# their text is the sentence's, however often it recurs as a tag link elsewhere.
INLINE = {"span", "a", "strong", "em", "small", "b", "i", "font", "time", "label", "button", "u", "abbr",
          "cite", "mark", "q", "sub", "sup", "code", "s", "del", "ins", "big", "tt", "br", "img", "wbr",
          "bdi", "bdo", "data", "var", "kbd", "samp", "dfn", "picture", "source", "svg"}
# Elements that make one line of extracted text, whatever blocks they hold (a quote's paragraphs,
# a list item's): a block inside one is only whole when it is all of the line.
_LINE_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt",
              "figcaption", "caption", "summary", "address"}
_CELLS = {"td", "th"}
_NON_WORD = re.compile(r"[\W_]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(word for word in _NON_WORD.split(text.lower()) if word)


def _is_inline(node) -> bool:
    return isinstance(node.tag, str) and node.tag in INLINE


class PageLines:
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
            if element.tag in LEAF_TAGS or element.tag == "div" or element in self.holds_block:
                self.holds_block.add(parent)
            if element.tag not in INLINE or element in self.holds_non_inline:
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


def is_whole(element, page: PageLines) -> bool:
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
