"""Collapsed panels (accordions, FAQ answers, tabs) that a reader opens with a click: shown to the extractor."""

from __future__ import annotations

import re

from lxml import etree

from newscrawl.extraction.parsing import element_text

# trafilatura drops hidden elements (`display:none`, a `hidden` attribute or class): right for a
# closed menu or a template's spare copy, wrong for the answers of a FAQ or the sections of a
# guide folded into an accordion, which the reader opens and reads. A hidden element is such a
# panel when the page wires it to a control (`role="region"`/`tabpanel`, `aria-labelledby`, an
# `aria-controls` pointing at it) or names it one in its own or a near ancestor's class ...
_HIDDEN = etree.XPath(
    "//*[@hidden or @aria-hidden='true' or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(@class, 'hidden') or contains(@class, 'collapse')]"
)
_CONTROLLED = etree.XPath("//@aria-controls", smart_strings=False)
_PANEL_CLASS = re.compile(r"accordion|faq|collaps|toggle|expand|disclosure|tab-?pane|tabpanel|panel", re.I)
_PANEL_ANCESTORS = 3
# ... that holds prose (a menu is links) ...
_MIN_PANEL_TEXT = 80
_MAX_LINK_SHARE = 0.5
# ... outside the page's navigation.
_CHROME = {"nav", "header", "footer", "menu"}
_HIDING_CLASS = re.compile(r"^(?:hidden|is-hidden|collapse|collapsed|.*-hidden)$")
_HIDING_STYLE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*;?", re.I)


def _is_panel(element, controlled: set[str]) -> bool:
    if element.get("role") in ("region", "tabpanel") or element.get("aria-labelledby"):
        return True
    if element.get("id") and element.get("id") in controlled:
        return True
    nearby = [element, *list(element.iterancestors())[:_PANEL_ANCESTORS]]
    return any(_PANEL_CLASS.search(e.get("class") or "") for e in nearby)


def _holds_prose(element) -> bool:
    text = element_text(element)
    if len(text) < _MIN_PANEL_TEXT:
        return False
    linked = sum(len(element_text(a)) for a in element.iter("a"))
    return linked <= _MAX_LINK_SHARE * len(text)


def reveal_collapsed(tree) -> int:
    """Unhide collapsed panels that hold prose, in place; returns how many."""
    controlled = {value for values in _CONTROLLED(tree) for value in values.split()}
    revealed = 0
    for element in _HIDDEN(tree):
        if (any(a.tag in _CHROME for a in element.iterancestors()) or element.tag in _CHROME
                or not _is_panel(element, controlled) or not _holds_prose(element)):
            continue
        for name in ("hidden", "aria-hidden"):
            element.attrib.pop(name, None)
        if element.get("style"):
            element.set("style", _HIDING_STYLE.sub("", element.get("style")))
        if element.get("class"):
            element.set("class", " ".join(c for c in element.get("class").split() if not _HIDING_CLASS.match(c)))
        revealed += 1
    return revealed
