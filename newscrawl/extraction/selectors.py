"""CSS-or-XPath selection on lxml trees, compiled once per expression."""

from __future__ import annotations

from functools import lru_cache

from cssselect import SelectorError
from parsel.csstranslator import HTMLTranslator
from lxml import etree

# parsel's translator understands Scrapy's `::text` and `::attr(name)` pseudo-elements.
_translator = HTMLTranslator()


@lru_cache(maxsize=512)
def compile_selector(expression: str) -> etree.XPath:
    """XPath for `expression`: XPath when it starts with `/`, `./` or `(`, else CSS (`::text`, `::attr(x)` ok)."""
    if expression.startswith(("/", "(", "./")):
        try:
            return etree.XPath(expression)
        except etree.XPathSyntaxError as error:
            raise ValueError(f"bad selector {expression!r}: {error}") from error
    try:
        return etree.XPath(_translator.css_to_xpath(expression))
    except (SelectorError, etree.XPathSyntaxError) as error:
        raise ValueError(f"bad selector {expression!r}: {error}") from error


def select(tree, expression: str) -> list:
    """Elements (or strings, for `::text`/`::attr()`/XPath text) matching the expression."""
    try:
        return compile_selector(expression)(tree)
    except etree.XPathError as error:
        raise ValueError(f"bad selector {expression!r}: {error}") from error


def select_texts(tree, expression: str) -> list[str]:
    """Whitespace-normalised, non-empty texts of every match."""
    texts = []
    for match in select(tree, expression):
        text = match if isinstance(match, str) else " ".join(match.itertext())
        text = " ".join(str(text).split())
        if text:
            texts.append(text)
    return texts
