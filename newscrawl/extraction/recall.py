"""A second, recall-leaning trafilatura pass for pages where its default pass kept little of the text."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

# trafilatura's default pass sometimes keeps one section of a long page, or nothing, where its
# recall pass (`favor_recall`: laxer pruning, its fallback extractors trusted sooner) finds the
# whole story. The second pass runs only when the first kept less than this share of the page's
# visible text (a story is most of its page's words; nav and footer are not) ...
TRY_BELOW_SHARE = 0.5
# ... and its text is taken only when it holds this many times the first's characters: a little
# more is as likely boilerplate as story.
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
    return fuller if _chars(fuller) >= TAKE_ABOVE_RATIO * kept and _chars(fuller) > kept else paragraphs
