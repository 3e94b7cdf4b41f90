"""A second, recall-leaning trafilatura pass for pages where its default pass kept little of the text."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

# trafilatura's default pass sometimes keeps one section of a long page, or nothing, where its
# recall pass (`favor_recall`: laxer pruning, its fallback extractors trusted sooner) finds the
# whole story. The second pass runs only when the first kept less than this share of the page's
# visible text (a story is most of its page's words; nav and footer are not) ...
TRY_BELOW_SHARE = 0.5
# ... and its text is taken only when it holds this many times the first's characters, not
# counting what it adds after the first pass's last paragraph: a story cut short misses parts
# before or between the ones kept, while what follows a story's end (comments, a cookie notice,
# related links) is what the first pass rightly left out.
TAKE_ABOVE_RATIO = 1.5
_VISIBLE_TEXT = etree.XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
)


def _chars(paragraphs: list[str]) -> int:
    return sum(len(paragraph) for paragraph in paragraphs)


def visible_chars(tree) -> int:
    """Characters of the page's visible text, whitespace runs counted as one."""
    return sum(len(" ".join(text.split())) for text in _VISIBLE_TEXT(tree))


def fuller_paragraphs(paragraphs: list[str], tree, recall_pass: Callable[[], list[str]]) -> list[str]:
    """`paragraphs`, or the recall pass's when the default pass kept little and the recall pass much more.

    When in doubt, keep the text: a page whose story trafilatura cut short loses it for good,
    while a few extra lines are a smaller fault.
    """
    kept = _chars(paragraphs)
    if kept >= TRY_BELOW_SHARE * visible_chars(tree):
        return paragraphs
    fuller = recall_pass()
    found = _chars(_up_to_last_of(fuller, set(paragraphs)))
    return fuller if found >= TAKE_ABOVE_RATIO * kept and found > kept else paragraphs


def _up_to_last_of(fuller: list[str], first: set[str]) -> list[str]:
    """`fuller` up to its last paragraph that the first pass gave too (all of it if none)."""
    last = max((i for i, paragraph in enumerate(fuller) if paragraph in first), default=len(fuller) - 1)
    return fuller[:last + 1]
