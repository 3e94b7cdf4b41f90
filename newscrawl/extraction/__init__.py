"""Main text and metadata of news pages: the only package that imports trafilatura."""

from __future__ import annotations

import importlib

__all__ = ["BadInput", "SiteHints", "extract_article", "main_paragraphs", "parse_page", "site_of",
           "template_observation"]

# name -> module that defines it. Loaded on first use (PEP 562), so linking code that needs
# only the pure helpers (dates, wire) does not pay for trafilatura and lxml.
_WHERE = {
    "extract_article": "article", "main_paragraphs": "article", "parse_page": "article", "site_of": "article",
    "template_observation": "article", "BadInput": "errors", "SiteHints": "hints",
}


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
